/**
 * id-gap (warning): the numbering skips (4.1.1 → 4.1.3, 1.1.1 → 1.3.1, 2 → 4).
 * id-order (warning): it goes backwards. Each id is compared with the highest id so far,
 * so one misplaced row gives one warning, not two.
 */
import type { Problem } from "../../problems";
import { ownProblem, type RuleContext } from "../context";
import { compareIds, followsWithoutGap } from "../ids";

export function idSequenceRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  let last: { id: string; parts: number[] } | undefined;
  for (const cur of ctx.ids()) {
    if (!last) {
      last = cur;
      continue;
    }
    const cmp = compareIds(cur.parts, last.parts);
    if (cmp === 0) continue; // duplicate-id reports it
    if (cmp < 0) {
      const prev = last.id;
      out.push(
        ownProblem(
          ctx,
          "id-order",
          "warning",
          "nr",
          cur.nr,
          (c) =>
            `${c}: Nummeret ${cur.id} kommer etter ${prev}. Flytt raden eller rett nummeret så rekkefølgen stemmer.`,
        ),
      );
      continue;
    }
    if (!followsWithoutGap(last.parts, cur.parts)) {
      const prev = last.id;
      out.push(
        ownProblem(
          ctx,
          "id-gap",
          "warning",
          "nr",
          cur.nr,
          (c) =>
            `${c}: Nummereringen hopper fra ${prev} til ${cur.id}. Sjekk om et tiltak mangler, eller rett nummeret.`,
        ),
      );
    }
    last = cur;
  }
  return out;
}
