/** The valid ids of the table, in sheet order (headings included, merged continuations skipped). */
import type { RuleContext } from "./context";
import type { PlanCell, PlanRow } from "./rows";

export interface RowId {
  row: PlanRow;
  nr: PlanCell;
  id: string;
  parts: number[];
}

/** The Nr cell is read from the row when asked for, not kept (a row's cells are not kept either). */
class ValidRowId implements RowId {
  constructor(
    readonly row: PlanRow,
    readonly id: string,
    readonly parts: number[],
  ) {}
  get nr(): PlanCell {
    return this.row.cells.nr!;
  }
}

export function rowIds(ctx: RuleContext): RowId[] {
  const out: RowId[] = [];
  for (const row of ctx.body.rows) {
    const p = row.id;
    // a row has an id only when its Nr column holds text of its own (readPlanBody), so it has its Nr cell
    if (p?.ok) out.push(new ValidRowId(row, p.id, p.parts));
  }
  return out;
}
