import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  count,
  formatDate,
  formatKr,
  formatNumber,
  formatNumberByHand,
  formatPercent,
  formatSigned,
  formatWhole,
  plainText,
  pluralWord,
} from "../../src/core/format";

// Expected texts written by hand: groups with U+00A0, minus U+2212, decimal comma.
const S = "\u00a0";
const M = "\u2212";

describe("formatNumber (Intl.NumberFormat nb-NO)", () => {
  it("groups with no-break spaces and uses the minus sign", () => {
    expect(formatNumber(8_400_000)).toBe(`8${S}400${S}000`);
    expect(formatNumber(-700_000)).toBe(`${M}700${S}000`);
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1000)).toBe(`1${S}000`);
    expect(formatNumber(0)).toBe("0");
  });

  it("two decimals only when there are øre: never «108 985,5»", () => {
    expect(formatNumber(108_985.5)).toBe(`108${S}985,50`);
    expect(formatNumber(3142.105263)).toBe(`3${S}142,11`);
    expect(formatNumber(1_194_000.004)).toBe(`1${S}194${S}000`);
    expect(formatNumber(-1234567.5)).toBe(`${M}1${S}234${S}567,50`);
    expect(formatNumber(0.1)).toBe("0,10");
  });

  it("no «−0» for amounts that round to zero; empty text for what is not a number", () => {
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(Number.NaN)).toBe("");
    expect(formatNumber(Infinity)).toBe("");
  });

  it("formatWhole rounds first; formatKr adds a tied «kr»; formatSigned shows «+»", () => {
    expect(formatWhole(3142.6)).toBe(`3${S}143`);
    expect(formatKr(108_985)).toBe(`108${S}985${S}kr`);
    expect(formatKr(-700_000)).toBe(`${M}700${S}000${S}kr`);
    expect(formatKr(Number.NaN)).toBe("");
    expect(formatSigned(108_995)).toBe(`+108${S}995`);
    expect(formatSigned(-5000)).toBe(`${M}5${S}000`);
    expect(formatSigned(0)).toBe("0");
  });

  it("the by-hand fallback writes exactly what Intl writes", () => {
    for (const v of [0, 5, -5, 999, 1000, 108_985.5, -1234567.5, 3142.105263, 1e15, -0.001, 0.994, 0.995])
      expect(formatNumberByHand(v), String(v)).toBe(formatNumber(v));
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (kr, ore) => {
        const v = kr + (Math.sign(kr || 1) * ore) / 100;
        expect(formatNumberByHand(v)).toBe(formatNumber(v));
      }),
    );
  });

  it("plainText gives the ASCII spelling for comparisons", () => {
    expect(plainText(formatKr(-8_400_000))).toBe("-8 400 000 kr");
  });
});

describe("formatPercent, formatDate", () => {
  it("percent with a decimal comma and a no-break space before %", () => {
    expect(formatPercent(1.1557)).toBe(`115,6${S}%`);
    expect(formatPercent(0.5, 0)).toBe(`50${S}%`);
    expect(formatPercent(-0.25)).toBe(`${M}25,0${S}%`);
    expect(formatPercent(12.5)).toBe(`1${S}250,0${S}%`);
    expect(formatPercent(Number.NaN)).toBe("");
  });

  it("dates as Norwegians write them, whatever the time zone", () => {
    expect(formatDate("2026-06-03")).toBe("03.06.2026");
    expect(formatDate("2026-12-31")).toBe("31.12.2026");
    expect(formatDate("2026-06-03", "long")).toBe("3. juni 2026");
    expect(formatDate("2025-01-01", "long")).toBe("1. januar 2025");
    expect(formatDate("2026-02-30")).toBe("");
    expect(formatDate("30.06.2026")).toBe("");
  });
});

describe("counts (Intl.PluralRules nb-NO)", () => {
  it("«1 advarsel», «2 advarsler», «0 advarsler», «1 celle»", () => {
    expect(count(1, "advarsel", "advarsler")).toBe("1 advarsel");
    expect(count(2, "advarsel", "advarsler")).toBe("2 advarsler");
    expect(count(0, "advarsel", "advarsler")).toBe("0 advarsler");
    expect(count(1, "celle", "celler")).toBe("1 celle");
    expect(count(17, "celle", "celler")).toBe("17 celler");
    expect(count(1200, "rad", "rader")).toBe(`1${S}200 rader`);
    expect(pluralWord(1.5, "time", "timer")).toBe("timer");
  });
});
