/** Every custom function, as Excel shows it: what the metadata and the robustness tests expect. */
export const FUNCTION_NAMES = [
  "RST.BALANCE",
  "RST.CARRYOVER",
  "RST.PERIODIZE",
  "MEASURE.DUE",
  "MEASURE.START",
  "MEASURE.DAYSLEFT",
  "MEASURE.STATUS",
  "MEASURE.EXPLAIN",
  "NOK.PARSE",
  "NOK.EXPLAIN",
  "COST.ANNUAL",
  "COST.PERUNIT",
  "COST.BREAKEVEN",
  "COST.SHARE",
  "COST.FORECAST",
];
