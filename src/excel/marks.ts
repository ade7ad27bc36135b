/**
 * Mark problem cells in the workbook (red error, amber warning, blue info) and restore
 * them exactly with clearMarks.
 *
 * Syncs (constant, whatever the number of problems):
 *   markProblems — 1: sheet names (skipped when the caller passes them); 2: bookkeeping +
 *                  original fills and notes of the cells; 3: all writes (fills per colour as
 *                  comma-joined RangeAreas, notes, bookkeeping).
 *   clearMarks   — 1: sheet names; 2: bookkeeping; 3: all restores.
 *   hasMarks     — at most 2.
 *
 * Marking replaces the previous marking: cells marked before but no longer in the problem
 * list get their originals back in the same write batch. A cell marked twice keeps the
 * original recorded the first time. Only fills and notes change, never values.
 *
 * Notes: Excel notes need ExcelApi 1.18 (worksheet.notes.add). Where that set is missing we
 * mark with fills only — no fallback to threaded comments, which belong to the users'
 * discussions and carry authors; the task pane lists every message anyway. When a cell
 * already has a user's note, our note shows the message and then the user's text, and
 * clearMarks puts the user's note back word for word.
 */
import { a1, type Area, areaA1 } from "../core/grid";
import { type Problem, type Severity, SEVERITY_LABEL_NB, SEVERITY_ORDER } from "../core/problems";
import { chunkRefs, compressCells, parseRef } from "./a1";
import { ADDRESS_LIMIT_CHARS, ASSUMED_CHARS, runInRequests } from "./limits";
import {
  type FillSnapshot,
  MARK_SHEET,
  type MarkRecord,
  markKey,
  parseMarkBook,
  serializeMarks,
} from "./marks-store";
import { notesSupported } from "./requirements";

export { notesSupported } from "./requirements";

export { MARK_SHEET } from "./marks-store";

export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Longest comma-joined address list per getRanges call; Office fails somewhere above ~8 200. */
export const ADDRESS_CHUNK_CHARS = ADDRESS_LIMIT_CHARS;
/** New notes per marking; beyond this cells get the fill only (the task pane lists all). */
export const MAX_NEW_NOTES = 2_000;
/** Rows between two marked cells in a column that are still read in one getCellProperties. */
const CLUSTER_GAP = 8;
const NOTE_SEPARATOR = "\n\n— Din opprinnelige merknad (kommer tilbake ved «Fjern markeringer») —\n";

interface Target {
  sheet: string;
  row: number;
  col: number;
  cell: string;
  severity: Severity;
  messages: string[];
}

const SIMPLE_CELL = /^[A-Z]{1,3}[1-9][0-9]*$/;

function collectTargets(problems: readonly Problem[]): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const p of problems) {
    if (!p.cell || !p.sheet) continue;
    const area = parseRef(p.cell);
    if (!area) continue;
    const cell = SIMPLE_CELL.test(p.cell) ? p.cell : a1(area.top, area.left);
    const key = markKey(p.sheet, cell);
    const t = out.get(key);
    if (!t) {
      out.set(key, {
        sheet: p.sheet,
        row: area.top,
        col: area.left,
        cell,
        severity: p.severity,
        messages: [p.message],
      });
      continue;
    }
    if (SEVERITY_ORDER[p.severity] < SEVERITY_ORDER[t.severity]) t.severity = p.severity;
    if (!t.messages.includes(p.message)) t.messages.push(p.message);
  }
  return out;
}

export function noteText(severity: Severity, messages: readonly string[], original: string | null): string {
  const shown = messages.slice(0, 5);
  const more = messages.length - shown.length;
  let text = `RST-verktøy – ${SEVERITY_LABEL_NB[severity]}: ${shown.join("\n")}`;
  if (more > 0) text += `\n… og ${more} til (se oppgaveruten)`;
  if (original !== null) text += NOTE_SEPARATOR + original;
  return text;
}

/**
 * Column runs with small gaps, so one getCellProperties call reads many marked cells.
 * Linear in the cells (plus the sort per column): each cell is appended once.
 */
export function clusters(cells: readonly { row: number; col: number }[]): Area[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const out: Area[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let top = rows[0];
    let prev = rows[0];
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i];
      if (r - prev <= CLUSTER_GAP + 1) {
        prev = r;
        continue;
      }
      out.push({ top, bottom: prev, left: col, right: col });
      top = r;
      prev = r;
    }
    out.push({ top, bottom: prev, left: col, right: col });
  }
  return out;
}

function snapshot(fill: Excel.CellPropertiesFill | undefined): FillSnapshot {
  if (!fill || fill.color == null || fill.pattern === "None") return null;
  const out: { color: string; pattern?: string; patternColor?: string } = { color: fill.color };
  if (fill.pattern && fill.pattern !== "Solid") {
    out.pattern = fill.pattern;
    if (fill.patternColor) out.patternColor = fill.patternColor;
  }
  return out;
}

/** One write to queue, with what it sends (characters), so writes can be packed into requests. */
interface WriteOp {
  size: number;
  queue: (ctx: Excel.RequestContext) => void;
}

/** Per-operation overhead of a request (object path, method name) beyond its data. */
const OP_OVERHEAD = 120;

/** Address lists of these cells, each under the RangeAreas address limit. */
function addressLists(cells: readonly { row: number; col: number }[]): string[] {
  return chunkRefs(compressCells(cells).map(areaA1), ADDRESS_CHUNK_CHARS);
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** The writes that restore fills and notes for these records (no reads needed). */
function restoreOps(
  records: readonly MarkRecord[],
  sheetNames: Map<string, string>,
  notesOn: boolean,
): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const [sheetKey, recs] of group(records, (r) => r.sheet.toLowerCase())) {
    const name = sheetNames.get(sheetKey);
    if (!name) continue;
    for (const [, same] of group(recs, (r) => JSON.stringify(r.fill))) {
      const fill = same[0].fill;
      const cells = same.flatMap((r) => {
        const a = parseRef(r.cell);
        return a ? [{ row: a.top, col: a.left }] : [];
      });
      for (const list of addressLists(cells)) {
        ops.push({
          size: list.length + OP_OVERHEAD,
          queue: (ctx) => {
            const ra = ctx.workbook.worksheets.getItem(name).getRanges(list);
            if (fill === null) ra.format.fill.clear();
            else {
              ra.format.fill.color = fill.color;
              if (fill.pattern) ra.format.fill.pattern = fill.pattern as Excel.FillPattern;
              if (fill.patternColor) ra.format.fill.patternColor = fill.patternColor;
            }
          },
        });
      }
    }
    if (!notesOn) continue;
    for (const r of recs) {
      if (!r.noted) continue;
      ops.push({
        size: (r.note?.length ?? 0) + 2 * OP_OVERHEAD,
        queue: (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          // Delete-if-exists (a null object ignores delete), then put the user's note back.
          ws.notes.getItemOrNullObject(r.cell).delete();
          if (r.note !== null) ws.notes.add(r.cell, r.note);
        },
      });
    }
  }
  return ops;
}

/** Lower-cased name → the sheet's own spelling. */
function byLowerName(names: readonly string[]): Map<string, string> {
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}

/** The bookkeeping as read: records, whether a marking was left half-done, whether the sheet exists. */
export interface MarkBook {
  exists: boolean;
  records: MarkRecord[];
  pending: boolean;
}

/** Queue reading the bookkeeping sheet (needs no sheet names); call the result after the sync. */
export function queueReadBook(ctx: Excel.RequestContext): () => MarkBook {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(MARK_SHEET);
  ws.load("name");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  // Read only after the caller's sync (the returned function is called then).
  /* eslint-disable office-addins/call-sync-before-read */
  return () => {
    if (ws.isNullObject) return { exists: false, records: [], pending: false };
    if (used.isNullObject) return { exists: true, records: [], pending: false };
    const book = parseMarkBook(used.values);
    return { exists: true, records: book?.records ?? [], pending: book?.pending ?? false };
  };
  /* eslint-enable office-addins/call-sync-before-read */
}

/** The write of the bookkeeping sheet (or its removal when there is nothing left to restore). */
function bookOp(exists: boolean, records: readonly MarkRecord[], pending: boolean): WriteOp {
  const chunks = records.length ? serializeMarks(records, { pending }) : [];
  return {
    size: chunks.reduce((n, c) => n + c.length + 4, OP_OVERHEAD * 3),
    queue: (ctx) => {
      const sheets = ctx.workbook.worksheets;
      if (chunks.length === 0) {
        if (!exists) return;
        const ws = sheets.getItem(MARK_SHEET);
        ws.visibility = "Hidden"; // Office won't delete a very hidden sheet
        ws.delete();
        return;
      }
      let ws: Excel.Worksheet;
      if (exists) {
        ws = sheets.getItem(MARK_SHEET);
        ws.getRange().clear("Contents");
      } else {
        ws = sheets.add(MARK_SHEET);
        ws.visibility = "VeryHidden";
      }
      const range = ws.getRange(`A1:A${chunks.length}`);
      range.numberFormat = chunks.map(() => ["@"]);
      range.values = chunks.map((c) => [c]);
    },
  };
}

/** Run the writes in order, as few requests as the budget allows; returns the requests made. */
async function runWrites(
  ctx: Excel.RequestContext,
  ops: readonly WriteOp[],
  budget?: number,
): Promise<number> {
  return runInRequests(
    ctx,
    ops,
    (op) => op.size,
    (op) => op.queue(ctx),
    () => undefined,
    budget,
  );
}

/**
 * The writes of a marking, ordered so the bookkeeping is exact after every request: first
 * the bookkeeping with every record old or new (flagged pending when some will go), then
 * restores and marks, then the final bookkeeping. A request that never arrives leaves cells
 * whose original is stored — never a mark without its original.
 */
function orderedWrites(
  bookExists: boolean,
  records: readonly MarkRecord[],
  stale: readonly MarkRecord[],
  restores: WriteOp[],
  marks: WriteOp[],
): WriteOp[] {
  // Nothing restored, nothing (re)marked: every record is the one stored.
  if (stale.length === 0 && marks.length === 0) return [];
  if (stale.length === 0) return [bookOp(bookExists, records, false), ...marks];
  const keys = new Set(records.map((r) => markKey(r.sheet, r.cell)));
  const union = [...records, ...stale.filter((r) => !keys.has(markKey(r.sheet, r.cell)))];
  return [bookOp(bookExists, union, true), ...restores, ...marks, bookOp(true, records, false)];
}

export interface MarkOptions {
  /** The sheet names, when the caller loaded them in this Excel.run (saves a sync). */
  sheetNames?: readonly string[];
  /** The bookkeeping, when the caller read it in this Excel.run (queueReadBook; saves reading it again). */
  book?: MarkBook;
  /**
   * Live checks: the cells (markKey) whose marking may have changed. A recorded cell outside
   * this set keeps its mark untouched: no read, no write. Without it every cell is written.
   */
  changed?: ReadonlySet<string>;
  /** Characters per request (REQUEST_BUDGET); smaller only in tests, to see a marking split. */
  budget?: number;
}

export interface MarkResult {
  marked: number;
  /** context.sync() calls of reading originals and of writing (the names' sync not counted). */
  readRequests: number;
  writeRequests: number;
}

export async function markProblems(
  ctx: Excel.RequestContext,
  problems: Problem[],
  opts?: MarkOptions,
): Promise<MarkResult> {
  const targets = collectTargets(problems);
  const notesOn = notesSupported();

  // Sync 1: which sheets exist and the bookkeeping — each skipped when the caller has it.
  let book = opts?.book;
  let sheetNames = opts?.sheetNames;
  if (!book || !sheetNames) {
    const readBook = book ? undefined : queueReadBook(ctx);
    let sheets: Excel.WorksheetCollection | undefined;
    if (!sheetNames) {
      sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
    }
    await ctx.sync();
    if (readBook) book = readBook();
    if (sheets) sheetNames = sheets.items.map((s) => s.name);
  }
  const names = byLowerName(sheetNames!);
  const oldBook = book!;
  const old = new Map(oldBook.records.map((r) => [markKey(r.sheet, r.cell), r]));
  const changed = opts?.changed;
  const live = [...targets.values()].filter((t) => names.has(t.sheet.toLowerCase()));
  const ordered = live.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row,
  );

  // Which cells get written, and which of them get a note of ours (the first MAX_NEW_NOTES new
  // ones by severity; a cell noted before keeps its note). Only their originals are read:
  // fills of cells not marked before, notes of cells about to get their first note of ours.
  const write: Target[] = [];
  const willNote = new Set<string>();
  const needFill: Target[] = [];
  const needNote: Target[] = [];
  let quota = MAX_NEW_NOTES;
  for (const t of ordered) {
    const key = markKey(t.sheet, t.cell);
    const prev = old.get(key);
    if (prev && changed && !changed.has(key)) continue; // unchanged since the last marking
    write.push(t);
    if (!prev) needFill.push(t);
    if (!notesOn) continue;
    if (prev?.noted) willNote.add(key);
    else if (quota > 0) {
      quota--;
      willNote.add(key);
      needNote.push(t);
    }
  }

  // Then: the originals, in requests under Excel on the web's 5 MB.
  const fills = new Map<string, Excel.CellPropertiesFill | undefined>();
  const notes = new Map<string, Excel.Note>();
  type ReadJob =
    { kind: "fill"; sheet: string; area: Area } | { kind: "note"; sheet: string; cells: Target[] };
  const jobs: ReadJob[] = [];
  for (const [sheetKey, list] of group(needFill, (t) => t.sheet.toLowerCase())) {
    const sheet = names.get(sheetKey)!;
    for (const area of clusters(list)) jobs.push({ kind: "fill", sheet, area });
  }
  for (const [sheetKey, list] of group(needNote, (t) => t.sheet.toLowerCase())) {
    const sheet = names.get(sheetKey)!;
    for (let i = 0; i < list.length; i += 500)
      jobs.push({ kind: "note", sheet, cells: list.slice(i, i + 500) });
  }
  const readRequests = await runInRequests(
    ctx,
    jobs,
    (j) =>
      j.kind === "fill"
        ? (j.area.bottom - j.area.top + 1) * ASSUMED_CHARS.fill
        : j.cells.length * ASSUMED_CHARS.note,
    (j) => {
      const ws = ctx.workbook.worksheets.getItem(j.sheet);
      if (j.kind === "fill") {
        const props = ws
          .getRange(areaA1(j.area))
          .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
        return { props, found: [] as Excel.Note[] };
      }
      const found = j.cells.map((t) => {
        const note = ws.notes.getItemOrNullObject(t.cell);
        note.load("content");
        return note;
      });
      return { props: undefined, found };
    },
    (j, q) => {
      if (j.kind === "fill") {
        q.props!.value.forEach((row, i) =>
          fills.set(markKey(j.sheet, a1(j.area.top + i, j.area.left)), row[0]?.format?.fill),
        );
      } else j.cells.forEach((t, i) => notes.set(markKey(t.sheet, t.cell), q.found[i]));
    },
  );

  // The writes: restore stale marks, mark the cells, save the bookkeeping.
  const stale: MarkRecord[] = [];
  for (const [key, rec] of old) if (!targets.has(key) || !names.has(rec.sheet.toLowerCase())) stale.push(rec);
  const records: MarkRecord[] = [];
  const toFill: Target[] = [];
  const noteWrites: { t: Target; rec: MarkRecord; existing: boolean }[] = [];
  const writing = new Set(write);
  for (const t of ordered) {
    const key = markKey(t.sheet, t.cell);
    const prev = old.get(key);
    if (!writing.has(t)) {
      records.push(prev!);
      continue;
    }
    const current = notes.get(key);
    const userNote = current && !current.isNullObject ? current.content : null;
    const sheet = names.get(t.sheet.toLowerCase())!;
    const rec: MarkRecord = prev
      ? {
          ...prev,
          sheet,
          severity: t.severity,
          // Until we write a note the cell's note is the user's own: record it as the original.
          ...(current ? { note: userNote } : {}),
        }
      : {
          sheet,
          cell: t.cell,
          severity: t.severity,
          fill: snapshot(fills.get(key)),
          note: userNote,
          noted: false,
        };
    toFill.push(t);
    if (willNote.has(key)) {
      // A note already written by us is replaced; a user's note is kept inside ours.
      noteWrites.push({ t, rec, existing: rec.noted || userNote !== null });
      rec.noted = true;
    }
    records.push(rec);
  }

  const marks: WriteOp[] = [];
  for (const [sheetKey, list] of group(toFill, (t) => t.sheet.toLowerCase())) {
    const name = names.get(sheetKey)!;
    for (const [severity, cells] of group(list, (t) => t.severity)) {
      const color = MARK_COLORS[severity as Severity];
      for (const address of addressLists(cells)) {
        marks.push({
          size: address.length + OP_OVERHEAD,
          queue: (c) => (c.workbook.worksheets.getItem(name).getRanges(address).format.fill.color = color),
        });
      }
    }
  }
  for (const { t, rec, existing } of noteWrites) {
    const content = noteText(t.severity, t.messages, rec.note);
    marks.push({
      size: content.length + 2 * OP_OVERHEAD,
      queue: (c) => {
        const ws = c.workbook.worksheets.getItem(rec.sheet);
        // Replace whatever note is there (ours from before or the user's, kept in our text).
        if (existing) ws.notes.getItemOrNullObject(t.cell).delete();
        ws.notes.add(t.cell, content);
      },
    });
  }
  const restores = restoreOps(stale, names, notesOn);
  const writes = orderedWrites(oldBook.exists, records, stale, restores, marks);
  const writeRequests = writes.length ? await runWrites(ctx, writes, opts?.budget) : 0;
  return { marked: records.length, readRequests, writeRequests };
}

/**
 * Undo a marking left half-done (the pane closed between its requests; see MarkBook.pending):
 * every recorded cell gets its original fill and note back and the bookkeeping goes. Call it
 * when the pane starts; does nothing (1 sync) when there is no such batch.
 */
export async function recoverMarks(ctx: Excel.RequestContext): Promise<{ restored: number }> {
  const read = queueReadBook(ctx);
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const book = read();
  if (!book.pending) return { restored: 0 };
  return restoreAll(
    ctx,
    book,
    sheets.items.map((s) => s.name),
  );
}

async function restoreAll(ctx: Excel.RequestContext, book: MarkBook, sheetNames: string[]) {
  const names = byLowerName(sheetNames);
  const ops = restoreOps(book.records, names, notesSupported());
  await runWrites(ctx, [...ops, bookOp(true, [], false)]);
  return { restored: book.records.filter((r) => names.has(r.sheet.toLowerCase())).length };
}

export async function clearMarks(ctx: Excel.RequestContext): Promise<{ restored: number }> {
  const read = queueReadBook(ctx);
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const book = read();
  if (!book.exists) return { restored: 0 };
  return restoreAll(
    ctx,
    book,
    sheets.items.map((s) => s.name),
  );
}

export async function hasMarks(ctx: Excel.RequestContext): Promise<boolean> {
  const read = queueReadBook(ctx);
  await ctx.sync();
  return read().records.length > 0;
}
