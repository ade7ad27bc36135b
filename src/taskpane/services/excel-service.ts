/**
 * The task pane's only door to Excel: every Excel.run lives here so components stay
 * testable and each action is one batch with a small, constant number of syncs
 * (the adapter functions guarantee their own sync counts; nothing here syncs per row).
 */
import type { GridWorkbook } from "../../core/grid";
import type { PlanColumnKey, ValidateOptions, ValidationResult } from "../../core/plan";
import { validateWorkbook } from "../../core/plan";
import { readWorkbook } from "../../excel/read";
import { loadSheetNames } from "../../excel/sheet-names";
import { clearMarks, hasMarks, markProblems } from "../../excel/marks";
import { selectCell } from "../../excel/navigate";
import { writeTableSheet, type SheetTable } from "../../excel/write";
import { getSetting, setSetting } from "../../excel/settings";
import { watchSheet } from "../../excel/live";

export const SETTING_MAPPING = "columnMapping";
export const SETTING_LIVE = "liveChecks";

export type ColumnMapping = Partial<Record<PlanColumnKey, string>>;

export function savedMapping(): ColumnMapping {
  const raw = getSetting<unknown>(SETTING_MAPPING, {});
  if (!raw || typeof raw !== "object") return {};
  const out: ColumnMapping = {};
  for (const [key, letters] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof letters === "string" && /^[A-Z]{1,3}$/i.test(letters))
      out[key as PlanColumnKey] = letters.toUpperCase();
  }
  return out;
}

export async function saveMapping(mapping: ColumnMapping): Promise<void> {
  await setSetting(SETTING_MAPPING, mapping);
}

export function savedLiveChecks(): boolean {
  return getSetting<unknown>(SETTING_LIVE, false) === true;
}

export async function saveLiveChecks(on: boolean): Promise<void> {
  await setSetting(SETTING_LIVE, on);
}

/** Validation options from the document's saved settings. */
export function savedOptions(): ValidateOptions {
  const mapping = savedMapping();
  return Object.keys(mapping).length > 0 ? { mapping } : {};
}

export interface CheckOutcome {
  result: ValidationResult;
  workbook: GridWorkbook;
  marked: number;
}

/**
 * Read → validate → replace marks, in one Excel.run: read takes 2 syncs, marking 3,
 * whatever the row count. markProblems replaces the previous marking itself (a cell that
 * is no longer a problem gets its own fill and note back in the same batch). Never
 * touches the selection.
 */
export async function checkAndMark(opts: ValidateOptions = savedOptions()): Promise<CheckOutcome> {
  return Excel.run(async (ctx) => {
    // 4 syncs whatever the row count: names, read, then the marks' read and write.
    const sheetNames = await loadSheetNames(ctx);
    const workbook = await readWorkbook(ctx, { sheetNames });
    const result = validateWorkbook(workbook, opts);
    const { marked } = await markProblems(ctx, result.problems, { sheetNames });
    return { result, workbook, marked };
  });
}

/** Read the whole workbook (RST and årlig melding tabs). */
export async function readDocument(): Promise<GridWorkbook> {
  return Excel.run((ctx) => readWorkbook(ctx));
}

export async function removeMarks(): Promise<number> {
  return Excel.run(async (ctx) => (await clearMarks(ctx)).restored);
}

export async function anyMarks(): Promise<boolean> {
  return Excel.run((ctx) => hasMarks(ctx));
}

export async function goToCell(sheet: string, address: string): Promise<void> {
  await Excel.run((ctx) => selectCell(ctx, sheet, address));
}

export async function writeSheet(name: string, table: SheetTable): Promise<string> {
  return Excel.run(async (ctx) => (await writeTableSheet(ctx, name, table)).sheet);
}

/** Calls back (debounced by the adapter) when cells in the sheet change; returns the unsubscribe. */
export async function watchPlanSheet(sheet: string, onChange: (rows: number[]) => void, debounceMs = 400) {
  return watchSheet(sheet, onChange, debounceMs);
}
