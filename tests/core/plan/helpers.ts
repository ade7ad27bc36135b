/** Grids for the plan tests: the seed plan laid out like the example workbook, and small plans. */
import plan from "../../../examples/data/handlingsplan-2026.json";
import ledgerData from "../../../examples/data/rst-vestfold.json";
import { formatNok } from "../../../src/core/amount";
import { type Area, type CellValue, gridFromValues, type Grid } from "../../../src/core/grid";

export const SEED_PLAN = plan;
export const SEED_LEDGER = ledgerData;

/** Standard header for small test plans (row 1). */
export const HEADER = ["Nr", "Satsningsområde", "Tiltak", "Mål", "Frist", "Økonomi", "Ansvar"];

/** A plan with the standard header in row 1 and the given rows from row 2. */
export function smallPlan(rows: CellValue[][], merges: Area[] = [], sheet = "Plan"): Grid {
  return gridFromValues(sheet, [HEADER, ...rows], merges);
}

/** A measure row: [nr, area, tiltak, mål, frist, økonomi, ansvar] with sensible defaults. */
export function measure(
  nr: string,
  over: Partial<Record<"area" | "tiltak" | "maal" | "frist" | "okonomi" | "ansvar", CellValue>> = {},
): CellValue[] {
  return [
    nr,
    over.area ?? "Område",
    over.tiltak ?? `Tiltak ${nr.split(".").slice(0, 2).join(".")}`,
    over.maal ?? `Mål for ${nr}`,
    over.frist ?? "2.kvartal 2026",
    over.okonomi ?? "",
    over.ansvar ?? "Prosjektleder",
  ];
}

/**
 * Vertical merges for runs of equal, non-empty values in one column (0-based rows
 * from `first`); the master keeps the value, covered cells are emptied.
 * `groupCol`: runs may not cross a change in that column (Ansvar merged within one tiltak).
 */
function mergeRuns(values: CellValue[][], col: number, first: number, groupCol?: number): Area[] {
  const merges: Area[] = [];
  let start = first;
  for (let r = first + 1; r <= values.length; r++) {
    const same =
      r < values.length &&
      values[r][col] !== "" &&
      values[r][col] === values[start][col] &&
      (groupCol === undefined || values[r][groupCol] === values[start][groupCol]);
    if (same) continue;
    if (r - 1 > start) merges.push({ top: start, left: col, bottom: r - 1, right: col });
    start = r;
  }
  return merges;
}

/**
 * The seed plan as the example workbook lays it out: title row, note row, header row,
 * then the measures; Satsningsområde and Tiltak merged vertically, Ansvar and Økonomi
 * merged where consecutive rows of one tiltak share the value (2.1.1–2.1.2 "Prosjektleder").
 */
export function seedPlanGrid(sheet = "Handlingsplan 2026"): Grid {
  const width = plan.columns.length;
  const pad = (first: string) => [first, ...Array(width - 1).fill("")];
  const values: CellValue[][] = [
    pad(plan.title),
    pad(plan.note),
    [...plan.columns],
    ...plan.rows.map((r) => [...r]),
  ];
  const first = 3;
  const merges: Area[] = [
    { top: 0, left: 0, bottom: 0, right: width - 1 },
    { top: 1, left: 0, bottom: 1, right: width - 1 },
    ...mergeRuns(values, 1, first),
    ...mergeRuns(values, 2, first),
    ...mergeRuns(values, 5, first, 2),
    ...mergeRuns(values, 6, first, 2),
  ];
  // Inside a merged area only the master cell holds the value.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) values[r][c] = "";
    }
  }
  return gridFromValues(sheet, values, merges);
}

/** 0-based sheet row of a seed measure by its Nr. */
export function seedRowOf(nr: string): number {
  const i = plan.rows.findIndex((r) => r[0] === nr);
  if (i < 0) throw new Error(`no seed row ${nr}`);
  return i + 3;
}

/**
 * The RST ledger sheet laid out like section 4 of the finance overview: År | Post | Beløp,
 * the year written once per block, allocations negative, stated carries, and a 2026 grant
 * row with an empty Beløp (not granted yet). Figures from rst-vestfold.json.
 */
export function seedLedgerGrid(
  sheet = "RST",
  opts: { typeColumn?: boolean; positiveAllocations?: boolean } = {},
): Grid {
  const rows: CellValue[][] = [
    ["RST-tilskudd Vestfold"],
    [],
    ["År", "Post", "Beløp", ...(opts.typeColumn ? ["Type"] : [])],
  ];
  const add = (year: CellValue, post: string, amount: CellValue, type: string) =>
    rows.push([year, post, amount, ...(opts.typeColumn ? [type] : [])]);
  const exp = ledgerData.expected;
  const carried: Record<number, number> = { 2025: exp.carriedInto2025, 2026: exp.carriedInto2026 };
  for (const g of ledgerData.grants) {
    add(g.year, "Tildelt rekrutterings- og samhandlingstilskudd", g.granted, "Tildelt");
    if (carried[g.year] !== undefined)
      add("", `Disponible midler overført fra ${g.year - 1}`, carried[g.year], "Overført");
    for (const a of ledgerData.allocations.filter((x) => x.year === g.year)) {
      add("", a.measure, `${opts.positiveAllocations ? "" : "-"}${formatNok(a.amount)}`, "Tildeling");
    }
    add("", `Ikke benyttede midler overført ${g.year + 1}`, carried[g.year + 1], "Overført");
  }
  add(2026, "Tildelt rekrutterings- og samhandlingstilskudd", "", "Tildelt");
  return gridFromValues(sheet, rows);
}
