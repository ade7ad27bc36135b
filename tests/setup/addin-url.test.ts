/** Issue 11.8: build:prod refuses without ADDIN_URL; a plain build says loudly where the manifest points. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const script = join(root, "scripts", "addin-url.mjs");
const run = (arg: string, url?: string) =>
  spawnSync(process.execPath, [script, arg], {
    encoding: "utf8",
    env: { ...process.env, ADDIN_URL: url ?? "" },
  });

describe("scripts/addin-url.mjs", () => {
  it("--require: exit 1 without ADDIN_URL or with http, 0 with https", () => {
    expect(run("--require").status).toBe(1);
    expect(run("--require").stderr).toContain("ADDIN_URL mangler");
    expect(run("--require", "http://rst.example.no/").status).toBe(1);
    expect(run("--require", "https://rst.example.no/").status).toBe(0);
  });
  it("--notice: a loud line about localhost without ADDIN_URL", () => {
    expect(run("--notice").stderr).toContain("dist/manifest.xml peker på https://localhost:3000/");
    expect(run("--notice", "https://rst.example.no/").stderr).not.toContain("localhost");
  });
  it("package.json wires them into build and build:prod", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.scripts.build).toMatch(/addin-url\.mjs --notice$/);
    expect(pkg.scripts["build:prod"]).toMatch(/^node scripts\/addin-url\.mjs --require && npm run build$/);
  });
});
