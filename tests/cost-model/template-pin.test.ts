/**
 * Pins the Kostnadsmodell sheet cell by cell: every value, formula, role and number format,
 * the merges, the column widths and the refs. The golden files were written from the template
 * as it was before it became a declarative layout (commit "cost-model: pin the sheet"), so the
 * refactor provably writes the same sheet. Regenerate only for an intended change of the sheet:
 * PIN_WRITE=1 npx vitest run tests/cost-model/template-pin.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { costModelTemplate, type SheetTemplate } from "../../src/core/cost-model";

const dir = join(__dirname, "fixtures");

/** One line per cell, in the order written: address, role, format, then the value or formula as JSON. */
function dump(t: SheetTemplate): string {
  const lines = [`name ${JSON.stringify(t.name)}`];
  for (const c of t.cells) {
    const content =
      c.formula !== undefined
        ? `f ${JSON.stringify(c.formula)}`
        : c.value !== undefined
          ? `v ${JSON.stringify(c.value)}`
          : "empty";
    lines.push(`${c.address} ${c.role} ${c.numberFormat ?? "-"} ${content}`);
  }
  lines.push(`merges ${JSON.stringify(t.merges)}`);
  lines.push(`widths ${JSON.stringify(t.columnWidths)}`);
  lines.push(`refs ${JSON.stringify(t.refs, null, 1)}`);
  return lines.join("\n") + "\n";
}

describe.each(["2024", "2018"] as const)(
  "the Kostnadsmodell sheet (scenario %s) is unchanged",
  (scenario) => {
    const file = join(dir, `template-${scenario}.txt`);
    const actual = dump(costModelTemplate({ scenario }));
    if (process.env.PIN_WRITE) writeFileSync(file, actual);

    it("cell by cell, merges, widths and refs", () => {
      expect(existsSync(file)).toBe(true);
      const expected = readFileSync(file, "utf8").split("\n");
      const got = actual.split("\n");
      // line by line first, so a failure names the cell
      for (let i = 0; i < Math.max(expected.length, got.length); i++)
        expect(got[i], `line ${i + 1}`).toBe(expected[i]);
    });
  },
);

describe("a renamed sheet", () => {
  it("changes only the name", () => {
    const a = costModelTemplate();
    const b = costModelTemplate({ name: "Min modell" });
    expect(b.name).toBe("Min modell");
    expect(b.cells).toEqual(a.cells);
  });
});
