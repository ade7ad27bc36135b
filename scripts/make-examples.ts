/**
 * `npm run examples`: builds examples/handlingsplan-vestfold-2026.xlsx from examples/data/*.json
 * (the project's own copies of the seed data).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeFileAtomic } from "../src/cli/io/atomic";
import { buildExampleWorkbook, type ExampleData } from "../src/cli/xlsx/example-workbook";

const root = resolve(process.cwd());
const data = (name: string) => JSON.parse(readFileSync(join(root, "examples", "data", name), "utf8"));

export function loadExampleData(): ExampleData {
  return {
    plan: data("handlingsplan-2026.json"),
    ledger: data("rst-vestfold.json"),
    cost: data("kostnadsmodeller.json"),
    register: data("arlig-melding-2025-vestfold.json"),
  };
}

async function main(): Promise<void> {
  const wb = buildExampleWorkbook(loadExampleData());
  const out = join(root, "examples", "handlingsplan-vestfold-2026.xlsx");
  const buf = await wb.xlsx.writeBuffer();
  writeFileAtomic(out, new Uint8Array(buf as ArrayBuffer));
  console.log(`Skrev ${out.slice(root.length + 1)}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
