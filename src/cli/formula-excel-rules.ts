/**
 * Where fast-formula-parser's answer is not Excel's, made to follow Excel or to refuse:
 * 1. Excel compares two texts without regard to case («"a"="A"» is TRUE, «"a"<"B"» is TRUE;
 * Microsoft: "Calculation operators and precedence in Excel" — comparison of text is not
 * case-sensitive), and orders them by the language's collation, here Norwegian (æ, ø, å after z).
 * fast-formula-parser compares JavaScript code units: "a"="A" was FALSE, a confident wrong answer.
 * 2. Negating a text that is no number is #VALUE! in Excel; fast-formula-parser gave NaN, which
 *    & then wrote as «NaN».
 * 3. & writes a number as Excel's General format does: at most 15 significant digits, with the
 *    decimal sign of Excel's language (0,5 or 0.5); JavaScript wrote 0.30000000000000004. Whole
 *    numbers below 10^15 are written as they are. A decimal number is written with the sign of
 *    the formula's own language when that is known (`rst eval`: «;» or «2,5» is Norwegian); in a
 *    workbook's formulas the reader's Excel language is not known, so it is refused, as is any
 *    number Excel would write in exponent form.
 * 4. AND/OR give the first error among their arguments, as Excel does (fast-formula-parser skipped
 *    errors: AND(1/0;TRUE) was TRUE).
 * Its Infix/Prefix objects and its logical functions are shared by every parser (the grammar
 * requires the same modules; the functions are copied when a parser is made), so wrapping them
 * once, before the first parser, changes the engine everywhere; everything else keeps its rules.
 */
import { FormulaError, type FunctionArg } from "fast-formula-parser";
import Logical from "fast-formula-parser/formulas/functions/logical";
import { Infix, Prefix } from "fast-formula-parser/formulas/operators";

let collator: Intl.Collator | undefined;

/** Excel's text comparison: case-insensitive, accent-sensitive, Norwegian order. */
function compareTextExcel(a: string, b: string): number {
  collator ??= new Intl.Collator("nb-NO", { sensitivity: "accent" });
  return collator.compare(a, b);
}

let installed = false;

/** The first error value in a function's arguments (ranges and arrays included), if any. */
function firstError(params: FunctionArg[]): FormulaError | undefined {
  for (const p of params) {
    const v = p.value;
    if (v instanceof FormulaError) return v;
    if (Array.isArray(v))
      for (const row of v as unknown[][])
        for (const x of Array.isArray(row) ? row : [row]) if (x instanceof FormulaError) return x;
  }
  return undefined;
}

/** The decimal sign & writes with, when the formula's language is known; null when it is not. */
let decimalSign: "," | "." | null = null;

/** Run `fn` with & writing decimals with `sign` (null: refuse them). */
export function withDecimalSign<T>(sign: "," | "." | null, fn: () => T): T {
  const before = decimalSign;
  decimalSign = sign;
  try {
    return fn();
  } finally {
    decimalSign = before;
  }
}

/** How & writes a number (Excel's General, 15 digits), or undefined when that is not sure here. */
function numberAsExcelText(n: number, sign: "," | "." | null = decimalSign): string | undefined {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (sign === null || !Number.isFinite(n) || Math.abs(n) >= 1e15) return undefined;
  const text = String(Number(n.toPrecision(15)));
  return /e/i.test(text) ? undefined : text.replace(".", sign);
}

export function installExcelRules(): void {
  if (installed) return;
  installed = true;
  const unary = Prefix.unaryOp;
  Prefix.unaryOp = (prefixes, value, isArray) => {
    const out = unary(prefixes, value, isArray);
    return typeof out === "number" && Number.isNaN(out) ? FormulaError.VALUE : out;
  };
  const concat = Infix.concatOp;
  Infix.concatOp = (value1, infix, value2, isArray1, isArray2) => {
    const texts: unknown[] = [];
    for (const [v, isArray] of [
      [value1, isArray1],
      [value2, isArray2],
    ] as const) {
      const x = isArray ? (v as unknown[][])[0][0] : v;
      const written = typeof x === "number" ? numberAsExcelText(x) : x;
      texts.push(written);
      if (written === undefined && x !== undefined)
        return new FormulaError(
          "#VALUE!",
          `& skriver tallet ${String(x).replace(".", ",")} som tekst slik Excel-språket ditt gjør (komma eller punktum, ` +
            `inntil 15 sifre), og det vet ikke RST-verktøy her. Rund av med AVRUND(…;0) først.`,
        );
    }
    return concat(texts[0], infix, texts[1], false, false);
  };
  for (const name of ["AND", "OR"] as const) {
    const fn = Logical[name];
    Logical[name] = (...params: FunctionArg[]) => firstError(params) ?? fn(...params);
  }
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
