/**
 * Norwegian money text as finance staff write it in a handlingsplan's "Økonomi" cell:
 * "410 000 kr", "kr. 1 734,-", "1,5 mill. kr", "611'", "−4 200 000", several clauses each
 * with its own year ("Finansiering 2027:") and funding source ("Fra SiV:").
 * Pure and memoised; never throws on user text.
 */
import { isRegexSpace } from "./amount-chars";
import { clauseTies, scanCell, type YearMode, type YearTie } from "./amount-clauses";
import { scanTokens, type NumberToken } from "./amount-number";
import {
  RST,
  cellWords,
  clauseSources,
  sharedCost,
  unlinkedPayer,
  type CellWords,
  type SourceHit,
} from "./amount-sources";
import {
  hasPerYear,
  isBracketPeriod,
  mayHoldPeriodWords,
  multiYearPhrases,
  periodHints,
  type MultiYearPhrase,
} from "./amount-period";
import { appliedFor, contextTrouble, firstTrouble, notMoneyAfterAll } from "./amount-words";
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
  /**
   * The words that make the amount the money of several years together when the text names no
   * years for it ("over tre år", "fordelt på tre år", "3-årig", "i prosjektperioden"), else null.
   * Such an amount is no one year's money: it is shared by whatever year is asked about.
   */
  period: string | null;
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
  let payerProblem: { word: string; reason: string } | null = null;
  let cellPeriod: { text: string; years: number[] } | null = null;
  let bareYearLine: string | null = null;
  /** The first amount of a clause led by "Totalt"/"Sum"/"Samlet" (a total), else -1. */
  let totalAmount = -1;
  const hints = periodHints(s);
  /** For each amount, the index in starts of its clause. */
  const amountClause: number[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : s.length;
    const several = next + 1 < tokens.length && tokens[next + 1].start < end && tokens[next].start >= start;
    const hits = clauseSources(words, start, end, several);
    for (const h of hits) if (!sources.includes(h.name)) sources.push(h.name);
    if (next >= tokens.length || tokens[next].start >= end) {
      // "Prosjektperiode: 2025–2027.", "Prosjektet varer i tre år.": a sentence without money saying
      // the cell's money is that of a period.
      if (cellPeriod === null && mayHoldPeriodWords(hints, start, end))
        cellPeriod = periodSentence(s, start, end);
      // "2026\n300 000 kr": a line that is only a year, away from the money.
      if (bareYearLine === null && years.length > 0 && BARE_YEAR_LINE_RE.test(s.slice(start, end)))
        bareYearLine = s.slice(start, end).trim();
      continue;
    }
    let ties: YearTie[] = [];
    if (years.length > 0) {
      const untied: YearTie[] = [];
      ties = clauseTies(s, start, end, years, untied, tokens);
      yearTrouble ??= clauseYearTrouble(s, start, end, ties, untied, tokens, next);
    }
    payerProblem ??= payerTrouble(words, start, end, hits, tokens[next], several);
    if (hits.length === 0 && !sources.includes(RST)) sources.push(RST);
    const first = next;
    const clauseAmounts = amounts.length;
    const clauseTieList: (YearTie | null)[] = [];
    for (; next < tokens.length && tokens[next].start < end; next++) {
      const t = tokens[next];
      const tie = tieFor(ties, tokens, first, next, end);
      clauseTieList.push(tie);
      const source = sourceFor(hits, start, tokens, first, next, end);
      // An amount before the clause's named source keeps RST: the list names every amount's source.
      if (!sources.includes(source)) sources.push(source);
      amounts.push(amountOf(s, t, tie, source));
    }
    if (ties.length === 1) yearTrouble ??= tieBetween(s, ties[0], tokens, first, next);
    yearTrouble ??= markPeriods(s, start, end, amounts, clauseAmounts, clauseTieList, hints);
    if (totalAmount < 0 && TOTAL_LEAD_RE.test(s.slice(start, Math.min(end, start + 24))))
      totalAmount = clauseAmounts;
    for (let a = clauseAmounts; a < amounts.length; a++) amountClause.push(k);
  }
  if (cellPeriod !== null) {
    const { text, years: span } = cellPeriod;
    const perYear = (k: number): boolean => {
      const c = amountClause[k];
      const lo = starts[c];
      const hi = c + 1 < starts.length ? starts[c + 1] : s.length;
      return mayHoldPeriodWords(hints, lo, hi) && hasPerYear(s.slice(lo, hi));
    };
    for (let k = 0; k < amounts.length; k++)
      if (amounts[k].years.length === 0 && amounts[k].period === null && !perYear(k))
        amounts[k] =
          span.length > 1
            ? { ...amounts[k], years: span.slice(), yearMode: "together" }
            : { ...amounts[k], period: text };
  }

  if (bareYearLine !== null && amounts.some((a) => a.years.length === 0)) {
    const a = amounts.find((x) => x.years.length === 0)!;
    yearTrouble ??= {
      word: bareYearLine,
      reason: `Usikkert hva «${bareYearLine}» betyr for beløpet ${a.text}: skriv f.eks. «${a.text} i ${bareYearLine.replace(/\s*:$/, "")}».`,
    };
  }
  // "Totalt: 900 000 kr\n2026: 300 000 kr …": a total beside its parts of each year.
  if (
    totalAmount >= 0 &&
    amounts[totalAmount].years.length === 0 &&
    amounts.some((a) => a.years.length > 0)
  ) {
    const a = amounts[totalAmount];
    yearTrouble ??= {
      word: a.text,
      reason: `«${a.text}» er en sum av beløpene for hvert år: summen blir feil. Skriv bare beløpene for hvert år, f.eks. «300 000 kr i 2026».`,
    };
  }
  const trouble =
    yearInAmount(s, tokens, years) ??
    yearTrouble ??
    contextTrouble(s, tokens, words.context) ??
    firstTrouble(s, tokens, cell.others) ??
    payerProblem ??
    appliedBesideGranted(s, tokens, amounts, words.applied);
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

/**
 * "i 2025kr", "for 2026 kr": digits that are a year with a currency word glued on. Is it 2 025 kroner
 * or the year 2025? years: where the cell writes years (scanCell).
 */
function yearInAmount(
  s: string,
  tokens: readonly NumberToken[],
  years: readonly number[],
): { word: string; reason: string } | null {
  if (years.length === 0) return null;
  for (const t of tokens) {
    const y = years.find((p) => p >= t.start && p < t.end);
    if (y === undefined) continue;
    const word = s.slice(t.start, t.end).replace(/\s+/g, " ");
    return {
      word,
      reason: `Usikkert om «${word}» er et årstall eller et beløp. Skriv f.eks. «300 000 kr i ${s.slice(y, y + 4)}».`,
    };
  }
  return null;
}

/**
 * "søkt 300 000, innvilget 200 000": money applied for beside other money of the same years (or of
 * no year) is refused: the text does not say which of them is the money.
 */
function appliedBesideGranted(
  s: string,
  tokens: readonly NumberToken[],
  amounts: readonly Amount[],
  hinted: boolean,
): { word: string; reason: string } | null {
  if (amounts.length < 2) return null;
  const applied = hinted ? appliedFor(s, tokens) : null;
  if (applied === null) return null;
  for (let k = 0; k < amounts.length; k++) {
    const word = applied[k];
    if (word === null) continue;
    const a = amounts[k];
    const clash = amounts.some(
      (b, j) =>
        j !== k &&
        applied[j] === null &&
        (a.years.length === 0 || b.years.length === 0 || a.years.some((y) => b.years.includes(y))),
    );
    if (!clash) continue;
    return {
      word: `${word} ${a.text}`,
      reason: `«${word} ${a.text}» er et beløp det er søkt om, og teksten nevner også andre beløp for samme år: usikkert hvilket som gjelder. Skriv beløpet som er bevilget, f.eks. «410 000 kr».`,
    };
  }
  return null;
}

/**
 * Who pays the money of the clause s[lo..hi), when the text does not say it clearly: several payers
 * named together ("Finansieres av SiV (50 %) og kommunene (50 %): 400 000 kr"), or a payer named
 * without a link ("400 000 kr, SiV"). Never claim such money as RST's. first: the clause's first amount.
 */
function payerTrouble(
  cell: CellWords,
  lo: number,
  hi: number,
  hits: readonly SourceHit[],
  first: NumberToken,
  severalIn: boolean,
): { word: string; reason: string } | null {
  const shared = hits.find((h) => h.shared);
  const amount = cell.s.slice(first.start, first.end);
  if (shared?.shared) {
    const names = shared.shared;
    return {
      word: shared.name,
      reason: `Beløpet ${amount} deles mellom «${shared.name}»: teksten sier ikke hvor mye hver betaler. Skriv beløpet for hver kilde, f.eks. «200 000 kr fra ${names[0]}».`,
    };
  }
  const unclear = hits.find((h) => h.unclear);
  if (unclear) {
    const clause = cell.s.slice(lo, hi).replace(/\s+/g, " ").trim();
    return {
      word: clause,
      reason: `Usikkert hvem som betaler beløpet ${amount} i «${clause}». Skriv kilden, f.eks. «${amount} fra SiV» (uten kilde regnes beløpet som RST-midler).`,
    };
  }
  const sharedWord = cell.shared ? sharedCost(cell.s, lo, hi, hits) : null;
  if (sharedWord !== null) {
    return {
      word: sharedWord,
      reason: `Beløpet ${amount} deles mellom flere («${sharedWord}»): teksten sier ikke hvor mye hver betaler. Skriv beløpet for hver kilde, f.eks. «200 000 kr fra SiV».`,
    };
  }
  const name = unlinkedPayer(cell, lo, hi, hits, !severalIn);
  if (name === null) return null;
  return {
    word: name,
    reason: `Usikkert hvem som betaler beløpet ${amount}: teksten nevner «${name}» uten å si om ${name} betaler. Skriv f.eks. «${amount} fra ${name}».`,
  };
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
    // "(2025-midler)", "av 2025-midlene": money of a year's grant, spent when?
    const glued = YEAR_MONEY_RE.exec(s.slice(y.end, y.end + 16));
    if (glued) {
      const word = s.slice(y.start, y.end) + glued[0];
      return {
        word,
        reason: `Usikkert hvilket år «${word}» skal telle for: skriv f.eks. «${s.slice(tokens[first].start, tokens[first].end)} i ${y.years[0]}».`,
      };
    }
    // A year in brackets is about something else ("(oppstart 2024)", "(jf. sak 12/2025)"), or a
    // period the plan's funding rule reads ("(nov 2025-okt 2027)").
    if (
      insideBrackets(s, lo, y.start) &&
      !bracketHoldsAmount(s, y.start, tokens) &&
      !bareYears(s, lo, y) &&
      !moneyWordsBeside(s, lo, y, tokens)
    )
      continue;
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
    if (
      /^\s*(?:(?:i|for|fra|fom|f\.o\.m\.?|innen|ut|per|tildelt|bevilget|budsjett|budsjettert|estimat|kostnad)\s+)?[\d\s,og–-]+\s*:?\s*$/iu.test(
        inner,
      )
    )
      continue;
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

/**
 * "400 000 kr (estimat 2026)": brackets right after money holding a year and words that may say which
 * year the money is for. Brackets about something else still tie nothing ("(oppstart 2024)",
 * "(jf. sak 12/2025)", "(prosjektet startet høsten 2025)", "(vedtatt i SSU 27.11.2025)").
 */
function moneyWordsBeside(s: string, lo: number, y: YearTie, tokens: readonly NumberToken[]): boolean {
  const b = bracketAround(s, lo, y.start);
  if (b === null) return false;
  let e = b[0];
  while (e > lo && isRegexSpace(s.charCodeAt(e - 1))) e--;
  if (!tokens.some((t) => t.end === e)) return false;
  const inner = s.slice(b[0] + 1, b[1]);
  return !ABOUT_ELSE_RE.test(inner) && !isBracketPeriod(inner);
}

const ABOUT_ELSE_RE =
  /(?<![\p{L}])(?:oppstart\p{L}*|start\p{L}*|vedt\p{L}*|jf|jfr|sak|styresak|saksnr|ref|se|evaluer\p{L}*|rapport\p{L}*|revidert|oppdatert|avslutt\p{L}*|siden|etablert|pilot\p{L}*|prosjekt\p{L}*|tiltak\p{L}*)(?![\p{L}])/iu;

/** "Prosjektleder (2025): 600 000 kr": brackets holding only years (away from money) say which year, unclearly. */
function bareYears(s: string, lo: number, y: YearTie): boolean {
  const b = bracketAround(s, lo, y.start);
  return b !== null && s.slice(b[0] + 1, y.start).trim() === "" && s.slice(y.end, b[1]).trim() === "";
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
  let before: YearTie | null = null;
  for (const y of ties) if (y.end <= t.start && y.start >= prevEnd) before = y;
  // "I 2026 brukes 300 000 kr, i 2027 400 000 kr": each year before its amount.
  if (
    before &&
    marksBefore(
      ties.map((y) => y.start),
      tokens,
      first,
      clauseEnd,
    )
  )
    return before;
  const after = ties.find((y) => y.start >= t.end && y.start < nextStart);
  if (after) return after;
  return before ?? ties[0];
}

/**
 * Whether a clause writes its marks (years, sources) before each amount: one stands before the
 * clause's first amount and none after its last. marks: where they start.
 */
function marksBefore(
  marks: readonly number[],
  tokens: readonly NumberToken[],
  first: number,
  clauseEnd: number,
): boolean {
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].start < clauseEnd) last++;
  if (last === first) return false;
  const f = tokens[first].start;
  const l = tokens[last].end;
  return marks.some((m) => m < f) && !marks.some((m) => m >= l && m < clauseEnd);
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
  // "RST 300 000 kr, egenandel 100 000 kr": each source before its amount.
  if (
    marksBefore(
      hits.map((h) => lo + h.index),
      tokens,
      first,
      clauseEnd,
    )
  ) {
    const prevEnd = k > first ? tokens[k - 1].end : lo;
    let named: string | null = null;
    for (const h of hits) if (lo + h.index >= prevEnd && lo + h.index < t.start) named = h.name;
    if (named) return named;
  }
  // Named right after the amount ("250 000 kr fra Stiftelsen Dam"): that amount's source only.
  const after = hits.find((h) => lo + h.index >= t.end && lo + h.index < nextStart);
  if (after) return after.name;
  // Named before the clause's first amount ("Fra SiV: 200 000 kr og 100 000 kr"): every amount's.
  const lead = hits.find((h) => lo + h.index < tokens[first].start);
  return lead ? lead.name : RST;
}

/**
 * "300 000 kr i 2026 og 200 000 kr": the clause's one year follows the first amount, so the later
 * amount may be of another year. tokens[first..last): the clause's amounts.
 */
function tieBetween(
  s: string,
  tie: YearTie,
  tokens: readonly NumberToken[],
  first: number,
  last: number,
): { word: string; reason: string } | null {
  let before = -1;
  for (let k = first; k < last; k++) if (tokens[k].end <= tie.start) before = k;
  if (before < 0 || before + 1 >= last || tokens[before + 1].start < tie.end) return null;
  // The year belongs to the amount before it: only a tie word lies between.
  if ((s.slice(tokens[before].end, tie.start).match(/[\p{L}\d]+/gu) ?? []).length > 2) return null;
  const t = tokens[before + 1];
  const amount = s.slice(t.start, t.end);
  return {
    word: amount,
    reason: `Usikkert hvilket år beløpet «${amount}» gjelder: året ${s.slice(tie.start, tie.end)} står ved beløpet foran. Skriv f.eks. «${amount} i ${tie.years[0]}».`,
  };
}

const YEAR_MONEY_RE =
  /^-(?:midler|midlene|tildeling|tildelingen|bevilgning|bevilgningen|tilskudd|tilskuddet|ramme|rammen)(?![\p{L}])/iu;
const PER_YEAR_AFTER_RE = /^\s*(?:(?:per|pr\.?)\s*år|årlig|\/\s*år|i\s+året|hvert\s+år)(?![\p{L}])/iu;
const BARE_YEAR_LINE_RE = /^\s*(?:19|20)\d\d(?:\s*(?:[-–—,]|og)\s*(?:19|20)?\d\d)*\s*:?\s*$/u;
const TOTAL_LEAD_RE = /^[\s\-–•*]*(?:totalt|samlet|sum|til\s+sammen|i\s+alt)(?![\p{L}])/iu;

const TOTAL_RE = /(?<![\p{L}])(?:samlet|samlede?|totalt?|totale|til\s+sammen|i\s+alt)(?![\p{L}])/iu;
/** Words saying a sentence gives the period of a project ("Prosjektperiode: 2025–2027"). */
const PERIOD_LABEL_RE =
  /(?<![\p{L}])(?:prosjektperiode\p{L}*|periode\p{L}*|varighet\p{L}*|varer|løper|prosjektet\s+er)(?![\p{L}])/iu;
const YEAR_RANGE_RE = /(?<![\d])(?:19|20)\d\d\s*(?:[-–—]|til|og)\s*(?:(?:19|20)\d\d|\d\d)(?![\d])/u;

/**
 * A sentence without money that names a period of several years for the cell: its words and its
 * years ([] when it names none: "varer i tre år"), else null.
 */
function periodSentence(s: string, lo: number, hi: number): { text: string; years: number[] } | null {
  const clause = s.slice(lo, hi);
  if (!PERIOD_LABEL_RE.test(clause) || hasPerYear(clause)) return null;
  const range = YEAR_RANGE_RE.exec(clause);
  if (range) {
    const [a, b] = range[0].match(/\d+/g) ?? [];
    const first = Number(a);
    const last = b.length === 2 ? Math.floor(first / 100) * 100 + Number(b) : Number(b);
    if (last <= first || last - first > 10) return null;
    return { text: range[0], years: Array.from({ length: last - first + 1 }, (_, k) => first + k) };
  }
  const phrase = multiYearPhrases(clause)[0];
  return phrase ? { text: phrase.text, years: [] } : null;
}

const START_TIE_RE = /(?<![\p{L}])(?:fra|fom|f\.o\.m\.?|fra\s+og\s+med)\s+$/iu;

/**
 * "Totalt 2,4 mill. kr over tre år": the money of several years together. Each multi-year phrase of
 * the clause s[lo..hi) marks the nearest amount before it, or (none before) every amount of the clause;
 * a clause that says "per år"/"årlig" names each year's money instead. An amount tied to one start
 * year ("over 2 år fra 2026") gets the years the phrase counts; one tied to one year otherwise ("i
 * 2026 over tre år") is refused. amounts[from..]: the clause's amounts, changed in place; ties: their year ties.
 */
function markPeriods(
  s: string,
  lo: number,
  hi: number,
  amounts: Amount[],
  from: number,
  ties: readonly (YearTie | null)[],
  hints: readonly number[],
): { word: string; reason: string } | null {
  if (from >= amounts.length) return null;
  if (!mayHoldPeriodWords(hints, lo, hi)) return null;
  const clause = s.slice(lo, hi);
  const phrases = multiYearPhrases(clause);
  if (phrases.length === 0) return null;
  // The phrase must stand near its amount: at most a few words apart ("2,4 mill. kr til
  // prosjektleder over tre år", "Kostnad over 3 år estimert til 900 000 kr").
  const near = (a: number, b: number) => (s.slice(a, b).match(/[\p{L}\d]+/gu) ?? []).length <= 4;
  const targeted: { p: MultiYearPhrase; k: number[] }[] = [];
  for (const p of phrases) {
    const at = lo + p.start;
    let target = -1;
    for (let k = from; k < amounts.length; k++) if (amounts[k].span[1] <= at) target = k;
    const targets =
      target >= 0
        ? near(amounts[target].span[1], at)
          ? [target]
          : []
        : near(lo + p.end, amounts[from].span[0])
          ? amounts.slice(from).map((_, k) => from + k)
          : [];
    if (targets.length > 0) targeted.push({ p, k: targets });
    // "Prosjektet varer i tre år og har en samlet kostnad på 2 400 000 kr": a total of the period.
    else if (TOTAL_RE.test(clause)) targeted.push({ p, k: amounts.slice(from).map((_, k) => from + k) });
  }
  if (targeted.length === 0) return null;
  if (hasPerYear(clause)) {
    // "3 mill. kr over tre år, dvs. 1 mill. kr per år": a total and its yearly part, not two amounts.
    if (amounts.length - from < 2) return null;
    const word = clause.replace(/\s+/g, " ").trim();
    return {
      word,
      reason: `«${word}» nevner både et beløp for flere år og et beløp per år: summen blir feil. Skriv beløpet for hvert år, f.eks. «1 000 000 kr i 2026».`,
    };
  }
  for (const { p, k: targets } of targeted) {
    for (const k of targets) {
      const a = amounts[k];
      if (a.years.length > 1) continue; // the text names the years ("(nov 2025-okt 2027)")
      if (a.years.length === 0) {
        amounts[k] = { ...a, period: p.text };
        continue;
      }
      const y = a.years[0];
      const tie = ties[k - from];
      if (p.count !== null && tie && START_TIE_RE.test(s.slice(Math.max(lo, tie.start - 14), tie.start))) {
        const years = Array.from({ length: p.count }, (_, n) => y + n);
        amounts[k] = { ...a, year: null, years, yearMode: "together" };
        continue;
      }
      const word = clause.replace(/\s+/g, " ").trim();
      return {
        word,
        reason: `Usikkert hvilket år beløpet ${a.text} gjelder: «${word}» nevner både ${y} og «${p.text}». Skriv beløpet for hvert år, f.eks. «${a.text} i ${y}».`,
      };
    }
  }
  return null;
}

function amountOf(s: string, t: NumberToken, tie: YearTie | null, source: string): Amount {
  const years = tie ? tie.years.slice() : [];
  // "Tildeling for 2026 og 2027: 400 000 kr per år": the amount in each of the years.
  const perYear = years.length > 1 && PER_YEAR_AFTER_RE.test(s.slice(t.end, t.end + 12));
  return {
    value: t.value,
    year: years.length === 1 ? years[0] : null,
    years,
    yearMode: tie && years.length > 1 && !perYear ? tie.mode : "each",
    period: null,
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
  if (a.years.length === 0) return tied.has(year) ? "other-year" : a.period ? "shared" : "counts";
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
        reason:
          a.years.length === 0
            ? `Beløpet «${a.text}» gjelder flere år samlet («${a.period}»); teksten sier ikke hvor mye av det som er for ${filter.year}.`
            : `Beløpet «${a.text}» gjelder ${yearList(a.years)} samlet; teksten sier ikke hvor mye av det som er for ${filter.year}.`,
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
