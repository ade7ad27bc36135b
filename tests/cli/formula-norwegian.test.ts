/**
 * Issue 14.1: `rst eval` reads formulas as Norwegian Excel writes them. Expected values by hand:
 * RST.BALANCE(granted; allocations) = granted − sum(allocations): 6 960 000,50 − 4 200 000 = 2 760 000,5.
 * COST.PERUNIT(1 194 000,5; 380) = 1 194 000,5 / 380 = 3142,1065789…
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CUSTOM_ARITY, evaluateFormula } from "../../src/cli/formula";
import { BUILTIN_ARITY, NORWEGIAN_NAMES, detectLocale } from "../../src/cli/formula-syntax";
import { FUNCTIONS } from "../../src/functions/impl";
import { rst } from "./helpers";

const value = (f: string) => evaluateFormula(f);

describe("decimal comma and argument separators", () => {
  it("with ; between arguments, , is the decimal comma", () => {
    expect(value("RST.BALANCE(6960000,50;{4200000})")).toEqual({ value: 2_760_000.5 });
    expect(value("SUM(1,5;2)")).toEqual({ value: 3.5 });
    const per = value("COST.PERUNIT(1194000,5;380)");
    expect("value" in per && (per.value as number)).toBeCloseTo(1194000.5 / 380, 9);
    expect(value("=SUMMER(0,25;0,25;{1;2})")).toEqual({ value: 3.5 });
  });

  it("without ;, , separates arguments and . is the decimal point", () => {
    expect(value("SUM(1,5)")).toEqual({ value: 6 });
    expect(value("RST.BALANCE(6960000.5,{4200000})")).toEqual({ value: 2_760_000.5 });
    expect(value("ROUND(2.567,1)")).toEqual({ value: 2.6 });
  });

  it("array constants: ; between rows in both, \\ between columns in Norwegian", () => {
    expect(value("SUM({1\\2;3\\4};0)")).toEqual({ value: 10 });
    expect(value("SUM({1,2;3,4})")).toEqual({ value: 10 });
    expect(value("RST.CARRYOVER({7000030;6960000};{4200000;7950000})")).toEqual({
      value: [[2800030], [1810030]],
    });
  });

  it("refuses a decimal point in a Norwegian formula and a stray comma", () => {
    expect(value("SUM(1.5;2)")).toMatchObject({
      input: true,
      message: expect.stringContaining("desimalkomma"),
    });
    expect(value("SUM(1;,;2)")).toMatchObject({ input: true });
  });

  it("tells the two apart by ; outside strings and arrays only", () => {
    expect(detectLocale('IF(1,"a;b",2)')).toBe("en");
    expect(detectLocale("SUM({1;2},3)")).toBe("en");
    expect(detectLocale("SUM({1;2};3)")).toBe("nb");
    expect(detectLocale("AVRUND(2,5)")).toBe("nb");
    expect(detectLocale("1234,5*2")).toBe("nb");
    expect(detectLocale('SUM(1,2)&"SANN"')).toBe("en");
  });
});

describe("numbers and booleans", () => {
  it("accepts 1E3 and 1,5E-3 / 1.5E-3", () => {
    expect(value("1E3")).toEqual({ value: 1000 });
    expect(value("1e3+1")).toEqual({ value: 1001 });
    expect(value("SUM(1,5E-3;1)")).toEqual({ value: 1.0015 });
    expect(value("SUM(1.5E-3,1)")).toEqual({ value: 1.0015 });
  });

  it("accepts SANN/USANN and TRUE/FALSE", () => {
    expect(value("OG(SANN;USANN)")).toEqual({ value: false });
    expect(value("AND(TRUE,TRUE)")).toEqual({ value: true });
    expect(value("HVIS(SANN;1;2)")).toEqual({ value: 1 });
    expect(value("SANN")).toEqual({ value: true });
  });
});

describe("never a number for a formula that is wrong", () => {
  it.each([
    ["RST.BALANCE(1;2;3;4)", "RST.BALANCE tar 2 til 3 argumenter, men fikk 4."],
    ["RST.BALANCE(1)", "RST.BALANCE tar 2 til 3 argumenter, men fikk 1."],
    ["COST.PERUNIT(1194000,5;380;1)", "COST.PERUNIT tar 2 argumenter, men fikk 3."],
    ["ROUND(1.234,1,2)", "ROUND tar 2 argumenter, men fikk 3."],
    ["AVRUND(1)", "AVRUND tar 2 argumenter, men fikk 1."],
    // a Norwegian name makes the formula Norwegian: "1,234" is one number, so one argument
    ["AVRUND(1,234)", "AVRUND tar 2 argumenter, men fikk 1."],
    ["ABS()", "ABS tar 1 argument, men fikk 0."],
  ])("%s: %s", (f, message) => {
    expect(value(f)).toEqual({ error: "#VALUE!", message, input: true });
  });

  it("unknown functions and names", () => {
    expect(value("FINNESIKKE(1)")).toMatchObject({ error: "#NAME?", input: true });
    expect(value("VLOOKUP(1,2,3)")).toMatchObject({ error: "#NAME?", input: true });
    expect(value("tull+1")).toMatchObject({ error: "#NAME?", input: true });
  });

  it("references without a workbook, including whole columns, are refused at once", () => {
    for (const f of ["SUM(A:A)", "SUM(A1:XFD1048576)", "A1+1", "SUM(1:1)", "SUM(Ark1!A1)"]) {
      expect(value(f)).toMatchObject({ error: "#REF!", input: true });
    }
  });

  it("with a workbook, whole columns are cut to the used area; a range over the limit is refused", () => {
    const cells = (_s: string, r: number, c: number) => (c === 0 && r < 3 ? r + 1 : null);
    const size = () => ({ rows: 3, cols: 1 });
    expect(evaluateFormula("SUM(A:A)", { cells, size })).toEqual({ value: 6 });
    expect(evaluateFormula("SUM(A1:XFD1048576)", { cells, size })).toEqual({ value: 6 });
    const huge = evaluateFormula("SUM(A1:XFD1048576)", {
      cells,
      size: () => ({ rows: 1_048_576, cols: 16_384 }),
    });
    expect(huge).toMatchObject({ input: true, message: expect.stringContaining("grensen er 1") });
    expect("value" in huge).toBe(false);
  });
});

describe("the function tables", () => {
  it("every custom function has its argument count, as its JSDoc says", () => {
    const src = readFileSync(join(__dirname, "../../src/functions/functions.ts"), "utf8");
    const blocks = src.split("/**").slice(1);
    const fromDoc: Record<string, { min: number; max: number }> = {};
    for (const b of blocks) {
      const name = /@customfunction\s+(\S+)/.exec(b)?.[1];
      if (!name) continue;
      const params = [...b.matchAll(/@param\s+\{[^}]*\}\s+(\[?)/g)];
      fromDoc[name] = { min: params.filter((p) => p[1] !== "[").length, max: params.length };
    }
    for (const name of Object.keys(FUNCTIONS)) expect(CUSTOM_ARITY[name], name).toEqual(fromDoc[name]);
  });

  it("every built-in offered is implemented by the engine (no #NAME? for a listed one)", () => {
    for (const [name, a] of Object.entries(BUILTIN_ARITY)) {
      const args = Array.from({ length: a.min }, () => "1").join(",");
      const res = evaluateFormula(`${name}(${args})`);
      if ("error" in res) expect(res.error, `${name}: ${res.message}`).not.toBe("#NAME?");
    }
    for (const english of Object.values(NORWEGIAN_NAMES)) expect(BUILTIN_ARITY[english]).toBeDefined();
  });
});

describe("rst eval", () => {
  it("exit 2 and a Norwegian error for a wrong argument count, never a number", async () => {
    const r = await rst("eval", "RST.BALANCE(1;2;3;4)");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("RST.BALANCE tar 2 til 3 argumenter, men fikk 4.");
  });

  it("exit 1 for an error the formula computes", async () => {
    const r = await rst("eval", "1/0");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("#DIV/0!");
  });

  it("text output in nb-NO, JSON raw numbers", async () => {
    const t = await rst("eval", "RST.BALANCE(6960000,50;{4200000})");
    expect(t.code).toBe(0);
    expect(t.stdout.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-")).toBe("2 760 000,5\n");
    const j = await rst("eval", "RST.BALANCE(6960000,50;{4200000})", "--format", "json");
    expect(JSON.parse(j.stdout)).toEqual({ value: 2760000.5 });
    const neg = await rst("eval", "=-1234,5+0");
    expect(neg.stdout.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-")).toBe("-1 234,5\n");
  });

  it("--help says which separator means what", async () => {
    const h = await rst("eval", "--help");
    expect(h.stdout).toContain("«;» mellom argumentene");
    expect(h.stdout).toContain("desimalkomma");
  });
});
