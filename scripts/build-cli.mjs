#!/usr/bin/env node
// Bundles the `rst` CLI (src/cli/bin.ts → rst.ts) into dist/cli/rst.js: one CommonJS file for Node 20,
// npm packages left external, with a shebang and the executable bit.
// --if-stale: build only when a source file is newer than the bundle (used by `npm run demo`).
import { chmodSync, existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildForNode } from "./node-bundle.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "dist", "cli", "rst.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(outfile)) return true;
  const built = statSync(outfile).mtimeMs;
  const sources = Math.max(newestMtime(join(root, "src")), statSync(join(root, "package.json")).mtimeMs);
  return sources > built;
}

if (process.argv.includes("--if-stale") && !isStale()) process.exit(0);

await buildForNode(join(root, "src", "cli", "bin.ts"), outfile, {
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
console.error(`Bygget ${outfile.slice(root.length + 1)}`);
