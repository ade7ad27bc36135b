/**
 * Where fast-formula-parser's answer was not Excel's (src/cli/formula-excel-rules.ts): text
 * comparison (not case-sensitive, Norwegian order: æ, ø, å after z), a negated text, numbers
 * written by &, and errors inside AND/OR. Expected values: Excel's documented behaviour.
 */
import { describe, expect, it } from "vitest";
import { evaluateFormula, evaluateWorkbookFormulas } from "../../src/cli/formula";
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

describe("numbers written by &, errors in AND/OR, a negated text", () => {
  it.each([
    ['=2026&" kr"', "2026 kr"],
    ['=-5&""', "-5"],
    ['=2.5&"x"', "2.5x"], // English spelling: Excel in English writes 2.5
    ['=2,5&"x"', "2,5x"], // Norwegian spelling: 2,5
    ['=HVIS(SANN;0,1+0,2)&""', "0,3"], // 15 digits, as Excel's General format
    ['=(0.1+0.2)&""', "0.3"],
    ['=1194000.5&" kr"', "1194000.5 kr"],
    ['=AVRUND(2,5;0)&" kr"', "3 kr"],
  ])("%s is %j", (formula, expected) => {
    expect(evaluateFormula(formula)).toEqual({ value: expected });
  });

  it.each(['=1E21&""', '=(1/3)*1E-10&""'])("%s is refused (Excel writes it in exponent form)", (formula) => {
    const r = evaluateFormula(formula);
    expect(r).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("som tekst") });
  });

  it("a decimal joined by & in a workbook's formula is refused: the reader's Excel language is not known", () => {
    const [cell] = evaluateWorkbookFormulas({
      sheets: [
        {
          sheet: "Ark1",
          merges: [],
          rows: [
            [
              { value: 2.5, text: "2,5" },
              { value: "2,5 kr", text: "2,5 kr", formula: '=A1&" kr"' },
            ],
          ],
        },
      ],
    });
    expect(cell?.result).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("AVRUND") });
  });

  it.each([
    ['=-"abc"&"x"', "#VALUE!"], // fast-formula-parser gave "NaNx"
    ['=-"abc"', "#VALUE!"],
    ["=AND(1/0;TRUE)", "#DIV/0!"], // fast-formula-parser skipped the error: TRUE
    ["=OR(TRUE;1/0)", "#DIV/0!"],
  ])("%s gives %s", (formula, error) => {
    expect(evaluateFormula(formula)).toMatchObject({ error });
  });

  it("AND/OR without errors keep their answers", () => {
    expect(evaluateFormula("=AND(TRUE;FALSE)")).toEqual({ value: false });
    expect(evaluateFormula("=OR(FALSE;TRUE)")).toEqual({ value: true });
    expect(evaluateFormula('=IFERROR(AND(1/0;TRUE);"feil")')).toEqual({ value: "feil" });
  });
});
