/** Årlig melding (HSØ report): register, report, CSV and reconciliation. See docs/ARCHITECTURE.md. */
export {
  findRegisterGrid,
  findRegisterHeader,
  isTrailerName,
  readRegister,
  registerKeyOf,
  REGISTER_LABELS,
} from "./register";
export type { Measure, RegisterKey, RegisterRead, Trailer } from "./register";
export { normaliseStatus } from "./status";
export type { NormalisedStatus, StatusResult } from "./status";
export {
  buildReport,
  communityHeading,
  FIELD_LABELS,
  guessCommunityName,
  measureBlock,
  NOT_GIVEN,
  reportSheetName,
  reportTable,
  SUM_COLUMN,
  TABLE_HEADERS,
  TOTAL_LABEL,
} from "./report";
export type { Report, ReportBlock } from "./report";
export { csvField, csvNumber, reportCsv, toCsv } from "./csv";
export { reconcile } from "./reconcile";
export type { Difference, ReconcileResult } from "./reconcile";
export { assign, coverScore, MATCH_THRESHOLD, nameScore } from "./match";
