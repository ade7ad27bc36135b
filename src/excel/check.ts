/**
 * The handlingsplan check through Office.js: read, validate (src/core), mark — whole or live.
 *
 * checkWorkbook (one Excel.run): 1 sheet names + bookkeeping, 1 shapes, values (1 request up to
 * about 12 000 seed-like rows, then one per ~13 000), 1 text and formulas, 1 originals of the
 * cells not marked before, 1 writes — 6 syncs at 10 000 rows on Excel on the web.
 *
 * incrementalCheck (one Excel.run, at most 3 syncs whatever the size): the changed rows, the
 * plan sheet's shape and the bookkeeping in one request; core re-validates the patched grid in
 * memory (every rule sees the whole plan: parent Nr, duplicates and the budget total stay right);
 * then originals of newly marked cells and the writes for the cells whose marking changed only.
 * A change of shape (rows inserted or deleted, merges, the header row) or of the mapping makes it
 * a whole check. A co-author's change (source "Remote") is re-read and re-validated quietly:
 * nothing is marked, since the co-author's add-in marks their own edits.
 */
import type { Area, Grid, GridCell, GridWorkbook } from "../core/grid";
import { areaA1 } from "../core/grid";
import { validateWorkbook, type ValidateOptions, type ValidationResult } from "../core/plan";
import type { Problem } from "../core/problems";
import { parseAreas, parseRef } from "./a1";
import { ASSUMED_CHARS, REQUEST_BUDGET } from "./limits";
import { markProblems, queueReadBook, type MarkBook } from "./marks";
import { markKey } from "./marks-store";
import { mergesSupported } from "./requirements";
import { queueShapes, readShapes, sheetsToRead } from "./read";

/** What a live check needs from the check before it. */
export interface CheckState {
  workbook: GridWorkbook;
  result: ValidationResult;
  opts: ValidateOptions;
  /** The plan sheet's used range when it was read (a change means a whole check). */
  planArea: Area | null;
}

export interface CheckOutcome {
  result: ValidationResult;
  workbook: GridWorkbook;
  marked: number;
  state: CheckState;
  /** How the check ran: "whole", "live" (changed rows only) or "quiet" (a co-author's change, not marked). */
  kind: "whole" | "live" | "quiet";
}

function planAreaOf(shapes: { name: string; area: Area | null }[], sheet: string): Area | null {
  return shapes.find((x) => x.name.toLowerCase() === sheet.toLowerCase())?.area ?? null;
}

/** The whole check inside the caller's Excel.run. */
export async function wholeCheck(
  ctx: Excel.RequestContext,
  opts: ValidateOptions = {},
): Promise<CheckOutcome> {
  // Sync 1: names and the bookkeeping (it needs no names).
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  const readBook = queueReadBook(ctx);
  await ctx.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const book = readBook();
  // Sync 2: shapes; then values, text and formulas in requests under the limits.
  const shapesOf = queueShapes(ctx, sheetsToRead(sheetNames));
  await ctx.sync();
  const shapes = shapesOf();
  const workbook: GridWorkbook = { sheets: await readShapes(ctx, shapes) };
  const result = validateWorkbook(workbook, opts);
  const { marked } = await markProblems(ctx, result.problems, { sheetNames, book });
  const planArea = planAreaOf(shapes, result.sheet);
  return {
    result,
    workbook,
    marked,
    kind: "whole",
    state: { workbook, result, opts, planArea },
  };
}

/** The whole check in its own Excel.run. */
export async function checkWorkbook(opts: ValidateOptions = {}): Promise<CheckOutcome> {
  return Excel.run((ctx) => wholeCheck(ctx, opts));
}

/** Above this many changed rows a live check reads the workbook whole (a paste of a block). */
export const LIVE_MAX_ROWS = 200; // and the merged areas across them stay far below 512

function sameMapping(a: ValidateOptions, b: ValidateOptions): boolean {
  return (
    JSON.stringify(a.mapping ?? {}) === JSON.stringify(b.mapping ?? {}) &&
    a.sheet === b.sheet &&
    a.year === b.year
  );
}

function sameArea(a: Area | null, b: Area | null): boolean {
  return (
    a === b ||
    (!!a && !!b && a.top === b.top && a.left === b.left && a.right === b.right && a.bottom === b.bottom)
  );
}

/** Row runs (0-based, inclusive) of sorted unique rows. */
function runs(rows: number[]): { top: number; bottom: number }[] {
  const out: { top: number; bottom: number }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r === last.bottom + 1) last.bottom = r;
    else out.push({ top: r, bottom: r });
  }
  return out;
}

function cellsFromRow(
  values: unknown[],
  text: string[],
  formulas: unknown[],
  left: number,
  width: number,
): GridCell[] {
  const row: GridCell[] = [];
  for (let c = 0; c < width; c++) {
    const j = c - left;
    const v = j >= 0 ? values[j] : null;
    const value =
      v === "" || v === null || v === undefined
        ? null
        : typeof v === "object"
          ? String(v)
          : (v as GridCell["value"]);
    const cell: GridCell = { value, text: j >= 0 ? (text[j] ?? "") : "" };
    const f = j >= 0 ? formulas[j] : undefined;
    if (typeof f === "string" && f.startsWith("=") && f !== v) cell.formula = f;
    row.push(cell);
  }
  return row;
}

/** A problem's cell as markKey keys it: "E12" as is (the common case, no parsing), else its first cell. */
export function cellKey(sheet: string, cell: string): string | null {
  if (/^[A-Z]{1,3}[1-9][0-9]*$/.test(cell)) return markKey(sheet, cell);
  const a = parseRef(cell);
  return a ? markKey(sheet, areaA1({ top: a.top, left: a.left, bottom: a.top, right: a.left })) : null;
}

/**
 * Key → the cell's severities and messages in the order core lists them (validateWorkbook sorts
 * its problems, so equal markings give equal strings).
 */
function markingByCell(problems: readonly Problem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) {
    if (!p.cell || !p.sheet) continue;
    const key = cellKey(p.sheet, p.cell);
    if (key === null) continue;
    const entry = `${p.severity}\u0000${p.message}`;
    const prev = out.get(key);
    out.set(key, prev === undefined ? entry : `${prev}\u0001${entry}`);
  }
  return out;
}

/** The cells whose mark or note differs between two problem lists. */
export function changedCells(before: readonly Problem[], after: readonly Problem[]): Set<string> {
  const a = markingByCell(before);
  const b = markingByCell(after);
  const out = new Set<string>();
  for (const [k, v] of b) if (a.get(k) !== v) out.add(k);
  for (const k of a.keys()) if (!b.has(k)) out.add(k);
  return out;
}

/**
 * The live check after an edit, inside the caller's Excel.run. `rows` are the changed 1-based
 * rows of the plan sheet (as watchSheet reports them; empty = unknown, a whole check).
 */
export async function liveCheck(
  ctx: Excel.RequestContext,
  prev: CheckState,
  rows: readonly number[],
  opts: ValidateOptions = prev.opts,
  source: "Local" | "Remote" = "Local",
): Promise<CheckOutcome> {
  const planIndex = prev.workbook.sheets.findIndex((g) => g.sheet === prev.result.sheet);
  const grid = prev.workbook.sheets[planIndex];
  const wanted = [...new Set(rows.map((r) => r - 1))].filter((r) => r >= 0).sort((a, b) => a - b);
  const width = grid ? (grid.rows[0]?.length ?? 0) : 0;
  const cost =
    wanted.length * Math.max(1, width) * (ASSUMED_CHARS.values + ASSUMED_CHARS.text + ASSUMED_CHARS.formulas);
  if (
    !grid ||
    width === 0 ||
    wanted.length === 0 ||
    wanted.length > LIVE_MAX_ROWS ||
    cost > REQUEST_BUDGET ||
    !sameMapping(prev.opts, opts) ||
    prev.result.header.row === 0
  )
    return wholeCheck(ctx, opts);

  // Sync 1: the plan sheet's shape, the changed rows (values, text, formulas: a few cells, so
  // the three properties cost less than working out which are needed), the merged areas across
  // them, and the bookkeeping.
  const ws = ctx.workbook.worksheets.getItem(grid.sheet);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address");
  const withMerges = mergesSupported();
  const blocks = runs(wanted).map((run) => {
    const range = ws.getRangeByIndexes(run.top, 0, run.bottom - run.top + 1, width);
    range.load("values,text,formulas");
    let merged: Excel.RangeAreas | undefined;
    if (withMerges) {
      merged = range.getMergedAreasOrNullObject();
      merged.load("address");
    }
    return { run, range, merged };
  });
  const readBook = queueReadBook(ctx);
  await ctx.sync();

  const area = used.isNullObject ? null : parseRef(used.address);
  // Rows inserted or deleted, columns added: positions moved, read it whole.
  if (!sameArea(area, prev.planArea)) return wholeCheck(ctx, opts);
  // Merges across the changed rows as they were and as they are (a merge is a format: its own
  // change raises no onChanged, but an edit next to it does).
  for (const { run, merged } of blocks) {
    if (!merged) continue;
    const now = merged.isNullObject ? [] : parseAreas(merged.address).map(areaA1).sort();
    const before = grid.merges
      .filter((m) => m.top <= run.bottom && m.bottom >= run.top)
      .map(areaA1)
      .sort();
    if (now.join(",") !== before.join(",")) return wholeCheck(ctx, opts);
  }
  const patched: Grid = { ...grid, rows: grid.rows.slice() };
  for (const { run, range } of blocks) {
    for (let i = 0; i <= run.bottom - run.top; i++) {
      const r = run.top + i;
      if (r >= patched.rows.length) continue; // below the used range: empty, as before
      patched.rows[r] = cellsFromRow(range.values[i], range.text[i], range.formulas[i], 0, width);
    }
  }
  const workbook: GridWorkbook = {
    sheets: prev.workbook.sheets.map((g, i) => (i === planIndex ? patched : g)),
  };
  const result = validateWorkbook(workbook, opts);
  // The header moved or changed: every column may mean something else now.
  if (
    JSON.stringify(result.header) !== JSON.stringify(prev.result.header) ||
    result.sheet !== prev.result.sheet
  )
    return wholeCheck(ctx, opts);

  const state: CheckState = { workbook, result, opts, planArea: area };
  const book: MarkBook = readBook();
  if (source === "Remote") return { result, workbook, marked: book.records.length, state, kind: "quiet" };

  // Syncs 2 and 3 (each only when needed): originals of newly marked cells, then the writes.
  const changed = changedCells(prev.result.problems, result.problems);
  const sheetNames = prev.workbook.sheets.map((g) => g.sheet);
  const { marked } = await markProblems(ctx, result.problems, { sheetNames, book, changed });
  return { result, workbook, marked, state, kind: "live" };
}

/** The live check in its own Excel.run (what the pane calls from watchSheet's callback). */
export async function incrementalCheck(
  prev: CheckState,
  rows: readonly number[],
  opts?: { validate?: ValidateOptions; source?: "Local" | "Remote" },
): Promise<CheckOutcome> {
  return Excel.run((ctx) => liveCheck(ctx, prev, rows, opts?.validate ?? prev.opts, opts?.source ?? "Local"));
}
