import { afterEach, describe, expect, it, vi } from "vitest";
import { watchSheet } from "../../src/excel/live";
import { installFakeOffice } from "../../src/excel/fake";
import { callsOurFunction, reactivateFormulas } from "../../src/excel/reactivate";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe("reactivateFormulas", () => {
  it("enters again exactly the formulas that call RST./MEASURE./NOK./COST., nothing else", async () => {
    const fake = installFakeOffice(g, {
      sheets: [
        {
          name: "Kostnadsmodell",
          cells: [
            ["Årskostnad", 125000, 42, "=COST.ANNUAL(1)"],
            ["Sum", 250000, 7, null],
          ],
          formulas: {
            B1: "=COST.ANNUAL(B5,B6:C7,B8)",
            B2: "=SUM(B1,B1)",
            C1: '=IF(A1="COST.ANNUAL(",1,2)',
            C2: "=cost.perunit(B1, 12)",
          },
          numberFormats: { D1: "@" },
        },
        { name: "Plan", cells: [["Frist", 46112]], formulas: { B1: "=MEASURE.DUE(A1)" } },
      ],
    });
    const r = await fake.Excel.run((ctx) => reactivateFormulas(ctx));
    expect(r.reentered).toBe(3);
    expect(r.sheets).toEqual([
      { sheet: "Kostnadsmodell", cells: 2 },
      { sheet: "Plan", cells: 1 },
    ]);
    // Entered again with the same formula (the fake does not calculate: its cached value is gone).
    expect(fake.getFormula("Kostnadsmodell", "B1")).toBe("=COST.ANNUAL(B5,B6:C7,B8)");
    expect(fake.getValue("Kostnadsmodell", "B1")).toBeNull();
    expect(fake.getFormula("Kostnadsmodell", "C2")).toBe("=cost.perunit(B1, 12)");
    expect(fake.getFormula("Plan", "B1")).toBe("=MEASURE.DUE(A1)");
    // Untouched: another function, our name only inside a text, text that looks like a formula.
    expect(fake.getValue("Kostnadsmodell", "B2")).toBe(250000);
    expect(fake.getValue("Kostnadsmodell", "C1")).toBe(42);
    expect(fake.getValue("Kostnadsmodell", "D1")).toBe("=COST.ANNUAL(1)");
    expect(fake.getFormula("Kostnadsmodell", "D1")).toBeUndefined();
    expect(fake.runSyncs).toEqual([4]);
  });

  it("a few syncs whatever the size: 20 000 formulas in 4", async () => {
    const n = 20_000;
    const formulas: Record<string, string> = {};
    const cells: (string | number)[][] = [];
    for (let r = 1; r <= n; r++) {
      cells.push([r, 0, 0]);
      formulas[`B${r}`] = `=COST.PERUNIT(A${r},12)`;
      formulas[`C${r}`] = `=A${r}*2`;
    }
    const fake = installFakeOffice(g, { sheets: [{ name: "Stor", cells, formulas }] }, { webLimits: true });
    const r = await fake.Excel.run((ctx) => reactivateFormulas(ctx));
    expect(r.reentered).toBe(n);
    expect(fake.runSyncs[0]).toBeLessThanOrEqual(5);
    expect(fake.getFormula("Stor", `B${n}`)).toBe(`=COST.PERUNIT(A${n},12)`);
  });

  it("recognises our prefixes only as function calls", () => {
    expect(callsOurFunction("=RST.BALANCE(A1:A3)")).toBe(true);
    expect(callsOurFunction("=1+nok.parse(B2)")).toBe(true);
    expect(callsOurFunction("=MEASURE.STATUS (E4)")).toBe(true);
    expect(callsOurFunction("=SUM(A1)")).toBe(false);
    expect(callsOurFunction("=MYRST.BALANCE(A1)")).toBe(false);
    expect(callsOurFunction("=Sheet1!COST")).toBe(false);
  });
});

describe("reactivateFormulas and live checks", () => {
  it("its writes are not taken for the user's edits", async () => {
    vi.useFakeTimers();
    const fake = installFakeOffice(g, {
      sheets: [{ name: "Plan", cells: [["Frist", 46112]], formulas: { B1: "=MEASURE.DUE(A1)" } }],
    });
    const calls: number[][] = [];
    const stop = await watchSheet("Plan", (rows) => calls.push(rows), 100);
    await vi.advanceTimersByTimeAsync(3000);
    await fake.Excel.run((ctx) => reactivateFormulas(ctx));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([]);
    await stop();
    vi.useRealTimers();
  });
});
