/**
 * Words that make money the money of several years, or of each year: "over tre år", "fordelt på
 * tre år", "3-årig", "i prosjektperioden" (several years together, not one year's money);
 * "(nov 2025-okt 2027)" (a period in brackets); "per år", "årlig", "hvert år" (each year's money).
 * Regexes here only run on clauses that hold money and one of the cheap hint words.
 */

/** Words a bracketed period may hold besides numbers: months, seasons, range and period words. */
const PERIOD_WORD_RE =
  /^(?:jan(?:uar)?|feb(?:ruar)?|mar(?:s)?|apr(?:il)?|mai|jun[i]?|jul[i]?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|des(?:ember)?|høst(?:en)?|vår(?:en)?|sommer(?:en)?|vinter(?:en)?|kvartal|halvår|fra|til|tom|fom|t\.o\.m|f\.o\.m|og|med|ut|over|to|tre|fire|år|q[1-4])$/iu;

/** Whether a bracket's text is a period with an end and nothing else ("nov 2025-okt 2027", "2025-2027"). */
export function isBracketPeriod(inner: string): boolean {
  const words = inner.match(/\p{L}[\p{L}.]*/gu) ?? [];
  if (!words.every((w) => PERIOD_WORD_RE.test(w.replace(/\.$/, "")))) return false;
  if (/[^\p{L}\d\s.,/\-\u2013\u2014]/u.test(inner)) return false;
  return /\d\s*[-\u2013\u2014]\s*\p{L}|\d\s*[-\u2013\u2014]\s*\d|\p{L}\s*[-\u2013\u2014]\s*\p{L}|(?<![\p{L}])til(?![\p{L}])/u.test(
    inner,
  );
}

/** Cheap pre-check: a clause without these letters holds no multi-year or per-year phrase. */
// "år", "År", "periode": every phrase holds "år" or "riode".
const PERIOD_HINTS = ["år", "riode", "År"];

/** Where s holds a period hint word, ascending (see mayHoldPeriodWords). */
export function periodHints(s: string): number[] {
  const at: number[] = [];
  for (const w of PERIOD_HINTS) for (let p = s.indexOf(w); p >= 0; p = s.indexOf(w, p + 1)) at.push(p);
  return at.length > 1 ? at.sort((a, b) => a - b) : at;
}

/** Whether s[lo..hi) may hold a multi-year or per-year phrase; hints: periodHints(s). */
export function mayHoldPeriodWords(hints: readonly number[], lo: number, hi: number): boolean {
  for (let k = 0; k < hints.length; k++) if (hints[k] >= lo && hints[k] < hi) return true;
  return false;
}

const NUMBER_WORDS: Record<string, number> = {
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
  ti: 10,
};

/**
 * "over tre år", "fordelt på 3 år", "i to år", "for 2 år", "3-årig", "toårig", "flerårig",
 * "(i) prosjektperioden", "i hele perioden", "over flere år". Group 1/2: the count (digits/word).
 */
const MULTI_YEAR_RE =
  /(?<![\p{L}\d])(?:(?:(?:over|fordelt\s+på|fordelt\s+over|i|for)\s+|\/\s*)(?:(\d{1,2})|(to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|flere))\s+år(?![\p{L}])(?!\s+siden)|(\d{1,2})\s*-\s*årig[et]?(?![\p{L}])|(to|tre|fire|fem|seks|fler)årig[et]?(?![\p{L}])|(?:hele\s+)?prosjektperioden(?![\p{L}])|(?:i|for|over)\s+hele\s+perioden(?![\p{L}])|(?:i|for)\s+perioden(?![\p{L}])(?!\s*(?:\d|fra|f\.o\.m|fom)))/giu;

/** Words right before "over N år" that make it no period of money ("levetid på over 3 år", "avskrives over 5 år"). */
const NOT_MONEY_PERIOD_BEFORE_RE =
  /(?<![\p{L}])(?:på|levetid|avskrives|avskrevet|avskrivning|avskrivningstid|nedbetales|nedbetalt|eldre|alder|erfaring|mer\s+enn|inntil)\s+$/iu;

export interface MultiYearPhrase {
  /** [start, end) in the clause. */
  start: number;
  end: number;
  /** The phrase as written ("over tre år"). */
  text: string;
  /** How many years, when the text says ("over tre år" → 3); null for "flere år", "prosjektperioden". */
  count: number | null;
}

/** Every multi-year phrase of a clause (positions relative to the clause). */
export function multiYearPhrases(clause: string): MultiYearPhrase[] {
  const out: MultiYearPhrase[] = [];
  MULTI_YEAR_RE.lastIndex = 0;
  for (let m = MULTI_YEAR_RE.exec(clause); m; m = MULTI_YEAR_RE.exec(clause)) {
    if (
      /^over/i.test(m[0]) &&
      NOT_MONEY_PERIOD_BEFORE_RE.test(clause.slice(Math.max(0, m.index - 24), m.index))
    )
      continue;
    const digits = m[1] ?? m[3];
    const word = (m[2] ?? m[4])?.toLowerCase();
    const count = digits ? Number(digits) : word && word in NUMBER_WORDS ? NUMBER_WORDS[word] : null;
    // "i 1 år", "1-årig": one year is no period of several.
    if (count !== null && count < 2) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0].replace(/\s+/g, " "), count });
  }
  return out;
}

/** "per år", "pr. år", "pr år", "årlig", "årlige", "hvert år", "i året", "i år og" … : each year's money. */
const PER_YEAR_RE =
  /(?:(?<![\p{L}])(?:(?:per|pr\.?)\s+år|årlig[et]?|hvert\s+år|i\s+året|pr\.?\s*år)|\/\s*år)(?![\p{L}])/iu;

export function hasPerYear(clause: string): boolean {
  return PER_YEAR_RE.test(clause);
}

/** The same phrase ending a text (optionally followed by "i"/"for"), as a year list's lead: "per år i 2026 og 2027". */
const PER_YEAR_END_RE =
  /(?:(?<![\p{L}])(?:(?:per|pr\.?)\s+år|årlig[et]?|hvert\s+år|i\s+året|(?:i|for)\s+hvert\s+av\s+årene)|\/\s*år)(?:\s+(?:i|for|fra|fom|f\.o\.m\.?))?\s+$/iu;

export function perYearBefore(textBefore: string): boolean {
  return PER_YEAR_END_RE.test(textBefore);
}
