import { describe, expect, it } from "vitest";
import {
  AMBULANT_RONTGEN,
  DEFAULT_RANGE,
  followUp,
  scenarioResult,
  sensitivity,
  sensitivitySummary,
  volumes,
} from "../../src/core/cost-model";
import { DATA } from "./helpers";

describe("ambulant røntgen inputs", () => {
  it("match examples/data/kostnadsmodeller.json", () => {
    const d = DATA.ambulantRontgen;
    expect(AMBULANT_RONTGEN.salary).toBe(d.salary);
    expect(AMBULANT_RONTGEN.investments.map((i) => [i.price, i.years])).toEqual(
      d.investments.map((i: { price: number; years: number }) => [i.price, i.years]),
    );
    expect(AMBULANT_RONTGEN.capacity).toBe(d.capacityPerYear);
    expect(AMBULANT_RONTGEN.alternative.reduce((a, x) => a + x.amount, 0)).toBe(
      d.alternativeAtHospital.total,
    );
    AMBULANT_RONTGEN.scenarios.forEach((s, i) => {
      expect(s.name).toBe(d.scenarios[i].name);
      expect(s.missions).toBe(d.scenarios[i].missions);
      expect(s.running.map((r) => r.amount)).toEqual(Object.values(d.scenarios[i].running));
    });
  });
});

describe("scenarioResult (seed tables 1 and 2)", () => {
  it("2024-nivå: 1 194 000 a year, 3 142 per mission, break-even 40", () => {
    const r = scenarioResult("2024");
    expect(r.runningTotal).toBe(44_000);
    expect(r.depreciation).toBe(300_000);
    expect(r.annual).toBe(1_194_000);
    expect(Math.round(r.perMission)).toBe(3142);
    expect(r.perMission).toBeCloseTo(3142.105263, 5);
    expect(r.breakEven).toBe(40);
    expect(r.saving).toBe(380 * 30_000 - 1_194_000);
    expect(r.perMissionAtCapacity).toBe(1194);
  });
  it("2018/19-nivå: 1 214 000 a year, 1 734 per mission, break-even 41", () => {
    const r = scenarioResult("2018");
    expect(r.runningTotal).toBe(64_000);
    expect(r.annual).toBe(1_214_000);
    expect(Math.round(r.perMission)).toBe(1734);
    expect(r.breakEven).toBe(41);
  });
});

describe("sensitivity", () => {
  it("100 to 1 000 in steps of 100 at 1 194 000 against 30 000", () => {
    const rows = sensitivity(1_194_000, 30_000);
    expect(rows.map((r) => r.missions)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(rows[0]).toEqual({ missions: 100, perMission: 11_940, saving: 3_000_000 - 1_194_000 });
    expect(Math.round(rows[6].perMission)).toBe(1706);
    expect(rows[9]).toEqual({ missions: 1000, perMission: 1194, saving: 28_806_000 });
    expect(sensitivitySummary(1_194_000, 30_000).breakEven).toBe(40);
  });
  it("cost per mission falls and saving grows with volume", () => {
    const rows = sensitivity(1_214_000, 30_000, { from: 50, to: 1000, step: 50 });
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].perMission).toBeLessThan(rows[i - 1].perMission);
      expect(rows[i].saving).toBeGreaterThan(rows[i - 1].saving);
    }
  });
  it("the saving is zero at annual / alternative", () => {
    expect(sensitivity(1_200_000, 30_000, { from: 40, to: 40, step: 1 })[0].saving).toBe(0);
  });
  it("volumes do not drift with fractional steps and refuse a zero step", () => {
    expect(volumes({ from: 0.1, to: 0.3, step: 0.1 })).toHaveLength(3);
    expect(volumes(DEFAULT_RANGE)).toHaveLength(10);
    expect(() => volumes({ from: 100, to: 1000, step: 0 })).toThrow(RangeError);
  });
});

describe("followUp (digital møteserie, SSU-sak 19/26)", () => {
  it("700 000 granted, 808 985 accounted: 108 985 over; 4 meetings for 323 598 → 808 995 at 10", () => {
    const f = followUp({
      budget: 700_000,
      accounted: 808_985,
      spentToDate: 323_598,
      unitsDone: 4,
      unitsTotal: 10,
    });
    expect(f.deviation).toBe(108_985);
    expect(f.overspend).toBe(108_985);
    expect(f.usedShare).toBeCloseTo(1.1557, 4);
    expect(f.forecast).toBe(808_995);
    expect(f.forecastDeviation).toBe(108_995);
    expect(f.note).toBeUndefined();
  });
  it("underspend is no overspend", () => {
    const f = followUp({ budget: 850_000, accounted: 800_000 });
    expect(f.deviation).toBe(-50_000);
    expect(f.overspend).toBe(0);
    expect(f.forecast).toBeNull();
    expect(f.note).toMatch(/Ingen prognose/);
  });
  it("gives a Norwegian reason instead of throwing when no units are done", () => {
    const f = followUp({ budget: 700_000, accounted: 0, spentToDate: 0, unitsDone: 0, unitsTotal: 10 });
    expect(f.forecast).toBeNull();
    expect(f.note).toMatch(/gjennomførte enheter må være større enn 0/);
    expect(followUp({ budget: 0, accounted: 10 }).usedShare).toBeNull();
  });
});
