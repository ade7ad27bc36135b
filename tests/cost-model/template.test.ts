import { describe, expect, it } from "vitest";
import {
  AMOUNT_FORMAT,
  MUNICIPALITIES,
  SHARING_MODELS,
  costModelTemplate,
  scenarioResult,
  sensitivity,
  shareCost,
  templateCell,
  templateGrid,
  widthToPoints,
} from "../../src/core/cost-model";
import { evaluateTemplate, valueAt } from "./helpers";

const t = costModelTemplate();
const { refs } = t;

describe("the Kostnadsmodell template evaluated with the rst eval engine", () => {
  const res = evaluateTemplate(t);

  it("has no formula errors", () => {
    const errors = [...res].filter(([, r]) => "error" in r);
    expect(errors).toEqual([]);
    expect(res.size).toBeGreaterThan(60);
  });

  it("2024-nivå: 1 194 000 a year, 3 142 per mission (unrounded 3 142,1…), break-even 40", () => {
    const r = refs.results["2024"];
    expect(valueAt(res, r.annual)).toBe(1_194_000);
    expect(Math.round(valueAt(res, r.perMission) as number)).toBe(3142);
    expect(valueAt(res, r.perMission)).toBeCloseTo(3142.105, 3);
    expect(valueAt(res, r.breakEven)).toBe(40);
    expect(valueAt(res, r.alternative)).toBe(30_000);
    expect(valueAt(res, r.saving)).toBe(10_206_000);
  });

  it("2018/19-nivå: 1 214 000 a year, 1 734 per mission", () => {
    const r = refs.results["2018"];
    expect(valueAt(res, r.annual)).toBe(1_214_000);
    expect(Math.round(valueAt(res, r.perMission) as number)).toBe(1734);
    expect(valueAt(res, r.breakEven)).toBe(41);
  });

  it("the sheet agrees with core for both scenarios", () => {
    for (const id of ["2024", "2018"] as const) {
      const core = scenarioResult(id);
      const r = refs.results[id];
      expect(valueAt(res, r.annual)).toBe(core.annual);
      expect(valueAt(res, r.perMission)).toBeCloseTo(core.perMission, 9);
      expect(valueAt(res, r.breakEven)).toBe(core.breakEven);
      expect(valueAt(res, r.saving)).toBe(core.saving);
      expect(valueAt(res, r.perMissionAtCapacity)).toBe(core.perMissionAtCapacity);
    }
  });

  it("the sensitivity table equals core's sensitivity() for the chosen scenario", () => {
    expect(valueAt(res, refs.selected.annual)).toBe(1_194_000);
    expect(valueAt(res, refs.selected.breakEven)).toBe(40);
    const rows = sensitivity(1_194_000, 30_000);
    expect(refs.sensitivity).toHaveLength(10);
    refs.sensitivity.forEach((at, i) => {
      expect(templateCell(t, at.missions)?.value).toBe(rows[i].missions);
      expect(valueAt(res, at.perMission)).toBeCloseTo(rows[i].perMission, 9);
      expect(valueAt(res, at.saving)).toBe(rows[i].saving);
    });
    expect(valueAt(res, refs.sensitivity[0].perMission)).toBe(11_940);
    expect(valueAt(res, refs.sensitivity[9].perMission)).toBe(1194);
  });

  it("choosing 2018/19-nivå in the selector moves the sensitivity and sharing to 1 214 000", () => {
    const other = evaluateTemplate(costModelTemplate({ scenario: "2018" }));
    expect(valueAt(other, refs.selected.annual)).toBe(1_214_000);
    expect(valueAt(other, refs.sensitivity[6].perMission)).toBeCloseTo(1734.2857, 4);
    const typed = evaluateTemplate(t, { [refs.selector]: "2018/19-nivå" });
    expect(valueAt(typed, refs.selected.annual)).toBe(1_214_000);
    const bad = evaluateTemplate(t, { [refs.selector]: "2030" });
    expect(valueAt(bad, refs.selected.annual)).toMatch(/^Skriv 2024-nivå eller 2018\/19-nivå i B\d+$/);
  });

  it("editing an input recalculates: 500 missions at 2024-nivå cost 2 388 each", () => {
    const edited = evaluateTemplate(t, { [refs.inputs["2024"].missions]: 500 });
    expect(valueAt(edited, refs.results["2024"].perMission)).toBe(2388);
  });

  it("cost sharing shows a friendly text until population and use are filled in", () => {
    const c = refs.sharing.columns;
    const row = refs.sharing.municipalityRows[0];
    expect(valueAt(res, `${c["halv-innbyggere"]}${row}`)).toBe("Fyll inn innbyggertall");
    expect(valueAt(res, `${c["halv-bruk"]}${row}`)).toBe("Fyll inn antall oppdrag");
    expect(valueAt(res, `${c["halv-likt"]}${row}`)).toBe(99_500);
    expect(valueAt(res, `${c["likt"]}${refs.sharing.sumRow}`)).toBe(1_194_000);
  });

  it("cost sharing on the sheet equals core's shareCost for every model once filled in", () => {
    const population = [12_000, 29_000, 28_000, 48_000, 65_000, 58_000];
    const use = [40, 25, 60, 90, 80, 85];
    const overrides: Record<string, number> = {};
    refs.sharing.municipalityRows.forEach((r, i) => {
      overrides[`B${r}`] = population[i];
      overrides[`C${r}`] = use[i];
    });
    const filled = evaluateTemplate(t, overrides);
    for (const m of SHARING_MODELS) {
      const col = refs.sharing.columns[m.id];
      const core = shareCost(1_194_000, m.id, { population, use });
      if (!core.ok) throw new Error(core.reason);
      const rows = [refs.sharing.hospitalRow, ...refs.sharing.municipalityRows];
      expect(rows.map((r) => valueAt(filled, `${col}${r}`))).toEqual(core.shares.map((s) => s.amount));
      expect(valueAt(filled, `${col}${refs.sharing.sumRow}`)).toBe(1_194_000);
    }
  });

  it("the follow-up block: 108 985 over; forecast 808 995 at 10 meetings", () => {
    const f = refs.followUp;
    expect(valueAt(res, f.deviation)).toBe(108_985);
    expect(valueAt(res, f.forecast)).toBe(808_995);
    expect(valueAt(res, f.forecastDeviation)).toBe(108_995);
    expect(valueAt(res, f.usedShare)).toBeCloseTo(1.1557, 4);
  });
});

describe("the template's shape", () => {
  it("inputs are constants (or empty fields), outputs are formulas", () => {
    for (const c of t.cells) {
      if (c.role === "input") expect(c.formula, c.address).toBeUndefined();
      if (c.role === "output") expect(c.formula, c.address).toMatch(/^=/);
    }
    const fields = t.cells.filter((c) => c.role === "input" && c.value === undefined);
    expect(fields).toHaveLength(MUNICIPALITIES.length * 2);
  });

  it("uses our COST.* functions for the results", () => {
    const r = refs.results["2024"];
    expect(templateCell(t, r.annual)?.formula).toBe("=COST.ANNUAL(B5,B6:B7,B8:B9,B10:B13)");
    expect(templateCell(t, r.perMission)?.formula).toBe(
      `=COST.PERUNIT(${r.annual},${refs.inputs["2024"].missions})`,
    );
    expect(templateCell(t, r.breakEven)?.formula).toBe(`=COST.BREAKEVEN(${r.annual},${r.alternative})`);
    expect(templateCell(t, refs.followUp.forecast)?.formula).toMatch(/^=COST\.FORECAST\(/);
    expect(t.cells.filter((c) => c.formula?.includes("COST.SHARE")).length).toBeGreaterThan(20);
  });

  it("has the seed's inputs and notes, amounts formatted with grouping", () => {
    const i = refs.inputs["2024"];
    expect(templateCell(t, i.salary)).toMatchObject({
      value: 850_000,
      role: "input",
      numberFormat: AMOUNT_FORMAT,
    });
    expect(t.cells.some((c) => c.value === "snittlønn 611' + sos utg")).toBe(true);
    expect(templateCell(t, refs.inputs["2018"].missions)?.value).toBe(700);
    expect(
      t.cells
        .filter((c) => typeof c.value === "string" && c.value.startsWith("Drift bil: 70"))
        .map((c) => c.value),
    ).toEqual([
      "Drift bil: 7000 drivstoff",
      "Drift bil: 7020 vedlikehold transpbil",
      "Drift bil: 7040 forsikring transpbil",
      "Drift bil: 7090 annen kost transpbil",
    ]);
  });

  it("addresses are unique, text constants never look like formulas, merges and widths are set", () => {
    const seen = new Set(t.cells.map((c) => c.address));
    expect(seen.size).toBe(t.cells.length);
    for (const c of t.cells) if (typeof c.value === "string") expect(c.value.startsWith("=")).toBe(false);
    expect(t.merges[0]).toBe("A1:G1");
    expect(t.columnWidths.A).toBe(46);
    expect(widthToPoints(10)).toBe(56.25);
    expect(templateGrid(t).rows[0][0].value).toBe("Ambulant røntgen – kostnadsmodell");
  });
});
