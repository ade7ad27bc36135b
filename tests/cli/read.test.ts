import ExcelJS from "exceljs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cellAt, colCount, effectiveCell } from "../../src/core/grid";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { formatNumber } from "../../src/cli/xlsx/number-format";
import { EXAMPLE, tempDir, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

async function roundTrip(build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(tempDir(), "t.xlsx");
  await wb.xlsx.writeFile(file);
  return readWorkbookFile(file);
}

describe("readWorkbookFile: grid conventions", () => {
  it("reads values, texts and formulas like the Office adapter", async () => {
    const grid = (
      await roundTrip((wb) => {
        const ws = wb.addWorksheet("Ark1");
        ws.getCell("A1").value = 410000;
        ws.getCell("B1").value = 1194000;
        ws.getCell("B1").numFmt = "#,##0";
        ws.getCell("C1").value = new Date(Date.UTC(2026, 2, 31));
        ws.getCell("C1").numFmt = "dd.mm.yyyy";
        ws.getCell("D1").value = true;
        ws.getCell("E1").value = {
          richText: [{ text: "Fra SiV: " }, { text: "200 000 kr", font: { bold: true } }],
        };
        ws.getCell("F1").value = { text: "Helse Sør-Øst", hyperlink: "https://www.helse-sorost.no" };
        ws.getCell("A2").value = { formula: "A1*2", result: 820000 } as ExcelJS.CellFormulaValue;
        ws.getCell("B2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
        ws.getCell("C2").value = 1.5;
        ws.getCell("D2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
        ws.getCell("E2").value = "";
        ws.getCell("A3").value = {
          formula: "A1+1",
          result: 410001,
          shareType: "shared",
          ref: "A3:A4",
        } as ExcelJS.CellFormulaValue;
        ws.getCell("A4").value = { sharedFormula: "A3", result: 820001 } as ExcelJS.CellSharedFormulaValue;
        ws.getCell("B3").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue; // never calculated
      })
    ).sheets[0];
    expect(cellAt(grid, 0, 0)).toEqual({ value: 410000, text: "410000" });
    expect(cellAt(grid, 0, 1)).toEqual({ value: 1194000, text: "1 194 000" });
    expect(cellAt(grid, 0, 2)).toEqual({ value: 46112, text: "31.03.2026" });
    expect(cellAt(grid, 0, 3)).toEqual({ value: true, text: "SANN" });
    expect(cellAt(grid, 0, 4)).toEqual({ value: "Fra SiV: 200 000 kr", text: "Fra SiV: 200 000 kr" });
    expect(cellAt(grid, 0, 5)).toEqual({ value: "Helse Sør-Øst", text: "Helse Sør-Øst" });
    expect(cellAt(grid, 1, 0)).toEqual({ value: 820000, text: "820000", formula: "=A1*2" });
    expect(cellAt(grid, 1, 1)).toEqual({ value: "#DIV/0!", text: "#DIV/0!", formula: "=1/0" });
    expect(cellAt(grid, 1, 2)).toEqual({ value: 1.5, text: "1,5" });
    expect(cellAt(grid, 1, 3)).toEqual({ value: "#N/A", text: "#N/A" });
    expect(cellAt(grid, 1, 4)).toEqual({ value: null, text: "" });
    expect(cellAt(grid, 2, 0)).toEqual({ value: 410001, text: "410001", formula: "=A1+1" });
    expect(cellAt(grid, 3, 0)).toEqual({ value: 820001, text: "820001", formula: "=A2+1" });
    expect(cellAt(grid, 2, 1)).toEqual({ value: null, text: "", formula: "=SUM(A1:A2)", uncalculated: true });
    expect(cellAt(grid, 1, 0).uncalculated).toBeUndefined(); // a cached result: calculated
  });

  it("anchors at A1 with dense rows of the used width, empty cells null", async () => {
    const grid = (
      await roundTrip((wb) => {
        const ws = wb.addWorksheet("Ark1");
        ws.getCell("C2").value = "x";
        ws.getCell("E4").value = 5;
      })
    ).sheets[0];
    expect(grid.rows.length).toBe(4);
    expect(grid.rows.every((r) => r.length === 5)).toBe(true);
    expect(cellAt(grid, 0, 0)).toEqual({ value: null, text: "" });
    expect(cellAt(grid, 1, 2).value).toBe("x");
    expect(cellAt(grid, 3, 4).value).toBe(5);
  });

  it("only the master of a merged area carries the value", async () => {
    const grid = (
      await roundTrip((wb) => {
        const ws = wb.addWorksheet("Ark1");
        ws.getCell("B2").value = "UngArena+";
        ws.mergeCells("B2:B5");
        ws.getCell("A5").value = "1.2.3";
      })
    ).sheets[0];
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 4, right: 1 }]);
    expect(cellAt(grid, 1, 1).value).toBe("UngArena+");
    for (const r of [2, 3, 4]) expect(cellAt(grid, r, 1)).toEqual({ value: null, text: "" });
    expect(effectiveCell(grid, 4, 1).value).toBe("UngArena+");
  });

  it("includes hidden sheets, in tab order", async () => {
    const wb = await roundTrip((w) => {
      w.addWorksheet("Synlig").getCell("A1").value = 1;
      const h = w.addWorksheet("Skjult", { state: "hidden" });
      h.getCell("A1").value = 2;
    });
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["Synlig", "Skjult"]);
    expect(cellAt(wb.sheets[1], 0, 0).value).toBe(2);
  });

  it("reads the example workbook: merged plan, ledger, cost formulas", async () => {
    const wb = await readWorkbookFile(EXAMPLE);
    expect(wb.sheets.map((s) => s.sheet)).toEqual([
      "Handlingsplan 2026",
      "RST",
      "Ambulant røntgen",
      "Årlig melding",
    ]);
    const plan = wb.sheets[0];
    expect(colCount(plan)).toBe(7);
    expect(plan.rows.length).toBe(32); // title, note, header, 29 measures
    expect(cellAt(plan, 3, 1).value).toBe("UngArena+");
    expect(plan.merges).toContainEqual({ top: 3, left: 1, bottom: 6, right: 1 }); // UngArena+ over 1.1.1–1.2.3
    expect(plan.merges).toContainEqual({ top: 4, left: 2, bottom: 6, right: 2 }); // 1.2 Planlegge … over 1.2.1–1.2.3
    const cost = wb.sheets[2];
    const formulas = cost.rows.flat().filter((c) => c.formula);
    expect(formulas.some((c) => c.formula!.startsWith("=COST.ANNUAL("))).toBe(true);
  });
});

describe("formatNumber", () => {
  it.each([
    [2026, undefined, "2026"],
    [-3500000, "#,##0", "-3 500 000"],
    [3142.105, "#,##0.00", "3 142,11"],
    [0.5, "0%", "50 %"],
    [1.25, "0.0", "1,3"],
    [1 / 3, "General", "0,3333333333"],
  ])("%s with %s → %s", (v, fmt, text) => {
    expect(formatNumber(v, fmt)).toBe(text);
  });
});
