import { describe, expect, it } from "vitest";
import { type Grid, gridFromValues, parseArea } from "../../src/core/grid";
import { readWorkbook } from "../../src/excel/read";
import { createFakeExcel, fromGridWorkbook } from "../../src/excel/fake";
import { MARK_SHEET } from "../../src/excel/marks-store";
import { FIRST_DATA_ROW, PLAN_SHEET, planRows, planSheet, planWorkbook } from "./helpers";

describe("readWorkbook", () => {
  it("reads the seed plan into exactly the grid core expects (merged master keeps the value)", async () => {
    const fake = createFakeExcel(planWorkbook());
    const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
    const sheet = planSheet();
    const expected = gridFromValues(
      PLAN_SHEET,
      sheet.cells.map((r) => Array.from({ length: 7 }, (_, c) => r[c] ?? null)),
      sheet.merges!.map((m) => parseArea(m)),
    );
    expect(wb.sheets).toHaveLength(1);
    expect(wb.sheets[0]).toEqual(expected);
    // First data row, as written in the seed.
    expect(wb.sheets[0].rows[FIRST_DATA_ROW - 1][0]).toEqual({ value: "1.1.1", text: "1.1.1" });
    expect(wb.sheets[0].rows[FIRST_DATA_ROW - 1][2].value).toBe(planRows[0][2]);
    // B5 lies in the merged "UngArena+" run, so it is empty and covered by a merge.
    expect(wb.sheets[0].rows[4][1]).toEqual({ value: null, text: "" });
    expect(wb.sheets[0].merges).toContainEqual(parseArea("B4:B7"));
  });

  it("pads a used range that starts later, keeps formulas, displayed text and booleans", async () => {
    // Used range C3:E4 (values start at C3); a fill on an empty cell far away must not count.
    const fake = createFakeExcel({
      sheets: [
        {
          name: "RST",
          cells: [[], [], [null, null, "Tildelt", 7000030, true], [null, null, "Sum", 6960000, ""]],
          text: [[], [], [null, null, null, "7 000 030", "TRUE"], [null, null, null, "6 960 000"]],
          formulas: { D4: "=D3-40030" },
          fills: { Z100: "#FF0000" },
        },
      ],
    });
    const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
    const e = { value: null, text: "" };
    const expected: Grid = {
      sheet: "RST",
      rows: [
        [e, e, e, e, e],
        [e, e, e, e, e],
        [
          e,
          e,
          { value: "Tildelt", text: "Tildelt" },
          { value: 7000030, text: "7 000 030" },
          { value: true, text: "TRUE" },
        ],
        [e, e, { value: "Sum", text: "Sum" }, { value: 6960000, text: "6 960 000", formula: "=D3-40030" }, e],
      ],
      merges: [],
    };
    expect(wb.sheets[0]).toEqual(expected);
  });

  it("round-trips a GridWorkbook through the fake host, skips our bookkeeping sheet and honours opts.sheets", async () => {
    const grid: Grid = {
      ...gridFromValues(
        "Plan",
        [
          ["Tittel", null, null],
          ["Nr", "Frist", "Økonomi"],
          ["1.1", "2026", 410000],
        ],
        [parseArea("A1:C1")],
      ),
    };
    grid.rows[2][2] = { value: 410000, text: "410 000", formula: "=410*1000" };
    const other = gridFromValues("Annet", [["x"]]);
    const data = fromGridWorkbook({ sheets: [grid, other] });
    data.sheets.push({ name: MARK_SHEET, cells: [["#{}"]], visibility: "VeryHidden" });
    const fake = createFakeExcel(data);
    const all = await fake.Excel.run((ctx) => readWorkbook(ctx));
    expect(all.sheets.map((s) => s.sheet)).toEqual(["Plan", "Annet"]);
    expect(all.sheets[0]).toEqual(grid);
    const only = await fake.Excel.run((ctx) => readWorkbook(ctx, { sheets: ["annet"] }));
    expect(only.sheets).toEqual([other]);
  });

  it("gives an empty grid for an empty sheet", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Tom", cells: [] }] });
    const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
    expect(wb.sheets).toEqual([{ sheet: "Tom", rows: [], merges: [] }]);
  });

  it.each([10, 1_000, 10_000])("uses 2 syncs for %i rows", async (n) => {
    const fake = createFakeExcel(
      planWorkbook(n, [
        {
          name: "RST",
          cells: [
            ["År", "Tildelt"],
            [2025, 6960000],
          ],
        },
      ]),
    );
    const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
    expect(wb.sheets[0].rows).toHaveLength(FIRST_DATA_ROW - 1 + n);
    expect(fake.runSyncs).toEqual([2]);
  });
});

describe("readWorkbook on Excel on the web (5 MB response limit)", () => {
  it("falls back to row blocks when the one-sync read is too large, with the same grid", async () => {
    const n = 10_000; // about 6.8 million characters of values, text and formulas
    const whole = await createFakeExcel(planWorkbook(n)).Excel.run((ctx) => readWorkbook(ctx));
    const web = createFakeExcel(planWorkbook(n), { payloadLimit: 5_000_000 });
    const wb = await web.Excel.run((ctx) => readWorkbook(ctx));
    expect(wb).toEqual(whole);
    // 2 (the attempt) + 1 (addresses) + 4 blocks of 2 857 rows.
    expect(web.runSyncs).toEqual([2 + 1 + Math.ceil((n + FIRST_DATA_ROW - 1) / Math.floor(20_000 / 7))]);
  });

  it("stays at 2 syncs for 1 000 rows under the limit", async () => {
    const web = createFakeExcel(planWorkbook(1_000), { payloadLimit: 5_000_000 });
    await web.Excel.run((ctx) => readWorkbook(ctx));
    expect(web.runSyncs).toEqual([2]);
  });
});
