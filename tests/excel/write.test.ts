import { describe, expect, it } from "vitest";
import { safeSheetName, writeTableSheet } from "../../src/excel/write";
import { selectCell } from "../../src/excel/navigate";
import { createFakeExcel } from "../../src/excel/fake";
import { planWorkbook, PLAN_SHEET } from "./helpers";
import { OWNED_SHEET, ownedSheetsValues, recordOwned } from "../../src/core/owned-sheets";

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
  it("writes text as text — '=SUM(A1)', '+47 123', '-5' never become formulas or numbers — in two syncs", async () => {
    const fake = createFakeExcel(planWorkbook());
    const { sheet } = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(sheet).toBe("Årlig melding 2025");
    expect(fake.runSyncs).toEqual([2]);
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

  it("two syncs; the sheet is recorded as ours, so writing again replaces it", async () => {
    const fake = createFakeExcel(planWorkbook());
    const first = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(first).toEqual({ sheet: "Årlig melding 2025", action: "create", note: null });
    const again = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(again).toEqual({ sheet: "Årlig melding 2025", action: "replace", note: null });
    expect(fake.runSyncs).toEqual([2, 2]);
    expect(fake.sheetNames().filter((n) => n.startsWith("Årlig melding"))).toEqual(["Årlig melding 2025"]);
    expect(fake.getVisibility(OWNED_SHEET)).toBe("VeryHidden");
  });

  it("a user's register named like the report is kept, every row of it; the report goes beside", async () => {
    const register = {
      name: "Årlig melding 2025",
      cells: [
        ["Nr", "Navn på tiltak", "Sum", "År"],
        ["1", "Eldrehelsekoordinatorer", 8400000, 2025],
        ["2", "Legevakt 2024", 2000000, 2024],
        ["3", "Kompetanseløft 2026", 1000000, 2026],
      ],
    };
    const fake = createFakeExcel(planWorkbook(10, [register]));
    const r = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(r.sheet).toBe("Årlig melding 2025 (2)");
    expect(r.action).toBe("beside");
    expect(r.note).toContain("«Årlig melding 2025» er ikke laget av RST-verktøy");
    // The register is untouched: its rows for other years too.
    expect(fake.getValue("Årlig melding 2025", "B3")).toBe("Legevakt 2024");
    expect(fake.getValue("Årlig melding 2025", "D4")).toBe(2026);
    expect(fake.getValue("Årlig melding 2025 (2)", "A1")).toBe(table.title);
    // Again: our own «(2)», unchanged, is replaced; the register still stays.
    const again = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(again.sheet).toBe("Årlig melding 2025 (2)");
    expect(fake.sheetNames().filter((n) => n.startsWith("Årlig melding"))).toHaveLength(2);
    expect(fake.getValue("Årlig melding 2025", "B2")).toBe("Eldrehelsekoordinatorer");
  });

  it("typing into a generated sheet keeps the typing: beside, or with ifTaken 'ask' nothing written and a question", async () => {
    const fake = createFakeExcel(planWorkbook());
    await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    await fake.editCell("Årlig melding 2025", "C6", "Må sjekkes med Anne");
    const ask = await fake.Excel.run((ctx) =>
      writeTableSheet(ctx, "Årlig melding 2025", table, { ifTaken: "ask" }),
    );
    expect(ask.action).toBe("needs-confirmation");
    expect(ask.sheet).toBe("Årlig melding 2025 (2)");
    expect(ask.note).toContain("er endret siden det ble laget");
    expect(ask.kept).toEqual({ sheet: "Årlig melding 2025", reason: "changed" });
    expect(fake.sheetNames()).not.toContain("Årlig melding 2025 (2)");
    expect(fake.runSyncs[1]).toBe(1);
    const beside = await fake.Excel.run((ctx) => writeTableSheet(ctx, "Årlig melding 2025", table));
    expect(beside.action).toBe("beside");
    expect(fake.getValue("Årlig melding 2025", "C6")).toBe("Må sjekkes med Anne");
  });

  it("a sheet the CLI wrote and recorded (same bookkeeping) is replaced by the add-in", async () => {
    const values = [["Tiltak"], ["fra rst"]];
    const fake = createFakeExcel({
      sheets: [
        { name: "Avstemming", cells: values },
        {
          name: OWNED_SHEET,
          cells: ownedSheetsValues(recordOwned([], "Avstemming", values)),
          visibility: "VeryHidden",
        },
      ],
    });
    const r = await fake.Excel.run((ctx) =>
      writeTableSheet(ctx, "Avstemming", { headers: ["Tiltak"], rows: [["ny"]] }),
    );
    expect(r.action).toBe("replace");
    expect(fake.getValue("Avstemming", "A2")).toBe("ny");
  });

  it("makes sheet names Excel accepts", () => {
    expect(safeSheetName("Melding 2025/2026: [utkast]")).toBe("Melding 2025-2026- -utkast-");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
    expect(safeSheetName("  ")).toBe("Rapport");
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in two syncs", async () => {
    const fake = createFakeExcel(planWorkbook(10, [{ name: "RST", cells: [["År"]] }]));
    await fake.Excel.run((ctx) => selectCell(ctx, PLAN_SHEET, "E12"));
    expect(fake.getSelection()).toEqual({ sheet: PLAN_SHEET, address: "E12" });
    expect(fake.getActiveSheet()).toBe(PLAN_SHEET);
    await fake.Excel.run((ctx) => selectCell(ctx, "RST", "B2"));
    expect(fake.getSelection()).toEqual({ sheet: "RST", address: "B2" });
    expect(fake.runSyncs).toEqual([1, 1]);
  });
});
