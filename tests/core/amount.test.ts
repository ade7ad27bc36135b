import { describe, expect, it } from "vitest";
import {
  RST,
  formatNok,
  isRst,
  parseAmounts,
  parseAmountsUncached,
  parseNokNumber,
  sumAmounts,
  yearSum,
  type AmountParse,
} from "../../src/core/amount";
import plan from "../../examples/data/handlingsplan-2026.json";

/** [value, year, source] of every amount, or null for kind "none". */
function summary(text: string): [number, number | null, string][] | null {
  const p = parseAmounts(text);
  return p.kind !== "amounts" ? null : p.amounts.map((a) => [a.value, a.year, a.source]);
}

/** [value, years, yearMode] of every amount, or null when no amount is read. */
function years(text: string): [number, number[], string][] | null {
  const p = parseAmounts(text);
  return p.kind !== "amounts" ? null : p.amounts.map((a) => [a.value, [...a.years], a.yearMode]);
}

function single(text: string): number | null {
  const p = parseAmounts(text);
  if (p.kind !== "amounts" || p.amounts.length !== 1) return null;
  return p.amounts[0].value;
}

describe("parseAmounts: how staff write NOK", () => {
  it.each([
    ["410 000 kr", 410000],
    ["kr 410 000", 410000],
    ["550 000kr", 550000],
    ["kr. 1 734,-", 1734],
    ["NOK 2 752 884", 2752884],
    ["1,5 mill. kr", 1500000],
    ["12 mill", 12000000],
    ["57 millioner", 57000000],
    ["850 000 kroner", 850000],
    ["\u22124 200 000", -4200000],
    ["-4 200 000", -4200000],
    ["1\u00A0100\u00A0000 kr", 1100000],
    ["1\u202F100\u202F000 kr", 1100000],
    ["1\u2009100\u2009000 kr", 1100000],
    ["611'", 611000],
    ["snittlønn 611' + sos utg", 611000],
    ["1.100.000", 1100000],
    ["1.500 kr", 1500],
    ["550 000 Styrke satsing", 550000],
    ["410000", 410000],
  ])("%j → %d", (text, value) => {
    expect(single(text)).toBe(value);
  });

  it("keeps the amount's text and span as written", () => {
    const text = "Utjevning av merkostnader: 200 000 kr";
    const p = parseAmounts(text);
    expect(p.kind).toBe("amounts");
    if (p.kind !== "amounts") return;
    expect(p.amounts[0].text).toBe("200 000 kr");
    expect(p.amounts[0].span).toEqual([27, 37]);
    expect(text.slice(...p.amounts[0].span)).toBe("200 000 kr");
    const k = parseAmounts("Sum kr. 1 734,- totalt");
    expect(k.kind === "amounts" && k.amounts[0].text).toBe("kr. 1 734,-");
  });

  it.each([
    "50%",
    "12 X 50%",
    "2x50%",
    "2025",
    "i 2027",
    "nov 2025-okt 2027",
    "30.06.2026",
    "Som 2026 hvis videreføring",
    "12 prosent",
    "abc",
  ])("%j names no money", (text) => {
    const p = parseAmounts(text);
    expect(p.kind).toBe("none");
    if (p.kind === "none") expect(p.reason).toMatch(/beløp/);
  });

  it("refuses «1.100» without a currency word (1 100 or 1,1?) and names it", () => {
    const p = parseAmounts("1.100");
    expect(p).toMatchObject({ kind: "unclear", word: "1.100" });
    if (p.kind === "unclear") expect(p.reason).toMatch(/beløp «1\.100»/);
  });

  it("keeps decimals and long numbers exact", () => {
    expect(single("1,15 mill. kr")).toBe(1150000); // not 1.15 · 10^6 = 1150000.0000000002
    expect(single("0,3 mill. kr")).toBe(300000);
    expect(single("1.5 mill kr")).toBe(1500000);
    expect(single("2,123456789012345678 mill. kr")).toBe(Number("2123456.789012345678"));
    expect(single("12345678901234567 kr")).toBe(Number("12345678901234567"));
  });

  it("reads unit words in any case, as the letters fold", () => {
    expect(single("\u212Ar 5 000")).toBe(5000); // Kelvin sign K
    // A long s folds to "s": the multiplier once matched but was not applied (50 kr).
    expect(single("50 tu\u017Fen kr")).toBe(50000);
    // "5 prosent av 100 000 kr" is a share of an amount: refused, the long s read as "s".
    expect(parseAmounts("5 pro\u017Fent av 100 000 kr")).toMatchObject({ kind: "unclear" });
  });

  it("says so for an empty cell instead of returning 0", () => {
    const p = parseAmounts("   ");
    expect(p).toMatchObject({ kind: "none", sources: [] });
    expect(sumAmounts(p)).toBeNull();
  });

  it("ties amounts to the year their clause names", () => {
    expect(summary("410 000 kr prosjektleder. Evt finansiering 2027: 550 000 kr prosjektleder")).toEqual([
      [410000, null, RST],
      [550000, 2027, RST],
    ]);
    expect(summary("1 100 000 kr i 2025")).toEqual([[1100000, 2025, RST]]);
    expect(summary("200 000 kr for 2026")).toEqual([[200000, 2026, RST]]);
    expect(summary("Finansiering fra 2027: 550 000kr")).toEqual([[550000, 2027, RST]]);
    expect(summary("550 000 kr fra 2027")).toEqual([[550000, 2027, RST]]);
    // A period of years is money for all of them together, not for each (nor for any other year).
    expect(years("100 000 kr fra 2025 til 2027")).toEqual([[100000, [2025, 2026, 2027], "together"]]);
    expect(summary("i 2026 tilskudd 100 000 kr")).toEqual([[100000, 2026, RST]]); // "til" is a word
    // Once 2027 alone (the year before the colon): a confident wrong answer.
    expect(years("for 2026-2027: 100 000 kr")).toEqual([[100000, [2026, 2027], "together"]]);
    expect(summary("f.o.m. 2027 100 000 kr")).toEqual([[100000, 2027, RST]]);
    expect(summary("Evt. finansiering f.o.m. 2027: 550 000 kr")).toEqual([[550000, 2027, RST]]);
    expect(summary("Tiltak A: 100 000 kr\nTiltak B: 200 000 kr fra SiV")).toEqual([
      [100000, null, RST],
      [200000, null, "SiV"],
    ]);
    expect(summary("2026: 100 000 kr; 2027: 200 000 kr")).toEqual([
      [100000, 2026, RST],
      [200000, 2027, RST],
    ]);
    // Without a full stop, the "Finansiering 2027:" lead still starts a new clause.
    expect(summary("410 000 kr Evt finansiering 2027: 550 000 kr")).toEqual([
      [410000, null, RST],
      [550000, 2027, RST],
    ]);
    // "kr." and "mill." do not end a clause before a lower-case word or a number.
    expect(summary("1,5 mill. kr i 2026")).toEqual([[1500000, 2026, RST]]);
  });

  it("names the funding source of each clause", () => {
    expect(summary("Fra SiV: 200 000 kr til 20% stilling")).toEqual([[200000, null, "SiV"]]);
    expect(summary("100 000 kr fra SiV")).toEqual([[100000, null, "SiV"]]);
    expect(summary("Ekstern finansering: 300 000 kr")).toEqual([[300000, null, "ekstern finansiering"]]);
    expect(summary("Ekstern finansiering 300 000 kr")).toEqual([[300000, null, "ekstern finansiering"]]);
    expect(summary("1 100 000 kr fra velferdsteknologiordningen")).toEqual([
      [1100000, null, "velferdsteknologiordningen"],
    ]);
    expect(summary("Øremerkede midler 12 000 000 kr")).toEqual([[12000000, null, "øremerkede midler"]]);
    expect(summary("250 000 kr fra kommunene")).toEqual([[250000, null, "kommunene"]]);
    expect(summary("250 000 kr fra kommuner")).toEqual([[250000, null, "kommunene"]]);
    expect(summary("400 000 kr fra HSØ")).toEqual([[400000, null, "HSØ"]]);
    expect(summary("400 000 kr finansiert av Helsedirektoratet")).toEqual([
      [400000, null, "Helsedirektoratet"],
    ]);
    expect(summary("Midler fra Sparebankstiftelsen: 90 000 kr")).toEqual([
      [90000, null, "Sparebankstiftelsen"],
    ]);
    // A position held by the municipalities is not a funding source.
    expect(summary("Prosjektstilling 50% fra kommuner: 550 000kr")).toEqual([[550000, null, RST]]);
    // ... but money from them is.
    expect(summary("Finansiering fra kommunene: 550 000kr")).toEqual([[550000, null, "kommunene"]]);
    // A source stays in its own clause.
    expect(summary("Fra SiV: 200 000 kr. 100 000 kr til møter")).toEqual([
      [200000, null, "SiV"],
      [100000, null, RST],
    ]);
  });

  it("reads money glued to kr, NOK or ca., and never a wrong 0 from digits glued to a word", () => {
    expect(summary("kr200 000")).toEqual([[200000, null, RST]]);
    expect(summary("NOK200 000")).toEqual([[200000, null, RST]]);
    expect(summary("ca.200 000 kr")).toEqual([[200000, null, RST]]);
    // Once "000 kr" was read on its own: 0 kr. Now no amount, and the "kr" without a number refuses.
    expect(parseAmounts("x200 000 kr").kind).toBe("unclear");
    expect(parseAmounts("lønn/20 000 kr").kind).toBe("unclear");
    // A word ending in a digit before a spaced amount keeps the amount.
    expect(summary("TV2 200 000 kr")).toEqual([[200000, null, RST]]);
    expect(summary("1.2 200 000 kr")).toEqual([[200000, null, RST]]);
    expect(parseAmounts("kraft200 000").kind).not.toBe("amounts");
  });

  it("keeps a lead and its money together across a line break (wrapped cells)", () => {
    expect(summary("Fra\nSiV: 200 000 kr til 20% stilling")).toEqual([[200000, null, "SiV"]]);
    expect(summary("Fra SiV:\n200 000 kr")).toEqual([[200000, null, "SiV"]]);
    expect(summary("Fra SiV:\r\n\r\n200 000 kr\n300 000 kr prosjektleder")).toEqual([
      [200000, null, "SiV"],
      [300000, null, RST],
    ]);
    expect(summary("410 000 kr prosjektleder.\nEvt finansiering 2027:\n550 000 kr")).toEqual([
      [410000, null, RST],
      [550000, 2027, RST],
    ]);
    // A line break that follows no lead still ends the clause.
    expect(summary("Fra SiV: 200 000 kr\n100 000 kr til møter")).toEqual([
      [200000, null, "SiV"],
      [100000, null, RST],
    ]);
  });

  it("names an unknown payer as written, even one spelt like an Object property", () => {
    // The lookup of known payers once returned Object.prototype members ("constructor" → a function).
    expect(summary("Fra constructor: 410 000 kr")).toEqual([[410000, null, "constructor"]]);
    expect(summary("Fra __proto__: 5 kr")).toEqual([[5, null, "__proto__"]]);
    expect(summary("Midler fra Constructor: 90 000 kr")).toEqual([[90000, null, "Constructor"]]);
  });

  it("lists sources named without an amount", () => {
    const p = parseAmounts("Fra SiV: ressursinnsats fra ansatte i SiV tilsvarende 50% stilling.");
    expect(p).toMatchObject({ kind: "none", sources: ["SiV"] });
  });

  it("returns frozen, cached results that callers cannot corrupt", () => {
    const text = "Fra SiV: 200 000 kr til 20% stilling for opplæring i kommuner i 2026";
    const a = parseAmounts(text);
    const b = parseAmounts(text);
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    if (a.kind !== "amounts") throw new Error("expected amounts");
    expect(() => {
      (a.amounts[0] as { value: number }).value = 1;
    }).toThrow();
    expect(() => (a.amounts as unknown as number[]).push(1)).toThrow();
    expect(() => {
      a.amounts[0].span[0] = 5;
    }).toThrow();
    expect(parseAmounts(text)).toEqual(parseAmountsUncached(text));
  });

  it("does not read the dash of a previous amount's ',-' as a minus sign", () => {
    expect(summary("0,-1kr")).toEqual([
      [0, null, RST],
      [1, null, RST],
    ]);
  });

  it("never throws on odd input", () => {
    for (const t of [
      null,
      undefined,
      42,
      "kr",
      "kr.",
      "-",
      "−",
      ",-",
      "'",
      "mill",
      "0",
      "1 2 3",
      "9".repeat(400),
    ]) {
      expect(() => parseAmounts(t as unknown as string)).not.toThrow();
    }
  });
});

describe("the seed handlingsplan (examples/data/handlingsplan-2026.json)", () => {
  type Expected = { amounts: [number, number | null, string][]; sources: string[] } | { none: string[] };
  // Every row with text in Økonomi; the rest are empty cells.
  const EXPECTED: Record<string, Expected> = {
    "1.1.1": {
      amounts: [
        [410000, null, RST],
        [550000, 2027, RST],
      ],
      sources: [RST],
    },
    "2.1.1": { amounts: [[4200000, null, RST]], sources: [RST] },
    "3.1.1": { amounts: [[200000, 2026, "SiV"]], sources: ["SiV"] },
    "3.2.1": { amounts: [[200000, null, RST]], sources: [RST] },
    "4.1.1": { amounts: [[550000, null, RST]], sources: ["SiV", RST] },
    "5.1.1": {
      amounts: [
        [1100000, 2025, "velferdsteknologiordningen"],
        [550000, null, RST],
        [550000, 2027, RST],
      ],
      sources: ["velferdsteknologiordningen", RST],
    },
    "7.1.1": { amounts: [[3000000, null, RST]], sources: [RST] },
    "8.1.1": { amounts: [[700000, null, RST]], sources: [RST] },
    "9.1.1": { none: ["øremerkede midler", "ekstern finansiering"] },
    "10.1.1": { amounts: [[100000, null, RST]], sources: ["ekstern finansiering", "HSØ", RST] },
  };
  const rows = plan.rows.map((r) => ({ nr: r[0], okonomi: r[5] }));

  it.each(rows)("row $nr", ({ nr, okonomi }) => {
    const p: AmountParse = parseAmounts(okonomi);
    const want = EXPECTED[nr];
    if (!want) {
      expect(okonomi).toBe("");
      expect(p.kind).toBe("none");
      return;
    }
    if ("none" in want) {
      expect(p.kind).toBe("none");
      expect(p.sources).toEqual(want.none);
      return;
    }
    expect(p.kind).toBe("amounts");
    if (p.kind !== "amounts") return;
    expect(p.amounts.map((a) => [a.value, a.year, a.source])).toEqual(want.amounts);
    expect(p.sources).toEqual(want.sources);
    for (const a of p.amounts) expect(okonomi.slice(a.span[0], a.span[1])).toBe(a.text);
  });

  it("every expected row exists in the seed", () => {
    expect(Object.keys(EXPECTED).every((nr) => rows.some((r) => r.nr === nr && r.okonomi !== ""))).toBe(true);
    expect(rows.filter((r) => r.okonomi !== "").length).toBe(Object.keys(EXPECTED).length);
  });

  it("RST money for 2026 is 6 710 000 over the rows the facts list", () => {
    const byNr = Object.fromEntries(
      rows.map((r) => [r.nr, sumAmounts(parseAmounts(r.okonomi), { year: 2026, source: RST })]),
    );
    expect(byNr).toMatchObject({
      "1.1.1": 410000,
      "2.1.1": 4200000,
      "3.1.1": 0, // from SiV
      "3.2.1": 200000,
      "4.1.1": 550000,
      "5.1.1": 550000,
      "8.1.1": 700000,
      "9.1.1": null,
      "10.1.1": 100000,
    });
    const listed = ["1.1.1", "2.1.1", "3.2.1", "4.1.1", "5.1.1", "8.1.1", "10.1.1"];
    expect(listed.reduce((s, nr) => s + (byNr[nr] ?? 0), 0)).toBe(6710000);
    // 7.1.1's 3 000 000 runs nov 2025 - okt 2027: the money of those years together, no one
    // year's (the plan's rule books it in 2025, tests/core/plan/funding.test.ts).
    expect(byNr["7.1.1"]).toBe(0);
    const seven = yearSum(parseAmounts(rows.find((r) => r.nr === "7.1.1")!.okonomi), { year: 2026 });
    expect(seven).toMatchObject({ kind: "shared" });
  });

  it("future-year amounts are found with the 2027 filter", () => {
    const p = (nr: string) => parseAmounts(rows.find((r) => r.nr === nr)!.okonomi);
    const tied2027 = (nr: string) => {
      const x = p(nr);
      return x.kind === "amounts" ? x.amounts.filter((a) => a.year === 2027).map((a) => a.value) : [];
    };
    expect(tied2027("1.1.1")).toEqual([550000]);
    expect(tied2027("5.1.1")).toEqual([550000]);
    // An amount without a year counts for a year only when the text ties no other money to it:
    // UngArena 410 000 for 2026 and 550 000 for 2027 (issue 10), not 960 000 for 2027.
    expect(sumAmounts(p("1.1.1"), { year: 2027, source: RST })).toBe(550000);
    expect(sumAmounts(p("1.1.1"), { year: 2026, source: RST })).toBe(410000);
    // Velferdsteknologi: 1 100 000 for 2025, 550 000 for 2026, 550 000 for 2027 (any source).
    expect(sumAmounts(p("5.1.1"), { year: 2025 })).toBe(1100000);
    expect(sumAmounts(p("5.1.1"), { year: 2026 })).toBe(550000);
    expect(sumAmounts(p("5.1.1"), { year: 2027 })).toBe(550000);
    expect(sumAmounts(p("5.1.1"), { year: 2025, source: "velferdsteknologiordningen" })).toBe(1100000);
  });
});

describe("sumAmounts", () => {
  const text = "410 000 kr prosjektleder. Evt finansiering 2027: 550 000 kr. Fra SiV: 200 000 kr";
  it("filters by year (a year-less amount counts where no other money is tied) and source", () => {
    const p = parseAmounts(text);
    expect(sumAmounts(p)).toBe(1160000);
    expect(sumAmounts(p, { year: 2026 })).toBe(610000);
    expect(sumAmounts(p, { year: 2026, source: "RST" })).toBe(410000);
    expect(sumAmounts(p, { year: 2027, source: "rst" })).toBe(550000);
    expect(sumAmounts(p, { source: "siv" })).toBe(200000);
    expect(sumAmounts(p, { source: "HSØ" })).toBe(0);
  });
  it("gives 0 when the money is only for other years and null when there is none", () => {
    expect(sumAmounts(parseAmounts("Finansiering 2027: 550 000 kr"), { year: 2026 })).toBe(0);
    expect(sumAmounts(parseAmounts("Videreføres dersom positiv evaluering"), { year: 2026 })).toBeNull();
  });
  it("sums decimals to the øre", () => {
    expect(sumAmounts(parseAmounts("0,1 mill; 0,2 mill; 1 234,56 kr"))).toBe(301234.56);
  });
});

describe("formatNok / parseNokNumber / isRst", () => {
  it.each([
    [8400000, "8 400 000"],
    [0, "0"],
    [999, "999"],
    [1000, "1 000"],
    [-4200000, "-4 200 000"],
    [1500000.5, "1 500 000,50"],
    [1234.56, "1 234,56"],
    [0.1 + 0.2, "0,30"],
    [-0.001, "0"],
  ])("formatNok(%d) → %j (written with U+00A0 and U+2212, compared as plain text)", (n, s) => {
    expect(
      formatNok(n)
        .replace(/[\u00a0\u202f]/g, " ")
        .replace(/\u2212/g, "-"),
    ).toBe(s);
  });

  it("formatNok writes what it reads back (no-break spaces, minus sign)", () => {
    for (const v of [8400000, -4200000, 1500000.5, 0.3]) expect(parseNokNumber(formatNok(v))).toBe(v);
  });

  it.each([
    ["-3 500 000", -3500000],
    ["kr 410 000", 410000],
    ["410 000 kr", 410000],
    ["\u22124 200 000", -4200000],
    ["1 500 000,5", 1500000.5],
    ["2026", 2026],
    ["  550000  ", 550000],
    ["abc", null],
    ["", null],
    ["410 000 kr prosjektleder", null],
    ["100 000 kr og 200 000 kr", null],
    ["50%", null],
  ])("parseNokNumber(%j) → %j", (text, value) => {
    expect(parseNokNumber(text)).toBe(value);
  });

  it("recognises RST", () => {
    expect(isRst("RST")).toBe(true);
    expect(isRst(" rst ")).toBe(true);
    expect(isRst("Rekrutterings- og samhandlingstilskudd")).toBe(true);
    expect(isRst("SiV")).toBe(false);
  });
});
