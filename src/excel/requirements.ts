/**
 * Requirement sets. manifest.xml declares ExcelApi MIN_EXCEL_API (Office refuses to load the
 * add-in where it is missing); every API member above it is used only behind one of the
 * guards below, each with a fallback. tests/addin/requirement-sets.test.ts finds every Excel
 * API member used in src/ and checks its "[Api set: ExcelApi 1.N]" against MIN_EXCEL_API or
 * GUARDED, so a new call cannot raise the requirement unnoticed.
 */

/** The minimum declared in manifest.xml: getRanges, RangeAreas, getCellProperties and getSpecialCells are ExcelApi 1.9. */
export const MIN_EXCEL_API = "1.9";

/**
 * Members above MIN_EXCEL_API, by the set they need, each used only behind its guard:
 *   1.13 getMergedAreasOrNullObject — mergesSupported(); without it merged areas are not read
 *        (a merged "Satsningsområde" then reads as empty below its first row).
 *   1.18 notes (Worksheet.notes, NoteCollection, Note) — notesSupported(); without it problem
 *        cells get a fill only and the task pane lists every message.
 */
export const GUARDED: Readonly<Record<string, { guard: string; members: readonly string[] }>> = {
  "1.13": { guard: "mergesSupported", members: ["Range.getMergedAreasOrNullObject"] },
  "1.18": {
    guard: "notesSupported",
    members: [
      "Worksheet.notes",
      "NoteCollection.add",
      "NoteCollection.getItemOrNullObject",
      "NoteCollection.getItem",
      "Note.delete",
      "Note.content",
    ],
  },
};

/** Office.context.requirements.isSetSupported, false outside Office or when it throws. */
export function excelApiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return !!office?.context?.requirements?.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Worksheet notes (ExcelApi 1.18). */
export function notesSupported(): boolean {
  return excelApiSupported("1.18");
}

/** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
export function mergesSupported(): boolean {
  return excelApiSupported("1.13");
}
