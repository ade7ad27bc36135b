/**
 * Validating a handlingsplan: find the table, read its rows, run every rule,
 * add up the RST money and check it against what is available.
 */
import { parseIso } from "../dates";
import { columnLetters, type Grid, type GridWorkbook, MergeIndex } from "../grid";
import type { LedgerYear } from "../ledger";
import { findLedgerGrid, readLedger } from "../ledger-sheet";
import { isBookkeepingSheet } from "../owned-sheets";
import { countBySeverity, type Problem, SEVERITY_ORDER } from "../problems";
import { makeContext, type RuleContext } from "./context";
import { explainPlan } from "./explain";
import { findPlanGrid, locateHeader, sheetByName } from "./find-plan";
import { type HeaderInfo, yearFromHeader } from "./headers";
import { planRstTotal } from "./funding";
import { readPlanBody } from "./rows";
import { amountRule } from "./rules/amount";
import { blankRowRule } from "./rules/blank-row";
import { availableFor, type BudgetSource, budgetRule, unitRule } from "./rules/budget";
import { deadlineRule } from "./rules/deadline";
import { duplicateIdRule } from "./rules/duplicate-id";
import { duplicateRowRule } from "./rules/duplicate-row";
import { headerMissingProblem } from "./rules/header-missing";
import { idSequenceRule } from "./rules/id-sequence";
import { invalidIdRule } from "./rules/invalid-id";
import { missingValueRule } from "./rules/missing-value";
import { sheetCellsRule } from "./rules/sheet-cells";
import { type PlanColumnKey, PLAN_COLUMN_KEYS, type ValidateOptions, type ValidationResult } from "./types";

/** The rules run on every plan, in this order. */
export const PLAN_RULES: readonly ((ctx: RuleContext) => Problem[])[] = [
  invalidIdRule,
  duplicateIdRule,
  idSequenceRule,
  missingValueRule,
  deadlineRule,
  amountRule,
  duplicateRowRule,
  blankRowRule,
];

/** Plan year when neither the option nor the sheet says: the current year (opts.today, else the clock). */
function defaultYear(today?: string): number {
  if (today) {
    try {
      return parseIso(today).year;
    } catch {
      /* a malformed date: fall back to the clock */
    }
  }
  return new Date().getFullYear();
}

function letters(header: HeaderInfo): Partial<Record<PlanColumnKey, string>> {
  const out: Partial<Record<PlanColumnKey, string>> = {};
  for (const k of PLAN_COLUMN_KEYS) {
    const c = header.columns[k];
    if (c !== undefined) out[k] = columnLetters(c);
  }
  return out;
}

/**
 * The order of sortProblems (severity, row, address length, address) without localeCompare,
 * which is slow on thousands of problems; A1 addresses of equal length compare the same
 * by code unit.
 */
function sortByReadingOrder(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.row - b.row ||
      a.cell.length - b.cell.length ||
      (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0),
  );
}

function result(
  sheet: string,
  planYear: number,
  header: ValidationResult["header"],
  problems: Problem[],
  rows: number,
  rstTotal: number,
  available: number | null,
): ValidationResult {
  const sorted = sortByReadingOrder(problems);
  const n = countBySeverity(sorted);
  return {
    sheet,
    planYear,
    header,
    problems: sorted,
    summary: { rows, errors: n.error, warnings: n.warning, infos: n.info, rstTotal, available },
  };
}

/** The result when no plan table was found: one header-missing error. */
function headerMissingResult(sheet: string, planYear: number, problem: Problem): ValidationResult {
  return result(sheet, planYear, { row: 0, columns: {} }, [problem], 0, 0, null);
}

function budgetSource(opts: ValidateOptions & { ledger?: LedgerYear[] }): BudgetSource {
  if (typeof opts.available === "number" && Number.isFinite(opts.available))
    return { kind: "option", available: opts.available };
  if (opts.ledger) return { kind: "ledger", years: opts.ledger, sheet: opts.ledgerSheet };
  return { kind: "none" };
}

/**
 * Validate one sheet as a handlingsplan. Budget: `opts.available` when given, else the
 * `opts.ledger` years (named `opts.ledgerSheet` in messages), else no budget check.
 */
export function validatePlanGrid(
  grid: Grid,
  opts: ValidateOptions & { ledger?: LedgerYear[] } = {},
): ValidationResult {
  const merges = new MergeIndex(grid);
  const located = locateHeader(grid, merges, opts.mapping);
  if (!located.ok) {
    const year = opts.year ?? defaultYear(opts.today);
    return headerMissingResult(
      grid.sheet,
      year,
      headerMissingProblem(grid.sheet, located.candidate, `arket «${grid.sheet}»`),
    );
  }
  const header = located.header;
  const written = opts.year ?? yearFromHeader(grid, header, merges);
  const planYear = written ?? defaultYear(opts.today);
  const body = readPlanBody(grid, header, merges);
  const ctx = makeContext(grid, planYear, header, body);

  // Error values and formulas without a result are reported once, by sheetCellsRule; other
  // rules' messages about the same cells ("Frist er tom", "kan ikke leses") are dropped.
  const cellProblems = sheetCellsRule(ctx);
  const flagged = new Set(cellProblems.filter((p) => p.code !== "header-repeated").map((p) => p.cell));
  const problems: Problem[] = [...cellProblems];
  for (const rule of PLAN_RULES)
    for (const p of rule(ctx)) if (!(p.cell && flagged.has(p.cell))) problems.push(p);
  const rstTotal = planRstTotal(ctx);
  const source = budgetSource(opts);
  problems.push(...unitRule(ctx), ...budgetRule(ctx, rstTotal, source));
  // Neither the sheet nor the caller names the plan year: say which year the check assumed, so
  // that a 2025 plan checked in 2026 is not silently judged against 2026.
  if (written === null)
    problems.push({
      code: "plan-year-assumed",
      severity: "info",
      sheet: grid.sheet,
      cell: "",
      row: 0,
      column: "",
      value: String(planYear),
      message:
        `Planåret står ikke i arket «${grid.sheet}» (ingen årstall i overskriftene eller tittelen); ` +
        `planen er kontrollert som planåret ${planYear} (i år). Skriv året i en overskrift, f.eks. «Tiltak ${planYear}», eller velg år.`,
    });

  const measures = body.rows.filter((r) => r.kind === "measure").length;
  const res = result(
    grid.sheet,
    planYear,
    { row: header.row + 1, columns: letters(header) },
    problems,
    measures,
    rstTotal,
    availableFor(source, planYear),
  );
  if (opts.explain) res.explanation = explainPlan(ctx);
  return res;
}

/**
 * Validate the workbook's handlingsplan (opts.sheet, else the first sheet with a plan
 * header). Without opts.available, the budget is checked against the RST ledger sheet
 * (opts.ledgerSheet, else a sheet named RST/Tilskudd/Ledger) when there is one; the
 * ledger's own problems are included.
 */
export function validateWorkbook(wb: GridWorkbook, opts: ValidateOptions = {}): ValidationResult {
  const grid = findPlanGrid(wb, opts.sheet) ?? (opts.mapping && !opts.sheet ? wb.sheets[0] : undefined);
  if (!grid) {
    const year = opts.year ?? defaultYear(opts.today);
    if (opts.sheet && !sheetByName(wb, opts.sheet)) {
      return headerMissingResult("", year, {
        code: "header-missing",
        severity: "error",
        sheet: "",
        cell: "",
        row: 0,
        column: "",
        value: opts.sheet,
        message: `Fant ikke arket «${opts.sheet}». Velg et av arkene ${wb.sheets.map((g) => `«${g.sheet}»`).join(", ") || "(ingen ark)"}.`,
      });
    }
    // No sheet qualifies: report the closest one's headers.
    let best: { grid: Grid; header: HeaderInfo | undefined; n: number } | undefined;
    for (const g of wb.sheets) {
      const loc = locateHeader(g, new MergeIndex(g));
      const header = loc.ok ? loc.header : loc.candidate;
      const n = header ? Object.keys(header.columns).length : 0;
      if (!best || n > best.n) best = { grid: g, header, n };
    }
    // No plan: name no sheet as the plan (sheet ""), and say which sheets were looked at.
    const where = wb.sheets.length === 0 ? "arbeidsboken (den har ingen ark)" : "noen av arkene";
    const problem = headerMissingProblem("", best?.header, where);
    if (best && best.n > 0)
      problem.message = problem.message.replace(/ i rad (\d+)\./, ` i rad $1 i arket «${best.grid.sheet}».`);
    const looked = wb.sheets.filter((g) => !isBookkeepingSheet(g.sheet)).map((g) => `«${g.sheet}»`);
    if (looked.length)
      problem.message += ` Så etter handlingsplanen i ${looked.length === 1 ? "arket" : "arkene"} ${looked.join(", ")}.`;
    return headerMissingResult("", year, problem);
  }

  if (typeof opts.available === "number") return validatePlanGrid(grid, opts);
  const ledgerGrid = findLedgerGrid(wb, opts.ledgerSheet);
  if (!ledgerGrid || ledgerGrid === grid) return validatePlanGrid(grid, opts);
  const ledger = readLedger(ledgerGrid);
  // A sheet that is only called RST/Tilskudd but has no ledger header is not the ledger, unless the user chose it.
  const noHeader = ledger.problems.some((p) => p.code === "header-missing");
  if (noHeader && !opts.ledgerSheet) return validatePlanGrid(grid, opts);
  const res = validatePlanGrid(grid, { ...opts, ledger: ledger.years, ledgerSheet: ledgerGrid.sheet });
  if (ledger.problems.length === 0) return res;
  const withLedger = result(
    res.sheet,
    res.planYear,
    res.header,
    [...res.problems, ...ledger.problems],
    res.summary.rows,
    res.summary.rstTotal,
    res.summary.available,
  );
  if (res.explanation) withLedger.explanation = res.explanation;
  return withLedger;
}
