import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE, tempDir } from "./helpers";

const root = resolve(__dirname, "../..");
const bin = join(root, "dist", "cli", "rst.js");

describe("the built CLI (dist/cli/rst.js)", () => {
  beforeAll(() => {
    const res = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(res.status, res.stderr).toBe(0);
  });

  it("is an executable node script with a shebang", () => {
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const help = spawnSync(bin, ["--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: rst/);
  });

  it("ledger --format json on the example, exit 0", () => {
    const res = spawnSync(process.execPath, [bin, "ledger", EXAMPLE, "--format", "json"], {
      encoding: "utf8",
    });
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.years.map((y: { carriedOut: number | null }) => y.carriedOut).slice(0, 2)).toEqual([
      2800030, 1810030,
    ]);
  });

  it("a missing file: exit 2 and one Norwegian line on stderr", () => {
    const missing = join(tempDir(), "borte.xlsx");
    const res = spawnSync(process.execPath, [bin, "validate", missing], { encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toBe(`Kunne ikke lese «${missing}»: filen finnes ikke.\n`);
  });
});
