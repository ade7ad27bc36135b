/**
 * Write a table to its own sheet (reports, reconciliation) in two context.sync() calls.
 * Text is written as text: cells get the number format "@" before their values, so
 * "=SUM(A1)", "+47 123" or "-5" written as text never turn into formulas or numbers.
 *
 * Never loses what the user wrote (src/core/owned-sheets.ts): a sheet of the wanted name is
 * replaced only when we created it and its values are unchanged since (its fingerprint is in
 * the very hidden RST_Eierskap sheet, shared with the `rst` CLI). Otherwise the table goes
 * beside it («Årlig melding 2025 (2)»), or — with ifTaken "ask" — nothing is written and the
 * result says what would happen, for the pane to ask first.
 *
 *   sync 1  sheet names, the ownership bookkeeping, the values of the wanted sheet and of its
 *           «(2)» … «(9)» (only those that exist cost anything)
 *   sync 2  delete our unchanged sheet (replace), add the new one, write, record it as ours
 */
import { columnLetters } from "../core/grid";
import {
  OWNED_SHEET,
  ownedSheetsValues,
  parseOwnedSheets,
  placeSheet,
  placementNote,
  recordOwned,
  type SheetValues,
} from "../core/owned-sheets";
import { parseRef } from "./a1";

export interface SheetTable {
  title?: string;
  headers: string[];
  rows: (string | number | null)[][];
  numberColumns?: number[];
}

/** Above this many characters a column gets a fixed width and wrapped text. */
const WRAP_AT = 60;
const WRAP_WIDTH_POINTS = 320;
const NUMBER = "#,##0"; // shown with the user's thousands separator: "8 400 000" in Norwegian Excel
const NUMBER_DECIMALS = "#,##0.00";
const TEXT = "@";

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || "Rapport";
}

function cellFormat(v: string | number | null, isNumberColumn: boolean): string {
  if (typeof v === "number")
    return isNumberColumn ? (Number.isInteger(v) ? NUMBER : NUMBER_DECIMALS) : "General";
  return TEXT;
}

export interface WriteSheetOptions {
  /** When the name is taken by a sheet that is not ours (or changed): write beside it (default) or ask first. */
  ifTaken?: "beside" | "ask";
}

export interface WriteSheetResult {
  /** The sheet written (or, for "needs-confirmation", the one that would be). */
  sheet: string;
  /** create: new name; replace: our own unchanged sheet; beside: next to a sheet we kept; needs-confirmation: nothing written. */
  action: "create" | "replace" | "beside" | "needs-confirmation";
  /** Norwegian sentence for the pane when a sheet was kept (beside / needs-confirmation), else null. */
  note: string | null;
  /** beside / needs-confirmation: the sheet kept, and why it may not be replaced. */
  kept?: { sheet: string; reason: "not-ours" | "changed" };
}

/** Besides the wanted name, how many «(n)» names are looked at in the first request. */
const BESIDE_LOOKAHEAD = 8;

/** Table headers as Excel will keep them: non-empty and unique (Excel names empty or repeated table headers itself). */
function tableHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    let name = h.trim() === "" ? `Kolonne ${i + 1}` : h;
    for (let n = 2; seen.has(name.toLowerCase()); n++)
      name = `${h.trim() === "" ? `Kolonne ${i + 1}` : h} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function freeTempName(names: readonly string[]): string {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = `RST_ny_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function candidates(name: string): string[] {
  const out = [name];
  for (let i = 2; i < 2 + BESIDE_LOOKAHEAD; i++) {
    const suffix = ` (${i})`;
    out.push(name.slice(0, 31 - suffix.length).trimEnd() + suffix);
  }
  return out;
}

export async function writeTableSheet(
  ctx: Excel.RequestContext,
  sheetName: string,
  table: SheetTable,
  opts: WriteSheetOptions = {},
): Promise<WriteSheetResult> {
  const wanted = safeSheetName(sheetName);
  const width = Math.max(1, table.headers.length, ...table.rows.map((r) => r.length));
  const last = columnLetters(width - 1);
  const numberCols = new Set(table.numberColumns ?? []);
  const headerRow = table.title ? 2 : 1;
  const lastRow = headerRow + table.rows.length;
  const headers = tableHeaders(Array.from({ length: width }, (_, c) => table.headers[c] ?? ""));
  const body = table.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));

  // Sync 1: what is there.
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  const book = sheets.getItemOrNullObject(OWNED_SHEET);
  const bookUsed = book.getUsedRangeOrNullObject(true);
  bookUsed.load("values");
  const looked = candidates(wanted).map((name) => {
    const used = sheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    used.load("address,values");
    return { name, used };
  });
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);
  const entries = bookUsed.isNullObject ? [] : parseOwnedSheets(bookUsed.values as SheetValues);
  const existing = names.map((name) => {
    const seen = looked.find((l) => l.name.toLowerCase() === name.toLowerCase());
    return {
      name,
      values: (): SheetValues => {
        // Not looked at (a «(10)»): its values are unknown, so it does not count as ours.
        if (!seen) return [["\u0000ukjent"]];
        return seen.used.isNullObject ? [] : (seen.used.values as SheetValues);
      },
      get origin() {
        const a = seen && !seen.used.isNullObject ? parseRef(seen.used.address) : null;
        return a ? { row: a.top, col: a.left } : undefined;
      },
    };
  });
  const placement = placeSheet(wanted, existing, entries);
  const note = placementNote(placement);
  const kept =
    placement.action === "beside" ? { kept: { sheet: placement.kept, reason: placement.reason } } : {};
  if (placement.action === "beside" && opts.ifTaken === "ask")
    return { sheet: placement.sheet, action: "needs-confirmation", note, ...kept };

  // Sync 2: replace only our own unchanged sheet; write; record the new sheet as ours.
  const name = placement.sheet;
  const replace = placement.action === "replace" || (placement.action === "beside" && placement.replace);
  // Replacing: the new sheet first under a free temporary name, then the old one goes and the
  // new one takes its name (Excel refuses to delete a workbook's last visible sheet).
  const temp = replace ? freeTempName(names) : name;
  const ws = sheets.add(temp);
  if (replace) {
    sheets.getItem(name).delete();
    ws.name = name;
  }

  const written: (string | number | null)[][] = [];
  if (table.title) {
    const title = ws.getRange("A1");
    title.numberFormat = [[TEXT]];
    title.values = [[table.title]];
    title.format.font.bold = true;
    title.format.font.size = 14;
    written.push([table.title]);
  }
  const block = ws.getRange(`A${headerRow}:${last}${lastRow}`);
  // Formats first: they decide how the values that follow are taken.
  block.numberFormat = [
    headers.map(() => TEXT),
    ...body.map((r) => r.map((v, c) => cellFormat(v, numberCols.has(c)))),
  ];
  const values = [headers, ...body.map((r) => r.map((v) => (v === null ? "" : v)))];
  block.values = values;
  written.push(...values);

  const head = ws.getRange(`A${headerRow}:${last}${headerRow}`);
  head.format.font.bold = true;
  head.format.fill.color = "#DDEBF7";
  if (body.length > 0) {
    const t = ws.tables.add(`A${headerRow}:${last}${lastRow}`, true);
    t.style = "TableStyleMedium2";
  }

  block.format.autofitColumns();
  for (let c = 0; c < width; c++) {
    const longest = Math.max(
      String(headers[c]).length,
      ...body.map((r) => (r[c] === null ? 0 : String(r[c]).length)),
    );
    if (longest <= WRAP_AT) continue;
    const col = ws.getRange(`${columnLetters(c)}${headerRow}:${columnLetters(c)}${lastRow}`);
    col.format.columnWidth = WRAP_WIDTH_POINTS;
    col.format.wrapText = true;
  }
  block.format.autofitRows();
  ws.activate();

  // The ownership bookkeeping: the fingerprint of exactly the values written, from A1.
  const rows = ownedSheetsValues(recordOwned(entries, name, written));
  let bookSheet: Excel.Worksheet;
  if (book.isNullObject) {
    bookSheet = sheets.add(OWNED_SHEET);
    bookSheet.visibility = "VeryHidden";
  } else {
    bookSheet = sheets.getItem(OWNED_SHEET);
    bookSheet.getRange().clear("Contents");
  }
  const range = bookSheet.getRange(`A1:A${rows.length}`);
  range.numberFormat = rows.map(() => [TEXT]);
  range.values = rows;
  await ctx.sync();
  return { sheet: name, action: placement.action, note, ...kept };
}
