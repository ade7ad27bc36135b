/**
 * Workbook → Grid (src/core/grid.ts) through Office.js, each cell read once and only what is
 * needed, in requests sized to stay inside Excel's limits (src/excel/limits.ts):
 *
 *   sync 1  sheet names (skipped when the caller has them)
 *   sync 2  each sheet's used range address and formula cells' addresses
 *           (getSpecialCellsOrNullObject("Formulas")) — small, and what sizes everything below
 *   sync 3… values of every cell, in row blocks estimated under REQUEST_BUDGET (one request up
 *           to about 12 000 seed-like plan rows on Excel on the web)
 *   then    displayed text only where a number format can change what is shown — cells whose
 *           value is a number or a boolean (a text cell shows its text) — formulas only for the
 *           formula cells, and the merged areas in row blocks (getMergedAreasOrNullObject "will
 *           fail to return the result" above 512 merged areas, @types/office-js for ExcelApi 1.13);
 *           usually one request
 *
 * A 10 000-row plan therefore costs 4 syncs and about 2.5 MB, where reading values, text and
 * formulas of every cell took 6.8 MB (over the web's 5 MB, so it failed first and fell back).
 *
 * Known limit: a text cell whose number format adds text ("@\" kr\"") gets its value as text.
 */
import type { Area, CellValue, Grid, GridCell, GridWorkbook } from "../core/grid";
import { areaA1 } from "../core/grid";
import { chunkRefs, parseAreas, parseRef } from "./a1";
import {
  ADDRESS_LIMIT_CHARS,
  ASSUMED_CHARS,
  isPayloadLimit,
  jsonChars,
  packRequests,
  REQUEST_BUDGET,
  rowsPerRequest,
} from "./limits";
import { isBookkeepingSheet } from "../core/owned-sheets";
import { MARK_SHEET } from "./marks-store";
import { mergesSupported } from "./requirements";
import { loadSheetNames } from "./sheet-names";

function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Build the A1-anchored grid from a used range that starts at (top, left). */
export function gridFromRange(
  sheet: string,
  top: number,
  left: number,
  values: unknown[][],
  text: string[][],
  formulas: unknown[][],
  merges: Area[],
): Grid {
  const width = left + (values[0]?.length ?? 0);
  const rows: GridCell[][] = [];
  for (let r = 0; r < top; r++) rows.push(Array.from({ length: width }, () => ({ value: null, text: "" })));
  values.forEach((vrow, i) => {
    const row: GridCell[] = [];
    for (let c = 0; c < left; c++) row.push({ value: null, text: "" });
    vrow.forEach((v, j) => {
      const value = cellValue(v);
      const cell: GridCell = { value, text: text[i]?.[j] ?? "" };
      const f = formulas[i]?.[j];
      // A text cell may hold "=…" as text; then formulas and values are the same string.
      if (typeof f === "string" && f.startsWith("=") && f !== v) cell.formula = f;
      row.push(cell);
    });
    rows.push(row);
  });
  return { sheet, rows, merges };
}

/** A sheet's shape: where its values are, its merges, its formula cells. */
export interface SheetShape {
  name: string;
  /** The used range (values only), or null for an empty sheet. */
  area: Area | null;
  merges: Area[];
  formulaAreas: Area[];
}

/** Queue the shape of these sheets (one request, small whatever the size). */
export function queueShapes(ctx: Excel.RequestContext, names: readonly string[]): () => SheetShape[] {
  const pending = names.map((name) => {
    // valuesOnly: formatted empty cells (whole coloured columns, our own marks) must not
    // stretch the range — a coloured column would otherwise mean a million rows.
    const ws = ctx.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    const formulas = used.getSpecialCellsOrNullObject("Formulas");
    formulas.load("address");
    return { name, used, formulas };
  });
  return () =>
    pending.map(({ name, used, formulas }) => ({
      name,
      area: used.isNullObject ? null : parseRef(used.address),
      merges: [],
      formulaAreas: formulas.isNullObject ? [] : parseAreas(formulas.address),
    }));
}

/**
 * Rows per merged-areas query: Range.getMergedAreasOrNullObject fails above 512 merged areas
 * (@types/office-js, ExcelApi 1.13). A plan merges one or two columns in runs of a few rows;
 * a query that fails anyway is retried with half the rows, down to a block that cannot hold
 * more than 512 (a merge covers at least two cells).
 */
export const MERGE_ROWS = 400;
export const MERGE_LIMIT = 512;

interface Sheet {
  shape: SheetShape;
  area: Area;
  width: number;
  values: unknown[][];
}

/**
 * Values of every used cell, in as few requests as the estimate allows. After each request the
 * characters per cell actually received replace the assumption (with a quarter more as margin).
 */
async function readValues(ctx: Excel.RequestContext, sheets: Sheet[]): Promise<void> {
  let perCell = ASSUMED_CHARS.values;
  const next = sheets.map((s) => s.area.top);
  for (;;) {
    const jobs: { s: number; top: number; rows: number; range: Excel.Range }[] = [];
    let budget = REQUEST_BUDGET;
    for (let i = 0; i < sheets.length && budget > 0; i++) {
      const { area, width, shape } = sheets[i];
      const left = area.bottom - next[i] + 1;
      if (left <= 0) continue;
      const fit = rowsPerRequest(width, perCell, budget);
      if (jobs.length > 0 && fit * width * perCell > budget) break;
      const rows = Math.min(left, fit);
      const range = ctx.workbook.worksheets
        .getItem(shape.name)
        .getRangeByIndexes(next[i], area.left, rows, width);
      range.load("values");
      jobs.push({ s: i, top: next[i], rows, range });
      next[i] += rows;
      budget -= rows * width * perCell;
    }
    if (jobs.length === 0) return;
    try {
      // One request per block is the point: each must arrive under Excel on the web's 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await ctx.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      // Longer texts than estimated: take the rows again, at twice the cost per cell.
      for (const j of jobs) next[j.s] = Math.min(next[j.s], j.top);
      if (jobs.length === 1 && jobs[0].rows === 1) throw e; // one row over 5 MB: nothing to split
      perCell *= 2;
      continue;
    }
    let chars = 0;
    let cells = 0;
    for (const j of jobs) {
      const values = j.range.values;
      chars += jsonChars(values);
      cells += j.rows * sheets[j.s].width;
      const at = j.top - sheets[j.s].area.top;
      for (let r = 0; r < values.length; r++) sheets[j.s].values[at + r] = values[r];
    }
    perCell = Math.max(4, Math.ceil((chars / Math.max(1, cells)) * 1.25));
  }
}

/** Row runs in one column: rows closer than this are read as one range (a few cells read twice beat many objects). */
const RUN_GAP = 4;

function columnRuns(rows: number[]): { top: number; bottom: number }[] {
  const out: { top: number; bottom: number }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r - last.bottom <= RUN_GAP) last.bottom = r;
    else out.push({ top: r, bottom: r });
  }
  return out;
}

type Job =
  | { kind: "text"; s: number; area: Area; cells: number }
  | { kind: "formulas"; s: number; address: string; cells: number }
  | { kind: "merges"; s: number; area: Area; cells: number };

/** Merged-area queries over these rows of a sheet, `rows` rows each. */
function mergeJobs(s: number, sh: Sheet, top: number, bottom: number, rows: number): Job[] {
  const out: Job[] = [];
  for (let r = top; r <= bottom; r += rows) {
    const area = { top: r, bottom: Math.min(bottom, r + rows - 1), left: sh.area.left, right: sh.area.right };
    out.push({ kind: "merges", s, area, cells: Math.min(rows, bottom - r + 1) });
  }
  return out;
}

/**
 * Text for the cells whose display depends on a number format, the formulas of formula cells
 * and the merged areas.
 */
async function readTextAndFormulas(
  ctx: Excel.RequestContext,
  sheets: Sheet[],
  text: (string | undefined)[][][],
  formulas: Map<string, string>[],
  merges: Map<string, Area>[],
): Promise<void> {
  const jobs: Job[] = [];
  const withMerges = mergesSupported();
  sheets.forEach((sh, s) => {
    if (withMerges) jobs.push(...mergeJobs(s, sh, sh.area.top, sh.area.bottom, MERGE_ROWS));
    const byCol: number[][] = Array.from({ length: sh.width }, () => []);
    sh.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "number" || typeof v === "boolean") byCol[c].push(sh.area.top + r);
      }),
    );
    byCol.forEach((rows, c) => {
      const col = sh.area.left + c;
      for (const run of columnRuns(rows)) {
        const area = { top: run.top, bottom: run.bottom, left: col, right: col };
        jobs.push({ kind: "text", s, area, cells: run.bottom - run.top + 1 });
      }
    });
    const refs = sh.shape.formulaAreas.map(areaA1);
    const sizes = new Map(
      sh.shape.formulaAreas.map((a) => [areaA1(a), (a.bottom - a.top + 1) * (a.right - a.left + 1)]),
    );
    for (const address of chunkRefs(refs, ADDRESS_LIMIT_CHARS)) {
      const cells = address.split(",").reduce((n, ref) => n + (sizes.get(ref) ?? 1), 0);
      jobs.push({ kind: "formulas", s, address, cells });
    }
  });
  const cost = (j: Job) =>
    j.kind === "merges" ? 200 : j.cells * (j.kind === "text" ? ASSUMED_CHARS.text : ASSUMED_CHARS.formulas);
  const todo = packRequests(jobs, cost);
  while (todo.length > 0) {
    const batch = todo.shift()!;
    const loaded = batch.map(
      (j): { j: Job; range?: Excel.Range; areas?: Excel.RangeCollection; merged?: Excel.RangeAreas } => {
        const ws = ctx.workbook.worksheets.getItem(sheets[j.s].shape.name);
        if (j.kind === "merges") {
          const merged = ws
            .getRangeByIndexes(j.area.top, j.area.left, j.cells, j.area.right - j.area.left + 1)
            .getMergedAreasOrNullObject();
          merged.load("address");
          return { j, merged };
        }
        if (j.kind === "text") {
          const range = ws.getRangeByIndexes(j.area.top, j.area.left, j.cells, 1);
          range.load("text");
          return { j, range };
        }
        // areas is a navigation property (RangeAreas.areas), not a loaded value.
        // eslint-disable-next-line office-addins/load-object-before-read
        const areas = ws.getRanges(j.address).areas;
        areas.load("items/address,items/formulas");
        return { j, areas };
      },
    );
    try {
      // One request per budget.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await ctx.sync();
    } catch (e) {
      const big = batch.filter(
        (j): j is Extract<Job, { kind: "merges" }> => j.kind === "merges" && j.cells > 1,
      );
      const smallest = Math.max(
        1,
        Math.floor((2 * MERGE_LIMIT) / Math.max(1, ...big.map((j) => j.area.right - j.area.left + 1))),
      );
      if (isPayloadLimit(e) && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        todo.unshift(batch.slice(0, half), batch.slice(half));
        continue;
      }
      // Too many merged areas in a block (Excel gives no specific code): the same request with
      // the merge queries over half the rows, while a block could still hold more than 512.
      if (big.length === 0 || big.every((j) => j.cells <= smallest)) throw e;
      todo.unshift(
        batch.flatMap((j) =>
          j.kind === "merges" && j.cells > 1
            ? mergeJobs(j.s, sheets[j.s], j.area.top, j.area.bottom, Math.max(1, Math.ceil(j.cells / 2)))
            : [j],
        ),
      );
      continue;
    }
    for (const l of loaded) {
      const sh = sheets[l.j.s];
      if (l.merged) {
        if (!l.merged.isNullObject)
          for (const a of parseAreas(l.merged.address)) merges[l.j.s].set(areaA1(a), a);
      } else if (l.range && l.j.kind === "text") {
        const { area } = l.j;
        l.range.text.forEach((row, i) => {
          (text[l.j.s][area.top - sh.area.top + i] ??= [])[area.left - sh.area.left] = row[0];
        });
      } else if (l.areas) {
        for (const item of l.areas.items) {
          const a = parseRef(item.address);
          if (!a) continue;
          item.formulas.forEach((row, i) =>
            row.forEach((f, j) => {
              if (typeof f === "string" && f.startsWith("="))
                formulas[l.j.s].set(`${a.top + i}:${a.left + j}`, f);
            }),
          );
        }
      }
    }
  }
}

/** Build a grid from values, the few texts read and the formulas. */
function buildGrid(
  sh: Sheet,
  text: (string | undefined)[][],
  formulas: Map<string, string>,
  merges: Map<string, Area>,
): Grid {
  const { area } = sh;
  const width = area.right + 1;
  const rows: GridCell[][] = [];
  for (let r = 0; r < area.top; r++)
    rows.push(Array.from({ length: width }, () => ({ value: null, text: "" })));
  for (let i = 0; i < sh.values.length; i++) {
    const vrow = sh.values[i];
    const trow = text[i];
    const row: GridCell[] = [];
    for (let c = 0; c < area.left; c++) row.push({ value: null, text: "" });
    for (let j = 0; j < vrow.length; j++) {
      const value = cellValue(vrow[j]);
      const shown = typeof value === "string" ? value : value === null ? "" : (trow?.[j] ?? String(value));
      const cell: GridCell = { value, text: shown };
      const f = formulas.get(`${area.top + i}:${area.left + j}`);
      // A text cell may hold "=…" as text; then formulas and values are the same string.
      if (f !== undefined && f !== vrow[j]) cell.formula = f;
      row.push(cell);
    }
    rows.push(row);
  }
  return { sheet: sh.shape.name, rows, merges: [...merges.values()] };
}

/** Read these sheets' grids from shapes already loaded (values, then text and formulas). */
export async function readShapes(ctx: Excel.RequestContext, shapes: SheetShape[]): Promise<Grid[]> {
  const sheets: Sheet[] = [];
  for (const shape of shapes) {
    if (!shape.area) continue;
    sheets.push({ shape, area: shape.area, width: shape.area.right - shape.area.left + 1, values: [] });
  }
  await readValues(ctx, sheets);
  const text = sheets.map(() => [] as (string | undefined)[][]);
  const formulas = sheets.map(() => new Map<string, string>());
  const merges = sheets.map(() => new Map<string, Area>());
  await readTextAndFormulas(ctx, sheets, text, formulas, merges);
  const bySheet = new Map(
    sheets.map((sh, i) => [sh.shape.name, buildGrid(sh, text[i], formulas[i], merges[i])]),
  );
  return shapes.map((s) => bySheet.get(s.name) ?? { sheet: s.name, rows: [], merges: s.merges });
}

/** The sheets to read: all but our bookkeeping (marks, sheet ownership), or those named in `sheets` (any case). */
export function sheetsToRead(names: readonly string[], sheets?: readonly string[]): string[] {
  const wanted = sheets?.map((s) => s.toLowerCase());
  return names.filter(
    (n) => n !== MARK_SHEET && !isBookkeepingSheet(n) && (!wanted || wanted.includes(n.toLowerCase())),
  );
}

export async function readWorkbook(
  ctx: Excel.RequestContext,
  opts?: { sheets?: string[]; sheetNames?: readonly string[] },
): Promise<GridWorkbook> {
  const names = opts?.sheetNames ?? (await loadSheetNames(ctx));
  const shapes = queueShapes(ctx, sheetsToRead(names, opts?.sheets));
  await ctx.sync();
  return { sheets: await readShapes(ctx, shapes()) };
}
