import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fn, expectError } from "./helpers";

describe("RST.BALANCE", () => {
  it("seed 2025: 6 960 000 + 2 800 030 − allocations 7 950 000 = 1 810 030", () => {
    const allocations = [[4_200_000], [3_000_000], [700_000], [50_000]];
    expect(fn("RST.BALANCE", 6_960_000, allocations, 2_800_030)).toBe(1_810_030);
    expect(fn("RST.BALANCE", 7_000_030, [[4_200_000]])).toBe(2_800_030);
  });
  it("digital møteserie: 700 000 granted, 808 985 accounted → 108 985 over", () => {
    expect(fn("RST.BALANCE", 700_000, [[808_985]])).toBe(-108_985);
  });
  it("skips blanks and reads Norwegian amount text in the range", () => {
    expect(
      fn("RST.BALANCE", "6 960 000", [["4 200 000"], [null], [""], ["3 000 000 kr"], [750_000]], "2 800 030"),
    ).toBe(1_810_030);
    expect(fn("RST.BALANCE", 1000, [["-200"]], null)).toBe(1200);
    expect(fn("RST.BALANCE", 0.1, [[null]], 0.2)).toBe(0.3);
  });
  it("errors name the argument and the cell", () => {
    expectError(
      fn("RST.BALANCE", 1000, [[1], [2], ["abc"]]),
      "#VALUE!",
      /^Rad 3 i allocations er ikke et beløp: «abc»/,
    );
    expectError(fn("RST.BALANCE", "mye", [[1]]), "#VALUE!", /granted.*«mye»/);
    expectError(fn("RST.BALANCE", null, [[1]]), "#VALUE!", /granted mangler/);
    expectError(
      fn("RST.BALANCE", 1, [
        [1, 2],
        [3, "x"],
      ]),
      "#VALUE!",
      /Rad 2, kolonne 2 i allocations/,
    );
    expectError(fn("RST.BALANCE", 1, [[1]], true), "#VALUE!", /carriedIn.*SANN/);
  });
});

describe("RST.CARRYOVER", () => {
  it("RST.CARRYOVER({7000030;6960000},{4200000;7950000}) = {2800030;1810030}", () => {
    expect(fn("RST.CARRYOVER", [[7_000_030], [6_960_000]], [[4_200_000], [7_950_000]])).toEqual([
      [2_800_030],
      [1_810_030],
    ]);
  });
  it("opening carry, overspend carried negative, amount text, row orientation", () => {
    expect(fn("RST.CARRYOVER", [[1_000_000], [1_000_000]], [["1 250 000"], [500_000]], 0)).toEqual([
      [-250_000],
      [250_000],
    ]);
    expect(fn("RST.CARRYOVER", [[100]], [[30]], "50")).toEqual([[120]]);
    expect(fn("RST.CARRYOVER", [[7_000_030, 6_960_000]], [[4_200_000, 7_950_000]])).toEqual([
      [2_800_030, 1_810_030],
    ]);
    // a blank allocation is 0
    expect(fn("RST.CARRYOVER", [[10], [10]], [[null], [5]])).toEqual([[10], [15]]);
  });
  it("drops trailing empty years (range selected longer than the years filled in)", () => {
    expect(
      fn(
        "RST.CARRYOVER",
        [[7_000_030], [6_960_000], [null], [""]],
        [[4_200_000], [7_950_000], [null], [null]],
      ),
    ).toEqual([[2_800_030], [1_810_030]]);
  });
  it("an unknown grant (2026) with allocations gives #N/A naming the row", () => {
    expectError(
      fn("RST.CARRYOVER", [[7_000_030], [6_960_000], [null]], [[4_200_000], [7_950_000], [410_000]]),
      "#N/A",
      /^Rad 3 i granted er tom: tilskuddet for det året er ukjent/,
    );
  });
  it("errors: unequal lengths, 2-D ranges, text, empty", () => {
    expectError(
      fn("RST.CARRYOVER", [[1], [2]], [[1], [2], [3]]),
      "#VALUE!",
      /^Områdene granted og allocated må ha like mange rader \(2 og 3\)$/,
    );
    expectError(
      fn(
        "RST.CARRYOVER",
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ),
      "#VALUE!",
      /én kolonne eller én rad/,
    );
    expectError(
      fn("RST.CARRYOVER", [[1], ["tja"]], [[1], [2]]),
      "#VALUE!",
      /Rad 2 i granted er ikke et beløp: «tja»/,
    );
    expectError(fn("RST.CARRYOVER", [[null]], [[null]]), "#N/A", /Ingen år/);
    expectError(fn("RST.CARRYOVER", [[1]], [[1]], "x"), "#VALUE!", /openingCarry/);
  });
  it("property: the spilled column satisfies the recurrence", () => {
    const money = fc.integer({ min: -20_000_000, max: 20_000_000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(money, money), { minLength: 1, maxLength: 25 }),
        money,
        (rows, opening) => {
          const out = fn(
            "RST.CARRYOVER",
            rows.map((r) => [r[0]]),
            rows.map((r) => [r[1]]),
            opening,
          ) as number[][];
          expect(out.length).toBe(rows.length);
          out.forEach(([v], i) =>
            expect(v).toBe((i === 0 ? opening : out[i - 1][0]) + rows[i][0] - rows[i][1]),
          );
        },
      ),
    );
  });
});

describe("RST.PERIODIZE", () => {
  const nov2025 = 45962; // 2025-11-01
  const okt2027 = 46691; // 2027-10-31
  it("3 000 000 over nov 2025 – okt 2027 with date serials: years add up to the total", () => {
    const parts = [2024, 2025, 2026, 2027, 2028].map(
      (y) => fn("RST.PERIODIZE", 3_000_000, nov2025, okt2027, y) as number,
    );
    expect(parts[0]).toBe(0);
    expect(parts[4]).toBe(0);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(3_000_000);
    // 24 whole months of 125 000: 2 in 2025, 12 in 2026, 10 in 2027
    expect(parts.slice(1, 4)).toEqual([250_000, 1_500_000, 1_250_000]);
    expect(parts.every((p) => Number.isInteger(p))).toBe(true);
  });
  it("ISO text dates and amount text", () => {
    expect(fn("RST.PERIODIZE", "3 000 000 kr", "2025-11-01", "2027-10-31", 2025)).toBe(
      fn("RST.PERIODIZE", 3_000_000, nov2025, okt2027, 2025),
    );
    expect(fn("RST.PERIODIZE", 1200, "2026-01-01", "2026-12-31", "2026")).toBe(1200);
  });
  it("errors", () => {
    expectError(
      fn("RST.PERIODIZE", 1000, "2026-02-01", "2026-01-31", 2026),
      "#VALUE!",
      /^Sluttdato 31\.01\.2026 er før startdato 01\.02\.2026$/,
    );
    expectError(fn("RST.PERIODIZE", 1000, null, "2026-01-31", 2026), "#VALUE!", /start mangler/);
    expectError(fn("RST.PERIODIZE", 1000, "2026-01-01", "2026-01-31", null), "#VALUE!", /year mangler/);
    expectError(fn("RST.PERIODIZE", 1000, "2026-01-01", "2026-01-31", 26.5), "#VALUE!", /årstall/);
    expectError(fn("RST.PERIODIZE", "abc", "2026-01-01", "2026-01-31", 2026), "#VALUE!", /amount/);
    expectError(fn("RST.PERIODIZE", 1000, -5, "2026-01-31", 2026), "#VALUE!", /Startdato/);
    expectError(fn("RST.PERIODIZE", 1000, true, "2026-01-31", 2026), "#VALUE!", /Startdato/);
  });
});

describe("RST.PERIODIZE with period text", () => {
  it("a period in start and an empty end: whole months weigh the same", () => {
    expect(fn("RST.PERIODIZE", 3_000_000, "nov.25-okt.27", null, 2026)).toBe(1_500_000);
    expect(fn("RST.PERIODIZE", 3_000_000, "nov.25-okt.27", null, 2027)).toBe(1_250_000);
  });
  it("an open period has no end to spread over: #N/A", () => {
    expectError(fn("RST.PERIODIZE", 1000, "01.2026 -", null, 2026), "#N/A", /ingen sluttdato/);
  });
});
