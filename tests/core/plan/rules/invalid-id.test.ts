import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

const codes = (rows: Parameters<typeof smallPlan>[0]) =>
  validatePlanGrid(smallPlan(rows), { year: 2026 }).problems.filter((p) => p.code === "invalid-id");

describe("invalid-id", () => {
  it("accepts 1, 1.2, 1.2.3 and a trailing dot", () => {
    expect(codes([measure("1"), measure("1.1"), measure("1.1.1."), measure("1.1.2")])).toEqual([]);
  });
  it("flags a Nr that is not dotted numbers, naming the cell and the text", () => {
    const p = codes([measure("1.1.1"), measure("1.1,2")]);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: "error", cell: "A3", row: 3, column: "Nr", value: "1.1,2" });
    expect(p[0].message).toBe(
      "A3: Nummeret «1.1,2» er ikke gyldig. Nr må være tall skilt med punktum, f.eks. «1», «1.2» eller «1.2.3».",
    );
  });
  it("flags a measure without a Nr", () => {
    const p = codes([measure("1.1.1"), measure("")]);
    expect(p).toHaveLength(1);
    expect(p[0].message).toBe("A3: Tiltaket mangler nummer. Skriv et nummer som «1.2.3».");
  });
  it("accepts a Nr stored as a number", () => {
    expect(codes([[1.1, "Område", "Tiltak", "Mål", "2026", "", "Meg"]])).toEqual([]);
  });
  it("does not check a heading row's label", () => {
    const rows = [["Del A", "UngArena+", "", "", "", "", ""], measure("1.1.1")];
    expect(codes(rows)).toEqual([]);
  });
});
