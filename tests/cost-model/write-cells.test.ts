import { describe, expect, it } from "vitest";
import { costModelTemplate, widthToPoints, type TemplateCell } from "../../src/core/cost-model";
import { createFakeExcel } from "../../src/excel/fake";
import { freeSheetName, sheetNameTaken, writeCells } from "../../src/excel/write-cells";

const t = costModelTemplate();

function host(
  sheets: { name: string; cells: (string | number | null)[][] }[] = [{ name: "Ark1", cells: [["hei"]] }],
) {
  return createFakeExcel({ sheets });
}

describe("writeCells against the strict fake host", () => {
  it("writes the Kostnadsmodell sheet: formulas as formulas, numbers as numbers, text as text", async () => {
    const fake = host();
    const res = await fake.Excel.run((ctx) =>
      writeCells(ctx, t.name, t.cells, { columnWidths: t.columnWidths, merges: t.merges }),
    );
    expect(res).toEqual({ sheet: "Kostnadsmodell", renamed: false, cells: t.cells.length });
    expect(fake.sheetNames()).toEqual(["Ark1", "Kostnadsmodell"]);
    const s = "Kostnadsmodell";
    const r = t.refs.results["2024"];
    expect(fake.getFormula(s, r.annual)).toBe("=COST.ANNUAL(B5,B6:B7,B8:B9,B10:B13)");
    expect(fake.getFormula(s, r.perMission)).toBe(`=COST.PERUNIT(${r.annual},B14)`);
    expect(fake.getValue(s, "B5")).toBe(850_000);
    expect(fake.getText(s, "B5")).toBe("850 000");
    expect(fake.getNumberFormat(s, "B5")).toBe("#,##0");
    expect(fake.getValue(s, "A5")).toBe("Radiograf – lønn inkl. sosiale utgifter");
    expect(fake.getFormula(s, "A5")).toBeUndefined();
    expect(fake.getValue(s, t.refs.selector)).toBe("2024-nivå");
    for (const c of t.cells) {
      if (c.formula) expect(fake.getFormula(s, c.address), c.address).toBe(c.formula);
      else {
        expect(fake.getFormula(s, c.address), c.address).toBeUndefined();
        expect(fake.getValue(s, c.address), c.address).toBe(c.value ?? null);
      }
    }
  });

  it("styles inputs light yellow, outputs bold, headers bold with a fill", async () => {
    const fake = host();
    await fake.Excel.run((ctx) => writeCells(ctx, t.name, t.cells));
    const s = "Kostnadsmodell";
    expect(fake.getFill(s, t.refs.inputs["2024"].missions)).toBe("#FFF2CC");
    expect(fake.getFill(s, `B${t.refs.sharing.municipalityRows[0]}`)).toBe("#FFF2CC"); // empty input field
    expect(fake.getBold(s, t.refs.results["2024"].annual)).toBe(true);
    expect(fake.getBold(s, "A5")).toBe(false);
    expect(fake.getFill(s, t.refs.results["2024"].annual)).toBeNull();
    expect(fake.getBold(s, "B4")).toBe(true);
    expect(fake.getFill(s, "B4")).toBe("#DDEBF7");
  });

  it("sets column widths in points", async () => {
    const fake = host();
    await fake.Excel.run((ctx) => writeCells(ctx, t.name, t.cells, { columnWidths: t.columnWidths }));
    const width = await fake.Excel.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("Kostnadsmodell").getRange("A1").format;
      f.load("columnWidth");
      await ctx.sync();
      return f.columnWidth;
    });
    expect(width).toBe(widthToPoints(46));
  });

  it("keeps text that looks like a formula as text", async () => {
    const fake = host();
    const cells: TemplateCell[] = [
      { address: "A1", value: "=1+1", role: "label" },
      { address: "A2", value: "+47 22 00 00 00", role: "note" },
      { address: "A3", value: "-tekst", role: "label" },
      { address: "B1", formula: "=1+1", role: "output" },
      { address: "B2", value: 42, role: "input" },
    ];
    await fake.Excel.run((ctx) => writeCells(ctx, "Test", cells));
    expect(fake.getFormula("Test", "A1")).toBeUndefined();
    expect(fake.getValue("Test", "A1")).toBe("=1+1");
    expect(fake.getFormula("Test", "A2")).toBeUndefined();
    expect(fake.getValue("Test", "A2")).toBe("+47 22 00 00 00");
    expect(fake.getValue("Test", "A3")).toBe("-tekst");
    expect(fake.getFormula("Test", "B1")).toBe("=1+1");
    expect(fake.getValue("Test", "B2")).toBe(42);
  });

  it("uses two syncs whatever the number of cells", async () => {
    const counts: number[] = [];
    for (const extra of [0, 2000]) {
      const fake = host();
      const cells: TemplateCell[] = [...t.cells];
      for (let i = 0; i < extra; i++)
        cells.push({
          address: `J${100 + i}`,
          value: i,
          role: i % 2 ? "input" : "output",
          numberFormat: "#,##0",
        });
      await fake.Excel.run((ctx) =>
        writeCells(ctx, t.name, cells, { columnWidths: t.columnWidths, merges: t.merges }),
      );
      counts.push(fake.runSyncs[fake.runSyncs.length - 1]);
      expect(fake.getValue("Kostnadsmodell", `J${100 + extra - 1}`) ?? extra - 1).toBe(extra - 1);
    }
    expect(counts).toEqual([2, 2]);
  });

  it("never replaces an existing sheet: writes «Kostnadsmodell (2)», then «(3)»", async () => {
    const fake = host([
      { name: "Kostnadsmodell", cells: [["brukerens data", 123]] },
      { name: "Ark2", cells: [] },
    ]);
    const first = await fake.Excel.run((ctx) => writeCells(ctx, "Kostnadsmodell", t.cells));
    expect(first).toMatchObject({ sheet: "Kostnadsmodell (2)", renamed: true });
    expect(fake.getValue("Kostnadsmodell", "A1")).toBe("brukerens data");
    expect(fake.getValue("Kostnadsmodell", "B1")).toBe(123);
    expect(fake.getFormula("Kostnadsmodell (2)", t.refs.results["2024"].annual)).toMatch(/^=COST\.ANNUAL/);
    const second = await fake.Excel.run((ctx) => writeCells(ctx, "kostnadsmodell", t.cells));
    expect(second.sheet).toBe("kostnadsmodell (3)");
    expect(fake.sheetNames()).toEqual(["Kostnadsmodell", "Ark2", "Kostnadsmodell (2)", "kostnadsmodell (3)"]);
    // Counted inside the run: the fake queues follow-up work when it materialises sheet items,
    // which Excel.run flushes with one more sync at the end; Office does not.
    const { check, syncs } = await fake.Excel.run(async (ctx) => {
      const before = fake.syncCount;
      const check = await sheetNameTaken(ctx, "Kostnadsmodell");
      return { check, syncs: fake.syncCount - before };
    });
    expect(check).toEqual({ taken: true, freeName: "Kostnadsmodell (4)" });
    expect(syncs).toBe(1);
  });
});

describe("freeSheetName", () => {
  it("keeps a free name and numbers a taken one, within Excel's 31 characters", () => {
    expect(freeSheetName(["Ark1"], "Kostnadsmodell")).toBe("Kostnadsmodell");
    expect(freeSheetName(["KOSTNADSMODELL"], "Kostnadsmodell")).toBe("Kostnadsmodell (2)");
    const long = "x".repeat(31);
    const next = freeSheetName([long], long);
    expect(next).toBe(`${"x".repeat(27)} (2)`);
    expect(next.length).toBeLessThanOrEqual(31);
  });
});
