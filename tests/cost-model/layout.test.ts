import { describe, expect, it } from "vitest";
import { AMBULANT_RONTGEN, costModelTemplate, templateCell } from "../../src/core/cost-model";
import { formula, placeLayout, type BlockSpec, type Content } from "../../src/core/cost-model/layout";
import { evaluateTemplate, valueAt } from "./helpers";

const sheet = (blocks: BlockSpec[]) => placeLayout({ firstColumn: "A", lastColumn: "C", blocks });

describe("placeLayout", () => {
  it("numbers rows block after block with one blank row between, and resolves names", () => {
    const { cells, merges, resolve } = sheet([
      { name: "a", rows: [{ merge: true, cells: [{ col: "A", role: "title", content: "Tittel" }] }] },
      {
        name: "b",
        rows: [
          { name: "x", cells: [{ col: "B", role: "input", content: 2 }] },
          { name: "x", cells: [{ col: "B", role: "input", content: 3 }] },
          {
            name: "sum",
            cells: [{ col: "B", role: "output", content: formula("=SUM({x*})*{$x#1}+{x#0@A}") }],
          },
        ],
      },
    ]);
    expect(cells.map((c) => [c.address, c.value ?? c.formula])).toEqual([
      ["A1", "Tittel"],
      ["B3", 2],
      ["B4", 3],
      ["B5", "=SUM(B3:B4)*$B$4+A3"],
    ]);
    expect(merges).toEqual(["A1:C1"]);
    expect(resolve.rows("x")).toEqual([3, 4]);
    expect(resolve.range("x", "D", { absolute: true })).toBe("$D$3:$D$4");
  });

  it("refuses what would silently write a wrong sheet", () => {
    const one = (content: Content) =>
      sheet([{ name: "b", rows: [{ name: "x", cells: [{ col: "B", role: "output", content }] }] }]);
    expect(() => one(formula("={nowhere}"))).toThrow(/no row named «nowhere»/);
    expect(() => one(formula("={x#3}"))).toThrow(/no row #3/);
    expect(() => one(formula("={x lower}"))).toThrow(/did not parse/);
    expect(() => one("=A1")).toThrow(/would read as a formula/);
    expect(one(formula('=INDEX({1;1},1)&{""}')).cells[0].formula).toBe('=INDEX({1;1},1)&{""}');
    const twice = { name: "x", cells: [{ col: "B", role: "input" as const, content: 1 }] };
    expect(() =>
      sheet([
        {
          name: "b",
          rows: [twice, twice, { cells: [{ col: "B", role: "output", content: formula("={x}") }] }],
        },
      ]),
    ).toThrow(/names 2 rows, not one/);
    expect(() =>
      sheet([
        {
          name: "b",
          rows: [
            {
              cells: [
                { col: "B", role: "label" },
                { col: "B", role: "label" },
              ],
            },
          ],
        },
      ]),
    ).toThrow(/B1 twice/);
  });
});

describe("adding a row to the cost model moves every reference with it", () => {
  // A third investment: a tablet for 30 000 kr over 3 years = 10 000 kr a year (by hand).
  const inputs = {
    ...AMBULANT_RONTGEN,
    investments: [
      ...AMBULANT_RONTGEN.investments,
      { item: "Nettbrett", price: 30_000, years: 3, note: "avskrives over 3 år" },
    ],
  };
  const t = costModelTemplate({ inputs });
  const res = evaluateTemplate(t);

  it("prices and lifetimes grow to three rows; everything below moves down two rows", () => {
    expect(t.refs.inputs["2024"].prices).toBe("B6:B8");
    expect(t.refs.inputs["2024"].years).toBe("B9:B11");
    expect(t.refs.inputs["2024"].running).toBe("B12:B15");
    expect(templateCell(t, t.refs.results["2024"].annual)?.formula).toBe(
      "=COST.ANNUAL(B5,B6:B8,B9:B11,B12:B15)",
    );
  });

  it("the sheet still computes: 1 194 000 + 10 000 a year, and the follow-up is untouched", () => {
    expect(valueAt(res, t.refs.results["2024"].annual)).toBe(1_204_000);
    expect(valueAt(res, t.refs.selected.annual)).toBe(1_204_000);
    expect(valueAt(res, `F${t.refs.sharing.sumRow}`)).toBe(1_204_000);
    expect(valueAt(res, t.refs.followUp.deviation)).toBe(108_985);
    expect(valueAt(res, t.refs.followUp.forecast)).toBe(808_995);
  });
});
