#!/usr/bin/env node
// Prints raw and gzip sizes of the add-in bundles in dist/ (or the folder given) and fails when the
// task pane exceeds its gzip budget. Usage: node scripts/bundle-size.mjs [distDir]
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const BUNDLES = ["taskpane.js", "functions.js", "commands.js"];
const BUDGET_KB = { "taskpane.js": 350 }; // gzip, kB (1000 bytes)

const dist = resolve(process.argv[2] ?? "dist");
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8) + " kB";
let over = false;
console.log(`${"bundle".padEnd(14)}${"raw".padStart(11)}${"gzip".padStart(11)}`);
for (const name of BUNDLES) {
  const file = join(dist, name);
  if (!existsSync(file)) {
    console.log(`${name.padEnd(14)}  mangler (kjør npm run build først)`);
    over = true;
    continue;
  }
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length;
  const budget = BUDGET_KB[name];
  const flag = budget && gz > budget * 1000 ? `  OVER BUDSJETT (${budget} kB gzip)` : "";
  if (flag) over = true;
  console.log(`${name.padEnd(14)}${kb(raw.length)}${kb(gz)}${flag}`);
}
process.exit(over ? 1 : 0);
