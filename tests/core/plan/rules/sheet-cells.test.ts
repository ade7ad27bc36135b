/**
 * Issue 14.3: plans read as written. Amounts by hand: 1.1 has 400 000 kr RST, 1.2 has 250 000 kr,
 * so with 1.2's Økonomi an error value the RST total is 400 000 (and that is said), not 650 000
 * with a silent drop, nor a warning only.
 */
import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../../../src/core/plan";
import { HEADER, measure, smallPlan } from "../helpers";

describe("error values in Økonomi and Frist", () => {
  it("#DIV/0! in Økonomi is an error naming the cell and the error, and the only message on it", () => {
    const g = smallPlan([
      measure("1.1.1", { okonomi: "400 000 kr" }),
      measure("1.2.1", { okonomi: "#DIV/0!" }),
    ]);
    const res = validatePlanGrid(g, { year: 2026 });
    const onF3 = res.problems.filter((p) => p.cell === "F3");
    expect(onF3).toHaveLength(1);
    expect(onF3[0]).toMatchObject({ code: "cell-error", severity: "error" });
    expect(onF3[0].message).toContain(
      "F3: «Økonomi» for tiltak 1.2.1 viser feilverdien #DIV/0! (deling med null)",
    );
    expect(onF3[0].message).toContain("ikke regnet med i RST-summen");
    expect(res.summary.rstTotal).toBe(400_000);
    expect(res.summary.errors).toBe(1);
  });

  it("#REF! in Frist is an error, not «kan ikke tolkes»", () => {
    const res = validatePlanGrid(smallPlan([measure("1.1.1", { frist: "#REF!" })]), { year: 2026 });
    expect(res.problems.map((p) => [p.cell, p.code])).toEqual([["E2", "cell-error"]]);
    expect(res.problems[0].message).toContain("#REF!");
  });
});

describe("formulas without a stored result", () => {
  it("say «ikke beregnet» and never count as empty", () => {
    const g = smallPlan([measure("1.1.1", { frist: null, okonomi: "100 000 kr" })]);
    g.rows[1][4] = { value: null, text: "", formula: '="2.kvartal "&2026', uncalculated: true };
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([["E2", "uncalculated", "error"]]);
    expect(res.problems[0].message).toContain("ikke beregnet – åpne og lagre arbeidsboken i Excel");
    expect(res.problems[0].message).not.toContain("er tom");
  });

  it("an uncalculated Økonomi is not a 0 in the total (it is said)", () => {
    const g = smallPlan([measure("1.1.1", { okonomi: "" })]);
    g.rows[1][5] = { value: null, text: "", formula: "=G9*2", uncalculated: true };
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems[0]).toMatchObject({ cell: "F2", code: "uncalculated" });
    expect(res.problems[0].message).toContain("ikke regnet med i RST-summen");
  });
});

describe("repeated header rows", () => {
  it("are skipped with an info, not validated as data", () => {
    const g = smallPlan([measure("1.1.1"), [...HEADER], measure("1.1.2")]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([
      ["A3", "header-repeated", "info"],
    ]);
    expect(res.problems[0].message).toBe("Rad 3 gjentar overskriftsraden (rad 1); den er hoppet over.");
    expect(res.summary.rows).toBe(2);
  });

  it("a measure that merely mentions a header word is not a header", () => {
    const g = smallPlan([measure("1.1.1", { maal: "Frist" })]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems.filter((p) => p.code === "header-repeated")).toEqual([]);
    expect(res.summary.rows).toBe(1);
  });
});
