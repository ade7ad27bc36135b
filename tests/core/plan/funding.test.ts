import { describe, expect, it } from "vitest";
import { parseAmounts, sumAmounts, yearSum } from "../../../src/core/amount";
import { parseDeadline } from "../../../src/core/deadline";
import { adjustForEarlierPeriods, validatePlanGrid } from "../../../src/core/plan";
import { measure, smallPlan } from "./helpers";

const SEVEN = "3 000 000 kr over to år (nov 2025-okt 2027) (Prosjektstillinger 2x50%)";
const adjust = (text: string, year = 2026) =>
  adjustForEarlierPeriods(text, parseAmounts(text), year, (t) => parseDeadline(t, year));

describe("money for a period that started before the plan year", () => {
  it("7.1.1: the parser alone reads the money of nov 2025–okt 2027 together, no one year's", () => {
    const p = parseAmounts(SEVEN);
    expect(p.kind === "amounts" && p.amounts.map((a) => [[...a.years], a.yearMode])).toEqual([
      [[2025, 2026, 2027], "together"],
    ]);
    expect(yearSum(p, { year: 2026, source: "RST" })).toMatchObject({ kind: "shared" });
  });
  it("is moved to the period's start year (2025), so it is not 2026 money", () => {
    const p = adjust(SEVEN);
    expect(p.kind === "amounts" && p.amounts.map((a) => a.year)).toEqual([2025]);
    expect(sumAmounts(p, { year: 2026, source: "RST" }) ?? 0).toBe(0);
    expect(sumAmounts(p, { year: 2025, source: "RST" })).toBe(3_000_000);
  });
  it("counts for the plan year when the period starts in it", () => {
    expect(sumAmounts(adjust("600 000 kr (jan 2026-des 2027)"), { year: 2026, source: "RST" })).toBe(600_000);
  });
  it("only touches amounts in the same sentence, and leaves amounts with a year alone", () => {
    const p = adjust(
      "200 000 kr til møter. 3 000 000 kr over to år (nov 2025-okt 2027). Finansiering 2027: 550 000 kr",
    );
    expect(p.kind === "amounts" && p.amounts.map((a) => [a.value, a.year])).toEqual([
      [200_000, null],
      [3_000_000, 2025],
      [550_000, 2027],
    ]);
  });
  // Issue 11 point 3: a case number, a start year or a season in brackets does not move plan-year money.
  it.each([
    ["200 000 kr (jf. sak 12/2025)", 200_000],
    ["500 000 kr til videreføring (oppstart 2024)", 500_000],
    ["500 000 kr (prosjektet startet høsten 2025)", 500_000],
    ["500 000 kr (vedtatt i SSU 27.11.2025)", 500_000],
  ])("%j counts %d in 2026: the brackets tie the money to no other year", (text, want) => {
    expect(sumAmounts(adjust(text), { year: 2026, source: "RST" })).toBe(want);
    const g = smallPlan([measure("1.1", { okonomi: text })]);
    expect(validatePlanGrid(g, { year: 2026 }).summary.rstTotal).toBe(want);
  });
  it("a bracketed period written with words and a range still moves the money to its start year", () => {
    for (const text of [
      "3 000 000 kr (nov. 2025 - okt. 2027)",
      "3 000 000 kr (fra november 2025 til oktober 2027)",
      "3 000 000 kr (2025-2027)",
    ]) {
      const p = adjust(text);
      expect(p.kind === "amounts" && p.amounts.map((a) => [a.year, [...a.years]])).toEqual([[2025, [2025]]]);
      expect(sumAmounts(p, { year: 2026, source: "RST" })).toBe(0);
    }
  });
  it("text without a parenthesised period is returned unchanged", () => {
    const parse = parseAmounts("410 000 kr (prosjektleder)");
    expect(
      adjustForEarlierPeriods("410 000 kr (prosjektleder)", parse, 2026, (t) => parseDeadline(t, 2026)),
    ).toBe(parse);
  });
  it("in a plan, 7.1.1's amount is left out of rstTotal", () => {
    const g = smallPlan([measure("7.1.1", { okonomi: SEVEN }), measure("7.1.2", { okonomi: "100 000 kr" })]);
    expect(validatePlanGrid(g, { year: 2026 }).summary.rstTotal).toBe(100_000);
    expect(validatePlanGrid(g, { year: 2025 }).summary.rstTotal).toBe(3_100_000);
  });
});

describe("merged Økonomi", () => {
  it("an amount merged over several rows is counted once", () => {
    const g = smallPlan(
      [measure("2.1.1", { okonomi: "4 200 000 kr" }), measure("2.1.2"), measure("2.1.3")],
      [{ top: 1, left: 5, bottom: 3, right: 5 }],
    );
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.summary.rstTotal).toBe(4_200_000);
    expect(res.problems).toEqual([]);
  });
  it("a number typed in the cell counts as RST money for the plan year", () => {
    expect(
      validatePlanGrid(smallPlan([measure("1.1", { okonomi: 250000 })]), { year: 2026 }).summary.rstTotal,
    ).toBe(250_000);
  });
  it("other sources and other years are not counted", () => {
    const g = smallPlan([
      measure("1.1", { okonomi: "Fra SiV: 200 000 kr til 20% stilling i 2026" }),
      measure("1.2", { okonomi: "1 100 000 kr i 2025 fra velferdsteknologiordningen" }),
    ]);
    expect(validatePlanGrid(g, { year: 2026 }).summary.rstTotal).toBe(0);
  });
});

describe("Økonomi the plan cannot count for the plan year is said, not silently 0", () => {
  it("money of two years together gives a warning and is not counted", () => {
    const g = smallPlan([measure("1.1", { okonomi: "Sum bevilget 2026 og 2027: 3 800 040" })]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.summary.rstTotal).toBe(0);
    expect(res.problems.map((p) => [p.code, p.cell])).toEqual([["amount-unparseable", "F2"]]);
    expect(res.problems[0].message).toMatch(/2026 og 2027 samlet/);
  });
  it("a cell with a word the reader does not understand gives a warning quoting it", () => {
    const res = validatePlanGrid(smallPlan([measure("1.1", { okonomi: "200 000 kr og 500k til møter" })]), {
      year: 2026,
    });
    expect(res.summary.rstTotal).toBe(0);
    expect(res.problems.map((p) => p.code)).toEqual(["amount-unparseable"]);
    expect(res.problems[0].message).toContain("«500k»");
  });
});

describe("money the text ties to years keeps them", () => {
  it("an amount of several years is not moved by a bracketed period", () => {
    const text = "300 000 kr i 2025 og 2026 (nov 2024-okt 2026)";
    const p = adjustForEarlierPeriods(text, parseAmounts(text), 2026, (t) => parseDeadline(t, 2026));
    expect(p.kind === "amounts" && p.amounts.map((a) => [...a.years])).toEqual([[2025, 2026]]);
  });
});

describe("issue 10 A in the plan: the plan year's RST money", () => {
  const total = (text: string, year = 2026) =>
    validatePlanGrid(smallPlan([measure("1.1", { okonomi: text })]), { year });
  it("«NOK 600 000 (2025)» is 2025 money, not 2026's", () => {
    expect(total("NOK 600 000 (2025)").summary.rstTotal).toBe(0);
    expect(total("NOK 600 000 (2025)", 2025).summary.rstTotal).toBe(600_000);
  });
  it("«Totalt 2,4 mill. kr over tre år» is not counted for one year, and says so", () => {
    const res = total("Totalt 2,4 mill. kr over tre år");
    expect(res.summary.rstTotal).toBe(0);
    expect(res.problems.map((p) => p.code)).toEqual(["amount-unparseable"]);
    expect(res.problems[0].message).toMatch(/flere år samlet/);
  });
  it("money shared by SiV and the municipalities is no RST money, and says so", () => {
    const res = total("Finansieres av SiV (50 %) og kommunene (50 %): 400 000 kr");
    expect(res.summary.rstTotal).toBe(0);
    expect(res.problems.map((p) => p.code)).toEqual(["amount-unparseable"]);
  });
  it("«300 000 kr (2025-2027)» in the 2026 plan is booked in 2025 (a bracketed period)", () => {
    expect(total("300 000 kr (2025-2027)").summary.rstTotal).toBe(0);
    expect(total("300 000 kr (2026-2027)").summary.rstTotal).toBe(300_000);
    // A period after the plan year is other years' money.
    const later = total("300 000 kr (2027-2028)");
    expect(later.summary.rstTotal).toBe(0);
    expect(later.problems).toEqual([]);
    expect(total("300 000 kr (2027-2028)", 2027).summary.rstTotal).toBe(300_000);
  });
});
