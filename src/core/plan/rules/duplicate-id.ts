/** duplicate-id (error): the same Nr twice. */
import { a1 } from "../../grid";
import type { Problem } from "../../problems";
import { ownProblem, type RuleContext } from "../context";

export function duplicateIdRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const first = new Map<string, string>();
  for (const { nr, id } of ctx.ids()) {
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, a1(nr.row, nr.col));
      continue;
    }
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
