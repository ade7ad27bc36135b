/**
 * The tiltaksregister behind the årlig melding: one row per funded measure.
 * Header matching is case-, space- and accent-insensitive with synonyms; the header row is
 * looked for within the first 10 rows. Sums may be numbers or Norwegian text ("8 400 000").
 */
import { formatNok, parseNokNumber } from "../amount";
import {
  a1,
  cellText,
  colCount,
  columnLetters,
  effectiveCell,
  MergeIndex,
  type Grid,
  type GridWorkbook,
} from "../grid";
import { bestHeaderRow, type HeaderRow } from "../header-row";
import type { Problem } from "../problems";
import { amountUnitOf, inKroner, textInKroner, type AmountUnit } from "../unit-scale";
import { normaliseStatus, type NormalisedStatus } from "./status";
import { foldText, headerKey } from "./text";

export interface Measure {
  nr: string;
  name: string;
  description: string;
  sum: number | null;
  agreement: string;
  status: string;
  statusNormalised: NormalisedStatus | null;
  duration: string;
  results: string;
  spread: string;
  year: number | null;
  /** 1-based sheet row. */
  row: number;
}

export interface Trailer {
  name: string;
  sum: number | null;
  year?: number | null;
  row?: number;
}

export type RegisterKey =
  "nr" | "name" | "description" | "sum" | "agreement" | "status" | "duration" | "results" | "spread" | "year";

/** Column names as users write them (folded by headerKey before comparison). */
const SYNONYMS: Record<RegisterKey, string[]> = {
  nr: ["nr", "nr.", "nummer", "tiltaksnr", "tiltaksnummer", "id", "plan nr", "nr i plan"],
  name: [
    "navn på tiltak",
    "navn på tiltaket",
    "tiltak",
    "tiltaksnavn",
    "navn",
    "prosjekt",
    "prosjektnavn",
    "navn på prosjekt",
  ],
  description: [
    "beskrivelse",
    "kort beskrivelse",
    "beskrivelse av tiltak",
    "beskrivelse av tiltaket",
    "innhold",
  ],
  sum: ["sum bevilget", "sum", "bevilget", "beløp", "tildelt", "tildelt beløp", "sum tildelt", "tilskudd"],
  agreement: ["avtale mellom", "avtale", "avtalepartnere", "avtaleparter", "parter"],
  status: ["status for prosjektet", "status for tiltaket", "status", "prosjektstatus"],
  duration: [
    "planlagt varighet for tilskuddsmidler",
    "planlagt varighet for finansiering med tilskuddsmidler",
    "planlagt varighet",
    "varighet",
  ],
  results: [
    "foreløpige resultater",
    "foreløpige resultater ev forventet effekt",
    "resultater",
    "forventet effekt",
  ],
  spread: ["mulighet for spredning", "vurdering av mulighet for spredning", "spredning"],
  year: ["år", "tildelingsår", "budsjettår", "tilskuddsår", "år for tildeling"],
};

/** Column names as the report shows them in messages. */
export const REGISTER_LABELS: Record<RegisterKey, string> = {
  nr: "Nr",
  name: "Navn på tiltak",
  description: "Beskrivelse",
  sum: "Sum",
  agreement: "Avtale mellom",
  status: "Status for prosjektet",
  duration: "Planlagt varighet for tilskuddsmidler",
  results: "Foreløpige resultater",
  spread: "Mulighet for spredning",
  year: "År",
};

const FOLDED: [RegisterKey, string][] = (Object.keys(SYNONYMS) as RegisterKey[])
  .flatMap((k) => SYNONYMS[k].map((s) => [k, headerKey(s)] as [RegisterKey, string]))
  .sort((a, b) => b[1].length - a[1].length);

/** Which register column a header text names, if any: exact synonym, or a synonym followed by more words. */
export function registerKeyOf(header: string): RegisterKey | null {
  const h = headerKey(header);
  if (h === "") return null;
  for (const [key, s] of FOLDED) if (h === s) return key;
  for (const [key, s] of FOLDED) if (s.length >= 3 && h.startsWith(s + " ")) return key;
  return null;
}

export type RegisterHeader = HeaderRow<RegisterKey>;

/** Header search depth for the register. */
const REGISTER_HEADER_ROWS = 10;

/** Fields the HSØ report asks about; name and sum alone could be a ledger. */
const HSO_FIELDS: RegisterKey[] = ["agreement", "status", "duration", "results", "spread"];

/** The header row within REGISTER_HEADER_ROWS: names "Navn på tiltak", "Sum" and one more HSØ field; most known columns wins. */
export function findRegisterHeader(grid: Grid): RegisterHeader | null {
  const header = bestHeaderRow(
    grid,
    { keyOf: registerKeyOf, depth: REGISTER_HEADER_ROWS, cells: "written" },
    ({ columns }) =>
      columns.name !== undefined && columns.sum !== undefined && HSO_FIELDS.some((k) => k in columns),
  );
  return header ?? null;
}

const PREFERRED_SHEETS = ["arlig melding", "tiltaksregister", "register"];

/**
 * The register sheet: the named one (case-insensitive), else "Årlig melding" / "Tiltaksregister",
 * else the first sheet whose first rows hold a register header. Report sheets we wrote
 * ("Årlig melding 2025") are only used when nothing else fits.
 */
export function findRegisterGrid(wb: GridWorkbook, sheet?: string): Grid | undefined {
  if (sheet !== undefined) {
    const want = foldText(sheet);
    return wb.sheets.find((g) => g.sheet === sheet) ?? wb.sheets.find((g) => foldText(g.sheet) === want);
  }
  for (const name of PREFERRED_SHEETS) {
    const g = wb.sheets.find((s) => foldText(s.sheet) === name);
    if (g) return g;
  }
  const withHeader = wb.sheets.filter((g) => findRegisterHeader(g) !== null);
  const notReport = withHeader.find((g) => !/^arlig melding \d{4}$/.test(foldText(g.sheet)));
  return notReport ?? withHeader[0];
}

/** The report sheet rst or the add-in wrote: it ends with this line (report.ts TOTAL_LABEL). */
const REPORT_TOTAL_LINE = "sum tiltak uten forskuttert overforbruk";

/**
 * Other sheets that also hold a register, with the number of measures each has for `year`
 * (every measure when the sheet has no «År» column): a register split over two sheets
 * («Tiltak del 1», «Tiltak del 2») would otherwise lose the second half without a word.
 * Report sheets we wrote are not counted.
 */
export function otherRegisterSheets(
  wb: GridWorkbook,
  chosen: Grid,
  year: number,
): { sheet: string; measures: number }[] {
  const out: { sheet: string; measures: number }[] = [];
  for (const g of wb.sheets) {
    if (g === chosen || findRegisterHeader(g) === null) continue;
    const read = readRegister(g, { year });
    if (read.skipped.some((s) => foldText(s.name) === REPORT_TOTAL_LINE)) continue;
    const n = read.measures.filter((m) => m.year === null || m.year === year).length;
    if (n > 0) out.push({ sheet: g.sheet, measures: n });
  }
  return out;
}

/** "«Overforbruk» forskuttert av 2026-tilskudd": an overspend advanced from next year, not a measure. */
export function isTrailerName(name: string): boolean {
  const f = foldText(name);
  return f.startsWith("overforbruk") || /\bforskuttert\b/.test(f);
}

/** Names that are nothing but a total word ("Sum", "Totalt", "I alt", "=SUM"): always a total line. */
const TOTAL_WORDS = new Set([
  "sum",
  "sum totalt",
  "sum i alt",
  "sum tiltak",
  "sum alle tiltak",
  "summer",
  "total",
  "totalt",
  "totalsum",
  "totalt i alt",
  "samlet",
  "samlet sum",
  "samlet belop",
  "i alt",
  "sum bevilget",
  "sum tildelt",
]);

/** A name that is exactly a total word. */
export function isTotalWord(name: string): boolean {
  return TOTAL_WORDS.has(foldText(name));
}

/** A name that starts like a total ("Sum 2025", "Totalt kompetanseløft", "Samlet plan legevakt"). */
function startsLikeTotal(name: string): boolean {
  return /^(sum|summer|totalt?|totalsum|samlet|i alt)( |$)/.test(foldText(name));
}

const sameAmount = (a: number, b: number) => Math.abs(a - b) < 0.5;

/** The year in an «År» cell; null when there is none, or several different ones («2024/2025»). */
function readYear(text: string, value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1900 && value <= 2200) return value;
  const years = new Set([...text.matchAll(/\b(?:19|20|21)\d{2}\b/g)].map((m) => Number(m[0])));
  return years.size === 1 ? [...years][0] : null;
}

/** Excel's error values as stored in a cell (#REF!, #DIV/0!, …). */
const ERROR_VALUE =
  /^#(?:DIV\/0!|REF!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** The unit of the Sum column: its header, else a title row above the header («Beløp i 1000 kr»). */
function registerUnit(grid: Grid, header: RegisterHeader, sumCol: number | undefined): AmountUnit | null {
  const titles: string[] = [];
  for (let r = 0; r < header.row; r++) for (const cell of grid.rows[r]) titles.push(cellText(cell));
  return amountUnitOf(sumCol === undefined ? "" : cellText(grid.rows[header.row][sumCol]), titles);
}

/** A register row that is not in the report, and why (Norwegian). Nothing is left out silently. */
export interface SkippedRow {
  /** 1-based sheet row. */
  row: number;
  name: string;
  sum: number | null;
  reason: string;
}

export interface RegisterRead {
  measures: Measure[];
  trailers: Trailer[];
  /** Rows with content that are not measures or trailers (total lines, rows without a name). */
  skipped: SkippedRow[];
  problems: Problem[];
}

/** A year written alone in a cell (2025 or «2025»), else null. */
function yearAlone(value: unknown, text: string): number | null {
  const y = typeof value === "number" ? value : /^\s*\d{4}\s*$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : null;
}

/**
 * Sum columns per year, as registers kept over several years write them: «Sum 2024 | Sum 2025»,
 * or «Sum» merged over a row of years below it. Only when two or more years have a column
 * (one «Sum 2025» is just a sum). `subHeader`: the row of years is part of the header.
 */
function sumColumnsByYear(
  grid: Grid,
  header: RegisterHeader,
  merges: MergeIndex,
): { columns: { year: number; col: number }[]; subHeader: boolean } {
  const hr = header.row;
  const byHeader: { year: number; col: number }[] = [];
  const bySub: { year: number; col: number }[] = [];
  for (let c = 0; c < colCount(grid); c++) {
    const own = cellText(grid.rows[hr][c]);
    if (registerKeyOf(own) === "sum") {
      const years = new Set([...own.matchAll(/\b(?:19|20|21)\d{2}\b/g)].map((m) => Number(m[0])));
      if (years.size === 1) byHeader.push({ year: [...years][0], col: c });
    }
    if (registerKeyOf(cellText(effectiveCell(grid, hr, c, merges))) === "sum" && hr + 1 < grid.rows.length) {
      const below = grid.rows[hr + 1][c];
      const y = yearAlone(below.value, cellText(below));
      if (y !== null) bySub.push({ year: y, col: c });
    }
  }
  const distinct = (xs: { year: number }[]) => new Set(xs.map((x) => x.year)).size >= 2;
  if (distinct(bySub)) return { columns: bySub, subHeader: true };
  if (distinct(byHeader)) return { columns: byHeader, subHeader: false };
  return { columns: [], subHeader: false };
}

/**
 * Reads the register. With `year`, a register with a sum column per year reads that year's
 * column; without a column for the year (or without a year) its sums are refused with an error,
 * never read from another year's column.
 */
export function readRegister(grid: Grid, opts: { year?: number } = {}): RegisterRead {
  const problems: Problem[] = [];
  const header = findRegisterHeader(grid);
  if (!header) {
    problems.push({
      code: "header-missing",
      severity: "error",
      sheet: grid.sheet,
      cell: "",
      row: 0,
      column: "",
      value: "",
      message:
        `Fant ingen overskriftsrad i arket «${grid.sheet}» (søkte i de ${REGISTER_HEADER_ROWS} første radene). ` +
        `Arket må ha kolonnene «Navn på tiltak» og «Sum» (eller «Sum bevilget»), gjerne også «Avtale mellom» og «Status for prosjektet».`,
    });
    return { measures: [], trailers: [], skipped: [], problems };
  }
  const merges = new MergeIndex(grid);
  const cols = { ...header.columns };
  const byYear = sumColumnsByYear(grid, header, merges);
  if (byYear.columns.length > 0) {
    const own = byYear.columns.find((x) => x.year === opts.year);
    if (own) cols.sum = own.col;
    else {
      const list = byYear.columns.map((x) => `${x.year} i kolonne ${columnLetters(x.col)}`).join(", ");
      problems.push({
        ...problem(
          grid,
          header.row,
          byYear.columns[0].col,
          "register-unparseable",
          "error",
          "Sum",
          "",
          opts.year === undefined
            ? `«${grid.sheet}» har en sum per år (${list}); velg året summene skal hentes fra.`
            : `«${grid.sheet}» har en sum per år (${list}), men ingen kolonne for ${opts.year}. ` +
                `Summene er ikke lest fra et annet års kolonne; legg til en kolonne for ${opts.year} eller velg et av årene.`,
        ),
        row: 0,
      });
      delete cols.sum;
    }
  }
  const firstDataRow = header.row + (byYear.subHeader ? 2 : 1);
  const unit = registerUnit(grid, header, cols.sum);
  if (unit && cols.sum !== undefined) {
    problems.push({
      // row 0: about the whole column, kept whichever year is reported
      ...problem(
        grid,
        header.row,
        cols.sum,
        "register-unparseable",
        "warning",
        "Sum",
        unit.source,
        `Beløpene i «${grid.sheet}» er oppgitt i ${unit.label} («${unit.source}»); de er regnet om til kroner ` +
          `(ganget med ${unit.factor === 1000 ? "1 000" : "1 000 000"}) i meldingen. Kontroller at summene stemmer.`,
      ),
      row: 0,
    });
  }
  const text = (r: number, key: RegisterKey): string => {
    const c = cols[key];
    return c === undefined ? "" : cellText(effectiveCell(grid, r, c, merges));
  };
  const measures: Measure[] = [];
  const trailers: Trailer[] = [];
  const skipped: SkippedRow[] = [];
  // Sum of the measures since the header or the last total line: a total line must equal it.
  let sumAbove = 0;
  let measuresAbove = 0;
  const quietSum = (r: number): number | null => {
    const c = cols.sum;
    if (c === undefined) return null;
    const cell = effectiveCell(grid, r, c, merges);
    if (typeof cell.value === "number" && Number.isFinite(cell.value)) return inKroner(cell.value, unit);
    const t = cellText(cell);
    const n = parseNokNumber(t);
    return n === null ? null : textInKroner(n, t, unit);
  };
  for (let r = firstDataRow; r < grid.rows.length; r++) {
    const name = text(r, "name");
    const keys = Object.keys(cols) as RegisterKey[];
    const anyOther = keys.some((k) => k !== "name" && k !== "nr" && text(r, k) !== "");
    if (name === "") {
      if (
        anyOther &&
        cols.sum !== undefined &&
        text(r, "sum") !== "" &&
        keys.every((k) => k === "sum" || k === "year" || text(r, k) === "")
      ) {
        // a bare total under the sum column
        const sum = quietSum(r);
        skipped.push({
          row: r + 1,
          name: "",
          sum,
          reason:
            sum !== null && measuresAbove > 0 && sameAmount(sum, sumAbove)
              ? "summelinje (summen av tiltakene over)"
              : "bare en sum, uten navn på tiltak",
        });
        sumAbove = 0;
        measuresAbove = 0;
        continue;
      }
      if (anyOther) {
        skipped.push({ row: r + 1, name: "", sum: quietSum(r), reason: "mangler navn på tiltak" });
        problems.push(
          problem(
            grid,
            r,
            cols.name!,
            "missing-value",
            "warning",
            "Navn på tiltak",
            "",
            `Raden ${r + 1} i «${grid.sheet}» har innhold, men ${a1(r, cols.name!)} (Navn på tiltak) er tom. Skriv inn tiltakets navn, ellers blir raden ikke med i meldingen.`,
          ),
        );
      }
      continue;
    }
    const totalWord = isTotalWord(name);
    if (totalWord || startsLikeTotal(name)) {
      // A total only when it is one: a bare total word, or a line with no number, agreement,
      // status or duration whose amount is the sum of the measures above. "Samlet plan legevakt"
      // with an agreement, "Totalt kompetanseløft" with its own amount, or «3 Samlet opplæring»
      // whose amount happens to equal the two above, is a measure.
      const sum = quietSum(r);
      const noFields = (["nr", "agreement", "status", "duration"] as const).every((k) => text(r, k) === "");
      const isSumAbove = sum !== null && measuresAbove > 0 && sameAmount(sum, sumAbove);
      if (totalWord || (noFields && isSumAbove)) {
        if (totalWord && sum !== null && measuresAbove > 0 && !isSumAbove && cols.sum !== undefined) {
          // The user's own total disagrees with the measures above: one of the two is wrong.
          problems.push({
            ...problem(
              grid,
              r,
              cols.sum,
              "register-unparseable",
              "warning",
              "Sum",
              String(sum),
              `Summelinjen «${name}» i rad ${r + 1} (${formatNok(sum)} kr) er ikke lik summen av tiltakene over (${formatNok(sumAbove)} kr). ` +
                `Meldingen bruker tiltakenes egne summer; sjekk om et beløp mangler eller er feil.`,
            ),
            row: 0,
          });
        }
        skipped.push({
          row: r + 1,
          name,
          sum,
          reason: isSumAbove
            ? "summelinje (summen av tiltakene over)"
            : "summelinje (navnet er bare et sumord)",
        });
        sumAbove = 0;
        measuresAbove = 0;
        continue;
      }
    }
    const sum = readSum(grid, r, cols.sum, merges, problems, unit, name);
    const yearCol = cols.year;
    const year =
      yearCol === undefined ? null : readYear(text(r, "year"), effectiveCell(grid, r, yearCol, merges).value);
    if (yearCol !== undefined && year === null && text(r, "year") !== "") {
      problems.push(
        problem(
          grid,
          r,
          yearCol,
          "register-unparseable",
          "warning",
          "År",
          text(r, "year"),
          /\b(?:19|20|21)\d{2}\b.*\b(?:19|20|21)\d{2}\b/.test(text(r, "year"))
            ? `${a1(r, yearCol)} («${text(r, "year")}») har flere årstall, så raden kan ikke knyttes til ett år. Skriv ett år med fire sifre, for eksempel 2025.`
            : `Fant ikke et årstall i ${a1(r, yearCol)} («${text(r, "year")}»). Skriv året som fire sifre, for eksempel 2025.`,
        ),
      );
    }
    if (isTrailerName(name)) {
      trailers.push({ name, sum, year, row: r + 1 });
      continue;
    }
    const statusRaw = text(r, "status");
    const st = normaliseStatus(statusRaw);
    if (st.unknown && cols.status !== undefined) {
      problems.push(
        problem(
          grid,
          r,
          cols.status,
          "status-unknown",
          "warning",
          "Status for prosjektet",
          statusRaw,
          `Statusen i ${a1(r, cols.status)} («${statusRaw}») er ikke en av de fire HSØ ber om (planlegging, forprosjekt, pågående, avsluttet). ` +
            `Den står som skrevet i meldingen; skriv en av de fire hvis det passer.`,
        ),
      );
    }
    sumAbove += sum ?? 0;
    measuresAbove++;
    measures.push({
      nr: text(r, "nr"),
      name,
      description: text(r, "description"),
      sum,
      agreement: text(r, "agreement"),
      status: statusRaw,
      statusNormalised: st.normalised,
      duration: text(r, "duration"),
      results: text(r, "results"),
      spread: text(r, "spread"),
      year,
      row: r + 1,
    });
  }
  return { measures, trailers, skipped, problems };
}

/**
 * A measure's sum in kroner (× the column's unit). A formula never calculated or an Excel error
 * value is an error naming the cell: the report's total would be wrong without it. An empty sum
 * is a warning, since the total leaves the measure out.
 */
function readSum(
  grid: Grid,
  r: number,
  col: number | undefined,
  merges: MergeIndex,
  problems: Problem[],
  unit: AmountUnit | null,
  name: string,
): number | null {
  if (col === undefined) return null;
  const cell = effectiveCell(grid, r, col, merges);
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) return inKroner(cell.value, unit);
  const t = cellText(cell);
  if (cell.uncalculated) {
    problems.push(
      problem(
        grid,
        r,
        col,
        "uncalculated",
        "error",
        "Sum",
        cell.formula ?? "",
        `${a1(r, col)}: Summen for «${name}» er en formel uten lagret resultat (ikke beregnet – åpne og lagre arbeidsboken i Excel). ` +
          `Uten den blir summen i meldingen feil.`,
      ),
    );
    return null;
  }
  if (ERROR_VALUE.test(t.trim())) {
    problems.push(
      problem(
        grid,
        r,
        col,
        "cell-error",
        "error",
        "Sum",
        t,
        `${a1(r, col)}: Summen for «${name}» viser feilverdien ${t.trim()}. Rett formelen eller skriv beløpet inn; uten den blir summen i meldingen feil.`,
      ),
    );
    return null;
  }
  if (t === "") {
    problems.push(
      problem(
        grid,
        r,
        col,
        "missing-value",
        "warning",
        "Sum",
        "",
        `${a1(r, col)}: Summen mangler for «${name}». Tiltaket står med «Ikke oppgitt» i meldingen og er ikke med i totalsummen; fyll inn beløpet.`,
      ),
    );
    return null;
  }
  const n = parseNokNumber(t);
  if (n !== null) return textInKroner(n, t, unit);
  problems.push(
    problem(
      grid,
      r,
      col,
      "register-unparseable",
      "warning",
      "Sum",
      t,
      `Fant ikke et beløp i ${a1(r, col)} («${t}»). Skriv summen som et tall i kroner, for eksempel 8 400 000.`,
    ),
  );
  return null;
}

function problem(
  grid: Grid,
  r: number,
  c: number,
  code: Problem["code"],
  severity: Problem["severity"],
  column: string,
  value: string,
  message: string,
): Problem {
  return { code, severity, sheet: grid.sheet, cell: a1(r, c), row: r + 1, column, value, message };
}
