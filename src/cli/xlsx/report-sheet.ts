/**
 * The årlig melding as a sheet "Årlig melding YYYY" in a copy of the workbook (exceljs):
 * a title, then an Excel table (header bold, banded style, filter buttons), column widths,
 * wrapped text, sums as numbers with a thousands format. An existing sheet of that name is
 * replaced only when we wrote it and it is unchanged since (core/owned-sheets.ts, bookkeeping
 * in the very hidden sheet «RST_Eierskap»); any other sheet of that name is kept and the
 * report goes beside it («Årlig melding 2025 (2)»). Nothing else in the workbook changes.
 * The input file is never written.
 *
 * Text stays text: exceljs writes a string value as a string cell (shared string), never as a
 * formula (a formula is only written for a { formula } value), so "=1+1" or "+47 …" from the
 * register cannot turn into a formula. tests/report/report-sheet.test.ts checks the saved XML.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/grid";
import {
  OWNED_SHEET,
  ownedSheetsValues,
  parseOwnedSheets,
  placeSheet,
  recordOwned,
  sameSheetName,
  type Placement,
  type SheetValues,
} from "../../core/owned-sheets";
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

/** One exceljs cell value as the neutral value the fingerprint uses. */
function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return `d${v.toISOString()}`;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as { result?: unknown }).result;
      return r === undefined
        ? `=${(v as { formula?: string }).formula ?? ""}`
        : plainValue(r as ExcelJS.CellValue);
    }
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/** A worksheet's values anchored at A1 (for the fingerprint). */
export function worksheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = plainValue(cell.value);
    });
    rows[r - 1] = out;
  });
  return Array.from(rows, (r) => (r ? Array.from(r, (v) => v ?? null) : []));
}

function bookkeeping(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => sameSheetName(w.name, OWNED_SHEET));
}

/** Where the report sheet goes in this workbook (over our own unchanged sheet, else beside). */
export function reportPlacement(wb: ExcelJS.Workbook, sheetName: string): Placement {
  const book = bookkeeping(wb);
  const entries = book ? parseOwnedSheets(worksheetValues(book) as SheetValues) : [];
  return placeSheet(
    sheetName,
    wb.worksheets.filter((w) => w !== book).map((w) => ({ name: w.name, values: () => worksheetValues(w) })),
    entries,
  );
}

/** Record `ws` as ours (and unchanged) in the very hidden bookkeeping sheet. */
export function recordOwnedSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): void {
  let book = bookkeeping(wb);
  const entries = book ? parseOwnedSheets(worksheetValues(book) as SheetValues) : [];
  const next = recordOwned(
    entries.filter((e) => wb.worksheets.some((w) => sameSheetName(w.name, e.sheet))),
    ws.name,
    worksheetValues(ws),
  );
  if (book) wb.removeWorksheet(book.id);
  book = wb.addWorksheet(OWNED_SHEET, { state: "veryHidden" });
  ownedSheetsValues(next).forEach((row, r) => {
    const cell = book.getCell(r + 1, 1);
    cell.numFmt = "@";
    cell.value = row[0];
  });
}

/**
 * Add the report sheet to an exceljs workbook in memory: over our own unchanged sheet of that
 * name, else beside it. Returns the sheet and where it went.
 */
export function writeReportSheet(
  wb: ExcelJS.Workbook,
  sheetName: string,
  table: ReportSheetTable,
): { ws: ExcelJS.Worksheet; placement: Placement } {
  const placement = reportPlacement(wb, sheetName);
  if (placement.action === "replace" || (placement.action === "beside" && placement.replace)) {
    const old = wb.getWorksheet(placement.sheet);
    if (old) wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(placement.sheet, { views: [{ state: "frozen", ySplit: TABLE_ROW }] });
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
  recordOwnedSheet(wb, ws);
  return { ws, placement };
}

/**
 * Copy `inPath` to `outPath` with the report sheet added (atomic write; input untouched).
 * Returns where the sheet went, so the caller can say when it was written beside a sheet.
 */
export async function reportSheetCopy(
  inPath: string,
  outPath: string,
  sheetName: string,
  table: ReportSheetTable,
): Promise<Placement> {
  assertNotSamePath(inPath, outPath, "--out");
  const wb = await loadExcelWorkbook(inPath);
  const { ws, placement } = writeReportSheet(wb, sheetName, table);
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
  return placement;
}
