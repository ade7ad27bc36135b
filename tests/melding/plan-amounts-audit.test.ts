/**
 * The plan as reconcile reads it, when it does not say what reconcile would like to know:
 * no year anywhere (the year is assumed, and said), and bare numbers in an Økonomi column
 * kept in thousands. Expected values by hand from examples/data/handlingsplan-2026.json:
 * group «Digital møteserie for fastleger» has 700 000 kr RST in 2026 (one merged-like pair of rows).
 */
import { describe, expect, it } from "vitest";
import { gridFromValues, type CellValue } from "../../src/core/grid";
import { readPlanAmounts } from "../../src/core/melding/plan-amounts";
import { reconcile } from "../../src/core/melding/reconcile";
import { ledgerGrid, plan, registerGrid } from "./fixtures";

/** The seed plan with the year taken out of the title and the headers. */
function planWithoutYear(
  title: string,
  okonomi = "Økonomi",
  amounts?: Record<string, CellValue>,
): CellValue[][] {
  const columns = plan.columns
    .map((c) => c.replace(/\s*2026/, ""))
    .map((c) => (c === "Økonomi" ? okonomi : c));
  const rows: CellValue[][] = plan.rows.map((r) => {
    const out: CellValue[] = [...r];
    if (amounts && r[0] in amounts) out[5] = amounts[r[0]];
    return out;
  });
  return [[title], [], columns, ...rows];
}

describe("plan year not written", () => {
  it("reconcile says the plan year was assumed", () => {
    const g = gridFromValues("Plan", planWithoutYear("Handlingsplan for helsefellesskapet"));
    expect(readPlanAmounts(g, 2025)).toMatchObject({ planYear: 2025, planYearWritten: false });
    const res = reconcile({ sheets: [g, ledgerGrid(), registerGrid()] }, { year: 2025 });
    const w = res.problems.filter((p) => p.message.includes("Fant ikke planåret"));
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("lest som planen for 2025");
  });

  it("a plan with its year in the title: the year is read, not assumed", () => {
    const g = gridFromValues("Plan", planWithoutYear("Handlingsplan for helsefellesskapet 2026"));
    expect(readPlanAmounts(g, 2025)).toMatchObject({ planYear: 2026, planYearWritten: true });
  });
});

describe("Økonomi in thousands", () => {
  it("a bare 700 under «Økonomi» with a title «beløp i 1000 kr» is 700 000 kr", () => {
    const g = gridFromValues(
      "Plan",
      planWithoutYear("Handlingsplan 2026 (beløp i 1000 kr)", "Økonomi", { "8.1.1": 700, "8.1.2": null }),
    );
    const p = readPlanAmounts(g, 2025)!;
    expect(p.unit?.factor).toBe(1000);
    expect(p.groups.find((x) => x.label === "Digital møteserie for fastleger")?.rst).toBe(700_000);
  });

  it("without a unit the same bare 700 stays 700 kr", () => {
    const g = gridFromValues(
      "Plan",
      planWithoutYear("Handlingsplan 2026", "Økonomi", { "8.1.1": 700, "8.1.2": null }),
    );
    expect(
      readPlanAmounts(g, 2025)!.groups.find((x) => x.label === "Digital møteserie for fastleger")?.rst,
    ).toBe(700);
  });
});

describe("reconcile passes on notes about a whole sheet", () => {
  it("a ledger in «Beløp (i 1000 kr)» is compared in kroner, and the conversion is said", () => {
    const l = ledgerGrid();
    l.rows[2][2] = { value: "Beløp (i 1000 kr)", text: "Beløp (i 1000 kr)" };
    for (const row of l.rows.slice(3)) {
      const c = row[2];
      if (typeof c.value === "number") row[2] = { value: c.value / 1000, text: String(c.value / 1000) };
    }
    const res = reconcile({ sheets: [l, registerGrid()] }, { year: 2025 });
    expect(res.problems.some((p) => p.message.includes("tusen kroner"))).toBe(true);
    // Digital møteserie: 980 000 in the register against 700 000 (0,7 × 1000) in the ledger
    const d = res.differences.find((x) => x.measure.startsWith("Digital møteserie"));
    expect(d).toMatchObject({ register: 980_000, ledger: 700_000 });
  });
});
