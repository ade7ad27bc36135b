/**
 * Finding a sheet's header row among its first rows. Each kind of sheet (plan, RST ledger,
 * register) names its columns with its own synonyms (`keyOf`) and says which rows will do;
 * reading a row is shared: the first column naming a key wins, and the header text is kept
 * as written for messages.
 */
import { cellAt, cellText, colCount, effectiveCell, type Grid, type MergeIndex } from "./grid";
import { squash } from "./text";

export interface HeaderRow<K extends string> {
  /** 0-based row index. */
  row: number;
  /** 0-based column per recognised key. */
  columns: Partial<Record<K, number>>;
  /** The header text per key, whitespace collapsed (for messages). */
  names: Partial<Record<K, string>>;
}

export interface HeaderSearch<K extends string> {
  /** The column a header text names, if any. */
  keyOf(text: string): K | null | undefined;
  /** How many rows from the top of the sheet may hold the header. */
  depth: number;
  /**
   * "merged" (the default): a cell inside a merged area reads as the area's top-left cell, so
   * a header merged across columns names its first column. "written": each cell as written.
   */
  cells?: "merged" | "written";
  /** The grid's merges, indexed (faster); without it they are looked up in the grid. */
  merges?: MergeIndex;
}

/** The keys recognised in one row. */
export function recogniseHeaderRow<K extends string>(
  grid: Grid,
  row: number,
  search: HeaderSearch<K>,
): HeaderRow<K> {
  const columns: Partial<Record<K, number>> = {};
  const names: Partial<Record<K, string>> = {};
  const width = colCount(grid);
  for (let c = 0; c < width; c++) {
    const cell =
      search.cells === "written" ? cellAt(grid, row, c) : effectiveCell(grid, row, c, search.merges);
    const text = cellText(cell);
    const key = search.keyOf(text);
    if (key && columns[key] === undefined) {
      columns[key] = c;
      names[key] = squash(text);
    }
  }
  return { row, columns, names };
}

function* candidateRows<K extends string>(grid: Grid, search: HeaderSearch<K>): Generator<HeaderRow<K>> {
  const last = Math.min(grid.rows.length, search.depth);
  for (let r = 0; r < last; r++) yield recogniseHeaderRow(grid, r, search);
}

/** The first row within the search depth that `accept` takes. */
export function firstHeaderRow<K extends string>(
  grid: Grid,
  search: HeaderSearch<K>,
  accept: (h: HeaderRow<K>) => boolean,
): HeaderRow<K> | undefined {
  for (const h of candidateRows(grid, search)) if (accept(h)) return h;
  return undefined;
}

/** Of the rows `accept` takes, the one recognising the most columns (the upper one of equals). */
export function bestHeaderRow<K extends string>(
  grid: Grid,
  search: HeaderSearch<K>,
  accept: (h: HeaderRow<K>) => boolean = () => true,
): HeaderRow<K> | undefined {
  let best: HeaderRow<K> | undefined;
  let bestCount = 0;
  for (const h of candidateRows(grid, search)) {
    const count = Object.keys(h.columns).length;
    if (accept(h) && count > bestCount) {
      best = h;
      bestCount = count;
    }
  }
  return best;
}
