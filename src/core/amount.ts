/**
 * Norwegian money text as finance staff write it in a handlingsplan's "Økonomi" cell:
 * "410 000 kr", "kr. 1 734,-", "1,5 mill. kr", "611'", "−4 200 000", several clauses each
 * with its own year ("Finansiering 2027:") and funding source ("Fra SiV:").
 * Pure and memoised; never throws on user text.
 */
import { LruMemo } from "./memo";

export const RST = "RST";

export interface Amount {
  value: number;
  year: number | null;
  source: string;
  span: [number, number];
  text: string;
}

export type AmountParse =
  | { kind: "amounts"; amounts: Amount[]; sources: string[] }
  | { kind: "none"; sources: string[]; reason: string };

// ---------------------------------------------------------------------------
// Character helpers (char codes: these run for every character of every cell)

const THOUSANDS_SEPS = new Set([" ", "\u00A0", "\u202F", "\u2009"]);
const SPACES = new Set([" ", "\u00A0", "\u202F", "\u2009", "\t"]);
const MINUS = new Set(["-", "\u2212"]);
const APOSTROPHES = new Set(["'", "\u2019", "\u00B4"]);
const LETTER_RE = /\p{L}/u;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isLetterChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === "") return false;
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c >= 128 && LETTER_RE.test(ch);
}

function isLetterAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c >= 128 && LETTER_RE.test(s[i]);
}

function isAlnumAt(s: string, i: number): boolean {
  return isDigitAt(s, i) || isLetterAt(s, i);
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && SPACES.has(s[i])) i++;
  return i;
}

// ---------------------------------------------------------------------------
// Number tokens

interface NumberToken {
  start: number; // including sign and "kr" prefix
  end: number; // after suffix ("kr", "mill.", ",-")
  value: number;
  money: boolean;
  /** "1.100" without a currency word: 1 100 or 1,1? Never taken as money. */
  ambiguous: boolean;
}

const MULTIPLIER_RE = /(millioner|million|mill\.?|mnok|milliarder|milliard|mrd\.?|tusen)(?![\p{L}\d])/iuy;
const CURRENCY_SUFFIX_RE = /(kroner|kr|nok)(?![\p{L}\d])/iuy;
const CURRENCY_PREFIX_RE = /(?<![\p{L}\d])(kr\.?|nok)[ \u00A0\u202F\u2009]*:?[ \u00A0\u202F\u2009]*$/iu;
const PERCENT_WORD_RE = /prosent(?![\p{L}])/iuy;
const MULTIPLIER_POWER: Record<string, number> = {
  millioner: 6,
  million: 6,
  mill: 6,
  "mill.": 6,
  mnok: 6,
  milliarder: 9,
  milliard: 9,
  mrd: 9,
  "mrd.": 9,
  tusen: 3,
};

/** Decimal string "int" + "." + "dec" shifted by 10^power without binary rounding errors. */
function shiftedValue(intDigits: string, decDigits: string, power: number): number {
  if (power > 0) {
    const padded = decDigits.padEnd(power, "0");
    intDigits += padded.slice(0, power);
    decDigits = padded.slice(power);
  }
  return Number(decDigits ? `${intDigits}.${decDigits}` : intDigits);
}

/**
 * Reads the number starting at digit index i (the caller checked the character before it).
 * Returns the token and where scanning continues; money=false for percentages, counts,
 * years, dates and bare small numbers.
 */
function readNumber(s: string, i: number, prefixFrom: number): { token: NumberToken | null; next: number } {
  const n = s.length;
  let j = i;
  while (j < n && isDigitAt(s, j)) j++;
  let intDigits = s.slice(i, j);
  let spaceGroups = 0;
  let dotGroups = 0;

  if (j - i <= 3) {
    // "2 752 884" with any of the thousands separators.
    while (
      j + 3 < n &&
      THOUSANDS_SEPS.has(s[j]) &&
      isDigitAt(s, j + 1) &&
      isDigitAt(s, j + 2) &&
      isDigitAt(s, j + 3) &&
      !isDigitAt(s, j + 4)
    ) {
      intDigits += s.slice(j + 1, j + 4);
      j += 4;
      spaceGroups++;
    }
    // "1.100.000" (only counted as grouping when unambiguous, see below).
    if (spaceGroups === 0) {
      while (
        j + 3 < n &&
        s[j] === "." &&
        isDigitAt(s, j + 1) &&
        isDigitAt(s, j + 2) &&
        isDigitAt(s, j + 3) &&
        !isDigitAt(s, j + 4)
      ) {
        intDigits += s.slice(j + 1, j + 4);
        j += 4;
        dotGroups++;
      }
    }
  }

  // Dates, ids and ratios ("30.06.2026", "1.1.1", "19/26", "1.100.2026"): not money.
  if ((s[j] === "." || s[j] === "/") && isDigitAt(s, j + 1)) {
    // Unless it is "1.5 mill" (decimal point followed by a multiplier).
    let d = j + 1;
    while (d < n && isDigitAt(s, d)) d++;
    const after = skipSpaces(s, d);
    MULTIPLIER_RE.lastIndex = after;
    if (!(
      s[j] === "." &&
      dotGroups === 0 &&
      spaceGroups === 0 &&
      d - j <= 3 &&
      s[d] !== "." &&
      MULTIPLIER_RE.test(s)
    )) {
      while (d < n && (isDigitAt(s, d) || ((s[d] === "." || s[d] === "/") && isDigitAt(s, d + 1)))) d++;
      return { token: null, next: d };
    }
  }

  let decDigits = "";
  let marker = false;
  let k = j;
  if ((s[k] === "," || s[k] === ".") && isDigitAt(s, k + 1)) {
    let d = k + 1;
    while (d < n && isDigitAt(s, d)) d++;
    decDigits = s.slice(k + 1, d);
    k = d;
  } else if (s[k] === "," && (s[k + 1] === "-" || s[k + 1] === "\u2013")) {
    marker = true; // "1 734,-": whole kroner
    k += 2;
  }
  let power = 0;
  if (APOSTROPHES.has(s[k]) && !APOSTROPHES.has(s[i - 1] ?? "")) {
    power = 3; // "611'" = 611 000
    marker = true;
    k++;
  }

  // What follows decides percentages and counts.
  let m = skipSpaces(s, k);
  if (s[m] === "%" || s[m] === "\u2030") return { token: null, next: m + 1 };
  const c0 = s.charCodeAt(m) | 0x20; // lower-cased ASCII letter for the cheap pre-checks below
  if (c0 === 0x70 /* p */) {
    PERCENT_WORD_RE.lastIndex = m;
    if (PERCENT_WORD_RE.test(s)) return { token: null, next: m };
  }
  if ((s[m] === "x" || s[m] === "X" || s[m] === "\u00D7") && isDigitAt(s, skipSpaces(s, m + 1))) {
    return { token: null, next: m + 1 }; // "12 X 50%", "2x50%"
  }

  let end = k;
  let mult: RegExpExecArray | null = null;
  if (c0 === 0x6d /* m */ || c0 === 0x74 /* t */) {
    MULTIPLIER_RE.lastIndex = m;
    mult = MULTIPLIER_RE.exec(s);
  }
  if (mult) {
    power += MULTIPLIER_POWER[mult[1].toLowerCase()] ?? 0;
    marker = true;
    end = m + mult[0].length;
    m = skipSpaces(s, end);
  }
  const c1 = s.charCodeAt(m) | 0x20;
  let cur: RegExpExecArray | null = null;
  if (c1 === 0x6b /* k */ || c1 === 0x6e /* n */) {
    CURRENCY_SUFFIX_RE.lastIndex = m;
    cur = CURRENCY_SUFFIX_RE.exec(s);
  }
  if (cur) {
    marker = true;
    end = m + cur[0].length;
  }

  // Sign and "kr"/"NOK" prefix before the digits.
  let start = i;
  let negative = false;
  if (i - 1 >= prefixFrom && MINUS.has(s[i - 1] ?? "") && !isAlnumAt(s, i - 2)) {
    negative = true;
    start = i - 1;
  }
  // "kr", "kr.", "NOK", "kr:" end in r, ".", k or ":" (after optional spaces).
  let b = start - 1;
  while (b >= prefixFrom && SPACES.has(s[b])) b--;
  const cb = b >= prefixFrom ? s.charCodeAt(b) | 0x20 : 0;
  if (
    start > prefixFrom &&
    (cb === 0x72 /* r */ || cb === 0x6b /* k */ || cb === 0x2e /* . */ || cb === 0x3a) /* : */
  ) {
    const before = s.slice(Math.max(prefixFrom, start - 12), start);
    const pre = CURRENCY_PREFIX_RE.exec(before);
    if (pre) {
      marker = true;
      start -= before.length - pre.index;
      if (!negative && MINUS.has(s[i - 1] ?? "")) negative = true;
    }
  }

  const grouped = spaceGroups > 0 || dotGroups >= 2;
  const value = shiftedValue(intDigits, decDigits, power);
  const yearLike =
    !grouped && dotGroups === 0 && !decDigits && intDigits.length === 4 && value >= 1900 && value <= 2100;
  const money = marker || (grouped && value >= 1000 && !yearLike);
  const signed = negative && value !== 0 ? -value : value;
  const ambiguous = dotGroups === 1 && !marker;
  return { token: { start, end, value: signed, money, ambiguous }, next: Math.max(end, j) };
}

// ---------------------------------------------------------------------------
// Clauses: sentences and "Finansiering 2027:" / "Fra SiV:" leads

interface Clause {
  start: number;
  end: number;
}

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
const FINANSIERING_TAIL_RE =
  /(?<![\p{L}])(?:evt\.?\s+)?finansiering(?:\s+(?:fra|for|i|fom|f\.o\.m\.?))?\s+$/iu;
const FROM_TAIL_RE = /(?<![\p{L}])Fra\s+[^\s:;.,\d]+(?:\s+[^\s:;.,\d]+){0,2}\s*$/u;

/** A year (1900–2099) written as four digits at s[i..i+3], not part of a longer number or word. */
function isYearAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  const c2 = s.charCodeAt(i + 1);
  return (
    ((c === 49 && c2 === 57) || (c === 50 && c2 === 48)) && // "19" or "20"
    isDigitAt(s, i + 2) &&
    isDigitAt(s, i + 3) &&
    !isDigitAt(s, i + 4) &&
    !isAlnumAt(s, i - 1)
  );
}

/**
 * Where a lead ending at the colon s[colon] starts: "Finansiering 2027:", "Evt finansiering 2027:",
 * "Finansiering fra 2027:", "2027:", "Fra SiV:". -1 when the colon ends no lead.
 */
function leadBefore(s: string, colon: number): number {
  let e = colon - 1;
  while (e >= 0 && SPACES.has(s[e])) e--;
  if (e >= 3 && isYearAt(s, e - 3)) {
    const yearStart = e - 3;
    const from = Math.max(0, yearStart - 40);
    const m = FINANSIERING_TAIL_RE.exec(s.slice(from, yearStart));
    return m ? from + m.index : yearStart;
  }
  const from = Math.max(0, colon - 60);
  const m = FROM_TAIL_RE.exec(s.slice(from, colon));
  return m ? from + m.index : -1;
}

function isUpperStart(ch: string | undefined): boolean {
  return ch !== undefined && isLetterChar(ch) && ch !== ch.toLowerCase();
}
function isLowerStart(ch: string | undefined): boolean {
  return ch !== undefined && isLetterChar(ch) && ch === ch.toLowerCase();
}

/** amountEnds: where amounts end; a "kr." right after an amount ends a sentence unless a lower-case word follows. */
function splitClauses(s: string, amountEnds: readonly number[]): Clause[] {
  const cuts: number[] = [];
  const n = s.length;
  const colons: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 59 /* ; */ || c === 10 || c === 13) {
      cuts.push(i + 1);
    } else if (c === 58 /* : */) {
      colons.push(i);
    } else if (c === 46 /* . */ && (i + 1 === n || SPACES.has(s[i + 1]) || s[i + 1] === "\n")) {
      const nextCh = s[skipSpaces(s, i + 1)];
      let w = i;
      while (w > 0 && isLetterAt(s, w - 1)) w--;
      if (w < i) {
        const word = s.slice(w, i).toLowerCase();
        const endsAmount = amountEnds.includes(i) && CURRENCY_ABBREVIATIONS.has(word);
        if (
          endsAmount
            ? isLowerStart(nextCh)
            : NO_SPLIT_ABBREVIATIONS.has(word) && !(CURRENCY_ABBREVIATIONS.has(word) && isUpperStart(nextCh))
        ) {
          continue;
        }
      } else if (i > 0 && isDigitAt(s, i - 1) && isLowerStart(nextCh)) {
        continue; // ordinal: "1. kvartal"
      }
      cuts.push(i + 1);
    }
  }
  // Both leads end in a colon: look back from each one.
  for (const c of colons) {
    const lead = leadBefore(s, c);
    if (lead >= 0) cuts.push(lead);
  }
  if (cuts.length > 1) cuts.sort((a, b) => a - b);
  const clauses: Clause[] = [];
  let prev = 0;
  for (const c of cuts) {
    if (c > prev && c < n) {
      clauses.push({ start: prev, end: c });
      prev = c;
    }
  }
  clauses.push({ start: prev, end: n });
  return clauses;
}

// ---------------------------------------------------------------------------
// Year ties and funding sources per clause

const TIE_WORD_BEFORE_RE = /(?<![\p{L}])(?:i|for|fra|fom|f\.o\.m\.?|innen|per|pr\.?)\s+$/iu;
const RANGE_AFTER_RE = /^(?:\s*[-\u2013]\s*\d|\s+til(?![\p{L}]))/iu;

/** The first year the clause ties its money to: "i 2025", "for 2026", "fra 2027", "2027:". */
function clauseYear(text: string): number | null {
  if (!text.includes("19") && !text.includes("20")) return null;
  const n = text.length;
  for (let i = 0; i + 3 < n; i++) {
    if (!isYearAt(text, i)) continue;
    let k = i + 4;
    while (k < n && SPACES.has(text[k])) k++;
    if (text[k] === ":") return Number(text.slice(i, i + 4));
    if (
      TIE_WORD_BEFORE_RE.test(text.slice(Math.max(0, i - 12), i)) &&
      !RANGE_AFTER_RE.test(text.slice(i + 4, i + 12))
    ) {
      return Number(text.slice(i, i + 4));
    }
    i += 3;
  }
  return null;
}

const KNOWN_SOURCES: Record<string, string> = {
  siv: "SiV",
  "sykehuset i vestfold": "SiV",
  hsø: "HSØ",
  "helse sør-øst": "HSØ",
  "helse sør-øst rhf": "HSØ",
  kommunene: "kommunene",
  kommuner: "kommunene",
  kommunen: "kommunene",
  helsedirektoratet: "Helsedirektoratet",
  hdir: "Helsedirektoratet",
  staten: "staten",
  fylkeskommunen: "fylkeskommunen",
  nav: "NAV",
  rst: RST,
};
const ENTITY =
  "siv|sykehuset i vestfold|hsø|helse sør-øst(?: rhf)?|kommunene|kommuner|kommunen|helsedirektoratet|hdir|staten|fylkeskommunen|nav|rst";

function normaliseSource(raw: string): string {
  const key = raw.trim().replace(/\s+/g, " ").toLowerCase();
  return KNOWN_SOURCES[key] ?? raw.trim().replace(/\s+/g, " ");
}

interface SourceHit {
  index: number;
  name: string;
}

// Explicit funding phrases name the payer: "finansiert av X", "midler fra X".
const FUNDING_RE =
  /(?<![\p{L}])(?:finansier(?:ing|t)|midler|tilskudd|bidrag|dekkes|betales)\s+(?:fra|av|via)\s+/giu;
const CLAUSE_FROM_RE = /^[\s(]*fra\s+([^:;.]{1,40}?)\s*:/iu;
const hasAny = (lower: string, words: string[]) => words.some((w) => lower.includes(w));
const FUNDING_WORDS = ["finansier", "midler", "tilskudd", "bidrag", "dekkes", "betales"];
const FUNDING_LINKS = ["fra", "av", "via"];
const fundingPhrase = (lower: string) => hasAny(lower, FUNDING_WORDS) && hasAny(lower, FUNDING_LINKS);

/** need: a cheap test on the lower-cased clause before the regex is worth running. */
const SOURCE_DETECTORS: {
  need: (lower: string) => boolean;
  re: RegExp;
  name: (m: RegExpExecArray) => string;
}[] = [
  {
    need: (l) => l.includes("ekstern"),
    re: /(?<![\p{L}])eksterne?\s+(?:finans[\p{L}]*|midler)/giu,
    name: () => "ekstern finansiering",
  },
  {
    need: (l) => l.includes("øremerke"),
    re: /(?<![\p{L}])øremerke(?:de|t)\s+midler/giu,
    name: () => "øremerkede midler",
  },
  {
    need: (l) => l.includes("hdir") || l.includes("helsedir"),
    re: /(?<![\p{L}])(helsedirektoratet|hdir)(?![\p{L}])/giu,
    name: () => "Helsedirektoratet",
  },
];
// A bare "fra X" names a payer unless it follows a noun phrase about who holds a position.
const PLAIN_FROM_RE = /(?<![\p{L}])fra\s+/giu;
const ENTITY_AT_RE = new RegExp(`(${ENTITY})(?![\\p{L}])`, "iuy");
// Case-sensitive: an unknown payer is named with a capital ("Sparebankstiftelsen"), "regjeringen" is not.
const NAME_AT_RE = /(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)(?![\p{L}])/uy;

/** The known payer (any case) at text[p], else null. */
function entityAt(text: string, p: number): string | null {
  ENTITY_AT_RE.lastIndex = p;
  const m = ENTITY_AT_RE.exec(text);
  return m ? normaliseSource(m[1]) : null;
}

/** A known payer or a capitalised name at text[p], else null. */
function payerAt(text: string, p: number): string | null {
  const known = entityAt(text, p);
  if (known) return known;
  NAME_AT_RE.lastIndex = p;
  const m = NAME_AT_RE.exec(text);
  return m ? normaliseSource(m[1]) : null;
}
const POSITION_RE = /stilling|ressurs|årsverk|prosjektleder|koordinator|ansatte|personell|deltage?k?ere/iu;
const FUNDING_WORD_RE = /finansi|midler|tilskudd|bidrag|dekke|betal/iu;
const ORDNING_RE = /(?<![\p{L}])([\p{L}]+-?ordningen)(?![\p{L}])/giu;
const RST_MENTION_RE = /(?<![\p{L}])rst(?![\p{L}])|samhandlingstilskudd/iu;

/** "velferdsteknologiordningen", "tilskudds-ordningen": a word ending in "ordningen" (not the bare word). */
function ordningHits(text: string, lower: string, hits: SourceHit[]): void {
  for (let at = lower.indexOf("ordningen"); at >= 0; at = lower.indexOf("ordningen", at + 9)) {
    if (isLetterChar(text[at + 9])) continue;
    let w = at;
    while (w > 0 && (isLetterChar(text[w - 1]) || (text[w - 1] === "-" && w === at))) w--;
    if (w < at && isLetterChar(text[w])) hits.push({ index: w, name: text.slice(w, at + 9).toLowerCase() });
  }
}

/** Every detector needs one of these words; most clauses have none and are done in one pass. */
const SOURCE_KEYWORD_RE =
  /fra|ekstern|øremerke|hdir|helsedir|ordningen|finansier|midler|tilskudd|bidrag|dekkes|betales|rst|samhandlingstilskudd/i;

function clauseSources(text: string): SourceHit[] {
  const hits: SourceHit[] = [];
  if (!SOURCE_KEYWORD_RE.test(text)) return hits;
  const lower = text.toLowerCase();
  const hasFra = lower.includes("fra");
  const lead = hasFra ? CLAUSE_FROM_RE.exec(text) : null;
  if (lead && !/^\d/.test(lead[1])) hits.push({ index: lead.index, name: normaliseSource(lead[1]) });
  for (const d of SOURCE_DETECTORS) {
    if (!d.need(lower)) continue;
    d.re.lastIndex = 0;
    for (let m = d.re.exec(text); m; m = d.re.exec(text)) hits.push({ index: m.index, name: d.name(m) });
  }
  if (lower.includes("ordningen")) {
    if (lower.length === text.length) ordningHits(text, lower, hits);
    else {
      // Lower-casing changed the length (rare letters such as "İ"): fall back to the regex.
      ORDNING_RE.lastIndex = 0;
      for (let m = ORDNING_RE.exec(text); m; m = ORDNING_RE.exec(text))
        hits.push({ index: m.index, name: m[1].toLowerCase() });
    }
  }
  if (fundingPhrase(lower)) {
    FUNDING_RE.lastIndex = 0;
    for (let m = FUNDING_RE.exec(text); m; m = FUNDING_RE.exec(text)) {
      const name = payerAt(text, m.index + m[0].length);
      if (name) hits.push({ index: m.index, name });
    }
  }
  PLAIN_FROM_RE.lastIndex = 0;
  for (let m = hasFra ? PLAIN_FROM_RE.exec(text) : null; m; m = PLAIN_FROM_RE.exec(text)) {
    if (lead && m.index <= lead.index + lead[0].length) continue;
    const name = entityAt(text, m.index + m[0].length);
    if (!name) continue;
    const before = text.slice(0, m.index);
    if (POSITION_RE.test(before) && !FUNDING_WORD_RE.test(before)) continue;
    hits.push({ index: m.index, name });
  }
  if (hits.length === 0 && (lower.includes("rst") || lower.includes("samhandlingstilskudd"))) {
    const r = RST_MENTION_RE.exec(text);
    if (r) hits.push({ index: r.index, name: RST });
  }
  if (hits.length < 2) return hits;
  hits.sort((a, b) => a.index - b.index);
  // A known payer matches both funding regexes; keep one hit per place.
  return hits.filter((h, k) => k === 0 || h.index !== hits[k - 1].index || h.name !== hits[k - 1].name);
}

// ---------------------------------------------------------------------------
// Public API

const BARE_NUMBER_RE = /^[-\u2212]?\d+(?:,\d+)?$/;

function short(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

function scanTokens(s: string, lenientBare: boolean): NumberToken[] {
  const tokens: NumberToken[] = [];
  let lastEnd = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (!isDigitAt(s, i)) continue;
    const p = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (p !== 0 && (p === 46 /* . */ || p === 44 /* , */ || p === 47 /* / */ || isAlnumAt(s, i - 1))) {
      while (i + 1 < n && isDigitAt(s, i + 1)) i++;
      continue;
    }
    const { token, next } = readNumber(s, i, lastEnd);
    if (token && !token.money && lenientBare && !token.ambiguous) token.money = true;
    if (token && token.money) {
      tokens.push(token);
      lastEnd = token.end;
    }
    i = Math.max(i, next - 1);
  }
  return tokens;
}

/**
 * Every money amount in a cell, with the year and funding source its clause names. Never throws.
 * Not memoised; the result is a fresh object the caller owns (parseAmounts returns frozen, shared ones).
 */
export function parseAmountsUncached(input: string): AmountParse {
  const s = typeof input === "string" ? input : input == null ? "" : String(input);
  if (s.trim() === "") return { kind: "none", sources: [], reason: "Ingen økonomi oppgitt (tom celle)" };

  let tokens = scanTokens(s, false);
  if (tokens.length === 0) {
    // A cell that is one bare number ("410000") is money unless it looks like a year.
    const t = s.trim();
    if (BARE_NUMBER_RE.test(t) && !/^(19\d\d|20\d\d|2100)$/.test(t)) tokens = scanTokens(s, true);
  }

  const clauses = splitClauses(
    s,
    tokens.map((t) => t.end),
  );
  const clauseInfo = clauses.map((c) => {
    const text = clauses.length === 1 ? s : s.slice(c.start, c.end);
    return { start: c.start, end: c.end, year: clauseYear(text), sources: clauseSources(text) };
  });

  // Sources in order of appearance; amounts default to RST.
  const named: { index: number; name: string }[] = [];
  for (const c of clauseInfo)
    for (const h of c.sources) named.push({ index: c.start + h.index, name: h.name });
  const amounts: Amount[] = [];
  for (const t of tokens) {
    const c =
      clauseInfo.find((x) => t.start >= x.start && t.start < x.end) ?? clauseInfo[clauseInfo.length - 1];
    const source = c.sources.length > 0 ? c.sources[0].name : RST;
    if (c.sources.length === 0) named.push({ index: t.start, name: RST });
    amounts.push({
      value: t.value,
      year: c.year,
      source,
      span: [t.start, t.end],
      text: s.slice(t.start, t.end),
    });
  }
  named.sort((a, b) => a.index - b.index);
  const sources: string[] = [];
  for (const x of named) if (!sources.includes(x.name)) sources.push(x.name);

  if (amounts.length === 0) {
    return {
      kind: "none",
      sources,
      reason: `Fant ikke noe kronebeløp i «${short(s)}». Skriv beløpet som for eksempel «410 000 kr».`,
    };
  }
  return { kind: "amounts", amounts, sources };
}

const amountCache = new LruMemo<AmountParse>(10_000);

function freezeParse(p: AmountParse): AmountParse {
  Object.freeze(p.sources);
  if (p.kind === "amounts") {
    for (const a of p.amounts) {
      Object.freeze(a.span);
      Object.freeze(a);
    }
    Object.freeze(p.amounts);
  }
  return Object.freeze(p);
}

/** Memoised parseAmountsUncached; the result is frozen because other callers share it. */
export function parseAmounts(text: string): AmountParse {
  const key = typeof text === "string" ? text : text == null ? "" : String(text);
  const hit = amountCache.get(key);
  if (hit) return hit;
  const result = freezeParse(parseAmountsUncached(key));
  amountCache.set(key, result);
  return result;
}

export function clearAmountCache(): void {
  amountCache.clear();
}

/** 8400000 → "8 400 000"; -1500000.5 → "-1 500 000,5". Rounds to øre (2 decimals). */
export function formatNok(value: number): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  let intPart: string;
  let decPart = "";
  const abs = Math.abs(value);
  if (Number.isInteger(abs)) {
    intPart = BigInt(abs).toString();
  } else {
    const fixed = abs.toFixed(2);
    const dot = fixed.indexOf(".");
    intPart = fixed.slice(0, dot);
    decPart = fixed.slice(dot + 1).replace(/0+$/, "");
  }
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  const negative = value < 0 && (decPart !== "" || intPart !== "0");
  return `${negative ? "-" : ""}${grouped}${decPart ? `,${decPart}` : ""}`;
}

/** A whole cell that is one amount ("-3 500 000", "kr 410 000", "2026") → its value, else null. */
export function parseNokNumber(text: string): number | null {
  const s = typeof text === "string" ? text : text == null ? "" : String(text);
  if (s.trim() === "") return null;
  const tokens = scanTokens(s, true);
  if (tokens.length !== 1) return null;
  const [t] = tokens;
  const rest = (s.slice(0, t.start) + s.slice(t.end)).replace(/[\s.:]/g, "");
  return rest === "" ? t.value : null;
}

export function isRst(source: string): boolean {
  if (typeof source !== "string") return false;
  const s = source.trim().toLowerCase();
  return s === "rst" || /^rekrutterings- og samhandlingstilskudd(et)?$/.test(s);
}

/** Sum of amounts matching the filter; null when the text names no money at all. */
export function sumAmounts(parse: AmountParse, filter?: { year?: number; source?: string }): number | null {
  if (parse.kind === "none") return null;
  const wantRst = filter?.source !== undefined && isRst(filter.source);
  const wantSource = filter?.source?.trim().toLowerCase();
  let sum = 0;
  for (const a of parse.amounts) {
    if (filter?.year !== undefined && a.year !== null && a.year !== filter.year) continue;
    if (wantSource !== undefined && (wantRst ? !isRst(a.source) : a.source.toLowerCase() !== wantSource))
      continue;
    sum += a.value;
  }
  // Keep øre exact when decimals were summed.
  return Number.isInteger(sum) ? sum : Math.round(sum * 100) / 100;
}
