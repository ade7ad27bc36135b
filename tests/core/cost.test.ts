import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import {
  sln,
  annualCost,
  perUnit,
  breakEven,
  savings,
  share,
  shareEqually,
  forecast,
} from "../../src/core/cost";

const seed = JSON.parse(
  readFileSync(new URL("../../examples/data/kostnadsmodeller.json", import.meta.url), "utf8"),
);
const rtg = seed.ambulantRontgen as {
  salary: number;
  investments: { price: number; years: number; perYear: number }[];
  scenarios: { missions: number; runningTotal: number; annualCost: number; perMission: number }[];
  alternativeAtHospital: { total: number };
};
const mote = seed.moteserieFastleger as {
  granted: number;
  accounted: number;
  overspend: number;
  autumn2025: { meetings: number; invoiced: number };
};

describe("ambulant røntgen (seed)", () => {
  it("straight-line depreciation per investment, as SLN", () => {
    for (const inv of rtg.investments) expect(sln(inv.price, 0, inv.years)).toBe(inv.perYear);
    expect(sln(10_000, 1_000, 3)).toBe(3_000);
    expect(() => sln(1, 0, 0)).toThrow(RangeError);
  });

  it("annual cost 1 194 000 → 3 142 per mission at 380; 1 214 000 → 1 734 at 700", () => {
    const [s2024, s2018] = rtg.scenarios;
    const a2024 = annualCost(rtg.salary, rtg.investments, s2024.runningTotal);
    const a2018 = annualCost(rtg.salary, rtg.investments, s2018.runningTotal);
    expect(a2024).toBe(1_194_000);
    expect(a2018).toBe(1_214_000);
    expect(a2024).toBe(s2024.annualCost);
    expect(Math.round(perUnit(a2024, s2024.missions))).toBe(3_142);
    expect(Math.round(perUnit(a2018, s2018.missions))).toBe(1_734);
    expect(Math.round(perUnit(a2018, s2018.missions))).toBe(s2018.perMission);
    expect(perUnit(a2024, 380)).toBeCloseTo(3142.105, 3);
  });

  it("break-even against 30 000 per examination at the hospital: 40 missions", () => {
    expect(breakEven(1_194_000, rtg.alternativeAtHospital.total)).toBe(40);
    expect(breakEven(1_200_000, 30_000)).toBe(40); // exact quotient is not rounded up
    expect(breakEven(1_200_001, 30_000)).toBe(41);
    expect(breakEven(0.7, 0.1)).toBe(7); // float noise 6.999…
    expect(breakEven(0, 30_000)).toBe(0);
    expect(() => breakEven(1, 0)).toThrow(RangeError);
  });

  it("savings at 380 missions against 30 000 each", () => {
    expect(savings(1_194_000, 380, 30_000)).toBe(10_206_000);
    expect(savings(1_194_000, 39, 30_000)).toBe(-24_000);
  });

  it("splits the annual cost between the six Vestfold municipalities", () => {
    const equal = shareEqually(1_194_000, 6);
    expect(equal).toEqual([199_000, 199_000, 199_000, 199_000, 199_000, 199_000]);
    expect(shareEqually(100, 6)).toEqual([17, 17, 17, 17, 16, 16]);
    // 50/50 hospital and municipalities
    expect(share(1_194_000, [1, 1])).toEqual([597_000, 597_000]);
    expect(share(1_000, [3, 1, 1])).toEqual([600, 200, 200]);
    expect(() => shareEqually(1, 0)).toThrow(RangeError);
  });
});

describe("digital møteserie for fastleger (seed)", () => {
  it("700 000 granted, 808 985 accounted → 108 985 over", () => {
    expect(mote.accounted - mote.granted).toBe(mote.overspend);
    expect(mote.overspend).toBe(108_985);
  });
  it("forecast(323 598, 4, 10) = 808 995 (about 809 000)", () => {
    expect(forecast(mote.autumn2025.invoiced, mote.autumn2025.meetings, 10)).toBe(808_995);
    expect(Math.round(forecast(323_598, 4, 10) / 1000) * 1000).toBe(809_000);
    expect(() => forecast(1, 0, 10)).toThrow(RangeError);
  });
});

describe("share properties", () => {
  it("whole kroner summing exactly to the total, deterministic", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.array(fc.integer({ min: 0, max: 700_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = share(total, weights);
          expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(share(total, weights)).toEqual(parts);
          weights.forEach((w, i) => {
            if (w === 0) expect(parts[i]).toBe(0);
          });
        },
      ),
    );
  });
});
