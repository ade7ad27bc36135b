/**
 * `rst validate --format json` writes its JSON in pieces (writeJson) instead of one string; the
 * text must be exactly JSON.stringify(…, null, 2) and a newline, as before.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validationJson, writeJson } from "../../src/cli/commands/validate";
import { readWorkbookLean } from "../../src/cli/xlsx/lean";
import { writePlanFile } from "../../src/cli/xlsx/gen-plan";
import { validateWorkbook } from "../../src/core/plan";
import { join } from "node:path";
import { EXAMPLE, rst, tempDir } from "./helpers";

function pieces(value: object, key: string, item?: (x: never) => unknown): string[] {
  const out: string[] = [];
  writeJson(value, key, (t) => out.push(t), item);
  return out;
}

describe("writeJson", () => {
  it("property: the pieces joined are JSON.stringify(value, null, 2) and a newline", () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const value = fc.record({
      a: json,
      list: fc.array(fc.oneof(json, fc.constant(undefined)), { maxLength: 12 }),
      b: fc.option(json, { nil: undefined }),
      "x y": fc.string(),
    });
    fc.assert(
      fc.property(value, (v) => {
        expect(pieces(v, "list").join("")).toBe(JSON.stringify(v, null, 2) + "\n");
      }),
      { numRuns: 500 },
    );
  });

  it("an empty object, an empty list, and a list item turned as it is written", () => {
    expect(pieces({}, "list").join("")).toBe("{}\n");
    expect(pieces({ list: [] }, "list").join("")).toBe('{\n  "list": []\n}\n');
    const turned = pieces({ n: 1, list: [1, 2] }, "list", (x: number) => ({ twice: x * 2 })).join("");
    expect(turned).toBe(JSON.stringify({ n: 1, list: [{ twice: 2 }, { twice: 4 }] }, null, 2) + "\n");
  });

  it("a long list is written in pieces of about 64 kB, not as one string", () => {
    const list = Array.from({ length: 5000 }, (_, i) => ({ i, message: `melding nr. ${i} `.repeat(4) }));
    const out = pieces({ list }, "list");
    expect(out.length).toBeGreaterThan(5);
    expect(Math.max(...out.map((t) => t.length))).toBeLessThan(70_000);
    expect(out.join("")).toBe(JSON.stringify({ list }, null, 2) + "\n");
  });
});

describe("rst validate --format json", () => {
  it.each([
    ["the example", async () => EXAMPLE, [] as string[]],
    ["the example with --explain", async () => EXAMPLE, ["--explain"]],
    [
      "a generated plan of 3 000 rows",
      async () => {
        const file = join(tempDir(), "plan-3000.xlsx");
        await writePlanFile(file, 3000);
        return file;
      },
      [],
    ],
  ])("%s: exactly JSON.stringify of validationJson", async (_label, make, extra) => {
    const file = await make();
    const res = await rst("validate", file, "--format", "json", "--quiet", ...extra);
    const result = validateWorkbook(readWorkbookLean(file), { explain: extra.includes("--explain") });
    expect(res.stdout).toBe(JSON.stringify(validationJson(file, result), null, 2) + "\n");
    expect(JSON.parse(res.stdout).problems.length).toBe(result.problems.length);
  });
});
