import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

describe("duplicate-row", () => {
  it("warns on a row identical in every column to an earlier one", () => {
    const rows = [measure("1.1.1"), measure("1.1.2"), measure("1.1.1")];
    const p = validatePlanGrid(smallPlan(rows), { year: 2026 }).problems.filter(
      (x) => x.code === "duplicate-row",
    );
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: "warning", cell: "A4", row: 4 });
    expect(p[0].message).toBe(
      "A4: Rad 4 er helt lik rad 2. Slett den ene, eller rett det som skal være ulikt.",
    );
  });
  it("rows differing in one column are not duplicates; whitespace differences are", () => {
    const rows = [
      measure("1.1.1"),
      measure("1.1.1", { ansvar: "Noen andre" }),
      measure("1.1.1", { ansvar: " Prosjektleder\n" }),
    ];
    const p = validatePlanGrid(smallPlan(rows), { year: 2026 }).problems.filter(
      (x) => x.code === "duplicate-row",
    );
    expect(p.map((x) => x.row)).toEqual([4]);
  });
  it("merged areas repeated over rows do not make rows duplicates", () => {
    const rows = [measure("1.1.1", { maal: "A" }), ["1.1.2", "", "", "B", "2026", "", ""]];
    const g = smallPlan(rows, [
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 1, left: 6, bottom: 2, right: 6 },
    ]);
    expect(validatePlanGrid(g, { year: 2026 }).problems).toEqual([]);
  });
});
