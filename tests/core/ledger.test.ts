import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { computeLedger, carryover, periodize, periodizeYear, largestRemainder } from "../../src/core/ledger";

const seed = JSON.parse(
  readFileSync(new URL("../../examples/data/rst-vestfold.json", import.meta.url), "utf8"),
) as {
  grants: { year: number; granted: number }[];
  allocations: { year: number; amount: number }[];
  expected: {
    carriedInto2025: number;
    carriedInto2026: number;
    availableIn2025: number;
    allocatedIn2025: number;
  };
};

function seedInputs() {
  const allocatedIn = (y: number) =>
    seed.allocations.filter((a) => a.year === y).reduce((s, a) => s + a.amount, 0);
  return seed.grants.map((g) => ({ year: g.year, granted: g.granted, allocated: allocatedIn(g.year) }));
}

describe("computeLedger on the Vestfold seed", () => {
  it("carries 2 800 030 into 2025 and 1 810 030 into 2026", () => {
    const ledger = computeLedger(seedInputs());
    expect(ledger.map((y) => y.year)).toEqual([2024, 2025]);
    expect(ledger[0].carriedOut).toBe(2_800_030);
    expect(ledger[1].carriedIn).toBe(seed.expected.carriedInto2025);
    expect(ledger[1].available).toBe(seed.expected.availableIn2025);
    expect(ledger[1].allocated).toBe(seed.expected.allocatedIn2025);
    expect(ledger[1].carriedOut).toBe(seed.expected.carriedInto2026);
    expect(ledger[1].carriedOut).toBe(1_810_030);
  });

  it("2026 with an unknown grant: carry in known, available and carry out unknown; 2027 carry unknown", () => {
    const ledger = computeLedger([
      ...seedInputs(),
      { year: 2027, granted: 7_000_000, allocated: 100 },
      { year: 2026, granted: null, allocated: 410_000 },
    ]);
    expect(ledger.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    const [, , y2026, y2027] = ledger;
    expect(y2026).toEqual({
      year: 2026,
      granted: null,
      carriedIn: 1_810_030,
      allocated: 410_000,
      available: null,
      carriedOut: null,
    });
    expect(y2027.carriedInUnknown).toBe(true);
    expect(y2027.carriedIn).toBe(1_810_030); // the last known carry, flagged unknown
    expect(y2027.available).toBeNull();
    expect(y2027.carriedOut).toBeNull();
  });

  it("an explicit carry in makes the ledger known again after an unknown year", () => {
    const ledger = computeLedger(
      [
        { year: 2026, granted: null, allocated: 0 },
        { year: 2027, granted: 1000, allocated: 300, carriedIn: 50 },
      ],
      10,
    );
    expect(ledger[0].carriedIn).toBe(10);
    expect(ledger[1]).toEqual({
      year: 2027,
      granted: 1000,
      carriedIn: 50,
      allocated: 300,
      available: 1050,
      carriedOut: 750,
    });
  });

  it("an overspend is carried as a negative amount (forskuttert)", () => {
    const ledger = computeLedger([
      { year: 2025, granted: 1_000_000, allocated: 1_250_000 },
      { year: 2026, granted: 1_000_000, allocated: 500_000 },
    ]);
    expect(ledger[0].carriedOut).toBe(-250_000);
    expect(ledger[1].carriedIn).toBe(-250_000);
    expect(ledger[1].available).toBe(750_000);
    expect(ledger[1].carriedOut).toBe(250_000);
  });

  it("opening carry and merged duplicate years", () => {
    const ledger = computeLedger(
      [
        { year: 2025, granted: 100, allocated: 30 },
        { year: 2025, granted: 50, allocated: 20 },
      ],
      5,
    );
    expect(ledger).toEqual([
      { year: 2025, granted: 150, carriedIn: 5, allocated: 50, available: 155, carriedOut: 105 },
    ]);
    expect(computeLedger([])).toEqual([]);
  });
});

describe("carryover", () => {
  it("seed: {7000030;6960000} − {4200000;7950000} → {2800030;1810030}", () => {
    expect(carryover([7_000_030, 6_960_000], [4_200_000, 7_950_000])).toEqual([2_800_030, 1_810_030]);
  });
  it("uses the opening carry and throws on unequal lengths", () => {
    expect(carryover([10, 10], [5, 30], 1)).toEqual([6, -14]);
    expect(() => carryover([1], [1, 2])).toThrow(RangeError);
    expect(carryover([], [])).toEqual([]);
  });
  it("property: satisfies the recurrence and matches computeLedger", () => {
    const money = fc.integer({ min: -50_000_000, max: 50_000_000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(money, money), { maxLength: 30 }), money, (rows, opening) => {
        const g = rows.map((r) => r[0]);
        const a = rows.map((r) => r[1]);
        const out = carryover(g, a, opening);
        expect(out.length).toBe(rows.length);
        out.forEach((v, i) => expect(v).toBe((i === 0 ? opening : out[i - 1]) + g[i] - a[i]));
        const ledger = computeLedger(
          rows.map((r, i) => ({ year: 2000 + i, granted: r[0], allocated: r[1] })),
          opening,
        );
        expect(ledger.map((y) => y.carriedOut)).toEqual(out);
      }),
    );
  });
});

describe("periodize", () => {
  it("prosjektleder 3 000 000 over nov 2025 – okt 2027: 24 whole months of 125 000 each", () => {
    const parts = periodize(3_000_000, "2025-11-01", "2027-10-31");
    expect(parts.length).toBe(24);
    expect(parts[0]).toMatchObject({ year: 2025, month: 11 });
    expect(parts[23]).toMatchObject({ year: 2027, month: 10 });
    // a whole month weighs the same whatever its length: February as much as March
    expect(new Set(parts.map((p) => p.amount))).toEqual(new Set([125_000]));
    expect(periodizeYear(3_000_000, "2025-11-01", "2027-10-31", 2025)).toBe(250_000);
    expect(periodizeYear(3_000_000, "2025-11-01", "2027-10-31", 2026)).toBe(1_500_000);
    expect(periodizeYear(3_000_000, "2025-11-01", "2027-10-31", 2027)).toBe(1_250_000);
    expect(periodizeYear(3_000_000, "2025-11-01", "2027-10-31", 2024)).toBe(0);
  });

  it("weights only a part month by the share of its days inside the period", () => {
    // 16–30 April = 15/30 of April, 1–15 May = 15/31 of May: 1000 × 0.5 / (0.5 + 15/31) = 508.2
    expect(periodize(1000, "2026-04-16", "2026-05-15").map((p) => p.amount)).toEqual([508, 492]);
    // 15 December – 14 February: half of December (17/31), all of January, half of February (14/28)
    const winter = periodize(2_000, "2026-12-15", "2027-02-14").map((p) => p.amount);
    // weights 17/31, 1, 1/2 → 2000 × w / 2.0484 = 535.43, 976.38, 488.19: floors 535 + 976 + 488 = 1999,
    // the one krone left goes to the largest remainder (December's .43)
    expect(winter).toEqual([536, 976, 488]);
    // one day
    expect(periodize(999, "2026-02-28", "2026-02-28")).toEqual([{ year: 2026, month: 2, amount: 999 }]);
    // a whole leap year: twelve equal months
    const leap = periodize(366_000, "2024-01-01", "2024-12-31");
    expect(leap.map((p) => p.amount)).toEqual(Array(12).fill(30_500));
  });

  it("negative amounts and end before start", () => {
    const parts = periodize(-1000, "2026-01-01", "2026-03-31");
    expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(-1000);
    expect(parts.every((p) => p.amount <= 0)).toBe(true);
    expect(() => periodize(1, "2026-02-01", "2026-01-31")).toThrow(RangeError);
  });

  it("property: parts are whole kroner and sum exactly to the (whole) total", () => {
    const day = fc.integer({ min: 0, max: 3650 });
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        day,
        fc.integer({ min: 0, max: 2000 }),
        (amount, s, len) => {
          const start = new Date(Date.UTC(2020, 0, 1 + s)).toISOString().slice(0, 10);
          const end = new Date(Date.UTC(2020, 0, 1 + s + len)).toISOString().slice(0, 10);
          const parts = periodize(amount, start, end);
          expect(parts.every((p) => Number.isInteger(p.amount))).toBe(true);
          expect(parts.reduce((sum, p) => sum + p.amount, 0)).toBe(amount);
          const years = new Set(parts.map((p) => p.year));
          let byYear = 0;
          for (const y of years) byYear += periodizeYear(amount, start, end, y);
          expect(byYear).toBe(amount);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("largestRemainder", () => {
  it("hands leftover kroner to the largest remainders, ties to the lower index", () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder(10, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(largestRemainder(7, [0.1, 0.2, 0.7])).toEqual([1, 1, 5]); // 0.7, 1.4, 4.9 → exact, not float noise
    expect(largestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(largestRemainder(0, [1, 2])).toEqual([0, 0]);
    expect(largestRemainder(10.6, [1])).toEqual([11]);
  });
  it("rejects empty, negative and all-zero weights", () => {
    expect(() => largestRemainder(1, [])).toThrow(RangeError);
    expect(() => largestRemainder(1, [1, -1])).toThrow(RangeError);
    expect(() => largestRemainder(1, [0, 0])).toThrow(RangeError);
    expect(() => largestRemainder(1, [Number.NaN])).toThrow(RangeError);
  });
  it("property: whole parts summing to the rounded total, each within 1 of its quota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = largestRemainder(total, weights);
          expect(parts.length).toBe(weights.length);
          expect(parts.every((p) => Number.isInteger(p))).toBe(true);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) =>
            expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1 + 1e-6 * Math.abs(total)),
          );
        },
      ),
    );
  });
});
