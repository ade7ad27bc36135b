/**
 * One pass over a cell (scanCell) finds its money tokens, its clauses (sentences and "Finansiering 2027:" /
 * "Fra SiV:" leads) and its years; clauseYear then finds the year each clause ties its money to.
 * Hand-written scans over char codes; where one stands in for a regex, the regex is quoted.
 */
import {
  byLastChar,
  codeAt,
  isAlnumAt,
  isDigitAt,
  isLetterCode,
  isRegexSpace,
  isSpace,
  letterAfter,
  letterBefore,
  skipSpaces,
  wordAt,
  wordBefore,
  wordEndingAt,
} from "./amount-chars";
import { numberAt, type NumberToken } from "./amount-number";
import { isBracketPeriod, perYearBefore } from "./amount-period";

const NO_SPLIT_ABBREVIATIONS = new Set([
  "kr",
  "mill",
  "mrd",
  "nok",
  "evt",
  "pr",
  "ca",
  "jf",
  "jfr",
  "nr",
  "inkl",
  "ekskl",
  "tom",
  "fom",
  "mnd",
  "dvs",
  "bl",
  "mv",
  "m",
  "o",
  "t",
  "f",
  "a",
  "ref",
  "vedr",
  "iflg",
  "ifm",
  "ift",
  "tlf",
  "kl",
  "st",
]);
const CURRENCY_ABBREVIATIONS = new Set(["kr", "mill", "mrd", "nok"]);
/** No abbreviation above is longer; a longer word before a full stop ends the sentence. */
const LONGEST_ABBREVIATION = 5;

/** A year (1900–2099) written as four digits at s[i..i+3], not part of a longer number or word. */
function isYearAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  const c2 = codeAt(s, i + 1);
  return (
    ((c === 49 && c2 === 57) || (c === 50 && c2 === 48)) && // "19" or "20"
    isDigitAt(s, i + 2) &&
    isDigitAt(s, i + 3) &&
    !isDigitAt(s, i + 4) &&
    !isAlnumAt(s, i - 1) &&
    // Not the last part of a date or a case number ("01.2026", "sak 12/2025").
    !((codeAt(s, i - 1) === 47 || codeAt(s, i - 1) === 46) && isDigitAt(s, i - 2))
  );
}

function skipRegexSpacesBack(s: string, lo: number, p: number): number {
  while (p > lo && isRegexSpace(codeAt(s, p - 1))) p--;
  return p;
}

const FINANSIERING_LINKS = byLastChar(["fra", "for", "i", "fom", "f.o.m.", "f.o.m"]);

/**
 * /(?<![\p{L}])(?:evt\.?\s+)?finansiering(?:\s+(?:fra|for|i|fom|f\.o\.m\.?))?\s+$/iu in s[lo..hi]:
 * where the match starts, else -1.
 */
function finansieringLeadStart(s: string, lo: number, hi: number): number {
  const t = skipRegexSpacesBack(s, lo, hi);
  if (t === hi) return -1;
  let f = -1; // where "finansiering" starts
  if (wordBefore(s, t, "finansiering", lo)) f = t - 12;
  else {
    // No link is the end of another, so at most one of them ends at t.
    const link = wordEndingAt(s, t, FINANSIERING_LINKS, lo);
    if (link === undefined) return -1;
    const u = skipRegexSpacesBack(s, lo, t - link.length);
    if (u < t - link.length && wordBefore(s, u, "finansiering", lo)) f = u - 12;
  }
  if (f < 0) return -1;
  const v = skipRegexSpacesBack(s, lo, f);
  if (v < f) {
    const e = v > lo && codeAt(s, v - 1) === 46 /* . */ ? v - 1 : v;
    if (wordBefore(s, e, "evt", lo) && !letterBefore(s, e - 3, lo)) return e - 3;
  }
  return letterBefore(s, f, lo) ? -1 : f;
}

/** [^\s:;.,\d] */
function isNameCode(c: number): boolean {
  return !(c === 58 || c === 59 || c === 46 || c === 44 || (c >= 48 && c <= 57) || isRegexSpace(c));
}

/**
 * /(?<![\p{L}])Fra\s+[^\s:;.,\d]+(?:\s+[^\s:;.,\d]+){0,2}\s*$/u in s[lo..hi]: where the match starts,
 * else -1. Walks back over up to three names; the leftmost "Fra" before them wins.
 */
function fromLeadStart(s: string, lo: number, hi: number): number {
  // Most colons end no such lead: "Fra", a space and a name must fit before the colon.
  const fra = s.indexOf("Fra", lo);
  if (fra < 0 || fra > hi - 5) return -1;
  let start = -1;
  let end = skipRegexSpacesBack(s, lo, hi);
  for (let names = 1; names <= 3; names++) {
    let q = end;
    let valid = true;
    for (; q > lo; q--) {
      const c = codeAt(s, q - 1);
      if (isRegexSpace(c)) break;
      if (!isNameCode(c)) valid = false;
    }
    if (q === end || !valid) break;
    const r = skipRegexSpacesBack(s, lo, q);
    if (r === q) break;
    if (r - 3 >= lo && s.startsWith("Fra", r - 3) && !letterBefore(s, r - 3, lo)) start = r - 3;
    end = r;
  }
  return start;
}

/**
 * Where a lead ending at the colon s[colon] starts: "Finansiering 2027:", "Evt finansiering 2027:",
 * "Finansiering fra 2027:", "2027:", "Fra SiV:". -1 when the colon ends no lead.
 */
function leadBefore(s: string, colon: number): number {
  let e = colon - 1;
  while (e >= 0 && isSpace(codeAt(s, e))) e--;
  if (e >= 3 && isYearAt(s, e - 3)) {
    const yearStart = yearListStartBefore(s, e - 3);
    const lead = finansieringLeadStart(s, Math.max(0, yearStart - 40), yearStart);
    return lead >= 0 ? lead : yearStart;
  }
  return fromLeadStart(s, Math.max(0, colon - 60), colon);
}

/** A letter at s[i] that lower-casing leaves alone (toLowerCase is only asked beyond ASCII). */
function isLowerStartAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  if (!isLetterCode(c)) return false;
  return c < 128 ? c >= 97 : s[i] === s[i].toLowerCase();
}
function isUpperStartAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  if (!isLetterCode(c)) return false;
  return c < 128 ? c <= 90 : s[i] !== s[i].toLowerCase();
}

function endsToken(tokens: readonly NumberToken[], i: number): boolean {
  for (let k = 0; k < tokens.length; k++) if (tokens[k].end === i) return true;
  return false;
}

/** A cell read in one pass: its money tokens, where its clauses start and where it writes years. */
export interface CellScan {
  tokens: NumberToken[];
  /** Ascending, the first at 0; each clause runs to the next start or the end of the cell. */
  starts: number[];
  /** Where isYearAt holds, ascending. */
  years: number[];
  /** Numbers read that are not money (counts, bare small numbers, years), in order. */
  others: NumberToken[];
}

/**
 * Clauses end after ";", line breaks and full stops (not after abbreviations and ordinals; a "kr." right
 * after an amount ends one unless a lower-case word follows) and before a lead ("Fra SiV:").
 */
export function scanCell(s: string): CellScan {
  const n = s.length;
  const tokens: NumberToken[] = [];
  const others: NumberToken[] = [];
  const years: number[] = [];
  // Cuts after ";", line breaks and full stops, and lead starts, as they are found: ascending unless
  // a lead spans a ";" or a full stop, which sorts them at the end.
  const starts = [0];
  let sorted = true;
  let tokenFrom = 0; // no token starts before this
  let leadColon = -1; // the colon of the last lead found
  let lastEnd = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 59 /* ; */) continue; // letters and most punctuation: nothing to do
    let cut = -1;
    if (c >= 48 && c <= 57) {
      if ((c === 49 || c === 50) && isYearAt(s, i)) years.push(i);
      if (i >= tokenFrom) {
        // Every token ending at a later full stop is known by then (it starts before it).
        const scan = numberAt(s, i, lastEnd, false);
        if (typeof scan === "number") tokenFrom = scan;
        else {
          if (scan.money) {
            tokens.push(scan);
            lastEnd = scan.end;
          } else others.push(scan);
          tokenFrom = scan.next;
        }
      }
    } else if (c === 59 /* ; */) {
      cut = i + 1;
    } else if (c === 10 || c === 13) {
      // A lead's money may stand on the next line ("Fra SiV:\n200 000 kr"): no cut right after it.
      if (leadColon < 0 || skipRegexSpacesBack(s, 0, i) !== leadColon + 1) cut = i + 1;
    } else if (c === 58 /* : */) {
      cut = leadBefore(s, i);
      if (cut >= 0) {
        leadColon = i;
        // A lead that spans a line break ("Fra\nSiV:") is one clause: drop the line-break cuts inside it.
        while (
          starts.length > 1 &&
          starts[starts.length - 1] > cut &&
          isLineBreakCut(s, starts[starts.length - 1])
        )
          starts.pop();
      }
    } else if (c === 46 /* . */ && (i + 1 === n || isSpace(codeAt(s, i + 1)) || codeAt(s, i + 1) === 10)) {
      if (endsSentence(s, i, tokens)) cut = i + 1;
    }
    if (cut > 0 && cut < n) {
      const last = starts[starts.length - 1];
      if (cut > last) starts.push(cut);
      else if (cut < last) {
        starts.push(cut);
        sorted = false;
      }
    }
  }
  return { tokens, starts: sorted ? starts : sortedStarts(starts), years, others };
}

/** starts sorted, without repeats. */
function sortedStarts(starts: number[]): number[] {
  starts.sort((a, b) => a - b);
  return starts.filter((c, k) => k === 0 || c > starts[k - 1]);
}

function isLineBreakCut(s: string, cut: number): boolean {
  const c = codeAt(s, cut - 1);
  return c === 10 || c === 13;
}

/** Whether the full stop at s[i] (followed by a space, a line break or the end) ends a sentence. */
function endsSentence(s: string, i: number, tokens: readonly NumberToken[]): boolean {
  const next = skipSpaces(s, i + 1);
  let w = i;
  while (w > 0 && i - w <= LONGEST_ABBREVIATION && isLetterCode(codeAt(s, w - 1))) w--;
  if (w < i) {
    if (i - w > LONGEST_ABBREVIATION) return true; // a longer word than any abbreviation
    const word = s.slice(w, i).toLowerCase();
    const currency = CURRENCY_ABBREVIATIONS.has(word);
    if (currency && endsToken(tokens, i)) return !isLowerStartAt(s, next);
    return !(NO_SPLIT_ABBREVIATIONS.has(word) && !(currency && isUpperStartAt(s, next)));
  }
  return !(i > 0 && isDigitAt(s, i - 1) && isLowerStartAt(s, next)); // ordinal: "1. kvartal"
}

const TIE_WORDS = byLastChar([
  "i",
  "for",
  "fra",
  "fom",
  "f.o.m.",
  "f.o.m",
  "innen",
  "per",
  "pr.",
  "pr",
  "ut",
]);
/** A season before a year ties money to it ("høsten 2025", "for våren 2026"); a month does not (a period). */
const SEASON_WORDS = ["høsten", "høst", "våren", "vår", "sommeren", "vinteren"];
const SEASONS = byLastChar(SEASON_WORDS);

/** The start of a season word ending (after spaces) just before hi, else -1. */
function seasonBefore(s: string, lo: number, hi: number): number {
  const t = skipRegexSpacesBack(s, lo, hi);
  if (t === hi) return -1;
  const word = wordEndingAt(s, t, SEASONS, lo);
  return word !== undefined && !letterBefore(s, t - word.length, lo) ? t - word.length : -1;
}

/** /(?<![\p{L}])(?:i|for|fra|fom|f\.o\.m\.?|innen|per|pr\.?)\s+$/iu in s[lo..hi]. */
function tieWordBefore(s: string, lo: number, hi: number): boolean {
  const t = skipRegexSpacesBack(s, lo, hi);
  if (t === hi) return false;
  // No word is the end of another, so at most one of them ends at t.
  const word = wordEndingAt(s, t, TIE_WORDS, lo);
  return word !== undefined && !letterBefore(s, t - word.length, lo);
}

/** The year isYearAt found at s[i]. */
function yearValue(s: string, i: number): number {
  return (codeAt(s, i) === 49 ? 1900 : 2000) + (codeAt(s, i + 2) - 48) * 10 + codeAt(s, i + 3) - 48;
}

/** How a list of years shares an amount: the amount in each year, or once for all of them. */
export type YearMode = "each" | "together";

/** A year or list of years the text ties money to, at s[start..end). */
export interface YearTie {
  start: number;
  end: number;
  years: number[];
  mode: YearMode;
}

/** A year, or years joined by "og", ",", "&", "-", "–", "til" ("2024 og 2025", "2025-2027", "2026 og i 2027"). */
interface YearList {
  years: number[];
  end: number;
  range: boolean;
  /** Every year after the first has its own "i"/"for" ("i 2026 og i 2027"). */
  eachTied: boolean;
}

/** After s[..p) (spaces skipped): the separator of a year list, its end and whether it is a range. */
function yearSeparator(s: string, p: number, hi: number): { end: number; range: boolean } | null {
  const c = codeAt(s, p);
  if (c === 45 || c === 0x2013 || c === 0x2014) return { end: p + 1, range: true };
  if (c === 44 || c === 38) return { end: p + 1, range: false }; // , &
  if (wordAt(s, p, "og", hi) && !letterAfter(s, p + 2, hi)) return { end: p + 2, range: false };
  if (wordAt(s, p, "til", hi) && !letterAfter(s, p + 3, hi)) return { end: p + 3, range: true };
  return null;
}

function yearListAt(s: string, i: number, hi: number): YearList {
  const years = [yearValue(s, i)];
  let end = i + 4;
  let range = false;
  let eachTied = true;
  for (;;) {
    // "2026/2027", "2026-27": two years written as one (isYearAt skips the second).
    const c = codeAt(s, end);
    if ((c === 47 || c === 45 || c === 0x2013) && isDigitAt(s, end + 1) && isDigitAt(s, end + 2)) {
      const long =
        c === 47 && isYearAt(s.slice(end + 1, end + 5).padEnd(5, " "), 0) && !isDigitAt(s, end + 5);
      const short = !isDigitAt(s, end + 3);
      const last = years[years.length - 1];
      const y = long
        ? yearValue(s, end + 1)
        : short
          ? Math.floor(last / 100) * 100 + (codeAt(s, end + 1) - 48) * 10 + codeAt(s, end + 2) - 48
          : 0;
      if (y > last && y - last <= 10) {
        for (let v = last + 1; v <= y; v++) years.push(v);
        range = true;
        eachTied = false;
        end += long ? 5 : 3;
        continue;
      }
    }
    let p = end;
    while (p < hi && isRegexSpace(codeAt(s, p))) p++;
    const sep = yearSeparator(s, p, hi);
    if (!sep) break;
    let q = sep.end;
    while (q < hi && isRegexSpace(codeAt(s, q))) q++;
    let tied = false;
    for (const w of ["i", "for"]) {
      if (wordAt(s, q, w, hi) && isRegexSpace(codeAt(s, q + w.length))) {
        tied = true;
        q += w.length;
        while (q < hi && isRegexSpace(codeAt(s, q))) q++;
        break;
      }
    }
    // "høsten 2025 og våren 2026": one period of two seasons.
    for (const w of SEASON_WORDS) {
      if (wordAt(s, q, w, hi) && isRegexSpace(codeAt(s, q + w.length))) {
        q += w.length;
        while (q < hi && isRegexSpace(codeAt(s, q))) q++;
        break;
      }
    }
    if (q + 4 > hi || !isYearAt(s, q)) break;
    const y = yearValue(s, q);
    const last = years[years.length - 1];
    if (y <= last || (sep.range && y - last > 20)) break;
    if (sep.range) {
      range = true;
      for (let k = last + 1; k <= y; k++) years.push(k);
    } else years.push(y);
    if (!tied) eachTied = false;
    end = q + 4;
  }
  return { years, end, range, eachTied };
}

/** Where a list of years ending with the year at s[i] starts ("2024 og 2025:" → at "2024"). */
function yearListStartBefore(s: string, i: number): number {
  let start = i;
  for (;;) {
    let p = start;
    while (p > 0 && isRegexSpace(codeAt(s, p - 1))) p--;
    let q = -1;
    const c = codeAt(s, p - 1);
    if (c === 45 || c === 0x2013 || c === 0x2014 || c === 44 || c === 38) q = p - 1;
    else if (wordBefore(s, p, "og", 0) && !letterBefore(s, p - 2, 0)) q = p - 2;
    else if (wordBefore(s, p, "til", 0) && !letterBefore(s, p - 3, 0)) q = p - 3;
    if (q < 0) return start;
    while (q > 0 && isRegexSpace(codeAt(s, q - 1))) q--;
    if (q < 4 || !isYearAt(s, q - 4)) return start;
    start = q - 4;
  }
}

/**
 * The years the clause s[lo..hi] ties money to, in order: "i 2025", "for 2026", "fra 2027", "2027:",
 * "Sum bevilget 2024 og 2025:" (together), "i 2026 og i 2027" (each), "fra 2025 til 2027" (together).
 * years: where the cell writes years (scanCell). A year with no tie word before it and no colon after
 * it ("nov 2025-okt 2027", "Som 2026") ties nothing.
 */
export function clauseTies(
  s: string,
  lo: number,
  hi: number,
  years: readonly number[],
  untied?: YearTie[],
  tokens: readonly NumberToken[] = [],
): YearTie[] {
  const ties: YearTie[] = [];
  let from = lo;
  for (let y = 0; y < years.length; y++) {
    const i = years[y];
    if (i < from) continue;
    if (i + 3 >= hi) break;
    const bracket = s.lastIndexOf("(", i) >= lo ? bracketOf(s, lo, hi, i) : null;
    if (bracket) {
      const period = bracketPeriodTie(s, bracket, years, tokens, lo);
      if (period) {
        ties.push(period);
        from = bracket[1];
        continue;
      }
    }
    const list = yearListAt(s, i, hi);
    from = list.end;
    let k = list.end;
    while (k < hi && isSpace(codeAt(s, k))) k++;
    const lead = k < hi && codeAt(s, k) === 58; /* : */
    const from24 = Math.max(lo, i - 24);
    const before = s.slice(from24, i);
    // "300 000 kr per år i 2026 og 2027", "hvert år 2026–2028": the amount in each of the years.
    const perYear = hasAr(s, from24, i) && perYearBefore(before);
    const tied =
      lead ||
      perYear ||
      tieWordBefore(s, Math.max(lo, i - 12), i) ||
      seasonTie(s, lo, i) ||
      // "Budsjett 2026 kr 1 000 000", "i perioden 2025–2027", "fordelt over 2026 og 2027".
      (hasLetterRun(before) && BUDGET_BEFORE_RE.test(before)) ||
      (list.years.length > 1 && PERIOD_BEFORE_RE.test(before)) ||
      // "NOK 600 000 (2025)": a bracket of years right beside money ties that money to them.
      (bracket !== null &&
        bracketHoldsOnly(s, bracket, i, list.end) &&
        moneyEndsBefore(s, lo, bracket[0], tokens)) ||
      // A table row: the year first, its amount right after ("2024 7 000 030").
      (skipRegexSpacesForward(s, lo, i) === i && k > list.end && isDigitAt(s, k));
    const mode: YearMode =
      list.years.length > 1 && !perYear && (lead || list.range || !list.eachTied) ? "together" : "each";
    const tie = { start: i, end: list.end, years: list.years, mode };
    if (tied) ties.push(tie);
    else untied?.push(tie);
  }
  return ties;
}

/** "år" or "/" in s[lo..hi): a per-year phrase may end there. */
function hasAr(s: string, lo: number, hi: number): boolean {
  const a = s.indexOf("år", lo);
  if (a >= 0 && a < hi) return true;
  const b = s.indexOf("/", lo);
  return b >= 0 && b < hi;
}

/** Every BUDGET_BEFORE_RE phrase holds one of these letter pairs; a cheap filter before it. */
function hasLetterRun(before: string): boolean {
  return /tt|lt|et|ad|at|med|av|år|al|q\d/i.test(before);
}

const BUDGET_BEFORE_RE =
  /(?<![\p{L}])(?:budsjett(?:et)?|budsjettår(?:et)?|bevilget|tildelt|kostnad(?:er)?|estimat|fra\s+og\s+med|utgangen\s+av|(?:i|for|innen)\s+(?:\d\.\s*)?(?:halvår|tertial|kvartal|q[1-4]))\s+$/iu;
const PERIOD_BEFORE_RE = /(?<![\p{L}])(?:perioden|periode|over)\s+$/iu;

/** [open, close] of the brackets around s[at] within s[lo..hi), else null (also when they do not close before hi). */
function bracketOf(s: string, lo: number, hi: number, at: number): [number, number] | null {
  let open = -1;
  for (let p = at - 1; p >= lo; p--) {
    const c = codeAt(s, p);
    if (c === 41) return null;
    if (c === 40) {
      open = p;
      break;
    }
  }
  if (open < 0) return null;
  const close = s.indexOf(")", at);
  return close < 0 || close >= hi ? null : [open, close];
}

/** Whether the bracket holds only the year list s[i..end) (and spaces). */
function bracketHoldsOnly(s: string, bracket: [number, number], i: number, end: number): boolean {
  return (
    skipRegexSpacesForward(s, bracket[0] + 1, i) === i &&
    skipRegexSpacesForward(s, end, bracket[1]) === bracket[1]
  );
}

/** A money token ends right before `at` (spaces skipped). */
function moneyEndsBefore(s: string, lo: number, at: number, tokens: readonly NumberToken[]): boolean {
  const e = skipRegexSpacesBack(s, lo, at);
  return tokens.some((t) => t.end === e);
}

/**
 * "3 000 000 kr over to år (nov 2025-okt 2027)", "300 000 kr (2025-2027)": a bracket after money
 * in the clause that is a period and nothing else ties the money to the period's years together.
 */
function bracketPeriodTie(
  s: string,
  bracket: [number, number],
  years: readonly number[],
  tokens: readonly NumberToken[],
  lo: number,
): YearTie | null {
  if (!tokens.some((t) => t.end <= bracket[0] && t.start >= lo)) return null;
  if (tokens.some((t) => t.start > bracket[0] && t.start < bracket[1])) return null;
  const inner = s.slice(bracket[0] + 1, bracket[1]);
  if (!isBracketPeriod(inner)) return null;
  let first = 0;
  let last = 0;
  for (const y of years) {
    if (y <= bracket[0] || y >= bracket[1]) continue;
    const list = yearListAt(s, y, bracket[1]).years; // "2026-27" is 2026 and 2027
    if (first === 0 || list[0] < first) first = list[0];
    if (list[list.length - 1] > last) last = list[list.length - 1];
  }
  if (first === 0 || last - first > 20) return null;
  const list: number[] = [];
  for (let v = first; v <= last; v++) list.push(v);
  return { start: bracket[0], end: bracket[1] + 1, years: list, mode: list.length > 1 ? "together" : "each" };
}

/** "for høsten 2025", "Høsten 2026: …": a season with a tie word before it, or opening the clause. */
function seasonTie(s: string, lo: number, i: number): boolean {
  const season = seasonBefore(s, Math.max(lo, i - 12), i);
  if (season < 0) return false;
  if (skipRegexSpacesForward(s, lo, season) === season || tieWordBefore(s, Math.max(lo, season - 12), season))
    return true;
  // "videreføring høsten 2026" ties; "(prosjektet startet høsten 2025)" and "siden høsten 2024" do not.
  return !bracketOpenBefore(s, lo, season) && !START_WORD_RE.test(s.slice(Math.max(lo, season - 14), season));
}

const START_WORD_RE = /(?<![\p{L}])(?:startet|oppstart|start|siden|etter|før|begynte|avsluttet)\s+$/iu;

function bracketOpenBefore(s: string, lo: number, at: number): boolean {
  let depth = 0;
  for (let p = lo; p < at; p++) {
    const c = s.charCodeAt(p);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

function skipRegexSpacesForward(s: string, p: number, hi: number): number {
  while (p < hi && isRegexSpace(codeAt(s, p))) p++;
  return p;
}
