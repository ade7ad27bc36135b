import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/core/grid";
import { carryDirection, findLedgerGrid, readLedger, typeFromPost } from "../../src/core/ledger-sheet";
import { SEED_LEDGER, seedLedgerGrid, seedPlanGrid } from "./plan/helpers";
import { plain } from "../plain";

const SEED_YEARS = [
  {
    year: 2024,
    granted: 7_000_030,
    carriedIn: 0,
    allocated: 4_200_000,
    available: 7_000_030,
    carriedOut: 2_800_030,
  },
  {
    year: 2025,
    granted: 6_960_000,
    carriedIn: 2_800_030,
    allocated: 7_950_000,
    available: 9_760_030,
    carriedOut: 1_810_030,
  },
  { year: 2026, granted: null, carriedIn: 1_810_030, allocated: 0, available: null, carriedOut: null },
];

describe("findLedgerGrid", () => {
  const plan = seedPlanGrid();
  it.each(["RST", "rst", "Tilskudd", "Ledger", "RST-tilskudd", "Tilskudd RST", "tilskudd_rst"])(
    "finds a sheet named %j",
    (name) => {
      expect(findLedgerGrid({ sheets: [plan, gridFromValues(name, [])] })?.sheet).toBe(name);
    },
  );
  it("takes the sheet named in the option, ignoring case and accents", () => {
    const wb = { sheets: [plan, gridFromValues("RST", []), gridFromValues("Økonomi", [])] };
    expect(findLedgerGrid(wb, "okonomi")?.sheet).toBe("Økonomi");
    expect(findLedgerGrid(wb, "Mangler")).toBeUndefined();
  });
  it("none when no sheet has a ledger name", () => {
    expect(findLedgerGrid({ sheets: [plan, gridFromValues("Notater", [])] })).toBeUndefined();
  });
});

describe("readLedger on the seed ledger (rst-vestfold.json)", () => {
  it("without a Type column, negative allocations: the seed figures", () => {
    const r = readLedger(seedLedgerGrid());
    expect(r.problems).toEqual([]);
    expect(r.years).toEqual(SEED_YEARS);
    expect(r.years[1].available).toBe(SEED_LEDGER.expected.availableIn2025);
    expect(r.years[1].allocated).toBe(SEED_LEDGER.expected.allocatedIn2025);
    expect(r.years[2].carriedIn).toBe(SEED_LEDGER.expected.carriedInto2026);
  });
  it("with a Type column and positive allocations: the same figures", () => {
    const r = readLedger(seedLedgerGrid("RST", { typeColumn: true, positiveAllocations: true }));
    expect(r.problems).toEqual([]);
    expect(r.years).toEqual(SEED_YEARS);
  });
  it("entries carry year, post, amount (allocations positive), type and sheet row", () => {
    const r = readLedger(seedLedgerGrid());
    expect(r.entries[0]).toEqual({
      year: 2024,
      post: "Tildelt rekrutterings- og samhandlingstilskudd",
      amount: 7_000_030,
      type: "granted",
      row: 4,
    });
    expect(r.entries[1]).toEqual({
      year: 2024,
      post: "Vitality: Eldrehelsekoordinatorer 12 x 50% stillinger",
      amount: 4_200_000,
      type: "allocation",
      row: 5,
    });
    expect(r.entries.filter((e) => e.type === "allocation").map((e) => e.amount)).toEqual(
      SEED_LEDGER.allocations.map((a) => a.amount),
    );
    expect(r.entries.filter((e) => e.type === "carried").map((e) => e.amount)).toEqual([
      2_800_030, 2_800_030, 1_810_030,
    ]);
    expect(r.entries[r.entries.length - 1]).toMatchObject({ year: 2026, amount: null, type: "granted" });
  });
  it("the 2026 year is known from the carry «overført 2026» even without a 2026 row", () => {
    const g = seedLedgerGrid();
    const r = readLedger({ ...g, rows: g.rows.slice(0, -1) });
    expect(r.years.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(r.years[2]).toMatchObject({ granted: null, carriedIn: 1_810_030, available: null });
  });
});

describe("readLedger checks and problems", () => {
  const base = (rows: (string | number)[][]) => gridFromValues("RST", [["År", "Post", "Beløp"], ...rows]);

  it("a stated carry that differs from the computed one is a warning naming both figures", () => {
    const r = readLedger(
      base([
        [2024, "Tildelt tilskudd", 7_000_030],
        ["", "Vitality", "-4 200 000"],
        ["", "Ikke benyttede midler overført 2025", "2 800 000"],
        [2025, "Tildelt tilskudd", 6_960_000],
        ["", "Disponible midler overført fra 2024", 2_800_030],
      ]),
    );
    expect(r.problems).toHaveLength(1);
    expect(plain(r.problems[0])).toMatchObject({
      code: "ledger-unparseable",
      severity: "warning",
      sheet: "RST",
      cell: "C4",
      row: 4,
      column: "Beløp",
      value: "2 800 000",
    });
    expect(plain(r.problems[0].message)).toBe(
      "C4: Oppgitt overført beløp 2 800 000 stemmer ikke med 2 800 030 (beregnet overført ut av 2024: tildelt 7 000 030 + overført 0 - tildelt tiltak 4 200 000). Sjekk beløpene for 2024.",
    );
  });
  it("a carry into the first year is the opening balance", () => {
    const r = readLedger(
      base([
        [2025, "Overført fra 2024", "2 800 030"],
        ["", "Tildelt tilskudd", 6_960_000],
        ["", "Tiltak", -7_950_000],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.years[0]).toMatchObject({ carriedIn: 2_800_030, available: 9_760_030, carriedOut: 1_810_030 });
  });
  it("an unreadable amount is a ledger-unparseable warning naming the cell; the carry out is unknown", () => {
    const r = readLedger(
      base([
        [2025, "Tildelt tilskudd", 1_000_000],
        ["", "Partnerskapskonferanse", "ca. femti tusen"],
      ]),
    );
    expect(r.problems.map((p) => `${p.code} ${p.severity} ${p.cell}`)).toEqual([
      "ledger-unparseable warning C3",
    ]);
    expect(r.problems[0].message).toBe(
      "C3: Beløpet «ca. femti tusen» kan ikke leses. Skriv bare beløpet, f.eks. «4 200 000» eller «-4 200 000». " +
        "Til det er gjort, er det som overføres ut av 2025 (og senere år) ukjent.",
    );
    // 1 000 000 − an unknown amount: not 1 000 000 as if nothing were allocated
    expect(r.years[0]).toMatchObject({
      allocated: 0,
      allocatedUnknown: true,
      available: 1_000_000,
      carriedOut: null,
    });
  });
  it("an unreadable year is a warning and leaves the carries unknown; an empty year repeats the one above", () => {
    const r = readLedger(
      base([
        ["i fjor", "Tiltak", 100],
        [2025, "Tildelt", 500],
        ["", "Tiltak", 200],
      ]),
    );
    expect(r.problems.map((p) => p.cell)).toEqual(["A2"]);
    // the 100 of «i fjor» belongs to no year read: 2025's carry out is not 300 but unknown
    expect(r.years).toEqual([
      {
        year: 2025,
        granted: 500,
        carriedIn: 0,
        allocated: 200,
        available: 500,
        carriedOut: null,
        allocatedUnknown: true,
      },
    ]);
  });
  it("a grant with an empty Beløp is unknown (no warning); an allocation with none is warned about", () => {
    const r = readLedger(
      base([
        [2026, "Tildelt tilskudd", ""],
        ["", "Tiltak uten beløp", ""],
      ]),
    );
    expect(r.years[0]).toMatchObject({ granted: null, available: null });
    expect(r.problems.map((p) => p.cell)).toEqual(["C3"]);
  });
  it("an overspend advanced («forskuttert») is checked as a negative carry", () => {
    const ok = readLedger(
      base([
        [2025, "Tildelt tilskudd", 1_000_000],
        ["", "Tiltak", -1_250_000],
        ["", "Overforbruk forskuttert av 2026-tilskudd", 250_000],
      ]),
    );
    expect(ok.problems).toEqual([]);
    expect(ok.years[0].carriedOut).toBe(-250_000);
    const bad = readLedger(
      base([
        [2025, "Tildelt tilskudd", 1_000_000],
        ["", "Tiltak", -1_100_000],
        ["", "Forskuttert", 250_000],
      ]),
    );
    expect(plain(bad.problems[0].message)).toContain(
      "Oppgitt overført beløp -250 000 stemmer ikke med -100 000",
    );
  });
  it("an unknown Type falls back to the Post text, with a warning", () => {
    const g = gridFromValues("RST", [
      ["År", "Post", "Beløp", "Type"],
      [2025, "Tildelt tilskudd", 100, "Greie"],
    ]);
    const r = readLedger(g);
    expect(r.entries[0].type).toBe("granted");
    expect(r.problems[0]).toMatchObject({ code: "ledger-unparseable", cell: "D2", value: "Greie" });
  });
  it("sum lines are not entries; three blank rows end the table", () => {
    const r = readLedger(
      base([
        [2025, "Tildelt tilskudd", 100],
        ["", "Sum tildelt tiltak", -50],
        ["", "Tiltak", -50],
        [],
        [],
        [],
        ["", "Notat", "x"],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.years[0].allocated).toBe(50);
  });
  it("no header: a header-missing error", () => {
    const r = readLedger(gridFromValues("RST", [["Noe"], ["annet"]]));
    expect(r.years).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(["header-missing"]);
    expect(r.problems[0].message).toContain("Fant ikke overskriftene «År», «Post» og «Beløp»");
  });
  it("accepts «Tiltak» for Post and header variants", () => {
    for (const amountHeader of ["Beløp", "Beløp (kr)", "BELØP NOK"]) {
      const g = gridFromValues("RST", [
        ["Tilskudd"],
        ["ÅR", "Post/Tiltak", "Type", amountHeader],
        [2025, "Midler", "Tildelt", "kr 410 000"],
      ]);
      expect(readLedger(g).years[0].granted).toBe(410_000);
    }
    const t = gridFromValues("RST", [
      ["ÅR", "Tiltak", "Beløp"],
      [2025, "Tildelt", "410 000"],
    ]);
    expect(readLedger(t).years[0].granted).toBe(410_000);
  });
});

describe("reading the Post text", () => {
  it.each([
    ["Tildelt rekrutterings- og samhandlingstilskudd", "granted"],
    ["Tildelt", "granted"],
    ["Disponible midler overført fra 2024", "carried"],
    ["Ikke benyttede midler overført 2026", "carried"],
    ["«Overforbruk» forskuttert av 2026-tilskudd", "advanced"],
    ["Vitality: Eldrehelsekoordinatorer", "allocation"],
    ["Sum tildelt tiltak", "allocation"],
  ])("%j is %s", (post, type) => expect(typeFromPost(post)).toBe(type));
  it.each([
    ["Ikke benyttede midler overført 2025", 2024, "out"],
    ["Disponible midler overført fra 2024", 2025, "in"],
    ["Overført fra forrige år", 2025, "in"],
    ["Ubenyttede midler overført", 2025, "out"],
  ] as const)("%j in %i is carried %s", (post, year, dir) => expect(carryDirection(post, year)).toBe(dir));
});

describe("the År column as Excel writes dates and short years", () => {
  it("a date shown as «15.01.2024» is 2024; a serial 45500 or «25» is no year, and the carries are unknown", () => {
    const g = gridFromValues("RST", [
      ["År", "Post", "Beløp", "Type"],
      [45306, "Tildelt tilskudd", 7_000_030, "Tildelt"],
      [45500, "Vitality", -4_200_000, "Tildeling"],
      [2025, "Tildelt tilskudd", 6_960_000, "Tildelt"],
      [25, "Partnerskapskonferanse", -50_000, "Tildeling"],
    ]);
    g.rows[1][0] = { value: 45306, text: "15.01.2024" }; // a date cell: serial 45306 = 15.01.2024
    const r = readLedger(g);
    expect(r.years.map((y) => y.year)).toEqual([2024, 2025]);
    expect(r.problems.map((p) => p.cell)).toEqual(["A3", "A5"]);
    expect(r.years.map((y) => y.carriedOut)).toEqual([null, null]);
  });
});

describe("grant rows without a Type column, as finance staff name them", () => {
  const g = () =>
    gridFromValues("RST", [
      ["År", "Post", "Beløp"],
      [2024, "RST-tilskudd 2024", 7_000_030],
      [2024, "Vitality: Eldrehelsekoordinatorer", -4_200_000],
      [2025, "Tilskudd fra Helse Sør-Øst 2025", 6_960_000],
      [2025, "Digital møteserie for fastleger", -700_000],
      [2025, "Tildeling 2025", 300_000],
    ]);

  it("«RST-tilskudd 2024» and «Tilskudd fra Helse Sør-Øst 2025» are grants, not allocations", () => {
    const r = readLedger(g());
    // by hand: 7 000 030 − 4 200 000 = 2 800 030 carried into 2025
    expect(r.years.map((y) => [y.year, y.granted, y.carriedIn])).toEqual([
      [2024, 7_000_030, 0],
      [2025, 6_960_000, 2_800_030],
    ]);
  });

  it("a positive «Tildeling 2025» among negative allocations is warned about", () => {
    const w = readLedger(g()).problems.filter((p) => p.cell === "C6");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("beløpet er positivt");
  });

  it("«Tilskudd til kommunene» stays an allocation", () => {
    expect(typeFromPost("Tilskudd til kommunene for legevakt")).toBe("allocation");
    expect(typeFromPost("RST-tilskudd 2025")).toBe("granted");
  });
});
