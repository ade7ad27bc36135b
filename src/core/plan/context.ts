/**
 * What every rule sees: the sheet, the plan year, the column names as written,
 * the table body, and memoised parsers (the same text is parsed once per validation).
 */
import { parseAmounts, type AmountParse } from "../amount";
import { parseDeadline, type DeadlineParse } from "../deadline";
import { a1, type Grid } from "../grid";
import { amountUnitOf, type AmountUnit } from "../unit-scale";
import type { Problem, ProblemCode, Severity } from "../problems";
import type { HeaderInfo } from "./headers";
import type { PlanBody, PlanCell } from "./rows";
import { type RowId, rowIds } from "./plan-ids";
import { COLUMN_LABEL_NB, type PlanColumnKey } from "./types";

export interface RuleContext {
  grid: Grid;
  sheet: string;
  planYear: number;
  header: HeaderInfo;
  body: PlanBody;
  /** The column's header text as found ("Tiltak 2026"), else the Norwegian default label. */
  columnName(key: PlanColumnKey): string;
  amounts(text: string): AmountParse;
  deadline(text: string): DeadlineParse;
  /** The table's valid ids in sheet order (computed once). */
  ids(): RowId[];
  /** The unit the Økonomi column says its bare numbers are in («Økonomi (i 1000 kr)», a title row «Beløp i 1000 kr»); null: kroner. */
  okonomiUnit: AmountUnit | null;
}

/** The Økonomi column's unit: its header, else a title row above the header stating the unit. */
function okonomiUnitOf(grid: Grid, header: HeaderInfo): AmountUnit | null {
  const name = header.names.okonomi;
  if (header.columns.okonomi === undefined) return null;
  const titles: string[] = [];
  for (let r = 0; r < header.row; r++) {
    const t = (grid.rows[r] ?? [])
      .map((c) => c.text)
      .filter(Boolean)
      .join(" ");
    // Only a title about the amounts («beløp i 1000 kr», «tall i tusen kroner»), not «… i tusen hjem».
    if (/(?<![\p{L}])(?:beløp|kr|kroner|nok|tnok|mnok|tkr|tall|økonomi|budsjett)(?![\p{L}])/iu.test(t))
      titles.push(t);
  }
  return amountUnitOf(name ?? "", titles);
}

export function makeContext(grid: Grid, planYear: number, header: HeaderInfo, body: PlanBody): RuleContext {
  const amountMemo = new Map<string, AmountParse>();
  const deadlineMemo = new Map<string, DeadlineParse>();
  let ids: RowId[] | undefined;
  const ctx: RuleContext = {
    grid,
    sheet: grid.sheet,
    planYear,
    header,
    body,
    columnName: (key) => header.names[key] || COLUMN_LABEL_NB[key],
    amounts(text) {
      let r = amountMemo.get(text);
      if (!r) amountMemo.set(text, (r = parseAmounts(text)));
      return r;
    },
    deadline(text) {
      let r = deadlineMemo.get(text);
      if (!r) deadlineMemo.set(text, (r = parseDeadline(text, planYear)));
      return r;
    },
    ids: () => (ids ??= rowIds(ctx)),
    okonomiUnit: okonomiUnitOf(grid, header),
  };
  return ctx;
}

/** A problem about one cell of the plan; `message` should start with the address (use `at`). */
export function cellProblem(
  ctx: RuleContext,
  code: ProblemCode,
  severity: Severity,
  key: PlanColumnKey,
  row: number,
  col: number,
  value: string,
  message: string,
): Problem {
  return {
    code,
    severity,
    sheet: ctx.sheet,
    cell: a1(row, col),
    row: row + 1,
    column: ctx.columnName(key),
    value,
    message,
  };
}

/** A problem on the cell a PlanCell's value lives in (the merge master for merged cells). */
export function masterProblem(
  ctx: RuleContext,
  code: ProblemCode,
  severity: Severity,
  key: PlanColumnKey,
  pc: PlanCell,
  message: (cell: string) => string,
): Problem {
  const cell = a1(pc.masterRow, pc.masterCol);
  return cellProblem(ctx, code, severity, key, pc.masterRow, pc.masterCol, pc.text, message(cell));
}

/** A problem on this row's own cell (even when it is inside a merged area). */
export function ownProblem(
  ctx: RuleContext,
  code: ProblemCode,
  severity: Severity,
  key: PlanColumnKey,
  pc: PlanCell,
  message: (cell: string) => string,
): Problem {
  const cell = a1(pc.row, pc.col);
  return cellProblem(ctx, code, severity, key, pc.row, pc.col, pc.text, message(cell));
}
