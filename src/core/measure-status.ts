/**
 * The status of a measure from its deadline, for MEASURE.STATUS: the words that mean done,
 * how soon "Forfaller snart" starts, and the status itself. Pure.
 */
import { daysBetween, type IsoDate } from "./dates";

/** Days before the due date when a measure counts as "Forfaller snart". */
export const DUE_SOON_DAYS = 30;

export const STATUS = {
  done: "Fullført",
  overdue: "Forfalt",
  dueSoon: "Forfaller snart",
  onTrack: "I rute",
  noDeadline: "Mangler frist",
} as const;
export type MeasureStatus = (typeof STATUS)[keyof typeof STATUS];

const DONE_WORDS = new Set([
  "ja",
  "j",
  "x",
  "yes",
  "y",
  "sann",
  "true",
  "fullført",
  "ferdig",
  "avsluttet",
  "done",
  "✓",
  "✔",
]);
const NOT_DONE_WORDS = new Set(["nei", "n", "no", "usann", "false", "-", "ikke fullført", "ikke ferdig"]);

/**
 * Whether a "done" cell says the measure is done: true, false, or null when it says neither
 * (an empty cell is not done; 1/0 and SANN/USANN count).
 */
export function readDone(value: unknown): boolean | null {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (word === "") return false;
    if (DONE_WORDS.has(word)) return true;
    if (NOT_DONE_WORDS.has(word)) return false;
  }
  return null;
}

/** The status on `today` of a measure due on `due` (null: no deadline). */
export function measureStatusOf(due: IsoDate | null, done: boolean, today: IsoDate): MeasureStatus {
  if (done) return STATUS.done;
  if (due === null) return STATUS.noDeadline;
  const left = daysBetween(today, due);
  if (left < 0) return STATUS.overdue;
  if (left <= DUE_SOON_DAYS) return STATUS.dueSoon;
  return STATUS.onTrack;
}
