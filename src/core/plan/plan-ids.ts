/** The valid ids of the table, in sheet order (headings included, merged continuations skipped). */
import type { RuleContext } from "./context";
import type { PlanCell, PlanRow } from "./rows";

export interface RowId {
  row: PlanRow;
  nr: PlanCell;
  id: string;
  parts: number[];
}

export function rowIds(ctx: RuleContext): RowId[] {
  const out: RowId[] = [];
  for (const row of ctx.body.rows) {
    const nr = row.cells.nr;
    const p = row.id;
    if (nr && p?.ok) out.push({ row, nr, id: p.id, parts: p.parts });
  }
  return out;
}
