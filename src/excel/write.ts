/**
 * Write a table to its own sheet (reports, reconciliation) in one context.sync().
 * Text is written as text: cells get the number format "@" before their values, so
 * "=SUM(A1)", "+47 123" or "-5" written as text never turn into formulas or numbers.
 */
import { columnLetters } from "../core/grid";

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

export async function writeTableSheet(
  ctx: Excel.RequestContext,
  sheetName: string,
  table: SheetTable,
): Promise<{ sheet: string }> {
  const name = safeSheetName(sheetName);
  const width = Math.max(1, table.headers.length, ...table.rows.map((r) => r.length));
  const last = columnLetters(width - 1);
  const numberCols = new Set(table.numberColumns ?? []);
  const headerRow = table.title ? 2 : 1;
  const lastRow = headerRow + table.rows.length;

  const sheets = ctx.workbook.worksheets;
  // Replace: delete the old sheet if there is one (a null object ignores delete), then add.
  sheets.getItemOrNullObject(name).delete();
  const ws = sheets.add(name);

  if (table.title) {
    const title = ws.getRange("A1");
    title.numberFormat = [[TEXT]];
    title.values = [[table.title]];
    title.format.font.bold = true;
    title.format.font.size = 14;
  }

  const headers = Array.from({ length: width }, (_, c) => table.headers[c] ?? "");
  const body = table.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const block = ws.getRange(`A${headerRow}:${last}${lastRow}`);
  // Formats first: they decide how the values that follow are taken.
  block.numberFormat = [
    headers.map(() => TEXT),
    ...body.map((r) => r.map((v, c) => cellFormat(v, numberCols.has(c)))),
  ];
  block.values = [headers, ...body.map((r) => r.map((v) => (v === null ? "" : v)))];

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
  await ctx.sync();
  return { sheet: name };
}
