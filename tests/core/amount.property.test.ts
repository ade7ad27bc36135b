import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  formatNok,
  parseAmounts,
  parseAmountsUncached,
  parseNokNumber,
  sumAmounts,
} from "../../src/core/amount";

/** Pieces staff type in an Økonomi cell, glued together in random order. */
const piece = fc.constantFrom(
  "kr",
  "kr.",
  "NOK",
  " ",
  "\u00A0",
  "\u202F",
  "\u2009",
  ".",
  ",",
  ",-",
  ":",
  ";",
  "\n",
  "-",
  "\u2212",
  "'",
  "%",
  "x",
  "X",
  "mill.",
  "millioner",
  "tusen",
  "Fra SiV:",
  "fra kommuner",
  "Evt finansiering 2027:",
  "Finansiering fra",
  "i 2025",
  "for 2026",
  "ekstern finansering",
  "velferdsteknologiordningen",
  "Øremerkede midler",
  "stilling",
  "50%",
  "2x50%",
  "12 X 50%",
  "nov 2025-okt 2027",
  "000",
  "410",
  "1",
  "2026",
  "550 000",
  "1,5",
  "(",
  ")",
  "ø",
  "æ",
  "å",
);
const cellText = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 4 }), fc.integer().map(String)), { maxLength: 14 })
  .map((a) => a.join(""));

function checkShape(text: string): void {
  const p = parseAmountsUncached(text);
  if (p.kind !== "amounts") {
    expect(typeof p.reason).toBe("string");
    expect(sumAmounts(p)).toBeNull();
    if (p.kind === "unclear") expect(p.reason).toContain(`«${p.word}»`);
    return;
  }
  expect(p.amounts.length).toBeGreaterThan(0);
  for (const a of p.amounts) {
    expect(Number.isFinite(a.value)).toBe(true);
    expect(a.span[0]).toBeLessThan(a.span[1]);
    expect(text.slice(a.span[0], a.span[1])).toBe(a.text);
    expect(a.year === null || (a.year >= 1900 && a.year <= 2100)).toBe(true);
    expect(a.year === null ? a.years.length !== 1 : a.years.length === 1 && a.years[0] === a.year).toBe(true);
    expect([...a.years].sort((x, y) => x - y)).toEqual(a.years);
    expect(p.sources).toContain(a.source);
  }
  for (let k = 1; k < p.amounts.length; k++)
    expect(p.amounts[k].span[0]).toBeGreaterThanOrEqual(p.amounts[k - 1].span[1]);
}

describe("amount parser properties", () => {
  it("never throws and returns well-formed results on any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => checkShape(s)),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (s) => checkShape(s)),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(cellText, (s) => checkShape(s)),
      { numRuns: 3000 },
    );
  });

  it("parseNokNumber and formatNok never throw", () => {
    fc.assert(
      fc.property(fc.oneof(cellText, fc.string({ unit: "binary" })), (s) => {
        const v = parseNokNumber(s);
        expect(v === null || Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(typeof formatNok(n)).toBe("string");
      }),
    );
  });

  it("formatNok round-trips integers", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseNokNumber(formatNok(n))).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 3000 },
    );
  });

  it("formatNok round-trips 2-decimal values (øre, up to ±10 billion kroner)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const n = cents / 100;
        expect(parseNokNumber(formatNok(n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it("formatted amounts are found again inside a sentence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e11 }), fc.constantFrom("", "kr ", "NOK "), (n, prefix) => {
        const text = `Tiltaket koster ${prefix}${formatNok(n)}${prefix ? "" : " kr"} i 2026.`;
        const p = parseAmounts(text);
        expect(p.kind).toBe("amounts");
        if (p.kind === "amounts") expect(p.amounts.map((a) => [a.value, a.year])).toEqual([[n, 2026]]);
      }),
      { numRuns: 1000 },
    );
  });

  it("years of money round-trip: one year, each of two, two together", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2000, max: 2098 }), (n, y) => {
        const kr = `${formatNok(n)} kr`;
        const read = (t: string) => {
          const p = parseAmounts(t);
          return p.kind === "amounts" ? p.amounts.map((a) => [a.value, [...a.years], a.yearMode]) : p.kind;
        };
        expect(read(`${kr} i ${y}`)).toEqual([[n, [y], "each"]]);
        expect(read(`${kr} i ${y} og i ${y + 1}`)).toEqual([[n, [y, y + 1], "each"]]);
        expect(read(`Sum bevilget ${y} og ${y + 1}: ${kr}`)).toEqual([[n, [y, y + 1], "together"]]);
        const both = parseAmounts(`${kr} prosjektleder. Finansiering ${y + 1}: ${formatNok(n + 1)} kr`);
        expect(sumAmounts(both, { year: y })).toBe(n);
        expect(sumAmounts(both, { year: y + 1 })).toBe(n + 1);
      }),
      { numRuns: 500 },
    );
  });

  it("a refusal never comes with an amount, and quotes a word of the text", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const p = parseAmountsUncached(s);
        if (p.kind === "unclear") {
          expect(sumAmounts(p)).toBeNull();
          expect(s.replace(/\s+/g, " ")).toContain(p.word.replace(/\s+/g, " ").split(" ")[0]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("the cache returns the same result as the uncached parser", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        expect(parseAmounts(s)).toEqual(parseAmountsUncached(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe("found by the property test", () => {
  it("lists the source of every amount, also RST before a named source in the same clause", () => {
    // fast-check counterexample (seed -45789767): the first amount kept RST, the list named only the other.
    const p = parseAmounts("i 2025kr.kr2026velferdsteknologiordningen");
    if (p.kind === "amounts") for (const a of p.amounts) expect(p.sources).toContain(a.source);
  });
});
