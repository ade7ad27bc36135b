/**
 * Where fast-formula-parser's operators differ from Excel on text, made to follow Excel:
 * Excel compares two texts without regard to case («"a"="A"» is TRUE, «"a"<"B"» is TRUE;
 * Microsoft: "Calculation operators and precedence in Excel" — comparison of text is not
 * case-sensitive), and orders them by the language's collation, here Norwegian (æ, ø, å after z).
 * fast-formula-parser compares JavaScript code units: "a"="A" was FALSE, a confident wrong answer.
 * Its Infix object is shared by every parser (grammar/utils.js requires the same module), so
 * wrapping compareOp once changes the engine everywhere; other types keep its own rules.
 */
import { Infix } from "fast-formula-parser/formulas/operators";

let collator: Intl.Collator | undefined;

/** Excel's text comparison: case-insensitive, accent-sensitive, Norwegian order. */
export function compareTextExcel(a: string, b: string): number {
  collator ??= new Intl.Collator("nb-NO", { sensitivity: "accent" });
  return collator.compare(a, b);
}

let installed = false;

export function installExcelTextRules(): void {
  if (installed) return;
  installed = true;
  const original = Infix.compareOp;
  Infix.compareOp = (value1, infix, value2, isArray1, isArray2) => {
    const v1 = isArray1 ? (value1 as unknown[][])[0][0] : value1;
    const v2 = isArray2 ? (value2 as unknown[][])[0][0] : value2;
    if (typeof v1 !== "string" || typeof v2 !== "string")
      return original(value1, infix, value2, isArray1, isArray2);
    const c = compareTextExcel(v1, v2);
    switch (infix) {
      case "=":
        return c === 0;
      case "<>":
        return c !== 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      case ">=":
        return c >= 0;
    }
    return original(value1, infix, value2, isArray1, isArray2);
  };
}
