import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { clearMarks, markProblems } from "../../src/excel/marks";
import {
  MARK_SHEET,
  type MarkRecord,
  parseMarkBook,
  parseMarks,
  serializeMarks,
} from "../../src/excel/marks-store";
import { type FakeWorkbookData, installFakeOffice } from "../../src/excel/fake";
import { PLAN_SHEET, planSheet, problem } from "./helpers";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

const RECORDS: MarkRecord[] = [
  {
    sheet: "Handlingsplan 2026",
    cell: "E4",
    severity: "error",
    fill: { color: "#FFFF00", pattern: "Gray25", patternColor: "#000000" },
    note: "Spør Anne",
    noted: true,
  },
  { sheet: "RST", cell: "AB120", severity: "info", fill: null, note: null, noted: false },
  {
    sheet: "Handlingsplan 2026",
    cell: "F5",
    severity: "warning",
    fill: { color: "#00B050" },
    note: null,
    noted: true,
  },
];

/** The stored form of RECORDS, as written before the schema existed: workbooks out there hold this. */
const STORED =
  '#{"v":1,"r":[["Handlingsplan 2026","E4","e",{"color":"#FFFF00","pattern":"Gray25","patternColor":"#000000"},' +
  '"Spør Anne",1],["RST","AB120","i",null,null,0],["Handlingsplan 2026","F5","w",{"color":"#00B050"},null,1]]}';

/** The A column as Office returns it for the given JSON (one chunk). */
const column = (json: string) => [["#" + json]];
/** RECORDS' JSON with its first record replaced. */
const withFirst = (record: unknown) =>
  column(JSON.stringify({ v: 1, r: [record, ...JSON.parse(STORED.slice(1)).r.slice(1)] }));
const first = JSON.parse(STORED.slice(1)).r[0] as unknown[];
const replaced = (index: number, value: unknown) => first.map((v, i) => (i === index ? value : v));

describe("serializeMarks / parseMarks", () => {
  it("still reads version 1 byte for byte", () => {
    expect(parseMarks([[STORED]])).toEqual(RECORDS);
  });

  it("writes version 2: each sheet name once, records point into the list; pending flag round-trips", () => {
    const v2 =
      '#{"v":2,"s":["Handlingsplan 2026","RST"],"r":[[0,"E4","e",{"color":"#FFFF00","pattern":"Gray25","patternColor":"#000000"},' +
      '"Spør Anne",1],[1,"AB120","i",null,null,0],[0,"F5","w",{"color":"#00B050"},null,1]]}';
    expect(serializeMarks(RECORDS)).toEqual([v2]);
    expect(parseMarks([[v2]])).toEqual(RECORDS);
    expect(v2.length).toBeLessThan(STORED.length);
    const pending = serializeMarks(RECORDS, { pending: true });
    expect(pending[0].startsWith('#{"v":2,"p":1,')).toBe(true);
    expect(parseMarkBook([[pending[0]]])).toEqual({ records: RECORDS, pending: true });
    expect(parseMarkBook([[v2]])).toEqual({ records: RECORDS, pending: false });
    // An index outside the sheet list is not our bookkeeping.
    expect(parseMarks([[v2.replace('[1,"AB120"', '[2,"AB120"')]])).toBeNull();
  });

  it("joins chunks and skips empty cells; an empty sheet is no marks", () => {
    const json = STORED.slice(1);
    const parts = [json.slice(0, 40), json.slice(40, 41), json.slice(41)];
    expect(parseMarks([["#" + parts[0]], [""], [null], ["#" + parts[1]], ["#" + parts[2]]])).toEqual(RECORDS);
    expect(parseMarks([])).toEqual([]);
    expect(parseMarks([[""], [null]])).toEqual([]);
  });

  it("property: any records the marking can produce come back equal", () => {
    const letters = fc.integer({ min: 0, max: 16_383 }).map((c) => {
      let s = "";
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    });
    const color = fc.constantFrom("#FFC7CE", "#00b050", "#FFFFFF", "Red");
    const record: fc.Arbitrary<MarkRecord> = fc.record({
      sheet: fc.string({ minLength: 1, maxLength: 31 }),
      cell: fc.tuple(letters, fc.integer({ min: 1, max: 1_048_576 })).map(([l, r]) => `${l}${r}`),
      severity: fc.constantFrom("error", "warning", "info"),
      fill: fc.option(
        fc.record(
          { color, pattern: fc.constantFrom("Gray25", "LightUp", "Checker"), patternColor: color },
          { requiredKeys: ["color"] },
        ),
        { nil: null },
      ),
      note: fc.option(fc.string({ maxLength: 80 }), { nil: null }),
      noted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const values = serializeMarks(records).map((c) => [c]);
        expect(parseMarks(values)).toEqual(records);
      }),
    );
  });

  it.each([
    ["a chunk without the # prefix", [[STORED.slice(1)]]],
    ["a number in the column", [[STORED], [42]]],
    ["broken JSON", [[STORED.slice(0, -2)]]],
    ["another version", column('{"v":2,"r":[]}')],
    ["records that are not a list", column('{"v":1,"r":{}}')],
    ["no records at all", column('{"v":1}')],
    ["a JSON array", column("[1]")],
    ["an empty sheet name", withFirst(replaced(0, ""))],
    ["a sheet name longer than Excel allows", withFirst(replaced(0, "x".repeat(32)))],
    ["an unknown severity code", withFirst(replaced(2, "x"))],
    ["the severity written out", withFirst(replaced(2, "error"))],
    ["row 0", withFirst(replaced(1, "E0"))],
    ["a row below the sheet", withFirst(replaced(1, "E1048577"))],
    ["a column right of XFD", withFirst(replaced(1, "XFE1"))],
    ["a range", withFirst(replaced(1, "E4:E5"))],
    ["an absolute address", withFirst(replaced(1, "$E$4"))],
    ["a qualified address", withFirst(replaced(1, "Ark1!E4"))],
    ["lower case", withFirst(replaced(1, "e4"))],
    ["a number as the cell", withFirst(replaced(1, 4))],
    ["a fill without colour", withFirst(replaced(3, { pattern: "Gray25" }))],
    ["a colour that is not a colour", withFirst(replaced(3, { color: "#FFF; x" }))],
    ["a pattern with spaces", withFirst(replaced(3, { color: "#FFFFFF", pattern: "Gray 25" }))],
    ["a fill that is a string", withFirst(replaced(3, "#FFFFFF"))],
    ["a note that is a number", withFirst(replaced(4, 12))],
    ["noted as true", withFirst(replaced(5, true))],
    ["noted as 2", withFirst(replaced(5, 2))],
    ["a record one field short", withFirst(first.slice(0, 5))],
    ["a record one field long", withFirst([...first, 0])],
    ["a record that is an object", withFirst({ sheet: "Plan", cell: "E4" })],
  ])("%s → not our bookkeeping (null)", (_label, values) => {
    expect(parseMarks(values as unknown[][])).toBeNull();
  });
});

describe("a changed bookkeeping sheet", () => {
  it("is not ours: clearing restores nothing and does not fail on the bad address", async () => {
    const data: FakeWorkbookData = { sheets: [planSheet()] };
    const first = installFakeOffice(g, data, { apiMinor: 18 });
    await first.Excel.run((ctx) => markProblems(ctx, [problem("E4", "error", "Frist mangler.")]));
    const saved = JSON.parse(JSON.stringify(first.toData())) as FakeWorkbookData;
    const book = saved.sheets.find((s) => s.name === MARK_SHEET)!;
    const stored = String(book.cells[0][0]);
    expect(stored).toContain('"E4"');
    // Another tool rewrote the address into something Excel would reject in the restore batch.
    book.cells[0][0] = stored.replace('"E4"', '"E4 E5"');
    const reopened = installFakeOffice(g, saved, { apiMinor: 18 });
    expect(await reopened.Excel.run((ctx) => clearMarks(ctx))).toEqual({ restored: 0 });
    expect(reopened.sheetNames()).toEqual([PLAN_SHEET]);
  });
});
