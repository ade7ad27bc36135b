/**
 * Norwegian money text as finance staff write it in a handlingsplan's "Økonomi" cell:
 * "410 000 kr", "kr. 1 734,-", "1,5 mill. kr", "611'", "−4 200 000", several clauses each
 * with its own year ("Finansiering 2027:") and funding source ("Fra SiV:").
 * Pure and memoised; never throws on user text.
 */
import { LruMemo, deepFreeze } from "./memo";

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

function isAlnumAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && (isDigitAt(s, i) || isLetterChar(s[i]));
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
  PERCENT_WORD_RE.lastIndex = m;
  if (PERCENT_WORD_RE.test(s)) return { token: null, next: m };
  if ((s[m] === "x" || s[m] === "X" || s[m] === "\u00D7") && isDigitAt(s, skipSpaces(s, m + 1))) {
    return { token: null, next: m + 1 }; // "12 X 50%", "2x50%"
  }

  let end = k;
  MULTIPLIER_RE.lastIndex = m;
  const mult = MULTIPLIER_RE.exec(s);
  if (mult) {
    power += MULTIPLIER_POWER[mult[1].toLowerCase()] ?? 0;
    marker = true;
    end = m + mult[0].length;
    m = skipSpaces(s, end);
  }
  CURRENCY_SUFFIX_RE.lastIndex = m;
  const cur = CURRENCY_SUFFIX_RE.exec(s);
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
  if (start > prefixFrom) {
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
const YEAR_LEAD_RE =
  /(?:(?<![\p{L}])(?:evt\.?\s+)?finansiering(?:\s+(?:fra|for|i|fom|f\.o\.m\.?))?\s+)?(?<![\d\p{L}])(?:19|20)\d{2}\s*:/giu;
const FROM_LEAD_RE = /(?<![\p{L}])Fra\s+[^\s:;.,\d]+(?:\s+[^\s:;.,\d]+){0,2}\s*:/gu;

function isUpperStart(ch: string | undefined): boolean {
  return ch !== undefined && isLetterChar(ch) && ch !== ch.toLowerCase();
}
function isLowerStart(ch: string | undefined): boolean {
  return ch !== undefined && isLetterChar(ch) && ch === ch.toLowerCase();
}

/** amountEnds: where amounts end; a "kr." right after an amount ends a sentence unless a lower-case word follows. */
function splitClauses(s: string, amountEnds: ReadonlySet<number>): Clause[] {
  const cuts: number[] = [];
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s[i];
    if (ch === ";" || ch === "\n" || ch === "\r") {
      cuts.push(i + 1);
    } else if (ch === "." && (i + 1 === n || SPACES.has(s[i + 1]) || s[i + 1] === "\n")) {
      const nextCh = s[skipSpaces(s, i + 1)];
      let w = i;
      while (w > 0 && isLetterChar(s[w - 1])) w--;
      if (w < i) {
        const word = s.slice(w, i).toLowerCase();
        const endsAmount = amountEnds.has(i) && CURRENCY_ABBREVIATIONS.has(word);
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
  for (const re of [YEAR_LEAD_RE, FROM_LEAD_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) cuts.push(m.index);
  }
  cuts.sort((a, b) => a - b);
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

const YEAR_TIE_RE =
  /(?<![\p{L}])(?:i|for|fra|fom|f\.o\.m\.?|innen|per|pr\.?)\s+((?:19|20)\d{2})(?!\d)(?!\s*[-\u2013]\s*\d)(?!\s+til(?![\p{L}]))|(?<![\d\p{L}])((?:19|20)\d{2})\s*:/iu;

function clauseYear(text: string): number | null {
  const m = YEAR_TIE_RE.exec(text);
  return m ? Number(m[1] ?? m[2]) : null;
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

const FUNDING_PHRASE = "(?:finansier(?:ing|t)|midler|tilskudd|bidrag|dekkes|betales)\\s+(?:fra|av|via)";
const FUNDING_PHRASE_CASED =
  "(?:[Ff]inansier(?:ing|t)|[Mm]idler|[Tt]ilskudd|[Bb]idrag|[Dd]ekkes|[Bb]etales)\\s+(?:[Ff]ra|[Aa]v|[Vv]ia)";
const CLAUSE_FROM_RE = /^[\s(]*fra\s+([^:;.]{1,40}?)\s*:/iu;
const SOURCE_DETECTORS: { re: RegExp; name: (m: RegExpExecArray) => string }[] = [
  { re: /(?<![\p{L}])eksterne?\s+(?:finans[\p{L}]*|midler)/giu, name: () => "ekstern finansiering" },
  { re: /(?<![\p{L}])øremerke(?:de|t)\s+midler/giu, name: () => "øremerkede midler" },
  { re: /(?<![\p{L}])([\p{L}]+-?ordningen)(?![\p{L}])/giu, name: (m) => m[1].toLowerCase() },
  { re: /(?<![\p{L}])(helsedirektoratet|hdir)(?![\p{L}])/giu, name: () => "Helsedirektoratet" },
  // Explicit funding phrases name the payer: "finansiert av X", "midler fra X" (a known payer, or
  // a capitalised name; the second regex is case-sensitive so \p{Lu} really means upper case).
  {
    re: new RegExp(`(?<![\\p{L}])${FUNDING_PHRASE}\\s+(${ENTITY})(?![\\p{L}])`, "giu"),
    name: (m) => normaliseSource(m[1]),
  },
  {
    re: new RegExp(
      `(?<![\\p{L}])${FUNDING_PHRASE_CASED}\\s+(\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)?)(?![\\p{L}])`,
      "gu",
    ),
    name: (m) => normaliseSource(m[1]),
  },
];
// A bare "fra X" names a payer unless it follows a noun phrase about who holds a position.
const PLAIN_FROM_RE = new RegExp(`(?<![\\p{L}])fra\\s+(${ENTITY})(?![\\p{L}])`, "giu");
const POSITION_RE = /stilling|ressurs|årsverk|prosjektleder|koordinator|ansatte|personell|deltage?k?ere/iu;
const FUNDING_WORD_RE = /finansi|midler|tilskudd|bidrag|dekke|betal/iu;
const RST_MENTION_RE = /(?<![\p{L}])rst(?![\p{L}])|samhandlingstilskudd/iu;

function clauseSources(text: string): SourceHit[] {
  const hits: SourceHit[] = [];
  const lead = CLAUSE_FROM_RE.exec(text);
  if (lead && !/^\d/.test(lead[1])) hits.push({ index: lead.index, name: normaliseSource(lead[1]) });
  for (const d of SOURCE_DETECTORS) {
    d.re.lastIndex = 0;
    for (let m = d.re.exec(text); m; m = d.re.exec(text)) hits.push({ index: m.index, name: d.name(m) });
  }
  PLAIN_FROM_RE.lastIndex = 0;
  for (let m = PLAIN_FROM_RE.exec(text); m; m = PLAIN_FROM_RE.exec(text)) {
    if (lead && m.index <= lead.index + lead[0].length) continue;
    const before = text.slice(0, m.index);
    if (POSITION_RE.test(before) && !FUNDING_WORD_RE.test(before)) continue;
    hits.push({ index: m.index, name: normaliseSource(m[1]) });
  }
  if (hits.length === 0) {
    const r = RST_MENTION_RE.exec(text);
    if (r) hits.push({ index: r.index, name: RST });
  }
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
    const p = s[i - 1];
    if (i > 0 && (isDigitAt(s, i - 1) || isLetterChar(p) || p === "." || p === "," || p === "/")) {
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

/** Every money amount in a cell, with the year and funding source its clause names. Never throws. */
export function parseAmountsUncached(input: string): AmountParse {
  const s = typeof input === "string" ? input : input == null ? "" : String(input);
  if (s.trim() === "")
    return deepFreeze({ kind: "none", sources: [], reason: "Ingen økonomi oppgitt (tom celle)" });

  let tokens = scanTokens(s, false);
  if (tokens.length === 0) {
    // A cell that is one bare number ("410000") is money unless it looks like a year.
    const t = s.trim();
    if (BARE_NUMBER_RE.test(t) && !/^(19\d\d|20\d\d|2100)$/.test(t)) tokens = scanTokens(s, true);
  }

  const clauses = splitClauses(s, new Set(tokens.map((t) => t.end)));
  const clauseInfo = clauses.map((c) => {
    const text = s.slice(c.start, c.end);
    return { ...c, year: clauseYear(text), sources: clauseSources(text) };
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
    return deepFreeze({
      kind: "none",
      sources,
      reason: `Fant ikke noe kronebeløp i «${short(s)}». Skriv beløpet som for eksempel «410 000 kr».`,
    });
  }
  return deepFreeze({ kind: "amounts", amounts, sources });
}

const amountCache = new LruMemo<AmountParse>(10_000);

/** Memoised parseAmountsUncached; the result is frozen (shared with other callers). */
export function parseAmounts(text: string): AmountParse {
  const key = typeof text === "string" ? text : text == null ? "" : String(text);
  const hit = amountCache.get(key);
  if (hit) return hit;
  const result = parseAmountsUncached(key);
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
