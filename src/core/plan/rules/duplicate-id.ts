/** duplicate-id (error): the same Nr twice. */
import { a1 } from "../../grid";
import type { Problem } from "../../problems";
import { ownProblem, type RuleContext } from "../context";
import type { PlanCell } from "../rows";

export function duplicateIdRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const first = new Map<string, PlanCell>();
  for (const { nr, id } of ctx.ids()) {
    const seen = first.get(id);
    if (seen === undefined) {
      first.set(id, nr);
      continue;
    }
    const earlier = a1(seen.row, seen.col);
    out.push(
      ownProblem(
        ctx,
        "duplicate-id",
        "error",
        "nr",
        nr,
        (c) => `${c}: Nummeret ${id} er brukt før (${earlier}). Gi tiltaket et nytt nummer.`,
      ),
    );
  }
  return out;
}
