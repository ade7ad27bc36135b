import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

const amountProblems = (okonomi: (string | number)[]) =>
  validatePlanGrid(smallPlan(okonomi.map((o, i) => measure(`1.1.${i + 1}`, { okonomi: o }))), {
    year: 2026,
  }).problems.filter((p) => p.code === "amount-unparseable");

describe("amount-unparseable", () => {
  it("warns when neither an amount nor a source can be read", () => {
    const p = amountProblems(["Litt penger"]);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ severity: "warning", cell: "F2", column: "Økonomi", value: "Litt penger" });
    expect(p[0].message).toMatch(
      /^F2: Fant verken beløp eller finansieringskilde i «Litt penger» \(.+\)\. Skriv beløpet, f\.eks\. «410 000 kr»/,
    );
  });
  it("a named source without an amount, an amount, a number or an empty cell is fine", () => {
    expect(amountProblems(["Ekstern finansiering", "Fra SiV", "410 000 kr", 550000, ""])).toEqual([]);
  });
  it("every Økonomi text in the seed plan is readable", async () => {
    const { SEED_PLAN } = await import("../helpers");
    expect(amountProblems(SEED_PLAN.rows.map((r) => r[5]))).toEqual([]);
  });
  it("a merged Økonomi cell is checked once", () => {
    const g = smallPlan(
      [measure("1.1.1", { okonomi: "Litt penger" }), measure("1.1.2")],
      [{ top: 1, left: 5, bottom: 2, right: 5 }],
    );
    expect(validatePlanGrid(g, { year: 2026 }).problems.map((p) => `${p.code} ${p.cell}`)).toEqual([
      "amount-unparseable F2",
    ]);
  });
});
