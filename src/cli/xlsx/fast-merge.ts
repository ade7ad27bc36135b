/**
 * exceljs checks every new merge against every existing one (O(n²)): reading or writing a sheet
 * with tens of thousands of merged areas (a big plan merges Satsningsområde and Tiltak per
 * group) spends most of its time there. Files written by Excel never hold overlapping merges, so
 * these helpers merge in linear time using exceljs's own cell and range objects.
 */
import ExcelJS from "exceljs";

interface RangeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type RangeCtor = new (...args: unknown[]) => RangeLike;
interface XSheet {
  _merges: Record<string, RangeLike>;
  getCell(r: number, c: number): ExcelJS.Cell & { merge(master: ExcelJS.Cell, ignoreStyle?: boolean): void };
}
interface SheetProto {
  _parseMergeCells(this: XSheet, model: { mergeCells?: string[] }): void;
}

let cached: { Range: RangeCtor; proto: SheetProto } | undefined;

function internals(): { Range: RangeCtor; proto: SheetProto } {
  if (!cached) {
    const probe = new ExcelJS.Workbook().addWorksheet("probe");
    probe.mergeCells("A1:B1");
    const range = Object.values((probe as unknown as XSheet)._merges)[0];
    cached = { Range: range.constructor as RangeCtor, proto: Object.getPrototypeOf(probe) as SheetProto };
  }
  return cached;
}

/** Merge an area (1-based bounds) without the quadratic overlap check; the master keeps its style. */
export function mergeFast(
  worksheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
): void {
  const ws = worksheet as unknown as XSheet;
  const { Range } = internals();
  const master = ws.getCell(top, left);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) if (r > top || c > left) ws.getCell(r, c).merge(master, true);
  }
  ws._merges[master.address] = new Range(top, left, bottom, right);
}

let depth = 0;
let original: SheetProto["_parseMergeCells"] | undefined;

/**
 * Run `fn` (an exceljs load) with linear merge parsing, then restore exceljs's own, so code
 * outside our adapter (and the benchmark's bare read) sees exceljs unchanged.
 */
export async function withLinearMergeParsing<T>(fn: () => Promise<T>): Promise<T> {
  const { proto, Range } = internals();
  if (depth++ === 0) {
    original = proto._parseMergeCells;
    proto._parseMergeCells = function (this: XSheet, model) {
      for (const ref of model.mergeCells ?? []) {
        const r = new Range(ref);
        mergeFast(this as unknown as ExcelJS.Worksheet, r.top, r.left, r.bottom, r.right);
      }
    };
  }
  try {
    return await fn();
  } finally {
    if (--depth === 0 && original) proto._parseMergeCells = original;
  }
}
