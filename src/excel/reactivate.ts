/**
 * Re-activate our custom functions in an opened workbook.
 *
 * Excel keeps a JavaScript custom function in the file under an internal name, and a formula
 * such as =COST.ANNUAL(…) written by another tool (the `rst` CLI, exceljs) can show #NAME?
 * until the cell is entered again, even with the add-in installed (OfficeDev/Excel-Custom-
 * Functions#108, OfficeDev/office-js#6395). Entering the same formula again binds it to the
 * add-in's function. The cached values stay in the file for readers without the add-in.
 *
 *   sync 1  sheet names           sync 2  each sheet's formula cells (getSpecialCellsOrNullObject)
 *   sync 3  their formulas (in requests under the 5 MB limit; one for ordinary workbooks)
 *   sync 4  the formulas that call RST./MEASURE./NOK./COST. written back, in column runs
 *           (more requests only above ~4 MB of such formulas)
 *
 * Only cells holding one of our functions are written, each with exactly the formula it has,
 * so other formulas and values are untouched. The writes raise onChanged; they run inside
 * suspendWatching (src/excel/live.ts), so live checks do not take them for the user's edits.
 */
import { type Area, areaA1 } from "../core/grid";
import { chunkRefs, compressCells, parseRef } from "./a1";
import { ADDRESS_LIMIT_CHARS, ASSUMED_CHARS, runInRequests } from "./limits";
import { suspendWatching } from "./live";
import { queueShapes, sheetsToRead } from "./read";
import { loadSheetNames } from "./sheet-names";

/** A formula calling one of our functions: RST.BALANCE(, MEASURE.DUE(, NOK.PARSE(, COST.ANNUAL( … (any case). */
export const OUR_FUNCTION = /(^|[^A-Za-z0-9_.])(RST|MEASURE|NOK|COST)\.[A-Za-z]+\s*\(/i;

/** Whether the formula calls one of our functions outside its text literals ("…", "" escapes a quote). */
export function callsOurFunction(formula: string): boolean {
  return OUR_FUNCTION.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

export interface ReactivateResult {
  /** Cells whose formula was entered again. */
  reentered: number;
  /** Per sheet, the cells entered again (sheet names as in the workbook). */
  sheets: { sheet: string; cells: number }[];
}

export async function reactivateFormulas(ctx: Excel.RequestContext): Promise<ReactivateResult> {
  const names = sheetsToRead(await loadSheetNames(ctx));
  const shapesOf = queueShapes(ctx, names);
  await ctx.sync();
  const shapes = shapesOf().filter((s) => s.formulaAreas.length > 0);

  // Read the formulas of the formula cells.
  type ReadJob = { sheet: string; address: string; cells: number };
  const jobs: ReadJob[] = [];
  for (const s of shapes) {
    const size = new Map(
      s.formulaAreas.map((a) => [areaA1(a), (a.bottom - a.top + 1) * (a.right - a.left + 1)]),
    );
    for (const address of chunkRefs(s.formulaAreas.map(areaA1), ADDRESS_LIMIT_CHARS)) {
      const cells = address.split(",").reduce((n, ref) => n + (size.get(ref) ?? 1), 0);
      jobs.push({ sheet: s.name, address, cells });
    }
  }
  const ours = new Map<string, Map<string, string>>(); // sheet → "row:col" → formula
  await runInRequests(
    ctx,
    jobs,
    (j) => j.cells * ASSUMED_CHARS.formulas,
    (j) => {
      const areas = ctx.workbook.worksheets.getItem(j.sheet).getRanges(j.address).areas;
      areas.load("items/address,items/formulas");
      return areas;
    },
    (j, areas) => {
      for (const item of areas.items) {
        const a = parseRef(item.address);
        if (!a) continue;
        item.formulas.forEach((row, i) =>
          row.forEach((f, k) => {
            if (typeof f !== "string" || !f.startsWith("=") || !callsOurFunction(f)) return;
            let m = ours.get(j.sheet);
            if (!m) ours.set(j.sheet, (m = new Map()));
            m.set(`${a.top + i}:${a.left + k}`, f);
          }),
        );
      }
    },
  );

  // Write them back, a column run at a time.
  type WriteJob = { sheet: string; area: Area; formulas: string[][]; size: number };
  const writes: WriteJob[] = [];
  for (const [sheet, cells] of ours) {
    const list = [...cells.keys()].map((k) => {
      const [row, col] = k.split(":").map(Number);
      return { row, col };
    });
    for (const area of compressCells(list)) {
      const formulas: string[][] = [];
      for (let r = area.top; r <= area.bottom; r++) formulas.push([cells.get(`${r}:${area.left}`)!]);
      writes.push({ sheet, area, formulas, size: formulas.reduce((n, [f]) => n + f.length + 4, 100) });
    }
  }
  // Our own writes: live checks (watchSheet) ignore the change events they raise.
  const own = writes.map((w) => ({ sheet: w.sheet, area: w.area }));
  await suspendWatching(own, () =>
    runInRequests(
      ctx,
      writes,
      (w) => w.size,
      (w) => {
        const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(areaA1(w.area));
        range.formulas = w.formulas;
      },
      () => undefined,
    ),
  );
  const sheets = [...ours].map(([sheet, cells]) => ({ sheet, cells: cells.size }));
  return { reentered: sheets.reduce((n, s) => n + s.cells, 0), sheets };
}
