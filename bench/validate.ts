/**
 * Validation core alone: validateWorkbook on a grid already read (lean reader), on generated
 * 20 000- and 100 000-row plans. Aim: at most 50 ms per 10 000 rows at both sizes, i.e. no
 * super-linear step (the growth figure compares the per-row cost at 100 000 with 20 000).
 * Median of several runs after a warm-up run (the first run, JIT compiling, is given too).
 */
import { readAll, readWorkbookLean } from "../src/cli/xlsx/lean";
import type { GridWorkbook } from "../src/core/grid";
import { validateWorkbook } from "../src/core/plan";
import { planFile } from "./files";

function cpuMs(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchValidate(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const perRow: number[] = [];
  for (const [n, reps] of [
    [20_000, 7],
    [100_000, 5],
  ] as const) {
    const label = `${n / 1000}k`;
    const file = await planFile(n);
    let wb = { sheets: [] } as GridWorkbook;
    out[`${label}: lean read in-process (CPU ms)`] = cpuMs(() => (wb = readAll(readWorkbookLean(file))));
    let rows = 0;
    const first = cpuMs(() => (rows = validateWorkbook(wb, { year: 2026 }).summary.rows));
    if (rows !== n) throw new Error(`Forventet ${n} rader kontrollert, fikk ${rows}`);
    const times: number[] = [];
    for (let i = 0; i < reps; i++) times.push(cpuMs(() => validateWorkbook(wb, { year: 2026 })));
    const core = median(times);
    out[`${label}: validateWorkbook first run (CPU ms)`] = first;
    out[`${label}: validateWorkbook median of ${reps} (CPU ms)`] = core;
    out[`${label}: core ms per 10 000 rows (aim ≤ 50)`] = (core / n) * 10_000;
    perRow.push(core / n);
  }
  out["per-row cost 100k / 20k (1 = linear)"] = perRow[1] / perRow[0];
  return out;
}
