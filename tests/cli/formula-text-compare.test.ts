/**
 * Text comparison as Excel does it: not case-sensitive, Norwegian order (æ, ø, å after z).
 * fast-formula-parser compared code units, so «"a"="A"» was FALSE in rst eval and in cost sheets.
 */
import { describe, expect, it } from "vitest";
import { evaluateFormula } from "../../src/cli/formula";
import { rst } from "./helpers";

describe("comparing texts in formulas", () => {
  it.each([
    ['"a"="A"', true],
    ['"abc"<>"ABC"', false],
    ['"Å"="å"', true],
    ['"a"<"B"', true], // code units would say "a" (97) > "B" (66)
    ['"b">"A"', true],
    ['"z"<"æ"', true],
    ['"æ"<"ø"', true],
    ['"ø"<"å"', true], // code units: å (229) < æ (230) < ø (248)
    ['"a"="á"', false], // accents count
    ['"a"<="A"', true],
    ['"a">="B"', false],
    ['{"a"}="A"', true],
    ['1="1"', false], // a number is never equal to a text, as before
    ['"1"<1', false], // and a text is greater than any number (Excel's type order)
  ])("%s is %s", (formula, expected) => {
    expect(evaluateFormula(formula)).toEqual({ value: expected });
  });

  it("rst eval gives Excel's answer", async () => {
    const r = await rst("eval", '=HVIS("Ja"="ja";"samme";"ulik")');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe("samme");
  });
});
