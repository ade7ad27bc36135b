/**
 * How numbers, amounts, dates and counts are written for the user: one formatter for the task
 * pane, the sheets' text, the CLI's text output and the Word report. Built on
 * Intl.NumberFormat("nb-NO"), Intl.DateTimeFormat and Intl.PluralRules, as Norwegian Excel
 * and Word write them:
 *   groups of three with a no-break space (U+00A0): "8 400 000";
 *   the minus sign U+2212, not a hyphen: "−700 000";
 *   a decimal comma, and two decimals only when there are øre: "108 985,50", never "108 985,5";
 *   "kr" after the amount, tied to it by a no-break space so an amount never wraps.
 * A runtime whose Intl lacks Norwegian data (a small-ICU build) would silently answer in English
 * ("1,234.5"); the module checks one known value and then writes the same text by hand instead.
 */
import { isValidDate, parseIso, type IsoDate } from "./dates";

const isValidIso = (date: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
};

export const NBSP = "\u00a0";
export const MINUS = "\u2212";

const LOCALE = "nb-NO";

/** Intl's Norwegian formatter, or null when this runtime would not write Norwegian. */
function norwegianIntl(): Intl.NumberFormat | null {
  try {
    const nf = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    // −1 234 567,50 with U+2212 and U+00A0 (ICU's nb data); anything else and we write it ourselves.
    return nf.format(-1234567.5) === `${MINUS}1${NBSP}234${NBSP}567,50` ? nf : null;
  } catch {
    return null;
  }
}

// Made on first use: the first Intl object of a process loads ICU's locale data (about 10 ms),
// which `rst eval` and `rst --help` need not pay for when they write no Norwegian number.
let intl: Intl.NumberFormat | null | undefined;
const numberIntl = (): Intl.NumberFormat | null => (intl === undefined ? (intl = norwegianIntl()) : intl);

/** The same text without Intl: for runtimes without Norwegian locale data (and to test both agree). */
export function formatNumberByHand(value: number): string {
  if (!Number.isFinite(value)) return "";
  const cents = Math.round(Math.abs(value) * 100);
  if (cents === 0) return "0";
  const whole = Math.floor(cents / 100);
  const ore = cents % 100;
  // BigInt keeps whole kroner beyond 2^53 digit for digit, as Intl does.
  const digits = Number.isSafeInteger(whole) ? String(whole) : BigInt(Math.round(Math.abs(value))).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${value < 0 ? MINUS : ""}${grouped}${ore ? `,${String(ore).padStart(2, "0")}` : ""}`;
}

/**
 * A number as Norwegians write it: "1 234 567", "−700 000", "108 985,50" (øre only when there
 * are any, rounded to whole øre). Non-finite values give "" (callers say what is missing).
 */
export function formatNumber(value: number): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const nf = numberIntl();
  if (!nf) return formatNumberByHand(value);
  // Less than half an øre is 0, not "−0" (signDisplay "negative" is ES2023, not in every runtime).
  const text = nf.format(Math.abs(value) < 0.005 ? 0 : value);
  return text.endsWith(",00") ? text.slice(0, -3) : text;
}

/** A whole number ("2 388", "−5"): rounded first, for counts and whole-krone results. */
export function formatWhole(value: number): string {
  return Number.isFinite(value) ? formatNumber(Math.round(value)) : "";
}

/** An amount in kroner with its unit: "8 400 000 kr", "−700 000 kr", "108 985,50 kr". */
export function formatKr(value: number): string {
  const n = formatNumber(value);
  return n ? `${n}${NBSP}kr` : "";
}

/** A difference with its sign, for deviations: "+108 985", "−5 000", "0". */
export function formatSigned(value: number): string {
  const n = formatNumber(value);
  return n && !n.startsWith(MINUS) && n !== "0" ? `+${n}` : n;
}

/** A share as a percentage: 1.1557 → "115,6 %" (one decimal unless asked otherwise). */
export function formatPercent(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return "";
  const fixed = Math.abs(share * 100).toFixed(decimals); // "115.6"
  const [int, frac] = fixed.split(".");
  const sign = share < 0 && Number(fixed) !== 0 ? MINUS : "";
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)}${frac ? `,${frac}` : ""}${NBSP}%`;
}

/** Norwegian month names, January first (also the deadline reader's messages). */
export const MONTH_NAMES_NB: readonly string[] = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
];

function intlDate(options: Intl.DateTimeFormatOptions, probe: string): Intl.DateTimeFormat | null {
  try {
    const df = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: "UTC" });
    return df.format(Date.UTC(2026, 5, 3)) === probe ? df : null;
  } catch {
    return null;
  }
}
let dates: { numeric: Intl.DateTimeFormat | null; long: Intl.DateTimeFormat | null } | undefined;
const dateIntl = () =>
  (dates ??= {
    numeric: intlDate({ day: "2-digit", month: "2-digit", year: "numeric" }, "03.06.2026"),
    long: intlDate({ day: "numeric", month: "long", year: "numeric" }, "3. juni 2026"),
  });

/**
 * An ISO date as Norwegians write it: "03.06.2026" (numeric, the default) or "3. juni 2026" (long).
 * Formatted in UTC so the day never moves with the machine's time zone.
 */
export function formatDate(date: IsoDate, style: "numeric" | "long" = "numeric"): string {
  if (!isValidIso(date)) return "";
  const { year, month, day } = parseIso(date);
  const at = Date.UTC(year, month - 1, day);
  const { numeric, long } = dateIntl();
  if (style === "long") return long ? long.format(at) : `${day}. ${MONTH_NAMES_NB[month - 1]} ${year}`;
  return numeric
    ? numeric.format(at)
    : `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

let plurals: Intl.PluralRules | null | undefined;
function pluralIntl(): Intl.PluralRules | null {
  if (plurals !== undefined) return plurals;
  try {
    const pr = new Intl.PluralRules(LOCALE);
    plurals = pr.select(1) === "one" && pr.select(2) === "other" && pr.select(0) === "other" ? pr : null;
  } catch {
    plurals = null;
  }
  return plurals;
}

/** The noun form for a count: pluralWord(1, "advarsel", "advarsler") → "advarsel"; 0, 2 and 1,5 take the plural. */
export function pluralWord(n: number, one: string, other: string): string {
  const pr = pluralIntl();
  const category = pr ? pr.select(n) : n === 1 ? "one" : "other";
  return category === "one" ? one : other;
}

/** A count with its noun: count(1, "advarsel", "advarsler") → "1 advarsel"; count(1200, "rad", "rader") → "1 200 rader". */
export function count(n: number, one: string, other: string): string {
  return `${formatNumber(n)} ${pluralWord(n, one, other)}`;
}

/** Text with its amounts' spaces normalised to plain spaces and hyphen minus (for comparisons and logs). */
export function plainText(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");
}
