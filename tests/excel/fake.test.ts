import { describe, expect, it } from "vitest";
import { createFakeExcel } from "../../src/excel/fake";

const data = () => ({
  sheets: [
    {
      name: "Ark1",
      cells: [
        ["Nr", "Frist"],
        ["1.1.1", "1.kvartal 2026"],
      ],
    },
    { name: "Skjult", cells: [["x"]], visibility: "VeryHidden" as const },
  ],
});

describe("fake Excel host is strict like Office", () => {
  it("throws PropertyNotLoaded for a property that was never loaded", async () => {
    const fake = createFakeExcel(data());
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Ark1").getRange("A1:B2");
      await ctx.sync();
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
    });
  });

  it("throws when a loaded property is read before the sync that delivers it", async () => {
    const fake = createFakeExcel(data());
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Ark1").getRange("A1:B2");
      r.load("values");
      expect(() => r.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(r.values).toEqual([
        ["Nr", "Frist"],
        ["1.1.1", "1.kvartal 2026"],
      ]);
      // Only what was loaded: text was not.
      expect(() => r.text).toThrow(/PropertyNotLoaded/);
    });
  });

  it("applies writes only at sync and counts syncs per run and in total", async () => {
    const fake = createFakeExcel(data());
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ark1").getRange("C1").values = [["ny"]];
      expect(fake.getValue("Ark1", "C1")).toBeNull();
      await ctx.sync();
      expect(fake.getValue("Ark1", "C1")).toBe("ny");
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.runSyncs).toEqual([2]);
  });

  it("rejects write arrays of the wrong size with InvalidArgument", async () => {
    const fake = createFakeExcel(data());
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ark1").getRange("A1:B2").values = [["a", "b"]];
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
  });

  it("turns '=…' into a formula unless the cell is formatted as text", async () => {
    const fake = createFakeExcel(data());
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Ark1");
      ws.getRange("D1:D3").values = [["=SUM(A1)"], ["-5"], ["+47 123"]];
      const t = ws.getRange("E1:E3");
      t.numberFormat = [["@"], ["@"], ["@"]];
      t.values = [["=SUM(A1)"], ["-5"], ["+47 123"]];
      await ctx.sync();
    });
    expect(fake.getFormula("Ark1", "D1")).toBe("=SUM(A1)");
    expect(fake.getValue("Ark1", "D2")).toBe(-5);
    expect(fake.getFormula("Ark1", "D3")).toBe("=+47 123");
    expect(fake.getValue("Ark1", "E1")).toBe("=SUM(A1)");
    expect(fake.getFormula("Ark1", "E1")).toBeUndefined();
    expect(fake.getValue("Ark1", "E2")).toBe("-5");
    expect(fake.getValue("Ark1", "E3")).toBe("+47 123");
  });

  it("resolves …OrNullObject and ignores methods on null objects", async () => {
    const fake = createFakeExcel(data());
    await fake.Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Finnes ikke");
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      missing.delete(); // no-op, as Office does for delete-if-exists
      missing.load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => missing.name).toThrow();
    });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Finnes ikke").load("name");
        await ctx.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
  });

  it("refuses to delete a very hidden sheet and addresses longer than the Office limit", async () => {
    const fake = createFakeExcel(data());
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Skjult").delete();
        await ctx.sync();
      }),
    ).rejects.toThrow(/GeneralException/);
    const long = Array.from({ length: 1500 }, (_, i) => `A${2 * i + 1}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ark1").getRanges(long).format.fill.color = "#FFC7CE";
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
  });

  it("closes the context when Excel.run ends", async () => {
    const fake = createFakeExcel(data());
    let kept: Excel.RequestContext | undefined;
    await fake.Excel.run(async (ctx) => {
      kept = ctx;
    });
    expect(() => kept!.workbook.worksheets.getItem("Ark1").getRange("A1").load("values")).toThrow(
      /InvalidObjectPath/,
    );
  });

  it("has notes only from ExcelApi 1.18", async () => {
    const old = createFakeExcel(data(), { apiMinor: 17 });
    expect(old.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(old.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    await expect(
      old.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ark1").notes.add("A1", "x");
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
  });
});
