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
  const share = /(\d+(?:[.,]\d+)?\s*(?:%|prosent)\s+av\s*)$/iu.exec(before);
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
    // "200-300 kr": a range of money, not 300 kr.
    const d = skipSp(s, t.end);
    if (codeAt(s, d) === 45 || codeAt(s, d) === 0x2013) {
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
