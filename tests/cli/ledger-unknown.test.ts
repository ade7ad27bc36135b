/**
 * Issue 14.2: a carry that depends on a missing grant is unknown in every output. The seed
 * (examples/data/rst-vestfold.json): 2024 granted 7 000 030, allocated 4 200 000 → 2 800 030 into
 * 2025. The 2025 grant is in C6 (header in row 3, 2024's grant and allocation in rows 4–5).
 * With the 2025 grant blank, what goes into 2026 is unknown — not 2 800 030.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LedgerJsonSchema } from "../../src/cli/json-schemas";
import { ledgerGrid } from "../melding/fixtures";
import { removeTempDirs, rst, tempDir } from "./helpers";

const dir = tempDir();
afterAll(removeTempDirs);
const file = join(dir, "rst-uten-2025.xlsx");

beforeAll(async () => {
  const g = ledgerGrid();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(g.sheet);
  let blanked = "";
  g.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.value === 6_960_000) {
        blanked = `C${r + 1}`;
        return; // the 2025 grant left blank
      }
      if (cell.value !== null) ws.getCell(r + 1, c + 1).value = cell.value;
    }),
  );
  // one row for 2026 so the carry into it is shown
  ws.addRow([2026, "Tildelt tilskudd", 7_000_000, "Tildelt"]);
  expect(blanked).not.toBe("");
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
});

describe("rst ledger with a blank grant", () => {
  it("JSON: the carry into 2026 is null, not 2024's carry", async () => {
    const r = await rst("ledger", file, "--format", "json");
    const json = LedgerJsonSchema.parse(JSON.parse(r.stdout));
    const y2025 = json.years.find((y) => y.year === 2025)!;
    const y2026 = json.years.find((y) => y.year === 2026)!;
    expect(y2025.carriedIn).toBe(2_800_030);
    expect(y2025.carriedOut).toBeNull();
    expect(y2026.carriedIn).toBeNull();
    expect(y2026.carriedOut).toBeNull();
    const warning = json.problems.find((p) => p.message.startsWith("Tildelt tilskudd for 2025 mangler"));
    expect(warning?.cell).toBe("C6");
    expect(warning?.message).toContain("Fyll inn beløpet i C6");
  });

  it("text: «ukjent» for the carry into 2026, with the warning naming the cell", async () => {
    const r = await rst("ledger", file);
    const line2026 = r.stdout.split("\n").find((l) => l.startsWith("2026"))!;
    expect(line2026).not.toContain("2 800 030");
    expect(line2026.split(/\s{2,}/)[2]).toBe("ukjent");
    expect(r.stdout).toContain("Tildelt tilskudd for 2025 mangler i C6");
  });
});
