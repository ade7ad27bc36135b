/** invalid-id (error): Nr must look like 1, 1.2 or 1.2.3. */
import type { Problem } from "../../problems";
import { ownProblem, type RuleContext } from "../context";

export function invalidIdRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  for (const r of ctx.body.rows) {
    const nr = r.cells.nr;
    if (!nr || nr.masterRow !== r.row) continue; // a merged Nr is checked on its first row
    // Section headings may carry a label instead of a number.
    if (r.kind === "heading") continue;
    if (nr.text === "") {
      out.push(
        ownProblem(
          ctx,
          "invalid-id",
          "error",
          "nr",
          nr,
          (c) => `${c}: Tiltaket mangler nummer. Skriv et nummer som «1.2.3».`,
        ),
      );
      continue;
    }
    const id = r.id;
    if (id && !id.ok) {
      out.push(
        ownProblem(
          ctx,
          "invalid-id",
          "error",
          "nr",
          nr,
          (c) => `${c}: Nummeret «${nr.text}» er ikke gyldig. ${id.reason}`,
        ),
      );
    }
  }
  return out;
}
