import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExampleWorkbook, economyRuns, planLayout, runs } from "../../src/cli/xlsx/example-workbook";
import { EXAMPLE } from "./helpers";

const data = (name: string) =>
  JSON.parse(readFileSync(resolve(__dirname, "../../examples/data", name), "utf8"));
const plan = data("handlingsplan-2026.json");

describe("example workbook layout", () => {
  it("merges areas, tiltak, shared Økonomi and Ansvar the way the source shows them", () => {
    const { merges } = planLayout(plan);
    const col = (c: number) =>
      merges.filter((m) => m.left === c && m.top >= 3).map((m) => [m.top + 1, m.bottom + 1]);
    // 1-based sheet rows: data starts in row 4 (1.1.1)
    expect(col(1)).toContainEqual([4, 7]); // UngArena+ over 1.1.1–1.2.3
    expect(col(2)).toContainEqual([5, 7]); // 1.2 Planlegge … over 1.2.1–1.2.3
    expect(col(5)).toContainEqual([8, 9]); // 4 200 000 kr over 2.1.1–2.1.2
    expect(col(6)).toContainEqual([6, 7]); // "Sykehus og kommune" over 1.2.2–1.2.3
    // Ansvar is not merged across tiltak (5.1.1, 5.2.1 and 5.3.x have the same text)
    expect(col(6)).toContainEqual([19, 20]); // 5.3.1–5.3.2
    expect(col(6).filter(([a]) => a === 17 || a === 18)).toEqual([]); // 5.1.1 and 5.2.1 stand alone
    expect(merges.slice(0, 2)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 6 },
      { top: 1, left: 0, bottom: 1, right: 6 },
    ]);
  });

  it("runs and economyRuns", () => {
    expect(runs(["a", "a", "b", "", ""])).toEqual([[0, 1]]);
    expect(runs(["x", "x", "x"], ["1", "1", "2"])).toEqual([[0, 1]]);
    expect(economyRuns(["kr", "", "kr", "kr"], ["t1", "t1", "t2", "t2"])).toEqual([[0, 1]]);
  });

  it("the committed file has the four sheets with the seed content", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Handlingsplan 2026",
      "RST",
      "Ambulant røntgen",
      "Årlig melding",
    ]);
    const ws = wb.getWorksheet("Handlingsplan 2026")!;
    expect(ws.getCell("A1").value).toBe("Handlingsplan for helsefellesskapet 2026");
    expect(ws.getCell("A2").value).toBe(plan.note);
    expect(ws.getRow(3).values).toEqual([undefined, ...plan.columns]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getCell("D4").alignment?.wrapText).toBe(true);

    const rst = wb.getWorksheet("RST")!;
    const rows = rst
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 5));
    expect(rows[0]).toEqual([2024, "Tildelt rekrutterings- og samhandlingstilskudd", 7000030, "Tildelt"]);
    expect(rows[1]).toEqual([
      2024,
      "Vitality: Eldrehelsekoordinatorer 12 x 50% stillinger",
      -4200000,
      "Tildeling",
    ]);
    expect(rows.at(-1)).toEqual([
      2026,
      "Tildelt rekrutterings- og samhandlingstilskudd",
      undefined,
      "Tildelt",
    ]);
    expect(rows.filter((r) => r[3] === "Tildeling").map((r) => r[2])).toEqual([
      -4200000, -4200000, -3000000, -700000, -50000,
    ]);

    const reg = wb.getWorksheet("Årlig melding")!;
    expect((reg.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Nr",
      "Navn på tiltak",
      "Beskrivelse",
      "Sum",
      "Avtale mellom",
      "Status",
      "Planlagt varighet",
      "Foreløpige resultater",
      "Mulighet for spredning",
      "År",
    ]);
    const last = reg.getRow(reg.rowCount);
    expect(last.getCell(2).value).toBe("«Overforbruk» forskuttert av 2026-tilskudd");
    expect(last.getCell(4).value).toBe(250000);
    expect(reg.getRow(2).getCell(4).value).toBe(8400000);
    expect(reg.getRow(2).getCell(10).value).toBe(2025);
  });

  it("building again gives the same cells as the committed file", async () => {
    const fresh = buildExampleWorkbook({
      plan,
      ledger: data("rst-vestfold.json"),
      cost: data("kostnadsmodeller.json"),
      register: data("arlig-melding-2025-vestfold.json"),
    });
    const committed = new ExcelJS.Workbook();
    await committed.xlsx.readFile(EXAMPLE);
    for (const ws of fresh.worksheets) {
      const other = committed.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell((cell, c) => {
          const v = other.getCell(r, c).value;
          expect(JSON.stringify(v), `${ws.name}!${cell.address}`).toBe(JSON.stringify(cell.value));
        }),
      );
    }
  });
});
