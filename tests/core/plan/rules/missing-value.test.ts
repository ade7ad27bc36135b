import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../../../src/core/grid";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

describe("missing-value", () => {
  it("Tiltak and Mål empty are errors, Frist and Ansvar empty warnings", () => {
    const res = validatePlanGrid(
      smallPlan([measure("1.1.1", { tiltak: "", maal: "", frist: "", ansvar: "" })]),
      { year: 2026 },
    );
    const p = res.problems.filter((x) => x.code === "missing-value");
    expect(p.map((x) => `${x.cell} ${x.severity} ${x.column}`)).toEqual([
      "C2 error Tiltak",
      "D2 error Mål",
      "E2 warning Frist",
      "G2 warning Ansvar",
    ]);
    expect(p[1].message).toBe("D2: Mål mangler for tiltak 1.1.1. Skriv hva som skal være gjennomført.");
  });
  it("uses the header text as written in the message", () => {
    const g = gridFromValues("P", [
      ["Nr", "Tiltak 2026", "Gjennomføres 2026 (mål)", "Tidsfrist"],
      ["1.1", "Tiltak", "", "2026"],
    ]);
    const p = validatePlanGrid(g).problems.find((x) => x.code === "missing-value")!;
    expect(p.column).toBe("Gjennomføres 2026 (mål)");
    expect(p.message).toContain("Gjennomføres 2026 (mål) mangler for tiltak 1.1.");
  });
  it("a merged Frist or Ansvar fills every row it spans", () => {
    const g = smallPlan(
      [
        measure("1.1.1", { frist: "2026", ansvar: "Prosjektleder" }),
        measure("1.1.2", { frist: "", ansvar: "" }),
      ],
      [
        { top: 1, left: 4, bottom: 2, right: 4 },
        { top: 1, left: 6, bottom: 2, right: 6 },
      ],
    );
    expect(validatePlanGrid(g, { year: 2026 }).problems).toEqual([]);
  });
  it("columns the plan does not have are not required (no Ansvar column)", () => {
    const g = gridFromValues("P", [
      ["Nr", "Tiltak", "Mål", "Frist"],
      ["1", "T", "M", "2026"],
    ]);
    expect(validatePlanGrid(g, { year: 2026 }).problems).toEqual([]);
  });
  it("heading rows are not measures", () => {
    const g = smallPlan([
      ["1", "UngArena+", "", "", "", "", ""],
      ["1.1", "", "1.1 Kontinuere drift", "", "", "", ""],
      measure("1.1.1"),
    ]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems).toEqual([]);
    expect(res.summary.rows).toBe(1);
  });
  it("a row numbered like a measure but with nothing filled in is a measure with missing values", () => {
    const g = smallPlan([measure("1.1.1"), ["1.1.2", "Område", "Tiltak 1.1", "", "", "", ""]]);
    const p = validatePlanGrid(g, { year: 2026 }).problems.map((x) => `${x.cell} ${x.severity}`);
    expect(p).toEqual(["D3 error", "E3 warning", "G3 warning"]);
  });
});
