/**
 * The årlig melding as a sheet "Årlig melding YYYY" in a copy of the workbook (exceljs):
 * a title, then an Excel table (header bold, banded style, filter buttons), column widths,
 * wrapped text, sums as numbers with a thousands format. An existing sheet of that name is
 * replaced; nothing else in the workbook changes. The input file is never written.
 *
 * Text stays text: exceljs writes a string value as a string cell (shared string), never as a
 * formula (a formula is only written for a { formula } value), so "=1+1" or "+47 …" from the
 * register cannot turn into a formula. tests/report/report-sheet.test.ts checks the saved XML.
 */
import type ExcelJS from "exceljs";
import { assertNotSamePath, writeFileAtomic } from "../io/atomic";
import { loadExcelWorkbook } from "./read";

export interface ReportSheetTable {
  title?: string;
  headers: string[];
  rows: (string | number | null)[][];
  numberColumns?: number[];
}

const AMOUNT_FORMAT = "#,##0";
/** Widths (characters) by header; others get DEFAULT_WIDTH. */
const WIDTHS: Record<string, number> = {
  Nr: 7,
  "Navn på tiltak": 42,
  Beskrivelse: 40,
  Sum: 14,
  "Avtale mellom": 36,
  "Status for prosjektet": 26,
  "Planlagt varighet for tilskuddsmidler": 36,
  "Foreløpige resultater": 42,
  "Mulighet for spredning": 42,
};
const DEFAULT_WIDTH = 24;
const TITLE_ROW = 1;
const TABLE_ROW = 3;

/** Excel table names: letters, digits, underscores; start with a letter; unique in the workbook. */
function tableName(wb: ExcelJS.Workbook, sheetName: string): string {
  const base = sheetName
    .replace(/Å/g, "A")
    .replace(/å/g, "a")
    .replace(/Ø/g, "O")
    .replace(/ø/g, "o")
    .replace(/Æ/g, "Ae")
    .replace(/æ/g, "ae")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^([^A-Za-z])/, "T_$1");
  const taken = new Set<string>();
  for (const ws of wb.worksheets) {
    for (const t of Object.values(
      (ws as unknown as { tables?: Record<string, { name?: string }> }).tables ?? {},
    )) {
      if (t?.name) taken.add(t.name.toLowerCase());
    }
  }
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

/** Add (or replace) the report sheet in an exceljs workbook in memory. */
export function writeReportSheet(
  wb: ExcelJS.Workbook,
  sheetName: string,
  table: ReportSheetTable,
): ExcelJS.Worksheet {
  const old = wb.getWorksheet(sheetName);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: TABLE_ROW }] });
  const numberCols = new Set(table.numberColumns ?? []);

  if (table.title) {
    const t = ws.getCell(TITLE_ROW, 1);
    t.value = table.title;
    t.font = { bold: true, size: 14 };
  }
  const name = tableName(wb, sheetName);
  ws.addTable({
    name,
    displayName: name,
    ref: `A${TABLE_ROW}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: table.headers.map((h) => ({ name: h, filterButton: true })),
    // Text cells as strings, numbers as numbers; empty cells as empty strings in text columns.
    rows: table.rows.map((r) => r.map((v, c) => (v === null ? (numberCols.has(c) ? null : "") : v))),
  });

  table.headers.forEach((h, c) => {
    const col = ws.getColumn(c + 1);
    col.width = WIDTHS[h] ?? DEFAULT_WIDTH;
    const header = ws.getCell(TABLE_ROW, c + 1);
    header.font = { bold: true, color: { argb: "FFFFFFFF" } };
    header.alignment = { vertical: "middle", wrapText: true };
    for (let r = 0; r < table.rows.length; r++) {
      const cell = ws.getCell(TABLE_ROW + 1 + r, c + 1);
      cell.alignment = numberCols.has(c)
        ? { vertical: "top", horizontal: "right" }
        : { vertical: "top", wrapText: true };
      if (numberCols.has(c)) cell.numFmt = AMOUNT_FORMAT;
    }
  });
  // The last row is the total: bold.
  if (table.rows.length > 0) {
    const last = ws.getRow(TABLE_ROW + table.rows.length);
    last.eachCell((cell) => {
      cell.font = { bold: true };
    });
  }
  return ws;
}

/** Copy `inPath` to `outPath` with the report sheet added or replaced (atomic write; input untouched). */
export async function reportSheetCopy(
  inPath: string,
  outPath: string,
  sheetName: string,
  table: ReportSheetTable,
): Promise<void> {
  assertNotSamePath(inPath, outPath, "--out");
  const wb = await loadExcelWorkbook(inPath);
  const ws = writeReportSheet(wb, sheetName, table);
  // Open the copy on the new sheet.
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, wb.worksheets.indexOf(ws)),
      visibility: "visible",
    },
  ];
  const data = await wb.xlsx.writeBuffer();
  writeFileAtomic(outPath, data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer));
}
