import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  a1,
  areaA1,
  cellText,
  columnIndex,
  columnLetters,
  effectiveCell,
  gridFromValues,
  MergeIndex,
  parseA1,
  parseArea,
} from "../../src/core/grid";

describe("A1 addresses", () => {
  it("converts columns both ways", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
    expect(columnIndex("aa")).toBe(26);
  });
  it("round-trips any column and cell", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 0, max: 1_048_575 }), (c, r) => {
        expect(columnIndex(columnLetters(c))).toBe(c);
        expect(parseA1(a1(r, c))).toEqual({ row: r, col: c });
      }),
    );
  });
  it("parses absolute, sheet-qualified addresses and areas", () => {
    expect(parseA1("$B$3")).toEqual({ row: 2, col: 1 });
    expect(parseA1("'Handlingsplan 2026'!E12")).toEqual({ row: 11, col: 4 });
    expect(parseArea("C4:A1")).toEqual({ top: 0, left: 0, bottom: 3, right: 2 });
    expect(areaA1({ top: 0, left: 0, bottom: 3, right: 2 })).toBe("A1:C4");
    expect(areaA1({ top: 4, left: 1, bottom: 4, right: 1 })).toBe("B5");
    expect(() => parseA1("12B")).toThrow(/Ugyldig/);
  });
});

describe("merged cells", () => {
  const grid = gridFromValues(
    "Plan",
    [
      ["Nr", "Område", "Mål"],
      ["1.1.1", "UngArena+", "Evaluering"],
      ["1.1.2", null, "Modell"],
      ["1.1.3", null, "Plan"],
    ],
    [{ top: 1, left: 1, bottom: 3, right: 1 }],
  );
  it("gives the master's value to every cell it spans", () => {
    const idx = new MergeIndex(grid);
    for (const r of [1, 2, 3]) expect(cellText(effectiveCell(grid, r, 1, idx))).toBe("UngArena+");
    expect(cellText(effectiveCell(grid, 2, 1))).toBe("UngArena+");
    expect(cellText(effectiveCell(grid, 2, 2, idx))).toBe("Modell");
    expect(idx.areaAt(0, 1)).toBeUndefined();
  });
  it("pads ragged rows to a dense grid", () => {
    const g = gridFromValues("S", [["a"], ["b", "c", "d"]]);
    expect(g.rows.map((r) => r.length)).toEqual([3, 3]);
    expect(g.rows[0][2]).toEqual({ value: null, text: "" });
  });
});
