/**
 * Issue 11.2: a register row is a total line only when it is one, and every row left out of
 * the report is listed with the reason. Expected sums from examples/data (the seed's 8 measures,
 * 14 240 000 kr) by hand: 14 240 000 + 3 000 000 = 17 240 000.
 */
import { describe, expect, it } from "vitest";
import { gridFromValues, type CellValue } from "../../src/core/grid";
import { buildReport } from "../../src/core/melding/report";
import { readRegister } from "../../src/core/melding/register";
import { melding, REGISTER_HEADER } from "./fixtures";

function register(extra: CellValue[][], before: CellValue[][] = []) {
  const rows: CellValue[][] = [REGISTER_HEADER, ...before];
  for (const m of melding.measures)
    rows.push(["", m.name, m.sum, m.agreement, m.status, m.duration, m.results, m.spread, 2025]);
  rows.push(...extra);
  return gridFromValues("Årlig melding", rows);
}

const SEED_TOTAL = 14_240_000;

describe("measures named like totals stay in the report", () => {
  it.each([
    ["Samlet plan legevakt", "Kommunene i Vestfold og SiV", "Pågående", "2025–2026"],
    ["Totalt kompetanseløft", "", "", ""],
    ["I alt 2025", "", "Planlegging", ""],
    ["=Sum av gode tiltak", "Larvik kommune", "", ""],
  ])("«%s» with its own amount is a measure", (name, agreement, status, duration) => {
    const wb = {
      sheets: [register([["", name, 3_000_000, agreement, status, duration, "", "", 2025]])],
    };
    const r = buildReport(wb, { year: 2025 });
    expect(r.blocks.map((b) => b.name)).toContain(name);
    expect(r.blocks).toHaveLength(9);
    expect(r.total).toBe(SEED_TOTAL + 3_000_000);
    expect(r.skipped).toEqual([]);
  });

  it("a measure named like a total with status and an amount equal to the sum above is still a measure", () => {
    const wb = {
      sheets: [
        register([["", "Samlet oppfølging", SEED_TOTAL, "SiV og kommunene", "Pågående", "", "", "", 2025]]),
      ],
    };
    expect(buildReport(wb, { year: 2025 }).blocks).toHaveLength(9);
  });
});

describe("total lines are left out, and said so", () => {
  it("«Sum» (a bare total word) is a total line whatever its amount", () => {
    const read = readRegister(register([["", "Sum", 99, "", "", "", "", "", 2025]]));
    expect(read.measures).toHaveLength(8);
    expect(read.skipped).toEqual([
      { row: 10, name: "Sum", sum: 99, reason: "summelinje (navnet er bare et sumord)" },
    ]);
  });

  it("«Sum 2025» equal to the sum of the measures above is a total line", () => {
    const read = readRegister(register([["", "Sum 2025", SEED_TOTAL, "", "", "", "", "", 2025]]));
    expect(read.measures).toHaveLength(8);
    expect(read.skipped).toEqual([
      { row: 10, name: "Sum 2025", sum: SEED_TOTAL, reason: "summelinje (summen av tiltakene over)" },
    ]);
  });

  it("a bare amount under the sum column is listed too", () => {
    const read = readRegister(register([["", "", SEED_TOTAL, "", "", "", "", "", ""]]));
    expect(read.skipped).toEqual([
      { row: 10, name: "", sum: SEED_TOTAL, reason: "summelinje (summen av tiltakene over)" },
    ]);
  });

  it("rows of other years and rows without a name are listed in the report", () => {
    const r = buildReport(
      {
        sheets: [
          register([
            ["", "Gammelt tiltak", 50_000, "", "Avsluttet", "", "", "", 2024],
            ["", "", 10_000, "Larvik kommune", "", "", "", "", 2025],
          ]),
        ],
      },
      { year: 2025 },
    );
    expect(r.skipped).toEqual([
      { row: 10, name: "Gammelt tiltak", sum: 50_000, reason: "gjelder 2024, ikke 2025" },
      { row: 11, name: "", sum: 10_000, reason: "mangler navn på tiltak" },
    ]);
    expect(r.yearsWithMeasures).toEqual([2024, 2025]);
  });
});
