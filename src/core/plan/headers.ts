/**
 * Recognising the plan's header row: which column holds Nr, Tiltak, Frist and the rest.
 */
import {
  cellText,
  colCount,
  columnIndex,
  columnLetters,
  type Grid,
  type MergeIndex,
  effectiveCell,
} from "../grid";
import { bestHeaderRow, firstHeaderRow, type HeaderRow, type HeaderSearch } from "../header-row";
import { compactKey, firstYear } from "../text";
import { type PlanColumnKey, PLAN_COLUMN_KEYS, REQUIRED_COLUMNS } from "./types";

/** Header search depth: the plan's header row must be within the sheet's first 20 rows. */
export const HEADER_SEARCH_ROWS = 20;

/** Synonyms as compact keys (see compactKey), after years and filler words are removed. */
const SYNONYMS: Record<PlanColumnKey, readonly string[]> = {
  nr: ["nr", "nummer", "id", "lopenr", "lopenummer"],
  area: [
    "satsningsomrade",
    "satsingsomrade",
    "innsatsomrade",
    "omrade",
    "satsningsomrader",
    "innsatsomrader",
  ],
  tiltak: ["tiltak"],
  maal: ["mal", "delmal", "aktivitet", "aktiviteter", "gjennomfores", "gjennomforesmal", "malgjennomfores"],
  frist: ["frist", "tidsfrist", "nar"],
  okonomi: ["okonomi", "finansiering", "budsjett", "kostnad", "kostnader"],
  ansvar: ["ansvar", "ansvarlig", "ansvarlige"],
};

const BY_KEY = new Map<string, PlanColumnKey>();
for (const key of PLAN_COLUMN_KEYS) for (const s of SYNONYMS[key]) BY_KEY.set(s, key);

const UNIT_WORDS =
  /(?<![\p{L}\p{N}])(?:i\s+)?(?:hele\s+)?(?:(?:1000|1 000|1\.000|tusen)\s*(?:kr\.?|kroner|nok)?|tnok|mnok|tkr|mkr|kr\.?|kroner|nok|mill\.?)(?![\p{L}\p{N}])/giu;

/** "Tiltak 2026" → tiltak, "Gjennomføres 2026 (mål)" → maal, "Satsnings-\nområde" → area. */
export function headerKey(text: string): PlanColumnKey | undefined {
  if (!text) return undefined;
  // Years and the little words around them ("Mål for 2027", "Tiltak i 2026") do not change the column.
  // A unit («Økonomi (i 1000 kr)», «Budsjett, TNOK») does not change the column either (the
  // amounts are scaled by it: core/unit-scale.ts).
  const stripped = text
    .replace(UNIT_WORDS, " ")
    .replace(/(?<!\d)(19|20|21)\d{2}(?!\d)/g, " ")
    .replace(/(^|\s)(for|i|år|ar)(?=\s|$)/gi, " ");
  return BY_KEY.get(compactKey(stripped));
}

/** The plan's header row; `row` is -1 when the user's mapping gave columns but no header row was found. */
export type HeaderInfo = HeaderRow<PlanColumnKey>;

const planHeaderSearch = (merges?: MergeIndex): HeaderSearch<PlanColumnKey> => ({
  keyOf: headerKey,
  depth: HEADER_SEARCH_ROWS,
  merges,
});

export function hasRequired(h: HeaderInfo): boolean {
  return REQUIRED_COLUMNS.every((k) => h.columns[k] !== undefined);
}

/** The first row within HEADER_SEARCH_ROWS naming at least Nr, Tiltak and Frist. */
export function findHeaderRow(grid: Grid, merges?: MergeIndex): HeaderInfo | undefined {
  const h = firstHeaderRow(grid, planHeaderSearch(merges), hasRequired);
  return h && preferPlanYearMoney(grid, h, merges);
}

/**
 * A plan with money for two years («Økonomi 2027 | Økonomi 2026») is read from the plan year's
 * column, not the first one: the first column alone would count 2027 money as 2026's.
 */
function preferPlanYearMoney(grid: Grid, h: HeaderInfo, merges?: MergeIndex): HeaderInfo {
  const col = h.columns.okonomi;
  const own = firstYear(h.names.okonomi ?? "");
  if (col === undefined || own === null) return h;
  const planYear = yearFromHeader(grid, { ...h, names: { ...h.names, okonomi: undefined } }, merges);
  if (planYear === null || planYear === own) return h;
  for (let c = 0; c < colCount(grid); c++) {
    const text = cellText(effectiveCell(grid, h.row, c, merges));
    if (c !== col && headerKey(text) === "okonomi" && firstYear(text) === planYear) {
      return {
        ...h,
        columns: { ...h.columns, okonomi: c },
        names: { ...h.names, okonomi: text.replace(/\s+/g, " ").trim() },
      };
    }
  }
  return h;
}

/** The row (within the search depth) that recognises the most columns; for "which headers were found". */
export function bestHeaderCandidate(grid: Grid, merges?: MergeIndex): HeaderInfo | undefined {
  return bestHeaderRow(grid, planHeaderSearch(merges));
}

/**
 * Apply the user's column letters on top of (or instead of) what was detected.
 * Without a detected header row, the header row is the one above the first id in the Nr
 * column; a partly recognised row (`candidate`) there contributes its columns.
 * Invalid letters are ignored (the dialog only offers valid ones).
 */
export function applyMapping(
  grid: Grid,
  detected: HeaderInfo | undefined,
  mapping: Partial<Record<PlanColumnKey, string>>,
  merges?: MergeIndex,
  candidate?: HeaderInfo,
): HeaderInfo {
  const chosen: Partial<Record<PlanColumnKey, number>> = {};
  for (const key of PLAN_COLUMN_KEYS) {
    const letters = mapping[key];
    if (!letters) continue;
    try {
      chosen[key] = columnIndex(letters.trim());
    } catch {
      /* not a column name: keep detection */
    }
  }
  let base = detected;
  if (!base) {
    const guessed = guessHeaderRowFromIds(grid, chosen.nr ?? candidate?.columns.nr, merges);
    if (candidate && (guessed === candidate.row || guessed < 0)) base = candidate;
    else base = { row: guessed, columns: {}, names: {} };
  }
  const columns: Partial<Record<PlanColumnKey, number>> = { ...base.columns };
  for (const key of PLAN_COLUMN_KEYS) {
    const col = chosen[key];
    if (col === undefined) continue;
    // A column the user chose for this key is no longer any other key's.
    for (const other of PLAN_COLUMN_KEYS) if (other !== key && columns[other] === col) delete columns[other];
    columns[key] = col;
  }
  const row = base.row;
  const names: Partial<Record<PlanColumnKey, string>> = {};
  for (const key of PLAN_COLUMN_KEYS) {
    const col = columns[key];
    if (col === undefined) continue;
    const text = row >= 0 ? cellText(effectiveCell(grid, row, col, merges)) : "";
    names[key] = text ? text.replace(/\s+/g, " ").trim() : columnLetters(col);
  }
  return { row, columns, names };
}

const ID_LIKE = /^\d+(\.\d+)*\.?$/;

/** Without a recognisable header: the row just above the first Nr that looks like an id. */
function guessHeaderRowFromIds(grid: Grid, nrCol: number | undefined, merges?: MergeIndex): number {
  if (nrCol === undefined) return -1;
  const last = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    if (ID_LIKE.test(cellText(effectiveCell(grid, r, nrCol, merges)))) return r - 1;
  }
  return -1;
}

/**
 * The plan year written in the header ("Tiltak 2026", "Gjennomføres 2026 (mål)")
 * or a title above it ("Handlingsplan … 2026"), else null.
 */
export function yearFromHeader(grid: Grid, header: HeaderInfo, merges?: MergeIndex): number | null {
  for (const key of ["tiltak", "maal", "frist", "okonomi"] as const) {
    const y = firstYear(header.names[key] ?? "");
    if (y !== null) return y;
  }
  for (let r = 0; r < header.row; r++) {
    for (let c = 0; c < colCount(grid); c++) {
      const text = cellText(effectiveCell(grid, r, c, merges));
      if (/handlingsplan|tiltak|m[aå]l/i.test(text)) {
        const y = firstYear(text);
        if (y !== null) return y;
      }
    }
  }
  return null;
}
