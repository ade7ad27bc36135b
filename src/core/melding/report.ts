/**
 * The HSØ årlig melding for one helsefellesskap and year: one block per measure with the
 * fields in the order the request names them, sums in Norwegian style, "Ikke oppgitt" for
 * empty fields, trailer lines (advanced overspend) after the measures, and a total.
 */
import { formatNok } from "../amount";
import { cellText, type Grid, type GridWorkbook } from "../grid";
import type { Problem } from "../problems";
import {
  findRegisterGrid,
  findRegisterHeader,
  otherRegisterSheets,
  readRegister,
  type Measure,
  type SkippedRow,
  type Trailer,
} from "./register";
import { normaliseStatus, type NormalisedStatus } from "./status";

export const NOT_GIVEN = "Ikke oppgitt";

/** The HSØ field labels in report order (the measure's name comes first, as the block heading). */
export const FIELD_LABELS = [
  "Sum",
  "Avtale mellom",
  "Status for prosjektet",
  "Planlagt varighet for tilskuddsmidler",
  "Foreløpige resultater",
  "Mulighet for spredning",
] as const;

export interface ReportBlock {
  name: string;
  description: string;
  fields: { label: string; value: string }[];
  /** Link to the plan, when the register has one (table and CSV column "Nr"). */
  nr?: string;
  /** The sum as a number, for sheets and CSV (fields carry it as Norwegian text). */
  sum?: number | null;
  statusNormalised?: NormalisedStatus | null;
  /** 1-based register row. */
  row?: number;
}

export interface Report {
  title: string;
  name: string;
  year: number;
  blocks: ReportBlock[];
  trailers: ReportBlock[];
  /** Sum of the measures' sums. Trailers are NOT included: they are an overspend advanced
   *  from next year's grant, listed separately so the total is what the measures were granted. */
  total: number;
  /** Register rows not in the report, with the reason (total lines, no name, another year). */
  skipped: SkippedRow[];
  /** The years the register has measures for (to say which years can be reported). */
  yearsWithMeasures: number[];
  problems: Problem[];
}

export const DEFAULT_COMMUNITY_PREFIX = "Helsefelleskap";

/** "Vestfold" → "Helsefelleskap Vestfold" (the spelling HSØ's attachment uses); full names kept. */
export function communityHeading(name: string): string {
  const n = name.trim();
  if (n === "") return DEFAULT_COMMUNITY_PREFIX;
  return /^helsefel{1,2}es{1,2}kap/i.test(n) ? n : `${DEFAULT_COMMUNITY_PREFIX} ${n}`;
}

/**
 * The helsefellesskap a workbook belongs to, from a cell in the first rows of any sheet such as
 * "Rekrutterings- og samhandlingstilskudd tildelt helsefellesskapet i Vestfold" → "Helsefelleskap Vestfold".
 * Null when no cell names one.
 */
export function guessCommunityName(wb: GridWorkbook): string | null {
  for (const grid of wb.sheets) {
    for (const row of grid.rows.slice(0, 12)) {
      for (const cell of row) {
        const m = /helsefel{1,2}es{1,2}kap(?:et)?(?:\s+i)?\s+(.+)$/iu.exec(cellText(cell));
        const name = m ? properName(m[1]) : "";
        if (name !== "") return communityHeading(name);
      }
    }
  }
  return null;
}

/** Leading capitalised words ("Vestfold", "Oslo – Ahus"), stopping at the first lower-case word. */
function properName(text: string): string {
  const words: string[] = [];
  for (const w of text.split(/\s+/).slice(0, 6)) {
    const bare = w.replace(/[.,;:!?)]+$/, "");
    if (/^\p{Lu}/u.test(bare)) words.push(bare);
    else if (words.length > 0 && /^(og|–|-)$/.test(bare)) words.push(bare);
    else break;
    if (bare !== w) break;
  }
  while (words.length > 0 && /^(og|–|-)$/.test(words[words.length - 1])) words.pop();
  return words.join(" ");
}

function orNotGiven(text: string): string {
  return text.trim() === "" ? NOT_GIVEN : text;
}

function sumText(sum: number | null): string {
  return sum === null ? NOT_GIVEN : formatNok(sum);
}

export function measureBlock(m: Measure): ReportBlock {
  const status = normaliseStatus(m.status);
  return {
    name: m.name,
    description: m.description,
    fields: [
      { label: "Sum", value: sumText(m.sum) },
      { label: "Avtale mellom", value: orNotGiven(m.agreement) },
      { label: "Status for prosjektet", value: orNotGiven(status.text) },
      { label: "Planlagt varighet for tilskuddsmidler", value: orNotGiven(m.duration) },
      { label: "Foreløpige resultater", value: orNotGiven(m.results) },
      { label: "Mulighet for spredning", value: orNotGiven(m.spread) },
    ],
    nr: m.nr,
    sum: m.sum,
    statusNormalised: status.normalised,
    row: m.row,
  };
}

function trailerBlock(t: Trailer): ReportBlock {
  return {
    name: t.name,
    description: "",
    fields: [{ label: "Sum", value: sumText(t.sum) }],
    nr: "",
    sum: t.sum,
    row: t.row,
  };
}

/**
 * Rows for the year: with an "År" column only that year's rows (a row with no year is kept,
 * with a warning, since it most likely belongs to the report being written); without one, all rows.
 */
function forYear<T extends { year?: number | null; row?: number }>(items: T[], year: number): T[] {
  return items.filter((m) => m.year === undefined || m.year === null || m.year === year);
}

export function buildReport(wb: GridWorkbook, opts: { year: number; name?: string; sheet?: string }): Report {
  const name = communityHeading(opts.name ?? guessCommunityName(wb) ?? "");
  const title = `Årlig melding ${opts.year} – ${name}`;
  const grid = findRegisterGrid(wb, opts.sheet);
  if (!grid) {
    const wanted = opts.sheet ? `«${opts.sheet}»` : "«Årlig melding» eller «Tiltaksregister»";
    return {
      title,
      name,
      year: opts.year,
      blocks: [],
      trailers: [],
      total: 0,
      skipped: [],
      yearsWithMeasures: [],
      problems: [
        {
          code: "header-missing",
          severity: "error",
          sheet: opts.sheet ?? "",
          cell: "",
          row: 0,
          column: "",
          value: "",
          message: `Fant ikke arket ${wanted} med tiltakene. Gi arket et av disse navnene, eller oppgi arket med --sheet.`,
        },
      ],
    };
  }
  const read = readRegister(grid, { year: opts.year });
  const measures = forYear(read.measures, opts.year);
  const trailers = forYear(read.trailers, opts.year);
  const keptRows = new Set([...measures.map((m) => m.row), ...trailers.map((t) => t.row)]);
  const problems = read.problems.filter(
    (p) =>
      p.row === 0 || keptRows.has(p.row) || (p.code === "missing-value" && p.column === "Navn på tiltak"),
  );
  const yearCol = read.measures.some((m) => m.year !== null) || read.trailers.some((t) => t.year != null);
  if (!yearCol && measures.length > 0) {
    // No År column: every row is taken for the report's year. A sheet named or titled for
    // another year («Tiltak 2024») would be reported as this year's without a word.
    const hint = registerYearHint(grid);
    if (hint && hint.year !== opts.year) {
      problems.push({
        code: "missing-value",
        severity: "warning",
        sheet: grid.sheet,
        cell: "",
        row: 0,
        column: "År",
        value: hint.text,
        message:
          `«${grid.sheet}» har ingen «År»-kolonne, og ${hint.where} nevner ${hint.year} («${hint.text}»), ikke ${opts.year}. ` +
          `Alle radene er tatt med i meldingen for ${opts.year}; kontroller at det er riktig år, eller legg til en «År»-kolonne.`,
      });
    }
  }
  if (yearCol) {
    for (const m of measures.filter((x) => x.year === null)) {
      problems.push({
        code: "missing-value",
        severity: "warning",
        sheet: grid.sheet,
        cell: "",
        row: m.row,
        column: "År",
        value: "",
        message: `Raden ${m.row} («${m.name}») har ikke noe år; den er tatt med i meldingen for ${opts.year}. Fyll inn år i kolonnen «År».`,
      });
    }
  }
  if (opts.sheet === undefined) {
    for (const o of otherRegisterSheets(wb, grid, opts.year)) {
      problems.push({
        code: "header-missing",
        severity: "warning",
        sheet: o.sheet,
        cell: "",
        row: 0,
        column: "",
        value: "",
        message:
          `Arket «${o.sheet}» ser også ut som et tiltaksregister (${o.measures} tiltak for ${opts.year}), men meldingen er laget bare fra «${grid.sheet}»; ` +
          `tiltakene i «${o.sheet}» er ikke med. Samle tiltakene i ett ark, eller velg arket med --sheet.`,
      });
    }
  }
  const blocks = measures.map(measureBlock);
  const total = measures.reduce((s, m) => s + (m.sum ?? 0), 0);
  const otherYear: SkippedRow[] = [...read.measures, ...read.trailers]
    .filter((m) => m.year != null && m.year !== opts.year)
    .map((m) => ({
      row: m.row ?? 0,
      name: m.name,
      sum: m.sum,
      reason: `gjelder ${m.year}, ikke ${opts.year}`,
    }));
  const skipped = [...read.skipped, ...otherYear].sort((a, b) => a.row - b.row);
  const yearsWithMeasures = [
    ...new Set(read.measures.map((m) => m.year).filter((y): y is number => y !== null)),
  ].sort((a, b) => a - b);
  return {
    title,
    name,
    year: opts.year,
    blocks,
    trailers: trailers.map(trailerBlock),
    total,
    skipped,
    yearsWithMeasures,
    problems,
  };
}

/** The one year the sheet's name or a title row above the register's header names, if any. */
function registerYearHint(grid: Grid): { year: number; text: string; where: string } | null {
  const yearsIn = (t: string) => new Set([...t.matchAll(/\b(?:19|20|21)\d{2}\b/g)].map((m) => Number(m[0])));
  const name = yearsIn(grid.sheet);
  if (name.size === 1) return { year: [...name][0], text: grid.sheet, where: "arknavnet" };
  const header = findRegisterHeader(grid);
  for (let r = 0; r < (header?.row ?? 0); r++) {
    for (const cell of grid.rows[r]) {
      const t = cellText(cell);
      const ys = yearsIn(t);
      if (ys.size === 1) return { year: [...ys][0], text: t, where: `tittelen i rad ${r + 1}` };
    }
  }
  return null;
}

export const TABLE_HEADERS = ["Nr", "Navn på tiltak", "Beskrivelse", ...FIELD_LABELS] as const;

/** Column index (0-based) of the sums in reportTable/reportCsv. */
export const SUM_COLUMN = 3;
export const TOTAL_LABEL = "Sum tiltak (uten forskuttert overforbruk)";

/**
 * The report as one table for a sheet "Årlig melding YYYY": a row per measure (sum as a number),
 * then the trailer lines, then the total. Empty text fields read "Ikke oppgitt" as in the report.
 */
export function reportTable(report: Report): {
  headers: string[];
  rows: (string | number | null)[][];
  numberColumns: number[];
  title: string;
  sheetName: string;
} {
  const rows: (string | number | null)[][] = [];
  for (const b of report.blocks) {
    const f = (label: string) => b.fields.find((x) => x.label === label)?.value ?? NOT_GIVEN;
    rows.push([
      b.nr ?? "",
      b.name,
      b.description,
      b.sum ?? null,
      f("Avtale mellom"),
      f("Status for prosjektet"),
      f("Planlagt varighet for tilskuddsmidler"),
      f("Foreløpige resultater"),
      f("Mulighet for spredning"),
    ]);
  }
  for (const t of report.trailers) rows.push(["", t.name, "", t.sum ?? null, "", "", "", "", ""]);
  rows.push(["", TOTAL_LABEL, "", report.total, "", "", "", "", ""]);
  return {
    headers: [...TABLE_HEADERS],
    rows,
    numberColumns: [SUM_COLUMN],
    title: report.title,
    sheetName: reportSheetName(report.year),
  };
}

export function reportSheetName(year: number): string {
  return `Årlig melding ${year}`;
}
