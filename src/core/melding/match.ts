/**
 * Matching a measure's name in the register against names in the ledger or the plan, which
 * the secretariat writes differently: "Digital møteserie for fastleger iverksettes med
 * pilotering i et år" ↔ "Digital møteserie for fastleger", "Prosjektlederstilling over 2 år
 * behandlingsavklaringer" ↔ "Behandlingsavklaring - 2-årig prosjektstilling iverksettes".
 *
 * Score in [0, 1] from significant words (folded, no stopwords, no bare numbers):
 * - two words match fully when equal or one is an inflection of the other (one a prefix of
 *   the other and at least 80 % of its length: "behandlingsavklaring" ~ "behandlingsavklaringer");
 *   half when one is the first part of a compound of the other ("kjernejournal" ~ "kjernejournalportal");
 * - containment: matched weight / size of the smaller word set;
 * - the head of a name (before ":" or " - ") equal on both sides ("Vitality: …" ~ "Vitality - …") scores 0.9;
 * - a name written apart inside the other written together ("Ung Arena +" in "UngArena+") scores 0.8.
 * A pair is accepted at MATCH_THRESHOLD or more; pairs are assigned one-to-one, best first.
 */
import { compactText, significantTokens } from "./text";

export const MATCH_THRESHOLD = 0.5;

export function wordScore(a: string, b: string): number {
  if (a === b) return 1;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (!l.startsWith(s)) return 0;
  if (s.length >= 0.8 * l.length && s.length >= 4) return 1;
  if (s.length >= 5) return 0.5;
  return 0;
}

function containment(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  let w = 0;
  for (const t of small) {
    let best = 0;
    for (const u of large) {
      const s = wordScore(t, u);
      if (s > best) best = s;
      if (best === 1) break;
    }
    w += best;
  }
  return w / small.length;
}

/** A name folded once: its significant words, the words of its head, its letters run together. */
export interface PreparedName {
  tokens: string[];
  /** Significant words before ":" or " - " (empty when the name has no head). */
  head: string[];
  compact: string;
  /** tokens and head as one string: names with the same words score the same by words. */
  words: string;
}

/** Folding is the costly part of matching; each distinct text is prepared once (bounded cache). */
const prepared = new Map<string, PreparedName>();
const PREPARED_MAX = 100_000;

export function prepareName(name: string): PreparedName {
  let p = prepared.get(name);
  if (p) return p;
  const m = /^(.*?)(?::|\s[-–—]\s)/.exec(name);
  const tokens = significantTokens(name);
  const head = m ? significantTokens(m[1]) : [];
  p = { tokens, head, compact: compactText(name), words: `${tokens.join(" ")}|${head.join(" ")}` };
  if (prepared.size >= PREPARED_MAX) prepared.clear();
  prepared.set(name, p);
  return p;
}

/** nameScore on prepared names. */
export function preparedScore(a: PreparedName, b: PreparedName): number {
  const score = wordsScore(a, b);
  return score < 0.8 && compactContains(a, b) ? 0.8 : score;
}

/** The part of preparedScore that depends only on the words (tokens and head) of a and b. */
export function wordsScore(a: PreparedName, b: PreparedName): number {
  let score = containment(a.tokens, b.tokens);
  const ha = a.head.length ? a.head : a.tokens;
  const hb = b.head.length ? b.head : b.tokens;
  if (
    (a.head.length || b.head.length) &&
    ha.length > 0 &&
    ha.length === hb.length &&
    ha.every((t, i) => t === hb[i])
  ) {
    score = Math.max(score, 0.9);
  }
  return score;
}

/** The shorter name (6+ letters) written together inside the longer: "Ung Arena +" in "UngArena+". */
export function compactContains(a: PreparedName, b: PreparedName): boolean {
  const [cs, cl] = a.compact.length <= b.compact.length ? [a.compact, b.compact] : [b.compact, a.compact];
  return cs.length >= 6 && cl.includes(cs);
}

/** Similarity of two names, 0..1. */
export function nameScore(a: string, b: string): number {
  return preparedScore(prepareName(a), prepareName(b));
}

/**
 * The key two words must share for wordScore to be above 0: equal words, or one a prefix (4+
 * letters) of the other — so their first four letters (or the whole word when shorter).
 */
export function tokenKey(t: string): string {
  return t.length <= 4 ? t : t.slice(0, 4);
}

/**
 * Share of `name`'s significant words found anywhere in `texts` (a plan group's area, tiltak and
 * goals together), so "Kjernejournal og pasientens legemiddelliste" finds the group whose
 * tiltak names the kjernejournal and whose goal names pasientens legemiddelliste.
 */
export function coverScore(name: string, texts: string[]): number {
  return coverPrepared(prepareName(name).tokens, poolOf(texts));
}

const pools = new WeakMap<string[], string[]>();

/** The distinct significant words of several texts (memoised per array). */
export function poolOf(texts: string[]): string[] {
  let pool = pools.get(texts);
  if (!pool) {
    pool = [...new Set(texts.flatMap((t) => prepareName(t).tokens))];
    pools.set(texts, pool);
  }
  return pool;
}

export function coverPrepared(tn: string[], pool: string[]): number {
  if (tn.length === 0) return 0;
  let w = 0;
  for (const t of tn) {
    let best = 0;
    for (const u of pool) {
      const s = wordScore(t, u);
      if (s > best) best = s;
      if (best === 1) break;
    }
    w += best;
  }
  return w / tn.length;
}

/** One-to-one assignment, best score first; ties keep the earlier left item. Returns right index per left (or -1). */
export function assign(scores: number[][], threshold = MATCH_THRESHOLD): number[] {
  const pairs: { l: number; r: number; s: number }[] = [];
  scores.forEach((row, l) =>
    row.forEach((s, r) => {
      if (s >= threshold) pairs.push({ l, r, s });
    }),
  );
  pairs.sort((x, y) => y.s - x.s || x.l - y.l || x.r - y.r);
  const out = scores.map(() => -1);
  const used = new Set<number>();
  for (const p of pairs) {
    if (out[p.l] !== -1 || used.has(p.r)) continue;
    out[p.l] = p.r;
    used.add(p.r);
  }
  return out;
}
