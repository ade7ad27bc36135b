import ExcelJS from "exceljs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Problem } from "../../src/core/problems";
import { annotateCopy, MARK_FILL } from "../../src/cli/xlsx/annotate";
import { EXAMPLE, sha256, tempDir, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

const PLAN = "Handlingsplan 2026";

function problem(cell: string, severity: Problem["severity"], message: string, sheet = PLAN): Problem {
  return {
    code: "missing-value",
    severity,
    sheet,
    cell,
    row: Number(cell.replace(/\D/g, "")),
    column: "",
    value: "",
    message,
  };
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function snapshot(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(
          `${ws.name}!${cell.address}`,
          JSON.stringify({ v: cell.value, s: cell.style, n: cell.note ?? null }),
        );
      }),
    );
    out.set(`${ws.name}!merges`, JSON.stringify(ws.model.merges.slice().sort()));
  }
  return out;
}

describe("annotateCopy", () => {
  it("marks problem cells by worst severity with one note per cell, changing nothing else", async () => {
    const dir = tempDir();
    const out = join(dir, "merket.xlsx");
    const before = sha256(EXAMPLE);
    const problems = [
      problem("G4", "warning", "G4: «Ansvar» er tom for tiltak 1.1.1."),
      problem("E24", "warning", "E24: Fristen er etter planåret."),
      problem("E24", "error", "E24: En feil til."),
      problem("F3", "info", "F3: Budsjettet kunne ikke sjekkes."),
      problem("B7", "warning", "B7: i et sammenslått område.") /* B4:B7 is merged: the note goes on B4 */,
      problem("", "error", "Uten celle: ikke merket."),
      problem("C9", "error", "Et ark som ikke finnes.", "Finnes ikke"),
    ];
    const res = await annotateCopy(EXAMPLE, out, problems);
    expect(res.marked).toBe(4);
    expect(sha256(EXAMPLE)).toBe(before);

    const input = snapshot(await load(EXAMPLE));
    const copyWb = await load(out);
    const copy = snapshot(copyWb);
    const ws = copyWb.getWorksheet(PLAN)!;
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern)?.fgColor?.argb;
    expect(fill("G4")).toBe(MARK_FILL.warning);
    expect(fill("E24")).toBe(MARK_FILL.error);
    expect(fill("F3")).toBe(MARK_FILL.info);
    expect(fill("B4")).toBe(MARK_FILL.warning);
    const note = (a: string) => {
      const n = ws.getCell(a).note;
      return typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("");
    };
    expect(note("E24")).toContain("Advarsel: E24: Fristen er etter planåret.");
    expect(note("E24")).toContain("Feil: E24: En feil til.");
    expect(note("B4")).toContain("B7: i et sammenslått område.");

    const marked = new Set(["G4", "E24", "F3", "B4"].map((a) => `${PLAN}!${a}`));
    expect([...copy.keys()].sort()).toEqual([...input.keys()].sort());
    for (const [key, value] of input) {
      if (marked.has(key)) continue;
      expect(copy.get(key), key).toBe(value);
    }
    // the style shared with unmarked header cells was not mutated: E3 keeps its header fill
    expect(fill("E3")).toBe("FFD9E1F2");
  });

  it("refuses to write over the input", async () => {
    await expect(annotateCopy(EXAMPLE, EXAMPLE, [])).rejects.toThrow(/kan ikke være samme fil/);
  });
});
