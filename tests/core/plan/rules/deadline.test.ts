import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../../../src/core/dates";
import { validatePlanGrid } from "../../../../src/core/plan";
import { measure, smallPlan } from "../helpers";

const deadlines = (frist: (string | number)[], year = 2026) =>
  validatePlanGrid(smallPlan(frist.map((f, i) => measure(`1.1.${i + 1}`, { frist: f }))), {
    year,
  }).problems.filter((p) => p.code.startsWith("deadline"));

describe("deadline-unparseable", () => {
  it("is an error with the parser's reason and a suggestion", () => {
    const p = deadlines(["snarest"]);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({
      code: "deadline-unparseable",
      severity: "error",
      cell: "E2",
      column: "Frist",
      value: "snarest",
    });
    expect(p[0].message).toMatch(
      /^E2: Fristen «snarest» kan ikke leses \(Forstod ikke tidsordet «snarest»\)\. Skriv f\.eks\. «2\.kvartal 2026» eller «30\.06\.2026»\.$/,
    );
  });
  it("accepts the seed's ways of writing a frist", () => {
    expect(deadlines(["2026", "1.kvartal 2026", "1.halvår 2026", "30.06.2026"])).toEqual([]);
  });
  it("reads a date typed as a number (Excel serial without date format)", () => {
    expect(deadlines([isoToSerial("2026-06-30")])).toEqual([]);
    expect(deadlines([isoToSerial("2027-01-15")]).map((p) => p.code)).toEqual(["deadline-outside-year"]);
  });
});

describe("deadline-outside-year", () => {
  it("warns when due after the plan year ends", () => {
    const p = deadlines(["3.kvartal 2027"]);
    expect(p.map((x) => `${x.code} ${x.severity}`)).toEqual(["deadline-outside-year warning"]);
    expect(p[0].message).toBe(
      "E2: Fristen «3.kvartal 2027» (30.09.2027) er etter at planåret slutter (2026). Sjekk om tiltaket hører til i planen for 2026, eller rett fristen.",
    );
  });
  it("warns when due before the plan year starts", () => {
    const p = deadlines(["4.kvartal 2025"]);
    expect(p[0].message).toContain("er før planåret begynner (2026)");
  });
  it("follows the plan year", () => {
    expect(deadlines(["3.kvartal 2027"], 2027)).toEqual([]);
  });
  it("a merged Frist is checked once, on its master cell", () => {
    const g = smallPlan(
      [measure("1.1.1", { frist: "2027" }), measure("1.1.2", { frist: "" })],
      [{ top: 1, left: 4, bottom: 2, right: 4 }],
    );
    const p = validatePlanGrid(g, { year: 2026 }).problems;
    expect(p.map((x) => `${x.code} ${x.cell}`)).toEqual(["deadline-outside-year E2"]);
  });
});

describe("open periods and refused texts in the Frist column", () => {
  it("warns that a period with a start and no end has no due date (deadline-open)", () => {
    const p = deadlines(["01.2026 -", "fra og med mars 2026"]);
    expect(p.map((x) => `${x.code} ${x.severity} ${x.cell}`)).toEqual([
      "deadline-open warning E2",
      "deadline-open warning E3",
    ]);
    expect(p[0].message).toBe(
      "E2: Fristen «01.2026 -» har ingen sluttdato (starter 01.01.2026). Skriv når tiltaket skal være gjennomført, f.eks. «4.kvartal 2026».",
    );
  });
  it("an open period starting after the plan year is outside the year", () => {
    const p = deadlines(["fra 2027"]);
    expect(p.map((x) => x.code)).toEqual(["deadline-outside-year"]);
    expect(p[0].message).toContain(
      "starter 01.01.2027, etter at planåret slutter (2026), og har ingen sluttdato",
    );
  });
  it("an end without a start is checked by its end", () => {
    expect(deadlines(["t.o.m. 2026", "innen 30.06.2026"])).toEqual([]);
    expect(deadlines(["ut 2027"]).map((x) => x.code)).toEqual(["deadline-outside-year"]);
  });
  it("refuses a Frist with an unknown time word, naming the word, with one suggestion", () => {
    const p = deadlines(["frem til pinse 2026"]);
    expect(p.map((x) => x.code)).toEqual(["deadline-unparseable"]);
    expect(p[0].message).toMatch(/kan ikke leses \(Forstod ikke tidsordet «pinse»/);
    expect(p[0].message.match(/Skriv/g)).toHaveLength(1);
  });
});
