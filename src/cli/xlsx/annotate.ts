/**
 * A copy of the workbook with problem cells marked: a fill by the worst severity (red error,
 * amber warning, blue info) and a note listing every problem on the cell. Nothing else changes.
 * A problem inside a merged area marks the area's master cell (the only one Excel shows).
 * The copy is written by exceljs, so content exceljs does not model (charts, pivot tables,
 * slicers) is not carried over; cell values, styles, merges, widths and views are.
 */
import type ExcelJS from "exceljs";
import { parseA1 } from "../../core/grid";
import { SEVERITY_LABEL_NB, SEVERITY_ORDER, type Problem, type Severity } from "../../core/problems";
import { writeFileAtomic, assertNotSamePath } from "../io/atomic";
import { loadExcelWorkbook } from "./read";

export const MARK_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

export async function annotateCopy(
  inPath: string,
  outPath: string,
  problems: readonly Problem[],
): Promise<{ marked: number }> {
  assertNotSamePath(inPath, outPath, "Utdatafilen");
  const wb = await loadExcelWorkbook(inPath);
  const marked = annotateWorkbook(wb, problems);
  const data = await wb.xlsx.writeBuffer();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
  writeFileAtomic(outPath, bytes);
  return { marked };
}

/** Mark problems in an exceljs workbook in memory; returns how many cells were marked. */
export function annotateWorkbook(wb: ExcelJS.Workbook, problems: readonly Problem[]): number {
  const byCell = new Map<string, { ws: ExcelJS.Worksheet; address: string; problems: Problem[] }>();
  for (const p of problems) {
    if (!p.cell) continue;
    const ws = wb.getWorksheet(p.sheet);
    if (!ws) continue;
    let pos: { row: number; col: number };
    try {
      pos = parseA1(p.cell);
    } catch {
      continue;
    }
    const master = masterOf(ws, pos.row + 1, pos.col + 1);
    const key = `${ws.id}!${master}`;
    const entry = byCell.get(key) ?? { ws, address: master, problems: [] };
    entry.problems.push(p);
    byCell.set(key, entry);
  }
  for (const { ws, address, problems: list } of byCell.values()) {
    const cell = ws.getCell(address);
    const worst = list.reduce<Severity>(
      (w, p) => (SEVERITY_ORDER[p.severity] < SEVERITY_ORDER[w] ? p.severity : w),
      "info",
    );
    // Style objects are shared between cells with the same style in exceljs: replace, never mutate.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILL[worst] } },
    };
    const text = list.map((p) => `${SEVERITY_LABEL_NB[p.severity]}: ${p.message}`).join("\n");
    const existing = noteText(cell.note);
    cell.note = existing ? `${existing}\n\nRST-verktøy:\n${text}` : `RST-verktøy:\n${text}`;
  }
  return byCell.size;
}

/** The master address of the merged area covering (row, col) (1-based), or the cell itself. */
function masterOf(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const merges = (
    ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  for (const [address, m] of Object.entries(merges ?? {})) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return address;
  }
  return ws.getCell(row, col).address;
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}
