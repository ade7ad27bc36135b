/**
 * Deadline ("Frist") text as written in a handlingsplan → a date interval and a due date.
 *
 *   "3.kvartal 2026" → 2026-07-01 … 2026-09-30 (due 2026-09-30)
 *   "nov.25-okt.27"  → 2025-11-01 … 2027-10-31 (range)
 *   "mai og desember 2026" → the latest period named (december)
 *
 * Seasons: vår = 01.03–30.06, sommer = 01.06–31.08, høst = 01.08–31.12.
 * Halves: 1. halvår = 01.01–30.06, 2. halvår = 01.07–31.12.
 * primo / medio / ultimo <month> = the 10th / 15th / last day of the month (granularity "day").
 * "uke 12 2026" = ISO 8601 week 12: Monday … Sunday (due on the Sunday; week 1 may start in December).
 * A period without a year borrows it from the range's other end, then from a later period in
 * the text, then from planYear. Years must lie in 1900–2100. Pure, memoised, never throws.
 */
import { daysInMonth, isoDate, isoToSerial, serialToIso, type IsoDate } from "./dates";
import { LruMemo } from "./memo";
import { asText } from "./text";

export type Granularity = "day" | "week" | "month" | "quarter" | "half" | "season" | "year" | "range";
export interface Deadline {
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
  granularity: Granularity;
}
export type DeadlineParse = { ok: true; deadline: Deadline } | { ok: false; reason: string };

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** A period inside one calendar year; the year may still be missing. ed = 0 means the month's last day. */
interface Period {
  gran: Exclude<Granularity, "range">;
  year: number | null;
  sm: number;
  sd: number;
  em: number;
  ed: number;
  /** ISO week number when gran is "week" (sm…ed unused). */
  week?: number;
  text: string;
}

type Token = { t: "period"; p: Period } | { t: "range" } | { t: "from" } | { t: "list" };

class ParseError {
  constructor(readonly reason: string) {}
}

const MONTH_NAMES_NB = [
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
const MONTH_BY_PREFIX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  mai: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  nov: 11,
  des: 12,
};
const MONTHS =
  "januar|jan|februar|feb|mars|mar|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|desember|des";
const NOT_LETTER = "(?![a-zæøåäöü])";
/** Optional year after a period: " 2026", "-25", ".27", "'26". */
const YR = `(?:\\s*[-'’.]?\\s*(\\d{4}|\\d{2})(?!\\d))?`;

const RE = {
  iso: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y,
  dayNumeric: /(\d{1,2})\s?([./])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?!\d)/y,
  // "31/12-2026", "31/12-26": day/month-year, as often written by hand
  daySlashDash: /(\d{1,2})\/(\d{1,2})\s?-\s?(\d{4}|\d{2})(?![\d/.])/y,
  dayMonthName: new RegExp(`(\\d{1,2})\\s*\\.?\\s*(${MONTHS})${NOT_LETTER}\\.?${YR}`, "y"),
  quarter: new RegExp(`(\\d{1,2})\\s*\\.?\\s*(?:kvartal(?:et)?|kv)${NOT_LETTER}\\.?${YR}`, "y"),
  quarterWord: new RegExp(`(første|andre|tredje|fjerde)\\s+kvartal(?:et)?${NOT_LETTER}${YR}`, "y"),
  quarterQ: new RegExp(`q\\s?(\\d{1,2})(?!\\d)${YR}`, "y"),
  half: new RegExp(`(\\d{1,2})\\s*\\.?\\s*(?:halvår(?:et)?|halvdel(?:en)?)${NOT_LETTER}${YR}`, "y"),
  halfWord: new RegExp(`(første|andre)\\s+(?:halvår(?:et)?|halvdel(?:en)?)${NOT_LETTER}${YR}`, "y"),
  halfH: new RegExp(`h\\s?(\\d{1,2})(?!\\d)${YR}`, "y"),
  monthNumeric: /(\d{1,2})\s?[./]\s?(\d{4})(?!\d)/y,
  year: /(\d{4})(?!\d)/y,
  primo: new RegExp(`(primo|medio|ultimo)\\s+(${MONTHS})${NOT_LETTER}\\.?${YR}`, "y"),
  primoYear: /(primo|medio|ultimo)\s+(\d{4})(?!\d)/y,
  month: new RegExp(`(${MONTHS})${NOT_LETTER}\\.?${YR}`, "y"),
  week: new RegExp(`(?:uke|veke)\\s*\\.?\\s*(\\d{1,2})(?!\\d)${YR}`, "y"),
  season: new RegExp(`(vår(?:en)?|sommer(?:en)?|høst(?:en)?)${NOT_LETTER}${YR}`, "y"),
  rangeWord: /-|(?:til og med|til|t\.?o\.?m\.?|frem til|fram til)(?![a-zæøå])/y,
  fromWord: /(?:fra og med|f\.?o\.?m\.?|fra)(?![a-zæøå])/y,
  listWord: /[,/&+;]|(?:og|eller|samt)(?![a-zæøå])/y,
  word: /[a-zæøåäöü]+\.?/y,
  digits: /\d+/y,
};

const MONTH_INITIALS = "jfmasond";
const none = (_re: RegExp): RegExpExecArray | null => null;
const ORDINAL: Record<string, number> = { første: 1, andre: 2, tredje: 3, fjerde: 4 };

function quote(s: string): string {
  const t = s.trim().replace(/\s+/g, " ");
  return `«${t.length > 60 ? `${t.slice(0, 57)}…` : t}»`;
}

function fullYear(raw: string | undefined, whole: string): number | null {
  if (raw === undefined) return null;
  const y = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw new ParseError(
      `Årstallet ${raw} er utenfor det gyldige området ${MIN_YEAR}–${MAX_YEAR} i ${quote(whole)}`,
    );
  }
  return y;
}

function monthOf(name: string): number {
  return MONTH_BY_PREFIX[name.slice(0, 3)];
}

function checkDay(year: number, month: number, day: number, written: string): void {
  if (month < 1 || month > 12) throw new ParseError(`${written} finnes ikke (måned må være 1–12)`);
  if (day < 1) throw new ParseError(`${written} finnes ikke (dag må være minst 1)`);
  const max = daysInMonth(year, month);
  if (day > max) {
    if (month === 2 && day === 29) throw new ParseError(`${written} finnes ikke (${year} er ikke skuddår)`);
    throw new ParseError(`${written} finnes ikke (${MONTH_NAMES_NB[month - 1]} har ${max} dager)`);
  }
}

function dayPeriod(year: number | null, m: number, d: number, text: string): Period {
  return { gran: "day", year, sm: m, sd: d, em: m, ed: d, text };
}
function quarterPeriod(q: number, year: number | null, text: string, whole: string): Period {
  if (!(q >= 1 && q <= 4)) throw new ParseError(`Kvartal må være 1–4 (fant «${text}» i ${quote(whole)})`);
  return { gran: "quarter", year, sm: 3 * q - 2, sd: 1, em: 3 * q, ed: 0, text };
}
function halfPeriod(h: number, year: number | null, text: string, whole: string): Period {
  if (!(h === 1 || h === 2))
    throw new ParseError(`Halvår må være 1 eller 2 (fant «${text}» i ${quote(whole)})`);
  return { gran: "half", year, sm: h === 1 ? 1 : 7, sd: 1, em: h === 1 ? 6 : 12, ed: 0, text };
}

const SEASONS: Record<string, [number, number, number, number]> = {
  vår: [3, 1, 6, 30],
  sommer: [6, 1, 8, 31],
  høst: [8, 1, 12, 31],
};

/** Reads the text into periods and connectors; throws ParseError with a Norwegian reason. */
function tokenize(s: string, whole: string): Token[] {
  const tokens: Token[] = [];
  const n = s.length;
  let i = 0;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = i;
    const m = re.exec(s);
    if (m) i = re.lastIndex;
    return m;
  };
  const push = (p: Period) => tokens.push({ t: "period", p });
  /** A date written with digits only ("30.06.2026", "31/12-26"): the year is always there. */
  const pushNumericDay = (year: string, month: string, day: string, text: string) => {
    const y = fullYear(year, whole)!;
    checkDay(y, Number(month), Number(day), text.replace(/\s/g, ""));
    push(dayPeriod(y, Number(month), Number(day), text));
  };
  while (i < n) {
    const ch = s[i];
    if (ch === " " || ch === "(" || ch === ")" || ch === ":" || ch === "." || ch === "!" || ch === "?") {
      i++;
      continue;
    }
    // Dispatch on the first character so each position tries only the rules that can match.
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const d = digit ? at : none;
    const l = digit ? none : at;
    let m: RegExpExecArray | null;
    if ((m = d(RE.iso))) {
      const y = fullYear(m[1], whole)!;
      checkDay(y, Number(m[2]), Number(m[3]), m[0]);
      push(dayPeriod(y, Number(m[2]), Number(m[3]), m[0]));
    } else if ((m = d(RE.dayNumeric))) {
      pushNumericDay(m[4], m[3], m[1], m[0]);
    } else if ((m = d(RE.daySlashDash))) {
      pushNumericDay(m[3], m[2], m[1], m[0]);
    } else if ((m = d(RE.dayMonthName))) {
      const y = fullYear(m[3], whole);
      const month = monthOf(m[2]);
      const day = Number(m[1]);
      // Without a year, 29 February is checked once the year is known.
      checkDay(y ?? 2000, month, day, m[0].trim());
      push(dayPeriod(y, month, day, m[0]));
    } else if ((m = d(RE.quarter))) {
      push(quarterPeriod(Number(m[1]), fullYear(m[2], whole), m[0].trim(), whole));
    } else if ((m = (ch === "f" || ch === "a" || ch === "t" ? l : none)(RE.quarterWord))) {
      push(quarterPeriod(ORDINAL[m[1]], fullYear(m[2], whole), m[0].trim(), whole));
    } else if ((m = d(RE.half))) {
      push(halfPeriod(Number(m[1]), fullYear(m[2], whole), m[0].trim(), whole));
    } else if ((m = (ch === "f" || ch === "a" ? l : none)(RE.halfWord))) {
      push(halfPeriod(ORDINAL[m[1]], fullYear(m[2], whole), m[0].trim(), whole));
    } else if ((m = d(RE.monthNumeric))) {
      const month = Number(m[1]);
      if (month < 1 || month > 12)
        throw new ParseError(`Måned må være 1–12 (fant «${m[0]}» i ${quote(whole)})`);
      push({ gran: "month", year: fullYear(m[2], whole), sm: month, sd: 1, em: month, ed: 0, text: m[0] });
    } else if ((m = d(RE.year))) {
      push({ gran: "year", year: fullYear(m[1], whole), sm: 1, sd: 1, em: 12, ed: 0, text: m[0] });
    } else if ((m = (ch === "p" || ch === "m" || ch === "u" ? l : none)(RE.primo))) {
      const month = monthOf(m[2]);
      const day = m[1] === "primo" ? 10 : m[1] === "medio" ? 15 : 0;
      push({ gran: "day", year: fullYear(m[3], whole), sm: month, sd: day, em: month, ed: day, text: m[0] });
    } else if ((m = (ch === "p" || ch === "m" || ch === "u" ? l : none)(RE.primoYear))) {
      const month = m[1] === "primo" ? 1 : m[1] === "medio" ? 6 : 12;
      push({ gran: "month", year: fullYear(m[2], whole), sm: month, sd: 1, em: month, ed: 0, text: m[0] });
    } else if ((m = (ch === "q" ? l : none)(RE.quarterQ))) {
      push(quarterPeriod(Number(m[1]), fullYear(m[2], whole), m[0].trim(), whole));
    } else if ((m = (ch === "h" ? l : none)(RE.halfH))) {
      push(halfPeriod(Number(m[1]), fullYear(m[2], whole), m[0].trim(), whole));
    } else if ((m = (MONTH_INITIALS.includes(ch) ? l : none)(RE.month))) {
      const month = monthOf(m[1]);
      push({ gran: "month", year: fullYear(m[2], whole), sm: month, sd: 1, em: month, ed: 0, text: m[0] });
    } else if ((m = (ch === "u" || ch === "v" ? l : none)(RE.week))) {
      const week = Number(m[1]);
      if (week < 1 || week > 53)
        throw new ParseError(`Uke må være 1–53 (fant «${m[0].trim()}» i ${quote(whole)})`);
      push({ gran: "week", year: fullYear(m[2], whole), sm: 1, sd: 1, em: 12, ed: 0, week, text: m[0] });
    } else if ((m = (ch === "v" || ch === "s" || ch === "h" ? l : none)(RE.season))) {
      const [sm, sd, em, ed] = SEASONS[m[1].replace(/en$/, "")];
      push({ gran: "season", year: fullYear(m[2], whole), sm, sd, em, ed, text: m[0] });
    } else if (!digit && at(RE.rangeWord)) {
      tokens.push({ t: "range" });
    } else if (ch === "f" && at(RE.fromWord)) {
      tokens.push({ t: "from" });
    } else if (!digit && at(RE.listWord)) {
      tokens.push({ t: "list" });
    } else if (!digit && at(RE.word)) {
      // Filler ("innen", "utgangen av", "ca.") and unknown words are ignored.
    } else if ((m = d(RE.digits))) {
      throw new ParseError(
        `Forstod ikke tallet «${m[0]}» i ${quote(whole)}. Skriv for eksempel «3. kvartal 2026» eller «30.06.2026»`,
      );
    } else {
      i++; // other punctuation
    }
  }
  return tokens;
}

interface Entry {
  a: Period;
  b?: Period;
}

function groupEntries(tokens: Token[]): Entry[] {
  const entries: Entry[] = [];
  let prevWasPeriod = false;
  let pendingRange = false;
  for (const tok of tokens) {
    if (tok.t === "period") {
      const last = entries[entries.length - 1];
      if (pendingRange && last && !last.b) last.b = tok.p;
      else entries.push({ a: tok.p });
      pendingRange = false;
      prevWasPeriod = true;
    } else {
      pendingRange = tok.t === "range" && prevWasPeriod;
      prevWasPeriod = false;
    }
  }
  return entries;
}

function startOf(p: Period, year: number): IsoDate {
  if (p.week !== undefined) return weekMonday(p, year);
  return isoDate(year, p.sm, p.sd === 0 ? daysInMonth(year, p.sm) : p.sd);
}
function endOf(p: Period, year: number): IsoDate {
  if (p.week !== undefined) return serialToIso(isoToSerial(weekMonday(p, year)) + 6);
  if (p.gran === "day" && p.ed !== 0) checkDay(year, p.em, p.ed, `${p.text.trim()} ${year}`);
  return isoDate(year, p.em, p.ed === 0 ? daysInMonth(year, p.em) : p.ed);
}

/** Monday of ISO week p.week of `year` (week 1 holds 4 January); a week 53 the year lacks fails. */
function weekMonday(p: Period, year: number): IsoDate {
  const monday1 = week1Monday(year);
  if (p.week === 53 && (week1Monday(year + 1) - monday1) / 7 < 53)
    throw new ParseError(`${year} har ikke uke 53 (fant «${p.text.trim()}»)`);
  return serialToIso(monday1 + 7 * (p.week! - 1));
}

/** Excel serial of the Monday that starts ISO week 1: the week holding 4 January. */
function week1Monday(year: number): number {
  const jan4 = isoToSerial(isoDate(year, 1, 4));
  return jan4 - ((jan4 + 5) % 7); // Mondays are the serials ≡ 2 (mod 7), as 1900-01-01
}

function resolve(entries: Entry[], planYear: number | undefined, whole: string): Deadline {
  // Range ends lend each other their year ("Fom april -des.2026", "nov - feb 2027").
  for (const e of entries) {
    if (!e.b) continue;
    if (e.a.year === null && e.b.year !== null) {
      e.a = { ...e.a, year: e.b.year };
      if (startOf(e.a, e.a.year!) > endOf(e.b, e.b.year)) e.a = { ...e.a, year: e.b.year - 1 };
    } else if (e.b.year === null && e.a.year !== null) {
      e.b = { ...e.b, year: e.a.year };
      if (endOf(e.b, e.a.year) < startOf(e.a, e.a.year)) e.b = { ...e.b, year: e.a.year + 1 };
    }
  }
  const explicit = entries.map((e) => e.b?.year ?? e.a.year);
  let best: Deadline | null = null;
  entries.forEach((e, k) => {
    let fallback: number | null = null;
    for (let j = k + 1; j < entries.length && fallback === null; j++) fallback = explicit[j];
    for (let j = k - 1; j >= 0 && fallback === null; j--) fallback = explicit[j];
    fallback ??= planYear ?? null;
    const yearOf = (p: Period): number => {
      const y = p.year ?? fallback;
      if (y === null) {
        throw new ParseError(
          `Mangler årstall i ${quote(whole)}. Skriv årstallet, for eksempel «${p.text.trim()} 2026»`,
        );
      }
      if (y < MIN_YEAR || y > MAX_YEAR)
        throw new ParseError(`Årstallet ${y} er utenfor ${MIN_YEAR}–${MAX_YEAR}`);
      return y;
    };
    let d: Deadline;
    if (e.b) {
      const start = startOf(e.a, yearOf(e.a));
      endOf(e.a, yearOf(e.a)); // validates a day-precise start
      const end = endOf(e.b, yearOf(e.b));
      if (end < start) throw new ParseError(`Perioden i ${quote(whole)} slutter før den starter`);
      d = { start, end, due: end, granularity: "range" };
    } else {
      const y = yearOf(e.a);
      const end = endOf(e.a, y);
      const start = e.a.gran === "day" ? end : startOf(e.a, y);
      d = { start, end, due: end, granularity: e.a.gran };
    }
    if (!best || d.due > best.due) best = d;
  });
  return best!;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00A0\u202F\u2009\t\r\n]+/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
}

/**
 * Parses a Frist cell. planYear supplies the year when the text names none. Never throws.
 * Not memoised; the result is a fresh object the caller owns (parseDeadline returns frozen, shared ones).
 */
export function parseDeadlineUncached(text: string, planYear?: number): DeadlineParse {
  const raw = asText(text);
  if (raw.trim() === "") return { ok: false, reason: "Frist mangler" };
  const py =
    typeof planYear === "number" && Number.isInteger(planYear) && planYear >= MIN_YEAR && planYear <= MAX_YEAR
      ? planYear
      : undefined;
  try {
    const entries = groupEntries(tokenize(normalise(raw), raw));
    if (entries.length === 0) {
      return {
        ok: false,
        reason: `Fant ingen dato eller periode i ${quote(raw)}. Skriv for eksempel «3. kvartal 2026», «juni 2026» eller «30.06.2026»`,
      };
    }
    return { ok: true, deadline: resolve(entries, py, raw) };
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, reason: err.reason };
    return { ok: false, reason: `Kunne ikke tolke fristen ${quote(raw)}` };
  }
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
