/** The lean reader's hand-read merge references agree with parseArea (src/core/grid.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArea } from "../../src/core/grid";
import { plainArea } from "../../src/cli/xlsx/lean/sheet";

describe("plainArea", () => {
  it.each([
    ["B3:B5", { top: 2, left: 1, bottom: 4, right: 1 }],
    ["C7", { top: 6, left: 2, bottom: 6, right: 2 }],
    ["AA10:AB12", { top: 9, left: 26, bottom: 11, right: 27 }],
    ["XFD1048576", { top: 1048575, left: 16383, bottom: 1048575, right: 16383 }],
    ["D4:B2", { top: 1, left: 1, bottom: 3, right: 3 }],
  ])("%s", (ref, area) => {
    expect(plainArea(ref)).toEqual(area);
    expect(parseArea(ref)).toEqual(area);
  });

  it.each([
    "$A$1:$B$2",
    "a1:b2",
    " A1:B2",
    "Ark1!A1:B2",
    "A1:",
    "A1:B",
    "ABCD1",
    "A",
    "1",
    "A1B2",
    "A1:B2:C3",
  ])("%s is left to parseArea", (ref) => {
    expect(plainArea(ref)).toBeUndefined();
  });

  it("property: where it reads a reference, parseArea reads the same", () => {
    const ref = fc.string({
      unit: fc.constantFrom("A", "B", "Z", "X", "F", "D", "0", "1", "9", ":", "$", "a", "!", " "),
      maxLength: 14,
    });
    fc.assert(
      fc.property(ref, (r) => {
        const fast = plainArea(r);
        if (fast) expect(parseArea(r)).toEqual(fast);
      }),
      { numRuns: 5000 },
    );
  });

  it("property: every plain reference Excel writes is read by hand", () => {
    const cell = fc.tuple(fc.integer({ min: 0, max: 16383 }), fc.integer({ min: 0, max: 1048575 }));
    const letters = (c: number) => {
      let s = "";
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    fc.assert(
      fc.property(cell, cell, ([c1, r1], [c2, r2]) => {
        const ref = `${letters(c1)}${r1 + 1}:${letters(c2)}${r2 + 1}`;
        expect(plainArea(ref)).toEqual(parseArea(ref));
      }),
      { numRuns: 2000 },
    );
  });
});
