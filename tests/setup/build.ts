/**
 * Builds the add-in for tests: `ensureBuilt()` runs a production webpack build into dist/ only when
 * dist is missing, was built with other options, or is older than its inputs. Safe when several test
 * files (or vitest workers) call it at once: a lock directory serialises the builds, and whoever waits
 * re-checks freshness before building again. Usable as a vitest globalSetup file too (default export).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
const LOCK_DIR = join(ROOT, "node_modules", ".cache", "rst-addin-build.lock");
const LOCK_STALE_MS = 15 * 60 * 1000;
// Folders under src/ that are not part of the add-in bundles.
const NOT_BUNDLED = new Set(["cli", "preview"]);

/** What webpack.config.js writes to build-info.json. */
export interface BuildInfo {
  mode: string;
  addinUrl: string | null;
  officeJs: string;
  builtAt: number;
}

function newestMtime(path: string, skip: (name: string, depth: number) => boolean, depth = 0): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (skip(name, depth)) continue;
    newest = Math.max(newest, newestMtime(join(path, name), skip, depth + 1));
  }
  return newest;
}

/** Newest modification time among the add-in build inputs. */
export function newestInput(root = ROOT): number {
  const src = newestMtime(join(root, "src"), (name, depth) => depth === 0 && NOT_BUNDLED.has(name));
  const others = [
    "assets",
    "manifest.xml",
    "webpack.config.js",
    "scripts/functions-locale.cjs",
    "tsconfig.json",
  ].map((p) => newestMtime(join(root, p), () => false));
  return Math.max(src, ...others);
}

export function readBuildInfo(dist: string): BuildInfo | null {
  try {
    return JSON.parse(readFileSync(join(dist, "build-info.json"), "utf8")) as BuildInfo;
  } catch {
    return null;
  }
}

/** True when dist holds a default production build (localhost URLs, Office.js from the CDN) newer than its inputs. */
export function isFresh(dist = DIST, root = ROOT): boolean {
  if (!existsSync(join(dist, "taskpane.html"))) return false;
  const info = readBuildInfo(dist);
  if (!info || info.mode !== "production" || info.addinUrl !== null || info.officeJs !== "cdn") return false;
  return info.builtAt >= newestInput(root);
}

/** Runs webpack-cli with the given arguments; resolves with its output, rejects with the tail of it. */
export function runWebpack(args: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  const cli = createRequire(import.meta.url).resolve("webpack-cli/bin/cli.js");
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.ADDIN_URL;
  delete childEnv.OFFICE_JS;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env: childEnv });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`webpack ${args.join(" ")} failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK_DIR, "pid"), "utf8"));
      } catch {
        // Owner has not written its pid yet.
      }
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK_DIR).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if ((Number.isFinite(owner) && !pidAlive(owner)) || age > LOCK_STALE_MS) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      await sleep(500);
    }
  }
  writeFileSync(join(LOCK_DIR, "pid"), String(process.pid));
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

let pending: Promise<string> | null = null;

/** Production build of the add-in in dist/ (built only when stale); returns the dist path. */
export function ensureBuilt(): Promise<string> {
  if (isFresh()) return Promise.resolve(DIST);
  pending ??= withLock(async () => {
    if (!isFresh()) await runWebpack(["--mode", "production"]);
    return DIST;
  }).finally(() => {
    pending = null;
  });
  return pending;
}

/** vitest globalSetup entry. */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}
