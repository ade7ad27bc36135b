import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

describe("blank-row and the end of the table", () => {
  it("reports each blank row inside the table as one info", () => {
    const res = validatePlanGrid(smallPlan([measure("1.1.1"), [], [], measure("1.1.2")]), { year: 2026 });
    expect(res.problems.map((p) => `${p.code} ${p.severity} ${p.cell}`)).toEqual([
      "blank-row info A3",
      "blank-row info A4",
    ]);
    expect(res.problems[0].message).toBe(
      "Rad 3 er tom. Slett raden, eller fyll den ut hvis et tiltak mangler.",
    );
  });
  it("three blank rows end the table: what follows is not checked", () => {
    const res = validatePlanGrid(
      smallPlan([measure("1.1.1"), [], [], [], ["Kommentar", "", "", "", "snarest"]]),
      { year: 2026 },
    );
    expect(res.problems).toEqual([]);
    expect(res.summary.rows).toBe(1);
  });
  it("a trailing note after the last measure is not a measure", () => {
    const note = ["Der ikke annet fremgår, brukes RST."];
    expect(validatePlanGrid(smallPlan([measure("1.1.1"), [], note]), { year: 2026 }).problems).toEqual([]);
    expect(validatePlanGrid(smallPlan([measure("1.1.1"), note]), { year: 2026 }).problems).toEqual([]);
  });
  it("trailing blank rows are not reported", () => {
    expect(validatePlanGrid(smallPlan([measure("1.1.1"), [], []]), { year: 2026 }).problems).toEqual([]);
  });
  it("a row that only carries merged values from above counts as blank", () => {
    const g = smallPlan([measure("1.1.1"), [], measure("1.1.2")], [{ top: 1, left: 1, bottom: 3, right: 1 }]);
    expect(validatePlanGrid(g, { year: 2026 }).problems.map((p) => `${p.code} ${p.cell}`)).toEqual([
      "blank-row A3",
    ]);
  });
});
