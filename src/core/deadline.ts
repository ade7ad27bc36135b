/**
 * Deadline ("Frist") and duration ("Planlagt varighet") text → a date interval.
 *
 *   "3.kvartal 2026"          → 2026-07-01 … 2026-09-30
 *   "nov.25-okt.27"           → 2025-11-01 … 2027-10-31
 *   "01.2026 -", "fra 2027"   → a start and no end (end/due null, open true)
 *   "t.o.m. 2026", "ut 2026"  → an end and no start (start null)
 *   "3 år fra 2025"           → 2025-01-01 … 2027-12-31
 *   "drift uten tilskuddsmidler fra 2027" → the grant ends 2026-12-31
 *
 * The reader is a table of small rules (deadline/rules.ts) and one interpretation step
 * (deadline/read.ts). A word about time it does not understand, a number it cannot place, or
 * several unrelated time phrases make it fail with a Norwegian reason naming the text — never a
 * partial answer. Seasons: vår = 01.03–30.06, sommer = 01.06–31.08, høst = 01.08–31.12. Halves:
 * 01.01–30.06 / 01.07–31.12. Tertials end 30.04 / 31.08 / 31.12. Several periods joined by "og" or
 * "," are read as one, from the first start to the last end. A period without a year borrows it from
 * the rest of the phrase, then from planYear. Years must lie in 1900–2100. Pure, memoised, never throws.
 */
import { formatNorwegianDate } from "./dates";
import { readDeadline } from "./deadline/read";
import { ParseError, MAX_YEAR, MIN_YEAR, type Deadline, type DeadlineParse } from "./deadline/types";
import { LruMemo } from "./memo";
import { asText } from "./text";

export type { Deadline, DeadlineParse, Granularity } from "./deadline/types";
export { RULES } from "./deadline/rules";

function validPlanYear(planYear: unknown): number | undefined {
  return typeof planYear === "number" &&
    Number.isInteger(planYear) &&
    planYear >= MIN_YEAR &&
    planYear <= MAX_YEAR
    ? planYear
    : undefined;
}

function run(
  text: unknown,
  planYear: unknown,
  explain = false,
): { ok: true; deadline: Deadline; steps: string[] } | { ok: false; reason: string } {
  const raw = asText(text);
  if (raw.trim() === "") return { ok: false, reason: "Frist mangler" };
  try {
    const r = readDeadline(raw, validPlanYear(planYear), explain);
    return { ok: true, deadline: r.deadline, steps: r.steps };
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, reason: err.reason };
    return { ok: false, reason: `Kunne ikke tolke fristen «${raw.trim().slice(0, 60)}»` };
  }
}

/**
 * Parses a Frist cell. planYear supplies the year when the text names none. Never throws.
 * Not memoised; the result is a fresh object the caller owns (parseDeadline returns frozen, shared ones).
 */
export function parseDeadlineUncached(text: string, planYear?: number): DeadlineParse {
  const r = run(text, planYear);
  return r.ok ? { ok: true, deadline: r.deadline } : r;
}

/** Keyed by text, then by plan year (a Map, so the hot path builds no key string). */
const deadlineCache = new LruMemo<Map<number | undefined, DeadlineParse>>(10_000);
const MAX_YEARS_PER_TEXT = 16;

function freezeParse(r: DeadlineParse): DeadlineParse {
  if (r.ok) Object.freeze(r.deadline);
  return Object.freeze(r);
}

/** Memoised parseDeadlineUncached; the result is frozen because other callers share it. */
export function parseDeadline(text: string, planYear?: number): DeadlineParse {
  const t = asText(text);
  let byYear = deadlineCache.get(t);
  const hit = byYear?.get(planYear);
  if (hit) return hit;
  const result = freezeParse(parseDeadlineUncached(t, planYear));
  if (!byYear) deadlineCache.set(t, (byYear = new Map()));
  else if (byYear.size >= MAX_YEARS_PER_TEXT) byYear.clear();
  byYear.set(planYear, result);
  return result;
}

export function clearDeadlineCache(): void {
  deadlineCache.clear();
}

/** Norwegian names of the granularities, for explanations. */
export const GRANULARITY_NB: Record<Deadline["granularity"], string> = {
  day: "dag",
  week: "uke",
  month: "måned",
  quarter: "kvartal",
  tertial: "tertial",
  half: "halvår",
  season: "årstid",
  year: "år",
  range: "periode",
};

export type DeadlineExplanation =
  | { ok: true; deadline: Deadline; granularity: string; steps: string[]; summary: string }
  | { ok: false; reason: string };

/**
 * How a text was read: the deadline, the Norwegian granularity name and one line per rule used
 * ("«nov.25»: Måned med navn …", "året 2026 er hentet fra planåret"). For MEASURE.EXPLAIN and the
 * plan-row explanation. Never throws.
 */
export function explainDeadline(text: string, planYear?: number): DeadlineExplanation {
  const r = run(text, planYear, true);
  if (!r.ok) return r;
  const d = r.deadline;
  const from = d.start ? formatNorwegianDate(d.start) : "ingen startdato";
  const to = d.end ? formatNorwegianDate(d.end) : "ingen sluttdato";
  return {
    ok: true,
    deadline: d,
    granularity: GRANULARITY_NB[d.granularity],
    steps: r.steps,
    summary: `${from} – ${to}`,
  };
}
