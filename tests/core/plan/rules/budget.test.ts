import { describe, expect, it } from "vitest";
import { computeLedger } from "../../../../src/core/ledger";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";
import { plain } from "../../../plain";

const plan = () =>
  smallPlan([
    measure("1.1.1", { okonomi: "410 000 kr" }),
    measure("1.1.2", { okonomi: "Fra SiV: 200 000 kr" }),
    measure("1.1.3", { okonomi: "300 000 kr. Finansiering 2027: 550 000 kr" }),
  ]);

describe("budget", () => {
  it("rstTotal adds the plan year's RST amounts only", () => {
    expect(validatePlanGrid(plan(), { year: 2026 }).summary.rstTotal).toBe(710_000);
  });
  it("budget-exceeded on the Økonomi header cell when over the available amount", () => {
    const res = validatePlanGrid(plan(), { year: 2026, available: 700_000 });
    const p = res.problems.filter((x) => x.code === "budget-exceeded");
    expect(p).toHaveLength(1);
    expect(plain(p[0])).toMatchObject({
      severity: "error",
      sheet: "Plan",
      cell: "F1",
      row: 1,
      column: "Økonomi",
      value: "710 000",
    });
    expect(plain(p[0].message)).toContain("Reduser tiltakene med 10 000 kr");
    expect(validatePlanGrid(plan(), { year: 2026, available: 710_000 }).problems).toEqual([]);
  });
  it("uses the ledger's available amount for the plan year", () => {
    const ledger = computeLedger([
      { year: 2025, granted: 1_000_000, allocated: 600_000 },
      { year: 2026, granted: 300_000, allocated: 0 },
    ]);
    const res = validatePlanGrid(plan(), { year: 2026, ledger, ledgerSheet: "Tilskudd" });
    expect(res.summary.available).toBe(700_000);
    expect(plain(res.problems.find((x) => x.code === "budget-exceeded")!.message)).toContain(
      "700 000 kr er disponibelt (tildelt + overført, fra arket «Tilskudd»)",
    );
  });
  it("budget-unknown info when the year's grant is unknown or the year is missing", () => {
    const unknown = computeLedger([
      { year: 2025, granted: 1_000_000, allocated: 0 },
      { year: 2026, granted: null, allocated: 0 },
    ]);
    const a = validatePlanGrid(plan(), { year: 2026, ledger: unknown, ledgerSheet: "RST" }).problems;
    expect(a.map((x) => `${x.code} ${x.severity} ${x.cell}`)).toEqual(["budget-unknown info F1"]);
    expect(a[0].message).toContain("tildelt RST-tilskudd for 2026 står uten beløp i arket «RST»");
    const b = validatePlanGrid(plan(), { year: 2027, ledger: unknown, ledgerSheet: "RST" }).problems.filter(
      (x) => x.code === "budget-unknown",
    );
    expect(b[0].message).toContain("arket «RST» har ingen linjer for 2027");
  });
  it("an explicit available amount wins over the ledger", () => {
    const ledger = computeLedger([{ year: 2026, granted: 100, allocated: 0 }]);
    expect(validatePlanGrid(plan(), { year: 2026, ledger, available: 1_000_000 }).problems).toEqual([]);
  });
});
