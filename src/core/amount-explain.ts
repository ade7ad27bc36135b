/**
 * How a money text was read, for people: every amount with its year(s), source, the words it came
 * from and whether it counts for a year. Used by NOK.EXPLAIN and by the plan-row explanation
 * (plan/explain.ts); kept apart from plan validation so the custom functions do not load it.
 */
import {
  type AmountParse,
  clauseAround,
  parseAmounts,
  standingForYear,
  tiedYears,
  yearList,
  type YearStanding,
} from "./amount";
import type { DeadlineParse } from "./deadline";
import { adjustForEarlierPeriods } from "./plan/earlier-periods";

export interface AmountReading {
  value: number;
  /** [] when the text ties the amount to no year. */
  years: number[];
  /** «2026», «2026 og 2027 (hvert år)», «2024 og 2025 samlet», «flere år samlet («over tre år»)», «alle år» or «alle år utenom 2027». */
  yearLabel: string;
  source: string;
  /** The amount as written. */
  text: string;
  /** The clause it was read from, as written (trimmed). */
  clause: string;
  /** For the year asked about: counts, belongs to other years, or is shared with other years. */
  standing: YearStanding | null;
  /** Why the year is not the one written, when a rule moved it (a bracketed earlier period). */
  note: string | null;
}

export interface AmountExplanation {
  kind: AmountParse["kind"];
  /** The year asked about, if any. */
  year: number | null;
  amounts: AmountReading[];
  sources: string[];
  /** Norwegian: why no amount was read (kind none/unclear). */
  reason: string | null;
}

/** Norwegian words for an amount's year standing. */
export const STANDING_NB: Record<YearStanding, string> = {
  counts: "ja",
  "other-year": "nei, gjelder et annet år",
  shared: "usikkert, delt med andre år",
};

function yearLabel(years: readonly number[], mode: string, tied: ReadonlySet<number>): string {
  if (years.length === 0) {
    const others = [...tied].sort((a, b) => a - b);
    return others.length === 0 ? "alle år" : `alle år utenom ${yearList(others)}`;
  }
  if (years.length === 1) return String(years[0]);
  return mode === "together" ? `${yearList(years)} samlet` : `${yearList(years)} (hvert år)`;
}

/**
 * The reading of a money text. year: the year to say "counts" for. planYear: when given, the plan's
 * earlier-period rule (funding.ts) is applied as the plan's total applies it.
 */
export function explainAmounts(
  text: string,
  opts: { year?: number; plan?: { planYear: number; deadline: (t: string) => DeadlineParse } } = {},
): AmountExplanation {
  const raw = parseAmounts(text);
  const parse = opts.plan ? adjustForEarlierPeriods(text, raw, opts.plan.planYear, opts.plan.deadline) : raw;
  const year = opts.year ?? null;
  if (parse.kind !== "amounts")
    return { kind: parse.kind, year, amounts: [], sources: [...parse.sources], reason: parse.reason };
  const tied = tiedYears(parse);
  const amounts = parse.amounts.map((a, k): AmountReading => {
    const [cs, ce] = clauseAround(text, a.span[0]);
    const before = raw.kind === "amounts" ? raw.amounts[k] : undefined;
    const moved = before !== undefined && before !== a && before.years.join() !== a.years.join();
    return {
      value: a.value,
      years: [...a.years],
      yearLabel:
        a.period !== null && a.years.length === 0
          ? `flere år samlet («${a.period}»)`
          : yearLabel(a.years, a.yearMode, tied),
      source: a.source,
      text: a.text,
      clause: text.slice(cs, ce).replace(/\s+/g, " ").trim(),
      standing: year === null ? null : standingForYear(a, year, tied),
      note: moved
        ? `Perioden i parentes starter i ${a.years[0]}; midlene bokføres i startåret${opts.plan && a.years[0] < opts.plan.planYear ? ", ikke i planåret" : ""}.`
        : null,
    };
  });
  return { kind: "amounts", year, amounts, sources: [...parse.sources], reason: null };
}
