/**
 * What the amount reader must understand before it answers: every number and every money word in
 * the cell. A number is money (a token), or clearly not money (a year, a date, a percentage, a count
 * of something, a case or org. number, a distance, a clock time), or the cell is refused with a
 * reason that quotes the whole word. A money word the reader cannot read ("500k", "MNOK 2,5",
 * "i 1000 kr", "fem millioner") refuses the cell too: never a partial answer.
 */
import {
  codeAt,
  isDigitAt,
  isDigitCode,
  isGroupSpace,
  isLetterAt,
  isMinus,
  isRegexSpace,
  isSpace,
} from "./amount-chars";
import type { NumberToken } from "./amount-number";

/** Words after a number that say it is money in a way the reader does not read. */
const UNREAD_MONEY_WORDS = new Set([
  "k",
  "kk",
  "knok",
  "tnok",
  "tkr",
  "mkr",
  "mrd.kr",
  "euro",
  "eur",
  "usd",
  "dkk",
  "gbp",
  "øre",
  "lapper",
]);

/**
 * Money words that must stand in a token ("410 000 kr", "1,5 mill."); anywhere else they refuse the cell.
 * As /(?<![\p{L}\d])(?:kr|kroner|mill|…)(?![\p{L}])/iu, the boundaries checked by hand (cheaper).
 */
const MONEY_WORD_RE =
  /kroner|kr|millioner|milliarder|milliard|million|mill|mrd|tusen|mnok|tnok|knok|tkr|mkr|euro|eur|usd|dkk|nok|[€$£]/gi;

/**
 * Words after a number that make a grouped number ("20 000 km") no money: units and things counted.
 * Plural endings below catch most other counted things ("innbyggere", "henvisninger").
 */
const NOT_MONEY_UNITS = new Set([
  "km",
  "kilometer",
  "mil",
  "m",
  "meter",
  "m2",
  "kvm",
  "kg",
  "tonn",
  "liter",
  "timer",
  "time",
  "t",
  "min",
  "minutter",
  "dager",
  "dag",
  "døgn",
  "liggedøgn",
  "uker",
  "uke",
  "måneder",
  "måned",
  "mnd",
  "år",
  "års",
  "årig",
  "ganger",
  "pasienter",
  "pasient",
  "personer",
  "barn",
  "ansatte",
  "kommuner",
  "sykehus",
  "møter",
  "oppdrag",
  "plasser",
  "senger",
  "stillinger",
  "årsverk",
  "besøk",
  "treff",
  "kontakter",
  "samtaler",
  "stk",
  "enheter",
  "tilfeller",
  "saker",
  "forløp",
  "team",
  "fødende",
  "fødsler",
  "leger",
  "fastleger",
  "elever",
  "studenter",
  "søknader",
  "prosjekter",
  "tiltak",
]);
const COUNT_ENDINGS = ["ere", "inger", "elser", "sjoner"];

/** Words before a number that make it an id, a number of something or a time, not money. */
const LABELS = new Set([
  "nr",
  "nummer",
  "orgnr",
  "org",
  "saksnummer",
  "saksnr",
  "sak",
  "saksid",
  "tlf",
  "telefon",
  "konto",
  "kontonr",
  "kontonummer",
  "postboks",
  "pb",
  "kl",
  "klokka",
  "klokken",
  "uke",
  "trinn",
  "fase",
  "del",
  "delprosjekt",
  "vedlegg",
  "tabell",
  "figur",
  "pkt",
  "punkt",
  "kap",
  "kapittel",
  "side",
  "s",
  "versjon",
  "v",
  "nivå",
  "runde",
  "gruppe",
  "rom",
  "bygg",
  "tiltak",
  "mål",
  "prioritet",
  "id",
  "ref",
  "referanse",
  "alder",
  "styresak",
  "lov",
  "forskrift",
]);

export interface Trouble {
  /** The whole troublesome word as written. */
  word: string;
  /** Norwegian, quoting the word. */
  reason: string;
}

/** The letters (and a trailing ".") of the word starting at s[i]. */
function wordFrom(s: string, i: number): string {
  let e = i;
  while (isLetterAt(s, e) || isDigitAt(s, e) || (codeAt(s, e) === 46 && isLetterAt(s, e + 1))) e++;
  return s.slice(i, e);
}

/** The word ending just before s[end], skipping spaces, ":", "." and "§" (lower case), and where it starts. */
function wordBeforeAt(s: string, end: number): { word: string; start: number } {
  let p = end;
  while (p > 0 && (isRegexSpace(codeAt(s, p - 1)) || ":.#(".includes(s[p - 1]))) p--;
  if (p > 0 && s[p - 1] === "§") return { word: "§", start: p - 1 };
  let b = p;
  while (b > 0 && isLetterAt(s, b - 1)) b--;
  return { word: s.slice(b, p).toLowerCase(), start: b };
}

/** The first letter of the word after the number ending at s[end] (spaces skipped), else -1. */
function wordStartAfter(s: string, end: number): number {
  let p = end;
  while (isSpace(codeAt(s, p))) p++;
  return isLetterAt(s, p) ? p : -1;
}

function isCountWord(w: string): boolean {
  if (NOT_MONEY_UNITS.has(w)) return true;
  for (const e of COUNT_ENDINGS) if (w.length > e.length + 2 && w.endsWith(e)) return true;
  return false;
}

/** A grouped number without a currency word that is a distance, a count or an id ("20 000 km", "Org.nr. 991 324 968"). */
export function notMoneyAfterAll(s: string, t: NumberToken): boolean {
  if (t.marked) return false;
  // "50 000–100 000 pasienter": what follows the range says what both are.
  let end = t.end;
  const d = skipSp(s, end);
  if ((codeAt(s, d) === 45 || codeAt(s, d) === 0x2013) && isDigitAt(s, skipSp(s, d + 1)))
    end = numberEnd(s, skipSp(s, d + 1));
  const w = wordStartAfter(s, end);
  if (w >= 0 && isCountWord(wordFrom(s, w).toLowerCase().replace(/\.$/, ""))) return true;
  const before = wordBeforeAt(s, t.start);
  if (LABELS.has(before.word) || before.word === "§") return true;
  // "15–20 000 km": the unit after a range is the range's.
  return false;
}

/** Where the number at s[start..] ends: digits, thousands groups, decimals. */
function numberEnd(s: string, start: number): number {
  let e = start;
  while (isDigitCode(codeAt(s, e))) e++;
  for (;;) {
    const c = codeAt(s, e);
    if ((isGroupSpace(c) || c === 44 || c === 46) && isDigitAt(s, e + 1)) {
      e++;
      while (isDigitCode(codeAt(s, e))) e++;
    } else return e;
  }
}

function quoted(s: string, start: number, end: number): string {
  return s.slice(start, end).replace(/\s+/g, " ").trim();
}

/** The trouble with a number that is not money, if any. */
function numberTrouble(s: string, t: NumberToken): Trouble | null {
  const digits = s.slice(t.start, t.end);
  // Part of an id or case number ("26/02136-16", "sak 12/2025").
  const pc = codeAt(s, t.start - 1);
  if ((pc === 47 || pc === 45) && isDigitAt(s, t.start - 2)) return null;
  // A clock time ("12:30").
  if (
    codeAt(s, t.end) === 58
      ? isDigitAt(s, t.end + 1)
      : codeAt(s, t.start - 1) === 58 && isDigitAt(s, t.start - 2)
  )
    return null;
  // A year ("2026") is a time word, read by the year rules.
  if (/^(19|20)\d\d$/.test(digits) || (/^2100$/.test(digits) && !t.marked)) return null;
  let end = t.end;
  // "100-120 fastleger", "0-3 år", "15–20 000 km": what follows the range says what both are.
  let p = end;
  while (isSpace(codeAt(s, p))) p++;
  if ((codeAt(s, p) === 45 || codeAt(s, p) === 0x2013) && isDigitAt(s, skipSp(s, p + 1)))
    end = numberEnd(s, skipSp(s, p + 1));
  const after = codeAt(s, skipSp(s, end));
  if (after === 37 || after === 0x2030) return null; // "1–4 %"
  // A compound of a number and a word ("3-årig", "2-delt", "12-måneders"): no amount.
  if ((codeAt(s, end) === 45 || codeAt(s, end) === 0x2013) && isLetterAt(s, end + 1)) {
    const word = wordFrom(s, end + 1).toLowerCase();
    if (
      !/^(?:kroner|kr|mill\p{L}*|mrd|milliard\p{L}*|tusen|nok|mnok|lapper?)$/u.test(word) &&
      !UNREAD_MONEY_WORDS.has(word)
    )
      return null;
  }
  const w = wordStartAfter(s, end);
  if (w >= 0 && w === end) {
    // Letters glued to the digits: "500k", "3stk".
    const word = wordFrom(s, w);
    const lower = word.toLowerCase();
    if (isCountWord(lower)) return null;
    if (UNREAD_MONEY_WORDS.has(lower) || lower.startsWith("k") || lower.startsWith("m"))
      return unreadMoney(quoted(s, t.start, w + word.length));
    return unclearNumber(s, t, w + word.length);
  }
  if (w >= 0) {
    const word = wordFrom(s, w);
    if (UNREAD_MONEY_WORDS.has(word.toLowerCase())) return unreadMoney(quoted(s, t.start, w + word.length));
    return null; // a count or a measure of something ("4 møter", "3 år", "2 forløp")
  }
  // An ordinal before a word: "1. januar", "2. halvår".
  if (codeAt(s, end) === 46 && wordStartAfter(s, end + 1) >= 0) return null;
  const before = wordBeforeAt(s, t.start);
  if (LABELS.has(before.word) || before.word === "§") return null;
  // The second number of a range or list whose first one is labelled ("vedlegg 2 og 3", "§ 14 – 40").
  const first = numberBefore(s, t.start);
  if (first >= 0 && LABELS.has(wordBeforeAt(s, first).word)) return null;
  if (first >= 0 && wordBeforeAt(s, first).word === "§") return null;
  if (t.ambiguous) {
    const q = quoted(s, t.start, t.end);
    return {
      word: q,
      reason: `Usikkert beløp «${q}»: er det ${q.replace(".", " ")} kr eller ${q.replace(".", ",")}? Skriv f.eks. «${q.replace(".", " ")} kr».`,
    };
  }
  return unclearNumber(s, t, t.end);
}

/** Where the number before a dash, "og" or "til" just before `start` begins, else -1. */
function numberBefore(s: string, start: number): number {
  let p = start;
  while (p > 0 && isRegexSpace(codeAt(s, p - 1))) p--;
  const c = codeAt(s, p - 1);
  if (c === 45 || c === 0x2013) p--;
  else if (/(?:^|[^\p{L}])(?:og|til)$/u.test(s.slice(Math.max(0, p - 4), p))) p -= s[p - 1] === "g" ? 2 : 3;
  else return -1;
  while (p > 0 && isRegexSpace(codeAt(s, p - 1))) p--;
  if (!isDigitAt(s, p - 1)) return -1;
  while (p > 0 && isDigitAt(s, p - 1)) p--;
  return p;
}

function skipSp(s: string, i: number): number {
  while (isSpace(codeAt(s, i))) i++;
  return i;
}

function unreadMoney(word: string): Trouble {
  return {
    word,
    reason: `Forstod ikke beløpet «${word}». Skriv beløpet i kroner, f.eks. «410 000 kr».`,
  };
}

function unclearNumber(s: string, t: NumberToken, end: number): Trouble {
  const before = wordBeforeAt(s, t.start);
  const start = before.word && before.word !== "§" && t.start - before.start <= 20 ? before.start : t.start;
  const word = quoted(s, start, end);
  return {
    word,
    reason: `Forstod ikke tallet i «${word}»: er det et beløp? Skriv beløpet med kr, f.eks. «410 000 kr».`,
  };
}

/** "i 1000 kr", "(1 000 kr)", "i tusen kroner": a unit for the other numbers, not an amount of its own. */
export function unitDeclaration(s: string, t: NumberToken): Trouble | null {
  if (t.value !== 1000 && t.value !== 1_000_000) return null;
  const before = wordBeforeAt(s, t.start);
  const open = s.slice(Math.max(0, t.start - 2), t.start).includes("(");
  if (before.word !== "i" && !open) return null;
  const word = quoted(s, open ? s.lastIndexOf("(", t.start) : before.start, t.end);
  return {
    word,
    reason: `«${word}» sier at tallene står i tusen eller millioner kroner. Skriv hele beløp, f.eks. «850 000 kr».`,
  };
}

const SHARE_HINT_RE = /%|prosent|[àá]|\d\s*[x×]\s*\d/iu;

/** "80 % av 1 000 000 kr", "3 stillinger à 200 000 kr": a share of an amount, a price per unit. */
function shareOrUnitPrice(s: string, t: NumberToken): Trouble | null {
  const before = s.slice(Math.max(0, t.start - 40), t.start);
  const share = /(\d+(?:[.,]\d+)?\s*(?:%|prosent)\s+(?:[\p{L}-]+\s+){0,2}av(?:\s+[\p{L}-]+){0,3}\s*)$/iu.exec(
    before,
  );
  const m =
    share ?? /((?:\d+\s+\p{L}+\s+)?[àá]\s*)$/u.exec(before) ?? /((?<![\d.,])\d+\s*[x×]\s*)$/iu.exec(before);
  if (!m) return null;
  const word = quoted(s, t.start - m[1].length, t.end);
  return {
    word,
    reason: share
      ? `«${word}» er en andel av et beløp. Skriv beløpet som gjelder, f.eks. «410 000 kr».`
      : `«${word}» er en pris per enhet. Skriv totalbeløpet, f.eks. «410 000 kr».`,
  };
}

/**
 * The first thing in s the reader does not understand, else null.
 * tokens: the money read (kept apart: their words are understood); others: the numbers that are not money.
 */
export function firstTrouble(
  s: string,
  tokens: readonly NumberToken[],
  others: readonly NumberToken[],
): Trouble | null {
  // Only a cell with a percentage or an "à" can hold a share or a price per unit.
  const shares = SHARE_HINT_RE.test(s);
  for (const t of tokens) {
    const u = unitDeclaration(s, t);
    if (u) return u;
    const part = shares ? shareOrUnitPrice(s, t) : null;
    if (part) return part;
    const w = t.marked ? -1 : wordStartAfter(s, t.end);
    if (w >= 0) {
      // "2 000 EUR": thousands groups followed by a currency the reader does not read.
      const word = wordFrom(s, w);
      if (UNREAD_MONEY_WORDS.has(word.toLowerCase())) return unreadMoney(quoted(s, t.start, w + word.length));
    }
  }
  for (const t of others) {
    if (tokens.some((m) => m.start <= t.start && t.start < m.end)) continue;
    // "200-300 kr": a range of money, not 300 kr ("Delprosjekt 2 – 300 000 kr" is a label and an amount).
    const d = skipSp(s, t.end);
    const cd = codeAt(s, d) | 0x20;
    const dash = cd === 0x2d /* - */ || codeAt(s, d) === 0x2013;
    const labelled =
      (dash || cd === 0x6f || cd === 0x74 || cd === 0x65) && LABELS.has(wordBeforeAt(s, t.start).word);
    // "Mellom 300 og 400 tusen", "300 eller 400 tusen kroner": two numbers for one amount.
    const joined =
      cd === 0x6f || cd === 0x74 || cd === 0x65 ? /^(?:og|til|eller)\s+/iu.exec(s.slice(d, d + 8)) : null;
    if (joined && !labelled && !/^(?:19|20)\d\d$/.test(s.slice(t.start, t.end))) {
      const m = tokens.find((x) => x.start === skipSp(s, d + joined[0].length) && x.marked);
      if (m) {
        const word = quoted(s, t.start, m.end);
        return {
          word,
          reason: `«${word}» er et spenn, ikke ett beløp. Skriv det ene beløpet som gjelder, f.eks. «250 000 kr».`,
        };
      }
    }
    if (dash && !labelled) {
      const m = tokens.find((x) => x.start === skipSp(s, d + 1) || x.start === d);
      if (m) {
        const word = quoted(s, t.start, m.end);
        return {
          word,
          reason: `«${word}» er et spenn, ikke ett beløp. Skriv det ene beløpet som gjelder, f.eks. «250 000 kr».`,
        };
      }
    }
    const trouble = numberTrouble(s, t);
    if (trouble) return trouble;
  }
  MONEY_WORD_RE.lastIndex = 0;
  for (let m = MONEY_WORD_RE.exec(s); m; m = MONEY_WORD_RE.exec(s)) {
    const at = m.index;
    const symbol = m[0].length === 1;
    if (!symbol && (isLetterAt(s, at - 1) || isDigitAt(s, at - 1) || isLetterAt(s, at + m[0].length))) {
      MONEY_WORD_RE.lastIndex = at + 1; // "kroner" inside "ekrone…", "mill" in "millimeter"
      continue;
    }
    if (m[0].length === 3 && m[0].toLowerCase() === "nok" && m[0] !== "NOK") continue; // "nok" = enough
    if (tokens.some((t) => t.start <= at && at < t.end)) continue;
    // "mill." or "kr" right after a number the tokens read already belongs to it.
    const before = wordBeforeAt(s, at);
    const start = before.word && at - before.start <= 20 ? before.start : at;
    const word = quoted(s, start, at + m[0].length);
    return {
      word,
      reason: `Forstod ikke beløpet i «${word}»: pengeordet står uten et tall jeg kan lese. Skriv beløpet med sifre, f.eks. «410 000 kr».`,
    };
  }
  return null;
}

/** Cheap pre-check for contextTrouble: none of its words, nothing to look at. */
const CONTEXT_HINT_RE =
  /tilsvarende (?:i|for|bel)|samme bel|like mye|deretter|følgende år|året etter|årene etter|måned|mnd|\/\s*md|tidligere|restmid|ubrukt|benytted|brukte|forskutt|forskudd|overf|hvorav|herav|derav|halvpart|resten|tredjedel|fjerdedel/i;

/** Words of a sentence holding money that make its amounts no money of the year as written. */
const CONTEXT_RULES: { re: RegExp; reason: (word: string) => string }[] = [
  {
    re: /(?<![\p{L}])tidligere\s+(?:tildelt|bevilget|innvilget|mottatt|avsatt|brukt|utbetalt)(?![\p{L}])/iu,
    reason: (w) =>
      `«${w}» er penger fra et tidligere år: teksten sier ikke hvilket. Skriv året, f.eks. «410 000 kr i 2025».`,
  },
  {
    re: /(?<![\p{L}])(?:restmidler|restmidlene|ubrukte?(?:\s+midler)?|ikke\s+(?:benyttede|brukte)\s+midler|forskuttert\p{L}*|forskuttering\p{L}*|forskudd\p{L}*)(?![\p{L}])/iu,
    reason: (w) =>
      `«${w}» er penger som flyttes mellom år: teksten sier ikke sikkert hvilket år beløpet skal telle for.`,
  },
  {
    re: /(?:(?<![\p{L}])(?:per|pr\.?|i)\s+(?:måned(?:en)?|mnd\.?)|(?<![\p{L}])månedlig(?:e|t)?|\/\s*(?:mnd|md|måned))(?![\p{L}])/iu,
    reason: (w) =>
      `«${w}»: beløpet er per måned, og teksten sier ikke sikkert hvor mange måneder. Skriv beløpet for året, f.eks. «300 000 kr i 2026».`,
  },
  {
    re: /(?<![\p{L}])(?:hvorav|herav|derav)(?![\p{L}])/iu,
    reason: (w) =>
      `«${w}» gjør ett beløp til en del av et annet: summen blir feil. Skriv hvert beløp for seg med kilde, f.eks. «150 000 kr fra SiV og 50 000 kr fra RST».`,
  },
  {
    re: /(?<![\p{L}])(?:halvparten|resten|tredjedel(?:en|er)?|fjerdedel(?:en|er)?)(?![\p{L}])/iu,
    reason: (w) => `«${w}» er en andel av et beløp. Skriv beløpet som gjelder, f.eks. «150 000 kr i 2026».`,
  },
];
/** "tilsvarende i 2027", "samme beløp", "deretter": money of other years than those written (with a year). */
const LATER_RE =
  /(?<![\p{L}])(?:tilsvarende\s+(?:beløp\s+)?(?:i|for)|samme\s+beløp|like\s+mye|deretter|påfølgende\s+år|etterfølgende\s+år|året\s+etter|årene\s+etter)(?![\p{L}])/iu;
/** "overført", "overføres": a carry between years when the sentence names a year. */
const CARRY_WORD_RE = /(?<![\p{L}])overf(?:ø|o|g)r(?:t|es|ing|ingen|te|ingsmidler)(?![\p{L}])/iu;
const YEAR_RE = /(?<![\p{L}\d/.])(?:19|20)\d\d(?!\d)/u;

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATIONS = new Set([
  "kr",
  "ca",
  "mill",
  "mrd",
  "nr",
  "pr",
  "jf",
  "jfr",
  "inkl",
  "ekskl",
  "eks",
  "evt",
  "bl",
  "dvs",
  "mv",
  "tom",
  "fom",
  "m",
  "o",
  "t",
  "f",
  "ref",
  "kl",
  "mnd",
  "st",
]);

/** [start, end) of the sentence of s holding `at`: ends at ";", "!", "?", line breaks and full stops after words that are no abbreviation. */
function sentenceAround(s: string, at: number): [number, number] {
  let a = at;
  while (a > 0 && !endsSentenceAt(s, a - 1)) a--;
  let b = at;
  while (b < s.length && !endsSentenceAt(s, b)) b++;
  return [a, b];
}

/** Whether s[i] ends a sentence (see sentenceAround). */
function endsSentenceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 59 || c === 10 || c === 13 || c === 33 || c === 63) return true; // ; \n \r ! ?
  if (c !== 46 || (i + 1 < s.length && !isRegexSpace(codeAt(s, i + 1)))) return false;
  let w = i;
  while (w > 0 && isLetterAt(s, w - 1)) w--;
  if (w === i) return !isDigitAt(s, i - 1);
  return !ABBREVIATIONS.has(s.slice(w, i).toLowerCase());
}

/**
 * What the sentence around each amount says that makes it no money of a year as written: an amount
 * applied for («søkt 300 000»), money of an earlier year («tidligere tildelt»), money moved between
 * years («restmidler», «forskuttert», «overført fra 2025»), a part of another amount («hvorav»), a
 * share («halvparten»). Then two amounts as a range («200 000–300 000 kr», «mellom 200 000 og
 * 300 000 kr»), and a bare number in brackets («(50 000)»: a negative number as accountants write it?).
 */
export function contextTrouble(s: string, tokens: readonly NumberToken[], hinted = true): Trouble | null {
  if (tokens.length === 0) return null;
  if (hinted && CONTEXT_HINT_RE.test(s)) {
    let last = -1;
    for (const t of tokens) {
      if (t.start < last) continue;
      const [a, b] = sentenceAround(s, t.start);
      last = b;
      const sentence = s.slice(a, b);
      for (const rule of CONTEXT_RULES) {
        const m = rule.re.exec(sentence);
        if (m) return { word: m[0], reason: rule.reason(m[0]) };
      }
      const later = LATER_RE.exec(sentence);
      // With a year written, or with money on both sides of it («2 mill i utvikling, deretter
      // 1 mill årlig i drift»): the amounts belong to different years, so none sums to one year's.
      const at = later ? a + later.index : -1;
      const moneyAround =
        later !== null &&
        tokens.some((x) => x.money && x.end <= at && x.start >= a) &&
        tokens.some((x) => x.money && x.start >= at && x.end <= b);
      if (later && (YEAR_RE.test(sentence) || moneyAround)) {
        return {
          word: later[0],
          reason: `«${later[0]}» sier at et beløp gjelder andre år enn det som står: usikkert hvilket år hvert beløp gjelder. Skriv beløpet for hvert år, f.eks. «300 000 kr i 2027».`,
        };
      }
      const carry = CARRY_WORD_RE.exec(sentence);
      if (carry && YEAR_RE.test(sentence)) {
        const word = quoted(s, a, b);
        return {
          word,
          reason: `«${word}» er en overføring mellom år: teksten sier ikke sikkert hvilket år beløpet skal telle for.`,
        };
      }
    }
  }
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    const u = tokens[k + 1];
    if (u.start - t.end > 32) continue; // no range word or "av" phrase is that long
    const between = s.slice(t.end, u.start);
    // "500 000 + 200 000 = 700 000 kr", "Sum (500 000 + 200 000): 700 000 kr": a sum and its parts.
    if (
      between.includes("=") ||
      (between.includes("+") &&
        tokens.length > 2 &&
        /(?<![\p{L}])(?:sum|summen|totalt|samlet|til\s+sammen|i\s+alt)(?![\p{L}])/iu.test(s))
    ) {
      const word = quoted(s, tokens[0].start, tokens[tokens.length - 1].end);
      return {
        word,
        reason: `«${word}» er et regnestykke: summen og delene blir talt to ganger. Skriv bare beløpet som gjelder, f.eks. «700 000 kr».`,
      };
    }
    const dash =
      /^\s*[-\u2013\u2014]\s*$/u.test(between) || (between.trim() === "" && isMinus(codeAt(s, u.start)));
    const til = /^\s*(?:til|±|\+\/-|\+\/−)\s*$/iu.test(between);
    const og =
      /^\s*og\s*$/iu.test(between) &&
      /(?<![\p{L}])mellom\s*$/iu.test(s.slice(Math.max(0, t.start - 8), t.start));
    if ((dash && !LABELS.has(wordBeforeAt(s, t.start).word)) || til || og) {
      const word = quoted(s, t.start, u.end);
      return {
        word,
        reason: `«${word}» er et spenn, ikke ett beløp. Skriv det ene beløpet som gjelder, f.eks. «250 000 kr».`,
      };
    }
    // "Forbruk 280 000 kr av 300 000 kr": one amount a part of the other.
    if (/^\s*av\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(between) || /±|\+\/[-−]/u.test(between)) {
      const word = quoted(s, t.start, u.end);
      return {
        word,
        reason: `«${word}» er en del av et annet beløp: summen blir feil. Skriv beløpet som gjelder, f.eks. «280 000 kr».`,
      };
    }
  }
  // "Totalt 900 000 kr (300 000 kr per år 2026-2028)", "Kr 300 000 for 2026 (inkl. 50 000 kr til
  // reise)": an amount in brackets after another splits it.
  for (let k = 0; k + 1 < tokens.length; k++) {
    const u = tokens[k + 1];
    const open = s.lastIndexOf("(", u.start);
    if (open < tokens[k].end) continue;
    const shut = s.lastIndexOf(")", u.start);
    if (shut > open || /[.;\n]\s/u.test(s.slice(tokens[k].end, open))) continue;
    const close = s.indexOf(")", open);
    {
      const word = quoted(s, tokens[k].start, close < 0 ? s.length : close + 1);
      return {
        word,
        reason: `«${word}» deler et beløp opp i andre beløp: usikkert hvilket som gjelder. Skriv hvert beløp for seg, f.eks. «300 000 kr i 2026».`,
      };
    }
  }
  for (const t of tokens) {
    if (t.marked) continue;
    let p = t.start;
    while (p > 0 && isSpace(codeAt(s, p - 1))) p--;
    if (codeAt(s, p - 1) !== 40) continue;
    const q = skipSp(s, t.end);
    if (codeAt(s, q) !== 41) continue;
    const word = s.slice(p - 1, q + 1);
    return {
      word,
      reason: `Usikkert hva «${word}» betyr: er beløpet negativt? Skriv f.eks. «−${s.slice(t.start, t.end)} kr» eller «${s.slice(t.start, t.end)} kr».`,
    };
  }
  return null;
}

/** "søkt 300 000", "søker om 300 000 kr", "omsøkt beløp 300 000 kr": money applied for. */
const APPLIED_RE = /(?<![\p{L}])(?:søkt|omsøkt|søkes|søker)(?![\p{L}])/giu;
const GRANTED_RE = /(?<![\p{L}])(?:innvilget|bevilget|tildelt|fått|mottatt|gitt)(?![\p{L}])/iu;

/**
 * For each token: the words saying it is money applied for (before it, in its sentence), else null;
 * null for all when the cell applies for nothing. An applied amount alone is the plan's request;
 * beside granted money of the same years it is refused (the sum of the two is no money at all).
 */
export function appliedFor(s: string, tokens: readonly NumberToken[]): (string | null)[] | null {
  const found: { at: number; word: string }[] = [];
  APPLIED_RE.lastIndex = 0;
  for (let m = APPLIED_RE.exec(s); m; m = APPLIED_RE.exec(s)) found.push({ at: m.index, word: m[0] });
  if (found.length === 0) return null;
  // Where the sentence of each applied word ends.
  const ends = found.map((f) => {
    let i = f.at;
    while (i < s.length && !endsSentenceAt(s, i)) i++;
    return i;
  });
  return tokens.map((t) => {
    let hit: { at: number; word: string } | null = null;
    let end = 0;
    for (let k = 0; k < found.length; k++)
      if (found[k].at < t.start) {
        hit = found[k];
        end = ends[k];
      }
    if (!hit || end < t.start) return null;
    // "søkt 300 000, innvilget 200 000": a grant word between them takes the later amount.
    return GRANTED_RE.test(s.slice(hit.at, t.start)) ? null : hit.word;
  });
}
