import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { fn, expectError } from "./helpers";

const seed = JSON.parse(
  readFileSync(new URL("../../examples/data/kostnadsmodeller.json", import.meta.url), "utf8"),
);
const rtg = seed.ambulantRontgen;
const running2024 = Object.values(rtg.scenarios[0].running as Record<string, number>).map((v) => [v]);
const running2018 = Object.values(rtg.scenarios[1].running as Record<string, number>).map((v) => [v]);
const prices = rtg.investments.map((i: { price: number }) => [i.price]);
const years = rtg.investments.map((i: { years: number }) => [i.years]);

describe("COST.ANNUAL", () => {
  it("ambulant røntgen: 850 000 + 700 000/5 + 1 600 000/10 + 44 000 = 1 194 000; 2018/19: 1 214 000", () => {
    expect(fn("COST.ANNUAL", [[rtg.salary]], prices, years, running2024)).toBe(1_194_000);
    expect(fn("COST.ANNUAL", [[850_000]], prices, years, [[64_000]])).toBe(1_214_000);
    expect(fn("COST.ANNUAL", 850_000, prices, years, running2018)).toBe(1_214_000);
  });
  it("amount text, blanks skipped, one life for all prices", () => {
    expect(
      fn(
        "COST.ANNUAL",
        [["850 000 kr"]],
        [["700 000"], [null], ["1 600 000"]],
        [[5], [null], [10]],
        [["44 000"]],
      ),
    ).toBe(1_194_000);
    expect(fn("COST.ANNUAL", 0, [[500], [1000]], [[5]], null)).toBe(300);
  });
  it("errors", () => {
    expectError(
      fn("COST.ANNUAL", 0, [[700_000], [1_600_000]], [[5], [null]], 0),
      "#VALUE!",
      /^Rad 2 i years mangler levetid/,
    );
    expectError(
      fn("COST.ANNUAL", 0, [[700_000]], [[0]], 0),
      "#VALUE!",
      /Rad 1 i years må være en levetid i år større enn 0/,
    );
    expectError(
      fn("COST.ANNUAL", 0, [[700_000], [1]], [[5], [1], [3]], 0),
      "#VALUE!",
      /like mange celler \(2 og 3\)/,
    );
    expectError(
      fn("COST.ANNUAL", [["lønn"]], [[1]], [[1]], 0),
      "#VALUE!",
      /Rad 1 i fixed er ikke et beløp: «lønn»/,
    );
    expectError(
      fn("COST.ANNUAL", 0, [[1]], [["fem"]], 0),
      "#VALUE!",
      /Rad 1 i years er ikke et beløp: «fem»/,
    );
  });
});

describe("COST.PERUNIT", () => {
  it("1 194 000 / 380 ≈ 3 142 and 1 214 000 / 700 ≈ 1 734 (unrounded)", () => {
    const a = fn("COST.PERUNIT", 1_194_000, 380) as number;
    expect(Math.round(a)).toBe(rtg.scenarios[0].perMission);
    expect(Math.round(a)).toBe(3_142);
    expect(a).toBeCloseTo(3142.1053, 3);
    expect(Math.round(fn("COST.PERUNIT", 1_214_000, 700) as number)).toBe(1_734);
  });
  it("errors", () => {
    expectError(fn("COST.PERUNIT", 1_194_000, 0), "#VALUE!", /^Antall oppdrag må være større enn 0/);
    expectError(fn("COST.PERUNIT", 1_194_000, -3), "#VALUE!", /^Antall oppdrag må være større enn 0/);
    expectError(fn("COST.PERUNIT", 1_194_000, null), "#VALUE!", /units mangler/);
    expectError(fn("COST.PERUNIT", "x", 380), "#VALUE!", /annualCost/);
  });
});

describe("COST.BREAKEVEN", () => {
  it("1 194 000 against 30 000 per examination at the hospital: 40 missions", () => {
    expect(fn("COST.BREAKEVEN", 1_194_000, rtg.alternativeAtHospital.total)).toBe(40);
    expect(fn("COST.BREAKEVEN", 1_200_000, "30 000")).toBe(40);
    expect(fn("COST.BREAKEVEN", 1_200_001, 30_000)).toBe(41);
  });
  it("errors", () => {
    expectError(fn("COST.BREAKEVEN", 1_194_000, 0), "#VALUE!", /alternativet må være større enn 0/);
    expectError(fn("COST.BREAKEVEN", -1, 30_000), "#VALUE!", /kan ikke være negativ/);
  });
});

describe("COST.SHARE", () => {
  it("splits in whole kroner summing to the total, same orientation as the weights", () => {
    expect(fn("COST.SHARE", 1_194_000, [[1], [1]])).toEqual([[597_000], [597_000]]);
    expect(fn("COST.SHARE", 100, [[1, 1, 1]])).toEqual([[34, 33, 33]]);
    expect(fn("COST.SHARE", 100, [[1], [1], [1], [1], [1], [1]])).toEqual([
      [17],
      [17],
      [17],
      [17],
      [16],
      [16],
    ]);
    expect(fn("COST.SHARE", "1 000", [["3"], [1], [0]])).toEqual([[750], [250], [0]]);
  });
  it("errors", () => {
    expectError(fn("COST.SHARE", 100, [[1], [null], [2]]), "#VALUE!", /^Rad 2 i weights er tom/);
    expectError(fn("COST.SHARE", 100, [[1], [-1]]), "#VALUE!", /Rad 2 i weights kan ikke være negativ/);
    expectError(fn("COST.SHARE", 100, [[0], [0]]), "#VALUE!", /Alle vektene/);
    expectError(
      fn("COST.SHARE", 100, [[1], ["mange"]]),
      "#VALUE!",
      /Rad 2 i weights er ikke et beløp: «mange»/,
    );
    expectError(
      fn("COST.SHARE", 100, [
        [1, 2],
        [3, 4],
      ]),
      "#VALUE!",
      /én kolonne eller én rad/,
    );
  });
  it("property: whole kroner summing exactly to the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 10 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const out = fn(
            "COST.SHARE",
            total,
            weights.map((w) => [w]),
          ) as number[][];
          expect(out.length).toBe(weights.length);
          expect(out.every(([v]) => Number.isInteger(v))).toBe(true);
          expect(out.reduce((s, [v]) => s + v, 0)).toBe(total);
        },
      ),
    );
  });
});

describe("COST.FORECAST", () => {
  it("forecast(323 598, 4, 10) = 808 995 (about 809 000)", () => {
    expect(fn("COST.FORECAST", 323_598, 4, 10)).toBe(808_995);
    expect(fn("COST.FORECAST", "323 598 kr", "4", 10)).toBe(808_995);
  });
  it("errors", () => {
    expectError(fn("COST.FORECAST", 323_598, 0, 10), "#VALUE!", /gjennomførte enheter må være større enn 0/);
    expectError(fn("COST.FORECAST", 323_598, 4, -1), "#VALUE!", /planlagte enheter kan ikke være negativt/);
    expectError(fn("COST.FORECAST", null, 4, 10), "#VALUE!", /spentToDate mangler/);
  });
});
