/**
 * The RST ledger sheet: grants, carries and allocations year by year, laid out like the
 * finance staff's overview ("Rekrutterings- og samhandlingstilskudd tildelt …"):
 *
 *   År | Post (or Tiltak) | Beløp | Type (optional: Tildelt, Overført, Tildeling/Bevilget, Forskuttert)
 *
 * Allocations may be written negative (as in the source overview) or positive. An empty År
 * repeats the year above (the overview writes the year once per block). The arithmetic is
 * computeLedger's (the same as RST.CARRYOVER); carries written in the sheet are checked
 * against it, not used, except a carry into the first year, which is the opening balance.
 */
import { formatNok, parseNokNumber } from "./amount";
import { a1, cellText, effectiveCell, type Grid, type GridWorkbook, MergeIndex } from "./grid";
import { firstHeaderRow, type HeaderRow } from "./header-row";
import { computeLedger, type LedgerYear, type LedgerYearInput } from "./ledger";
import type { Problem } from "./problems";
import { compactKey, firstYear, squash } from "./text";
import { amountUnitIn, amountUnitOf, inKroner, textInKroner, type AmountUnit } from "./unit-scale";

export type LedgerEntryType = "granted" | "carried" | "allocation" | "advanced";

export interface LedgerEntry {
  year: number;
  /** The Post/Tiltak text as written (whitespace collapsed). */
  post: string;
  /**
   * NOK. Allocations and advances as positive amounts whatever their sign in the sheet;
   * a carry keeps its sign (negative = overspend). null: a grant with an empty Beløp (unknown).
   */
  amount: number | null;
  type: LedgerEntryType;
  /** 1-based sheet row. */
  row: number;
}

export interface LedgerRead {
  years: LedgerYear[];
  entries: LedgerEntry[];
  problems: Problem[];
}

/** Sheet names that mean "the RST ledger", as compact keys. */
const LEDGER_SHEET_NAMES = new Set(["rst", "tilskudd", "ledger", "rsttilskudd", "tilskuddrst"]);

/** The ledger sheet: the one named by `sheet`, else one called RST, Tilskudd, Ledger, RST-tilskudd or Tilskudd RST. */
export function findLedgerGrid(wb: GridWorkbook, sheet?: string): Grid | undefined {
  if (sheet) {
    return (
      wb.sheets.find((g) => g.sheet === sheet) ??
      wb.sheets.find((g) => compactKey(g.sheet) === compactKey(sheet))
    );
  }
  return wb.sheets.find((g) => LEDGER_SHEET_NAMES.has(compactKey(g.sheet)));
}

type LedgerColumn = "year" | "post" | "amount" | "type";

const HEADER_SYNONYMS: Record<LedgerColumn, readonly string[]> = {
  year: ["ar", "aar", "arstall", "year"],
  post: ["post", "tiltak", "posttiltak", "tiltakpost", "beskrivelse", "tekst", "postering"],
  amount: ["belop", "belopkr", "belopnok", "krbelop", "sum", "kr"],
  type: ["type", "art", "kategori"],
};

const COLUMN_BY_SYNONYM = new Map<string, LedgerColumn>();
for (const col of Object.keys(HEADER_SYNONYMS) as LedgerColumn[])
  for (const s of HEADER_SYNONYMS[col]) COLUMN_BY_SYNONYM.set(s, col);

/** Header search depth for the ledger. */
const LEDGER_HEADER_ROWS = 10;
const END_AFTER_BLANK_ROWS = 3;

/** A header's column; «Beløp (i 1000 kr)» / «Beløp i tusen kr» name Beløp with a unit. */
function ledgerKeyOf(text: string): LedgerColumn | undefined {
  const key = COLUMN_BY_SYNONYM.get(compactKey(text));
  if (key || !amountUnitIn(text)) return key;
  const bare = text.replace(/\([^)]*\)?/g, " ").replace(/\s(?:i|in)\s.*$/i, " ");
  const k = COLUMN_BY_SYNONYM.get(compactKey(bare));
  return k === "amount" ? k : undefined;
}

/** The unit of the Beløp column: its header, else a title row above the header. */
function ledgerUnit(grid: Grid, header: HeaderRow<LedgerColumn>): AmountUnit | null {
  const titles: string[] = [];
  for (let r = 0; r < header.row; r++) for (const cell of grid.rows[r]) titles.push(cellText(cell));
  return amountUnitOf(cellText(grid.rows[header.row][header.columns.amount!]), titles);
}

/** The first row within LEDGER_HEADER_ROWS naming År, Post and Beløp. */
function findLedgerHeader(grid: Grid, merges: MergeIndex): HeaderRow<LedgerColumn> | undefined {
  return firstHeaderRow(
    grid,
    { keyOf: ledgerKeyOf, depth: LEDGER_HEADER_ROWS, merges },
    ({ columns }) => columns.year !== undefined && columns.post !== undefined && columns.amount !== undefined,
  );
}

/** Type column values (compact keys). */
const TYPE_WORDS: [LedgerEntryType, readonly string[]][] = [
  ["granted", ["tildelt", "tilskudd", "tildelttilskudd", "tildeltrst", "rsttilskudd"]],
  ["carried", ["overfort", "overforing", "overfortfra", "overforttil", "overfortmidler"]],
  [
    "allocation",
    ["tildeling", "bevilget", "bevilgning", "tiltak", "allokert", "allokering", "disponert", "brukt"],
  ],
  ["advanced", ["forskuttert", "forskudd", "overforbruk"]],
];

export function typeFromTypeText(text: string): LedgerEntryType | undefined {
  const key = compactKey(text);
  for (const [type, words] of TYPE_WORDS) if (words.includes(key)) return type;
  return undefined;
}

/** Without a Type: "Tildelt … tilskudd" is a grant, "… overført …" a carry, "forskuttert" an advance, else an allocation. */
export function typeFromPost(post: string): LedgerEntryType {
  const k = compactKey(post);
  if (/forskutter|overforbruk/.test(k)) return "advanced";
  if (k.includes("overfort") || k.includes("overforing")) return "carried";
  if (k === "tildelt" || (k.startsWith("tildelt") && k.includes("tilskudd")) || k === "tilskudd")
    return "granted";
  // «RST-tilskudd 2025», «Tilskudd fra Helse Sør-Øst», «Tilskudd 2025» (not «Tilskudd til kommunene»)
  if (/^(rst)?tilskudd(\d{4}|fra|rst|hso|helsesorost|rekrutter)/.test(k) || /^rsttilskudd/.test(k))
    return "granted";
  return "allocation";
}

/** Sum lines are totals of the rows above, not entries. */
function isSumLine(post: string): boolean {
  return /^(sum|totalt|tilsammen|total)/.test(compactKey(post));
}

/**
 * Direction of a stated carry on a row of year Y: a later year named in the text
 * ("Ikke benyttede midler overført 2025") means carried out of Y; an earlier year
 * ("Disponible midler overført fra 2024") or no year means carried into Y, unless the
 * text says it is unused or going "til" somewhere.
 */
export function carryDirection(post: string, year: number): "in" | "out" {
  const years = [...post.matchAll(/(?<!\d)(19\d{2}|2[01]\d{2})(?!\d)/g)]
    .map((m) => Number(m[1]))
    .filter((y) => y !== year);
  if (years.length) return years[0] > year ? "out" : "in";
  const k = compactKey(post);
  if (/ikkebenytte|ubenytte|overforttil|tilneste/.test(k)) return "out";
  return "in";
}

interface StatedCarry {
  year: number;
  direction: "in" | "out";
  amount: number;
  cell: string;
  row: number;
  post: string;
}

export function readLedger(grid: Grid): LedgerRead {
  const merges = new MergeIndex(grid);
  const problems: Problem[] = [];
  const header = findLedgerHeader(grid, merges);
  if (!header) {
    problems.push({
      code: "header-missing",
      severity: "error",
      sheet: grid.sheet,
      cell: "",
      row: 0,
      column: "År, Post, Beløp",
      value: "",
      message:
        `Fant ikke overskriftene «År», «Post» og «Beløp» i de første ${LEDGER_HEADER_ROWS} radene i arket «${grid.sheet}». ` +
        `Legg inn en overskriftsrad med disse kolonnene (og gjerne «Type»).`,
    });
    return { years: [], entries: [], problems };
  }
  const cols = header.columns;
  const colName = (k: LedgerColumn, fallback: string) => header.names[k] ?? fallback;
  const warn = (r: number, c: number, column: string, value: string, message: string) =>
    problems.push({
      code: "ledger-unparseable",
      severity: "warning",
      sheet: grid.sheet,
      cell: a1(r, c),
      row: r + 1,
      column,
      value,
      message,
    });

  // Amounts in thousands read as kroner would be wrong ×1000: scale them, and say so.
  const unit = ledgerUnit(grid, header);
  if (unit) {
    problems.push({
      code: "ledger-unparseable",
      severity: "warning",
      sheet: grid.sheet,
      cell: a1(header.row, cols.amount!),
      row: 0,
      column: colName("amount", "Beløp"),
      value: unit.source,
      message:
        `Beløpene i «${grid.sheet}» er oppgitt i ${unit.label} («${unit.source}»); de er regnet om til kroner ` +
        `(ganget med ${unit.factor === 1000 ? "1 000" : "1 000 000"}). Kontroller at beløpene stemmer.`,
    });
  }
  const entries: LedgerEntry[] = [];
  const stated: StatedCarry[] = [];
  /** Years with an allocation whose amount is not known: their carry out is unknown too. */
  const unknownAllocation = new Set<number>();
  let unplacedMoney = false;
  // Allocations read from the text alone, by sign: a positive one among negative ones may be a grant.
  const negativeAllocations: { row: number; post: string; amount: number; year: number }[] = [];
  const positiveAllocations: { row: number; post: string; amount: number; year: number }[] = [];
  let lastYear: number | null = null;
  let blanks = 0;

  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const yearCell = effectiveCell(grid, r, cols.year!, merges);
    const yearText = cellText(yearCell);
    const post = squash(cellText(effectiveCell(grid, r, cols.post!, merges)));
    // Beløp and Type are read from the row's own cell: a merged amount is one amount.
    const amountCell = grid.rows[r][cols.amount!];
    const amountText = cellText(amountCell);
    const typeText = cols.type !== undefined ? cellText(grid.rows[r][cols.type]) : "";
    if (post === "" && amountText === "" && typeText === "") {
      if (++blanks >= END_AFTER_BLANK_ROWS) break;
      continue;
    }
    blanks = 0;
    if (isSumLine(post)) continue;

    let year: number | null = null;
    // A number is a year only as one (2025); a date (an Excel serial shown as «15.01.2025») gives
    // the year it shows; 25 or 45500 is no year.
    const yv = yearCell.value;
    if (typeof yv === "number" && Number.isInteger(yv) && yv >= 1900 && yv <= 2200) year = yv;
    else if (yearText !== "") year = firstYear(yearText);
    if (year === null && yearText === "") year = lastYear;
    if (year === null) {
      warn(
        r,
        cols.year!,
        colName("year", "År"),
        yearText,
        (yearText === ""
          ? `${a1(r, cols.year!)}: Året mangler for «${post}». Skriv året, f.eks. «2025».`
          : `${a1(r, cols.year!)}: Året «${yearText}» kan ikke leses. Skriv året med fire sifre, f.eks. «2025».`) +
          (amountText !== ""
            ? " Beløpet er ikke regnet med i noe år, så det som overføres mellom årene er ukjent til året er rettet."
            : ""),
      );
      // Money in no year: every carry depends on where it belongs.
      if (amountText !== "") unplacedMoney = true;
      continue;
    }
    lastYear = year;

    let type: LedgerEntryType = typeFromPost(post);
    if (typeText !== "") {
      const t = typeFromTypeText(typeText);
      if (t) type = t;
      else
        warn(
          r,
          cols.type!,
          colName("type", "Type"),
          typeText,
          `${a1(r, cols.type!)}: Typen «${typeText}» er ukjent; raden er lest som ${TYPE_NB[type]} ut fra teksten. ` +
            `Skriv Tildelt, Overført, Tildeling eller Forskuttert.`,
        );
    }

    const amountAddr = a1(r, cols.amount!);
    let amount: number | null;
    if (typeof amountCell.value === "number" && Number.isFinite(amountCell.value))
      amount = inKroner(amountCell.value, unit);
    else {
      const n = amountText === "" ? null : parseNokNumber(amountText);
      amount = n === null ? null : textInKroner(n, amountText, unit);
    }
    const unknownNote =
      type === "allocation" || type === "advanced"
        ? ` Til det er gjort, er det som overføres ut av ${year} (og senere år) ukjent.`
        : "";
    if (amount === null) {
      if (amountCell.uncalculated) {
        warn(
          r,
          cols.amount!,
          colName("amount", "Beløp"),
          amountCell.formula ?? "",
          `${amountAddr}: Beløpet for «${post}» (${year}) er en formel uten lagret resultat (ikke beregnet – åpne og lagre arbeidsboken i Excel).` +
            (type === "granted" ? " Tildelt beløp er ukjent til det er gjort." : unknownNote),
        );
      } else if (amountText !== "") {
        warn(
          r,
          cols.amount!,
          colName("amount", "Beløp"),
          amountText,
          `${amountAddr}: Beløpet «${amountText}» kan ikke leses. Skriv bare beløpet, f.eks. «4 200 000» eller «-4 200 000».` +
            unknownNote,
        );
      } else if (type !== "granted") {
        warn(
          r,
          cols.amount!,
          colName("amount", "Beløp"),
          "",
          `${amountAddr}: Beløpet mangler for «${post}» (${year}). Fyll inn beløpet, eller slett raden.` +
            unknownNote,
        );
      }
      if (type === "allocation" || type === "advanced") unknownAllocation.add(year);
      // A grant without a readable amount is an unknown grant; other rows without one are left out.
      if (type !== "granted") continue;
    }

    if (amount !== null && type === "allocation" && typeText === "")
      (amount < 0 ? negativeAllocations : positiveAllocations).push({ row: r, post, amount, year });
    if (amount !== null && (type === "allocation" || type === "advanced")) amount = Math.abs(amount);
    entries.push({ year, post, amount, type, row: r + 1 });
    if (amount !== null && type === "carried") {
      stated.push({
        year,
        direction: carryDirection(post, year),
        amount,
        cell: amountAddr,
        row: r + 1,
        post,
      });
    }
    if (amount !== null && type === "advanced") {
      // An overspend advanced from next year's grant is a negative carry out of this year.
      stated.push({ year, direction: "out", amount: -amount, cell: amountAddr, row: r + 1, post });
    }
  }

  if (negativeAllocations.length > 0) {
    for (const p of positiveAllocations) {
      warn(
        p.row,
        cols.amount!,
        colName("amount", "Beløp"),
        formatNok(p.amount),
        `${a1(p.row, cols.amount!)}: «${p.post}» (${p.year}) er lest som en tildeling til tiltak, men beløpet er positivt mens ` +
          `tildelingene ellers er skrevet negative. Er det tildelt tilskudd eller overført? Skriv typen i en «Type»-kolonne ` +
          `(Tildelt, Overført, Tildeling) så det ikke blir regnet feil.`,
      );
    }
  }
  if (unplacedMoney && entries.length > 0) unknownAllocation.add(Math.min(...entries.map((e) => e.year)));
  const years = computeYears(entries, stated, unknownAllocation);
  problems.push(...checkStatedCarries(grid.sheet, years, stated, colName("amount", "Beløp")));
  problems.push(...unknownGrantProblems(grid, years, entries, cols.amount!, colName("amount", "Beløp")));
  return { years, entries, problems };
}

/**
 * Unknown stays unknown: a year whose grant is blank (or missing) makes its own available amount
 * and every later carry unknown. Say which cell to fill.
 */
function unknownGrantProblems(
  grid: Grid,
  years: LedgerYear[],
  entries: LedgerEntry[],
  amountCol: number,
  column: string,
): Problem[] {
  const out: Problem[] = [];
  for (const [i, y] of years.entries()) {
    if (y.granted !== null) continue;
    // Only when a later year depends on it: the year's own unknowns already show as «ukjent»
    // (the newest year's grant is often not known yet, and that is no problem).
    const later = years
      .slice(i + 1)
      .filter((x) => x.carriedInUnknown)
      .map((x) => x.year);
    if (later.length === 0) continue;
    const effect = `tilgjengelig beløp for ${y.year} og det som overføres inn i ${later.join(", ")} er ukjent`;
    const blank = entries.find((e) => e.year === y.year && e.type === "granted" && e.amount === null);
    if (blank) {
      const cell = a1(blank.row - 1, amountCol);
      out.push({
        code: "missing-value",
        severity: "warning",
        sheet: grid.sheet,
        cell,
        row: blank.row,
        column,
        value: "",
        message: `Tildelt tilskudd for ${y.year} mangler i ${cell}: ${effect}. Fyll inn beløpet i ${cell}.`,
      });
    } else if (entries.some((e) => e.year === y.year && e.type === "allocation")) {
      // money allocated in a year with no grant row; a year that only receives a stated carry is fine
      out.push({
        code: "missing-value",
        severity: "warning",
        sheet: grid.sheet,
        cell: "",
        row: 0,
        column,
        value: "",
        message: `Arket har ingen rad for tildelt tilskudd i ${y.year}: ${effect}. Legg til en rad «Tildelt tilskudd» for ${y.year} med beløpet.`,
      });
    }
  }
  return out;
}

const TYPE_NB: Record<LedgerEntryType, string> = {
  granted: "tildelt tilskudd",
  carried: "overført",
  allocation: "tildeling til tiltak",
  advanced: "forskuttert",
};

function computeYears(
  entries: LedgerEntry[],
  stated: StatedCarry[],
  unknownAllocation: ReadonlySet<number>,
): LedgerYear[] {
  const byYear = new Map<number, { granted: number | null; hasGrant: boolean; allocated: number }>();
  const touch = (y: number) => {
    let e = byYear.get(y);
    if (!e) byYear.set(y, (e = { granted: 0, hasGrant: false, allocated: 0 }));
    return e;
  };
  for (const year of unknownAllocation) touch(year);
  for (const e of entries) {
    const y = touch(e.year);
    if (e.type === "granted") {
      y.granted = y.granted === null || e.amount === null ? null : y.granted + e.amount;
      y.hasGrant = true;
    } else if (e.type === "allocation") y.allocated += e.amount ?? 0;
  }
  // A carry written out to a year with no rows yet ("… overført 2026") makes that year known, grant unknown.
  for (const s of stated) {
    if (s.direction !== "out") continue;
    const target = firstLaterYear(s.post, s.year) ?? s.year + 1;
    touch(target);
  }
  if (byYear.size === 0) return [];
  const first = Math.min(...byYear.keys());
  const opening = stated.find((s) => s.year === first && s.direction === "in")?.amount ?? 0;
  const inputs: LedgerYearInput[] = [...byYear.entries()].map(([year, y]) => ({
    year,
    granted: y.hasGrant ? y.granted : null,
    allocated: y.allocated,
    ...(unknownAllocation.has(year) ? { allocatedUnknown: true } : {}),
  }));
  return computeLedger(inputs, opening);
}

function firstLaterYear(post: string, year: number): number | null {
  for (const m of post.matchAll(/(?<!\d)(19\d{2}|2[01]\d{2})(?!\d)/g)) {
    const y = Number(m[1]);
    if (y > year) return y;
  }
  return null;
}

/** Stated carries that differ from the computed ones: one warning each, naming both figures. */
function checkStatedCarries(
  sheet: string,
  years: LedgerYear[],
  stated: StatedCarry[],
  column: string,
): Problem[] {
  const out: Problem[] = [];
  const byYear = new Map(years.map((y) => [y.year, y]));
  const first = years[0]?.year;
  for (const s of stated) {
    const y = byYear.get(s.year);
    if (!y) continue;
    let computed: number | null;
    let how: string;
    if (s.direction === "in") {
      if (s.year === first) continue; // the opening balance: nothing to check it against
      if (y.carriedInUnknown) continue;
      computed = y.carriedIn;
      how = `beregnet overført inn i ${s.year}`;
    } else {
      computed = y.carriedOut;
      how =
        `beregnet overført ut av ${s.year}: tildelt ${formatNok(y.granted ?? 0)} + overført ${formatNok(y.carriedIn)} ` +
        `− tildelt tiltak ${formatNok(y.allocated)}`;
    }
    if (computed === null || Math.abs(computed - s.amount) < 0.5) continue;
    out.push({
      code: "ledger-unparseable",
      severity: "warning",
      sheet,
      cell: s.cell,
      row: s.row,
      column,
      value: formatNok(s.amount),
      message:
        `${s.cell}: Oppgitt overført beløp ${formatNok(s.amount)} stemmer ikke med ${formatNok(computed)} (${how}). ` +
        `Sjekk beløpene for ${s.year}.`,
    });
  }
  return out;
}
