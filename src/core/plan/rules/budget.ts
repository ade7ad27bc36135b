/**
 * budget-exceeded (error): the plan's RST money for the plan year is more than is available
 * that year (granted + carried in). budget-unknown (info): the year's grant is not known.
 *
 * Both are put on the plan's Økonomi header cell: the plan is what the user is checking (the
 * ledger sheet may not exist when the figure comes from an option), and the header names the
 * column whose amounts were added up. Messages name the ledger sheet and year.
 */
import { formatNok } from "../../amount";
import { a1 } from "../../grid";
import type { LedgerYear } from "../../ledger";
import type { Problem, ProblemCode, Severity } from "../../problems";
import type { RuleContext } from "../context";

export type BudgetSource =
  | { kind: "none" }
  | { kind: "option"; available: number }
  | { kind: "ledger"; years: LedgerYear[]; sheet?: string };

/** What is available in the plan year; null when not known or not given. */
export function availableFor(source: BudgetSource, year: number): number | null {
  if (source.kind === "option") return source.available;
  if (source.kind === "ledger") return source.years.find((y) => y.year === year)?.available ?? null;
  return null;
}

function headerProblem(
  ctx: RuleContext,
  code: ProblemCode,
  severity: Severity,
  value: string,
  message: (cell: string) => string,
): Problem {
  const col = ctx.header.columns.okonomi;
  const hasCell = col !== undefined && ctx.header.row >= 0;
  const cell = hasCell ? a1(ctx.header.row, col) : "";
  return {
    code,
    severity,
    sheet: ctx.sheet,
    cell,
    row: hasCell ? ctx.header.row + 1 : 0,
    column: ctx.columnName("okonomi"),
    value,
    message: message(cell ? `${cell}: ` : ""),
  };
}

export function budgetRule(ctx: RuleContext, rstTotal: number, source: BudgetSource): Problem[] {
  if (source.kind === "none") return [];
  const year = ctx.planYear;
  const sheetName =
    source.kind === "ledger" ? (source.sheet ? `arket «${source.sheet}»` : "RST-oversikten") : "";
  if (source.kind === "ledger") {
    const ly = source.years.find((y) => y.year === year);
    if (!ly || ly.available === null) {
      const why = !ly
        ? `${sheetName} har ingen linjer for ${year}`
        : `tildelt RST-tilskudd for ${year} står uten beløp i ${sheetName}`;
      return [
        headerProblem(
          ctx,
          "budget-unknown",
          "info",
          formatNok(rstTotal),
          (at) =>
            `${at}Budsjettet for ${year} kunne ikke sjekkes: ${why}. Planen bruker ${formatNok(rstTotal)} kr RST-midler i ${year}. ` +
            `Fyll inn tildelt beløp for ${year} når det er kjent.`,
        ),
      ];
    }
  }
  const available = availableFor(source, year);
  if (available === null || rstTotal <= available) return [];
  const from = source.kind === "ledger" ? ` (tildelt + overført, fra ${sheetName})` : "";
  return [
    headerProblem(
      ctx,
      "budget-exceeded",
      "error",
      formatNok(rstTotal),
      (at) =>
        `${at}Planen bruker ${formatNok(rstTotal)} kr RST-midler i ${year}, men bare ${formatNok(available)} kr er disponibelt${from}. ` +
        `Reduser tiltakene med ${formatNok(rstTotal - available)} kr, eller finn annen finansiering.`,
    ),
  ];
}

/**
 * amount-unit (info): the Økonomi column states a unit («Økonomi (i 1000 kr)», a title «Beløp i
 * 1000 kr»), so its bare numbers were scaled by it; said, so that nobody takes 410 for 410 kr.
 */
export function unitRule(ctx: RuleContext): Problem[] {
  const unit = ctx.okonomiUnit;
  if (!unit) return [];
  return [
    headerProblem(
      ctx,
      "amount-unit",
      "info",
      unit.source,
      (at) =>
        `${at}Tall uten enhet i «${ctx.columnName("okonomi")}» er lest som ${unit.label}, slik «${unit.source}» sier ` +
        `(410 = ${formatNok(410 * unit.factor)} kr). Beløp med «kr» i teksten er lest som skrevet.`,
    ),
  ];
}
