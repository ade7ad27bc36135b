#!/usr/bin/env node
// Runs a TypeScript entry file with Node: bundles it with esbuild (dependencies stay external)
// into a temporary .cjs file, then runs that with the remaining arguments.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildForNode } from "./node-bundle.mjs";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("Bruk: node scripts/run-ts.mjs <fil.ts> [argumenter…]");
  process.exit(2);
}
// The bundle lives inside the project so Node resolves the external packages from node_modules.
const cache = resolve("node_modules", ".cache");
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "rst-run-"));
const outfile = join(dir, "entry.cjs");
try {
  await buildForNode(resolve(entry), outfile, { logLevel: "error", sourcemap: "inline" });
  const res = spawnSync(process.execPath, ["--enable-source-maps", outfile, ...args], { stdio: "inherit" });
  process.exitCode = res.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
