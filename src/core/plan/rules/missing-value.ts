/** missing-value: Tiltak or Mål empty (error); Frist or Ansvar empty (warning). Measures only. */
import type { Problem, Severity } from "../../problems";
import { ownProblem, type RuleContext } from "../context";
import type { PlanRow } from "../rows";
import type { PlanColumnKey } from "../types";

const CHECKS: { key: PlanColumnKey; severity: Severity; hint: string }[] = [
  { key: "tiltak", severity: "error", hint: "Skriv hvilket tiltak raden hører til." },
  { key: "maal", severity: "error", hint: "Skriv hva som skal være gjennomført." },
  {
    key: "frist",
    severity: "warning",
    hint: "Skriv når det skal være gjort, f.eks. «2. kvartal 2026» eller «30.06.2026».",
  },
  { key: "ansvar", severity: "warning", hint: "Skriv hvem som har ansvaret." },
];

/** How the row is named in messages: "tiltak 2.1.2", or "raden" without an Nr. */
export function rowLabel(r: PlanRow): string {
  const nr = r.cells.nr?.text ?? "";
  return nr ? `tiltak ${nr}` : "raden";
}

export function missingValueRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  for (const r of ctx.body.rows) {
    if (r.kind !== "measure") continue;
    for (const { key, severity, hint } of CHECKS) {
      const pc = r.cells[key];
      if (!pc || pc.text !== "") continue; // column not in the plan, or filled in
      const name = ctx.columnName(key);
      out.push(
        ownProblem(
          ctx,
          "missing-value",
          severity,
          key,
          pc,
          (c) => `${c}: ${name} mangler for ${rowLabel(r)}. ${hint}`,
        ),
      );
    }
  }
  return out;
}
