/**
 * The plan's table body: which rows are measures, which are section headings,
 * which are blank, and where the table ends.
 */
import { colCount, EMPTY_CELL, type Grid, type GridCell, type MergeIndex } from "../grid";
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
  /**
   * False when no cell the body's rows read holds a formula without a result or a text with
   * "#" (so no Excel error value): the cell checks (rules/sheet-cells.ts) then have nothing to
   * find. Absent or true: check every cell.
   */
  oddCells?: boolean;
}

/** Whitespace collapsed, lower case: how a repeated header is compared with the header. */
function headerText(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Depth of an id-like Nr ("1.2.3" → 3), 0 when not id-like. */
export function idDepth(nr: string): number {
  const p = parsePlanId(nr);
  return p.ok ? p.parts.length : 0;
}

function rowDepth(r: PlanRow): number {
  return r.id?.ok ? r.id.parts.length : 0;
}

/** What the rows of one body share: where their cells are. */
class BodySource {
  constructor(
    private readonly rows: readonly (readonly GridCell[])[],
    private readonly merges: MergeIndex,
    readonly cols: Partial<Record<PlanColumnKey, number>>,
  ) {}

  /**
   * The PlanCell at (row, col): the merge master's cell and its cellText. Written out in one
   * function, as it runs for every cell a rule asks for, mostly before the JIT has warmed up.
   */
  cell(row: number, col: number): PlanCell {
    const area = this.merges.areaAt(row, col);
    const masterRow = area === undefined ? row : area.top;
    const masterCol = area === undefined ? col : area.left;
    const cell = this.rows[masterRow]?.[masterCol] ?? EMPTY_CELL;
    const t = cell.text;
    const text = t !== "" ? t.trim() : cell.value === null ? "" : String(cell.value).trim(); // cellText
    return { text, cell, row, col, masterRow, masterCol };
  }
}

/**
 * A body row. Its cells are read from the grid when asked for: a PlanCell is made on each
 * access and not kept. Keeping seven of them per row was the largest part of a big plan's
 * memory (about 85 MB of 100 000 rows, beside a grid of 40 MB); made on use they die young,
 * which costs the garbage collector far less than old objects do. The row is its own `cells`
 * (`row.cells.nr` is `row.nr`), so a row is one object beside its id.
 */
class BodyRow implements PlanRow, Partial<Record<PlanColumnKey, PlanCell>> {
  constructor(
    private readonly src: BodySource,
    readonly row: number,
    public kind: "measure" | "heading",
    readonly id: PlanIdParse | undefined,
  ) {}
  get cells(): Partial<Record<PlanColumnKey, PlanCell>> {
    return this;
  }
  get nr(): PlanCell | undefined {
    const col = this.src.cols.nr;
    return col === undefined ? undefined : this.src.cell(this.row, col);
  }
  get area(): PlanCell | undefined {
    const col = this.src.cols.area;
    return col === undefined ? undefined : this.src.cell(this.row, col);
  }
  get tiltak(): PlanCell | undefined {
    const col = this.src.cols.tiltak;
    return col === undefined ? undefined : this.src.cell(this.row, col);
  }
  get maal(): PlanCell | undefined {
    const col = this.src.cols.maal;
    return col === undefined ? undefined : this.src.cell(this.row, col);
  }
  get frist(): PlanCell | undefined {
    const col = this.src.cols.frist;
    return col === undefined ? undefined : this.src.cell(this.row, col);
  }
  get okonomi(): PlanCell | undefined {
    const col = this.src.cols.okonomi;
    return col === undefined ? undefined : this.src.cell(this.row, col);
  }
  get ansvar(): PlanCell | undefined {
    const col = this.src.cols.ansvar;
    return col === undefined ? undefined : this.src.cell(this.row, col);
  }
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

/** Bits of a row's classification, found while the row is read (see classify). */
const BANNER = 1; // all its text from one cell merged across the columns (isBanner)
const HAS_VALUE = 2; // mål, frist, økonomi or ansvar written in (filled)
const HAS_LABEL = 4; // satsningsområde, tiltak or nr written in

const VALUE_KEYS: ReadonlySet<PlanColumnKey> = new Set(["maal", "frist", "okonomi", "ansvar"]);
const LABEL_KEYS: ReadonlySet<PlanColumnKey> = new Set(["area", "tiltak", "nr"]);

/**
 * Read the rows below the header until END_AFTER_BLANK_ROWS blank rows or the sheet ends.
 * Each row is looked at once, straight from the grid (no PlanCell is made here); its cells
 * are read again when a rule asks for them (BodyRow).
 */
export function readPlanBody(grid: Grid, header: HeaderInfo, merges: MergeIndex): PlanBody {
  const raw: PlanRow[] = [];
  const flags: number[] = [];
  let oddCells = false;
  const blanks: number[] = [];
  const repeatedHeaders: number[] = [];
  let pendingBlanks: number[] = [];
  const src = new BodySource(grid.rows, merges, header.columns);
  // the mapped columns in PLAN_COLUMN_KEYS order, each with its header text as compared
  const mapped: { key: PlanColumnKey; col: number; name: string | undefined; bit: number }[] = [];
  for (const key of PLAN_COLUMN_KEYS) {
    const col = header.columns[key];
    if (col === undefined) continue;
    const name = header.names[key];
    const bit = VALUE_KEYS.has(key) ? HAS_VALUE : LABEL_KEYS.has(key) ? HAS_LABEL : 0;
    mapped.push({ key, col, name: name === undefined ? undefined : headerText(name), bit });
  }

  for (let r = header.row + 1; r < grid.rows.length; r++) {
    let any = false;
    let own = false;
    let sameAsHeader = 0; // own cells holding their column's header text (isRepeatedHeader)
    let notHeader = false;
    let texts = 0; // cells with text, and whether they all come from one merge master (isBanner)
    let master = -1;
    let oneMaster = true;
    let bits = 0;
    let nrText = "";
    for (let i = 0; i < mapped.length; i++) {
      const m = mapped[i];
      const area = merges.areaAt(r, m.col);
      const masterRow = area ? area.top : r;
      const masterCol = area ? area.left : m.col;
      const cell = grid.rows[masterRow]?.[masterCol] ?? EMPTY_CELL;
      const t = cell.text;
      const text = t !== "" ? t.trim() : cell.value === null ? "" : String(cell.value).trim(); // cellText
      if (text !== "" || cell.uncalculated === true) bits |= m.bit;
      if (
        !oddCells &&
        (cell.uncalculated === true || (typeof cell.value === "string" ? cell.value : text).includes("#"))
      )
        oddCells = true;
      if (text === "") continue;
      any = true;
      const k = masterRow * 65_536 + masterCol;
      if (texts++ === 0) master = k;
      else if (k !== master) oneMaster = false;
      if (masterRow !== r) continue;
      own = true;
      if (m.key === "nr") nrText = text;
      if (!notHeader) {
        if (m.name === undefined || headerText(text) !== m.name) notHeader = true;
        else sameAsHeader++;
      }
    }
    // Only look at the unmapped columns when the mapped ones hold nothing of the row's own.
    if (!any || (!own && ownContentCount(grid, r, merges, 1) === 0)) {
      pendingBlanks.push(r);
      if (pendingBlanks.length >= END_AFTER_BLANK_ROWS) break;
      continue;
    }
    blanks.push(...pendingBlanks);
    pendingBlanks = [];
    // A row that repeats the header: at least two of the mapped columns (and every one that
    // is filled) hold the header's own text.
    if (!notHeader && sameAsHeader >= 2) {
      repeatedHeaders.push(r);
      continue;
    }
    const id = nrText !== "" ? parsePlanId(nrText) : undefined;
    raw.push(new BodyRow(src, r, "measure", id));
    flags.push(bits | (texts > 1 && oneMaster ? BANNER : 0));
  }

  const rows = trimTrailingNotes(grid, raw, merges);
  const lastRow = rows.length ? rows[rows.length - 1].row : -1;
  classify(rows, flags);
  return { rows, blankRows: blanks.filter((b) => b < lastRow), repeatedHeaders, oddCells };
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
 * measure whose values are missing (and the rules say so). A row whose text all comes from
 * one cell merged across the columns is a section banner. `flags[i]` holds rows[i]'s bits.
 */
function classify(rows: PlanRow[], flags: readonly number[]): void {
  let maxDepth = 0;
  for (const r of rows) maxDepth = Math.max(maxDepth, rowDepth(r));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const f = flags[i];
    if (f & BANNER) {
      r.kind = "heading";
      continue;
    }
    if (f & HAS_VALUE) continue;
    const depth = rowDepth(r);
    if ((depth > 0 && depth < maxDepth) || (depth === 0 && f & HAS_LABEL)) r.kind = "heading";
  }
}
