/**
 * Small text helpers for the årlig melding: header keys and significant words.
 * Kept local to melding so header matching here does not depend on the plan module.
 */

/** Lower case, accents folded (ø→o, æ→ae, å→a), punctuation to spaces, whitespace collapsed. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A header's key: folded, with parenthetical remarks removed ("Status (planlegging, …)" → "status"). */
export function headerKey(text: string): string {
  return foldText(text.replace(/\([^)]*\)?/g, " "));
}

/** Words that say nothing about which measure a name denotes. */
const STOPWORDS = new Set([
  "og",
  "i",
  "for",
  "av",
  "med",
  "til",
  "pa",
  "et",
  "en",
  "ei",
  "om",
  "over",
  "fra",
  "ved",
  "som",
  "det",
  "den",
  "de",
  "er",
  "ar",
  "arig",
  "arlig",
  "kr",
  "pr",
  "per",
  "x",
  "the",
  "of",
  "and",
]);

/** Significant words of a measure name: folded, no stopwords, no bare numbers. */
export function significantTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of foldText(text).split(" ")) {
    if (t.length < 2 || STOPWORDS.has(t) || /^\d+$/.test(t)) continue;
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** All letters and digits run together ("Ung Arena +" → "ungarena"), to see compounds written apart. */
export function compactText(text: string): string {
  return foldText(text).replace(/ /g, "");
}
