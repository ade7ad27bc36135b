/**
 * Norwegian money text as finance staff write it in a handlingsplan's "Økonomi" cell:
 * "410 000 kr", "kr. 1 734,-", "1,5 mill. kr", "611'", "−4 200 000", several clauses each
 * with its own year ("Finansiering 2027:") and funding source ("Fra SiV:").
 * Pure and memoised; never throws on user text.
 */
import { isRegexSpace } from "./amount-chars";
import { clauseYear, scanCell } from "./amount-clauses";
import { scanTokens } from "./amount-number";
import { RST, cellWords, clauseSources } from "./amount-sources";
import { formatNumber } from "./format";
import { LruMemo } from "./memo";
import { asText } from "./text";

export { RST };

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

const BARE_NUMBER_RE = /^[-\u2212]?\d+(?:,\d+)?$/;

/** Empty or white space only; only a cell that starts with white space pays for the trim. */
function isBlank(s: string): boolean {
  return s.length === 0 || (isRegexSpace(s.charCodeAt(0)) && s.trim() === "");
}

function short(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/**
 * Every money amount in a cell, with the year and funding source its clause names. Never throws.
 * Not memoised; the result is a fresh object the caller owns (parseAmounts returns frozen, shared ones).
 */
export function parseAmountsUncached(input: string): AmountParse {
  const s = asText(input);
  if (isBlank(s)) return { kind: "none", sources: [], reason: "Ingen økonomi oppgitt (tom celle)" };

  const cell = scanCell(s);
  const { starts, years } = cell;
  let tokens = cell.tokens;
  if (tokens.length === 0) {
    // A cell that is one bare number ("410000") is money unless it looks like a year.
    // Its clauses stay as they are: without full stops they do not depend on the tokens.
    const t = s.trim();
    if (BARE_NUMBER_RE.test(t) && !/^(19\d\d|20\d\d|2100)$/.test(t)) tokens = scanTokens(s, true);
  }

  // Clauses in order; each one's sources (or RST for its amounts when it names none) in order of appearance.
  const words = cellWords(s);
  const amounts: Amount[] = [];
  const sources: string[] = [];
  let next = 0; // the first token not yet placed in a clause
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : s.length;
    const hits = clauseSources(words, start, end);
    for (const h of hits) if (!sources.includes(h.name)) sources.push(h.name);
    if (next >= tokens.length || tokens[next].start >= end) continue;
    const year = clauseYear(s, start, end, years);
    const source = hits.length > 0 ? hits[0].name : RST;
    if (hits.length === 0 && !sources.includes(RST)) sources.push(RST);
    for (; next < tokens.length && tokens[next].start < end; next++) {
      const t = tokens[next];
      amounts.push({ value: t.value, year, source, span: [t.start, t.end], text: s.slice(t.start, t.end) });
    }
  }

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
  const key = asText(text);
  const hit = amountCache.get(key);
  if (hit) return hit;
  const result = freezeParse(parseAmountsUncached(key));
  amountCache.set(key, result);
  return result;
}

export function clearAmountCache(): void {
  amountCache.clear();
}

/** 8400000 → "8 400 000"; -1500000.5 → "−1 500 000,50" (core/format.ts: U+00A0 groups, U+2212 minus, øre only when there are any). */
export function formatNok(value: number): string {
  return formatNumber(value);
}

/** A whole cell that is one amount ("-3 500 000", "kr 410 000", "2026") → its value, else null. */
export function parseNokNumber(text: string): number | null {
  const s = asText(text);
  if (isBlank(s)) return null;
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
