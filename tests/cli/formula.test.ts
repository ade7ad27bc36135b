import { describe, expect, it } from "vitest";
import { gridFromValues, type GridWorkbook } from "../../src/core/grid";
import { evaluateFormula, evaluateWorkbookFormulas, normaliseSeparators } from "../../src/cli/formula";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { EXAMPLE } from "./helpers";

describe("evaluateFormula", () => {
  it("RST.CARRYOVER on the Vestfold seed: 2 800 030 and 1 810 030", () => {
    expect(evaluateFormula("RST.CARRYOVER({7000030;6960000},{4200000;7950000})")).toEqual({
      value: [[2800030], [1810030]],
    });
  });

  it("accepts a leading = and Norwegian ; separators", () => {
    expect(evaluateFormula("=RST.CARRYOVER({7000030;6960000};{4200000;7950000})")).toEqual({
      value: [[2800030], [1810030]],
    });
    const per = evaluateFormula("COST.PERUNIT(1194000;380)");
    expect("value" in per && (per.value as number)).toBeCloseTo(3142.105, 3);
  });

  it("mixes custom functions with built-ins", () => {
    expect(evaluateFormula("ROUND(COST.PERUNIT(1194000;380);0)")).toEqual({ value: 3142 });
    expect(evaluateFormula("SUM(RST.CARRYOVER({7000030;6960000};{4200000;7950000}))")).toEqual({
      value: 4610060,
    });
    expect(evaluateFormula("COST.ANNUAL(850000;{700000;1600000};{5;10};44000)")).toEqual({ value: 1194000 });
    expect(evaluateFormula("COST.BREAKEVEN(1194000;30000)")).toEqual({ value: 40 });
  });

  it("returns a custom function's error with its Norwegian message", () => {
    const res = evaluateFormula("COST.PERUNIT(1194000;0)");
    expect(res).toMatchObject({ error: "#VALUE!" });
    expect("message" in res && res.message).toMatch(/oppdrag/i);
  });

  it("reports built-in errors, unknown functions and syntax errors without throwing", () => {
    expect(evaluateFormula("1/0")).toEqual({ error: "#DIV/0!", message: "Divisjon med null." });
    expect(evaluateFormula("FINNESIKKE(1)")).toMatchObject({
      error: "#NAME?",
      message: expect.stringContaining("Ukjent funksjon FINNESIKKE."),
      input: true,
    });
    expect(evaluateFormula("SUM(1;2")).toMatchObject({ error: "#ERROR!" });
    expect(evaluateFormula("")).toMatchObject({ error: "#ERROR!" });
  });

  it("reads cells through the callback (0-based)", () => {
    const cells = (sheet: string, row: number, col: number) =>
      sheet === "RST" ? [[7000030, 4200000]][row]?.[col] : null;
    expect(evaluateFormula("RST.BALANCE(RST!A1;RST!B1)", { cells })).toEqual({ value: 2800030 });
  });
});

describe("normaliseSeparators", () => {
  it("turns ; into , outside arrays, strings and quoted sheet names", () => {
    expect(normaliseSeparators('IF(A1>0;"a;b";{1;2})')).toBe('IF(A1>0,"a;b",{1;2})');
    expect(normaliseSeparators("SUM('Ark;1'!A1;2)")).toBe("SUM('Ark;1'!A1,2)");
  });
});

describe("evaluateWorkbookFormulas", () => {
  it("follows references to other formula cells", () => {
    const wb: GridWorkbook = {
      sheets: [gridFromValues("Ark1", [[7000030, 4200000, null, null]])],
    };
    wb.sheets[0].rows[0][2] = { value: 2800030, text: "2800030", formula: "=A1-B1" };
    wb.sheets[0].rows[0][3] = { value: 0, text: "0", formula: "=C1*2" };
    const res = evaluateWorkbookFormulas(wb);
    expect(res.map((r) => [r.address, r.result])).toEqual([
      ["C1", { value: 2800030 }],
      ["D1", { value: 5600060 }],
    ]);
  });

  it("guards against reference cycles", () => {
    const wb: GridWorkbook = { sheets: [gridFromValues("Ark1", [[null, null]])] };
    wb.sheets[0].rows[0][0] = { value: 0, text: "0", formula: "=B1+1" };
    wb.sheets[0].rows[0][1] = { value: 0, text: "0", formula: "=A1+1" };
    const res = evaluateWorkbookFormulas(wb);
    expect(res).toHaveLength(2);
    for (const r of res)
      expect(r.result).toMatchObject({
        error: "#REF!",
        message: expect.stringMatching(/Sirkulær referanse/),
      });
  });

  it("the example's cached results match a fresh evaluation (cost model and ledger sums)", async () => {
    const wb = await readWorkbookFile(EXAMPLE);
    const res = evaluateWorkbookFormulas(wb);
    expect(res.length).toBeGreaterThanOrEqual(8);
    for (const r of res) {
      expect("value" in r.result, `${r.sheet}!${r.address} ${r.formula}`).toBe(true);
      if ("value" in r.result)
        expect(r.result.value, `${r.sheet}!${r.address}`).toBeCloseTo(r.cached as number, 6);
    }
    const cost = Object.fromEntries(
      res
        .filter((r) => r.sheet === "Ambulant røntgen")
        .map((r) => [r.formula.split("(")[0] + r.address[0], r.cached]),
    );
    // seed figures (kostnadsmodeller.json): 1 194 000 and 1 214 000 a year; 3 142 and 1 734 per mission
    expect(cost["=COST.ANNUALB"]).toBe(1194000);
    expect(cost["=COST.ANNUALC"]).toBe(1214000);
    expect(Math.round(cost["=COST.PERUNITB"] as number)).toBe(3142);
    expect(Math.round(cost["=COST.PERUNITC"] as number)).toBe(1734);
    const carries = res.filter((r) => r.sheet === "RST").map((r) => r.cached);
    expect(carries).toEqual([2800030, 1810030]);
  });
});
