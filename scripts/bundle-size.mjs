#!/usr/bin/env node
// Prints raw and gzip sizes of the add-in's scripts in dist/ (or the folder given): first the scripts
// taskpane.html loads before the pane is usable (its <script src> tags, Office.js aside: Microsoft's,
// from its CDN), with their total, then the chunks loaded on demand (a tab opened, the first action
// in Excel, a download). Fails when the first-load total exceeds its gzip budget (issue 13.5).
// Usage: node scripts/bundle-size.mjs [distDir]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const FIRST_LOAD_BUDGET_KB = 200; // gzip, kB (1000 bytes)

const dist = resolve(process.argv[2] ?? "dist");
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8) + " kB";
const html = join(dist, "taskpane.html");
if (!existsSync(html)) {
  console.log(`Fant ikke ${html} (kjør npm run build først).`);
  process.exit(1);
}
// The built page is minified: src may be quoted or not.
const first = [
  ...readFileSync(html, "utf8").matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g),
]
  .map((m) => m[1] ?? m[2] ?? m[3])
  .filter((src) => !/office\.js$/i.test(src) && !/^https?:/i.test(src));
const size = (name) => {
  const raw = readFileSync(join(dist, name));
  return { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
};

let total = { raw: 0, gz: 0 };
console.log(`${"lastet først".padEnd(22)}${"raw".padStart(11)}${"gzip".padStart(11)}`);
for (const name of first) {
  const s = size(name);
  total = { raw: total.raw + s.raw, gz: total.gz + s.gz };
  console.log(`${name.padEnd(22)}${kb(s.raw)}${kb(s.gz)}`);
}
const over = total.gz > FIRST_LOAD_BUDGET_KB * 1000;
console.log(
  `${"sum".padEnd(22)}${kb(total.raw)}${kb(total.gz)}${over ? `  OVER BUDSJETT (${FIRST_LOAD_BUDGET_KB} kB gzip)` : `  (budsjett ${FIRST_LOAD_BUDGET_KB} kB gzip)`}`,
);

const lazy = readdirSync(dist)
  .filter((f) => f.endsWith(".js") && !first.includes(f))
  .sort();
console.log(`\n${"ved behov".padEnd(22)}${"raw".padStart(11)}${"gzip".padStart(11)}`);
for (const name of lazy) {
  const s = size(name);
  console.log(`${name.padEnd(22)}${kb(s.raw)}${kb(s.gz)}`);
}
process.exit(over ? 1 : 0);
