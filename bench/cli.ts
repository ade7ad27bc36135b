/**
 * The `rst` command as a user runs it, against the two references, each in its own Node process
 * and measured the same way (CPU time user+system of the whole process, and its peak RSS):
 * - `rst validate plan.xlsx --format json --quiet` (dist/cli/rst.js, built if stale);
 * - a bare exceljs `readFile` of the same file (exceljs's own merge parsing, which is quadratic in
 *   the merged areas: at 100 000 rows it takes minutes, so there the reference is exceljs with the
 *   adapter's linear merge parsing, bench/exceljs-linear.ts);
 * - the floor of any .xlsx reader: fflate unzips the workbook, styles, shared strings and sheet
 *   parts and saxes tokenises them (no-op handlers);
 * at 2 000, 20 000 and 100 000 plan rows; and start-up (benchStartup, its own section so it can
 * run alone): `rst --help` and `rst eval '…'` on the formulas users type, against `node -e 0`.
 * Aims: rst validate ≤ 0.6 × exceljs and ≤ 2 × the floor at 20 000 rows; peak RSS ≤ 250 MB at
 * 100 000 rows; rst --help and rst eval ≤ 2 × node -e 0. Fewer repetitions at 100 000 rows (medians).
 */
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { EVAL_FORMULAS } from "./eval-formulas";
import { planFile } from "./files";

interface Run {
  cpu: number;
  wall: number;
  rss: number;
}

// Peak RSS from /proc/self/status VmHWM (reset at exec); getrusage's maxRSS in a spawned child
// starts at the forking parent's RSS on Linux, so it is the fallback only.
const PRELOAD = `
process.on("exit", () => {
  const fs = require("fs");
  const c = process.cpuUsage();
  let rss = process.resourceUsage().maxRSS / 1024;
  try {
    const m = /VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) rss = Number(m[1]) / 1024;
  } catch {}
  fs.writeFileSync(process.env.RST_BENCH_OUT, JSON.stringify({ cpu: (c.user + c.system) / 1000, rss }));
});
`;

function floorScript(): string {
  return `
const { unzipSync } = require(${JSON.stringify(require.resolve("fflate"))});
const { SaxesParser } = require(${JSON.stringify(require.resolve("saxes"))});
const data = require("fs").readFileSync(process.argv[2]);
const parts = unzipSync(data, { filter: (f) => /^xl\\/(workbook|styles|sharedStrings|worksheets\\/sheet\\d+)\\.xml$/.test(f.name) });
let events = 0;
for (const bytes of Object.values(parts)) {
  const p = new SaxesParser({ position: false });
  p.on("opentag", () => events++);
  p.on("text", () => events++);
  p.on("closetag", () => events++);
  const dec = new TextDecoder();
  for (let i = 0; i < bytes.length; i += 65536) p.write(dec.decode(bytes.subarray(i, i + 65536), { stream: true }));
  p.close();
}
if (events === 0) process.exit(3);
`;
}

function exceljsScript(): string {
  return `
const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then((wb) => { if (wb.worksheets.length === 0) process.exit(3); });
`;
}

interface Harness {
  rst: string;
  dir: string;
  once(args: string[], okCodes?: number[]): Run;
  medianOf(reps: number, args: string[], okCodes?: number[]): Run;
}

/** Build dist/cli/rst.js if stale and give a way to run it (and references) in child processes. */
function harness(): Harness {
  const root = process.cwd();
  const rst = resolve(root, "dist/cli/rst.js");
  const build = spawnSync(process.execPath, [resolve(root, "scripts/build-cli.mjs"), "--if-stale"], {
    stdio: "inherit",
  });
  if (build.status !== 0) throw new Error("Kunne ikke bygge dist/cli/rst.js");
  const dir = mkdtempSync(join(tmpdir(), "rst-bench-cli-"));
  const preload = join(dir, "preload.cjs");
  const report = join(dir, "report.json");
  writeFileSync(preload, PRELOAD);
  const once = (args: string[], okCodes = [0]): Run => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["-r", preload, ...args], {
      env: { ...process.env, RST_BENCH_OUT: report },
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 1 << 26,
    });
    const wall = performance.now() - t0;
    if (!okCodes.includes(r.status ?? -1)) {
      throw new Error(`${args.join(" ")} avsluttet med ${r.status}: ${String(r.stderr).slice(0, 500)}`);
    }
    const { cpu, rss } = JSON.parse(readFileSync(report, "utf8")) as { cpu: number; rss: number };
    return { cpu, wall, rss };
  };
  const medianOf = (reps: number, args: string[], okCodes?: number[]): Run => {
    const runs = Array.from({ length: reps }, () => once(args, okCodes));
    const mid = (k: keyof Run) => [...runs.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(reps / 2)];
    return { cpu: mid("cpu"), wall: mid("wall"), rss: Math.max(...runs.map((r) => r.rss)) };
  };
  return { rst, dir, once, medianOf };
}

/**
 * Start-up: `node -e 0`, `rst --help` and `rst eval` on EVAL_FORMULAS, interleaved round by
 * round so a change in the machine's load hits all of them alike; medians of CPU ms.
 */
export async function benchStartup(): Promise<Record<string, number>> {
  const { rst, dir, once } = harness();
  const out: Record<string, number> = {};
  try {
    const rounds = 9;
    const cases: [string, string[]][] = [
      ["node -e 0", ["-e", "0"]],
      ["rst --help", [rst, "--help"]],
      ...EVAL_FORMULAS.map(([name, f]): [string, string[]] => [`rst eval ${name}`, [rst, "eval", f]]),
    ];
    const runs = new Map<string, Run[]>(cases.map(([name]) => [name, []]));
    for (let i = 0; i < rounds; i++) for (const [name, args] of cases) runs.get(name)!.push(once(args));
    const median = (name: string, k: keyof Run) =>
      runs
        .get(name)!
        .map((r) => r[k])
        .sort((a, b) => a - b)[Math.floor(rounds / 2)];
    const node0 = median("node -e 0", "cpu");
    out["start-up: node -e 0 (CPU ms)"] = node0;
    for (const [name] of cases.slice(1)) {
      out[`start-up: ${name} (CPU ms)`] = median(name, "cpu");
      out[`start-up: ${name} / node -e 0 (aim ≤ 2)`] = median(name, "cpu") / node0;
    }
    out["start-up: rst --help peak RSS (MB)"] = Math.max(...runs.get("rst --help")!.map((r) => r.rss));
    out[`start-up: rst eval ${EVAL_FORMULAS[0][0]} peak RSS (MB)`] = Math.max(
      ...runs.get(`rst eval ${EVAL_FORMULAS[0][0]}`)!.map((r) => r.rss),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export async function benchCli(): Promise<Record<string, number>> {
  const root = process.cwd();
  const { rst, dir, medianOf } = harness();
  const floor = join(dir, "floor.cjs");
  const exceljs = join(dir, "exceljs.cjs");
  writeFileSync(floor, floorScript());
  writeFileSync(exceljs, exceljsScript());
  const exceljsLinear = join(root, "node_modules", ".cache", "rst-bench-exceljs-linear.cjs");
  buildSync({
    entryPoints: [resolve(root, "bench/exceljs-linear.ts")],
    outfile: exceljsLinear,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    logLevel: "error",
  });

  const out: Record<string, number> = {};
  try {
    for (const [n, reps] of [
      [2_000, 5],
      [20_000, 3],
      [100_000, 1],
    ] as const) {
      const label = `${n / 1000}k`;
      const file = await planFile(n);
      const v = medianOf(reps, [rst, "validate", file, "--format", "json", "--quiet"], [0, 1]);
      const big = n >= 100_000;
      const x = medianOf(reps, [big ? exceljsLinear : exceljs, file]);
      const xName = big ? "exceljs readFile, linear merges" : "exceljs readFile";
      const f = medianOf(reps, [floor, file]);
      out[`${label}: rst validate (CPU ms)`] = v.cpu;
      out[`${label}: ${xName} (CPU ms)`] = x.cpu;
      out[`${label}: unzip + saxes floor (CPU ms)`] = f.cpu;
      out[`${label}: rst validate / ${xName}${n === 20_000 ? " (aim ≤ 0,6)" : ""}`] = v.cpu / x.cpu;
      out[`${label}: rst validate / floor${n === 20_000 ? " (aim ≤ 2)" : ""}`] = v.cpu / f.cpu;
      out[`${label}: rst validate wall (ms)`] = v.wall;
      out[`${label}: rst validate peak RSS (MB)${n === 100_000 ? " (aim ≤ 250)" : ""}`] = v.rss;
      out[`${label}: ${xName} peak RSS (MB)`] = x.rss;
      out[`${label}: floor peak RSS (MB)`] = f.rss;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
