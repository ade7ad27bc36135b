import { describe, expect, it } from "vitest";
import { gridFromValues, MergeIndex } from "../../src/core/grid";
import {
  bestHeaderRow,
  firstHeaderRow,
  recogniseHeaderRow,
  type HeaderSearch,
} from "../../src/core/header-row";

type Key = "nr" | "name" | "sum";
const WORDS: Record<string, Key> = { nr: "nr", navn: "name", tiltak: "name", sum: "sum" };
const search = (extra: Partial<HeaderSearch<Key>> = {}): HeaderSearch<Key> => ({
  keyOf: (text) => WORDS[text.toLowerCase()],
  depth: 10,
  ...extra,
});

describe("recogniseHeaderRow", () => {
  it("the first column naming a key wins; names keep the text with whitespace collapsed", () => {
    const g = gridFromValues("Ark", [["Nr", "Tiltak", "Navn", "x", " Sum "]]);
    const h = recogniseHeaderRow(g, 0, search());
    expect(h).toEqual({
      row: 0,
      columns: { nr: 0, name: 1, sum: 4 },
      names: { nr: "Nr", name: "Tiltak", sum: "Sum" },
    });
  });

  it("reads merged cells as their top-left cell unless asked for the cells as written", () => {
    // "Navn" merged down over rows 1–2 of column B
    const g = gridFromValues(
      "Ark",
      [
        ["Nr", "Navn", ""],
        ["", "", "Sum"],
      ],
      [{ top: 0, left: 1, bottom: 1, right: 1 }],
    );
    expect(recogniseHeaderRow(g, 1, search({ merges: new MergeIndex(g) })).columns).toEqual({
      name: 1,
      sum: 2,
    });
    expect(recogniseHeaderRow(g, 1, search()).columns).toEqual({ name: 1, sum: 2 });
    expect(recogniseHeaderRow(g, 1, search({ cells: "written" })).columns).toEqual({ sum: 2 });
  });
});

describe("firstHeaderRow and bestHeaderRow", () => {
  const g = gridFromValues("Ark", [
    ["Tiltak"],
    ["Nr", "Tiltak"],
    ["Nr", "Tiltak", "Sum"],
    ["Nr", "Navn", "Sum"],
  ]);
  const hasName = (h: { columns: Partial<Record<Key, number>> }) => h.columns.name !== undefined;

  it("first: the upper row that is accepted", () => {
    expect(firstHeaderRow(g, search(), hasName)?.row).toBe(0);
    expect(firstHeaderRow(g, search(), (h) => h.columns.nr !== undefined)?.row).toBe(1);
    expect(firstHeaderRow(g, search(), () => false)).toBeUndefined();
  });

  it("best: the accepted row recognising most columns, the upper of equals", () => {
    expect(bestHeaderRow(g, search())?.row).toBe(2);
    expect(bestHeaderRow(g, search(), (h) => h.row !== 2)?.row).toBe(3);
    expect(bestHeaderRow(gridFromValues("Ark", [["a", "b"]]), search())).toBeUndefined();
  });

  it("looks only within the search depth", () => {
    expect(firstHeaderRow(g, search({ depth: 2 }), (h) => h.columns.sum !== undefined)).toBeUndefined();
    expect(bestHeaderRow(g, search({ depth: 2 }))?.row).toBe(1);
  });
});
