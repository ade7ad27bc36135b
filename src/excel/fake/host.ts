/**
 * The fake Excel host's document state: sheets of cells with values, formulas, number
 * formats, fills, fonts, notes, merges and tables. Proxies (see context.ts, objects.ts)
 * change this state only while context.sync() applies their queued operations.
 */
import { type Area, type GridWorkbook, a1, areaA1 } from "../../core/grid";
import { parseRef } from "../a1";

export type FakeCellValue = string | number | boolean | null;
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeSheetData {
  name: string;
  /** Row-major values from A1; null = empty. Formula cells hold their cached result. */
  cells: FakeCellValue[][];
  /** Displayed text where it differs from the default rendering of the value. */
  text?: (string | null)[][];
  /** Address → formula with its leading "=". */
  formulas?: Record<string, string>;
  /** Address → solid fill colour "#RRGGBB". */
  fills?: Record<string, string>;
  /** Address → fill pattern other than "Solid" (e.g. "Gray25"). */
  fillPatterns?: Record<string, string>;
  /** Address → note text. */
  notes?: Record<string, string>;
  /** Merged areas as A1 ranges ("A1:C1"). */
  merges?: string[];
  /** Address → number format code ("@", "#,##0"). */
  numberFormats?: Record<string, string>;
  visibility?: Visibility;
}

export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  /** Office.context.document.settings, as saved with saveAsync. */
  settings?: Record<string, unknown>;
}

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
}

export interface CellState {
  value: FakeCellValue;
  formula?: string;
  text?: string;
  numberFormat?: string;
  fill?: FakeFill;
  bold?: boolean;
  fontSize?: number;
  wrap?: boolean;
}

export interface TableState {
  name: string;
  area: Area;
  style: string;
}

const KEY = 16_384;
const key = (r: number, c: number) => r * KEY + c;

let nextId = 1;

export class SheetState {
  readonly id = `{fake-sheet-${nextId++}}`;
  cells = new Map<number, CellState>();
  notes = new Map<string, string>();
  merges: Area[] = [];
  tables: TableState[] = [];
  columnWidths = new Map<number, number>();
  handlers = new Set<(args: unknown) => unknown>();
  autofitted = false;
  constructor(
    public name: string,
    public visibility: Visibility = "Visible",
  ) {}

  cell(r: number, c: number): CellState | undefined {
    return this.cells.get(key(r, c));
  }

  ensure(r: number, c: number): CellState {
    let cell = this.cells.get(key(r, c));
    if (!cell) {
      cell = { value: null };
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  private hasFormat(c: CellState): boolean {
    return (
      c.fill !== undefined ||
      c.bold !== undefined ||
      c.fontSize !== undefined ||
      c.wrap !== undefined ||
      (c.numberFormat !== undefined && c.numberFormat !== "General")
    );
  }

  /** Bounding box of cells with values (valuesOnly) or with values or formats; null when empty. */
  usedArea(valuesOnly: boolean): Area | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const has = c.value !== null || c.formula !== undefined || (!valuesOnly && this.hasFormat(c));
      if (!has) continue;
      const r = Math.floor(k / KEY);
      const col = k % KEY;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly) {
      for (const m of this.merges) {
        top = Math.min(top, m.top);
        left = Math.min(left, m.left);
        bottom = Math.max(bottom, m.bottom);
        right = Math.max(right, m.right);
      }
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** What Excel displays for the cell. */
  display(r: number, c: number): string {
    const cell = this.cell(r, c);
    if (!cell) return "";
    if (cell.text !== undefined) return cell.text;
    return renderValue(cell.value, cell.numberFormat);
  }

  mergeAt(r: number, c: number): Area | undefined {
    return this.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  }
}

function group(n: number): string {
  const s = Math.round(Math.abs(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return (n < 0 && Math.round(Math.abs(n)) !== 0 ? "-" : "") + s;
}

/** A small renderer of the number formats the adapter writes; Norwegian display (space, comma). */
export function renderValue(value: FakeCellValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (numberFormat === "#,##0") return group(value);
  if (numberFormat === "#,##0.00") {
    const [i, d] = Math.abs(value).toFixed(2).split(".");
    return `${value < 0 ? "-" : ""}${group(Number(i))},${d}`;
  }
  return String(value).replace(".", ",");
}

const NUMERIC = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

/**
 * Store text typed or written into a cell the way Excel does: with the text format "@" it
 * stays text; otherwise "=…" becomes a formula, numbers become numbers, and text starting
 * with "+" or "-" that is not a number is taken as a formula (Excel's Lotus-style entry).
 */
export function enterValue(cell: CellState, input: FakeCellValue): void {
  cell.text = undefined;
  cell.formula = undefined;
  if (typeof input !== "string") {
    cell.value = input;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = input === "" ? null : input;
    return;
  }
  if (input === "") {
    cell.value = null;
    return;
  }
  if (input.startsWith("=") && input.length > 1) {
    cell.formula = input;
    cell.value = null; // the fake does not calculate
    return;
  }
  const trimmed = input.trim();
  if (NUMERIC.test(trimmed)) {
    cell.value = Number(trimmed.replace(",", "."));
    return;
  }
  if (/^[+-]/.test(trimmed)) {
    cell.formula = `=${trimmed}`;
    cell.value = null;
    return;
  }
  cell.value = input;
}

export class FakeHost {
  sheets: SheetState[] = [];
  activeSheet: SheetState | undefined;
  selection: { sheet: SheetState; area: Area } | undefined;
  syncCount = 0;
  /** JSON characters sent to and received from the host so far (the preview shows them). */
  requestChars = 0;
  responseChars = 0;
  settings = new Map<string, unknown>();
  /** Highest ExcelApi minor version supported (18 = ExcelApi 1.18, notes). */
  apiMinor: number;
  /** Excel on the web limits a request and a response to 5 MB; set to emulate it (characters of JSON). */
  payloadLimit: number | undefined;
  /** Value writes during the current batch, dispatched to onChanged handlers after sync. */
  changes: { sheet: SheetState; area: Area }[] = [];

  constructor(data: FakeWorkbookData, apiMinor = 18, payloadLimit?: number) {
    this.apiMinor = apiMinor;
    this.payloadLimit = payloadLimit;
    for (const s of data.sheets) this.sheets.push(loadSheet(s));
    this.activeSheet = this.sheets.find((s) => s.visibility === "Visible");
    for (const [k, v] of Object.entries(data.settings ?? {})) this.settings.set(k, v);
  }

  find(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  toData(): FakeWorkbookData {
    return {
      sheets: this.sheets.map(saveSheet),
      settings: Object.fromEntries(this.settings),
    };
  }
}

function loadSheet(s: FakeSheetData): SheetState {
  const sheet = new SheetState(s.name, s.visibility ?? "Visible");
  s.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) sheet.ensure(r, c).value = v;
    }),
  );
  s.text?.forEach((row, r) =>
    row.forEach((t, c) => {
      if (t !== null && t !== undefined) sheet.ensure(r, c).text = t;
    }),
  );
  const each = (
    rec: Record<string, string> | undefined,
    fn: (c: CellState, v: string, addr: string) => void,
  ) => {
    for (const [addr, v] of Object.entries(rec ?? {})) {
      const a = parseRef(addr);
      if (!a) throw new Error(`Ugyldig adresse i testdata: ${addr}`);
      fn(sheet.ensure(a.top, a.left), v, areaA1({ ...a, bottom: a.top, right: a.left }));
    }
  };
  each(s.formulas, (c, f) => (c.formula = f));
  each(s.numberFormats, (c, f) => (c.numberFormat = f));
  each(s.fills, (c, color) => (c.fill = { color: color.toUpperCase(), pattern: "Solid" }));
  each(s.fillPatterns, (c, p) => (c.fill = { color: c.fill?.color ?? "#FFFFFF", pattern: p }));
  each(s.notes, (_c, text, addr) => sheet.notes.set(addr, text));
  for (const m of s.merges ?? []) {
    const a = parseRef(m);
    if (!a) throw new Error(`Ugyldig sammenslåing i testdata: ${m}`);
    sheet.merges.push(a);
  }
  return sheet;
}

function saveSheet(sheet: SheetState): FakeSheetData {
  const used = sheet.usedArea(true);
  const cells: FakeCellValue[][] = [];
  const text: (string | null)[][] = [];
  let anyText = false;
  if (used) {
    for (let r = 0; r <= used.bottom; r++) {
      const row: FakeCellValue[] = [];
      const trow: (string | null)[] = [];
      for (let c = 0; c <= used.right; c++) {
        const cell = sheet.cell(r, c);
        row.push(cell?.value ?? null);
        trow.push(cell?.text ?? null);
        if (cell?.text !== undefined) anyText = true;
      }
      cells.push(row);
      text.push(trow);
    }
  }
  const formulas: Record<string, string> = {};
  const fills: Record<string, string> = {};
  const fillPatterns: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  for (const [k, c] of sheet.cells) {
    const addr = a1(Math.floor(k / KEY), k % KEY);
    if (c.formula !== undefined) formulas[addr] = c.formula;
    if (c.fill) {
      fills[addr] = c.fill.color;
      if (c.fill.pattern !== "Solid") fillPatterns[addr] = c.fill.pattern;
    }
    if (c.numberFormat !== undefined) numberFormats[addr] = c.numberFormat;
  }
  return {
    name: sheet.name,
    cells,
    ...(anyText ? { text } : {}),
    formulas,
    fills,
    fillPatterns,
    notes: Object.fromEntries(sheet.notes),
    merges: sheet.merges.map(areaA1),
    numberFormats,
    visibility: sheet.visibility,
  };
}

/** The workbook data that makes the fake host show exactly these grids. */
export function fromGridWorkbook(wb: GridWorkbook): FakeWorkbookData {
  return {
    sheets: wb.sheets.map((g) => {
      const formulas: Record<string, string> = {};
      const cells = g.rows.map((row, r) =>
        row.map((cell, c) => {
          if (cell.formula) formulas[a1(r, c)] = cell.formula;
          return cell.value;
        }),
      );
      const text = g.rows.map((row) =>
        row.map((cell) => (cell.text === renderValue(cell.value) ? null : cell.text)),
      );
      return { name: g.sheet, cells, text, formulas, merges: g.merges.map(areaA1) };
    }),
  };
}
