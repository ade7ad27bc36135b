import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { compareIds, followsWithoutGap, parsePlanId } from "../../../src/core/plan/ids";

/** The reference reading of a plan id: trim, then digits separated by dots, one trailing dot dropped. */
const PlanIdSchema = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.regex(/^\d+(\.\d+)*\.?$/, "Nr må være tall skilt med punktum, f.eks. «1», «1.2» eller «1.2.3»."),
    ),
  z.transform((s: string) => s.replace(/\.$/, "")),
);

describe("parsePlanId", () => {
  it.each([
    ["1", "1"],
    ["1.2", "1.2"],
    ["1.2.3", "1.2.3"],
    ["1.2.3.", "1.2.3"],
    [" 10.1.1 ", "10.1.1"],
    ["01.2", "1.2"],
    ["1.05", "1.5"],
    ["0.1", "0.1"],
  ])("%j is the id %s", (text, id) => {
    const p = parsePlanId(text);
    expect(p.ok && p.id).toBe(id);
  });
  it.each(["", "1..2", "1.2a", "a", ".1", "1,2", "1 2", "1.2.3..", "-1"])("%j is not an id", (text) => {
    const p = parsePlanId(text);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toMatch(/Nr må være tall/);
  });
});

describe("parsePlanId fast path", () => {
  it("property: agrees with the zod schema on any text of digits, dots and spaces (reason too)", () => {
    const text = fc.string({
      unit: fc.constantFrom("0", "1", "2", "9", ".", " ", "\t", "a", "\u00a0"),
      maxLength: 10,
    });
    fc.assert(
      fc.property(text, (t) => {
        const viaSchema = PlanIdSchema.safeParse(t);
        const p = parsePlanId(t);
        expect(p.ok).toBe(viaSchema.success);
        if (p.ok && viaSchema.success) expect(p.id).toBe(viaSchema.data.split(".").map(Number).join("."));
        if (!p.ok && !viaSchema.success) expect(p.reason).toBe(viaSchema.error.issues[0]?.message);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("followsWithoutGap", () => {
  const ok: [string, string][] = [
    ["1.1.1", "1.1.2"],
    ["1.1.1", "1.2.1"],
    ["1.1.1", "1.2"],
    ["1.1.3", "2.1.1"],
    ["1", "1.1"],
    ["1", "1.1.1"],
    ["1.2", "1.2.1"],
    ["3", "4"],
  ];
  const gaps: [string, string][] = [
    ["4.1.1", "4.1.3"],
    ["1.1.1", "1.3.1"],
    ["2", "4"],
    ["1.1", "1.1.2"],
    ["1.1.1", "2.2.1"],
    ["1.1.1", "2.1.2"],
    ["1.1.1", "1.1.1"],
  ];
  const parts = (s: string) => s.split(".").map(Number);
  it.each(ok)("%s → %s has no gap", (a, b) => expect(followsWithoutGap(parts(a), parts(b))).toBe(true));
  it.each(gaps)("%s → %s is not a plain step", (a, b) =>
    expect(followsWithoutGap(parts(a), parts(b))).toBe(false),
  );

  it("property: every plain step goes forward in reading order", () => {
    const id = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        if (followsWithoutGap(a, b)) expect(compareIds(a, b)).toBe(-1);
      }),
    );
  });
  it("property: the next sibling always follows without a gap, and skipping one never does", () => {
    const id = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(id, (a) => {
        const next = [...a.slice(0, -1), a[a.length - 1] + 1];
        const skip = [...a.slice(0, -1), a[a.length - 1] + 2];
        expect(followsWithoutGap(a, next)).toBe(true);
        expect(followsWithoutGap(a, skip)).toBe(false);
      }),
    );
  });
});

describe("compareIds", () => {
  it("orders ids as they are read", () => {
    const sorted = ["1", "1.1", "1.1.1", "1.2", "2", "10.1"].map((s) => s.split(".").map(Number));
    for (let i = 1; i < sorted.length; i++) expect(compareIds(sorted[i - 1], sorted[i])).toBe(-1);
    expect(compareIds([1, 2], [1, 2])).toBe(0);
  });
});
