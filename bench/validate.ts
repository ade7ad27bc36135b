/**
 * Validation benchmark: a bare exceljs read vs our pipeline (readWorkbookFile + validateWorkbook),
 * and core validateWorkbook alone, on generated 10 000- and 50 000-row plans.
 * Aims: pipeline ≤ 1.3 × bare read; core < 50 ms per 10 000 rows.
 * exceljs's own merge parsing is quadratic in the number of merged areas; the adapter reads with
 * a linear one (src/cli/xlsx/fast-merge.ts), so the ratio is also given against that.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { validateWorkbook } from "../src/core/plan";
import { readWorkbookFile } from "../src/cli/xlsx/read";
import { writePlanFile } from "../src/cli/xlsx/gen-plan";
import { withLinearMergeParsing } from "../src/cli/xlsx/fast-merge";

async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Median of `reps` runs, after one warm-up run when asked. */
async function median(reps: number, fn: () => Promise<unknown> | unknown, warmUp = true): Promise<number> {
  if (warmUp) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push((await time(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function benchValidate(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "rst-bench-"));
  const out: Record<string, number> = {};
  try {
    for (const n of [10_000, 50_000]) {
      const file = join(dir, `plan-${n}.xlsx`);
      await writePlanFile(file, n);
      // exceljs's own merge parsing is quadratic, so a bare 50k read takes long: fewer runs there
      const big = n > 10_000;
      const reps = big ? 1 : 5;
      const label = `${n / 1000}k`;
      const bare = await median(reps, () => new ExcelJS.Workbook().xlsx.readFile(file), !big);
      // the same read with our linear merge parsing: what the adapter itself adds is pipeline − this
      const bareLinear = await median(
        reps,
        () => withLinearMergeParsing(() => new ExcelJS.Workbook().xlsx.readFile(file)),
        !big,
      );
      const pipeline = await median(reps, async () => validateWorkbook(await readWorkbookFile(file)), !big);
      const grid = await readWorkbookFile(file);
      const core = await median(3, () => validateWorkbook(grid));
      const rows = validateWorkbook(grid).summary.rows;
      if (rows !== n) throw new Error(`Forventet ${n} rader kontrollert, fikk ${rows}`);
      out[`${label}: exceljs readFile (ms)`] = bare;
      out[`${label}: readWorkbookFile + validateWorkbook (ms)`] = pipeline;
      out[`${label}: exceljs readFile, linear merges (ms)`] = bareLinear;
      out[`${label}: pipeline / bare read`] = pipeline / bare;
      out[`${label}: pipeline / bare read with linear merges`] = pipeline / bareLinear;
      out[`${label}: validateWorkbook alone (ms)`] = core;
      out[`${label}: core ms per 10 000 rows`] = (core / n) * 10_000;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
