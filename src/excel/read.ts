/**
 * Workbook → Grid (src/core/grid.ts) through Office.js, in two context.sync() calls
 * whatever the row count: one for the sheet names, one for every sheet's used range
 * (values, text, formulas, address) and merged areas.
 */
import type { Area, CellValue, Grid, GridCell, GridWorkbook } from "../core/grid";
import { parseAreas, parseRef } from "./a1";
import { MARK_SHEET } from "./marks-store";

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

export async function readWorkbook(ctx: Excel.RequestContext, opts?: { sheets?: string[] }): Promise<GridWorkbook> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();

  const wanted = opts?.sheets?.map((s) => s.toLowerCase());
  const pending: Pending[] = [];
  for (const ws of sheets.items) {
    const name = ws.name;
    if (name === MARK_SHEET) continue; // our own bookkeeping
    if (wanted && !wanted.includes(name.toLowerCase())) continue;
    // valuesOnly: formatted empty cells (whole coloured columns, our own marks) must not
    // stretch the range — a coloured column would otherwise mean a million rows.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,values,text,formulas");
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load("address");
    pending.push({ name, used, merged });
  }
  await ctx.sync();

  const out: Grid[] = pending.map(({ name, used, merged }) => {
    const merges = merged.isNullObject ? [] : parseAreas(merged.address);
    if (used.isNullObject) return { sheet: name, rows: [], merges };
    const origin = parseRef(used.address) ?? { top: 0, left: 0 };
    return gridFromRange(name, origin.top, origin.left, used.values, used.text, used.formulas, merges);
  });
  return { sheets: out };
}
