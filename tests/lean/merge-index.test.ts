/** MergeIndex (src/core/grid.ts): one typed-array slot per covered cell; lookups as before. */
import { describe, expect, it } from "vitest";
import { gridFromValues, MergeIndex } from "../../src/core/grid";

describe("MergeIndex", () => {
  const grid = gridFromValues(
    "Ark1",
    [
      ["a", "b"],
      ["c", "d"],
    ],
    [
      { top: 0, left: 0, bottom: 2, right: 0 }, // reaches below the grid
      { top: 1, left: 1, bottom: 1, right: 3 }, // reaches right of the grid
    ],
  );
  const index = new MergeIndex(grid);

  it("finds the area covering a cell, also outside the values", () => {
    expect(index.areaAt(0, 0)).toBe(grid.merges[0]);
    expect(index.areaAt(2, 0)).toBe(grid.merges[0]);
    expect(index.areaAt(1, 3)).toBe(grid.merges[1]);
  });

  it("nothing outside every area, or outside the sheet", () => {
    expect(index.areaAt(0, 1)).toBeUndefined();
    expect(index.areaAt(3, 0)).toBeUndefined();
    expect(index.areaAt(1, 4)).toBeUndefined();
    expect(index.areaAt(-1, 0)).toBeUndefined();
  });

  it("a later area wins where two overlap (files from Excel never overlap)", () => {
    const g = gridFromValues(
      "Ark1",
      [["x"]],
      [
        { top: 0, left: 0, bottom: 1, right: 1 },
        { top: 1, left: 1, bottom: 2, right: 2 },
      ],
    );
    expect(new MergeIndex(g).areaAt(1, 1)).toBe(g.merges[1]);
  });

  it("a grid without merges", () => {
    expect(new MergeIndex(gridFromValues("Ark1", [["x"]])).areaAt(0, 0)).toBeUndefined();
  });
});
