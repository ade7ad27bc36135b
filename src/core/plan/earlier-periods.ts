/**
 * Money for a period that started before the plan year (no dependency on the rest of the plan,
 * so NOK.EXPLAIN can use it without loading plan validation).
 *
 * Money for a period that started before the plan year is not new money for the plan
 * year. The RST ledger books an allocation in full in the year it is granted ("Midlene er
 * ikke periodisert"), so "3 000 000 kr over to år (nov 2025-okt 2027)" was allocated in
 * 2025. The amount parser leaves such an amount without a year (it would then count for
 * any year), so: when a parenthesised part of the same sentence is a period and nothing else
 * (time words, a range with an end: "nov 2025-okt 2027", "fra november 2025 til oktober 2027")
 * starting before the plan year, the sentence's year-less amounts are moved to the period's
 * start year. Anything else in brackets ties the money to no year: a case number ("jf. sak
 * 12/2025"), a start ("oppstart 2024", "prosjektet startet høsten 2025") or a decision date
 * does not move plan-year money (issue 11).
 */
import type { Amount, AmountParse } from "../amount";
import { parseIso } from "../dates";
import { isBracketPeriod } from "../amount-period";
import type { DeadlineParse } from "../deadline";

export { isBracketPeriod };

/** [start, end) of each sentence: split at . ; ! ? followed by whitespace, and at line breaks. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const endsSentence =
      ch === "\n" || (".;!?".includes(ch) && (i + 1 === text.length || /\s/.test(text[i + 1])));
    if (endsSentence) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/**
 * The year a written period starts: the earliest start of the whole text and of its first
 * part before a range dash or "til" ("nov 2025-okt 2027" → "nov 2025"), so the answer does
 * not depend on whether the deadline parser reads the whole text as a range.
 */
function periodStartYear(text: string, deadline: (t: string) => DeadlineParse): number | null {
  let start: string | null = null;
  const parts = [text];
  const range = /^(.*?\d{4})\s*(?:[-–—]|\btil\b)\s*\S/.exec(text);
  if (range) parts.push(range[1]);
  for (const part of parts) {
    const p = deadline(part.trim());
    const s = p.ok ? p.deadline.start : null;
    if (s !== null && (start === null || s < start)) start = s;
  }
  return start === null ? null : parseIso(start).year;
}

/** Start years (up to planYear) of periods written in parentheses, by position in the text; last: the period's last year written. */
function earlierPeriods(
  text: string,
  planYear: number,
  deadline: (t: string) => DeadlineParse,
): { at: number; year: number; last: number }[] {
  const out: { at: number; year: number; last: number }[] = [];
  const re = /\(([^()]*)\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1].trim();
    if (!/\d{4}/.test(inner)) continue; // only a period with a year can say when it started
    if (!isBracketPeriod(inner)) continue;
    const startYear = periodStartYear(inner, deadline);
    const last = Math.max(...(inner.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []).map(Number));
    if (startYear !== null && startYear <= planYear) out.push({ at: m.index, year: startYear, last });
  }
  return out;
}

/**
 * The parse with the money of a bracketed period in its sentence (year-less amounts, and amounts the
 * parser ties to the period's years together) moved to the period's start year when that is not
 * after the plan year. A period starting after the plan year is left as the parser reads it.
 */
export function adjustForEarlierPeriods(
  text: string,
  parse: AmountParse,
  planYear: number,
  deadline: (t: string) => DeadlineParse,
): AmountParse {
  if (parse.kind !== "amounts" || !text.includes("(")) return parse;
  const periods = earlierPeriods(text, planYear, deadline);
  if (periods.length === 0) return parse;
  const ranges = sentences(text);
  const sentenceOf = (pos: number) => ranges.findIndex(([s, e]) => pos >= s && pos < e);
  let changed = false;
  const amounts: Amount[] = parse.amounts.map((a) => {
    const s = sentenceOf(a.span[0]);
    const period = periods.find((p) => sentenceOf(p.at) === s);
    if (!period) return a;
    // The parser ties money to a bracketed period's years together ("(nov 2025-okt 2027)"): the
    // ledger books it in the start year. Money the text ties to other years keeps them.
    const fromPeriod =
      a.years.length > 1 &&
      a.yearMode === "together" &&
      a.years[0] === period.year &&
      a.years[a.years.length - 1] === period.last;
    if (a.years.length > 0 && !fromPeriod) return a;
    changed = true;
    return { ...a, year: period.year, years: [period.year], yearMode: "each" as const, period: null };
  });
  return changed ? { ...parse, amounts } : parse;
}
