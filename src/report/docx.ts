/**
 * The årlig melding as a Word document laid out like HSØ's attachment ("Vedlegg til årlig
 * melding YYYY for Helse Sør-Øst RHF"): a heading per helsefellesskap, each measure's name in
 * bold, its description, then one line per HSØ field ("Sum: 8 400 000", label bold), trailer
 * lines, and the total.
 *
 * Works in Node and in the browser: the document is packed to a Uint8Array (no Buffer, no fs).
 * One report → a short document for one helsefellesskap; several (or region: true) → the region
 * document with the request's bullet list, a table of contents and a section per helsefellesskap,
 * each starting on a new page.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  Paragraph,
  TableOfContents,
  TextRun,
  type ISectionOptions,
} from "docx";
import type { Report, ReportBlock } from "../core/melding/report";
import { formatNok } from "../core/amount";

/** The request from Helse- og omsorgsdepartementet, verbatim from the HSØ attachment (seeds/004). */
export const REQUEST_BULLETS: readonly string[] = [
  "Navn på tiltak",
  "Hvilke kommuner og sykehus som har inngått avtale, og hvor mye midler er tildelt det enkelte prosjekt.",
  "Status for prosjektet, herunder om det er under planlegging, forprosjekt, pågående, eller avsluttet.",
  "Planlagt varighet for finansiering med tilskuddsmidler, og eventuelt om prosjektet er planlagt å gå over i finansiering med ordinære driftsmidler.",
  "Foreløpige resultater fra iverksatte tiltak med hensyn til bedre samhandling, gode pasientforløp og effektiv ressursbruk. For prosjekter som er nylig oppstartet eller i planleggingsfase bes det rapportere på forventet effekt og måloppnåelse.",
  "Vurdering av mulighet for spredning, og ev. en redegjørelse for hva som gjøres for å oppnå spredning av tiltak.",
];

export const SUBJECT = "Rekrutterings- og samhandlingstilskudd";

export function regionTitle(year: number): string {
  return `Vedlegg til årlig melding ${year} for Helse Sør-Øst RHF`;
}

export function requestIntro(year: number): string {
  return `Helse- og omsorgsdepartementet har bedt om følgende rapportering i årlig melding for ${year} for de prosjekter som er tildelt rekrutterings- og samhandlingstilskudd.`;
}

export const REGION_OUTRO =
  "Dokumentet viser en samlet oversikt for alle prosjekter i region Helse Sør-Øst, fordelt på det enkelte helsefellesskap.";

const FONT = "Calibri";
const ACCENT = "1F3864";
const LANGUAGE = { value: "nb-NO" } as const;

/** Text with line breaks as one run per line (a cell's line breaks kept in Word). */
function runs(text: string, opts: { bold?: boolean } = {}): TextRun[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, bold: opts.bold, break: i > 0 ? 1 : undefined }));
}

/** "Sum: 8 400 000" with the label bold. */
function labelled(label: string, value: string, keepNext: boolean): Paragraph {
  return new Paragraph({
    keepNext,
    children: [new TextRun({ text: `${label}:`, bold: true }), ...runs(` ${value}`)],
  });
}

function blockParagraphs(b: ReportBlock): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({ style: "MeasureName", keepNext: true, children: runs(b.name, { bold: true }) }),
  ];
  for (const para of b.description.split(/\r?\n\s*\r?\n/).filter((p) => p.trim() !== "")) {
    out.push(new Paragraph({ keepNext: true, children: runs(para.trim()) }));
  }
  // The name stays with its first lines (never alone at a page foot); a long block may still break
  // further down, so pages fill instead of leaving half a page blank before each long measure.
  b.fields.forEach((f, i) => out.push(labelled(f.label, f.value, i < Math.min(2, b.fields.length - 1))));
  return out;
}

function sectionParagraphs(r: Report, opts: { pageBreak: boolean }): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: opts.pageBreak,
      children: [new TextRun(r.name)],
    }),
  ];
  if (r.blocks.length === 0 && r.trailers.length === 0) {
    out.push(
      new Paragraph({
        children: [new TextRun({ text: `Ingen tiltak er registrert for ${r.year}.`, italics: true })],
      }),
    );
  }
  // loops, not push(...): tens of thousands of measures would overflow the call stack
  for (const b of r.blocks) for (const p of blockParagraphs(b)) out.push(p);
  for (const t of r.trailers) for (const p of blockParagraphs(t)) out.push(p);
  out.push(
    new Paragraph({
      style: "Total",
      children: [
        new TextRun({ text: `Sum tiltak ${r.year}:`, bold: true }),
        new TextRun(` ${formatNok(r.total)}`),
      ],
    }),
  );
  if (r.trailers.length > 0) {
    const advanced = r.trailers.reduce((s, t) => s + (t.sum ?? 0), 0);
    out.push(
      new Paragraph({
        children: [
          new TextRun({
            text: `Forskuttert overforbruk (${formatNok(advanced)}) er ført for seg og ikke tatt med i summen.`,
            italics: true,
          }),
        ],
      }),
    );
  }
  return out;
}

function regionFront(reports: Report[], year: number): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(regionTitle(year))] }),
    new Paragraph({ style: "Subtitle", children: [new TextRun(SUBJECT)] }),
    new Paragraph({ children: [new TextRun(requestIntro(year))] }),
    ...REQUEST_BULLETS.map(
      (b) =>
        new Paragraph({ numbering: { reference: "request-bullets", level: 0 }, children: [new TextRun(b)] }),
    ),
    new Paragraph({ spacing: { before: 200 }, children: [new TextRun(REGION_OUTRO)] }),
    new Paragraph({ style: "TocHeading", children: [new TextRun("Innhold")] }),
    new TableOfContents("Innhold", { hyperlink: true, headingStyleRange: "1-1" }),
    // Word fills in the field's page numbers when it opens the document (updateFields).
    // A plain list of the sections reads the same everywhere (viewers that ignore fields, PDF converters).
    new Paragraph({ style: "SectionListHeading", children: [new TextRun("Helsefellesskap i vedlegget")] }),
    ...reports.map((r) => new Paragraph({ style: "SectionList", children: [new TextRun(r.name)] })),
  ];
}

function singleFront(r: Report): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Årlig melding ${r.year}`)] }),
    new Paragraph({ style: "Subtitle", children: [new TextRun(SUBJECT)] }),
  ];
}

export function buildDocument(reports: Report[], opts: { region?: boolean; year?: number } = {}): Document {
  const year = opts.year ?? reports[0]?.year ?? new Date().getFullYear();
  const region = opts.region ?? reports.length > 1;
  const children: ISectionOptions["children"][number][] = [];
  if (region) {
    children.push(...regionFront(reports, year));
    for (const r of reports) for (const p of sectionParagraphs(r, { pageBreak: true })) children.push(p);
  } else {
    const r = reports[0];
    if (r) {
      children.push(...singleFront(r));
      for (const p of sectionParagraphs(r, { pageBreak: false })) children.push(p);
    }
  }
  const title = region
    ? regionTitle(year)
    : reports[0]
      ? `Årlig melding ${year} – ${reports[0].name}`
      : `Årlig melding ${year}`;
  return new Document({
    title,
    subject: SUBJECT,
    creator: "RST-verktøy",
    description: `Rapportering av rekrutterings- og samhandlingstilskudd ${year}`,
    // The table of contents is a TOC field without page numbers (docx/layout's page estimate was
    // ~400 kB gzip of the lazy chunk for these few numbers); Word fills them in when it updates the
    // field on opening. The plain list of sections below it reads without any update.
    features: region ? { updateFields: true } : undefined,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22, language: LANGUAGE },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: FONT, size: 40, bold: true, color: ACCENT },
          paragraph: { spacing: { after: 80 } },
        },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 240, after: 200 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: "Subtitle",
          name: "Subtitle",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 28, color: "404040" },
          paragraph: { spacing: { after: 240 } },
        },
        {
          id: "MeasureName",
          name: "Tiltak",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { bold: true, size: 24 },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
        },
        {
          id: "Total",
          name: "Sum",
          basedOn: "Normal",
          next: "Normal",
          run: { size: 24 },
          paragraph: {
            spacing: { before: 360, after: 120 },
            border: { top: { style: "single", size: 6, color: "808080", space: 6 } },
          },
        },
        {
          id: "TocHeading",
          name: "Innhold",
          basedOn: "Normal",
          next: "Normal",
          run: { bold: true, size: 28, color: ACCENT },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        {
          id: "SectionListHeading",
          name: "Seksjonsliste overskrift",
          basedOn: "Normal",
          next: "Normal",
          run: { bold: true },
          paragraph: { spacing: { before: 240, after: 60 } },
        },
        {
          id: "SectionList",
          name: "Seksjonsliste",
          basedOn: "Normal",
          next: "Normal",
          paragraph: { spacing: { after: 0 }, indent: { left: 360 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: "request-bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 } } },
        children,
      },
    ],
  });
}

/** The .docx bytes (Node and browser). */
export async function reportDocx(
  reports: Report[],
  opts?: { region?: boolean; year?: number },
): Promise<Uint8Array> {
  return Packer.pack(buildDocument(reports, opts), "uint8array");
}
