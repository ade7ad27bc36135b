/**
 * Number tokens in money text: "2 752 884", "1.100.000", "1,5 mill. kr", "kr 1 734,-", "611'", "−4 200".
 * One left-to-right scan over char codes; the unit words are matched by hand (see amount-chars.ts).
 */
import {
  byLastChar,
  codeAt,
  isAlnumAt,
  isApostrophe,
  isDigitAt,
  isDigitCode,
  isGroupSpace,
  isLetterCode,
  isMinus,
  isSpace,
  letterAfter,
  letterBefore,
  skipSpaces,
  wordAt,
  wordBefore,
  wordEndingAt,
} from "./amount-chars";

export interface NumberToken {
  start: number; // including sign and "kr" prefix
  end: number; // after suffix ("kr", "mill.", ",-")
  value: number;
  money: boolean;
  /** "1.100" without a currency word: 1 100 or 1,1? Never taken as money. */
  ambiguous: boolean;
  /** A currency or multiplier word, ",-" or "'" says it is money (not only its thousands groups). */
  marked: boolean;
  /** Where scanning goes on after this number. */
  next: number;
}

/**
 * What scanning a number at a digit gives: the token it read, or (no token there) the index where
 * scanning goes on. Pure: everything the caller needs is in the result.
 */
export type NumberScan = NumberToken | number;

/**
 * Multiplier words and their powers of ten, tried in this order: the first one followed by neither
 * letter nor digit wins ("mill." before "mill").
 */
const MULTIPLIER_POWER = new Map<string, number>([
  ["millioner", 6],
  ["million", 6],
  ["mill.kr.", 6],
  ["mill.kr", 6],
  ["mill.", 6],
  ["mill", 6],
  ["mnok", 6],
  ["milliarder", 9],
  ["milliard", 9],
  ["mrd.", 9],
  ["mrd", 9],
  ["tusen", 3],
  // Thousand kroner: the currency is in the word ("300 tkr", "300 t.kr", "300 TNOK").
  ["tkr", 3],
  ["t.kr.", 3],
  ["t.kr", 3],
  ["tnok", 3],
]);
const MULTIPLIER_WORDS = [...MULTIPLIER_POWER.keys()];
const CURRENCY_WORDS = ["kroner", "kr", "nok"];
/** The unit words starting with a letter, in their order: only these can match where it stands. */
const startingWith = (words: string[], first: string) => words.filter((w) => w.startsWith(first));
const MULTIPLIERS_M = startingWith(MULTIPLIER_WORDS, "m");
const MULTIPLIERS_T = startingWith(MULTIPLIER_WORDS, "t");
const CURRENCY_K = startingWith(CURRENCY_WORDS, "k");
const CURRENCY_N = startingWith(CURRENCY_WORDS, "n");

/** 10^0 … 10^22, all exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** Up to 15 digits the value is exact in a double, and so is M · 10^e or M / 10^e correctly rounded. */
const EXACT_DIGITS = 15;

/** The first of words at s[i] (any case, as /iu) not followed by a letter or digit, else undefined. */
function unitWordAt(s: string, i: number, words: readonly string[]): string | undefined {
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const e = i + w.length;
    if (wordAt(s, i, w) && !letterAfter(s, e, s.length) && !isDigitAt(s, e)) return w;
  }
  return undefined;
}

/**
 * A "kr", "kr.", "NOK" prefix (optionally followed by ":") ending right before `end`, looking no further
 * back than lo: where it starts, else -1. In s[lo..end], as
 * /(?<![\p{L}\d])(kr\.?|nok)[ \u00A0\u202F\u2009]*:?[ \u00A0\u202F\u2009]*$/iu.
 */
function currencyPrefixStart(s: string, lo: number, end: number): number {
  let b = end;
  while (b > lo && isGroupSpace(codeAt(s, b - 1))) b--;
  if (b > lo && codeAt(s, b - 1) === 58 /* : */) {
    b--;
    while (b > lo && isGroupSpace(codeAt(s, b - 1))) b--;
  }
  let w = -1;
  if (wordBefore(s, b, "kr.", lo)) w = b - 3;
  else if (wordBefore(s, b, "kr", lo)) w = b - 2;
  else if (wordBefore(s, b, "nok", lo)) w = b - 3;
  if (w < 0 || letterBefore(s, w, lo) || (w - 1 >= lo && isDigitAt(s, w - 1))) return -1;
  return w;
}

/** Decimal string "int" + "." + "dec" shifted by 10^power without binary rounding errors. */
function shiftedValue(intDigits: string, decDigits: string, power: number): number {
  if (power > 0) {
    const padded = decDigits.padEnd(power, "0");
    intDigits += padded.slice(0, power);
    decDigits = padded.slice(power);
  }
  return Number(decDigits ? `${intDigits}.${decDigits}` : intDigits);
}

/** The value of the three digits at s[i..i+2] when no fourth one follows, else -1. */
function groupAt(s: string, i: number): number {
  const a = codeAt(s, i) - 48;
  const b = codeAt(s, i + 1) - 48;
  const c = codeAt(s, i + 2) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9 || isDigitAt(s, i + 3)) return -1;
  return a * 100 + b * 10 + c;
}

/**
 * Reads the number starting at digit index i (the caller checked the character before it).
 * money=false for counts, years and bare small numbers; a plain index (where to go on) when the
 * digits are no amount at all (percentages, dates, ids, ratios).
 */
function readNumber(s: string, i: number, prefixFrom: number): NumberScan {
  const n = s.length;
  let j = i;
  let mantissa = 0; // every digit read so far (integer and decimals), exact while at most 15 of them
  for (let c = codeAt(s, j); isDigitCode(c); c = codeAt(s, ++j)) mantissa = mantissa * 10 + c - 48;
  let intLength = j - i;
  let spaceGroups = 0;
  let dotGroups = 0;

  if (j - i <= 3) {
    // "2 752 884" with any of the thousands separators.
    for (let g = 0; isGroupSpace(codeAt(s, j)) && (g = groupAt(s, j + 1)) >= 0; j += 4) {
      mantissa = mantissa * 1000 + g;
      spaceGroups++;
    }
    // "1.100.000" (only counted as grouping when unambiguous, see below).
    if (spaceGroups === 0) {
      for (let g = 0; codeAt(s, j) === 46 && (g = groupAt(s, j + 1)) >= 0; j += 4) {
        mantissa = mantissa * 1000 + g;
        dotGroups++;
      }
    }
    // "300'000", "1’200’000": apostrophes as thousands separators (not "611'" = 611 000).
    if (spaceGroups === 0 && dotGroups === 0) {
      for (let g = 0; isApostrophe(codeAt(s, j)) && (g = groupAt(s, j + 1)) >= 0; j += 4) {
        mantissa = mantissa * 1000 + g;
        spaceGroups++;
      }
    }
    intLength += 3 * (spaceGroups + dotGroups);
  }

  // Dates, ids and ratios ("30.06.2026", "1.1.1", "19/26", "1.100.2026"): not money.
  const cj = codeAt(s, j);
  if ((cj === 46 || cj === 47) && isDigitAt(s, j + 1)) {
    // Unless it is "1.5 mill" (decimal point followed by a multiplier).
    let d = j + 1;
    while (d < n && isDigitAt(s, d)) d++;
    if (!(
      cj === 46 &&
      dotGroups === 0 &&
      spaceGroups === 0 &&
      d - j <= 3 &&
      codeAt(s, d) !== 46 &&
      unitWordAt(s, skipSpaces(s, d), MULTIPLIER_WORDS) !== undefined
    )) {
      for (let c = codeAt(s, d); isDigitCode(c) || ((c === 46 || c === 47) && isDigitAt(s, d + 1));)
        c = codeAt(s, ++d);
      return d;
    }
  }

  let decStart = j;
  let decLength = 0;
  let marker = false;
  let k = j;
  if ((cj === 44 || cj === 46) && isDigitAt(s, k + 1)) {
    decStart = k + 1;
    k++;
    for (let c = codeAt(s, k); isDigitCode(c); c = codeAt(s, ++k)) mantissa = mantissa * 10 + c - 48;
    decLength = k - decStart;
  } else if (cj === 44 && (codeAt(s, k + 1) === 45 || codeAt(s, k + 1) === 0x2013)) {
    marker = true; // "1 734,-": whole kroner
    k += 2;
  }
  let power = 0;
  if (isApostrophe(codeAt(s, k)) && !isApostrophe(codeAt(s, i - 1))) {
    power = 3; // "611'" = 611 000
    marker = true;
    k++;
  }

  // What follows decides percentages and counts.
  let m = skipSpaces(s, k);
  const cm = codeAt(s, m);
  if (cm === 37 /* % */ || cm === 0x2030) return m + 1;
  const c0 = cm | 0x20; // lower-cased ASCII letter for the cheap pre-checks below
  if (c0 === 0x70 /* p */ && wordAt(s, m, "prosent") && !letterAfter(s, m + 7, n)) return m;
  if ((cm === 120 /* x */ || cm === 88 /* X */ || cm === 0xd7) && isDigitAt(s, skipSpaces(s, m + 1)))
    return m + 1; // "12 X 50%", "2x50%"

  let end = k;
  if (c0 === 0x6d /* m */ || c0 === 0x74 /* t */) {
    const word = unitWordAt(s, m, c0 === 0x6d ? MULTIPLIERS_M : MULTIPLIERS_T);
    if (word !== undefined) {
      power += MULTIPLIER_POWER.get(word) ?? 0;
      marker = true;
      end = m + word.length;
      m = skipSpaces(s, end);
    }
  }
  const c1 = codeAt(s, m) | 0x20;
  if (c1 === 0x6b /* k */ || c1 === 0x6e /* n */) {
    const word = unitWordAt(s, m, c1 === 0x6b ? CURRENCY_K : CURRENCY_N);
    // "Budsjett 2026 kr 1 000 000": after a year, "kr" followed by digits is the next amount's prefix.
    const prefixOfNext =
      word !== undefined &&
      !marker &&
      decLength === 0 &&
      intLength === 4 &&
      spaceGroups === 0 &&
      dotGroups === 0 &&
      mantissa >= 1900 &&
      mantissa <= 2100 &&
      isDigitAt(s, skipSpaces(s, m + word.length + (codeAt(s, m + word.length) === 46 ? 1 : 0)));
    if (word !== undefined && !prefixOfNext) {
      marker = true;
      end = m + word.length;
    }
  }

  // Sign and "kr"/"NOK" prefix before the digits.
  let start = i;
  let negative = false;
  if (i - 1 >= prefixFrom && isMinus(codeAt(s, i - 1)) && !isAlnumAt(s, i - 2)) {
    negative = true;
    start = i - 1;
  }
  // "kr", "kr.", "NOK", "kr:" end in r, ".", k or ":" (after optional spaces).
  let b = start - 1;
  while (b >= prefixFrom && isSpace(codeAt(s, b))) b--;
  const cb = b >= prefixFrom ? codeAt(s, b) | 0x20 : 0;
  if (
    start > prefixFrom &&
    (cb === 0x72 /* r */ || cb === 0x6b /* k */ || cb === 0x2e /* . */ || cb === 0x3a) /* : */
  ) {
    const pre = currencyPrefixStart(s, Math.max(prefixFrom, start - 12), start);
    if (pre >= 0) {
      marker = true;
      start = pre;
      if (!negative && isMinus(codeAt(s, i - 1))) negative = true;
    }
  }

  const grouped = spaceGroups > 0 || dotGroups >= 2;
  const e = power - decLength;
  const value =
    intLength + decLength <= EXACT_DIGITS
      ? e >= 0
        ? mantissa * POW10[e]
        : mantissa / POW10[-e]
      : shiftedValue(s.slice(i, j).replace(/\D/g, ""), s.slice(decStart, decStart + decLength), power);
  const yearLike =
    !grouped && dotGroups === 0 && decLength === 0 && intLength === 4 && value >= 1900 && value <= 2100;
  const money = marker || (grouped && value >= 1000 && !yearLike);
  const signed = negative && value !== 0 ? -value : value;
  const ambiguous = dotGroups === 1 && !marker;
  const next = Math.max(end, j, i + 1);
  return { start, end, value: signed, money, ambiguous, marked: marker, next };
}

/** Words that may touch the digits they introduce: "kr200 000", "NOK200 000", "ca.200 000". */
const GLUED_PREFIXES = byLastChar(["kr", "nok", "ca"]);

/** Whether s just before `end` is one of GLUED_PREFIXES as a whole word. */
function gluedPrefixBefore(s: string, end: number): boolean {
  const word = wordEndingAt(s, end, GLUED_PREFIXES, 0);
  return word !== undefined && !letterBefore(s, end - word.length, 0);
}

/**
 * The number whose digits start at s[i] (a token, money or not), or the index where scanning goes on
 * when the digits are no number of their own (glued to a word, part of a date or a percentage).
 * lastEnd: where the previous token ended (a sign or "kr" is not read back past it).
 * lenientBare also takes bare numbers ("410000") as money.
 */
export function numberAt(s: string, i: number, lastEnd: number, lenientBare: boolean): NumberScan {
  if (i > 0) {
    const p = codeAt(s, i - 1);
    // The minutes of a clock time ("kl. 12:30 200 000 kr" is no 30 200 000).
    if (
      p === 58 /* : */ &&
      isDigitAt(s, i - 2) &&
      !isDigitAt(s, i - 4) &&
      isDigitAt(s, i + 1) &&
      !isDigitAt(s, i + 2)
    )
      return i + 2;
    const dotOrSlash = p === 46 /* . */ || p === 47; /* / */
    if (dotOrSlash || p === 44 /* , */ || isDigitCode(p) || isLetterCode(p)) {
      // "x200", "lønn/200", "ca.200": glued to a word (not "1.200" or "19/26").
      const wordGlued = isLetterCode(p) || (dotOrSlash && isLetterCode(codeAt(s, i - 2)));
      if (!wordGlued || !gluedPrefixBefore(s, dotOrSlash ? i - 1 : i)) {
        // Digits glued to a word, a decimal or a date part start no number. After a word, neither do
        // the thousands groups that clearly continue them ("x200 000 kr", "x20 000 kr" are no amount,
        // not 0 kr from "000 kr"); "TV2 200 000 kr" keeps its 200 000.
        let e = i + 1;
        while (isDigitAt(s, e)) e++;
        const nextGroupStartsWithZero = codeAt(s, e + 1) === 48;
        if (wordGlued && (e - i === 3 || nextGroupStartsWithZero))
          while (isGroupSpace(codeAt(s, e)) && groupAt(s, e + 1) >= 0) e += 4;
        return e;
      }
    }
  }
  const scan = readNumber(s, i, lastEnd);
  if (typeof scan === "number") return Math.max(i + 1, scan);
  if (!scan.money && lenientBare && !scan.ambiguous) scan.money = true;
  return scan;
}

/** Every money token in s (numberAt at each digit where a number may start). */
export function scanTokens(s: string, lenientBare: boolean): NumberToken[] {
  const tokens: NumberToken[] = [];
  let lastEnd = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isDigitAt(s, i)) continue;
    const scan = numberAt(s, i, lastEnd, lenientBare);
    if (typeof scan === "number") {
      i = scan - 1;
      continue;
    }
    if (scan.money) {
      tokens.push(scan);
      lastEnd = scan.end;
    }
    i = scan.next - 1;
  }
  return tokens;
}
