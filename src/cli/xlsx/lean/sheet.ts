/**
 * One worksheet's XML → Grid, streamed cell by cell, shaped exactly as the exceljs adapter
 * (../read.ts worksheetToGrid) shapes exceljs's model of the same sheet. exceljs's reading of a
 * cell (xlsx/xform/sheet/cell-xform.js, parseClose and reconcile) is followed step by step;
 * where it reads a value wrongly, this reader is right instead and says so:
 * - a formula in a date-formatted cell whose cached result is text, a boolean or an error keeps
 *   that result (exceljs turns it into an invalid date);
 * - t="d" cells (ISO dates) become date serials (exceljs reads the year as a number);
 * - a <row> or <c> without its r attribute follows the previous one (exceljs loses it);
 * - CDATA text is read (exceljs drops it); namespace prefixes on element names are ignored;
 * - a formula whose cached result is an empty <v></v> (Excel's ="") is not `uncalculated`.
 */
import type { Area, CellValue, Grid, GridCell } from "../../../core/grid";
import { EMPTY_CELL, parseArea } from "../../../core/grid";
import { dateToSerial, formatDateSerial, formatNumber } from "../number-format";
import type { ReadProgress } from "./types";
import { type CellStyle, decodeXEscapes, xmlDecodeTwice } from "./parts";
import { slideFormula } from "./shared-formula";
import { localName, parseXmlTags } from "./xml";

export interface SheetContext {
  name: string;
  sharedStrings: readonly string[];
  styles: readonly CellStyle[];
  date1904: boolean;
  /** The sheet's relationships, read only when the sheet has hyperlinks. */
  rels: () => Map<string, string>;
  onProgress?: (p: ReadProgress) => void;
  /** Thrown for a reference the file cannot satisfy (a shared string that does not exist). */
  corrupt: (reason: string) => Error;
}

const PROGRESS_EVERY = 5000;
const EMPTY = EMPTY_CELL as GridCell;

/** exceljs utils.excelToDate. */
function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Column letters at the start of an A1 address → 0-based index, or -1. */
function columnOf(address: string): number {
  let n = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === 0 ? -1 : n - 1;
}

/** What exceljs's hyperlink cell shows (read.ts convertCell, Hyperlink). */
function hyperlinkText(text: unknown, target: string): string {
  if (text === undefined) return target;
  if (typeof text === "string") return text;
  return text === null ? "" : String(text);
}

function isoDateSerial(text: string): number {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  return Number.isNaN(ms) ? NaN : dateToSerial(new Date(ms));
}

export type XmlFeed = (sink: (bytes: Uint8Array) => void) => void;

/**
 * The sheet's grid. Hyperlinks are listed after the cells, and exceljs shows a linked cell's
 * text differently, so a sheet with hyperlinks is read a second time knowing them.
 */
export function parseSheet(feed: XmlFeed, ctx: SheetContext): Grid {
  const first = readSheet(feed, ctx, undefined);
  if (first.hyperlinks.length === 0) return first.grid;
  const rels = ctx.rels();
  const links = new Map<string, string>();
  for (const [ref, id] of first.hyperlinks) {
    const target = rels.get(id);
    if (target !== undefined) links.set(ref, target); // exceljs hyperlinkMap: only links with a target
  }
  return links.size === 0 ? first.grid : readSheet(feed, ctx, links).grid;
}

function readSheet(
  feed: XmlFeed,
  ctx: SheetContext,
  links: Map<string, string> | undefined,
): { grid: Grid; hyperlinks: [string, string][] } {
  const { sharedStrings, styles, date1904, onProgress } = ctx;
  const hyperlinks: [string, string][] = [];
  const ssCells: (GridCell | undefined)[] = [];
  const sparse: (GridCell[] | undefined)[] = [];
  const mergeRefs: (Area | string)[] = []; // read by hand when plain (plainArea), else the text
  const sharedMasters = new Map<string, { formula: string; row: number; col: number }>();
  let totalRows = 0;

  let rowIdx = -1;
  let rowCells: GridCell[] | undefined;
  let prevCol = -1;
  let inSheetData = false;

  // the cell being read
  let inCell = false;
  let cAddr: string | undefined;
  let cCol = 0;
  let cType: string | undefined;
  let cStyle = 0;
  let fText: string | undefined;
  let fShare: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  let cur = 0; // 1 <f>, 2 <v> or plain <t>, 3 <t> of a run
  let vText: string | undefined;
  let sawV = false;
  let runs: (string | undefined)[] | undefined;
  let inRun = false;
  let runParts: string[] | undefined;

  const finishCell = (): void => {
    const style = cStyle ? styles[cStyle] : undefined;
    const numFmt = style?.numFmt;
    const isDate = style?.isDate ?? false;
    const link = links && cAddr !== undefined ? links.get(cAddr) : undefined;
    const rich = runs ? runs.map((t) => t ?? "").join("") : undefined;
    let cell: GridCell | undefined;

    if (fText || fShare) {
      // formula cell: cached result as exceljs types it (only when <v> has text)
      let result: unknown;
      let resultIsNumber = false;
      if (vText || rich !== undefined) {
        if (cType === "str") result = xmlDecodeTwice(vText ?? "");
        else if (cType === "b") result = parseInt(vText ?? "", 10) !== 0;
        else if (cType === "e") result = { error: vText };
        else {
          result = parseFloat(vText ?? "");
          resultIsNumber = true;
        }
      }
      if (result !== undefined && isDate && resultIsNumber) result = excelToDate(result as number, date1904);
      let formula = fText;
      if (fShare === "shared" && fSi !== undefined) {
        if (fRef) {
          if (fText !== undefined) sharedMasters.set(fSi, { formula: fText, row: rowIdx, col: cCol });
        } else if (!formula) {
          const m = sharedMasters.get(fSi);
          if (m) formula = slideFormula(m.formula, m.row, m.col, rowIdx, cCol);
        }
      }
      if (link !== undefined) {
        const v = hyperlinkText(result, link);
        cell = v === "" ? undefined : { value: v, text: v };
      } else {
        cell = resultCell(result, numFmt);
        if (formula) cell.formula = `=${formula}`;
        // an empty <v></v> is a cached empty text (Excel writes it for ="" results); exceljs cannot
        // tell it from no <v> at all, so its adapter calls both uncalculated
        if (!sawV) cell.uncalculated = true;
      }
    } else if (vText !== undefined || rich !== undefined) {
      let value: unknown;
      let ssIndex = -1;
      switch (cType) {
        case "s": {
          ssIndex = parseInt(vText ?? "", 10);
          value = sharedStrings[ssIndex];
          if (value === undefined) throw ctx.corrupt(`delt tekst nr. ${vText} finnes ikke`);
          break;
        }
        case "str":
          value = xmlDecodeTwice(vText ?? "");
          break;
        case "inlineStr":
          value = rich ?? vText;
          break;
        case "b":
          value = parseInt(vText ?? "", 10) !== 0;
          break;
        case "e":
          value = { error: vText };
          break;
        case "d": {
          const serial = isoDateSerial(vText ?? "");
          value = Number.isNaN(serial) ? NaN : excelToDate(serial, false);
          break;
        }
        default: {
          const n = parseFloat(vText ?? "");
          value = isDate ? excelToDate(n, date1904) : n;
        }
      }
      if (link !== undefined) {
        const v = hyperlinkText(value, link);
        cell = v === "" ? undefined : { value: v, text: v };
      } else if (ssIndex >= 0) {
        // one frozen cell per shared text: a plan repeats its Ansvar, Frist and Økonomi texts
        cell = ssCells[ssIndex];
        if (cell === undefined && value !== "") {
          cell = Object.freeze({ value: value as string, text: value as string }) as GridCell;
          ssCells[ssIndex] = cell;
        }
      } else if (typeof value === "string") {
        cell = value === "" ? undefined : { value, text: value };
      } else if (typeof value === "number") {
        cell = { value, text: formatNumber(value, numFmt) };
      } else if (typeof value === "boolean") {
        cell = { value, text: value ? "SANN" : "USANN" };
      } else if (value instanceof Date) {
        cell = { value: dateToSerial(value), text: formatDateSerial(value, numFmt) };
      } else {
        const e = (value as { error?: string }).error || "#VALUE!";
        cell = { value: e, text: e };
      }
    } else if (link !== undefined && cAddr !== undefined) {
      cell = { value: link, text: link };
    }

    // rows stay packed arrays (EMPTY in the gaps), so they become the grid's rows as they are
    if (cell) {
      if (!rowCells) {
        rowCells = [];
        sparse[rowIdx] = rowCells;
      }
      while (rowCells.length < cCol) rowCells.push(EMPTY);
      if (rowCells.length === cCol) rowCells.push(cell);
      else rowCells[cCol] = cell;
    } else if (rowCells && cCol < rowCells.length) {
      rowCells[cCol] = EMPTY; // a later <c> for the same cell wins
    }
  };

  parseXmlTags(feed, {
    openTag(tag) {
      const name = localName(tag.name);
      const a = tag.attributes;
      if (inCell) {
        switch (name) {
          case "f":
            cur = 1;
            fShare = a.t;
            fSi = a.si;
            fRef = a.ref;
            return;
          case "v":
            cur = 2;
            sawV = true;
            return;
          case "r":
            inRun = true;
            (runs ??= []).push(undefined);
            return;
          case "t":
            if (inRun) {
              cur = 3;
              runParts = [];
            } else cur = 2;
            return;
          default:
            return;
        }
      }
      switch (name) {
        case "c": {
          inCell = true;
          cAddr = a.r;
          const col = cAddr === undefined ? -1 : columnOf(cAddr);
          cCol = col < 0 ? prevCol + 1 : col;
          prevCol = cCol;
          cType = a.t;
          cStyle = a.s ? parseInt(a.s, 10) : 0;
          fText = fShare = fSi = fRef = vText = undefined;
          runs = undefined;
          sawV = false;
          inRun = false;
          cur = 0;
          return;
        }
        case "row": {
          const r = a.r ? parseInt(a.r, 10) - 1 : rowIdx + 1;
          rowIdx = Number.isNaN(r) ? rowIdx + 1 : r;
          rowCells = undefined;
          sparse[rowIdx] = undefined; // a repeated row number replaces the earlier row, as in exceljs
          prevCol = -1;
          if (onProgress && totalRows > 0 && (rowIdx + 1) % PROGRESS_EVERY === 0)
            onProgress({ phase: "convert", sheet: ctx.name, rows: rowIdx + 1, totalRows });
          return;
        }
        case "sheetData":
          inSheetData = true;
          return;
        case "mergeCell":
          if (a.ref) mergeRefs.push(plainArea(a.ref) ?? a.ref);
          return;
        case "hyperlink":
          if (!inSheetData && a.ref !== undefined && a["r:id"]) hyperlinks.push([a.ref, a["r:id"]]);
          return;
        case "dimension": {
          const ref = a.ref ?? "";
          const m = /(\d+)$/.exec(ref);
          if (m) totalRows = parseInt(m[1], 10);
          return;
        }
        default:
          return;
      }
    },
    text(t) {
      if (cur === 0) return;
      if (cur === 2) {
        if (!runs) vText = vText === undefined ? t : vText + t;
      } else if (cur === 3) runParts!.push(t);
      else fText = fText === undefined ? t : fText + t;
    },
    closeTag(tag) {
      const name = localName(tag.name);
      if (!inCell) {
        if (name === "row" && rowCells) {
          // a copy of exactly the row's length, made while the row is young: an array grown
          // by push keeps room for 16 cells, twice what a plan row needs (7 MB of 100 000 rows)
          rowCells = rowCells.slice();
          sparse[rowIdx] = rowCells;
        } else if (name === "sheetData") inSheetData = false;
        return;
      }
      switch (name) {
        case "c":
          inCell = false;
          if (inSheetData && rowIdx >= 0) finishCell();
          return;
        case "t":
          if (cur === 3) runs![runs!.length - 1] = decodeXEscapes(runParts!.join(""));
          cur = 0;
          return;
        case "r":
          inRun = false;
          return;
        case "f":
        case "v":
        case "is":
          cur = 0;
          return;
        default:
          return;
      }
    },
  });

  return { grid: toGrid(ctx.name, sparse, mergeRefs), hyperlinks };
}

function resultCell(result: unknown, numFmt: string | undefined): GridCell {
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
    const e = (result as { error?: string }).error;
    if (e) {
      value = e;
      text = e;
    }
  }
  return { value, text };
}

/** One plain cell reference ("AB12") at `at` → [row, col, end], or undefined. */
function plainRef(ref: string, at: number): [number, number, number] | undefined {
  let i = at;
  let col = 0;
  for (; i < ref.length && i - at < 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === at) return undefined;
  const digits = i;
  let row = 0;
  for (; i < ref.length && i - digits < 9; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
  }
  if (i === digits) return undefined;
  return [row - 1, col - 1, i];
}

/**
 * A merge reference as Excel writes it ("B3:B5", "C7") read by hand, as parseArea reads it;
 * undefined for anything else ($, sheet names, lower case, spaces …), which parseArea reads.
 * A big plan has thousands of merges, and parseArea's regular expressions were a tenth of
 * reading its sheet.
 */
export function plainArea(ref: string): Area | undefined {
  const a = plainRef(ref, 0);
  if (!a) return undefined;
  let b = a;
  if (a[2] < ref.length) {
    if (ref.charCodeAt(a[2]) !== 58) return undefined; // ":"
    const second = plainRef(ref, a[2] + 1);
    if (!second || second[2] !== ref.length) return undefined;
    b = second;
  }
  return {
    top: Math.min(a[0], b[0]),
    left: Math.min(a[1], b[1]),
    bottom: Math.max(a[0], b[0]),
    right: Math.max(a[1], b[1]),
  };
}

/**
 * Merges as exceljs applies them after the rows (every covered cell but the master loses its
 * value; a later merge with the same master replaces the earlier), then the dense grid.
 */
function toGrid(sheet: string, sparse: (GridCell[] | undefined)[], mergeRefs: (Area | string)[]): Grid {
  const byMaster = new Map<number, Area>();
  for (const ref of mergeRefs) {
    let area: Area;
    try {
      area = typeof ref === "string" ? parseArea(ref) : ref;
    } catch {
      continue; // not an A1 range: nothing to merge
    }
    for (let r = area.top; r <= area.bottom; r++) {
      const cells = sparse[r];
      if (!cells) continue;
      const right = Math.min(area.right, cells.length - 1);
      for (let c = area.left; c <= right; c++) if (r > area.top || c > area.left) cells[c] = EMPTY;
    }
    byMaster.set(area.top * 16384 + area.left, area);
  }

  let lastRow = -1;
  let width = 0;
  for (let r = 0; r < sparse.length; r++) {
    const cells = sparse[r];
    if (!cells) continue;
    for (let c = cells.length - 1; c >= 0; c--) {
      if (cells[c] !== EMPTY) {
        if (c + 1 > width) width = c + 1;
        lastRow = r;
        break;
      }
    }
  }
  const merges: Area[] = [];
  for (const area of byMaster.values()) {
    const master = sparse[area.top]?.[area.left];
    if (master !== undefined && master !== EMPTY) {
      if (area.bottom > lastRow) lastRow = area.bottom;
      if (area.right + 1 > width) width = area.right + 1;
    }
    merges.push(area);
  }

  const rowCount = lastRow + 1;
  const rows: GridCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row = sparse[r];
    if (row !== undefined && row.length === width) {
      rows.push(row);
      continue;
    }
    const out = new Array<GridCell>(width);
    for (let c = 0; c < width; c++) out[c] = row !== undefined && c < row.length ? row[c] : EMPTY;
    rows.push(out);
  }
  const inside = merges.filter((m) => m.bottom < rowCount && m.right < width);
  const order = (a: Area, b: Area): number => a.top - b.top || a.left - b.left;
  // usually in order already (writers list merges row by row): then the sort is skipped
  let sorted = true;
  for (let i = 1; i < inside.length && sorted; i++) sorted = order(inside[i - 1], inside[i]) <= 0;
  if (!sorted) inside.sort(order);
  return { sheet, rows, merges: inside };
}
