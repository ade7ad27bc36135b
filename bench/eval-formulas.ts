/** Typical `rst eval` formulas (issue 13.1), timed by bench/cli.ts and checked by
 *  tests/cli/formula-lite.test.ts to take the fast path: a custom function on text, Norwegian
 *  arithmetic around custom functions and built-ins, an array result. */
export const EVAL_FORMULAS: [string, string][] = [
  ["NOK.PARSE", '=NOK.PARSE("410 000 kr")'],
  ["aritmetikk", "=AVRUND(COST.PERUNIT(1194000;380)*1,25+RST.BALANCE(6960000,50;{4200000})/12;0)"],
  ["matrise", "RST.CARRYOVER({7000030;6960000};{4200000;7950000})"],
];
