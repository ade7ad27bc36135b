/**
 * Normalising helpers for matching what users type against what we expect:
 * case-, space- and accent-insensitive, tolerant of hyphenation and soft line breaks.
 */

/**
 * A parser's input as a string: the custom functions and the adapters may hand over a number,
 * null or undefined where a cell held no text.
 */
export function asText(value: unknown): string {
  return typeof value === "string" ? value : value == null ? "" : String(value);
}

/** Letters NFD cannot decompose; folded by hand so "Økonomi" matches "okonomi". */
const FOLD: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ł: "l" };

/**
 * Lower case, accents removed (å → a, é → e, ø → o, æ → ae), soft hyphens removed,
 * words broken across lines re-joined ("Satsnings-\nområde" → "satsningsomrade"),
 * whitespace runs collapsed to one space, trimmed.
 */
export function normalizeText(s: string): string {
  return s
    .replace(/\u00AD/g, "")
    .replace(/(\p{L})-\s*[\r\n]+\s*(\p{L})/gu, "$1$2")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[øæœßđł]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/\s+/g, " ")
    .trim();
}

/** normalizeText without any spaces or punctuation: "Satsnings- område" → "satsningsomrade", "Nr." → "nr". */
export function compactKey(s: string): string {
  return normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** True when the two texts are the same ignoring case, spacing, punctuation and accents. */
export function sameKey(a: string, b: string): boolean {
  return compactKey(a) === compactKey(b);
}

/** Whitespace runs collapsed and trimmed (line breaks inside a cell become one space). */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The first year 1900–2199 written as a separate number in the text, else null. */
export function firstYear(s: string): number | null {
  const m = /(?<!\d)(19\d{2}|2[01]\d{2})(?!\d)/.exec(s);
  return m ? Number(m[1]) : null;
}
