import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** src/core is the pure domain: no Office.js, no Node APIs, no DOM, nothing of ours from outside core. */
const CORE = join(__dirname, "..", "..", "src", "core");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from\s+["']node:/, "a node: import"],
  [/from\s+["'](fs|path|os|child_process|crypto|stream|util|zlib)["']/, "a Node built-in import"],
  [/require\(/, "require()"],
  [/\bprocess\./, "process"],
  [/\bBuffer\b/, "Buffer"],
  [/\b(Excel|Office|CustomFunctions)\./, "Office.js"],
  [/\b(window|document)\./, "the DOM"],
  [/from\s+["']\.\.\/\.\.\/(functions|excel|taskpane|cli|report)/, "a module outside core"],
  [/from\s+["']\.\.\/(functions|excel|taskpane|cli|report)\//, "a module outside core"],
];

describe("src/core purity", () => {
  const all = files(CORE);
  it("has source files", () => {
    expect(all.length).toBeGreaterThan(0);
  });
  for (const file of all) {
    it(`${file.slice(CORE.length + 1)} uses no Office.js, Node or DOM API`, () => {
      const src = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/(^|[^:])\/\/.*$/gm, "$1");
      for (const [re, what] of FORBIDDEN) expect(re.test(src), `${what} in ${file}`).toBe(false);
    });
  }
});
