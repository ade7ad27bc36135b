/** The Office.js adapter: the only place that touches Excel.* (see docs/ARCHITECTURE.md). */
export { readWorkbook, gridFromRange } from "./read";
export {
  markProblems,
  clearMarks,
  hasMarks,
  recoverMarks,
  notesSupported,
  noteText,
  MARK_COLORS,
  MARK_SHEET,
  ADDRESS_CHUNK_CHARS,
  MAX_NEW_NOTES,
} from "./marks";
export { selectCell } from "./navigate";
export {
  writeTableSheet,
  safeSheetName,
  type SheetTable,
  type WriteSheetOptions,
  type WriteSheetResult,
} from "./write";
export { reactivateFormulas, callsOurFunction, type ReactivateResult } from "./reactivate";
export { getSetting, setSetting } from "./settings";
export { watchSheet, suspendWatching, type ChangeInfo } from "./live";
export {
  checkWorkbook,
  incrementalCheck,
  wholeCheck,
  liveCheck,
  type CheckOutcome,
  type CheckState,
} from "./check";
export { loadSheetNames } from "./sheet-names";
