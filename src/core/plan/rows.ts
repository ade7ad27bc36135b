/**
 * The plan's table body: which rows are measures, which are section headings,
 * which are blank, and where the table ends.
 */
import { cellText, colCount, EMPTY_CELL, type Grid, type GridCell, type MergeIndex } from "../grid";
import { type PlanIdParse, parsePlanId } from "./ids";
import type { HeaderInfo } from "./headers";
import { type PlanColumnKey, PLAN_COLUMN_KEYS } from "./types";

/** This many blank rows in a row end the table (what follows is notes, not measures). */
export const END_AFTER_BLANK_ROWS = 3;

export interface PlanCell {
  /** Effective text (a merged area's value on every row it spans), whitespace kept as written but trimmed. */
  text: string;
  /** The underlying cell (the merge master's cell when merged). */
  cell: GridCell;
  /** 0-based position of this row's cell. */
  row: number;
  col: number;
  /** 0-based position of the cell that holds the value (the merge master, or the cell itself). */
  masterRow: number;
  masterCol: number;
}

export interface PlanRow {
  /** 0-based sheet row. */
  row: number;
  kind: "measure" | "heading";
  cells: Partial<Record<PlanColumnKey, PlanCell>>;
  /** The Nr parsed once; undefined when the row has no Nr of its own (empty, or a merged Nr from above). */
  id?: PlanIdParse;
}

/** A number identifying the cell a PlanCell's value lives in (for "seen" sets without string keys). */
export function masterKey(pc: PlanCell): number {
  return pc.masterRow * 65_536 + pc.masterCol;
}

export interface PlanBody {
  rows: PlanRow[];
  /** 0-based sheet rows that are blank but lie inside the table. */
  blankRows: number[];
  /** 0-based sheet rows that repeat the header row (e.g. after a page break); not measures. */
  repeatedHeaders: number[];
}

/** Whitespace collapsed, lower case: how a repeated header is compared with the header. */
function headerText(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * A row that repeats the header: at least two of the mapped columns (and every one that is
 * filled) hold the header's own text.
 */
function isRepeatedHeader(cells: Partial<Record<PlanColumnKey, PlanCell>>, header: HeaderInfo): boolean {
  let same = 0;
  for (const key of PLAN_COLUMN_KEYS) {
    const pc = cells[key];
    const name = header.names[key];
    if (!pc || pc.text === "" || pc.masterRow !== pc.row) continue;
    if (name === undefined || headerText(pc.text) !== headerText(name)) return false;
    same++;
  }
  return same >= 2;
}

/** Depth of an id-like Nr ("1.2.3" → 3), 0 when not id-like. */
export function idDepth(nr: string): number {
  const p = parsePlanId(nr);
  return p.ok ? p.parts.length : 0;
}

function rowDepth(r: PlanRow): number {
  return r.id?.ok ? r.id.parts.length : 0;
}

function readCell(grid: Grid, row: number, col: number, merges: MergeIndex): PlanCell {
  const area = merges.areaAt(row, col);
  if (!area) {
    const cell = grid.rows[row]?.[col] ?? EMPTY_CELL;
    return { text: cellText(cell), cell, row, col, masterRow: row, masterCol: col };
  }
  const cell = grid.rows[area.top]?.[area.left] ?? EMPTY_CELL;
  return { text: cellText(cell), cell, row, col, masterRow: area.top, masterCol: area.left };
}

function isEmpty(cell: GridCell): boolean {
  if (cell.text !== "") return cell.text.trim() === "";
  return cell.value === null || String(cell.value).trim() === "";
}

/** Cells with content of the row's own (merged values from above do not count), up to `limit`. */
function ownContentCount(grid: Grid, row: number, merges: MergeIndex, limit: number): number {
  let n = 0;
  const width = colCount(grid);
  const cells = grid.rows[row];
  for (let c = 0; c < width && n < limit; c++) {
    if (isEmpty(cells[c])) continue;
    const area = merges.areaAt(row, c);
    if (area && area.top !== row) continue;
    n++;
  }
  return n;
}

/**
 * A note below the table: one cell of text, no id in the Nr column, nothing else on the row.
 * Only treated as a note when it comes after the last measure (see trimTrailingNotes).
 */
function isNoteRow(grid: Grid, r: PlanRow, merges: MergeIndex): boolean {
  if (ownContentCount(grid, r.row, merges, 2) !== 1) return false;
  return rowDepth(r) === 0;
}

/** Read the rows below the header until END_AFTER_BLANK_ROWS blank rows or the sheet ends. */
export function readPlanBody(grid: Grid, header: HeaderInfo, merges: MergeIndex): PlanBody {
  const raw: PlanRow[] = [];
  const blanks: number[] = [];
  const repeatedHeaders: number[] = [];
  let pendingBlanks: number[] = [];
  const cols = header.columns;

  for (let r = header.row + 1; r < grid.rows.length; r++) {
    // One object shape for every row (this loop runs for every row of large plans); no per-row closure.
    const cells: Partial<Record<PlanColumnKey, PlanCell>> = {
      nr: cols.nr === undefined ? undefined : readCell(grid, r, cols.nr, merges),
      area: cols.area === undefined ? undefined : readCell(grid, r, cols.area, merges),
      tiltak: cols.tiltak === undefined ? undefined : readCell(grid, r, cols.tiltak, merges),
      maal: cols.maal === undefined ? undefined : readCell(grid, r, cols.maal, merges),
      frist: cols.frist === undefined ? undefined : readCell(grid, r, cols.frist, merges),
      okonomi: cols.okonomi === undefined ? undefined : readCell(grid, r, cols.okonomi, merges),
      ansvar: cols.ansvar === undefined ? undefined : readCell(grid, r, cols.ansvar, merges),
    };
    let any = false;
    let own = false;
    for (const key of PLAN_COLUMN_KEYS) {
      const pc = cells[key];
      if (pc === undefined || pc.text === "") continue;
      any = true;
      if (pc.masterRow === r) own = true;
    }
    // Only look at the unmapped columns when the mapped ones hold nothing of the row's own.
    if (!any || (!own && ownContentCount(grid, r, merges, 1) === 0)) {
      pendingBlanks.push(r);
      if (pendingBlanks.length >= END_AFTER_BLANK_ROWS) break;
      continue;
    }
    blanks.push(...pendingBlanks);
    pendingBlanks = [];
    if (isRepeatedHeader(cells, header)) {
      repeatedHeaders.push(r);
      continue;
    }
    const nr = cells.nr;
    const id = nr && nr.text !== "" && nr.masterRow === r ? parsePlanId(nr.text) : undefined;
    raw.push({ row: r, kind: "measure", cells, id });
  }

  const rows = trimTrailingNotes(grid, raw, merges);
  const lastRow = rows.length ? rows[rows.length - 1].row : -1;
  classify(rows);
  return { rows, blankRows: blanks.filter((b) => b < lastRow), repeatedHeaders };
}

/** Drop note rows at the end of the table ("Kilde: …", "* gjelder bare …"). */
function trimTrailingNotes(grid: Grid, rows: PlanRow[], merges: MergeIndex): PlanRow[] {
  let end = rows.length;
  while (end > 0 && isNoteRow(grid, rows[end - 1], merges)) end--;
  return rows.slice(0, end);
}

/**
 * A row with no mål, frist, økonomi or ansvar is a section heading ("1 UngArena+",
 * "1.2 Planlegge …") unless its Nr is as deep as the measures' ids — then it is a
 * measure whose values are missing (and the rules say so).
 */
function classify(rows: PlanRow[]): void {
  let maxDepth = 0;
  for (const r of rows) maxDepth = Math.max(maxDepth, rowDepth(r));
  for (const r of rows) {
    const c = r.cells;
    if (isBanner(r)) {
      r.kind = "heading";
      continue;
    }
    if (filled(c.maal) || filled(c.frist) || filled(c.okonomi) || filled(c.ansvar)) continue;
    const depth = rowDepth(r);
    const hasLabel = filled(c.area) || filled(c.tiltak) || filled(c.nr);
    if ((depth > 0 && depth < maxDepth) || (depth === 0 && hasLabel)) r.kind = "heading";
  }
}

/** Written in: text, or a formula even when it has no stored result (never "empty"). */
function filled(pc: PlanCell | undefined): boolean {
  return pc !== undefined && (pc.text !== "" || pc.cell.uncalculated === true);
}

/** A row whose text all comes from one cell merged across the columns (a section banner). */
function isBanner(r: PlanRow): boolean {
  let master: number | undefined;
  let count = 0;
  for (const key of PLAN_COLUMN_KEYS) {
    const pc = r.cells[key];
    if (!pc || pc.text === "") continue;
    count++;
    const m = masterKey(pc);
    if (master === undefined) master = m;
    else if (master !== m) return false;
  }
  return count > 1;
}
