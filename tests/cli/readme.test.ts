/**
 * Issue 14.7: every example command in the README's CLI section runs as written on the files in
 * examples/ — no missing file, no usage error, no crash (exit 0 or 1, never 2).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, rst, tempDir } from "./helpers";

const root = resolve(__dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## The `rst` command"), readme.indexOf("## Use it in Excel"));
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
const commands = blocks
  .flatMap((b) => b.split("\n"))
  .map((l) => l.replace(/\s+#.*$/, "").trim())
  .filter((l) => l.startsWith("npx rst"));

/** Shell words: '…' quoted or bare. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

afterAll(removeTempDirs);

describe("README: the rst quick start", () => {
  it("is the CLI's own build, then npx rst", () => {
    expect(blocks[0]).toContain("npm ci && npm run build:cli");
    expect(blocks.join("\n")).not.toMatch(/npm run build(?!:)/);
    expect(commands.length).toBeGreaterThanOrEqual(10);
  });

  it("names only files that exist in examples/", () => {
    for (const c of commands)
      for (const w of words(c).filter((x) => x.endsWith(".xlsx") && !x.startsWith("out/")))
        expect(existsSync(join(root, w)), `${w} in «${c}»`).toBe(true);
  });

  it.each(commands.map((c) => [c]))("%s", async (line) => {
    const out = tempDir();
    const args = words(line)
      .slice(2)
      .map((w) =>
        w.startsWith("examples/") ? join(root, w) : w.startsWith("out/") ? join(out, w.slice(4)) : w,
      );
    const r = await rst(...args);
    expect(r.code, r.stderr).not.toBe(2);
    expect(r.stderr).not.toContain("Uventet feil");
  });
});
