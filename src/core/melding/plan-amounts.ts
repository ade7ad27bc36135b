/**
 * The handlingsplan's RST money per measure group, for reconciliation.
 *
 * Uses the plan module's header and body reading (findHeaderRow, readPlanBody, yearFromHeader)
 * so the plan is read the same way validation reads it. Rows are grouped by Satsningsområde
 * (else Tiltak, else the first part of Nr); a group's amount is the RST money in its Økonomi
 * cells, each merged cell counted once. Which amounts count:
 * - source RST (an amount "fra SiV", "fra velferdsteknologiordningen" … is not RST);
 * - the year is unset (then it is the plan year's), the plan year, or the report year
 *   ("3 000 000 kr over to år (nov 2025-okt 2027)" was granted in 2025, see plan/funding);
 *   conditional money for later years ("Finansiering 2027: 550 000 kr") does not count.
 */
import { isRst, parseAmounts, tiedYears } from "../amount";
import { parseDeadline } from "../deadline";
import { MergeIndex, type Grid, type GridWorkbook } from "../grid";
import { adjustForEarlierPeriods } from "../plan/funding";
import { findHeaderRow, yearFromHeader } from "../plan/headers";
import { readPlanBody } from "../plan/rows";
import { amountUnitOf, inKroner, type AmountUnit } from "../unit-scale";
import { cellText } from "../grid";

export interface PlanGroup {
  /** Group label as written (the Satsningsområde). */
  label: string;
  /** Nr of the group's rows ("2.1.1", "2.1.2", …). */
  nrs: string[];
  /** Area, tiltak and goal texts of the group's rows, for name matching. */
  texts: string[];
  /** RST money for the counted years; null when no Økonomi cell of the group names RST money. */
  rst: number | null;
}

export interface PlanAmounts {
  sheet: string;
  planYear: number;
  /** False when no year is written in the header or a title: planYear is then the report year, assumed. */
  planYearWritten: boolean;
  /** The unit the Økonomi numbers are written in («Økonomi (i 1000 kr)», a title «beløp i 1000 kr»); null: kroner. */
  unit: AmountUnit | null;
  groups: PlanGroup[];
}

/** The first sheet with a plan header (Nr, Tiltak, Frist) and an Økonomi column. */
export function findPlanGrid(wb: GridWorkbook, skip: Grid[] = []): Grid | undefined {
  return wb.sheets.find((g) => {
    if (skip.includes(g)) return false;
    const h = findHeaderRow(g, new MergeIndex(g));
    return h !== undefined && h.columns.okonomi !== undefined;
  });
}

export function readPlanAmounts(grid: Grid, reportYear: number): PlanAmounts | null {
  const merges = new MergeIndex(grid);
  const header = findHeaderRow(grid, merges);
  if (!header || header.columns.okonomi === undefined) return null;
  const writtenYear = yearFromHeader(grid, header, merges);
  const planYear = writtenYear ?? reportYear;
  const okCol = header.columns.okonomi;
  const titles: string[] = [];
  for (let r = 0; r < header.row; r++) for (const cell of grid.rows[r]) titles.push(cellText(cell));
  const unit = amountUnitOf(cellText(grid.rows[header.row]?.[okCol] ?? { value: null, text: "" }), titles);
  const body = readPlanBody(grid, header, merges);
  const groups = new Map<string, PlanGroup>();
  const seen = new Set<string>();
  for (const r of body.rows) {
    if (r.kind !== "measure") continue;
    const c = r.cells;
    const nr = c.nr?.text ?? "";
    const label = c.area?.text || c.tiltak?.text || nr.split(".")[0] || "";
    if (label === "") continue;
    let g = groups.get(label);
    if (!g) groups.set(label, (g = { label, nrs: [], texts: [], rst: null }));
    if (nr !== "") g.nrs.push(nr);
    for (const t of [c.area?.text, stripNumbering(c.tiltak?.text ?? ""), c.maal?.text]) {
      if (t && !g.texts.includes(t)) g.texts.push(t);
    }
    const pc = c.okonomi;
    if (!pc || pc.text === "") continue;
    const master = `${pc.masterRow}:${pc.masterCol}`;
    if (seen.has(master)) continue;
    seen.add(master);
    const amount = rstAmount(pc.cell.value, pc.text, planYear, reportYear, unit);
    if (amount !== null) g.rst = (g.rst ?? 0) + amount;
  }
  return {
    sheet: grid.sheet,
    planYear,
    planYearWritten: writtenYear !== null,
    unit,
    groups: [...groups.values()],
  };
}

/** "1.1 Kontinuere drift …" → "Kontinuere drift …". */
function stripNumbering(text: string): string {
  return text.replace(/^\s*\d+(\.\d+)*\.?\s+/, "");
}

/**
 * A bare number is in the column's unit (× 1000 for «i 1000 kr»); money written in a text
 * («410 000 kr prosjektleder») carries its own unit and is taken as written.
 */
function rstAmount(
  value: unknown,
  text: string,
  planYear: number,
  reportYear: number,
  unit: AmountUnit | null,
): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return inKroner(value, unit);
  const parse = adjustForEarlierPeriods(text, parseAmounts(text), planYear, (t) =>
    parseDeadline(t, planYear),
  );
  if (parse.kind !== "amounts") return null;
  const tied = tiedYears(parse);
  let sum: number | null = null;
  for (const a of parse.amounts) {
    if (!isRst(a.source)) continue;
    // Money tied to other years only; money shared by several years is not one year's.
    const inYear = a.years.includes(planYear) || a.years.includes(reportYear);
    if (a.years.length === 0 ? tied.has(planYear) && tied.has(reportYear) : !inYear) continue;
    if (a.years.length > 1 && a.yearMode === "together") continue;
    if (a.period !== null) continue; // «over tre år»: the money of several years, no one year's
    sum = (sum ?? 0) + a.value;
  }
  return sum;
}
