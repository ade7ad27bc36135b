/** Handlingsplan validation: public API. */
export { validatePlanGrid, validateWorkbook, PLAN_RULES } from "./validate";
export { findPlanGrid } from "./find-plan";
export { headerKey } from "./headers";
export { parsePlanId, compareIds, followsWithoutGap } from "./ids";
export { adjustForEarlierPeriods } from "./funding";
export {
  type PlanColumnKey,
  type ValidateOptions,
  type ValidationResult,
  PLAN_COLUMN_KEYS,
  REQUIRED_COLUMNS,
  COLUMN_LABEL_NB,
} from "./types";
