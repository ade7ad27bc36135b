/**
 * Trust audit of the register as real secretariats keep it: amounts in thousands, sums as
 * formulas never calculated or showing #REF!, an empty sum, a «Samlet …» measure whose amount
 * happens to equal the two above, «2024/2025» in the År column, and a register split over two
 * sheets. Each used to give a confident wrong total or a silent omission. Expected values by
 * hand from examples/data/arlig-melding-2025-vestfold.json (8 measures, 14 240 000 kr).
 */
import { describe, expect, it } from "vitest";
import { gridFromValues, type CellValue, type Grid } from "../../src/core/grid";
import { reconcile } from "../../src/core/melding/reconcile";
import { buildReport } from "../../src/core/melding/report";
import { readRegister } from "../../src/core/melding/register";
import { amountUnitIn } from "../../src/core/unit-scale";
import { melding, REGISTER_HEADER } from "./fixtures";

const SEED_TOTAL = 14_240_000;

function rowsOf(ms: typeof melding.measures, scale = 1, year: CellValue = 2025): CellValue[][] {
  return ms.map((m, i) => [
    i + 1,
    m.name,
    m.sum / scale,
    m.agreement,
    m.status,
    m.duration,
    m.results,
    m.spread,
    year,
  ]);
}

function grid(
  sheet: string,
  rows: CellValue[][],
  header: CellValue[] = REGISTER_HEADER,
  before: CellValue[][] = [],
): Grid {
  return gridFromValues(sheet, [...before, header, ...rows]);
}

describe("amounts in thousands or millions are not read as kroner", () => {
  const inThousands = REGISTER_HEADER.map((h) => (h === "Sum bevilget" ? "Sum bevilget (i 1000 kr)" : h));

  it("«Sum bevilget (i 1000 kr)»: 8 400 → 8 400 000, total 14 240 000, with a warning naming the unit", () => {
    const r = buildReport(
      { sheets: [grid("Årlig melding", rowsOf(melding.measures, 1000), inThousands)] },
      { year: 2025 },
    );
    expect(r.total).toBe(SEED_TOTAL);
    expect(r.blocks[0].sum).toBe(8_400_000);
    const w = r.problems.filter((p) => p.severity === "warning" && p.message.includes("tusen kroner"));
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("«Sum bevilget (i 1000 kr)»");
  });

  it("in a thousands column, a text that names its own unit («8,4 mill», «410 000 kr») is not scaled again", () => {
    const rows = rowsOf(melding.measures, 1000);
    rows[0][2] = "8,4 mill"; // Vitality, 8 400 000
    rows[4][2] = "410 000 kr"; // Ung Arena, 410 000
    const r = buildReport({ sheets: [grid("Årlig melding", rows, inThousands)] }, { year: 2025 });
    expect(r.blocks[0].sum).toBe(8_400_000);
    expect(r.blocks[4].sum).toBe(410_000);
    expect(r.total).toBe(SEED_TOTAL);
  });

  it("a title row «Beløp i 1000 kr» above the header scales the sums", () => {
    const r = buildReport(
      {
        sheets: [
          grid("Årlig melding", rowsOf(melding.measures, 1000), REGISTER_HEADER, [
            ["Tiltak 2025 – beløp i 1000 kr"],
          ]),
        ],
      },
      { year: 2025 },
    );
    expect(r.total).toBe(SEED_TOTAL);
  });

  it("a title that only mentions money («Tilskudd på 1000 kr per deltaker») is no unit: sums stay kroner", () => {
    const r = buildReport(
      {
        sheets: [
          grid("Årlig melding", rowsOf(melding.measures), REGISTER_HEADER, [
            ["Tilskudd på 1000 kr per deltaker"],
          ]),
        ],
      },
      { year: 2025 },
    );
    expect(r.total).toBe(SEED_TOTAL);
    expect(r.problems).toEqual([]);
  });

  it("«Sum (MNOK)»: 8,4 → 8 400 000", () => {
    const h = REGISTER_HEADER.map((x) => (x === "Sum bevilget" ? "Sum (MNOK)" : x));
    const r = buildReport(
      { sheets: [grid("Årlig melding", rowsOf(melding.measures, 1e6), h)] },
      { year: 2025 },
    );
    expect(r.total).toBeCloseTo(SEED_TOTAL, 3);
    expect(r.problems.some((p) => p.message.includes("millioner kroner"))).toBe(true);
  });

  it("a plain «Sum bevilget» in kroner is not scaled and gets no unit warning", () => {
    const r = buildReport({ sheets: [grid("Årlig melding", rowsOf(melding.measures))] }, { year: 2025 });
    expect(r.total).toBe(SEED_TOTAL);
    expect(r.problems).toEqual([]);
  });

  it.each([
    ["Sum (i 1000 kr)", 1000],
    ["Beløp i tusen kroner", 1000],
    ["NOK 1000", 1000],
    ["kr 1 000", 1000],
    ["Beløp i 1000", 1000],
    ["TNOK", 1000],
    ["Budsjett (tkr)", 1000],
    ["MNOK", 1e6],
    ["mill. kr", 1e6],
    ["Beløp i millioner kroner", 1e6],
  ])("«%s» is a unit of %d kr", (text, factor) => {
    expect(amountUnitIn(text)?.factor).toBe(factor);
  });

  it.each([
    "Sum",
    "Sum 2025",
    "Beløp (kr)",
    "1000 deltakere",
    "Tusen takk for innsatsen",
    "Beløp i kroner",
    "Kommentar: 1000",
  ])("«%s» names no unit", (text) => {
    expect(amountUnitIn(text)).toBeNull();
  });
});

describe("a sum the tool cannot know is never a number", () => {
  it("a formula without a stored result is an error naming the cell, not a silent 0", () => {
    const g = grid("Årlig melding", rowsOf(melding.measures));
    g.rows[2][2] = { value: null, text: "", formula: "=1500000*2", uncalculated: true }; // C3: Behandlingsavklaring
    const r = buildReport({ sheets: [g] }, { year: 2025 });
    const errors = r.problems.filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "uncalculated", cell: "C3", row: 3 });
    expect(errors[0].message).toContain("ikke beregnet – åpne og lagre arbeidsboken i Excel");
  });

  it("#REF! in the sum column is an error naming the cell and the error", () => {
    const g = grid("Årlig melding", rowsOf(melding.measures));
    g.rows[1][2] = { value: "#REF!", text: "#REF!" }; // C2: Vitality
    const errors = buildReport({ sheets: [g] }, { year: 2025 }).problems.filter(
      (p) => p.severity === "error",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "cell-error", cell: "C2" });
    expect(errors[0].message).toContain("#REF!");
  });

  it("an empty sum warns that the total leaves the measure out", () => {
    const rows = rowsOf(melding.measures);
    rows[7][2] = null; // Partnerskapskonferanse 2025, 150 000
    const r = buildReport({ sheets: [grid("Årlig melding", rows)] }, { year: 2025 });
    expect(r.total).toBe(SEED_TOTAL - 150_000);
    const w = r.problems.filter((p) => p.code === "missing-value" && p.cell === "C9");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("ikke med i totalsummen");
  });
});

describe("total lines and years", () => {
  it("«3 Samlet opplæring» with a number is a measure, even when its amount equals the two above", () => {
    const rows: CellValue[][] = [
      [1, "Kurs for fastleger", 100_000, "", "", "", "", "", 2025],
      [2, "Kurs for sykepleiere", 100_000, "", "", "", "", "", 2025],
      [3, "Samlet opplæring", 200_000, "", "", "", "", "", 2025],
    ];
    const read = readRegister(grid("Årlig melding", rows));
    expect(read.measures.map((m) => m.name)).toEqual([
      "Kurs for fastleger",
      "Kurs for sykepleiere",
      "Samlet opplæring",
    ]);
    expect(read.skipped).toEqual([]);
  });

  it("«Samlet» without a number equal to the sum above is still a total line, and listed", () => {
    const rows: CellValue[][] = [
      [1, "Kurs for fastleger", 100_000, "", "", "", "", "", 2025],
      [2, "Kurs for sykepleiere", 100_000, "", "", "", "", "", 2025],
      ["", "Samlet opplæring", 200_000, "", "", "", "", "", 2025],
    ];
    const read = readRegister(grid("Årlig melding", rows));
    expect(read.measures).toHaveLength(2);
    expect(read.skipped).toHaveLength(1);
  });

  it("a «Sum» line that is not the sum of the measures above is said (a measure's sum is missing)", () => {
    const rows = rowsOf(melding.measures);
    rows[7][2] = null; // Partnerskapskonferanse 2025, 150 000, left blank
    rows.push(["", "Sum", SEED_TOTAL, "", "", "", "", "", ""]);
    const r = buildReport({ sheets: [grid("Årlig melding", rows)] }, { year: 2025 });
    const w = r.problems.filter((p) => p.message.startsWith("Summelinjen «Sum»"));
    expect(w).toHaveLength(1);
    expect(w[0].message.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "(14 240 000 kr) er ikke lik summen av tiltakene over (14 090 000 kr)",
    );
  });

  it("a «Sum» line equal to the measures above gives no warning", () => {
    const rows = [...rowsOf(melding.measures), ["", "Sum", SEED_TOTAL, "", "", "", "", "", ""]];
    expect(buildReport({ sheets: [grid("Årlig melding", rows)] }, { year: 2025 }).problems).toEqual([]);
  });

  it("«2024/2025» in År is not read as 2024 (the row is not dropped from the 2025 report as another year's)", () => {
    const rows = rowsOf(melding.measures);
    rows[2][8] = "2024/2025"; // Digital møteserie, 980 000
    const r = buildReport({ sheets: [grid("Årlig melding", rows)] }, { year: 2025 });
    expect(r.skipped).toEqual([]);
    expect(r.total).toBe(SEED_TOTAL);
    expect(r.problems.some((p) => p.cell === "I4" && p.message.includes("flere årstall"))).toBe(true);
  });
});

describe("a register split over two sheets is not half reported in silence", () => {
  const wb = {
    sheets: [
      grid("Tiltak del 1", rowsOf(melding.measures.slice(0, 4))),
      grid("Tiltak del 2", rowsOf(melding.measures.slice(4))),
    ],
  };

  it("report: a warning names the other sheet and its 4 measures", () => {
    const r = buildReport(wb, { year: 2025 });
    expect(r.blocks).toHaveLength(4);
    const w = r.problems.filter((p) => p.sheet === "Tiltak del 2");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("4 tiltak for 2025");
    expect(w[0].message).toContain("ikke med");
  });

  it("report: no warning when the other sheet has no measures for the year", () => {
    const other = grid("Tiltak 2024", rowsOf(melding.measures.slice(4), 1, 2024));
    const r = buildReport({ sheets: [wb.sheets[0], other] }, { year: 2025 });
    expect(r.problems).toEqual([]);
  });

  it("reconcile: the other sheet is named as not compared", () => {
    const res = reconcile(wb, { year: 2025 });
    expect(res.notCompared.some((n) => n.includes("«Tiltak del 2»") && n.includes("ikke avstemt"))).toBe(
      true,
    );
  });
});

describe("a register with a sum column per year", () => {
  // Vitality 4 200 000 in each of 2024 and 2025 (rst-vestfold.json), Digital møteserie 980 000 in 2025 only
  const headerByName: CellValue[] = [
    "Nr",
    "Navn på tiltak",
    "Sum 2024",
    "Sum 2025",
    "Avtale mellom",
    "Status for prosjektet",
  ];
  const body: CellValue[][] = [
    [1, "Vitality", 4_200_000, 4_200_000, "SiV og kommunene", "Pågående"],
    [2, "Digital møteserie for fastleger", null, 980_000, "SiV og kommunene", "Pågående"],
  ];

  it("«Sum 2024 | Sum 2025»: the 2025 report reads the 2025 column (5 180 000), not the first one", () => {
    const r = buildReport(
      { sheets: [gridFromValues("Årlig melding", [headerByName, ...body])] },
      { year: 2025 },
    );
    expect(r.blocks.map((b) => b.sum)).toEqual([4_200_000, 980_000]);
    expect(r.total).toBe(5_180_000);
  });

  it("«Sum» merged over a row of years: the row of years is header, not a skipped row", () => {
    const g = gridFromValues(
      "Årlig melding",
      [
        ["Nr", "Navn på tiltak", "Sum", null, "Avtale mellom", "Status for prosjektet"],
        [null, null, 2024, 2025, null, null],
        ...body,
      ],
      [{ top: 0, left: 2, bottom: 0, right: 3 }],
    );
    const r = buildReport({ sheets: [g] }, { year: 2025 });
    expect(r.total).toBe(5_180_000);
    expect(r.skipped).toEqual([]);
  });

  it("a year with no column: an error, and no sum read from another year's column", () => {
    const r = buildReport(
      { sheets: [gridFromValues("Årlig melding", [headerByName, ...body])] },
      { year: 2023 },
    );
    const e = r.problems.filter((p) => p.severity === "error");
    expect(e).toHaveLength(1);
    expect(e[0].message).toContain("ingen kolonne for 2023");
    expect(r.blocks.every((b) => b.sum === null)).toBe(true);
  });
});

describe("a register without an År column, named or titled for another year", () => {
  const noYear = REGISTER_HEADER.slice(0, 8);
  const rows = rowsOf(melding.measures).map((r) => r.slice(0, 8));

  it("sheet «Tiltak 2024» reported for 2025: a warning names the sheet's year", () => {
    const r = buildReport({ sheets: [grid("Tiltak 2024", rows, noYear)] }, { year: 2025 });
    const w = r.problems.filter((p) => p.column === "År");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("nevner 2024");
  });

  it("a title «Tiltak finansiert med RST 2024» above the header: the same warning", () => {
    const r = buildReport(
      { sheets: [grid("Tiltak", rows, noYear, [["Tiltak finansiert med RST 2024"]])] },
      { year: 2025 },
    );
    expect(r.problems.filter((p) => p.column === "År")).toHaveLength(1);
  });

  it("a sheet named for the report's year gets no warning", () => {
    const r = buildReport({ sheets: [grid("Tiltak 2025", rows, noYear)] }, { year: 2025 });
    expect(r.problems).toEqual([]);
  });
});
