/**
 * Formula text as people type it into `rst eval`, translated to the syntax the parser reads
 * (the syntax .xlsx files store: "," between arguments, "." as decimal point), with the checks
 * that keep a typo from becoming a wrong number: argument counts, unknown functions, cell
 * references where there is no workbook.
 *
 * Two ways of writing, told apart by the argument separator (outside strings, sheet names and
 * array constants):
 * - Norwegian Excel ("nb"): ";" between arguments, "," is the decimal comma ("1194000,5"),
 *   ";" between rows and "\" between columns in an array constant ({1;2}, {1\2}).
 * - English Excel and the .xlsx file ("en"): "," between arguments, "." is the decimal point;
 *   ";" between rows and "," between columns in an array constant.
 * A formula with ";" between arguments, or with a Norwegian function name (SUMMER, AVRUND, …) or
 * SANN/USANN, is "nb"; otherwise it is "en": "ROUND(2,5)" is ROUND(2, 5), "AVRUND(2,5)" is
 * AVRUND(2,5) with one argument (an error: AVRUND takes two).
 *
 * Numbers: 1E3 and 1,5E-3 (nb) / 1.5E-3 (en) are accepted. SANN/USANN (Norwegian Excel) and
 * TRUE/FALSE are both accepted, as are the Norwegian names of the built-in functions the
 * engine offers (SUMMER, AVRUND, HVIS, …).
 */

export type FormulaLocale = "nb" | "en";

export interface FunctionArity {
  min: number;
  /** Infinity for a list (SUM). */
  max: number;
}

/** The built-in functions `rst eval` offers: English name → arity. Anything else is unknown. */
export const BUILTIN_ARITY: Record<string, FunctionArity> = {
  SUM: { min: 1, max: 255 },
  AVERAGE: { min: 1, max: 255 },
  COUNT: { min: 1, max: 255 },
  PRODUCT: { min: 1, max: 255 },
  SUMPRODUCT: { min: 1, max: 255 },
  ROUND: { min: 2, max: 2 },
  ROUNDUP: { min: 2, max: 2 },
  ROUNDDOWN: { min: 2, max: 2 },
  INT: { min: 1, max: 1 },
  ABS: { min: 1, max: 1 },
  MOD: { min: 2, max: 2 },
  SQRT: { min: 1, max: 1 },
  POWER: { min: 2, max: 2 },
  IF: { min: 2, max: 3 },
  IFERROR: { min: 2, max: 2 },
  AND: { min: 1, max: 255 },
  OR: { min: 1, max: 255 },
  NOT: { min: 1, max: 1 },
  TRUE: { min: 0, max: 0 },
  FALSE: { min: 0, max: 0 },
  LEN: { min: 1, max: 1 },
  CONCATENATE: { min: 1, max: 255 },
  DATE: { min: 3, max: 3 },
  YEAR: { min: 1, max: 1 },
  MONTH: { min: 1, max: 1 },
  DAY: { min: 1, max: 1 },
  ROWS: { min: 1, max: 1 },
  COLUMNS: { min: 1, max: 1 },
};

/** Norwegian Excel's names for those built-ins. */
export const NORWEGIAN_NAMES: Record<string, string> = {
  SUMMER: "SUM",
  GJENNOMSNITT: "AVERAGE",
  ANTALL: "COUNT",
  PRODUKT: "PRODUCT",
  SUMMERPRODUKT: "SUMPRODUCT",
  AVRUND: "ROUND",
  "AVRUND.OPP": "ROUNDUP",
  "AVRUND.NED": "ROUNDDOWN",
  HELTALL: "INT",
  REST: "MOD",
  ROT: "SQRT",
  OPPHØYD: "POWER",
  HVIS: "IF",
  HVISFEIL: "IFERROR",
  OG: "AND",
  ELLER: "OR",
  IKKE: "NOT",
  SANN: "TRUE",
  USANN: "FALSE",
  LENGDE: "LEN",
  "KJEDE.SAMMEN": "CONCATENATE",
  DATO: "DATE",
  ÅR: "YEAR",
  MÅNED: "MONTH",
  DAG: "DAY",
  RADER: "ROWS",
  KOLONNER: "COLUMNS",
};

export type Translation =
  | { ok: true; text: string; locale: FormulaLocale; references: string[] }
  | { ok: false; error: string; message: string };

export interface TranslateOptions {
  /** "auto" (rst eval): tell nb from en by the separator; "en": a formula stored in a file. */
  locale?: FormulaLocale | "auto";
  /** Our functions' arities (dotted Excel names, upper case). */
  custom: Record<string, FunctionArity | undefined>;
  /** Whether cell references may be used (a workbook is given). */
  references: boolean;
  /**
   * Refuse functions that are neither ours nor in BUILTIN_ARITY (rst eval). Off for formulas
   * stored in a file: the engine answers #NAME? for those itself.
   */
  knownOnly?: boolean;
}

const IDENT_START = /[A-Za-zÆØÅæøå_$]/;
const IDENT = /[A-Za-z0-9ÆØÅæøå_$.]/;
const DIGIT = /[0-9]/;
/** A cell or range reference part: A1, $A$1, A:A, 1:1 (checked on the whole token). */
const CELL_REF = /^\$?[A-Za-z]{1,3}\$?\d+$/;
const COL_REF = /^\$?[A-Za-z]{1,3}$/;

function fail(message: string, error = "#VALUE!"): Translation {
  return { ok: false, error, message };
}

/** Where a ";" (nb) appears between arguments: outside strings, quoted sheet names and braces. */
export function detectLocale(formula: string): FormulaLocale {
  let depth = 0;
  let parens = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = formula.indexOf(ch, i + 1);
      if (end < 0) break;
      i = end;
    } else if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === "(") parens++;
    else if (ch === ")") parens = Math.max(0, parens - 1);
    else if (ch === ";" && depth === 0) return "nb";
    // "1234,5*2": a comma outside any function can only be a decimal comma
    else if (ch === "," && depth === 0 && parens === 0) return "nb";
    else if (depth === 0 && /[A-Za-zÆØÅæøå]/.test(ch) && !/[A-Za-z0-9ÆØÅæøå_$.]/.test(formula[i - 1] ?? "")) {
      // a Norwegian function name or SANN/USANN: the formula is written in Norwegian
      const word = /^[A-Za-zÆØÅæøå_.]+/.exec(formula.slice(i))![0];
      const up = word.toUpperCase();
      if (up in NORWEGIAN_NAMES && NORWEGIAN_NAMES[up] !== up) return "nb";
      i += word.length - 1;
    }
  }
  return "en";
}

/** 1E3 → "1000", 1.5E-3 → "0.0015": plain decimal text the parser reads. */
function plainNumber(mantissa: string, exponent: string | undefined): string | null {
  const n = Number(exponent === undefined ? mantissa : `${mantissa}e${exponent}`);
  if (!Number.isFinite(n)) return null;
  if (exponent === undefined) return mantissa;
  return n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

function arityText(name: string, a: FunctionArity): string {
  if (a.max === Infinity || a.max >= 255)
    return `${name} tar minst ${a.min} ${a.min === 1 ? "argument" : "argumenter"}`;
  if (a.min === a.max) return `${name} tar ${a.min} ${a.min === 1 ? "argument" : "argumenter"}`;
  return `${name} tar ${a.min} til ${a.max} argumenter`;
}

interface Call {
  /** Function name as written (null for a grouping parenthesis). */
  name: string | null;
  arity?: FunctionArity;
  args: number;
  /** Whether anything but whitespace came after "(" (F() has 0 arguments). */
  any: boolean;
}

/**
 * Translate and check a formula ("=" optional). References are returned (upper case) so the
 * caller can check them against a workbook.
 */
export function translateFormula(formula: string, opts: TranslateOptions): Translation {
  let f = formula.trim();
  if (f.startsWith("=")) f = f.slice(1).trim();
  if (f === "") return fail("Formelen er tom.", "#ERROR!");
  const locale = opts.locale === "en" || opts.locale === "nb" ? opts.locale : detectLocale(f);
  const nb = locale === "nb";
  let out = "";
  let braces = 0;
  const calls: Call[] = [];
  const refs: string[] = [];
  const top = () => calls[calls.length - 1];
  const markAny = () => {
    const c = top();
    if (c) c.any = true;
  };

  for (let i = 0; i < f.length;) {
    const ch = f[i];
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        const k = f.indexOf('"', j);
        if (k < 0) return fail(`Formelen har et anførselstegn (") uten slutt.`, "#ERROR!");
        if (f[k + 1] === '"') j = k + 2;
        else {
          j = k + 1;
          break;
        }
      }
      markAny();
      out += f.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "'") {
      const k = f.indexOf("'", i + 1);
      if (k < 0) return fail("Formelen har en apostrof (') uten slutt.", "#ERROR!");
      if (!opts.references)
        return fail(
          `«${f.slice(i, k + 1)}» viser til et ark, men det er ingen arbeidsbok å lese fra. Skriv verdiene inn i formelen, f.eks. {1;2;3}.`,
          "#REF!",
        );
      markAny();
      out += f.slice(i, k + 1);
      i = k + 1;
      continue;
    }
    if (DIGIT.test(ch) || (ch === (nb ? "," : ".") && DIGIT.test(f[i + 1] ?? ""))) {
      const dec = nb ? "," : ".";
      const re = nb ? /^(\d*(?:,\d+)?)([eE][+-]?\d+)?/ : /^(\d*(?:\.\d+)?)([eE][+-]?\d+)?/;
      const m = re.exec(f.slice(i))!;
      const len = Math.max(1, m[0].length); // always advance (m[0] starts with a digit or the decimal sign)
      let mantissa = m[1];
      const exponent = m[2]?.slice(1);
      const next = f[i + len] ?? "";
      if (nb && next === "." && DIGIT.test(f[i + len + 1] ?? "")) {
        return fail(
          `«${f.slice(i, i + len + 2)}…»: når «;» skiller argumentene, er «,» desimalkomma (skriv 1194000,5). Tall med punktum hører til formler med «,» mellom argumentene.`,
          "#ERROR!",
        );
      }
      if (IDENT.test(next))
        return fail(`«${f.slice(i, i + len + 1)}» er verken et tall eller et navn.`, "#ERROR!");
      if (next === ":" && !opts.references) {
        return fail(
          `«${f.slice(i).split(/[;,)]/)[0]}» er et område, men det er ingen arbeidsbok å lese fra. Skriv verdiene inn i formelen, f.eks. {1;2;3}.`,
          "#REF!",
        );
      }
      if (mantissa.startsWith(dec)) mantissa = `0${mantissa}`;
      if (mantissa.endsWith(dec)) mantissa = mantissa.slice(0, -1);
      if (nb) mantissa = mantissa.replace(",", ".");
      const plain = plainNumber(mantissa, exponent);
      if (plain === null) return fail(`Tallet «${m[0]}» er for stort.`, "#NUM!");
      markAny();
      out += plain;
      i += len;
      continue;
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < f.length && IDENT.test(f[j])) j++;
      // a sheet-qualified reference: Ark1!A1
      if (f[j] === "!") {
        if (!opts.references)
          return fail(
            `«${f.slice(i, j + 1)}» viser til et ark, men det er ingen arbeidsbok å lese fra. Skriv verdiene inn i formelen, f.eks. {1;2;3}.`,
            "#REF!",
          );
        markAny();
        out += f.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      const word = f.slice(i, j);
      let k = j;
      while (f[k] === " ") k++;
      const up = word.toUpperCase();
      if (f[k] === "(") {
        const english = NORWEGIAN_NAMES[up] ?? up;
        const arity = opts.custom[english] ?? BUILTIN_ARITY[english];
        if (!arity && !(english in opts.custom) && opts.knownOnly !== false) {
          return fail(
            `Ukjent funksjon ${word}. rst eval kjenner RST-funksjonene (${Object.keys(opts.custom)
              .slice(0, 3)
              .join(", ")} …) og vanlige Excel-funksjoner som SUMMER/SUM, AVRUND/ROUND og HVIS/IF.`,
            "#NAME?",
          );
        }
        markAny();
        calls.push({ name: word, arity, args: 0, any: false });
        out += `${english}(`;
        i = k + 1;
        continue;
      }
      if (up === "SANN" || up === "TRUE" || up === "USANN" || up === "FALSE") {
        markAny();
        out += up === "SANN" || up === "TRUE" ? "TRUE" : "FALSE";
        i = j;
        continue;
      }
      if (CELL_REF.test(word) || COL_REF.test(word)) {
        if (!opts.references)
          return fail(
            `«${word}» er en cellereferanse, men det er ingen arbeidsbok å lese fra. Skriv verdiene inn i formelen, f.eks. {1;2;3}.`,
            "#REF!",
          );
        refs.push(word.toUpperCase().replace(/\$/g, ""));
        markAny();
        out += word;
        i = j;
        continue;
      }
      return fail(`Ukjent navn «${word}» i formelen.`, "#NAME?");
    }
    switch (ch) {
      case "(":
        markAny();
        calls.push({ name: null, args: 0, any: false });
        out += "(";
        break;
      case ")": {
        const c = calls.pop();
        if (!c) return fail("Formelen har en «)» for mye.", "#ERROR!");
        if (c.name !== null) {
          const n = c.any || c.args > 0 ? c.args + 1 : 0;
          if (c.arity && (n < c.arity.min || n > c.arity.max)) {
            return fail(`${arityText(c.name.toUpperCase(), c.arity)}, men fikk ${n}.`);
          }
        }
        out += ")";
        break;
      }
      case "{":
        markAny();
        braces++;
        out += "{";
        break;
      case "}":
        if (braces === 0) return fail("Formelen har en «}» for mye.", "#ERROR!");
        braces--;
        out += "}";
        break;
      case ";":
        if (braces > 0) out += ";";
        else {
          const c = top();
          if (!c || c.name === null) return fail("«;» står utenfor en funksjon.", "#ERROR!");
          c.args++;
          out += ",";
        }
        break;
      case ",":
        if (nb) {
          return fail(
            "Når «;» skiller argumentene, er «,» desimalkomma og må stå i et tall (skriv 1194000,5).",
            "#ERROR!",
          );
        }
        if (braces > 0) out += ",";
        else {
          const c = top();
          if (!c || c.name === null) return fail("«,» står utenfor en funksjon.", "#ERROR!");
          c.args++;
          out += ",";
        }
        break;
      case "\\":
        if (!nb || braces === 0) return fail("«\\» skiller bare kolonner i en matrise: {1\\2}.", "#ERROR!");
        out += ",";
        break;
      default:
        if (ch !== " " && ch !== "\t" && ch !== "\n") markAny();
        out += ch;
    }
    i++;
  }
  if (calls.length > 0) return fail("Formelen mangler en «)».", "#ERROR!");
  if (braces > 0) return fail("Formelen mangler en «}».", "#ERROR!");
  return { ok: true, text: out, locale, references: refs };
}
