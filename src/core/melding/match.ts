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

function wordScore(a: string, b: string): number {
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
  for (const t of small) w += Math.max(0, ...large.map((u) => wordScore(t, u)));
  return w / small.length;
}

function head(name: string): string[] {
  const m = /^(.*?)(?::|\s[-–—]\s)/.exec(name);
  return m ? significantTokens(m[1]) : [];
}

/** Similarity of two names, 0..1. */
export function nameScore(a: string, b: string): number {
  const ta = significantTokens(a);
  const tb = significantTokens(b);
  let score = containment(ta, tb);
  const ha = head(a).length ? head(a) : ta;
  const hb = head(b).length ? head(b) : tb;
  if (
    (head(a).length || head(b).length) &&
    ha.length > 0 &&
    ha.length === hb.length &&
    ha.every((t, i) => t === hb[i])
  ) {
    score = Math.max(score, 0.9);
  }
  const ca = compactText(a);
  const cb = compactText(b);
  const [cs, cl] = ca.length <= cb.length ? [ca, cb] : [cb, ca];
  if (cs.length >= 6 && cl.includes(cs)) score = Math.max(score, 0.8);
  return score;
}

/**
 * Share of `name`'s significant words found anywhere in `texts` (a plan group's area, tiltak and
 * goals together), so "Kjernejournal og pasientens legemiddelliste" finds the group whose
 * tiltak names the kjernejournal and whose goal names pasientens legemiddelliste.
 */
export function coverScore(name: string, texts: string[]): number {
  const tn = significantTokens(name);
  if (tn.length === 0) return 0;
  const pool = [...new Set(texts.flatMap(significantTokens))];
  let w = 0;
  for (const t of tn) w += Math.max(0, ...pool.map((u) => wordScore(t, u)));
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
