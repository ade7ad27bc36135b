import { describe, expect, it } from "vitest";
import { safeSheetName, writeTableSheet } from "../../src/excel/write";
import { selectCell } from "../../src/excel/navigate";
import { createFakeExcel } from "../../src/excel/fake";
import { planWorkbook, PLAN_SHEET } from "./helpers";

const table = {
  title: "Årlig melding 2025 – Helsefellesskap Vestfold",
  headers: ["Navn på tiltak", "Sum", "Merknad"],
  rows: [
    ["Vitality: Eldrehelsekoordinatorer 12 x 50% stillinger", 8400000, "=SUM(A1)"],
    ["Prosjektlederstilling over 2 år behandlingsavklaringer", 1500000.5, "+47 123"],
    ["Negativ", -3500000, "-5"],
    ["Uten sum", null, "x".repeat(80)],
  ] as (string | number | null)[][],
  numberColumns: [1],
};

describe("writeTableSheet", () => {
  it("writes text as text — '=SUM(A1)', '+47 123', '-5' never become formulas or numbers — in one sync", async () => {
    const fake = createFakeExcel(planWorkbook());
    const { sheet } = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(sheet).toBe("Årlig melding 2025");
    expect(fake.runSyncs).toEqual([1]);
    expect(fake.getValue(sheet, "C3")).toBe("=SUM(A1)");
    expect(fake.getFormula(sheet, "C3")).toBeUndefined();
    expect(fake.getValue(sheet, "C4")).toBe("+47 123");
    expect(fake.getValue(sheet, "C5")).toBe("-5");
    expect(fake.getNumberFormat(sheet, "C3")).toBe("@");
  });

  it("writes numbers as numbers with a thousands format, a bold title and header, and an Excel table", async () => {
    const fake = createFakeExcel(planWorkbook());
    const { sheet } = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(fake.getValue(sheet, "A1")).toBe(table.title);
    expect(fake.getBold(sheet, "A1")).toBe(true);
    expect(fake.getValue(sheet, "A2")).toBe("Navn på tiltak");
    expect(fake.getBold(sheet, "B2")).toBe(true);
    expect(fake.getValue(sheet, "B3")).toBe(8400000);
    expect(fake.getNumberFormat(sheet, "B3")).toBe("#,##0");
    expect(fake.getText(sheet, "B3")).toBe("8 400 000");
    expect(fake.getValue(sheet, "B4")).toBe(1500000.5);
    expect(fake.getNumberFormat(sheet, "B4")).toBe("#,##0.00");
    expect(fake.getText(sheet, "B5")).toBe("-3 500 000");
    expect(fake.getValue(sheet, "B6")).toBeNull();
    expect(fake.getTables(sheet)).toEqual([
      { name: expect.any(String), address: "A2:C6", style: "TableStyleMedium2" },
    ]);
    expect(fake.getActiveSheet()).toBe(sheet);
    // The user's plan is untouched.
    expect(fake.getValue(PLAN_SHEET, "A4")).toBe("1.1.1");
  });

  it("replaces an existing sheet of the same name", async () => {
    const fake = createFakeExcel(planWorkbook());
    await fake.Excel.run((ctx) =>
      writeTableSheet(ctx, "Avstemming", {
        headers: ["A", "B"],
        rows: [
          ["gammel", 1],
          ["rad", 2],
        ],
      }),
    );
    await fake.Excel.run((ctx) =>
      writeTableSheet(ctx, "Avstemming", { headers: ["Tiltak"], rows: [["ny"]] }),
    );
    expect(fake.sheetNames().filter((n) => n === "Avstemming")).toHaveLength(1);
    expect(fake.getValue("Avstemming", "A2")).toBe("ny");
    expect(fake.getValue("Avstemming", "A3")).toBeNull();
    expect(fake.getValue("Avstemming", "B2")).toBeNull();
  });

  it("makes sheet names Excel accepts", () => {
    expect(safeSheetName("Melding 2025/2026: [utkast]")).toBe("Melding 2025-2026- -utkast-");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
    expect(safeSheetName("  ")).toBe("Rapport");
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const fake = createFakeExcel(planWorkbook(10, [{ name: "RST", cells: [["År"]] }]));
    await fake.Excel.run((ctx) => selectCell(ctx, PLAN_SHEET, "E12"));
    expect(fake.getSelection()).toEqual({ sheet: PLAN_SHEET, address: "E12" });
    expect(fake.getActiveSheet()).toBe(PLAN_SHEET);
    await fake.Excel.run((ctx) => selectCell(ctx, "RST", "B2"));
    expect(fake.getSelection()).toEqual({ sheet: "RST", address: "B2" });
    expect(fake.runSyncs).toEqual([1, 1]);
  });
});
