// One esbuild recipe for TypeScript run under Node: a single CommonJS file for Node 20 with the
// npm packages left external (resolved from node_modules at run time). Shared by the `rst` build
// and run-ts, so scripts and benchmarks run code bundled the way the CLI ships.
import { build } from "esbuild";

/** Bundle `entry` into `outfile`; `options` adds or overrides esbuild options (banner, sourcemap, logLevel). */
export function buildForNode(entry, outfile, options = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    ...options,
  });
}
