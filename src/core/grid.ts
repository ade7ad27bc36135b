/**
 * The neutral grid model. Both adapters (Office.js in src/excel, exceljs in src/cli)
 * produce exactly this shape, so core gives the same answers in Excel and in the CLI.
 *
 * Conventions:
 * - A grid is anchored at A1: rows[0][0] is cell A1. Rows and columns are 0-based here;
 *   user-facing row numbers are 1-based (row index + 1).
 * - `value` is the raw value: numbers stay numbers, dates are Excel serial numbers,
 *   formula cells carry their cached result, empty cells are null.
 * - `text` is what Excel displays (formatted number, date text, "" when empty).
 * - Inside a merged area only the top-left (master) cell carries the value; the other
 *   cells are empty. Use `effectiveCell` to read a merged value from any cell it covers.
 * - Cells are read-only: a reader may give many positions one frozen cell object (the CLI's
 *   lean reader shares EMPTY_CELL and one cell per repeated shared text).
 */

export type CellValue = string | number | boolean | null;

export interface GridCell {
  value: CellValue;
  text: string;
  /** Formula with its leading "=", when the cell holds one. */
  formula?: string;
  /** True for a formula cell with no cached result (never calculated); absent otherwise. */
  uncalculated?: boolean;
}

/** 0-based, inclusive bounds. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** Dense rows; every row has the same length (the used width). */
  rows: GridCell[][];
  merges: Area[];
}

export interface GridWorkbook {
  sheets: Grid[];
}

export const EMPTY_CELL: Readonly<GridCell> = Object.freeze({ value: null, text: "" });

export function emptyCell(): GridCell {
  return { value: null, text: "" };
}

export function rowCount(grid: Grid): number {
  return grid.rows.length;
}

export function colCount(grid: Grid): number {
  return grid.rows.length === 0 ? 0 : grid.rows[0].length;
}

/** The cell at (row, col), or an empty cell outside the grid. */
export function cellAt(grid: Grid, row: number, col: number): GridCell {
  return grid.rows[row]?.[col] ?? EMPTY_CELL;
}

/** Column index (0-based) → letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`Ugyldig kolonne: ${col}`);
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → column index (0-based): "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  const up = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) throw new RangeError(`Ugyldig kolonne: ${letters}`);
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (row, col) 0-based → "B3". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B3" (optionally "$B$3" or "Ark1!B3") → { row: 2, col: 1 }. */
export function parseA1(address: string): { row: number; col: number } {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(bare.trim());
  if (!m) throw new RangeError(`Ugyldig celleadresse: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Area → "A1:C4" (or "A1" for a single cell). */
export function areaA1(area: Area): string {
  const tl = a1(area.top, area.left);
  if (area.top === area.bottom && area.left === area.right) return tl;
  return `${tl}:${a1(area.bottom, area.right)}`;
}

/** "A1:C4" or "B2" → Area. */
export function parseArea(address: string): Area {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to] = bare.split(":");
  const a = parseA1(from);
  const b = to ? parseA1(to) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Index of merged areas by cell, for O(1) lookups. Build once per grid: one pass over the
 * merges, one 32-bit slot per cell of the covered rectangle (smaller than the grid itself).
 */
export class MergeIndex {
  private readonly slots: Int32Array;
  private readonly areas: readonly Area[];
  private readonly width: number;
  private readonly height: number;

  constructor(grid: Grid) {
    const merges = grid.merges;
    let width = Math.max(colCount(grid), 1);
    let height = 0;
    for (const m of merges) {
      if (m.right + 1 > width) width = m.right + 1;
      if (m.bottom + 1 > height) height = m.bottom + 1;
    }
    this.width = width;
    this.height = height;
    this.areas = merges;
    this.slots = new Int32Array(merges.length === 0 ? 0 : width * height);
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i];
      for (let r = m.top; r <= m.bottom; r++) {
        const base = r * width;
        for (let c = m.left; c <= m.right; c++) this.slots[base + c] = i + 1; // a later merge wins, as before
      }
    }
  }

  /** The merged area covering (row, col), if any. */
  areaAt(row: number, col: number): Area | undefined {
    if (col >= this.width || row >= this.height || row < 0 || col < 0) return undefined;
    const slot = this.slots[row * this.width + col];
    return slot === 0 ? undefined : this.areas[slot - 1];
  }
}

/**
 * The value a user sees at (row, col): inside a merged area that is the master cell's
 * value, so a merged area or tiltak spanning rows gives its value to every row.
 */
export function effectiveCell(grid: Grid, row: number, col: number, merges?: MergeIndex): GridCell {
  const area = merges?.areaAt(row, col) ?? findMerge(grid, row, col);
  if (area) return cellAt(grid, area.top, area.left);
  return cellAt(grid, row, col);
}

function findMerge(grid: Grid, row: number, col: number): Area | undefined {
  return grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** The cell's displayed text, trimmed, with internal whitespace runs kept as written. */
export function cellText(cell: GridCell): string {
  if (cell.text !== "") return cell.text.trim();
  if (cell.value === null) return "";
  return String(cell.value).trim();
}

/** Build a grid from plain values (tests, examples, the preview). Strings and numbers only. */
export function gridFromValues(sheet: string, values: CellValue[][], merges: Area[] = []): Grid {
  const width = Math.max(0, ...values.map((r) => r.length));
  const rows = values.map((r) => {
    const out: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const v = r[c] ?? null;
      out.push({ value: v === "" ? null : v, text: v === null || v === undefined ? "" : String(v) });
    }
    return out;
  });
  return { sheet, rows, merges };
}
