import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { FUNCTIONS, FunctionError } from "../../src/functions/impl";
import { FUNCTION_NAMES } from "./names";

const NAMES = FUNCTION_NAMES;

// What Excel can pass: numbers, text, booleans, empty cells, omitted arguments, ranges.
const scalar = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e7, max: 3e6 }),
  fc.string(),
  fc.constantFrom("3.kvartal 2026", "410 000 kr", "-4 200 000", "ja", "nov.25-okt.27", "snarest", "", "2026"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const range = fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });
const arg = fc.oneof(scalar, range);

describe("every function answers, never throws", () => {
  it("exports exactly the 14 functions", () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual([...NAMES].sort());
  });
  it("property: any arguments → a value or a FunctionError, numbers finite", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.array(arg, { maxLength: 5 }), (name, args) => {
        const r = FUNCTIONS[name](...args);
        if (r instanceof FunctionError) {
          expect(["#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#REF!"]).toContain(r.code);
          expect(r.message).not.toMatch(/^Uventet feil/);
        } else if (typeof r === "number") {
          expect(Number.isFinite(r)).toBe(true);
        } else if (Array.isArray(r)) {
          for (const row of r)
            for (const v of row)
              expect(
                typeof v === "number"
                  ? Number.isFinite(v)
                  : (name === "NOK.EXPLAIN" || name === "MEASURE.EXPLAIN") && typeof v === "string",
              ).toBe(true);
        } else {
          expect(typeof r).toBe("string");
        }
      }),
      { numRuns: 3000 },
    );
  });
});
