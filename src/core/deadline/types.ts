/** Types shared by the deadline reader's rules and its interpretation step. */
import type { IsoDate } from "../dates";

export type Granularity =
  "day" | "week" | "month" | "quarter" | "tertial" | "half" | "season" | "year" | "range";

/**
 * A reading of a frist/varighet text.
 * - start null: the text names no start ("t.o.m. 2026", "ut mars 2026", "innen 30.06.2026" … only an end).
 * - end/due null with open true: the period has a start and no end ("fra 2027", "01.2026 -"), or an
 *   end the text leaves uncertain ("02.2025 - 2027/2028").
 * - due is always equal to end (kept for callers that think of a deadline's due date).
 * A text with neither start nor end is never a Deadline: it fails with a reason.
 */
export interface Deadline {
  start: IsoDate | null;
  end: IsoDate | null;
  due: IsoDate | null;
  granularity: Granularity;
  open: boolean;
}
export type DeadlineParse = { ok: true; deadline: Deadline } | { ok: false; reason: string };

/** A period inside one calendar year; the year may still be missing. ed = 0 means the month's last day. */
export interface Period {
  gran: Exclude<Granularity, "range">;
  year: number | null;
  /** Where the year came from: written, borrowed from another period of the phrase, or the plan year. */
  yearFrom: "text" | "borrowed" | "plan";
  sm: number;
  sd: number;
  em: number;
  ed: number;
  /** ISO week number when gran is "week". */
  week?: number;
  /** Easter Sunday of the year (sm…ed unused). */
  easter?: boolean;
  text: string;
}

export type Prefix = "from" | "until" | "after" | "before";

/** What one rule makes of the text it matched. */
export type Token =
  | { t: "period"; p: Period }
  | { t: "dur"; months: number }
  | { t: "conn"; c: "range" | "list" | "alt"; sym: boolean; comma?: boolean }
  /** start: written as a noun or verb ("Oppstart av implementering høsten 2026"), not "fra". */
  /** endWord: "siste år" — the period after it is the last one; its start is not the text's. */
  | { t: "pre"; c: Prefix; start?: boolean; loose?: boolean; til?: boolean; endWord?: boolean }
  /** "og videre", "fremover": the period has no end. */
  | { t: "onward" }
  | { t: "weekday"; wd: number }
  /** A word or number that is not about time (money, a case number, an ordinary word): breaks a phrase. */
  | { t: "gap" }
  /** Time-neutral filler ("i", "i løpet av", "over"): does not break a phrase. */
  | { t: "filler" }
  | { t: "sentence" }
  | { t: "clause" }
  /** "uten tilskuddsmidler", "vanlig drift": the grant ends where the named period starts. */
  | { t: "negate" }
  /**
   * The period in the sentence is not decided: applied for ("søkt", "søknad"), postponed with no new
   * time ("utsettes"), what should have been ("skulle vært"), or asked about ("?").
   */
  | { t: "apply"; kind?: "søkt" | "utsatt" | "skulle" | "spørsmål" | "mot" }
  | { t: "refuse"; reason: string };

/** A token with where it came from (for messages and for MEASURE.EXPLAIN). */
export type Located = Token & { at: number; end: number; rule: string };

export class ParseError {
  constructor(readonly reason: string) {}
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
