/**
 * The exceljs file adapter: an .xlsx file → the neutral grid model (src/core/grid.ts),
 * shaped exactly like the Office.js adapter's output:
 * - each worksheet (hidden ones too; chart sheets are skipped — exceljs does not load them) anchored at A1, dense rows as wide as the used width
 *   (the right-most column holding a value or covered by a merge whose master has a value);
 * - value: numbers stay numbers, dates → Excel serials (1900 system), booleans, rich text →
 *   plain text, hyperlinks → their text, formula cells → their cached result (error results →
 *   the error text, e.g. "#DIV/0!"), empty → null;
 * - text: strings as written; numbers via formatNumber (see number-format.ts); dates "dd.mm.yyyy";
 *   booleans "SANN"/"USANN"; errors their code;
 * - formula: "=" + formula (shared formulas translated to the cell);
 * - merges from the worksheet's merge index; only the master carries the value (exceljs reports
 *   the master's value in every covered cell; those become empty here, as in Office).
 */
import ExcelJS from "exceljs";
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import type { Area, CellValue, Grid, GridCell, GridWorkbook } from "../../core/grid";
import { InputError } from "../errors";
import { fileHead, otherSpreadsheetAdvice, readErrorMessage } from "../io/fs-errors";
import { withLinearMergeParsing } from "./fast-merge";
import { dateToSerial, formatDateSerial, formatNumber } from "./number-format";

export interface ReadProgress {
  phase: "read" | "convert";
  sheet?: string;
  /** Rows converted so far in this sheet (convert phase). */
  rows: number;
  totalRows: number;
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** Only these sheets (by name); all when omitted. */
  sheets?: string[];
}

const PROGRESS_EVERY = 5000;

export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<GridWorkbook> {
  const wb = await loadExcelWorkbook(path);
  const sheets: Grid[] = [];
  for (const ws of wb.worksheets) {
    if (opts.sheets && !opts.sheets.includes(ws.name)) continue;
    sheets.push(worksheetToGrid(ws, opts.onProgress));
  }
  return { sheets };
}

/** Read and parse the file with exceljs after checking it is a readable .xlsx. */
export async function loadExcelWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const data = readChecked(path);
  const wb = new ExcelJS.Workbook();
  try {
    await withLinearMergeParsing(() => wb.xlsx.load(data as unknown as ExcelJS.Buffer));
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new InputError(
      `Kunne ikke lese «${path}»: filen er skadet eller ikke en gyldig .xlsx-fil (${reason}).`,
    );
  }
  return wb;
}

/** The file's bytes, after the checks that give a clear message instead of a zip error. */
export function readChecked(path: string): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`Kunne ikke lese «${path}»: det er en mappe, ikke en fil.`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(readErrorMessage(path, err));
  }
  if (size === 0) throw new InputError(`Kunne ikke lese «${path}»: filen er tom.`);
  const head = readHead(path, 8);
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new InputError(
      `Kunne ikke lese «${path}»: filen er kryptert eller i gammelt .xls-format. Fjern passordet eller lagre den som .xlsx i Excel.`,
    );
  }
  if (!(head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
    throw new InputError(`Kunne ikke lese «${path}»: filen er ikke en Excel-arbeidsbok (.xlsx).`);
  }
  const other = otherSpreadsheetAdvice(path, fileHead(path));
  if (other) throw new InputError(other);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InputError(readErrorMessage(path, err));
  }
}

function readHead(path: string, n: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    throw new InputError(readErrorMessage(path, err));
  }
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } catch (err) {
    throw new InputError(readErrorMessage(path, err));
  } finally {
    closeSync(fd);
  }
}

// exceljs internals read directly for speed (one pass, no per-row callbacks or model building);
// stable across exceljs 4.x.
interface XCell {
  type: number;
  value: unknown;
  numFmt?: string;
  formula?: string;
  result?: unknown;
}
interface XRow {
  _cells: (XCell | undefined)[];
}
interface XRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface XSheet {
  name: string;
  _rows: (XRow | undefined)[];
  _merges: Record<string, XRange>;
}

const T = ExcelJS.ValueType;

/** One worksheet → Grid. Exported for tests and the annotator. */
export function worksheetToGrid(worksheet: ExcelJS.Worksheet, onProgress?: (p: ReadProgress) => void): Grid {
  const ws = worksheet as unknown as XSheet;
  const xrows = ws._rows ?? [];
  const total = xrows.length;
  const sparse: (GridCell[] | undefined)[] = new Array(total);
  let lastRow = -1;
  let width = 0;

  for (let r = 0; r < total; r++) {
    const xr = xrows[r];
    if (!xr) continue;
    const cells = xr._cells;
    let out: GridCell[] | undefined;
    for (let c = 0; c < cells.length; c++) {
      const xc = cells[c];
      if (!xc) continue;
      const gc = convertCell(xc);
      if (!gc) continue;
      if (!out) out = [];
      out[c] = gc;
      if (c + 1 > width) width = c + 1;
      lastRow = r;
    }
    sparse[r] = out;
    if (onProgress && (r + 1) % PROGRESS_EVERY === 0) {
      onProgress({ phase: "convert", sheet: ws.name, rows: r + 1, totalRows: total });
    }
  }

  const merges: Area[] = [];
  for (const m of Object.values(ws._merges ?? {})) {
    const area: Area = { top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 };
    const masterHasValue = sparse[area.top]?.[area.left] !== undefined;
    if (masterHasValue) {
      if (area.bottom > lastRow) lastRow = area.bottom;
      if (area.right + 1 > width) width = area.right + 1;
    }
    merges.push(area);
  }

  const rowCount = lastRow + 1;
  const rows: GridCell[][] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const src = sparse[r];
    const row: GridCell[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = src?.[c] ?? { value: null, text: "" };
    rows[r] = row;
  }
  const inside = merges.filter((m) => m.bottom < rowCount && m.right < width);
  inside.sort((a, b) => a.top - b.top || a.left - b.left);
  return { sheet: ws.name, rows, merges: inside };
}

/** One exceljs cell → GridCell, or undefined when it shows nothing (empty, merge slave). */
function convertCell(xc: XCell): GridCell | undefined {
  switch (xc.type) {
    case T.Null:
    case T.Merge:
      return undefined;
    case T.Number: {
      const v = xc.value as number;
      return { value: v, text: formatNumber(v, xc.numFmt) };
    }
    case T.String:
    case T.SharedString: {
      const v = xc.value as string;
      return v === "" ? undefined : { value: v, text: v };
    }
    case T.RichText: {
      const v = richText(xc.value);
      return v === "" ? undefined : { value: v, text: v };
    }
    case T.Date: {
      const d = xc.value as Date;
      return { value: dateToSerial(d), text: formatDateSerial(d, xc.numFmt) };
    }
    case T.Hyperlink: {
      const hv = xc.value as { text?: unknown; hyperlink?: string };
      const v = hv.text === undefined ? (hv.hyperlink ?? "") : richText(hv.text);
      return v === "" ? undefined : { value: v, text: v };
    }
    case T.Boolean: {
      const v = xc.value as boolean;
      return { value: v, text: v ? "SANN" : "USANN" };
    }
    case T.Error: {
      const e = (xc.value as { error?: string }).error ?? "#VALUE!";
      return { value: e, text: e };
    }
    case T.Formula: {
      const res = resultCell(xc.result, xc.numFmt);
      if (xc.formula) res.formula = `=${xc.formula}`;
      if (xc.result === undefined) res.uncalculated = true;
      return res;
    }
    default:
      return undefined;
  }
}

function resultCell(result: unknown, numFmt?: string): GridCell {
  let value: CellValue = null;
  let text = "";
  if (typeof result === "number") {
    value = result;
    text = formatNumber(result, numFmt);
  } else if (typeof result === "string") {
    value = result === "" ? null : result;
    text = result;
  } else if (typeof result === "boolean") {
    value = result;
    text = result ? "SANN" : "USANN";
  } else if (result instanceof Date) {
    value = dateToSerial(result);
    text = formatDateSerial(result, numFmt);
  } else if (result && typeof result === "object") {
    const r = result as { error?: string; richText?: unknown };
    if (r.error) {
      value = r.error;
      text = r.error;
    } else if (r.richText) {
      text = richText(result);
      value = text === "" ? null : text;
    }
  }
  return { value, text };
}

function richText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((p) => p.text ?? "").join("");
  }
  return v === null || v === undefined ? "" : String(v);
}
