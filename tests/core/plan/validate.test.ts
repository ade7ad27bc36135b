import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../../src/core/grid";
import { findPlanGrid, validatePlanGrid, validateWorkbook } from "../../../src/core/plan";
import { measure, seedLedgerGrid, seedPlanGrid, smallPlan } from "./helpers";

describe("finding the plan", () => {
  const cover = gridFromValues("Forside", [["Handlingsplan"], ["Se neste ark"]]);
  it("the first sheet with a Nr/Tiltak/Frist header", () => {
    const wb = { sheets: [cover, seedLedgerGrid(), seedPlanGrid("Plan")] };
    expect(findPlanGrid(wb)?.sheet).toBe("Plan");
    expect(validateWorkbook(wb, { available: 1e9 }).sheet).toBe("Plan");
  });
  it("a named sheet, ignoring case and accents", () => {
    const wb = { sheets: [smallPlan([measure("1")], [], "Første"), seedPlanGrid("Plan 2026")] };
    expect(findPlanGrid(wb, "plan 2026")?.sheet).toBe("Plan 2026");
    expect(validateWorkbook(wb, { sheet: "PLAN 2026" }).sheet).toBe("Plan 2026");
    expect(findPlanGrid(wb, "forste")?.sheet).toBe("Første");
  });
});

describe("plan year", () => {
  const noYear = () =>
    gridFromValues("P", [
      ["Nr", "Tiltak", "Mål", "Frist"],
      ["1", "T", "M", "3.kvartal 2027"],
    ]);
  it("the option wins", () => {
    expect(validatePlanGrid(seedPlanGrid(), { year: 2027 }).planYear).toBe(2027);
  });
  it("else the header or title", () => {
    expect(validatePlanGrid(seedPlanGrid(), { today: "2030-01-01" }).planYear).toBe(2026);
  });
  it("else today's year (opts.today)", () => {
    const res = validatePlanGrid(noYear(), { today: "2027-05-01" });
    expect(res.planYear).toBe(2027);
    // …and says so: the year was assumed, not read (rule 3: no silent all-clear for another year)
    expect(res.problems.map((p) => [p.code, p.severity, p.value])).toEqual([
      ["plan-year-assumed", "info", "2027"],
    ]);
    expect(res.problems[0].message).toContain("kontrollert som planåret 2027 (i år)");
    expect(validatePlanGrid(noYear(), { year: 2027 }).problems).toEqual([]); // a year chosen by the user
    expect(validatePlanGrid(seedPlanGrid()).problems.some((p) => p.code === "plan-year-assumed")).toBe(false);
  });
  it("else the clock", () => {
    expect(validatePlanGrid(noYear()).planYear).toBe(new Date().getFullYear());
  });
});

describe("section headings in the table", () => {
  it("heading rows like «1 UngArena+» and «1.2 Planlegge …» are skipped by the value rules", () => {
    const g = smallPlan([
      ["1", "UngArena+", "", "", "", "", ""],
      ["1.1", "", "Kontinuere drift av UngArena+", "", "", "", ""],
      measure("1.1.1"),
      ["1.2", "", "1.2 Planlegge for spredning", "", "", "", ""],
      measure("1.2.1"),
      measure("1.2.2"),
      ["2", "Vitality", "", "", "", "", ""],
      ["", "", "2.1 Plan for drift", "", "", "", ""],
      measure("2.1.1"),
    ]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems).toEqual([]);
    expect(res.summary.rows).toBe(4);
  });
  it("a banner merged across the row is a heading", () => {
    const g = smallPlan([["1 UngArena+"], measure("1.1.1")], [{ top: 1, left: 0, bottom: 1, right: 6 }]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems).toEqual([]);
    expect(res.summary.rows).toBe(1);
  });
});

describe("validateWorkbook and the ledger sheet", () => {
  it("finds a ledger sheet called Tilskudd", () => {
    const res = validateWorkbook({ sheets: [seedPlanGrid(), seedLedgerGrid("Tilskudd")] });
    expect(res.problems.find((p) => p.code === "budget-unknown")?.message).toContain("arket «Tilskudd»");
  });
  it("uses opts.ledgerSheet", () => {
    const res = validateWorkbook(
      { sheets: [seedPlanGrid(), seedLedgerGrid("Regnskap")] },
      { ledgerSheet: "regnskap" },
    );
    expect(res.problems.some((p) => p.code === "budget-unknown")).toBe(true);
  });
  it("without a ledger sheet there is no budget check", () => {
    const res = validateWorkbook({ sheets: [seedPlanGrid(), seedLedgerGrid("Regnskap")] });
    expect(res.problems.some((p) => p.code.startsWith("budget"))).toBe(false);
  });
  it("a sheet merely called RST without ledger headers is ignored", () => {
    const res = validateWorkbook({ sheets: [seedPlanGrid(), gridFromValues("RST", [["Notater om RST"]])] });
    expect(res.problems.some((p) => p.sheet === "RST" || p.code.startsWith("budget"))).toBe(false);
  });
  it("the ledger's own problems are included", () => {
    const ledger = gridFromValues("RST", [
      ["År", "Post", "Beløp"],
      [2026, "Tildelt tilskudd", 9_000_000],
      ["", "Tiltak X", "mye"],
    ]);
    const res = validateWorkbook({ sheets: [seedPlanGrid(), ledger] });
    expect(res.problems.filter((p) => p.sheet === "RST").map((p) => `${p.code} ${p.cell}`)).toEqual([
      "ledger-unparseable C3",
    ]);
    expect(res.summary.available).toBe(9_000_000);
    expect(res.problems.some((p) => p.code.startsWith("budget"))).toBe(false);
  });
});
