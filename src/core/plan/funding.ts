/**
 * RST money in the plan year.
 *
 * A merged Økonomi cell gives its text to every row it spans, but its amount is one
 * amount: it is counted once, for the master cell. Money for a period that started before
 * the plan year is moved to that year by the rule in earlier-periods.ts.
 */
import { inKroner } from "../unit-scale";
import { RST, sumAmounts } from "../amount";
import type { RuleContext } from "./context";
import { masterKey } from "./rows";
import { adjustForEarlierPeriods } from "./earlier-periods";

export { adjustForEarlierPeriods, isBracketPeriod } from "./earlier-periods";

/** RST-funded amount of one Økonomi cell for the plan year (0 when none). */
export function rstForYear(ctx: RuleContext, value: unknown, text: string): number {
  // A bare number: RST, this year, in the unit the column states (kroner unless it says otherwise).
  if (typeof value === "number" && Number.isFinite(value)) return inKroner(value, ctx.okonomiUnit);
  if (text === "") return 0;
  const parse = adjustForEarlierPeriods(text, ctx.amounts(text), ctx.planYear, ctx.deadline);
  return sumAmounts(parse, { year: ctx.planYear, source: RST }) ?? 0;
}

/** Sum over the plan's Økonomi cells, each merged cell once. */
export function planRstTotal(ctx: RuleContext): number {
  let total = 0;
  const seen = new Set<number>();
  const byText = new Map<string, number>(); // the same text gives the same sum
  for (const r of ctx.body.rows) {
    if (r.kind !== "measure") continue;
    const pc = r.cells.okonomi;
    if (!pc || pc.text === "") continue;
    const master = masterKey(pc);
    if (seen.has(master)) continue;
    seen.add(master);
    if (typeof pc.cell.value === "number") {
      total += rstForYear(ctx, pc.cell.value, pc.text);
      continue;
    }
    let sum = byText.get(pc.text);
    if (sum === undefined) byText.set(pc.text, (sum = rstForYear(ctx, pc.cell.value, pc.text)));
    total += sum;
  }
  return total;
}
