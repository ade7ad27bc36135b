import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cellAt } from "../../src/core/grid";
import { validateWorkbook } from "../../src/core/plan";
import { generatePlanRows, writePlanFile } from "../../src/cli/xlsx/gen-plan";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { rst, tempDir, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

describe("big plan generator", () => {
  it("numbers measures a.b.c in order and merges areas and tiltak", () => {
    const { rows, merges } = generatePlanRows(500);
    expect(rows).toHaveLength(500);
    expect(rows[0][0]).toBe("1.1.1");
    expect(new Set(rows.map((r) => r[0])).size).toBe(500);
    for (const m of merges)
      for (let r = m.from; r <= m.to; r++) expect(rows[r][m.col]).toBe(rows[m.from][m.col]);
    expect(generatePlanRows(500)).toEqual(generatePlanRows(500)); // deterministic
  });

  it("a 6 000-row file reads back with its merges, validates every row, and shows progress", async () => {
    const file = join(tempDir(), "stor.xlsx");
    await writePlanFile(file, 6000);
    const wb = await readWorkbookFile(file);
    const grid = wb.sheets[0];
    expect(grid.rows).toHaveLength(6003);
    expect(cellAt(grid, 3, 0).value).toBe("1.1.1");
    const { merges } = generatePlanRows(6000);
    expect(grid.merges).toHaveLength(merges.length + 2);
    const result = validateWorkbook(wb);
    expect(result.summary.rows).toBe(6000);
    expect(result.problems.filter((p) => p.code === "duplicate-id" || p.code === "invalid-id")).toEqual([]);

    const res = await rst("validate", file, "--format", "json");
    expect(res.stderr).toMatch(/Leser «Handlingsplan 2026»: 5 000 av 6 003 rader/);
    expect(res.stderr).toMatch(/Kontrollerer 6 003 rader/);
    const quiet = await rst("validate", file, "--format", "json", "--quiet");
    expect(quiet.stderr).toBe("");
    expect(JSON.parse(quiet.stdout).summary.rows).toBe(6000);
  }, 120_000);
});
