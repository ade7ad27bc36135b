/**
 * Character helpers for the amount parser. They work on char codes because they run for every
 * character of every cell. Where a helper stands in for a regex it keeps that regex's semantics:
 * /iu case folding (foldIu) and code-point-aware \p{L} look-arounds (letterBefore, letterAfter).
 */

const LETTER_RE = /\p{L}/u;

/** \p{L} for the code units below U+0250 (ASCII and the Latin letters), looked up once. */
const LATIN_LETTERS = new Uint8Array(0x250);
for (let c = 0; c < LATIN_LETTERS.length; c++)
  LATIN_LETTERS[c] = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * s.charCodeAt(i), or -1 past either end. Never let charCodeAt itself read past the end: V8's optimised
 * code deoptimises there, and afterwards that call site goes through the slow builtin for good.
 */
export function codeAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** False past either end of s. */
export function isDigitAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  return c >= 48 && c <= 57;
}

/** \p{L} for one UTF-16 code unit; a lone surrogate is no letter, nor is -1 (past the end). */
export function isLetterCode(c: number): boolean {
  if (c < 0x250) return c >= 0 && LATIN_LETTERS[c] === 1;
  return LETTER_RE.test(String.fromCharCode(c));
}

export function isLetterAt(s: string, i: number): boolean {
  return isLetterCode(codeAt(s, i));
}

export function isAlnumAt(s: string, i: number): boolean {
  const c = codeAt(s, i);
  return (c >= 48 && c <= 57) || isLetterCode(c);
}

/** Regex (?<=[\p{L}]) in /u mode at p, as if the string started at lo (a surrogate pair is one letter). */
export function letterBefore(s: string, p: number, lo: number): boolean {
  if (p - 1 < lo) return false;
  const c = codeAt(s, p - 1);
  if (c >= 0xdc00 && c <= 0xdfff && p - 2 >= lo) {
    const h = codeAt(s, p - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER_RE.test(s.slice(p - 2, p));
  }
  return isLetterCode(c);
}

/** Regex (?=[\p{L}]) in /u mode at p, as if the string ended at hi (a surrogate pair is one letter). */
export function letterAfter(s: string, p: number, hi: number): boolean {
  if (p >= hi) return false;
  const c = codeAt(s, p);
  if (c >= 0xd800 && c <= 0xdbff && p + 1 < hi) {
    const l = codeAt(s, p + 1);
    if (l >= 0xdc00 && l <= 0xdfff) return LETTER_RE.test(s.slice(p, p + 2));
  }
  return isLetterCode(c);
}

/** Thousands separators: space, no-break space, narrow no-break space, thin space. */
export function isGroupSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** What may stand between a number and its unit: the thousands separators and tab. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 9;
}

export function skipSpaces(s: string, i: number): number {
  while (isSpace(codeAt(s, i))) i++;
  return i;
}

/** Regex \s. */
export function isRegexSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isMinus(c: number): boolean {
  return c === 45 || c === 0x2212;
}

/** ' ’ ´: "611'" means 611 000. */
export function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0xb4;
}

/** A code unit folded the way /iu compares it with ASCII: A–Z → a–z, Kelvin sign → k, long s → s. */
export function foldIu(c: number): number {
  if (c >= 65 && c <= 90) return c | 0x20;
  if (c === 0x212a) return 0x6b;
  if (c === 0x17f) return 0x73;
  return c;
}

/** s[i..] starts with word (lower-case ASCII) under /iu case folding, within s[..hi]. */
export function wordAt(s: string, i: number, word: string, hi = s.length): boolean {
  const len = word.length;
  if (i < 0 || i + len > hi) return false;
  for (let k = 0; k < len; k++) if (foldIu(codeAt(s, i + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** s[..end] ends with word (lower-case ASCII) under /iu case folding, within s[lo..]. */
export function wordBefore(s: string, end: number, word: string, lo: number): boolean {
  const len = word.length;
  if (end - len < lo || end > s.length) return false;
  // Backwards: words sought this way differ most at their ends.
  for (let k = len - 1; k >= 0; k--)
    if (foldIu(codeAt(s, end - len + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Words (lower-case ASCII) grouped by their last char code, each group in the words' order. */
export type WordsByLast = ReadonlyMap<number, readonly string[]>;

export function byLastChar(words: readonly string[]): WordsByLast {
  const groups = new Map<number, string[]>();
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    groups.set(last, [...(groups.get(last) ?? []), w]);
  }
  return groups;
}

/** The first of words that s[..end] ends with (see wordBefore), else undefined. */
export function wordEndingAt(s: string, end: number, words: WordsByLast, lo: number): string | undefined {
  if (end - 1 < lo) return undefined;
  const group = words.get(foldIu(codeAt(s, end - 1)));
  if (group) for (let k = 0; k < group.length; k++) if (wordBefore(s, end, group[k], lo)) return group[k];
  return undefined;
}
