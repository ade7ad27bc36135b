/**
 * A plan that keeps Økonomi in thousands («Økonomi (i 1000 kr)», a title «beløp i 1000 kr»):
 * bare numbers are scaled and the unit is said (found by the trust audit: 410 and 700 gave
 * «RST-finansiert 2026: 1 110 kr», exit 0). Expected values by hand: 410 + 700 thousand kroner.
 */
import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../../src/core/grid";
import { validatePlanGrid } from "../../../src/core/plan";
import { headerKey } from "../../../src/core/plan/headers";
import { summaryLine } from "../../../src/cli/commands/validate";

const plan = (title: string, okonomi: string, a: unknown = 410, b: unknown = 700) =>
  gridFromValues("Plan", [
    [title],
    ["Nr", "Tiltak", "Frist", okonomi, "Ansvar"],
    ["1.1", "Prosjektleder", "1.kvartal 2026", a, "SiV"],
    ["1.2", "Opplæring", "2.kvartal 2026", b, "Kommunene"],
  ] as never);

describe("Økonomi in thousands", () => {
  it.each([
    "Økonomi (i 1000 kr)",
    "Økonomi i 1000 kr",
    "Økonomi (tusen kr)",
    "Budsjett (TNOK)",
    "Økonomi, kr",
  ])("«%s» is the Økonomi column", (h) => expect(headerKey(h)).toBe("okonomi"));

  it("scales bare numbers by a unit in the header, and says so on the header cell", () => {
    const r = validatePlanGrid(plan("Handlingsplan 2026", "Økonomi (i 1000 kr)"), { year: 2026 });
    expect(r.summary.rstTotal).toBe(1_110_000);
    const info = r.problems.filter((p) => p.code === "amount-unit");
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ cell: "D2", severity: "info" });
    expect(info[0].message).toContain("tusen kroner");
  });

  it("scales by a title row that states the unit of the amounts", () => {
    const r = validatePlanGrid(plan("Handlingsplan 2026 (beløp i 1000 kr)", "Økonomi"), { year: 2026 });
    expect(r.summary.rstTotal).toBe(1_110_000);
  });

  it("a title that is not about the amounts scales nothing, and kroner stay kroner", () => {
    const r = validatePlanGrid(plan("Velferdsteknologi i tusen hjem 2026", "Økonomi"), { year: 2026 });
    expect(r.summary.rstTotal).toBe(1110);
    expect(r.problems.some((p) => p.code === "amount-unit")).toBe(false);
    const kr = validatePlanGrid(plan("Handlingsplan 2026", "Økonomi", "410 000 kr", "700 000 kr"), {
      year: 2026,
    });
    expect(kr.summary.rstTotal).toBe(1_110_000);
  });

  it("text amounts that name kroner are read as written in a thousands column", () => {
    const r = validatePlanGrid(plan("Handlingsplan 2026", "Økonomi (i 1000 kr)", "410 000 kr", 700), {
      year: 2026,
    });
    expect(r.summary.rstTotal).toBe(410_000 + 700_000);
  });

  it("without an Økonomi column the summary says no money was read, not «0 kr»", () => {
    const g = gridFromValues("Plan", [
      ["Nr", "Tiltak", "Frist", "Ansvar"],
      ["1.1", "Prosjektleder", "1.kvartal 2026", "SiV"],
    ]);
    const line = summaryLine(validatePlanGrid(g, { year: 2026 }));
    expect(line).toContain("ikke lest – fant ingen Økonomi-kolonne");
    expect(line).not.toMatch(/RST-finansiert 2026: 0 kr/);
  });
});
