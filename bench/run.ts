/**
 * `npm run bench`: every benchmark in one run, so ratios compare like with like.
 * Each module exports an async function returning named figures.
 */
import { benchCarryover } from "./carryover";
import { benchCli, benchStartup } from "./cli";
import { benchParsers } from "./parsers";
import { benchReconcile } from "./reconcile";
import { benchValidate } from "./validate";

type Bench = [string, () => Promise<Record<string, number>>];

const BENCHES: Bench[] = [
  ["Parsere (beløp og frister)", benchParsers],
  ["RST.CARRYOVER", benchCarryover],
  ["Validering av handlingsplan (kjernen alene)", benchValidate],
  ["Oppstart (rst --help og rst eval mot node -e 0)", benchStartup],
  ["rst validate mot exceljs og unzip+saxes-gulvet, minne", benchCli],
  ["Avstemming (rst reconcile mot rst validate)", benchReconcile],
];

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : 3;
  return n.toLocaleString("nb-NO", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  for (const [name, run] of BENCHES) {
    if (only.length && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) continue;
    console.log(`\n== ${name}`);
    const figures = await run();
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${fmt(v)}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
