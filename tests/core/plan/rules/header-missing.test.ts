import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../../../src/core/grid";
import { validatePlanGrid, validateWorkbook } from "../../../../src/core/plan";

describe("header-missing", () => {
  it("says which required columns are missing and which headers were found", () => {
    const g = gridFromValues("Ark1", [["Tittel"], ["Nr", "Tiltak 2026", "Ansvarlig"], ["1.1", "x", "y"]]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]).toMatchObject({
      code: "header-missing",
      severity: "error",
      sheet: "Ark1",
      cell: "",
      column: "Frist",
    });
    expect(res.problems[0].message).toBe(
      "Fant ikke kolonnen «Frist» i arket «Ark1». Fant «Nr», «Tiltak 2026» og «Ansvarlig» i rad 2. " +
        "Handlingsplanen trenger en overskriftsrad med minst Nr, Tiltak og Frist (blant de første 20 radene), eller velg kolonnene selv.",
    );
    expect(res.summary).toMatchObject({ rows: 0, errors: 1, rstTotal: 0, available: null });
  });
  it("when no sheet qualifies, the result is on the first sheet with one error", () => {
    const wb = {
      sheets: [
        gridFromValues("Forside", [["Velkommen"]]),
        gridFromValues("Data", [
          ["Nr", "Tiltak"],
          ["1", "a"],
        ]),
      ],
    };
    const res = validateWorkbook(wb, { today: "2027-03-01" });
    // no sheet is named as the plan; the sheets looked at are
    expect(res.sheet).toBe("");
    expect(res.planYear).toBe(2027);
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]).toMatchObject({ code: "header-missing", sheet: "", cell: "" });
    expect(res.problems[0].message).toContain(
      "Fant ikke kolonnen «Frist» i noen av arkene. Fant «Nr» og «Tiltak» i rad 1 i arket «Data».",
    );
    expect(res.problems[0].message).toContain("Så etter handlingsplanen i arkene «Forside», «Data».");
  });
  it("names several missing columns in the plural", () => {
    const g = gridFromValues("Ark1", [
      ["Nr", "Ansvarlig"],
      ["1.1", "y"],
    ]);
    expect(validatePlanGrid(g, { year: 2026 }).problems[0].message).toMatch(
      /^Fant ikke kolonnene «Tiltak» og «Frist» i arket «Ark1»\./,
    );
  });
  it("an empty workbook gives the error too", () => {
    const res = validateWorkbook({ sheets: [] });
    expect(res.sheet).toBe("");
    expect(res.problems.map((p) => p.code)).toEqual(["header-missing"]);
    expect(res.problems[0].message).toContain("Fant ingen kjente kolonneoverskrifter.");
  });
  it("a sheet named in the options that does not exist", () => {
    const res = validateWorkbook(
      { sheets: [gridFromValues("Plan", [["Nr", "Tiltak", "Frist"]])] },
      { sheet: "Plan 2027" },
    );
    expect(res.problems[0].message).toBe("Fant ikke arket «Plan 2027». Velg et av arkene «Plan».");
  });
  it("the user's column mapping makes a sheet without recognisable headers usable", () => {
    const g = gridFromValues("Ark1", [
      ["A", "B", "C", "D"],
      ["1.1", "Tiltak", "Mål", "3.kvartal 2026"],
    ]);
    expect(validatePlanGrid(g).problems.map((p) => p.code)).toEqual(["header-missing"]);
    const res = validatePlanGrid(g, { year: 2026, mapping: { nr: "A", tiltak: "B", maal: "C", frist: "D" } });
    expect(res.problems).toEqual([]);
    expect(res.header).toEqual({ row: 1, columns: { nr: "A", tiltak: "B", maal: "C", frist: "D" } });
  });
});
