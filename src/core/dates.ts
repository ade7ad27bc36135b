/**
 * Calendar dates as ISO strings ("2026-03-31") and their Excel serial numbers.
 * Pure: no time zones involved (everything is computed in UTC days).
 */

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 in the 1900 date system (the 1900 leap-year bug is absorbed). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1900 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function endOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

export function startOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, 1);
}

export function parseIso(date: IsoDate): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Ugyldig dato: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** ISO date → Excel serial number (1900 date system). */
export function isoToSerial(date: IsoDate): number {
  const { year, month, day } = parseIso(date);
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** Excel serial number → ISO date (fractions, i.e. times of day, are dropped). */
export function serialToIso(serial: number): IsoDate {
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A JS Date's local calendar day → ISO date (what "today" means to the user). */
export function dateToIso(d: Date): IsoDate {
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Whole days from a to b (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return isoToSerial(b) - isoToSerial(a);
}

/** "31.03.2026" — how Norwegian users write a date. */
export function formatNorwegianDate(date: IsoDate): string {
  const { year, month, day } = parseIso(date);
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}
