/**
 * Workbook → Grid (src/core/grid.ts) through Office.js, in two context.sync() calls
 * whatever the row count: one for the sheet names (skipped when the caller already has
 * them), one for every sheet's used range (values, text, formulas, address) and merged areas.
 *
 * Excel on the web refuses responses above 5 MB (about 7 000 plan rows of the seed's
 * text). Only then the read falls back to blocks of about BLOCK_CELLS cells, one sync each.
 */
import type { Area, CellValue, Grid, GridCell, GridWorkbook } from "../core/grid";
import { parseAreas, parseRef } from "./a1";
import { MARK_SHEET } from "./marks-store";
import { loadSheetNames } from "./sheet-names";

/** Cells per block in the fallback read (~2 MB of values, text and formulas). */
export const BLOCK_CELLS = 20_000;

interface Pending {
  name: string;
  used: Excel.Range;
  merged: Excel.RangeAreas;
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Build the A1-anchored grid from a used range that starts at (top, left). */
export function gridFromRange(
  sheet: string,
  top: number,
  left: number,
  values: unknown[][],
  text: string[][],
  formulas: unknown[][],
  merges: Area[],
): Grid {
  const width = left + (values[0]?.length ?? 0);
  const rows: GridCell[][] = [];
  for (let r = 0; r < top; r++) rows.push(Array.from({ length: width }, () => ({ value: null, text: "" })));
  values.forEach((vrow, i) => {
    const row: GridCell[] = [];
    for (let c = 0; c < left; c++) row.push({ value: null, text: "" });
    vrow.forEach((v, j) => {
      const value = cellValue(v);
      const cell: GridCell = { value, text: text[i]?.[j] ?? "" };
      const f = formulas[i]?.[j];
      // A text cell may hold "=…" as text; then formulas and values are the same string.
      if (typeof f === "string" && f.startsWith("=") && f !== v) cell.formula = f;
      row.push(cell);
    });
    rows.push(row);
  });
  return { sheet, rows, merges };
}

export async function readWorkbook(
  ctx: Excel.RequestContext,
  opts?: { sheets?: string[]; sheetNames?: readonly string[] },
): Promise<GridWorkbook> {
  const names = opts?.sheetNames ?? (await loadSheetNames(ctx));

  const wanted = opts?.sheets?.map((s) => s.toLowerCase());
  const pending: Pending[] = [];
  for (const name of names) {
    if (name === MARK_SHEET) continue; // our own bookkeeping
    if (wanted && !wanted.includes(name.toLowerCase())) continue;
    // valuesOnly: formatted empty cells (whole coloured columns, our own marks) must not
    // stretch the range — a coloured column would otherwise mean a million rows.
    const ws = ctx.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,text,formulas");
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    pending.push({ name, used, merged });
  }
  try {
    await ctx.sync();
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    return {
      sheets: await readInBlocks(
        ctx,
        pending.map((p) => p.name),
      ),
    };
  }

  const out: Grid[] = pending.map(({ name, used, merged }) => {
    const merges = merged.isNullObject ? [] : parseAreas(merged.address);
    if (used.isNullObject) return { sheet: name, rows: [], merges };
    const origin = parseRef(used.address) ?? { top: 0, left: 0 };
    return gridFromRange(name, origin.top, origin.left, used.values, used.text, used.formulas, merges);
  });
  return { sheets: out };
}

function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    /PayloadSizeLimitExceeded/.test(String(e))
  );
}

/** The fallback: addresses and merges first, then each sheet's used range in row blocks. */
async function readInBlocks(ctx: Excel.RequestContext, names: string[]): Promise<Grid[]> {
  const heads = names.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    return { name, ws, used, merged };
  });
  await ctx.sync();

  const out: Grid[] = [];
  for (const { name, ws, used, merged } of heads) {
    const merges = merged.isNullObject ? [] : parseAreas(merged.address);
    const area = used.isNullObject ? null : parseRef(used.address);
    if (!area) {
      out.push({ sheet: name, rows: [], merges });
      continue;
    }
    const width = area.right - area.left + 1;
    const step = Math.max(1, Math.floor(BLOCK_CELLS / width));
    const values: unknown[][] = [];
    const text: string[][] = [];
    const formulas: unknown[][] = [];
    for (let top = area.top; top <= area.bottom; top += step) {
      const rows = Math.min(step, area.bottom - top + 1);
      const block = ws.getRangeByIndexes(top, area.left, rows, width);
      block.load("values,text,formulas");
      // One sync per block is the point here: only used after Excel on the web refused the
      // whole range for its 5 MB response limit, so blocks must arrive in separate responses.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await ctx.sync();
      values.push(...block.values);
      text.push(...block.text);
      formulas.push(...block.formulas);
    }
    out.push(gridFromRange(name, area.top, area.left, values, text, formulas, merges));
  }
  return out;
}
