/**
 * The small formula evaluator behind `rst eval` (issue 13.1): fast-formula-parser costs about
 * twice Node's own start-up to load (its chevrotain grammar analyses itself), so the formulas
 * people type — our functions, literals, arrays, arithmetic and a few built-ins — are evaluated
 * here, and anything else goes to the full engine (formula.ts), which is loaded only then.
 *
 * The contract is "the same answer as formula.ts, or no answer": evaluateLite returns undefined
 * (the caller then uses the full engine) for anything it does not handle exactly as
 * fast-formula-parser does, and tests/cli/formula-lite.test.ts runs the README examples, the
 * tests' formulas and a generated set through both and expects equal results. So every rule
 * below mirrors fast-formula-parser 1.0.19 (grammar/parsing.js, grammar/utils.js,
 * formulas/operators.js, formulas/helpers.js, formulas/functions/{math,logical}.js), which
 * follows Excel's operator precedence (Microsoft, "Calculation operators and precedence in
 * Excel"): negation, then %, ^, * and /, + and -, &, and last the comparisons; operators of
 * one level from left to right; =-2^2 is 4 (negation first), =0-2^2 is -4.
 *
 * Declined (left to the full engine): cell references and names (there is no workbook in
 * `rst eval`), error literals (#N/A), arrays as operands of an operator (fast-formula-parser
 * takes their first element), omitted built-in arguments, ragged or computed array constants,
 * every built-in not in BUILTINS, and three places where fast-formula-parser's answer is not
 * Excel's, so that this evaluator never gives it confidently: comparing two texts (it compares
 * case by case, Excel does not), negating a text that is no number (NaN, Excel #VALUE!) and
 * joining with & a number whose JavaScript digits are not Excel's (0.1+0.2, 1E+21).
 */
import { FUNCTIONS } from "../functions/impl";
import { translateFormula, type FormulaLocale, type FunctionArity } from "./formula-syntax";

export type FormulaValue = number | string | boolean | null | FormulaValue[][];
/**
 * A value, or an Excel error with a Norwegian message. `input` marks a formula that could not be
 * used at all (syntax, argument count, unknown function, a range over the limit): `rst eval`
 * exits 2 for those, 1 for an error the formula computes (#DIV/0!).
 */
export type FormulaResult = { value: FormulaValue } | { error: string; message: string; input?: true };

/** Our functions' argument counts, from their JSDoc in src/functions/functions.ts (a test compares). */
export const CUSTOM_ARITY: Record<string, FunctionArity> = {
  "RST.BALANCE": { min: 2, max: 3 },
  "RST.CARRYOVER": { min: 2, max: 3 },
  "RST.PERIODIZE": { min: 4, max: 4 },
  "MEASURE.DUE": { min: 1, max: 2 },
  "MEASURE.START": { min: 1, max: 2 },
  "MEASURE.DAYSLEFT": { min: 1, max: 2 },
  "MEASURE.STATUS": { min: 1, max: 3 },
  "MEASURE.EXPLAIN": { min: 1, max: 2 },
  "NOK.PARSE": { min: 1, max: 3 },
  "NOK.EXPLAIN": { min: 1, max: 2 },
  "COST.ANNUAL": { min: 4, max: 4 },
  "COST.PERUNIT": { min: 2, max: 2 },
  "COST.BREAKEVEN": { min: 2, max: 2 },
  "COST.SHARE": { min: 2, max: 2 },
  "COST.FORECAST": { min: 3, max: 3 },
};

/** The Norwegian text of an Excel error that carries no message of its own. */
export const ERROR_TEXT_NB: Record<string, string> = {
  "#DIV/0!": "Divisjon med null.",
  "#VALUE!": "Feil type verdi i et argument.",
  "#N/A": "Verdien finnes ikke.",
  "#NUM!": "Ugyldig tall.",
  "#REF!": "Ugyldig cellereferanse.",
  "#NAME?": "Ukjent navn eller funksjon.",
  "#NULL!": "Tomt resultat.",
};

let arities: Record<string, FunctionArity | undefined> | undefined;

/** The parser's text for a formula (English syntax), or an input error (see formula-syntax.ts). */
export function prepareFormula(
  formula: string,
  locale: FormulaLocale | "auto",
  references: boolean,
): { text: string } | { error: string; message: string; input: true } {
  if (!arities) {
    arities = {};
    for (const name of Object.keys(FUNCTIONS)) arities[name.toUpperCase()] = CUSTOM_ARITY[name.toUpperCase()];
  }
  const t = translateFormula(formula, { locale, custom: arities, references, knownOnly: locale !== "en" });
  return t.ok ? { text: t.text } : { error: t.error, message: t.message, input: true };
}

/**
 * `rst eval`'s formula (no workbook): the result, exactly as evaluateFormula (formula.ts) gives
 * it, or undefined when the formula needs the full engine. Input errors (syntax, argument
 * counts, unknown functions, references) are answered here: they come from the shared
 * translation step, before either engine runs.
 */
export function evaluateLite(
  formula: string,
  locale: FormulaLocale | "auto" = "auto",
): FormulaResult | undefined {
  const prepared = prepareFormula(formula, locale, false);
  if ("error" in prepared) return prepared;
  return evaluateLiteText(prepared.text);
}

/** A translated formula (English syntax, as prepareFormula gives it), or undefined (see above). */
export function evaluateLiteText(text: string): FormulaResult | undefined {
  try {
    const p = new Parser(text);
    const v = p.expression();
    p.skipSpace();
    if (p.i < text.length) return undefined; // something we do not parse: the full engine says what
    return result(v);
  } catch {
    // DECLINE, or anything unforeseen (a formula nested too deep for the stack): the full
    // engine answers, as it always did
    return undefined;
  }
}

// ------------------------------------------------------------------------------------ values

/** An Excel error value (fast-formula-parser's FormulaError): message "" when it has none. */
class XlError {
  constructor(
    readonly code: string,
    readonly message = "",
  ) {}
}
const DIV0 = new XlError("#DIV/0!");
const VALUE = new XlError("#VALUE!");
const NUM = new XlError("#NUM!");

type Scalar = number | string | boolean | null;
type Value = number | string | boolean | XlError | Scalar[][];

/** Thrown to hand the formula to the full engine. */
const DECLINE = Symbol("decline");
function decline(): never {
  throw DECLINE;
}

const isArr = (v: Value): v is Scalar[][] => Array.isArray(v);

/** FormulaHelpers.acceptNumber for a scalar: TRUE → 1, "123" → 123, "" or "x" → #VALUE!. */
function acceptNumber(v: Value): number | XlError {
  if (v instanceof XlError) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return Number(v);
  if (typeof v === "string") {
    if (v.length === 0) return VALUE;
    const n = Number(v);
    return Number.isNaN(n) ? VALUE : n;
  }
  return decline(); // an array: fast-formula-parser takes its first element
}

/** FormulaHelpers.checkFunctionResult: NaN → #VALUE!, ±∞ → #NUM!. */
function checkFunctionResult(v: Value): Value {
  if (typeof v === "number") {
    if (Number.isNaN(v)) return VALUE;
    if (!Number.isFinite(v)) return NUM;
  }
  return v;
}

/** FormulaParser.checkFormulaResult (arrays allowed) and formula.ts's toResult. */
function result(raw: Value): FormulaResult {
  let v = raw;
  if (typeof v === "number") {
    if (Number.isNaN(v)) v = VALUE;
    else if (!Number.isFinite(v)) v = NUM;
    else v += 0; // -0 → 0
  }
  if (v instanceof XlError) return { error: v.code, message: v.message || ERROR_TEXT_NB[v.code] || v.code };
  if (isArr(v)) {
    const rows = v.map((r) => (Array.isArray(r) ? r : [r]).map(scalarOut));
    return { value: rows as FormulaValue[][] };
  }
  return { value: v };
}

function scalarOut(v: unknown): FormulaValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v as FormulaValue[][];
  if (v instanceof XlError) return decline(); // an error inside an array (formula.ts reports it)
  return String(v);
}

// ------------------------------------------------------------------------------------ operators

/** Utils.applyPrefix + Prefix.unaryOp: the signs multiplied; "+" leaves any value as it is. */
function prefix(negative: boolean, v: Value): Value {
  if (v instanceof XlError) return v;
  if (!negative) return v;
  if (isArr(v)) return decline();
  if (typeof v === "number") return Number.isNaN(v) ? VALUE : -v;
  const n = acceptNumber(v);
  // fast-formula-parser negates a text that is no number to NaN (Excel: #VALUE!): its answer
  return n instanceof XlError ? decline() : -n;
}

/** A number as & writes it: JavaScript's digits, which are Excel's (15 significant) only when
 *  they round-trip at 15 digits and are not in exponent form; otherwise left to the full engine. */
function concatText(v: number | string | boolean): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const text = String(v);
  if (/e/i.test(text) || Number(v.toPrecision(15)) !== v) return decline();
  return text;
}

/** Postfix.percentOp. */
function percent(v: Value): Value {
  if (v instanceof XlError) return v;
  const n = acceptNumber(v);
  return n instanceof XlError ? n : n / 100;
}

const TYPE_RANK = { boolean: 3, string: 2, number: 1 } as const;

/** Utils.applyInfix with Infix.compareOp / concatOp / mathOp, on scalars. */
function infix(a: Value, op: string, b: Value): Value {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  if (isArr(a) || isArr(b)) return decline();
  switch (op) {
    case "&":
      return concatText(a) + concatText(b);
    case "+":
    case "-":
    case "*":
    case "/":
    case "^": {
      const x = acceptNumber(a);
      if (x instanceof XlError) return x;
      const y = acceptNumber(b);
      if (y instanceof XlError) return y;
      if (op === "+") return x + y;
      if (op === "-") return x - y;
      if (op === "*") return x * y;
      if (op === "/") return y === 0 ? DIV0 : x / y;
      return x ** y;
    }
    default: {
      const ta = typeof a as "number" | "string" | "boolean";
      const tb = typeof b as "number" | "string" | "boolean";
      if (ta === tb) {
        if (ta === "string") return decline(); // fast-formula-parser: case-sensitive, Excel: not
        switch (op) {
          case "=":
            return a === b;
          case "<>":
            return a !== b;
          case "<":
            return a < b;
          case ">":
            return a > b;
          case "<=":
            return a <= b;
          default:
            return a >= b;
        }
      }
      // numbers < text < TRUE/FALSE, as Excel sorts them
      const ra = TYPE_RANK[ta];
      const rb = TYPE_RANK[tb];
      switch (op) {
        case "=":
          return false;
        case "<>":
          return true;
        case "<":
          return ra < rb;
        case ">":
          return ra > rb;
        case "<=":
          return ra <= rb;
        default:
          return ra >= rb;
      }
    }
  }
}

/** Binding power of each binary operator (higher binds tighter); all left-associative. */
const BINARY: Record<string, number> = {
  "^": 5,
  "*": 4,
  "/": 4,
  "+": 3,
  "-": 3,
  "&": 2,
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
};

// ------------------------------------------------------------------------------------ functions

/** An argument as fast-formula-parser passes it: its value, or omitted (F(1,) or F(1,,2)). */
type Arg = { value: Value; omitted: false } | { value: undefined; omitted: true };

/** FormulaHelpers.accept(arg, Types.NUMBER) on a scalar argument (errors are returned). */
function numberArg(a: Arg): number | XlError {
  if (a.omitted || isArr(a.value)) return decline();
  return acceptNumber(a.value);
}

type Builtin = (args: Arg[]) => Value;

function numeric(f: (...n: number[]) => Value): Builtin {
  return (args) => {
    const ns: number[] = [];
    for (const a of args) {
      const n = numberArg(a);
      if (n instanceof XlError) return n;
      ns.push(n);
    }
    return f(...ns);
  };
}

/** MathFunctions.ROUND / ROUNDUP / ROUNDDOWN: offset 0, +½ or −½ of the last digit kept. */
function rounding(offsetSign: number): Builtin {
  return numeric((number, digits) => {
    const multiplier = Math.pow(10, Math.abs(digits));
    const sign = number > 0 ? 1 : -1;
    if (digits > 0) {
      const offset = (1 / multiplier) * 0.5 * offsetSign;
      return (sign * Math.round((Math.abs(number) + offset) * multiplier)) / multiplier;
    }
    if (digits === 0) return sign * Math.round(Math.abs(number) + 0.5 * offsetSign);
    return sign * Math.round((Math.abs(number) + multiplier * 0.5 * offsetSign) / multiplier) * multiplier;
  });
}

function logical(args: Arg[], verdict: (trues: number, falses: number) => boolean): Value {
  let trues = 0;
  let falses = 0;
  const count = (x: unknown) => {
    if (typeof x === "boolean" || typeof x === "number") {
      if (x) trues++;
      else falses++;
    } else if (x !== null) decline();
  };
  for (const a of args) {
    if (a.omitted) continue;
    if (isArr(a.value)) a.value.forEach((row) => row.forEach(count));
    else count(a.value);
  }
  return trues === 0 && falses === 0 ? VALUE : verdict(trues, falses);
}

/** The built-ins evaluated here (English names, as the translation gives them). */
const BUILTINS: Record<string, Builtin> = {
  // MathFunctions.SUM: literals as numbers ("1", TRUE), only numbers inside arrays
  SUM: (args) => {
    let total = 0;
    for (const a of args) {
      if (a.omitted) continue; // an omitted argument counts 0
      const v = a.value;
      if (isArr(v)) {
        for (const row of v) for (const x of row) if (typeof x === "number") total += x;
      } else {
        const n = acceptNumber(v);
        if (n instanceof XlError) return n;
        total += n;
      }
    }
    return total;
  },
  ROUND: rounding(0),
  ROUNDUP: rounding(1),
  ROUNDDOWN: rounding(-1),
  ABS: numeric((n) => Math.abs(n)),
  INT: numeric((n) => Math.floor(n)),
  // LogicalFunctions.IF: the test is taken as it is (a number: non-zero is true)
  IF: (args) => {
    const [test, yes, no] = args;
    if (test.omitted || yes === undefined || yes.omitted || (no !== undefined && no.omitted))
      return decline();
    const t = test.value;
    if (t instanceof XlError) return t;
    if (typeof t !== "number" && typeof t !== "boolean") return decline();
    return t ? yes.value : no === undefined ? false : no.value;
  },
  MOD: numeric((n, d) => (d === 0 ? DIV0 : n - d * Math.floor(n / d))),
  POWER: numeric((n, p) => n ** p),
  SQRT: numeric((n) => (n < 0 ? NUM : Math.sqrt(n))),
  // LogicalFunctions.NOT: accept(…, BOOLEAN): a number is true when non-zero, a text #VALUE!
  NOT: ([a]) => {
    if (a.omitted || isArr(a.value)) return decline();
    const v = a.value;
    if (v instanceof XlError) return v;
    if (typeof v === "string") return VALUE;
    return !v;
  },
  // LogicalFunctions.AND / OR over numbers and TRUE/FALSE only: fast-formula-parser skips error
  // arguments and reads "TRUE" texts, where Excel answers the error or #VALUE!
  AND: (args) => logical(args, (t, f) => t > 0 && f === 0),
  OR: (args) => logical(args, (t) => t > 0),
  // LogicalFunctions.IFERROR: the value unless it is an error
  IFERROR: ([value, fallback]) => {
    if (value.omitted || fallback.omitted) return decline();
    return value.value instanceof XlError ? fallback.value : value.value;
  },
  TRUE: (args) => (args.length === 0 ? true : decline()),
  FALSE: (args) => (args.length === 0 ? false : decline()),
};

/** formula.ts's wrapper around FUNCTIONS: an error argument is the answer; FunctionError → error. */
function callCustom(name: string, fn: (...args: unknown[]) => unknown, args: Arg[]): Value {
  const plain: unknown[] = [];
  for (const a of args) {
    if (a.omitted) plain.push(undefined);
    else if (a.value instanceof XlError) return a.value;
    else plain.push(a.value);
  }
  while (plain.length && plain[plain.length - 1] === undefined) plain.pop();
  let res: unknown;
  try {
    res = fn(...plain);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return new XlError("#VALUE!", `${name}: intern feil (${why}).`);
  }
  if (isFunctionErrorLike(res)) return new XlError(res.code, res.message);
  if (res === null || res === undefined) return "";
  if (typeof res === "number" || typeof res === "string" || typeof res === "boolean") return res;
  if (Array.isArray(res)) return res as Scalar[][];
  return decline();
}

function isFunctionErrorLike(x: unknown): x is { code: string; message: string } {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as { code: unknown }).code === "string" &&
    (x as { code: string }).code.startsWith("#") &&
    typeof (x as { message: unknown }).message === "string"
  );
}

let custom: Map<string, [string, (...args: unknown[]) => unknown]> | undefined;

function callFunction(name: string, args: Arg[]): Value {
  custom ??= new Map(Object.entries(FUNCTIONS).map(([k, fn]) => [k.toUpperCase(), [k, fn]]));
  const up = name.toUpperCase();
  const own = custom.get(up);
  if (own) return checkFunctionResult(callCustom(own[0], own[1], args));
  const builtin = BUILTINS[up];
  if (!builtin) return decline();
  return checkFunctionResult(builtin(args));
}

// ------------------------------------------------------------------------------------ parser

const NUMBER = /[0-9]+[.]?[0-9]*([eE][+-][0-9]+)?/y;
const FUNCTION = /[A-Za-z_]+[A-Za-z_0-9.]*\(/y;
const BOOLEAN = /(TRUE|FALSE)(?![A-Za-z0-9_.(])/y;

/** Recursive descent over the translated text, evaluating as it goes (everything is pure). */
class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private peek(): string {
    this.skipSpace();
    return this.s[this.i] ?? "";
  }

  private sticky(re: RegExp): string | null {
    this.skipSpace();
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) return null;
    this.i += m[0].length;
    return m[0];
  }

  private binaryOp(): string | null {
    const c = this.peek();
    const two = this.s.slice(this.i, this.i + 2);
    if (two === "<>" || two === "<=" || two === ">=") return two;
    return c in BINARY ? c : null;
  }

  /** formulaWithBinaryOp: operands and operators, folded by binding power, left to right. */
  expression(minPower = 1): Value {
    let left = this.operand();
    for (;;) {
      const op = this.binaryOp();
      if (op === null) return left;
      const power = BINARY[op];
      if (power < minPower) return left;
      this.i += op.length;
      const right = this.expression(power + 1);
      left = infix(left, op, right);
    }
  }

  /** formulaWithPercentOp over formulaWithUnaryOp: signs, a primary, at most one %. */
  private operand(): Value {
    let negative = false;
    let signs = 0;
    for (let c = this.peek(); c === "+" || c === "-"; c = this.peek()) {
      if (c === "-") negative = !negative;
      signs++;
      this.i++;
    }
    let v = this.primary();
    if (signs > 0) v = prefix(negative, v);
    if (this.peek() === "%") {
      this.i++;
      v = percent(v);
    }
    return v;
  }

  private primary(): Value {
    const c = this.peek();
    if (c === '"') return this.string();
    if (c === "(") {
      this.i++;
      const v = this.expression();
      if (this.peek() !== ")") return decline(); // a union (A1,B1) or a syntax error
      this.i++;
      return v;
    }
    if (c === "{") return this.array();
    const fn = this.sticky(FUNCTION);
    if (fn !== null) return callFunction(fn.slice(0, -1), this.args());
    const bool = this.sticky(BOOLEAN);
    if (bool !== null) return bool === "TRUE";
    const num = this.sticky(NUMBER);
    if (num !== null) return Number(num);
    return decline(); // references, names, error literals, a syntax error
  }

  private string(): string {
    const s = this.s;
    let j = this.i + 1;
    for (;;) {
      const k = s.indexOf('"', j);
      if (k < 0) return decline();
      if (s[k + 1] === '"') j = k + 2;
      else {
        const text = s.slice(this.i + 1, k).replace(/""/g, '"');
        this.i = k + 1;
        return text;
      }
    }
  }

  /** arguments: F() has none; F(1,) and F(1,,2) have omitted ones; F(,1) is declined. */
  private args(): Arg[] {
    const args: Arg[] = [];
    if (this.peek() === ")") {
      this.i++;
      return args;
    }
    if (this.peek() === ",") return decline();
    args.push({ value: this.expression(), omitted: false });
    for (;;) {
      const c = this.peek();
      if (c === ")") {
        this.i++;
        return args;
      }
      if (c !== ",") return decline();
      this.i++;
      const next = this.peek();
      if (next === "," || next === ")") args.push({ value: undefined, omitted: true });
      else args.push({ value: this.expression(), omitted: false });
    }
  }

  /** constantArray: numbers (with a sign), texts and TRUE/FALSE; "," between columns, ";" rows. */
  private array(): Scalar[][] {
    this.i++; // {
    const rows: Scalar[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayItem());
      const c = this.peek();
      this.i++;
      if (c === "}") break;
      if (c === ";") rows.push([]);
      else if (c !== ",") return decline();
    }
    if (rows.some((r) => r.length !== rows[0].length)) return decline();
    return rows;
  }

  private arrayItem(): Scalar {
    const c = this.peek();
    if (c === '"') return this.string();
    if (c === "+" || c === "-") {
      this.i++;
      const num = this.sticky(NUMBER);
      if (num === null) return decline();
      return c === "-" ? -Number(num) : Number(num);
    }
    const bool = this.sticky(BOOLEAN);
    if (bool !== null) return bool === "TRUE";
    const num = this.sticky(NUMBER);
    if (num !== null) return Number(num);
    return decline();
  }
}
