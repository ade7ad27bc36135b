/**
 * deadline-unparseable (error): Frist cannot be read, with the parser's reason.
 * deadline-outside-year (warning): due after the plan year ends or before it starts (or, for an
 *   open period, a start after the plan year ends).
 * deadline-open (warning): the Frist has a start and no end («fra 2027», «01.2026 -»): a measure in
 *   the plan needs a date by which it is done, so it is not checked against the plan year.
 * A merged Frist cell is checked once, on its master cell.
 */
import { formatNorwegianDate, serialToIso } from "../../dates";
import type { GridCell } from "../../grid";
import type { Problem } from "../../problems";
import { masterProblem, type RuleContext } from "../context";
import { masterKey } from "../rows";
import { reasonInMessage } from "./reason";

/** The text to parse: a date typed as a number with no date format shows as its serial; turn it into a date. */
export function deadlineText(cell: GridCell, text: string): string {
  if (
    typeof cell.value === "number" &&
    cell.value > 3000 &&
    cell.value < 2_958_466 &&
    /^\d+([.,]\d+)?$/.test(text)
  ) {
    return formatNorwegianDate(serialToIso(cell.value));
  }
  return text;
}

export function deadlineRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<number>();
  const first = `${ctx.planYear}-01-01`;
  const last = `${ctx.planYear}-12-31`;
  for (const r of ctx.body.rows) {
    if (r.kind !== "measure") continue;
    const pc = r.cells.frist;
    if (!pc || pc.text === "") continue;
    const master = masterKey(pc);
    if (seen.has(master)) continue;
    seen.add(master);
    const parsed = ctx.deadline(deadlineText(pc.cell, pc.text));
    if (!parsed.ok) {
      out.push(
        masterProblem(
          ctx,
          "deadline-unparseable",
          "error",
          "frist",
          pc,
          (c) =>
            `${c}: Fristen «${pc.text}» kan ikke leses (${reasonInMessage(parsed.reason, pc.text)}). ` +
            `Skriv f.eks. «2.kvartal ${ctx.planYear}» eller «30.06.${ctx.planYear}».`,
        ),
      );
      continue;
    }
    const { start, due } = parsed.deadline;
    if (due === null) {
      const after = start !== null && start > last;
      out.push(
        masterProblem(ctx, after ? "deadline-outside-year" : "deadline-open", "warning", "frist", pc, (c) =>
          after
            ? `${c}: Fristen «${pc.text}» starter ${formatNorwegianDate(start)}, etter at planåret slutter (${ctx.planYear}), og har ingen sluttdato. ` +
              `Sjekk om tiltaket hører til i planen for ${ctx.planYear}.`
            : `${c}: Fristen «${pc.text}» har ingen sluttdato${start ? ` (starter ${formatNorwegianDate(start)})` : ""}. ` +
              `Skriv når tiltaket skal være gjennomført, f.eks. «4.kvartal ${ctx.planYear}».`,
        ),
      );
      continue;
    }
    if (due > last || due < first) {
      const when = due > last ? "etter at planåret slutter" : "før planåret begynner";
      out.push(
        masterProblem(
          ctx,
          "deadline-outside-year",
          "warning",
          "frist",
          pc,
          (c) =>
            `${c}: Fristen «${pc.text}» (${formatNorwegianDate(due)}) er ${when} (${ctx.planYear}). ` +
            `Sjekk om tiltaket hører til i planen for ${ctx.planYear}, eller rett fristen.`,
        ),
      );
    }
  }
  return out;
}
