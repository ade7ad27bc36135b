/** Handlingsplan validation: public API. */
export { validatePlanGrid, validateWorkbook, PLAN_RULES } from "./validate";
export { findPlanGrid } from "./find-plan";
export { headerKey } from "./headers";
export { parsePlanId, compareIds, followsWithoutGap } from "./ids";
export { adjustForEarlierPeriods } from "./funding";
export {
  explainAmounts,
  explainFrist,
  explainPlan,
  explainPlanRow,
  STANDING_NB,
  type AmountExplanation,
  type AmountReading,
  type FristReading,
  type RowExplanation,
} from "./explain";
export {
  type PlanColumnKey,
  type ValidateOptions,
  type ValidationResult,
  PLAN_COLUMN_KEYS,
  REQUIRED_COLUMNS,
  COLUMN_LABEL_NB,
} from "./types";
