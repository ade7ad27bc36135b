import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

describe("duplicate-id", () => {
  it("flags the second use of an id, pointing to the first", () => {
    const res = validatePlanGrid(
      smallPlan([measure("1.1.1"), measure("1.1.2"), measure("1.1.2.", { maal: "Noe annet" })]),
      { year: 2026 },
    );
    const p = res.problems.filter((x) => x.code === "duplicate-id");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: "error", cell: "A4", value: "1.1.2." });
    expect(p[0].message).toBe("A4: Nummeret 1.1.2 er brukt før (A3). Gi tiltaket et nytt nummer.");
  });
  it("a Nr merged over two rows is one id", () => {
    const grid = smallPlan(
      [measure("1.1.1"), ["", "Område", "Tiltak 1.1", "Mål 2", "2026", "", "Meg"]],
      [{ top: 1, left: 0, bottom: 2, right: 0 }],
    );
    const res = validatePlanGrid(grid, { year: 2026 });
    expect(res.problems.filter((x) => x.code === "duplicate-id" || x.code === "invalid-id")).toEqual([]);
  });
  it("counts ids across headings too", () => {
    const res = validatePlanGrid(
      smallPlan([["1", "UngArena+", "", "", "", "", ""], measure("1.1"), ["1", "Annet", "", "", "", "", ""]]),
      {
        year: 2026,
      },
    );
    expect(res.problems.filter((x) => x.code === "duplicate-id").map((x) => x.cell)).toEqual(["A4"]);
  });
});
