/**
 * The seed plan (examples/data/handlingsplan-2026.json) laid out like the example workbook:
 * title, note, header, measures with merged areas, tiltak and Ansvar.
 */
import { describe, expect, it } from "vitest";
import { a1 } from "../../../src/core/grid";
import { validatePlanGrid, validateWorkbook } from "../../../src/core/plan";
import { readLedger } from "../../../src/core/ledger-sheet";
import { SEED_PLAN, seedLedgerGrid, seedPlanGrid, seedRowOf } from "./helpers";
import { plain } from "../../plain";

const FRIST_COL = 4;
const ANSVAR_COL = 6;

/** Expected findings, derived from the data: the empty Frist and Ansvar cells and 7.1.2's 2027 deadline. */
const FRIST_MISSING = [
  "2.1.2",
  "3.2.2",
  "4.1.1",
  "4.1.2",
  "5.1.1",
  "9.1.1",
  "9.1.2",
  "9.2.1",
  "10.1.1",
  "10.1.2",
  "11.1.1",
];
const ANSVAR_MISSING = ["1.1.1", "4.1.1", "4.1.2", "11.1.1"];

describe("seed plan", () => {
  const grid = seedPlanGrid();
  const res = validatePlanGrid(grid, { today: "2026-02-01" });

  it("the expected lists match the data", () => {
    expect(SEED_PLAN.rows.filter((r) => r[4] === "").map((r) => r[0])).toEqual(FRIST_MISSING);
    expect(SEED_PLAN.rows.filter((r) => r[6] === "").map((r) => r[0])).toEqual(ANSVAR_MISSING);
  });

  it("finds the header in row 3 and the plan year 2026 from «Tiltak 2026»", () => {
    expect(res.sheet).toBe("Handlingsplan 2026");
    expect(res.header).toEqual({
      row: 3,
      columns: { nr: "A", area: "B", tiltak: "C", maal: "D", frist: "E", okonomi: "F", ansvar: "G" },
    });
    expect(res.planYear).toBe(2026);
    expect(res.summary.rows).toBe(SEED_PLAN.rows.length);
  });

  it("reports exactly the missing Frist and Ansvar warnings and 7.1.2's 2027 deadline", () => {
    const got = res.problems.map((p) => `${p.code}|${p.severity}|${p.cell}`).sort();
    const want = [
      ...FRIST_MISSING.map((nr) => `missing-value|warning|${a1(seedRowOf(nr), FRIST_COL)}`),
      ...ANSVAR_MISSING.map((nr) => `missing-value|warning|${a1(seedRowOf(nr), ANSVAR_COL)}`),
      `deadline-outside-year|warning|${a1(seedRowOf("7.1.2"), FRIST_COL)}`,
    ].sort();
    expect(got).toEqual(want);
    expect(res.summary).toMatchObject({ errors: 0, warnings: 16, infos: 0 });
  });

  it("messages name the cell, the column as written and what to do", () => {
    const p = res.problems.find((x) => x.code === "deadline-outside-year")!;
    expect(p).toMatchObject({
      sheet: "Handlingsplan 2026",
      row: seedRowOf("7.1.2") + 1,
      column: "Frist",
      value: "3.kvartal 2027",
    });
    expect(p.message).toMatch(
      /^E\d+: Fristen «3\.kvartal 2027» \(30\.09\.2027\) er etter at planåret slutter \(2026\)/,
    );
    const m = res.problems.find(
      (x) => x.code === "missing-value" && x.cell === a1(seedRowOf("2.1.2"), FRIST_COL),
    )!;
    expect(m.message).toBe(
      `${m.cell}: Frist mangler for tiltak 2.1.2. Skriv når det skal være gjort, f.eks. «2. kvartal 2026» eller «30.06.2026».`,
    );
  });

  it("merged Ansvar 2.1.1–2.1.2 gives «Prosjektleder» to both rows (no missing Ansvar)", () => {
    const r = seedRowOf("2.1.2");
    expect(grid.merges).toContainEqual({ top: r - 1, left: ANSVAR_COL, bottom: r, right: ANSVAR_COL });
    expect(res.problems.some((p) => p.cell === a1(r, ANSVAR_COL))).toBe(false);
  });

  it("rstTotal is 6 710 000: 7.1.1's 3 000 000 (nov 2025–okt 2027) is 2025 money", () => {
    expect(res.summary.rstTotal).toBe(410_000 + 4_200_000 + 200_000 + 550_000 + 550_000 + 700_000 + 100_000);
    expect(res.summary.rstTotal).toBe(6_710_000);
  });

  it("with no budget given, no budget check and available null", () => {
    expect(res.summary.available).toBeNull();
    expect(res.problems.some((p) => p.code.startsWith("budget"))).toBe(false);
  });
});

describe("seed plan with the seed ledger", () => {
  const plan = seedPlanGrid();
  const ledger = seedLedgerGrid();

  it("the 2026 grant is unknown → one budget-unknown info naming the ledger sheet and year", () => {
    const res = validateWorkbook({ sheets: [plan, ledger] }, { today: "2026-02-01" });
    const budget = res.problems.filter((p) => p.code.startsWith("budget"));
    expect(budget).toHaveLength(1);
    expect(budget[0]).toMatchObject({
      code: "budget-unknown",
      severity: "info",
      sheet: plan.sheet,
      cell: "F3",
      column: "Økonomi",
    });
    expect(budget[0].message).toContain("arket «RST»");
    expect(budget[0].message).toContain("2026");
    expect(res.summary).toMatchObject({
      errors: 0,
      warnings: 16,
      infos: 1,
      available: null,
      rstTotal: 6_710_000,
    });
  });

  it("available 1 810 030 → budget-exceeded error (6 710 000 > 1 810 030)", () => {
    const res = validateWorkbook({ sheets: [plan, ledger] }, { available: 1_810_030 });
    const p = res.problems.filter((x) => x.code === "budget-exceeded");
    expect(p).toHaveLength(1);
    expect(plain(p[0])).toMatchObject({ severity: "error", cell: "F3", value: "6 710 000" });
    expect(plain(p[0].message)).toBe(
      "F3: Planen bruker 6 710 000 kr RST-midler i 2026, men bare 1 810 030 kr er disponibelt. " +
        "Reduser tiltakene med 4 899 970 kr, eller finn annen finansiering.",
    );
    expect(res.summary.available).toBe(1_810_030);
    expect(res.problems.some((x) => x.code === "budget-unknown")).toBe(false);
  });

  it("available 9 000 000 → no budget problem", () => {
    const res = validateWorkbook({ sheets: [plan, ledger] }, { available: 9_000_000 });
    expect(res.problems.some((x) => x.code.startsWith("budget"))).toBe(false);
    expect(res.summary.errors).toBe(0);
  });

  it("a ledger with the 2026 grant filled in is checked: 2 000 000 granted + 1 810 030 carried < 6 710 000", () => {
    const years = readLedger(ledger).years.map((y) =>
      y.year === 2026 ? { ...y, granted: 2_000_000, available: 3_810_030 } : y,
    );
    const res = validatePlanGrid(plan, { ledger: years, ledgerSheet: "RST" });
    const p = res.problems.find((x) => x.code === "budget-exceeded")!;
    expect(plain(p.message)).toContain("3 810 030 kr er disponibelt (tildelt + overført, fra arket «RST»)");
    expect(res.summary.available).toBe(3_810_030);
  });
});
