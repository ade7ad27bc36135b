import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { CostReport } from "../../src/cli/commands/cost";
import {
  type CostJson,
  CostJsonSchema,
  EvalJsonSchema,
  LedgerJsonSchema,
  ReconcileJsonSchema,
  ValidationJsonSchema,
} from "../../src/cli/json-schemas";
import { EXAMPLE, rst, tempDir, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

type Json = Record<string, unknown> & { [key: string]: unknown };

/** The command's stdout as JSON, after checking its exit code. */
async function json(code: number, ...argv: string[]): Promise<Json> {
  const res = await rst(...argv);
  expect(res.code, res.stderr).toBe(code);
  return JSON.parse(res.stdout) as Json;
}

/** A deep copy changed by `edit`: the schema must refuse it. */
function refuses(schema: z.ZodType, out: Json, edit: (copy: Json) => void): void {
  const copy = structuredClone(out);
  edit(copy);
  expect(schema.safeParse(copy).success, JSON.stringify(copy).slice(0, 300)).toBe(false);
}

const at = (o: Json, ...path: (string | number)[]) =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], o) as Json;

describe("rst validate --format json", () => {
  let out: Json;
  beforeAll(async () => {
    out = await json(0, "validate", EXAMPLE, "--format", "json");
  });

  it("the example's output is the contract", () => {
    const parsed = ValidationJsonSchema.parse(out);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.header.columns).toEqual({
      nr: "A",
      area: "B",
      tiltak: "C",
      maal: "D",
      frist: "E",
      okonomi: "F",
      ansvar: "G",
    });
  });

  it("an over-budget run (errors, exit 1) too", async () => {
    const over = ValidationJsonSchema.parse(
      await json(1, "validate", EXAMPLE, "--available", "1 810 030", "--format", "json"),
    );
    expect(over.summary.errors).toBeGreaterThan(0);
    expect(over.summary.available).toBe(1810030);
  });

  it.each<[string, (o: Json) => void]>([
    ["an extra top-level field", (o) => (o.extra = 1)],
    ["no summary", (o) => delete o.summary],
    ["an extra field on a problem", (o) => (at(o, "problems", 0).hint = "x")],
    ["a problem without its message", (o) => delete at(o, "problems", 0).message],
    ["an unknown problem code", (o) => (at(o, "problems", 0).code = "typo")],
    ["an unknown severity", (o) => (at(o, "problems", 0).severity = "fatal")],
    ["a range as the cell", (o) => (at(o, "problems", 0).cell = "E4:E5")],
    ["a row as text", (o) => (at(o, "problems", 0).row = "4")],
    ["an unknown header column", (o) => (at(o, "header", "columns").kommentar = "H")],
    ["a column as a number", (o) => (at(o, "header", "columns").nr = 1)],
    ["available as text", (o) => (at(o, "summary").available = "ukjent")],
    ["a planYear that is not a year", (o) => (o.planYear = 26)],
    ["counts that do not match the problems", (o) => (at(o, "summary").warnings = 0)],
  ])("refuses %s", (_label, edit) => refuses(ValidationJsonSchema, out, edit));
});

describe("rst ledger --format json", () => {
  let out: Json;
  beforeAll(async () => {
    out = await json(0, "ledger", EXAMPLE, "--format", "json");
  });

  it("the example's output is the contract", () => {
    const parsed = LedgerJsonSchema.parse(out);
    expect(parsed.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
  });

  it.each<[string, (o: Json) => void]>([
    ["an extra field on a year", (o) => (at(o, "years", 0).available = 7000030)],
    ["a year without carriedOut", (o) => delete at(o, "years", 0).carriedOut],
    ["granted as text", (o) => (at(o, "years", 0).granted = "7 000 030")],
    ["a carry-over that does not add up", (o) => (at(o, "years", 1).carriedOut = 1810031)],
    ["a carry-over although the grant is unknown", (o) => (at(o, "years", 2).carriedOut = 0)],
    ["years out of order", (o) => (o.years as unknown[]).reverse()],
    ["no problems list", (o) => delete o.problems],
  ])("refuses %s", (_label, edit) => refuses(LedgerJsonSchema, out, edit));
});

describe("rst reconcile --format json", () => {
  let out: Json;
  beforeAll(async () => {
    out = await json(1, "reconcile", EXAMPLE, "--year", "2025", "--format", "json");
  });

  it("the example's output is the contract", () => {
    const parsed = ReconcileJsonSchema.parse(out);
    expect(parsed.differences.length).toBeGreaterThan(0);
    expect(parsed.unmatched.length).toBeGreaterThan(0);
    expect(parsed.sources).toEqual({
      register: "Årlig melding",
      ledger: "RST",
      plan: "Handlingsplan 2026",
      planYear: 2026,
    });
  });

  it.each<[string, (o: Json) => void]>([
    ["an extra field on a difference", (o) => (at(o, "differences", 0).diff = 1)],
    ["a difference without its note", (o) => delete at(o, "differences", 0).note],
    ["an amount as text", (o) => (at(o, "differences", 0).register = "8 400 000")],
    ["an unmatched entry that is not text", (o) => ((o.unmatched as unknown[])[0] = { row: 5 })],
    ["an extra field in sources", (o) => (at(o, "sources").extra = "")],
    [
      "a problem with a code (the reconcile problems carry none)",
      (o) => {
        o.problems = [{ code: "missing-value", severity: "warning", sheet: "", cell: "", message: "x" }];
      },
    ],
  ])("refuses %s", (_label, edit) => refuses(ReconcileJsonSchema, out, edit));
});

describe("rst eval --format json", () => {
  it.each<[number, string]>([
    [0, "RST.CARRYOVER({7000030;6960000},{4200000;7950000})"],
    [0, "=COST.BREAKEVEN(1194000;30000)"],
    [0, 'MEASURE.STATUS("3.kvartal 2026";TRUE;"2026-05-01")'],
    [1, "COST.PERUNIT(1194000;0)"],
    [1, "1/0"],
    [2, "FINNESIKKE(1)"],
  ])("exit %i, %s: the output is the contract", async (code, formula) => {
    const out = await json(code, "eval", formula, "--format", "json");
    expect(EvalJsonSchema.parse(out)).toEqual(out);
    expect("error" in out).toBe(code !== 0);
  });

  it.each<[string, unknown]>([
    ["value and error at once", { value: 1, error: "#VALUE!", message: "x" }],
    ["an error without message", { error: "#VALUE!" }],
    ["an error code that is not one", { error: "VALUE", message: "x" }],
    ["a value that is an object", { value: { a: 1 } }],
    ["a flat list instead of rows", { value: [1, 2] }],
    ["nothing", {}],
  ])("refuses %s", (_label, value) => {
    expect(EvalJsonSchema.safeParse(value).success).toBe(false);
  });
});

describe("rst cost --format json", () => {
  it("the output is the contract, which the command's CostReport type fits", async () => {
    expectTypeOf<CostReport>().toExtend<CostJson>();
    const out = await json(0, "cost", "--out", join(tempDir(), "kostnadsmodell.xlsx"), "--format", "json");
    const parsed = CostJsonSchema.parse(out);
    expect(parsed.scenarios.map((s) => s.id)).toEqual(["2024", "2018"]);
    refuses(CostJsonSchema, out, (o) => (at(o, "followUp").note = ""));
    refuses(CostJsonSchema, out, (o) => delete at(o, "scenarios", 0).saving);
  });
});
