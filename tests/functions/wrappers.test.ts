import { describe, it, expect, afterEach } from "vitest";
import * as excel from "../../src/functions/functions";
import { FunctionError } from "../../src/functions/impl";

/** A stand-in for Excel's CustomFunctions global, enough to see what the wrappers return. */
class FakeExcelError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
const fakeCustomFunctions = {
  Error: FakeExcelError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    invalidReference: "#REF!",
  },
};

/** Calls f and fails the test if it throws: custom functions return their errors. */
function returned(f: () => unknown): unknown {
  let out: unknown;
  expect(() => {
    out = f();
  }).not.toThrow();
  return out;
}

describe("Excel wrappers", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });

  it("return the values of impl", () => {
    expect(excel.rstBalance(6_960_000, [[7_950_000]], 2_800_030)).toBe(1_810_030);
    expect(excel.rstCarryover([[7_000_030], [6_960_000]], [[4_200_000], [7_950_000]])).toEqual([
      [2_800_030],
      [1_810_030],
    ]);
    expect(excel.costShare(100, [[1, 1, 1]])).toEqual([[34, 33, 33]]);
    expect(excel.measureStatus("", null, 46000)).toBe("Mangler frist");
    expect(excel.costForecast(323_598, 4, 10)).toBe(808_995);
  });

  it("outside Excel a bad input returns the FunctionError (importing does not crash)", () => {
    const e = returned(() => excel.costPerUnit(1_194_000, 0));
    expect(e).toBeInstanceOf(FunctionError);
    expect((e as FunctionError).message).toMatch(/Antall oppdrag må være større enn 0/);
  });

  it("in Excel a bad input returns CustomFunctions.Error with the code and the Norwegian message, never throws", () => {
    (globalThis as Record<string, unknown>).CustomFunctions = fakeCustomFunctions;
    const v = returned(() => excel.rstCarryover([[1], [2]], [[1], [2], [3]]));
    expect(v).toBeInstanceOf(FakeExcelError);
    expect(v).toMatchObject({
      code: "#VALUE!",
      message: "Områdene granted og allocated må ha like mange rader (2 og 3)",
    });
    const na = returned(() => excel.measureDue(""));
    expect(na).toMatchObject({ code: "#N/A" });
    expect((na as FakeExcelError).message).toMatch(/ingen frist/);
    // #NUM! carries no message in Excel
    const num = returned(() => excel.costAnnual([[1e308]], [[1e308]], [[0.5]], [[1e308]]));
    expect(num).toMatchObject({ code: "#NUM!" });
    expect((num as FakeExcelError).message).toBeUndefined();
  });
});
