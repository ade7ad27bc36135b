import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/core/grid";
import { buildReport, FIELD_LABELS } from "../../src/core/melding/report";
import { regionTitle, REQUEST_BULLETS, reportDocx } from "../../src/report/docx";
import { melding, registerGrid, REGISTER_HEADER, SEED_SECTION } from "../melding/fixtures";
import { plain } from "../plain";
import { docxParagraphs, unzip } from "./zip";

const vestfold = buildReport({ sheets: [registerGrid()] }, { year: 2025, name: "Helsefelleskap Vestfold" });

/** The seed section's non-empty lines, with a label's value joined when the seed put it on the next line. */
function seedLines(): string[] {
  const lines = SEED_SECTION.split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const out: string[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /:$/.test(prev) && FIELD_LABELS.some((f) => prev.startsWith(f)))
      out[out.length - 1] = `${prev} ${l}`;
    else out.push(l);
  }
  return out;
}

async function paragraphs(bytes: Uint8Array) {
  const files = unzip(bytes);
  // amounts are written with no-break spaces (core/format.ts); compare them in plain spelling
  return { files, paras: plain(docxParagraphs(files.get("word/document.xml")!.toString("utf8"))) };
}

describe("reportDocx for one helsefellesskap", async () => {
  const bytes = await reportDocx([vestfold], { year: 2025 });
  const { files, paras } = await paragraphs(bytes);
  if (process.env.RST_DOCX_OUT) {
    mkdirSync(process.env.RST_DOCX_OUT, { recursive: true });
    writeFileSync(join(process.env.RST_DOCX_OUT, "vestfold-2025.docx"), bytes);
  }

  it("is a Word document (Uint8Array, zip with word/document.xml), Norwegian", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(files.has("word/document.xml")).toBe(true);
    expect(files.get("word/styles.xml")!.toString("utf8")).toContain('w:val="nb-NO"');
    expect(files.get("docProps/core.xml")!.toString("utf8")).toContain(
      "Årlig melding 2025 – Helsefelleskap Vestfold",
    );
  });

  it("writes amounts with no-break spaces, so «8 400 000» never breaks across lines", () => {
    const xml = files.get("word/document.xml")!.toString("utf8");
    expect(xml).toContain("> 8\u00a0400\u00a0000</w:t>");
    expect(xml).toContain("> 14\u00a0240\u00a0000</w:t>");
    expect(xml).toContain("Forskuttert overforbruk (250\u00a0000)");
    // the users' own text is kept as written («må 250 000 av tildeling»)
    expect(xml).toContain("må 250 000 av tildeling");
  });

  it("reads like the Vestfold section of seeds/004, line by line (status normalised)", () => {
    const texts = paras.map((p) => p.text);
    const start = texts.indexOf("Helsefelleskap Vestfold");
    expect(start).toBe(2);
    expect(texts.slice(0, 2)).toEqual(["Årlig melding 2025", "Rekrutterings- og samhandlingstilskudd"]);
    const seed = seedLines()
      .map((l) => l.replace(/^Status for prosjektet \([^)]*\):/, "Status for prosjektet:"))
      .map((l) => l.replace(/^Mulighet for spredning (?!:)/, "Mulighet for spredning: "))
      .map((l) =>
        l.replace(/^Status for prosjektet: Under planlegging/, "Status for prosjektet: Planlegging"),
      );
    const ours = texts.slice(start, start + seed.length);
    expect(ours).toEqual(seed);
    expect(texts.slice(start + seed.length)).toEqual([
      "Sum tiltak 2025: 14 240 000",
      "Forskuttert overforbruk (250 000) er ført for seg og ikke tatt med i summen.",
    ]);
  });

  it("measure names bold, labels bold, values not", () => {
    const name = paras.find((p) => p.text === melding.measures[0].name)!;
    expect(name.boldText).toBe(name.text);
    const sum = paras.find((p) => p.text === "Sum: 8 400 000")!;
    expect(sum.boldText).toBe("Sum:");
    const h = paras.find((p) => p.text === "Helsefelleskap Vestfold")!;
    expect(h.style).toBe("Heading1");
  });

  it("keeps line breaks inside a cell and a description under the name", async () => {
    const g = gridFromValues("Årlig melding", [
      [...REGISTER_HEADER, "Beskrivelse"],
      [
        "",
        "Akuttmedisinsk kjede",
        2_752_884,
        "SSU",
        "Pågående",
        "tom. 2026",
        "Linje 1\nLinje 2",
        "",
        2025,
        "Bruk av akuttsekker & VR <ny>",
      ],
    ]);
    const r = buildReport({ sheets: [g] }, { year: 2025, name: "Agder" });
    const { paras: ps } = await paragraphs(await reportDocx([r]));
    const texts = ps.map((p) => p.text);
    const i = texts.indexOf("Akuttmedisinsk kjede");
    expect(texts.slice(i, i + 3)).toEqual([
      "Akuttmedisinsk kjede",
      "Bruk av akuttsekker & VR <ny>",
      "Sum: 2 752 884",
    ]);
    expect(texts).toContain("Foreløpige resultater: Linje 1\nLinje 2");
    expect(texts[2]).toBe("Helsefelleskap Agder");
  });
});

describe("reportDocx for the region", async () => {
  const other = buildReport(
    {
      sheets: [
        gridFromValues("Årlig melding", [
          REGISTER_HEADER,
          [
            "",
            "OBS plan Øvre Telemark",
            600_000,
            "Notodden kommune og Notodden sykehus",
            "Pågående",
            "Engangstildeling",
            "",
            "",
            2025,
          ],
        ]),
      ],
    },
    { year: 2025, name: "Helsefellesskapet i Telemark" },
  );
  const bytes = await reportDocx([other, vestfold], { region: true, year: 2025 });
  const { paras } = await paragraphs(bytes);
  const texts = paras.map((p) => p.text);
  if (process.env.RST_DOCX_OUT) writeFileSync(join(process.env.RST_DOCX_OUT, "region-2025.docx"), bytes);

  it("has the title, the request and its six bullets verbatim", () => {
    expect(texts[0]).toBe(regionTitle(2025));
    expect(texts[0]).toBe("Vedlegg til årlig melding 2025 for Helse Sør-Øst RHF");
    expect(texts[1]).toBe("Rekrutterings- og samhandlingstilskudd");
    expect(texts[2]).toBe(
      "Helse- og omsorgsdepartementet har bedt om følgende rapportering i årlig melding for 2025 for de prosjekter som er tildelt rekrutterings- og samhandlingstilskudd.",
    );
    expect(paras.slice(3, 9).map((p) => [p.text, p.hasBullet])).toEqual(
      REQUEST_BULLETS.map((b) => [b, true]),
    );
    expect(REQUEST_BULLETS).toHaveLength(6);
    expect(texts[9]).toBe(
      "Dokumentet viser en samlet oversikt for alle prosjekter i region Helse Sør-Øst, fordelt på det enkelte helsefellesskap.",
    );
  });

  it("has a table of contents field and a plain list of the sections", async () => {
    const xml = unzip(bytes).get("word/document.xml")!.toString("utf8");
    expect(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/.test(xml)).toBe(true);
    // the field lists the headings without page numbers (no page layout estimate in the bundle);
    // Word fills the numbers in when it updates the fields on opening
    expect(unzip(bytes).get("word/settings.xml")!.toString("utf8")).toContain("<w:updateFields/>");
    expect(paras.filter((p) => p.style === "TOC1").map((p) => p.text)).toEqual([
      "Helsefellesskapet i Telemark",
      "Helsefelleskap Vestfold",
    ]);
    const list = texts.indexOf("Helsefellesskap i vedlegget");
    expect(list).toBeGreaterThan(9);
    expect(texts.slice(list + 1, list + 3)).toEqual([
      "Helsefellesskapet i Telemark",
      "Helsefelleskap Vestfold",
    ]);
  });

  it("starts each helsefellesskap on a new page, in the given order", () => {
    const heads = paras.filter((p) => p.style === "Heading1");
    expect(heads.map((h) => [h.text, h.pageBreakBefore])).toEqual([
      ["Helsefellesskapet i Telemark", true],
      ["Helsefelleskap Vestfold", true],
    ]);
    expect(texts.filter((t) => t.startsWith("Sum tiltak 2025:"))).toEqual([
      "Sum tiltak 2025: 600 000",
      "Sum tiltak 2025: 14 240 000",
    ]);
  });
});
