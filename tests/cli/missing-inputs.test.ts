/**
 * Issue 11.4 / 14.4 (CLI): a missing side is said, never papered over with an all-clear.
 */
import ExcelJS from "exceljs";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import { gridFromValues } from "../../src/core/grid";
import { ReconcileJsonSchema, ReportJsonSchema, ValidationJsonSchema } from "../../src/cli/json-schemas";
import { ledgerGrid, planGrid, registerGrid, REGISTER_HEADER, seedWorkbook } from "../melding/fixtures";
import { removeTempDirs, rst, tempDir } from "./helpers";

const dir = tempDir();
afterAll(removeTempDirs);

async function writeXlsx(name: string, grids: Grid[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheet);
    g.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value !== null) ws.getCell(r + 1, c + 1).value = cell.value;
      }),
    );
  }
  if (grids.length === 0) wb.addWorksheet("Ark1");
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return path;
}

const files: Record<string, string> = {};
beforeAll(async () => {
  files.empty = await writeXlsx("tom.xlsx", []);
  files.noLedger = await writeXlsx("uten-rst.xlsx", [planGrid(), registerGrid()]);
  files.noPlan = await writeXlsx("uten-plan.xlsx", [ledgerGrid(), registerGrid()]);
  files.seed = await writeXlsx("alt.xlsx", seedWorkbook().sheets);
  files.registerOnly2024 = await writeXlsx("register-2024.xlsx", [
    gridFromValues("Årlig melding", [
      REGISTER_HEADER,
      ["", "Tiltak A", 100_000, "Larvik kommune", "Pågående", "", "", "", 2024],
      ["", "Tiltak B", 200_000, "Sandefjord kommune", "Pågående", "", "", "", 2025],
    ]),
  ]);
});

describe("rst reconcile with a side missing", () => {
  it("an empty workbook: exit 1, nothing compared, no «Ingen differanser»", async () => {
    const r = await rst("reconcile", files.empty, "--year", "2025");
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("Ingen differanser");
    expect(r.stdout).toContain(
      "Ikke avstemt: Årlig melding mot RST-regnskapet og handlingsplanen: ikke avstemt, fant ikke tiltaksregisteret.",
    );
  });

  it("no ledger: says the ledger comparison was not made, exit 1", async () => {
    const r = await rst("reconcile", files.noLedger, "--year", "2025");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "Ikke avstemt: Årlig melding mot RST-regnskapet: ikke avstemt, fant ikke RST-arket.",
    );
    expect(r.stdout).not.toContain("Ingen differanser: summene");
  });

  it("no plan: says the plan comparison was not made, also in JSON", async () => {
    const r = await rst("reconcile", files.noPlan, "--year", "2025", "--format", "json");
    expect(r.code).toBe(1);
    const json = ReconcileJsonSchema.parse(JSON.parse(r.stdout));
    expect(json.notCompared).toEqual([
      "Årlig melding mot handlingsplanen: ikke avstemt, fant ikke handlingsplanen.",
    ]);
  });

  it("a register with no measures for the year is not an all-clear", async () => {
    const r = await rst("reconcile", files.registerOnly2024, "--year", "2023");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("«Årlig melding» har ingen tiltak for 2023");
  });

  it("all three sides: notCompared is empty", async () => {
    const r = await rst("reconcile", files.seed, "--year", "2025", "--format", "json");
    expect(ReconcileJsonSchema.parse(JSON.parse(r.stdout)).notCompared).toEqual([]);
  });
});

describe("rst report with nothing to report", () => {
  it("a year without measures: exit 2, nothing written, the years that have measures named", async () => {
    const out = join(dir, "2052.docx");
    const r = await rst("report", files.seed, "--year", "2052", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Ingen tiltak for 2052 i registeret; registeret har tiltak for 2025.");
    expect(existsSync(out)).toBe(false);
  });

  it("names every year there is", async () => {
    const out = join(dir, "2023.csv");
    const r = await rst("report", files.registerOnly2024, "--year", "2023", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("registeret har tiltak for 2024, 2025.");
    expect(existsSync(out)).toBe(false);
  });

  it("lists the rows left out (text and JSON)", async () => {
    const out = join(dir, "2025.csv");
    const r = await rst("report", files.registerOnly2024, "--year", "2025", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Ikke med i meldingen: rad 2 – gjelder 2024, ikke 2025.");
    const j = await rst("report", files.registerOnly2024, "--year", "2025", "--out", out, "--format", "json");
    const json = ReportJsonSchema.parse(JSON.parse(j.stdout));
    expect(json.reports[0].skipped).toEqual([
      { row: 2, name: "Tiltak A", sum: 100_000, reason: "gjelder 2024, ikke 2025" },
    ]);
    expect(json.reports[0].measures).toBe(1);
  });
});

describe("rst validate without a plan sheet", () => {
  it("exit 2, names no other sheet as the plan, says which sheets it looked at", async () => {
    const r = await rst("validate", files.noPlan);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/^Ark: /m);
    expect(r.stdout).toContain("Fant ingen handlingsplan i arbeidsboken.");
    expect(r.stdout).toContain("Så etter handlingsplanen i arkene «RST», «Årlig melding».");
    expect(r.stdout).not.toContain("RST-finansiert");
    const j = await rst("validate", files.noPlan, "--format", "json");
    expect(j.code).toBe(2);
    const json = ValidationJsonSchema.parse(JSON.parse(j.stdout));
    expect(json.sheet).toBe("");
    expect(json.problems.map((p) => p.sheet)).toEqual([""]);
  });
});
