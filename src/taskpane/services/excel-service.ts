/**
 * The task pane's only door to Excel: every Excel.run lives here so components stay
 * testable and each action is one batch with a small, constant number of syncs
 * (the adapter functions guarantee their own sync counts; nothing here syncs per row).
 */
import * as z from "zod/mini";
import { columnIndex, type GridWorkbook } from "../../core/grid";
import type { PlanColumnKey, ValidateOptions, ValidationResult } from "../../core/plan";
import { PLAN_COLUMN_KEYS } from "../../core/plan";
import { MAX_COLS } from "../../excel/a1";
import { readWorkbook } from "../../excel/read";
import { wholeCheck } from "../../excel/check";
import { clearMarks, hasMarks } from "../../excel/marks";
import { selectCell } from "../../excel/navigate";
import { writeTableSheet, type SheetTable } from "../../excel/write";
import { readSetting, setSetting } from "../../excel/settings";
import { watchSheet } from "../../excel/live";

export const SETTING_MAPPING = "columnMapping";
export const SETTING_LIVE = "liveChecks";

export type ColumnMapping = Partial<Record<PlanColumnKey, string>>;

const PlanColumnKeySchema = z.literal(PLAN_COLUMN_KEYS);

/** Column letters inside Excel's grid (A … XFD), upper-cased: "e" → "E". */
const ColumnLettersSchema = z.string().check(
  z.regex(/^[A-Za-z]{1,3}$/, { abort: true }), // columnIndex throws on anything else
  z.toUpperCase(),
  z.refine((letters: string) => columnIndex(letters) < MAX_COLS),
);

/**
 * The saved mapping (plan column key → letters) as read back from the document: entries with an
 * unknown key or letters that are not a column are dropped, the rest kept.
 */
export const ColumnMappingSchema = z.pipe(
  // Any plain object, not a list. looseObject rather than record: the object code is in the bundle already.
  z.looseObject({}),
  z.transform((raw): ColumnMapping => {
    const out: ColumnMapping = {};
    for (const [key, letters] of Object.entries(raw)) {
      const k = PlanColumnKeySchema.safeParse(key);
      const l = ColumnLettersSchema.safeParse(letters);
      if (k.success && l.success) out[k.data] = l.data;
    }
    return out;
  }),
);

export function savedMapping(): ColumnMapping {
  return readSetting(SETTING_MAPPING, ColumnMappingSchema, {});
}

export async function saveMapping(mapping: ColumnMapping): Promise<void> {
  await setSetting(SETTING_MAPPING, mapping);
}

export function savedLiveChecks(): boolean {
  return readSetting(SETTING_LIVE, z.boolean(), false);
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
 * Read → validate → replace marks, in one Excel.run (src/excel/check.ts wholeCheck): at most
 * 6 syncs at 10 000 rows on Excel on the web, each request under its 5 MB. markProblems
 * replaces the previous marking itself (a cell that is no longer a problem gets its own fill
 * and note back in the same batch). Never touches the selection.
 */
export async function checkAndMark(opts: ValidateOptions = savedOptions()): Promise<CheckOutcome> {
  return Excel.run(async (ctx) => {
    const { result, workbook, marked } = await wholeCheck(ctx, opts);
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
