import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

function seq(ids: string[]) {
  const res = validatePlanGrid(smallPlan(ids.map((id) => measure(id))), { year: 2026 });
  return res.problems
    .filter((p) => p.code === "id-gap" || p.code === "id-order")
    .map((p) => `${p.code} ${p.value}`);
}

describe("id-gap and id-order", () => {
  it("a plain sequence has neither", () => {
    expect(seq(["1.1.1", "1.1.2", "1.2.1", "2.1.1", "2.2.1", "3.1.1"])).toEqual([]);
  });
  it("4.1.1 then 4.1.3 is a gap", () => {
    expect(seq(["4.1.1", "4.1.3"])).toEqual(["id-gap 4.1.3"]);
  });
  it("1.1.1 then 1.3.1 is a gap", () => {
    expect(seq(["1.1.1", "1.3.1"])).toEqual(["id-gap 1.3.1"]);
  });
  it("2 then 4 at the top level is a gap", () => {
    expect(seq(["1", "2", "4"])).toEqual(["id-gap 4"]);
  });
  it("going backwards is id-order, and one misplaced row gives one warning", () => {
    expect(seq(["1.1.1", "1.1.2", "1.1.4", "1.1.3", "1.1.5"])).toEqual(["id-gap 1.1.4", "id-order 1.1.3"]);
    expect(seq(["2.1.1", "1.1.1", "2.1.2"])).toEqual(["id-order 1.1.1"]);
  });
  it("messages say from where to where", () => {
    const res = validatePlanGrid(smallPlan([measure("4.1.1"), measure("4.1.3"), measure("4.1.2")]), {
      year: 2026,
    });
    const msgs = res.problems.filter((p) => p.code.startsWith("id-")).map((p) => p.message);
    expect(msgs).toEqual([
      "A3: Nummereringen hopper fra 4.1.1 til 4.1.3. Sjekk om et tiltak mangler, eller rett nummeret.",
      "A4: Nummeret 4.1.2 kommer etter 4.1.3. Flytt raden eller rett nummeret så rekkefølgen stemmer.",
    ]);
    expect(res.problems.every((p) => p.severity === "warning")).toBe(true);
  });
  it("heading ids take part: 1 → 1.1 → 1.1.1 → 1.2 → 1.2.1 → 2", () => {
    const rows = [
      ["1", "UngArena+", "", "", "", "", ""],
      ["1.1", "", "Kontinuere drift", "", "", "", ""],
      measure("1.1.1"),
      ["1.2", "", "Planlegge spredning", "", "", "", ""],
      measure("1.2.1"),
      ["3", "Vitality", "", "", "", "", ""],
    ];
    const res = validatePlanGrid(smallPlan(rows), { year: 2026 });
    expect(res.problems.filter((p) => p.code.startsWith("id-")).map((p) => `${p.code} ${p.value}`)).toEqual([
      "id-gap 3",
    ]);
  });
});
