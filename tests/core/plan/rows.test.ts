/**
 * Reading the plan's body (src/core/plan/rows.ts): which rows are measures, headings, repeated
 * headers, blanks; and the cells a rule gets for a row. Expected values are read off the
 * small grids by hand.
 */
import { describe, expect, it } from "vitest";
import { MergeIndex, type Grid } from "../../../src/core/grid";
import { findHeaderRow } from "../../../src/core/plan/headers";
import { readPlanBody } from "../../../src/core/plan/rows";
import { validatePlanGrid } from "../../../src/core/plan";
import { HEADER, measure, smallPlan } from "./helpers";

function body(g: Grid) {
  const merges = new MergeIndex(g);
  const header = findHeaderRow(g, merges);
  if (!header) throw new Error("no header");
  return readPlanBody(g, header, merges);
}

const kinds = (g: Grid) => body(g).rows.map((r) => [r.row + 1, r.kind]);

describe("plan body: kinds of rows", () => {
  it("one text in a value column alone is a measure with missing values, not a banner", () => {
    const g = smallPlan([
      measure("1.1.1"),
      ["", "", "", "Gjennomført evaluering", "", "", ""],
      measure("1.1.2"),
    ]);
    expect(kinds(g)).toEqual([
      [2, "measure"],
      [3, "measure"],
      [4, "measure"],
    ]);
    const codes = validatePlanGrid(g, { year: 2026 }).problems.map((p) => [p.cell, p.code]);
    expect(codes).toContainEqual(["A3", "invalid-id"]);
    expect(codes).toContainEqual(["C3", "missing-value"]);
  });

  it("a banner: two columns' text from one merged cell", () => {
    const g = smallPlan(
      [["1 UngArena+", "", "", "", "", "", ""], measure("1.1.1")],
      [{ top: 1, left: 0, bottom: 1, right: 3 }],
    );
    expect(kinds(g)).toEqual([
      [2, "heading"],
      [3, "measure"],
    ]);
  });

  it("text from two different merged cells is no banner", () => {
    // Nr merged over B too, Mål merged over E: two masters, a measure with Frist missing
    const g = smallPlan(
      [["1.1.1", "", "Tiltak", "Mål", "", "", "Prosjektleder"], measure("1.1.2")],
      [
        { top: 1, left: 0, bottom: 1, right: 1 },
        { top: 1, left: 3, bottom: 1, right: 4 },
      ],
    );
    expect(kinds(g)).toEqual([
      [2, "measure"],
      [3, "measure"],
    ]);
  });

  it("a value column covered by a merge from the left has the merged text: the row is a measure", () => {
    // Tiltak merged over Mål … Ansvar: those read «Tiltak X», so the row holds values
    const g = smallPlan(
      [["1.1", "", "Tiltak X", "", "", "", ""], measure("1.1.1"), measure("1.1.2")],
      [{ top: 1, left: 2, bottom: 1, right: 6 }],
    );
    expect(kinds(g)[0]).toEqual([2, "measure"]);
    // the same row without the merge is a heading (1.1 is shallower than the measures)
    expect(
      kinds(smallPlan([["1.1", "", "Tiltak X", "", "", "", ""], measure("1.1.1"), measure("1.1.2")]))[0],
    ).toEqual([2, "heading"]);
  });

  it("a value merged down from the row above counts for the row below", () => {
    // Mål of 1.1.1 merged over the next row: that row (Nr 1.2, shallower) has a value, so it is a measure
    const rows = [measure("1.1.1"), ["1.2", "", "Tiltak 1.2", "", "", "", ""], measure("1.2.1")];
    expect(kinds(smallPlan(rows, [{ top: 1, left: 3, bottom: 2, right: 3 }]))[1]).toEqual([3, "measure"]);
    expect(kinds(smallPlan(rows))[1]).toEqual([3, "heading"]);
  });

  it("a formula without a result counts as written in: the row stays a measure", () => {
    const g = smallPlan([["1.1", "", "Tiltak 1.1", "", "", "", ""], measure("1.1.1"), measure("1.1.2")]);
    expect(kinds(g)[0]).toEqual([2, "heading"]);
    g.rows[1][3] = { value: null, text: "", formula: "=A1", uncalculated: true };
    expect(kinds(g)[0]).toEqual([2, "measure"]);
    const res = validatePlanGrid(g, { year: 2026 });
    expect(res.summary.rows).toBe(3);
    expect(res.problems.map((p) => [p.cell, p.code])).toEqual([
      ["D2", "uncalculated"],
      ["E2", "missing-value"],
      ["G2", "missing-value"],
    ]);
  });

  it("only one column holding its header text is not a repeated header", () => {
    const g = smallPlan([measure("1.1.1"), ["Nr", "", "", "", "", "", ""], measure("1.1.2")]);
    const b = body(g);
    expect(b.repeatedHeaders).toEqual([]);
    expect(b.rows.map((r) => r.row + 1)).toEqual([2, 3, 4]);
  });

  it("a repeated header: every filled column holds its header text (spacing and case aside)", () => {
    const g = smallPlan([
      measure("1.1.1"),
      ["NR", "", " tiltak ", "", "Frist", "", ""],
      [...HEADER.slice(0, 6), "Ansvar for"],
      measure("1.1.2"),
    ]);
    const b = body(g);
    expect(b.repeatedHeaders).toEqual([2]);
    expect(b.rows.map((r) => r.row + 1)).toEqual([2, 4, 5]);
  });

  it("a merged Nr from above is not the row's own id", () => {
    const g = smallPlan([measure("1.1.1"), measure("")], [{ top: 1, left: 0, bottom: 2, right: 0 }]);
    const b = body(g);
    expect(b.rows[0].id).toEqual({ ok: true, id: "1.1.1", parts: [1, 1, 1] });
    expect(b.rows[1].id).toBeUndefined();
  });
});

describe("plan body: a row's cells", () => {
  it("give the effective text, the master cell and both positions", () => {
    const g = smallPlan(
      [measure("1.1.1", { tiltak: "  Tiltak A  " }), measure("1.1.2", { tiltak: "" })],
      [{ top: 1, left: 2, bottom: 2, right: 2 }],
    );
    const second = body(g).rows[1];
    expect({ ...second.cells.tiltak }).toEqual({
      text: "Tiltak A",
      cell: g.rows[1][2],
      row: 2,
      col: 2,
      masterRow: 1,
      masterCol: 2,
    });
    expect(second.cells.nr?.text).toBe("1.1.2");
    expect(second.cells.okonomi).toMatchObject({ text: "", row: 2, col: 5, masterRow: 2, masterCol: 5 });
  });

  it("a cell's text as cellText gives it: trimmed, else its value as text", () => {
    const g = smallPlan([measure("1.1.1"), measure("1.1.2")]);
    g.rows[1][5] = { value: 410000, text: "" }; // a value without displayed text
    g.rows[1][6] = { value: "  Prosjektleder \u00a0", text: "  Prosjektleder \u00a0" };
    g.rows[2][3] = { value: null, text: "" };
    g.rows[2][4] = { value: " 2.kvartal 2026 ", text: "" }; // a value shown as nothing: its text, trimmed
    const [first, second] = body(g).rows;
    expect(first.cells.okonomi?.text).toBe("410000");
    expect(first.cells.ansvar?.text).toBe("Prosjektleder");
    expect(second.cells.maal?.text).toBe("");
    expect(second.cells.maal?.cell).toBe(g.rows[2][3]);
    expect(second.cells.frist?.text).toBe("2.kvartal 2026");
  });

  it("a column the plan does not have gives no cell", () => {
    const g = smallPlan([measure("1.1.1")]).rows.map((r) => r.slice(0, 5)); // no Økonomi, Ansvar
    const grid: Grid = { sheet: "Plan", rows: g, merges: [] };
    const row = body(grid).rows[0];
    expect(row.cells.okonomi).toBeUndefined();
    expect(row.cells.ansvar).toBeUndefined();
    expect(row.cells.frist?.text).toBe("2.kvartal 2026");
  });
});

describe("plan body: oddCells (whether the cell checks have anything to look at)", () => {
  it("false for a plan of plain texts", () => {
    expect(body(smallPlan([measure("1.1.1"), measure("1.1.2")])).oddCells).toBe(false);
  });
  it("true for an error value, shown or stored, and for a formula without a result", () => {
    const shown = smallPlan([measure("1.1.1", { okonomi: "#REF!" })]);
    expect(body(shown).oddCells).toBe(true);
    const stored = smallPlan([measure("1.1.1")]);
    stored.rows[1][4] = { value: " #n/a", text: "" };
    expect(body(stored).oddCells).toBe(true);
    const uncalculated = smallPlan([measure("1.1.1")]);
    uncalculated.rows[1][6] = { value: null, text: "", formula: "=B9", uncalculated: true };
    expect(body(uncalculated).oddCells).toBe(true);
  });
});
