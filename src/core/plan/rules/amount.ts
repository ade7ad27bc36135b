/**
 * amount-unparseable (warning): Økonomi holds text from which neither an amount nor a
 * funding source can be read. A named source without an amount ("Ekstern finansiering")
 * and an empty cell are fine. A merged Økonomi cell is checked once.
 */
import { yearSum } from "../../amount";
import type { Problem } from "../../problems";
import { masterProblem, type RuleContext } from "../context";
import { adjustForEarlierPeriods } from "../earlier-periods";
import { masterKey } from "../rows";
import { reasonInMessage } from "./reason";

export function amountRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<number>();
  for (const r of ctx.body.rows) {
    if (r.kind !== "measure") continue; // a banner heading's text is not an Økonomi value
    const pc = r.cells.okonomi;
    if (!pc || pc.text === "" || typeof pc.cell.value === "number") continue;
    const master = masterKey(pc);
    if (seen.has(master)) continue;
    seen.add(master);
    const parsed = ctx.amounts(pc.text);
    if (parsed.kind === "unclear") {
      // A word or number the reader does not understand: no amount of the cell is counted.
      out.push(
        masterProblem(
          ctx,
          "amount-unparseable",
          "warning",
          "okonomi",
          pc,
          (c) => `${c}: ${parsed.reason} Beløpene i cellen er ikke talt med.`,
        ),
      );
    } else if (parsed.kind === "amounts") {
      // Money of several years together: the plan year's part is unknown, so it is not counted.
      // The plan's own booking rule first: a bracketed period's money is booked in its start year.
      const booked = adjustForEarlierPeriods(pc.text, parsed, ctx.planYear, ctx.deadline);
      const shared = yearSum(booked, { year: ctx.planYear, source: "RST" });
      if (shared.kind === "shared")
        out.push(
          masterProblem(
            ctx,
            "amount-unparseable",
            "warning",
            "okonomi",
            pc,
            (c) =>
              `${c}: ${shared.reason} Beløpet er ikke talt med i ${ctx.planYear}; skriv beløpet for hvert år.`,
          ),
        );
    } else if (parsed.kind === "none" && parsed.sources.length === 0) {
      out.push(
        masterProblem(
          ctx,
          "amount-unparseable",
          "warning",
          "okonomi",
          pc,
          (c) =>
            `${c}: Fant verken beløp eller finansieringskilde i «${pc.text}» (${reasonInMessage(parsed.reason, pc.text)}). ` +
            `Skriv beløpet, f.eks. «410 000 kr», og eventuelt kilden, f.eks. «Fra SiV: 200 000 kr».`,
        ),
      );
    }
  }
  return out;
}
