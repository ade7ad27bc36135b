/**
 * A finding about a cell: what validation, ledger reading and reconciliation report,
 * and what the adapters mark in the workbook (red error, amber warning, blue info).
 */

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every code a Problem may carry: the CLI's JSON output promises this list to scheduled jobs. */
export const PROBLEM_CODES = [
  "invalid-id",
  "duplicate-id",
  "id-gap",
  "id-order",
  "missing-value",
  "deadline-unparseable",
  "deadline-outside-year",
  "deadline-open",
  "amount-unparseable",
  "budget-exceeded",
  "budget-unknown",
  "duplicate-row",
  "blank-row",
  "header-missing",
  "ledger-unparseable",
  "register-unparseable",
  "status-unknown",
  "cell-error",
  "uncalculated",
  "header-repeated",
  "amount-unit",
  "plan-year-assumed",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  sheet: string;
  /** A1 address, e.g. "E12"; "" when the problem is not tied to one cell. */
  cell: string;
  /** 1-based sheet row; 0 when not tied to a row. */
  row: number;
  /** The column's name as the user knows it ("Frist", "Økonomi"); "" when none. */
  column: string;
  /** The cell's text as written ("" when empty). */
  value: string;
  /** Norwegian, names the cell and says what to do. */
  message: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL_NB: Record<Severity, string> = {
  error: "Feil",
  warning: "Advarsel",
  info: "Info",
};

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) out[p.severity]++;
  return out;
}

/** Sort by severity, then by sheet row and column — the order users read them in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.row - b.row ||
      a.cell.length - b.cell.length ||
      a.cell.localeCompare(b.cell),
  );
}
