/** Test workbooks built from the real handlingsplan seed (examples/data/handlingsplan-2026.json). */
import plan from "../../examples/data/handlingsplan-2026.json";
import type { FakeSheetData, FakeWorkbookData } from "../../src/excel/fake";
import type { Problem } from "../../src/core/problems";

export const PLAN_SHEET = "Handlingsplan 2026";
export const HEADER_ROW = 3; // 1-based
export const FIRST_DATA_ROW = 4;
export const planRows: string[][] = plan.rows;

/**
 * The plan as a user's sheet: title merged over A1:G1, header in row 3, then `count` rows
 * (the 29 seed rows repeated), with "Satsningsområde" merged over runs of the same area the
 * way the source document shows it (only the master cell keeps the value).
 */
export function planSheet(count = planRows.length): FakeSheetData {
  const cells: (string | number | null)[][] = [
    [plan.title, null, null, null, null, null, null],
    [],
    plan.columns.slice(),
  ];
  const merges = ["A1:G1"];
  let runStart = -1;
  for (let i = 0; i < count; i++) {
    const src = planRows[i % planRows.length];
    const row: (string | number | null)[] = src.map((v) => (v === "" ? null : v));
    const prev = i > 0 ? planRows[(i - 1) % planRows.length][1] : undefined;
    const r = FIRST_DATA_ROW + i; // 1-based
    if (i > 0 && src[1] === prev && src[1] !== "") {
      row[1] = null; // covered by the merge above
    } else {
      if (runStart >= 0 && r - 1 > runStart) merges.push(`B${runStart}:B${r - 1}`);
      runStart = r;
    }
    cells.push(row);
  }
  const last = FIRST_DATA_ROW + count - 1;
  if (runStart >= 0 && last > runStart) merges.push(`B${runStart}:B${last}`);
  return { name: PLAN_SHEET, cells, merges };
}

export function planWorkbook(count?: number, extra: FakeSheetData[] = []): FakeWorkbookData {
  return { sheets: [planSheet(count), ...extra] };
}

export function problem(
  cell: string,
  severity: Problem["severity"],
  message: string,
  sheet = PLAN_SHEET,
): Problem {
  const row = Number(/\d+/.exec(cell)![0]);
  return { code: "missing-value", severity, sheet, cell, row, column: "", value: "", message };
}
