/**
 * Reconcile benchmark (issue 14.6): `rst reconcile` on a 20 000-row plan with a register of 200
 * measures (named like the plan's tiltak, as secretariats write them) and the RST ledger, against
 * `rst validate` of the same file, both in-process through main(), median of 3 after a warm-up.
 * Aim: reconcile ≤ 2 × validate.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { main } from "../src/cli/rst";
import { generatePlanWorkbook, generatePlanRows } from "../src/cli/xlsx/gen-plan";

const PLAN_ROWS = 20_000;
const MEASURES = 200;

async function run(argv: string[]): Promise<number> {
  const t0 = performance.now();
  await main(argv, { stdout: () => {}, stderr: () => {} });
  return performance.now() - t0;
}

async function median(reps: number, argv: string[]): Promise<number> {
  await run(argv);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(await run(argv));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function writeReconcileWorkbook(path: string): Promise<void> {
  const wb = generatePlanWorkbook(PLAN_ROWS);
  const { rows } = generatePlanRows(PLAN_ROWS);
  const tiltak = [...new Set(rows.map((r) => r[2]))];
  const reg = wb.addWorksheet("Årlig melding");
  reg.addRow(["Nr", "Navn på tiltak", "Sum bevilget", "Avtale mellom", "Status for prosjektet", "År"]);
  const led = wb.addWorksheet("RST");
  led.addRow(["År", "Post", "Beløp", "Type"]);
  led.addRow([2026, "Tildelt tilskudd", 9_000_000, "Tildelt"]);
  for (let i = 0; i < MEASURES; i++) {
    // every 100th tiltak, without its number, with some words added as users do
    const name = tiltak[(i * 97) % tiltak.length].replace(/^\d+\.\d+\s+/, "") + ` – del ${i + 1}`;
    reg.addRow(["", name, 100_000 + i * 1000, "Kommunene og SiV", "Pågående", 2026]);
    led.addRow([2026, name, -(100_000 + i * 1000), "Tildeling"]);
  }
  await (wb as ExcelJS.Workbook).xlsx.writeFile(path);
}

export async function benchReconcile(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "rst-bench-reconcile-"));
  try {
    const file = join(dir, "plan-register.xlsx");
    await writeReconcileWorkbook(file);
    const validate = await median(3, ["validate", file, "--format", "json", "--quiet"]);
    const reconcile = await median(3, ["reconcile", file, "--year", "2026", "--format", "json", "--quiet"]);
    return {
      [`rst validate, ${PLAN_ROWS} rader (ms)`]: validate,
      [`rst reconcile, ${MEASURES} tiltak mot ${PLAN_ROWS} rader (ms)`]: reconcile,
      "reconcile / validate (mål ≤ 2)": reconcile / validate,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
