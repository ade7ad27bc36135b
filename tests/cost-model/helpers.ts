import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateWorkbookFormulas, type FormulaResult } from "../../src/cli/formula";
import { templateGrid, type SheetTemplate } from "../../src/core/cost-model";

export const DATA = JSON.parse(
  readFileSync(join(__dirname, "..", "..", "examples", "data", "kostnadsmodeller.json"), "utf8"),
);

/** Evaluate every formula of the template with the `rst eval` engine; address → result. */
export function evaluateTemplate(
  t: SheetTemplate,
  overrides: Record<string, string | number | null> = {},
): Map<string, FormulaResult> {
  const out = new Map<string, FormulaResult>();
  for (const e of evaluateWorkbookFormulas({ sheets: [templateGrid(t, overrides)] }))
    out.set(e.address, e.result);
  return out;
}

export function valueAt(results: Map<string, FormulaResult>, address: string): unknown {
  const r = results.get(address);
  if (!r) throw new Error(`Ingen formel i ${address}`);
  if ("error" in r) throw new Error(`${address}: ${r.error} ${r.message}`);
  return r.value;
}
