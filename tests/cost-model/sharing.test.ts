import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  HOSPITAL,
  MUNICIPALITIES,
  PARTNERS,
  SHARING_MODELS,
  shareCost,
  type SharingModel,
} from "../../src/core/cost-model";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const amounts = (r: ReturnType<typeof shareCost>) => {
  if (!r.ok) throw new Error(r.reason);
  return r.shares.map((s) => s.amount);
};

describe("shareCost", () => {
  it("names the hospital first and the six municipalities in order", () => {
    const r = shareCost(1_194_000, "likt");
    expect(r.ok && r.shares.map((s) => s.partner)).toEqual([HOSPITAL, ...MUNICIPALITIES]);
    expect(PARTNERS).toHaveLength(7);
  });
  it("likt: 1 194 000 over seven partners, the first three get the extra krone", () => {
    expect(amounts(shareCost(1_194_000, "likt"))).toEqual([
      170_572, 170_572, 170_572, 170_571, 170_571, 170_571, 170_571,
    ]);
  });
  it("halv-likt: the hospital pays 597 000, each municipality 99 500", () => {
    expect(amounts(shareCost(1_194_000, "halv-likt"))).toEqual([
      597_000, 99_500, 99_500, 99_500, 99_500, 99_500, 99_500,
    ]);
  });
  it("halv-innbyggere: the municipalities' half by population", () => {
    const population = [1, 1, 1, 1, 1, 5];
    const a = amounts(shareCost(1_194_000, "halv-innbyggere", { population }));
    expect(a[0]).toBe(597_000);
    expect(a[6]).toBe(298_500);
    expect(sum(a)).toBe(1_194_000);
  });
  it("halv-bruk: a municipality without missions pays nothing", () => {
    const a = amounts(shareCost(1_214_000, "halv-bruk", { use: [100, 0, 200, 100, 200, 100] }));
    expect(a).toEqual([607_000, 86_714, 0, 173_429, 86_714, 173_429, 86_714]);
    expect(sum(a)).toBe(1_214_000);
  });
  it("odd totals: the hospital gets the extra krone of the 50/50 split", () => {
    expect(amounts(shareCost(1_194_001, "halv-likt"))[0]).toBe(597_001);
  });
  it("missing inputs give a Norwegian reason naming the municipalities", () => {
    const r = shareCost(1_194_000, "halv-innbyggere", { population: [10, null, 10, 10, 10] });
    expect(r).toEqual({ ok: false, reason: "Fyll inn innbyggertall for Holmestrand, Tønsberg." });
    expect(shareCost(1_194_000, "halv-bruk")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Fyll inn antall oppdrag/),
    });
    expect(shareCost(1_194_000, "halv-bruk", { use: [0, 0, 0, 0, 0, 0] })).toMatchObject({ ok: false });
    expect(shareCost(1_194_000, "halv-innbyggere", { population: [1, 1, 1, 1, 1, -1] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/negativt \(Tønsberg\)/),
    });
    expect(shareCost(Number.NaN, "likt")).toMatchObject({ ok: false });
  });
  it("every model sums exactly to the total in whole kroner (property)", () => {
    const weights = fc
      .array(fc.integer({ min: 0, max: 200_000 }), { minLength: 6, maxLength: 6 })
      .filter((w) => w.some((x) => x > 0));
    fc.assert(
      fc.property(
        fc.double({ min: -5e7, max: 5e7, noNaN: true }),
        fc.constantFrom<SharingModel>(...SHARING_MODELS.map((m) => m.id)),
        weights,
        weights,
        (total, model, population, use) => {
          const a = amounts(shareCost(total, model, { population, use }));
          expect(a).toHaveLength(7);
          for (const x of a) expect(Number.isInteger(x)).toBe(true);
          expect(sum(a)).toBe(Math.round(total) + 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
