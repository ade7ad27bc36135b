import { afterEach, describe, expect, it } from "vitest";
import { type Grid, gridFromValues, parseArea } from "../../src/core/grid";
import { readWorkbook } from "../../src/excel/read";
import {
  type FakeExcelOptions,
  type FakeWorkbookData,
  fromGridWorkbook,
  installFakeOffice,
} from "../../src/excel/fake";
import { MARK_SHEET } from "../../src/excel/marks-store";
import { FIRST_DATA_ROW, PLAN_SHEET, planRows, planSheet, planWorkbook } from "./helpers";

const g = globalThis as unknown as Record<string, unknown>;
// The adapter asks Office.context.requirements (merged areas are ExcelApi 1.13): install the globals.
const createFakeExcel = (data: FakeWorkbookData, opts?: FakeExcelOptions) => installFakeOffice(g, data, opts);
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

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

  it.each([10, 1_000, 10_000])(
    "%i rows: names, shapes, values, then text only for the numbers — 4 syncs",
    async (n) => {
      const fake = createFakeExcel(
        planWorkbook(n, [
          {
            name: "RST",
            cells: [
              ["År", "Tildelt"],
              [2025, 6960000],
            ],
            text: [[], [null, "6 960 000"]],
          },
        ]),
      );
      const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
      expect(wb.sheets[0].rows).toHaveLength(FIRST_DATA_ROW - 1 + n);
      // The displayed text of a number comes from Excel, not from the value.
      expect(wb.sheets[1].rows[1][1]).toEqual({ value: 6960000, text: "6 960 000" });
      expect(wb.sheets[1].rows[1][0]).toEqual({ value: 2025, text: "2025" });
      expect(fake.runSyncs).toEqual([4]);
    },
  );

  it("without numbers or formulas no text is asked for: the last request holds only the merged areas", async () => {
    const fake = createFakeExcel(planWorkbook(100));
    await fake.Excel.run((ctx) => readWorkbook(ctx));
    expect(fake.runSyncs).toEqual([4]);
  });

  it("reads formulas only where a cell has one, and text where a number format can change the display", async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: "Plan",
          cells: [
            ["Nr", "Frist", "Økonomi"],
            ["1.1", 46112, 410000],
            ["1.2", "2. kvartal 2026", "=1+1"],
          ],
          text: [[], [null, "31.03.2026", "410 000"]],
          formulas: { C2: "=410*1000" },
          numberFormats: { C3: "@" },
        },
      ],
    });
    const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
    const rows = wb.sheets[0].rows;
    expect(rows[1][1]).toEqual({ value: 46112, text: "31.03.2026" });
    expect(rows[1][2]).toEqual({ value: 410000, text: "410 000", formula: "=410*1000" });
    // "=1+1" typed into a text cell is text, not a formula.
    expect(rows[2][2]).toEqual({ value: "=1+1", text: "=1+1" });
    expect(rows[2][1]).toEqual({ value: "2. kvartal 2026", text: "2. kvartal 2026" });
    // Only three cells' text and one cell's formula were asked for: the text request is small.
    const stats = fake.runStats[0];
    expect(stats.syncs).toBe(4);
  });
});

/** What the old read asked for: values, text and formulas of every used cell, in one request. */
async function oldPayload(data: FakeWorkbookData): Promise<number> {
  const fake = createFakeExcel(data);
  await fake.Excel.run(async (ctx) => {
    const used = ctx.workbook.worksheets.getItem(PLAN_SHEET).getUsedRangeOrNullObject(true);
    used.load("address,values,text,formulas");
    await ctx.sync();
  });
  return fake.runStats[0].responseChars;
}

describe("readWorkbook on Excel on the web (5 MB per request and response)", () => {
  it("10 000 rows: estimated under the limit before loading, one values request, nothing refused", async () => {
    const n = 10_000;
    const whole = await createFakeExcel(planWorkbook(n)).Excel.run((ctx) => readWorkbook(ctx));
    const web = createFakeExcel(planWorkbook(n), { webLimits: true });
    const wb = await web.Excel.run((ctx) => readWorkbook(ctx));
    expect(wb).toEqual(whole);
    // names, shapes, values, merged areas (no numbers or formulas in the seed: no text asked for).
    expect(web.runSyncs).toEqual([4]);
  });

  it("payload per 10 000 rows: values once, no duplicate text and formulas (under half of before)", async () => {
    const data = planWorkbook(10_000);
    const before = await oldPayload(data);
    const web = createFakeExcel(data, { webLimits: true });
    await web.Excel.run((ctx) => readWorkbook(ctx));
    const after = web.runStats[0].responseChars;
    expect(before).toBeGreaterThan(5_000_000); // over the web's limit: it failed first, then fell back
    expect(after).toBeLessThan(before * 0.45);
    expect(after).toBeLessThan(3_000_000);
  });

  it("50 000 rows: values in several requests each under the limit, the same grid as without limits", async () => {
    const n = 50_000;
    const whole = await createFakeExcel(planWorkbook(n)).Excel.run((ctx) => readWorkbook(ctx));
    const web = createFakeExcel(planWorkbook(n), { webLimits: true });
    const wb = await web.Excel.run((ctx) => readWorkbook(ctx));
    expect(wb.sheets[0].rows.length).toBe(whole.sheets[0].rows.length);
    expect(wb).toEqual(whole);
    // ~12.3 million characters of values: at least 3 requests, and not one per thousand rows.
    expect(web.runSyncs[0]).toBeGreaterThanOrEqual(2 + 3);
    expect(web.runSyncs[0]).toBeLessThanOrEqual(2 + 5);
  });

  it("a column of texts much longer than estimated: the refused request is retried smaller, same grid", async () => {
    const long = "x".repeat(600);
    const sheet = planSheet(12_000);
    for (let r = 3; r < sheet.cells.length; r++) sheet.cells[r][3] = `${long} ${r}`;
    const data = { sheets: [sheet] };
    const whole = await createFakeExcel(data).Excel.run((ctx) => readWorkbook(ctx));
    const web = createFakeExcel(data, { webLimits: true });
    expect(await web.Excel.run((ctx) => readWorkbook(ctx))).toEqual(whole);
  });
});

describe("merged areas", () => {
  it("more than 512 merged areas in a block (Office fails such a query): read in smaller blocks, all of them", async () => {
    // 1 200 rows with B, C and D merged in pairs of rows: 1 800 merges, 600 per 400-row block.
    const rows = 1_200;
    const cells = Array.from({ length: rows }, (_, r) => [
      "x",
      r % 2 ? null : "b",
      r % 2 ? null : "c",
      r % 2 ? null : "d",
    ]);
    const merges: string[] = [];
    for (let r = 1; r <= rows; r += 2) for (const c of ["B", "C", "D"]) merges.push(`${c}${r}:${c}${r + 1}`);
    const fake = createFakeExcel({ sheets: [{ name: "Flettet", cells, merges }] });
    const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
    expect(wb.sheets[0].merges.map((m) => m).length).toBe(1_800);
    expect(new Set(wb.sheets[0].merges.map((m) => `${m.top}:${m.left}`)).size).toBe(1_800);
    expect(wb.sheets[0].merges).toContainEqual(parseArea("D1199:D1200"));
  });

  it("without ExcelApi 1.13 merged areas are not asked for (no failure), the values still read", async () => {
    const fake = createFakeExcel(planWorkbook(40), { apiMinor: 12 });
    const wb = await fake.Excel.run((ctx) => readWorkbook(ctx));
    expect(wb.sheets[0].merges).toEqual([]);
    expect(wb.sheets[0].rows[FIRST_DATA_ROW - 1][0].value).toBe(planRows[0][0]);
  });
});
