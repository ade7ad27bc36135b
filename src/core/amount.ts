/**
 * Norwegian money text as finance staff write it in a handlingsplan's "Økonomi" cell:
 * "410 000 kr", "kr. 1 734,-", "1,5 mill. kr", "611'", "−4 200 000", several clauses each
 * with its own year ("Finansiering 2027:") and funding source ("Fra SiV:").
 * Pure and memoised; never throws on user text.
 */
import { isRegexSpace } from "./amount-chars";
import { clauseTies, scanCell, type YearMode, type YearTie } from "./amount-clauses";
import { scanTokens, type NumberToken } from "./amount-number";
import { RST, cellWords, clauseSources } from "./amount-sources";
import { firstTrouble, notMoneyAfterAll } from "./amount-words";
import { formatNumber } from "./format";
import { LruMemo } from "./memo";
import { asText } from "./text";

export { RST };
export type { YearMode };

export interface Amount {
  value: number;
  /** The year when the text ties the amount to exactly one; null for none or several (see years). */
  year: number | null;
  /** Every year the text ties the amount to, ascending; [] when it names none. */
  years: number[];
  /**
   * With several years: "each" when the amount is the money of each of them ("510 000 kr i 2026 og
   * i 2027"), "together" when it is the money of all of them at once ("Sum bevilget 2024 og 2025:
   * 3 800 040", "100 000 kr fra 2025 til 2027"). "each" for zero or one year.
   */
  yearMode: YearMode;
  source: string;
  span: [number, number];
  text: string;
}

export type AmountParse =
  | { kind: "amounts"; amounts: Amount[]; sources: string[] }
  | { kind: "none"; sources: string[]; reason: string }
  /** The text holds a money word or a number the reader does not understand: no amount is claimed. */
  | { kind: "unclear"; sources: string[]; reason: string; word: string };

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
  // "20 000 km", "Org.nr. 991 324 968": thousands groups alone do not make money.
  if (tokens.some((t) => !t.marked)) tokens = tokens.filter((t) => !notMoneyAfterAll(s, t));

  // Clauses in order; each one's sources (or RST for its amounts when it names none) in order of appearance.
  const words = cellWords(s);
  const amounts: Amount[] = [];
  const sources: string[] = [];
  let next = 0; // the first token not yet placed in a clause
  let yearTrouble: { word: string; reason: string } | null = null;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : s.length;
    const hits = clauseSources(words, start, end);
    for (const h of hits) if (!sources.includes(h.name)) sources.push(h.name);
    if (next >= tokens.length || tokens[next].start >= end) continue;
    let ties: YearTie[] = [];
    if (years.length > 0) {
      const untied: YearTie[] = [];
      ties = clauseTies(s, start, end, years, untied);
      yearTrouble ??= clauseYearTrouble(s, start, end, ties, untied, tokens, next);
    }
    if (hits.length === 0 && !sources.includes(RST)) sources.push(RST);
    const first = next;
    for (; next < tokens.length && tokens[next].start < end; next++) {
      const t = tokens[next];
      const tie = tieFor(ties, tokens, first, next, end);
      const source = sourceFor(hits, start, tokens, first, next, end);
      // An amount before the clause's named source keeps RST: the list names every amount's source.
      if (!sources.includes(source)) sources.push(source);
      amounts.push(amountOf(s, t, tie, source));
    }
  }

  const trouble = yearTrouble ?? firstTrouble(s, tokens, cell.others);
  if (trouble) return { kind: "unclear", sources, reason: trouble.reason, word: trouble.word };
  if (amounts.length === 0) {
    return {
      kind: "none",
      sources,
      reason: `Fant ikke noe kronebeløp i «${short(s)}». Skriv beløpet som for eksempel «410 000 kr».`,
    };
  }
  return { kind: "amounts", amounts, sources };
}

/** "overført 2025", "overføres til 2026", "overfgrt" (scanned): money moved between years. */
const CARRY_RE = /(?<![\p{L}])overf(?:ø|o|g)r(?:t|es|ing|ingen|te)(?![\p{L}])/iu;

/**
 * A year in the clause s[lo..hi) that bears on its money in a way the reader does not read: a year
 * right before an amount with no tie ("overført 2025 2 800 030"), or a carry between years
 * ("Disponible midler overført fra 2024 2 800 030"). first: the clause's first token.
 */
function clauseYearTrouble(
  s: string,
  lo: number,
  hi: number,
  ties: readonly YearTie[],
  untied: readonly YearTie[],
  tokens: readonly NumberToken[],
  first: number,
): { word: string; reason: string } | null {
  if (first >= tokens.length || tokens[first].start >= hi) return null;
  for (const y of untied) {
    // A year in brackets is about something else ("(oppstart 2024)", "(jf. sak 12/2025)"), or a
    // period the plan's funding rule reads ("(nov 2025-okt 2027)").
    if (insideBrackets(s, lo, y.start) && !bracketHoldsAmount(s, y.start, tokens)) continue;
    let k = y.end;
    while (k < hi && isRegexSpace(s.charCodeAt(k))) k++;
    const t = tokens.find((x) => x.start === k);
    const amount = t ?? tokens[first];
    const word = t ? s.slice(y.start, t.end).replace(/\s+/g, " ") : yearPhrase(s, lo, y);
    return {
      word,
      reason: t
        ? `Usikkert hvilket år beløpet i «${word}» gjelder. Skriv f.eks. «${s.slice(t.start, t.end)} i ${y.years[0]}».`
        : `Usikkert hva «${word}» betyr for beløpet ${s.slice(amount.start, amount.end)}: skriv f.eks. «${s.slice(amount.start, amount.end)} i ${y.years[0]}».`,
    };
  }
  // "500 000 kr (50 % i 2026, 50 % i 2027)": a year tied in brackets that hold more than the tie
  // says something about the money outside them the reader does not read.
  for (const y of ties) {
    const b = bracketAround(s, lo, y.start);
    if (!b) continue;
    const inner = s.slice(b[0] + 1, b[1]);
    if (/^\s*(?:(?:i|for|fra|fom|f\.o\.m\.?|innen|ut|per)\s+)?[\d\s,og–-]+\s*:?\s*$/u.test(inner)) continue;
    if (tokens.some((t) => t.start > b[0] && t.start < b[1])) continue;
    const word = s.slice(b[0], b[1] + 1).replace(/\s+/g, " ");
    return {
      word,
      reason: `Usikkert hva «${word}» betyr for beløpet ${s.slice(tokens[first].start, tokens[first].end)}: skriv beløpet for hvert år, f.eks. «410 000 kr i ${y.years[0]}».`,
    };
  }
  if (ties.length + untied.length > 0) {
    const clause = s.slice(lo, hi);
    if (CARRY_RE.test(clause)) {
      const word = clause.replace(/\s+/g, " ").trim();
      return {
        word,
        reason: `«${word}» er en overføring mellom år: teksten sier ikke sikkert hvilket år beløpet skal telle for.`,
      };
    }
  }
  return null;
}

/** [open, close] of the brackets around `at` (within the clause from lo), else null. */
function bracketAround(s: string, lo: number, at: number): [number, number] | null {
  let open = -1;
  for (let p = at - 1; p >= lo; p--) {
    const c = s.charCodeAt(p);
    if (c === 41) return null;
    if (c === 40) {
      open = p;
      break;
    }
  }
  if (open < 0) return null;
  const close = s.indexOf(")", at);
  return close < 0 ? [open, s.length] : [open, close];
}

/** Whether the brackets around `at` hold an amount ("(300 000 kr per år 2026-2028)"). */
function bracketHoldsAmount(s: string, at: number, tokens: readonly NumberToken[]): boolean {
  const b = bracketAround(s, 0, at);
  return b !== null && tokens.some((t) => t.start > b[0] && t.start < b[1]);
}

function insideBrackets(s: string, lo: number, at: number): boolean {
  let depth = 0;
  for (let p = lo; p < at; p++) {
    const c = s.charCodeAt(p);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

/** The year with the word before it ("høsten 2026", "november 2025"), as written. */
function yearPhrase(s: string, lo: number, y: YearTie): string {
  let b = y.start;
  while (b > lo && isRegexSpace(s.charCodeAt(b - 1))) b--;
  while (b > lo && /[\p{L}.]/u.test(s[b - 1])) b--;
  return s.slice(b, y.end).replace(/\s+/g, " ").trim();
}

/**
 * The year tie of token k of a clause (tokens first..): with one tie, that one; with several, the
 * tie right after the amount (before the next amount), else the nearest one before it (after the
 * previous amount), else the clause's first tie. "200 000 kr i 2026, 300 000 kr i 2027" ties each
 * amount to its own year.
 */
function tieFor(
  ties: readonly YearTie[],
  tokens: readonly NumberToken[],
  first: number,
  k: number,
  clauseEnd: number,
): YearTie | null {
  if (ties.length <= 1) return ties[0] ?? null;
  const t = tokens[k];
  const nextStart =
    k + 1 < tokens.length && tokens[k + 1].start < clauseEnd ? tokens[k + 1].start : clauseEnd;
  const prevEnd = k > first ? tokens[k - 1].end : -1;
  const after = ties.find((y) => y.start >= t.end && y.start < nextStart);
  if (after) return after;
  let before: YearTie | null = null;
  for (const y of ties) if (y.end <= t.start && y.start >= prevEnd) before = y;
  return before ?? ties[0];
}

/**
 * The source of token k of a clause starting at lo. One amount: the clause's first source. Several:
 * the source named right after the amount ("Kr 500 000,- fra HSØ og kr 300 000,- fra kommunene"),
 * else one named before the first amount, else RST (the plan's rule when no source is named).
 */
function sourceFor(
  hits: readonly { index: number; name: string }[],
  lo: number,
  tokens: readonly NumberToken[],
  first: number,
  k: number,
  clauseEnd: number,
): string {
  if (hits.length === 0) return RST;
  const single = k === first && (k + 1 >= tokens.length || tokens[k + 1].start >= clauseEnd);
  if (single) return hits[0].name;
  const t = tokens[k];
  const nextStart =
    k + 1 < tokens.length && tokens[k + 1].start < clauseEnd ? tokens[k + 1].start : clauseEnd;
  // Named right after the amount ("250 000 kr fra Stiftelsen Dam"): that amount's source only.
  const after = hits.find((h) => lo + h.index >= t.end && lo + h.index < nextStart);
  if (after) return after.name;
  // Named before the clause's first amount ("Fra SiV: 200 000 kr og 100 000 kr"): every amount's.
  const lead = hits.find((h) => lo + h.index < tokens[first].start);
  return lead ? lead.name : RST;
}

function amountOf(s: string, t: NumberToken, tie: YearTie | null, source: string): Amount {
  const years = tie ? tie.years.slice() : [];
  return {
    value: t.value,
    year: years.length === 1 ? years[0] : null,
    years,
    yearMode: tie && years.length > 1 ? tie.mode : "each",
    source,
    span: [t.start, t.end],
    text: s.slice(t.start, t.end),
  };
}

const amountCache = new LruMemo<AmountParse>(10_000);

function freezeParse(p: AmountParse): AmountParse {
  Object.freeze(p.sources);
  if (p.kind === "amounts") {
    for (const a of p.amounts) {
      Object.freeze(a.span);
      Object.freeze(a.years);
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

/** Every year some amount of the parse is tied to (alone or with other years). */
export function tiedYears(parse: AmountParse): Set<number> {
  const out = new Set<number>();
  if (parse.kind === "amounts") for (const a of parse.amounts) for (const y of a.years) out.add(y);
  return out;
}

/** How an amount stands to a year: it counts, it does not, or it is shared with other years. */
export type YearStanding = "counts" | "other-year" | "shared";

/**
 * Whether amount a counts for year. An amount with years counts for each of them ("each"), or is
 * shared by them ("together": the text does not say how much is for one of them). An amount with
 * no year counts for a year only when the text ties no other money to that year. tied: tiedYears.
 */
export function standingForYear(a: Amount, year: number, tied: ReadonlySet<number>): YearStanding {
  if (a.years.length === 0) return tied.has(year) ? "other-year" : "counts";
  if (!a.years.includes(year)) return "other-year";
  return a.years.length > 1 && a.yearMode === "together" ? "shared" : "counts";
}

function sourceFilter(source: string | undefined): (a: Amount) => boolean {
  if (source === undefined) return () => true;
  if (isRst(source)) return (a) => isRst(a.source);
  const want = source.trim().toLowerCase();
  return (a) => a.source.toLowerCase() === want;
}

function roundSum(sum: number): number {
  // Keep øre exact when decimals were summed.
  return Number.isInteger(sum) ? sum : Math.round(sum * 100) / 100;
}

export type YearSum =
  | { kind: "sum"; value: number }
  /** The text names no money (kind "none"), or money it cannot read (kind "unclear"). */
  | { kind: "none"; reason: string }
  /** Some money matching the filter belongs to the year together with other years. */
  | { kind: "shared"; amount: Amount; reason: string };

/**
 * The money matching the filter, or why there is no answer. Without a year every amount counts
 * once, an "each" amount once per year. With a year, see standingForYear; an amount shared by
 * the year and others gives no sum (kind "shared", with a Norwegian reason).
 */
export function yearSum(parse: AmountParse, filter?: { year?: number; source?: string }): YearSum {
  if (parse.kind !== "amounts") return { kind: "none", reason: parse.reason };
  const matches = sourceFilter(filter?.source);
  const tied = filter?.year === undefined ? new Set<number>() : tiedYears(parse);
  let sum = 0;
  for (const a of parse.amounts) {
    if (!matches(a)) continue;
    if (filter?.year === undefined) {
      sum += a.yearMode === "each" && a.years.length > 1 ? a.value * a.years.length : a.value;
      continue;
    }
    const standing = standingForYear(a, filter.year, tied);
    if (standing === "shared") {
      return {
        kind: "shared",
        amount: a,
        reason: `Beløpet «${a.text}» gjelder ${yearList(a.years)} samlet; teksten sier ikke hvor mye av det som er for ${filter.year}.`,
      };
    }
    if (standing === "counts") sum += a.value;
  }
  return { kind: "sum", value: roundSum(sum) };
}

/** 2024, 2025 → "2024 og 2025"; three or more: "2025–2027" when consecutive. */
export function yearList(years: readonly number[]): string {
  if (years.length === 0) return "";
  if (years.length > 2 && years.every((y, k) => k === 0 || y === years[k - 1] + 1))
    return `${years[0]}–${years[years.length - 1]}`;
  return years.length === 1
    ? String(years[0])
    : `${years.slice(0, -1).join(", ")} og ${years[years.length - 1]}`;
}

/**
 * Sum of amounts matching the filter; null when the text names no money it can read.
 * year: see standingForYear; money shared by the year and other years is left out (yearSum says so).
 * source: only that source (case-insensitive; any spelling of RST for RST).
 */
export function sumAmounts(parse: AmountParse, filter?: { year?: number; source?: string }): number | null {
  if (parse.kind !== "amounts") return null;
  if (filter?.year === undefined) {
    const r = yearSum(parse, filter);
    return r.kind === "sum" ? r.value : null;
  }
  const matches = sourceFilter(filter.source);
  const tied = tiedYears(parse);
  let sum = 0;
  for (const a of parse.amounts)
    if (matches(a) && standingForYear(a, filter.year, tied) === "counts") sum += a.value;
  return roundSum(sum);
}

/** [start, end) of the clause of s holding position `at` (sentences, ";", line breaks, "Finansiering 2027:" leads). */
export function clauseAround(text: string, at: number): [number, number] {
  const s = asText(text);
  const { starts } = scanCell(s);
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1] <= at) k++;
  return [starts[k], k + 1 < starts.length ? starts[k + 1] : s.length];
}
