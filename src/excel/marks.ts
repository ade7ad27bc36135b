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
import {
  type FillSnapshot,
  MARK_SHEET,
  type MarkRecord,
  markKey,
  parseMarks,
  serializeMarks,
} from "./marks-store";
import { loadSheetNames } from "./sheet-names";

export { MARK_SHEET } from "./marks-store";

export const MARK_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Longest comma-joined address list per getRanges call; Office fails somewhere above ~8 200. */
export const ADDRESS_CHUNK_CHARS = 7_000;
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

/** True when the host has the notes API (ExcelApi 1.18). */
export function notesSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return !!office?.context?.requirements?.isSetSupported("ExcelApi", "1.18");
  } catch {
    return false;
  }
}

function collectTargets(problems: readonly Problem[]): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const p of problems) {
    if (!p.cell || !p.sheet) continue;
    const area = parseRef(p.cell);
    if (!area) continue;
    const cell = a1(area.top, area.left);
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

/** Column runs with small gaps, so one getCellProperties call reads many marked cells. */
function clusters(cells: readonly { row: number; col: number }[]): Area[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c.row]);
  const out: Area[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let top = rows[0];
    let prev = rows[0];
    for (const r of rows.slice(1)) {
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

/** Queue getRanges over the cells in chunks below the address limit. */
function eachRangeAreas(
  ws: Excel.Worksheet,
  cells: readonly { row: number; col: number }[],
  fn: (ra: Excel.RangeAreas) => void,
) {
  const refs = compressCells(cells).map(areaA1);
  for (const chunk of chunkRefs(refs, ADDRESS_CHUNK_CHARS)) fn(ws.getRanges(chunk));
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

/** Queue the restore of fills and notes for these records (no reads needed). */
function queueRestore(
  ctx: Excel.RequestContext,
  records: readonly MarkRecord[],
  sheetNames: Map<string, string>,
  notesOn: boolean,
) {
  for (const [sheetKey, recs] of group(records, (r) => r.sheet.toLowerCase())) {
    const name = sheetNames.get(sheetKey);
    if (!name) continue;
    const ws = ctx.workbook.worksheets.getItem(name);
    for (const [, same] of group(recs, (r) => JSON.stringify(r.fill))) {
      const fill = same[0].fill;
      const cells = same.flatMap((r) => {
        const a = parseRef(r.cell);
        return a ? [{ row: a.top, col: a.left }] : [];
      });
      eachRangeAreas(ws, cells, (ra) => {
        if (fill === null) ra.format.fill.clear();
        else {
          ra.format.fill.color = fill.color;
          if (fill.pattern) ra.format.fill.pattern = fill.pattern as Excel.FillPattern;
          if (fill.patternColor) ra.format.fill.patternColor = fill.patternColor;
        }
      });
    }
    if (!notesOn) continue;
    for (const r of recs) {
      if (!r.noted) continue;
      // Delete-if-exists (a null object ignores delete), then put the user's note back.
      ws.notes.getItemOrNullObject(r.cell).delete();
      if (r.note !== null) ws.notes.add(r.cell, r.note);
    }
  }
}

/** Lower-cased name → the sheet's own spelling. */
function byLowerName(names: readonly string[]): Map<string, string> {
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}

function queueReadBook(ctx: Excel.RequestContext, names: Map<string, string>): Excel.Range | undefined {
  if (!names.has(MARK_SHEET.toLowerCase())) return undefined;
  const used = ctx.workbook.worksheets.getItem(MARK_SHEET).getUsedRangeOrNullObject(true);
  used.load("values");
  return used;
}

function bookRecords(used: Excel.Range | undefined): MarkRecord[] {
  if (!used || used.isNullObject) return [];
  return parseMarks(used.values) ?? [];
}

/** Queue writing (or removing) the bookkeeping sheet. */
function queueWriteBook(ctx: Excel.RequestContext, exists: boolean, records: readonly MarkRecord[]) {
  const sheets = ctx.workbook.worksheets;
  if (records.length === 0) {
    if (exists) {
      const ws = sheets.getItem(MARK_SHEET);
      ws.visibility = "Hidden"; // Office won't delete a very hidden sheet
      ws.delete();
    }
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
  const chunks = serializeMarks(records);
  const range = ws.getRange(`A1:A${chunks.length}`);
  range.numberFormat = chunks.map(() => ["@"]);
  range.values = chunks.map((c) => [c]);
}

export async function markProblems(
  ctx: Excel.RequestContext,
  problems: Problem[],
  opts?: { sheetNames?: readonly string[] },
): Promise<{ marked: number }> {
  const targets = collectTargets(problems);
  const notesOn = notesSupported();

  // Sync 1 (unless the caller loaded them in this run): which sheets exist.
  const names = byLowerName(opts?.sheetNames ?? (await loadSheetNames(ctx)));
  const bookExists = names.has(MARK_SHEET.toLowerCase());
  const live = [...targets.values()].filter((t) => names.has(t.sheet.toLowerCase()));

  // Sync 2: bookkeeping, and the current fill and note of every cell to mark.
  const book = queueReadBook(ctx, names);
  const fills = new Map<string, Excel.CellPropertiesFill | undefined>();
  const reads: {
    sheet: string;
    area: Area;
    props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }[] = [];
  const notes = new Map<string, Excel.Note>();
  for (const [sheetKey, list] of group(live, (t) => t.sheet.toLowerCase())) {
    const sheet = names.get(sheetKey)!;
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const area of clusters(list)) {
      const props = ws
        .getRange(areaA1(area))
        .getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
      reads.push({ sheet, area, props });
    }
    if (notesOn) {
      for (const t of list) {
        const note = ws.notes.getItemOrNullObject(t.cell);
        note.load("content");
        notes.set(markKey(t.sheet, t.cell), note);
      }
    }
  }
  await ctx.sync();

  for (const { sheet, area, props } of reads) {
    props.value.forEach((row, i) =>
      fills.set(markKey(sheet, a1(area.top + i, area.left)), row[0]?.format?.fill),
    );
  }
  const old = new Map(bookRecords(book).map((r) => [markKey(r.sheet, r.cell), r]));

  // Sync 3: restore stale marks, mark the new cells, save the bookkeeping.
  const records: MarkRecord[] = [];
  const stale: MarkRecord[] = [];
  for (const [key, rec] of old) if (!targets.has(key) || !names.has(rec.sheet.toLowerCase())) stale.push(rec);
  queueRestore(ctx, stale, names, notesOn);

  const ordered = [...live].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row,
  );
  let newNotes = 0;
  const noteWrites: { t: Target; rec: MarkRecord }[] = [];
  for (const t of ordered) {
    const key = markKey(t.sheet, t.cell);
    const prev = old.get(key);
    const current = notes.get(key);
    const rec: MarkRecord = prev
      ? { ...prev, sheet: names.get(t.sheet.toLowerCase())!, severity: t.severity }
      : {
          sheet: names.get(t.sheet.toLowerCase())!,
          cell: t.cell,
          severity: t.severity,
          fill: snapshot(fills.get(key)),
          note: current && !current.isNullObject ? current.content : null,
          noted: false,
        };
    // Until we write a note the cell's note is the user's own: record it as the original.
    if (notesOn && !rec.noted) rec.note = current && !current.isNullObject ? current.content : null;
    if (notesOn && (rec.noted || newNotes < MAX_NEW_NOTES)) {
      if (!rec.noted) newNotes++;
      rec.noted = true;
      noteWrites.push({ t, rec });
    }
    records.push(rec);
  }

  for (const [sheetKey, list] of group(ordered, (t) => t.sheet.toLowerCase())) {
    const ws = ctx.workbook.worksheets.getItem(names.get(sheetKey)!);
    for (const [severity, cells] of group(list, (t) => t.severity)) {
      const color = MARK_COLORS[severity as Severity];
      eachRangeAreas(ws, cells, (ra) => (ra.format.fill.color = color));
    }
  }
  for (const { t, rec } of noteWrites) {
    const content = noteText(t.severity, t.messages, rec.note);
    const current = notes.get(markKey(t.sheet, t.cell));
    const ws = ctx.workbook.worksheets.getItem(rec.sheet);
    if (current && !current.isNullObject) current.content = content;
    else ws.notes.add(t.cell, content);
  }
  queueWriteBook(ctx, bookExists, records);
  await ctx.sync();
  return { marked: records.length };
}

export async function clearMarks(ctx: Excel.RequestContext): Promise<{ restored: number }> {
  const names = byLowerName(await loadSheetNames(ctx));
  const bookExists = names.has(MARK_SHEET.toLowerCase());
  if (!bookExists) return { restored: 0 };
  const book = queueReadBook(ctx, names);
  await ctx.sync();
  const records = bookRecords(book);
  queueRestore(ctx, records, names, notesSupported());
  queueWriteBook(ctx, true, []);
  await ctx.sync();
  return { restored: records.filter((r) => names.has(r.sheet.toLowerCase())).length };
}

export async function hasMarks(ctx: Excel.RequestContext): Promise<boolean> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(MARK_SHEET);
  ws.load("name");
  await ctx.sync();
  if (ws.isNullObject) return false;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await ctx.sync();
  return bookRecords(used).length > 0;
}
