/**
 * The "Kostnadsmodell" sheet (src/core/cost-model/template.ts) written with exceljs: the same
 * cells, formulas, number formats, fills, fonts, widths and merges the task pane writes through
 * Office.js. Each formula cell carries its cached result, computed by evaluating the template's
 * formulas with the CLI's formula engine (the one behind `rst eval`), so the file shows figures
 * before Excel recalculates — and without the add-in, where COST.* would be unknown.
 */
import ExcelJS from "exceljs";
import { ROLE_STYLE, templateGrid, type SheetTemplate } from "../../core/cost-model";
import type { CellValue } from "../../core/grid";
import { evaluateWorkbookFormulas, type FormulaResult } from "../formula";

export type EvaluatedTemplate = Map<string, FormulaResult>;

/** Every formula of the template evaluated; address → result. */
export function evaluateTemplate(t: SheetTemplate): EvaluatedTemplate {
  const out: EvaluatedTemplate = new Map();
  for (const e of evaluateWorkbookFormulas({ sheets: [templateGrid(t)] })) out.set(e.address, e.result);
  return out;
}

/** A formula's result as a plain value (errors → their code), for caching and printing. */
export function resultValue(r: FormulaResult | undefined): CellValue {
  if (!r) return null;
  if ("error" in r) return r.error;
  const v = r.value;
  if (Array.isArray(v)) return (v[0]?.[0] as CellValue | undefined) ?? null;
  return v;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

function cachedResult(r: FormulaResult | undefined): ExcelJS.CellFormulaValue["result"] {
  if (!r) return undefined;
  if ("error" in r) return { error: r.error as ExcelJS.CellErrorValue["error"] };
  const v = resultValue(r);
  return v === null ? "" : v;
}

/** Add the template as a new worksheet of `wb` (its name must be free). */
export function addCostSheet(
  wb: ExcelJS.Workbook,
  t: SheetTemplate,
  results: EvaluatedTemplate = evaluateTemplate(t),
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.name);
  for (const [col, width] of Object.entries(t.columnWidths)) ws.getColumn(col).width = width;
  for (const c of t.cells) {
    const cell = ws.getCell(c.address);
    if (c.formula !== undefined) {
      cell.value = {
        formula: c.formula.slice(1),
        result: cachedResult(results.get(c.address)),
      } as ExcelJS.CellFormulaValue;
    } else if (c.value !== undefined) {
      cell.value = c.value; // a string stays a string cell: exceljs writes formulas only for { formula }
    }
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    else if (typeof c.value === "string") cell.numFmt = "@";
    const style = ROLE_STYLE[c.role];
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    if (style.bold || style.fontSize)
      cell.font = {
        ...(style.bold ? { bold: true } : {}),
        ...(style.fontSize ? { size: style.fontSize } : {}),
      };
    if (style.wrap) cell.alignment = { wrapText: true, vertical: "top" };
  }
  for (const area of t.merges) ws.mergeCells(area);
  return ws;
}

/** A new workbook holding only the cost-model sheet, as .xlsx bytes. */
export async function costWorkbookBytes(
  t: SheetTemplate,
  results: EvaluatedTemplate = evaluateTemplate(t),
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "RST-verktøy";
  addCostSheet(wb, t, results);
  const data = await wb.xlsx.writeBuffer();
  return data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
}
