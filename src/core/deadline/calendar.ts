/** Calendar arithmetic the deadline reader needs: ISO weeks, Easter, month steps, weekdays. */
import { daysInMonth, isoDate, isoToSerial, parseIso, serialToIso, type IsoDate } from "../dates";

/** Excel serial of the Monday that starts ISO week 1: the week holding 4 January. */
export function week1Monday(year: number): number {
  const jan4 = isoToSerial(isoDate(year, 1, 4));
  return jan4 - ((jan4 + 5) % 7); // Mondays are the serials ≡ 2 (mod 7), as 1900-01-01
}

/** True when `year` has an ISO week 53. */
export function hasWeek53(year: number): boolean {
  return (week1Monday(year + 1) - week1Monday(year)) / 7 >= 53;
}

/** Easter Sunday (Gregorian calendar; the anonymous "Meeus/Jones/Butcher" computation). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return serialToIso(isoToSerial(date) + days);
}

/** The same day `months` months later (or earlier), clamped to the month's last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIso(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((isoToSerial(date) + 5) % 7) + 1;
}
