/** duplicate-row (warning): a measure row identical, in every mapped column, to an earlier one. */
import { a1 } from "../../grid";
import type { Problem } from "../../problems";
import { squash } from "../../text";
import { cellProblem, type RuleContext } from "../context";
import { type PlanColumnKey, PLAN_COLUMN_KEYS } from "../types";

export function duplicateRowRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const keys = PLAN_COLUMN_KEYS.filter((k) => ctx.header.columns[k] !== undefined);
  if (keys.length === 0) return out;
  const firstKey: PlanColumnKey = keys[0];
  const seen = new Map<string, number>(); // joined row text → 0-based row
  for (const r of ctx.body.rows) {
    if (r.kind !== "measure") continue;
    const joined = keys.map((k) => squash(r.cells[k]?.text ?? "")).join("\u0001");
    const earlier = seen.get(joined);
    if (earlier === undefined) {
      seen.set(joined, r.row);
      continue;
    }
    const col = ctx.header.columns[firstKey]!;
    const value = r.cells[firstKey]?.text ?? "";
    out.push(
      cellProblem(
        ctx,
        "duplicate-row",
        "warning",
        firstKey,
        r.row,
        col,
        value,
        `${a1(r.row, col)}: Rad ${r.row + 1} er helt lik rad ${earlier + 1}. Slett den ene, eller rett det som skal være ulikt.`,
      ),
    );
  }
  return out;
}
