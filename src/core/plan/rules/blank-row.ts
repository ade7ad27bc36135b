/** blank-row (info): an empty row inside the table (blank rows after it end the table and are not reported). */
import type { Problem } from "../../problems";
import { cellProblem, type RuleContext } from "../context";

export function blankRowRule(ctx: RuleContext): Problem[] {
  const col = ctx.header.columns.nr ?? 0;
  return ctx.body.blankRows.map((row) =>
    cellProblem(
      ctx,
      "blank-row",
      "info",
      "nr",
      row,
      col,
      "",
      `Rad ${row + 1} er tom. Slett raden, eller fyll den ut hvis et tiltak mangler.`,
    ),
  );
}
