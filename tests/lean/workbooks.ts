/**
 * Workbooks for the lean reader's tests: one of every cell kind written by exceljs, and a
 * generated plan. Also the source of the LibreOffice fixtures (tests/lean/fixtures/, see
 * tests/lean/make-fixtures.ts).
 */
import ExcelJS from "exceljs";

/** Every kind of cell content the readers must agree on, written by exceljs. */
export function kindsWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Celler & typer");
  ws.getCell("A1").value = 410000;
  ws.getCell("B1").value = 1194000;
  ws.getCell("B1").numFmt = "#,##0";
  ws.getCell("C1").value = new Date(Date.UTC(2026, 2, 31));
  ws.getCell("C1").numFmt = "dd.mm.yyyy";
  ws.getCell("D1").value = true;
  ws.getCell("E1").value = false;
  ws.getCell("F1").value = {
    richText: [{ text: "Fra SiV: " }, { text: "200 000 kr", font: { bold: true } }],
  };
  ws.getCell("G1").value = { text: "Helse Sør-Øst", hyperlink: "https://www.helse-sorost.no" };
  ws.getCell("A2").value = { formula: "A1*2", result: 820000 } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("C2").value = 1.5;
  ws.getCell("D2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("E2").value = "";
  ws.getCell("F2").value = { formula: 'IF(A1>0,"ja","nei")', result: "ja" } as ExcelJS.CellFormulaValue;
  ws.getCell("G2").value = { formula: "A1>0", result: true } as ExcelJS.CellFormulaValue;
  ws.getCell("A3").value = {
    formula: "A1+1",
    result: 410001,
    shareType: "shared",
    ref: "A3:A5",
  } as ExcelJS.CellFormulaValue;
  ws.getCell("A4").value = { sharedFormula: "A3", result: 410002 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("A5").value = { sharedFormula: "A3", result: 410003 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("B3").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue; // never calculated
  ws.getCell("C3").value = { formula: "C1+1", result: 46113 } as ExcelJS.CellFormulaValue;
  ws.getCell("C3").numFmt = "dd.mm.yyyy";
  ws.getCell("D3").value = 0.25;
  ws.getCell("D3").numFmt = "0%";
  ws.getCell("E3").value = -3142.105;
  ws.getCell("E3").numFmt = "#,##0.00";
  ws.getCell("F3").value = "  innrykk og\nlinjeskift  ";
  ws.getCell("G3").value = "Tegn: & < > \" ' og _x000D_";
  ws.getCell("B4").value = new Date(Date.UTC(2026, 5, 1, 14, 30));
  ws.getCell("B4").numFmt = "dd.mm.yyyy hh:mm";
  ws.getCell("C4").value = 1 / 3;
  ws.getCell("D4").value = 2026;
  ws.getCell("D4").numFmt = "@";
  ws.getCell("E5").value = "Sammenslått";
  ws.mergeCells("E5:G6");
  ws.getCell("B7").value = "Tiltak over tre rader";
  ws.mergeCells("B7:B9");
  ws.mergeCells("D8:E8"); // a merge with an empty master
  const hidden = wb.addWorksheet("Skjult", { state: "hidden" });
  hidden.getCell("A1").value = 2;
  hidden.getCell("C3").value = "hjørne";
  wb.addWorksheet("Tomt ark");
  return wb;
}
