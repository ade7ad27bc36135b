/**
 * The deadline reader's rules: what a phrase looks like → what it means. Each rule is one
 * row of RULES: a name, a Norwegian description (shown by MEASURE.EXPLAIN), what it can start
 * with (a digit, a symbol, or the words it opens with — the scanner indexes rules by these, so
 * there are no hand-kept character gates), a sticky regular expression and what it makes.
 * Order matters only among rules with the same start: the first that matches wins.
 */
import { daysInMonth } from "../dates";
import { MONTH_NAMES_NB } from "../format";
import { MAX_YEAR, MIN_YEAR, ParseError, type Granularity, type Period, type Token } from "./types";

export interface RuleContext {
  whole: string;
  planYear: number | undefined;
  /** The normalised text and where the match ends (for rules whose meaning depends on what follows). */
  s: string;
  end: number;
}

export interface Rule {
  name: string;
  /** Norwegian: how the rule reads a phrase ("«3. kvartal 2026»: kvartalets første til siste dag"). */
  doc: string;
  /** "digit": starts with 0–9; "symbol": the characters in `symbols`; else the words it starts with. */
  lead: "digit" | "symbol" | readonly string[];
  symbols?: string;
  re: RegExp;
  make(m: RegExpExecArray, c: RuleContext): Token | Token[];
}

const MONTH_WORDS = [
  "januar",
  "jan",
  "februar",
  "feb",
  "mars",
  "mar",
  "april",
  "apr",
  "mai",
  "juni",
  "jun",
  "juli",
  "jul",
  "august",
  "aug",
  "september",
  "sept",
  "sep",
  "oktober",
  "okt",
  "november",
  "nov",
  "desember",
  "des",
  "febr",
];
const MONTHS = MONTH_WORDS.join("|");
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
/** Not followed by a letter. */
const NL = "(?![a-zæøåäöüé])";
/** Months as a regex alternation (for lookaheads). */
const MONTH_ALT = `(?:${MONTH_WORDS.join("|")})`;
/**
 * Optional year after a period: " 2026", ".27", "'26", "/2026", a glued "-25" ("høst-25") or a
 * spaced "-26" glued to its digits ("juni -26"). A dash with spaces on both sides is a range
 * ("1. januar - 30. juni 2026"), never a year; two digits that start the next date ("mars-30. juni")
 * are a day, not a year.
 */
const YR2 = `\\d{2}(?![\\d,:%]|\\.\\d|\\s?\\d{3}(?!\\d)|\\.?\\s*${MONTH_ALT}(?![a-zæøåäöüé]))`;
const YR4 = `\\d{4}(?![\\d,:%]|\\.\\d)`;
const YR = `(?:(?:\\s*[.'’]?\\s*|-|\\s+-(?=\\d{2}(?!\\d))|\\s*\\/\\s*(?=\\d{4}(?!\\d)))(${YR4}|${YR2}))?`;
/** The year after a week number: no dash before two digits ("uke 10-12" is weeks 10 to 12). */
const YR_WEEK = `(?:(?:\\s*[.,'’]?\\s*|-(?=\\d{4})|\\s*\\/\\s*(?=\\d{4}(?!\\d)))(${YR4}|${YR2}))?`;
/** Lookahead: what follows is not a date ("6.mars", "6. mars", "13.01.26", "13.01.2026"). */
const NOT_A_DATE = `(?!\\d{1,2}\\s*\\.?\\s*(?:${MONTHS})${NL}|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2})(?!\\d)|\\d{2}\\.\\d{2}(?![\\d.]))`;
const ORDINAL: Record<string, number> = { første: 1, andre: 2, tredje: 3, fjerde: 4 };
/** "siste kvartal" = 4th, "siste halvår" = 2nd, "siste tertial" = 3rd. */
const LAST = "siste";
const NUMBER_WORDS: Record<string, number> = {
  en: 1,
  ett: 1,
  et: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  sju: 7,
  syv: 7,
  åtte: 8,
  ni: 9,
  ti: 10,
};
const WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
/** Written with a dot: "man.", "tirs.", "fre." ("man" alone is a pronoun). */
const WEEKDAY_SHORT = ["man", "tirs", "tir", "ons", "tors", "tor", "fre", "lør", "søn"];

export function quote(s: string): string {
  const t = s.trim().replace(/\s+/g, " ");
  return `«${t.length > 70 ? `${t.slice(0, 67)}…` : t}»`;
}

export function fullYear(raw: string | undefined, whole: string): number | null {
  if (raw === undefined) return null;
  const y = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw new ParseError(
      `Årstallet ${raw} er utenfor det gyldige området ${MIN_YEAR}–${MAX_YEAR} i ${quote(whole)}`,
    );
  }
  return y;
}

export function checkDay(year: number, month: number, day: number, written: string): void {
  if (month < 1 || month > 12) throw new ParseError(`${written} finnes ikke (måned må være 1–12)`);
  if (day < 1) throw new ParseError(`${written} finnes ikke (dag må være minst 1)`);
  const max = daysInMonth(year, month);
  if (day > max) {
    if (month === 2 && day === 29) throw new ParseError(`${written} finnes ikke (${year} er ikke skuddår)`);
    throw new ParseError(`${written} finnes ikke (${MONTH_NAMES_NB[month - 1]} har ${max} dager)`);
  }
}

function period(
  gran: Exclude<Granularity, "range">,
  year: number | null,
  sm: number,
  sd: number,
  em: number,
  ed: number,
  text: string,
): Token {
  const p: Period = {
    gran,
    year,
    yearFrom: "text",
    sm,
    sd,
    em,
    ed,
    week: undefined,
    easter: false,
    text: text.trim(),
  };
  return { t: "period", p };
}
function day(year: number | null, m: number, d: number, text: string): Token {
  return period("day", year, m, d, m, d, text);
}
/** A date written with digits only ("30.06.2026", "31/12-26"): checked at once. */
function numericDay(y: string, m: string, d: string, text: string, whole: string): Token {
  const year = fullYear(y, whole)!;
  checkDay(year, Number(m), Number(d), text.replace(/\s/g, ""));
  return day(year, Number(m), Number(d), text);
}
function quarter(q: number, year: number | null, text: string, whole: string): Token {
  if (!(q >= 1 && q <= 4))
    throw new ParseError(`Kvartal må være 1–4 (fant «${text.trim()}» i ${quote(whole)})`);
  return period("quarter", year, 3 * q - 2, 1, 3 * q, 0, text);
}
function half(h: number, year: number | null, text: string, whole: string): Token {
  if (!(h === 1 || h === 2))
    throw new ParseError(`Halvår må være 1 eller 2 (fant «${text.trim()}» i ${quote(whole)})`);
  return period("half", year, h === 1 ? 1 : 7, 1, h === 1 ? 6 : 12, 0, text);
}
function tertial(n: number, year: number | null, text: string, whole: string): Token {
  if (!(n >= 1 && n <= 3))
    throw new ParseError(`Tertial må være 1–3 (fant «${text.trim()}» i ${quote(whole)})`);
  return period("tertial", year, 4 * n - 3, 1, 4 * n, 0, text);
}
function month(name: string): number {
  return MONTH_BY_PREFIX[name.slice(0, 3)];
}
function yearPeriod(y: number, text: string): Token {
  return period("year", y, 1, 1, 12, 0, text);
}
const refuse = (reason: string): Token => ({ t: "refuse", reason });
/** What follows starts a time phrase ("frem mot 2027", "frem mot sommeren"), not a word ("frem mot revisjonen"). */
const TIME_NEXT = new RegExp(
  `^\\s*(?:\\d|(?:${MONTH_WORDS.join("|")}|vår|våren|sommer|sommeren|høst|høsten|uke|påske|påsken|neste|slutten|utgangen|starten|midten|jul|julen|nyttår|årsskiftet)(?![a-zæøåäöüé])|[qh]\\d)`,
);

/**
 * "mai 21": a month name, a space and two digits that could be a day is read as a year only near the
 * plan year ("nov 25", "jan 26" in a 2025 report); far from it, or without a plan year, it may be
 * 21 May as well as May 2021 and is refused. A dot, an apostrophe or a dash ("nov.25", "mai '21",
 * "mai -21") makes it a year.
 */
function ambiguousShortYear(
  written: string,
  monthWord: string,
  digits: string | undefined,
  c: RuleContext,
): string | null {
  if (digits === undefined || digits.length !== 2 || Number(digits) > 31) return null;
  const between = written.slice(written.indexOf(monthWord) + monthWord.length, written.length - 2);
  if (!/^\s+$/.test(between)) return null;
  const y = 2000 + Number(digits);
  if (c.planYear !== undefined && Math.abs(y - c.planYear) <= 2) return null;
  const t = written.trim();
  return `«${t}» kan bety ${Number(digits)}. ${monthWord} eller ${monthWord} ${y} — skriv «${Number(digits)}. ${monthWord}» eller «${monthWord} ${y}»`;
}

function weekPeriod(week: number, year: number | null, text: string, whole: string): Token {
  if (week < 1 || week > 53)
    throw new ParseError(`Uke må være 1–53 (fant «${text.trim()}» i ${quote(whole)})`);
  const tok = period("week", year, 1, 1, 12, 0, text);
  if (tok.t === "period") tok.p.week = week;
  return tok;
}

/** What may stand before a day and month written with a one-digit part ("innen 1.6.", "frist 15.3"). */
const SHORT_DAY_LEAD =
  /(?:innen|per|pr\.?|frist|fristen|fra|f\.o\.m\.?|fom\.?|til|t\.o\.m\.?|tom\.?|senest|tidligst|dato|den|etter|før|ssu|og|,)\s*:?\s*$/;
const GAP: Token = { t: "gap" };
const FILLER: Token = { t: "filler" };

/** After a bare "vår": a word that makes it "our" ("vår region"), not a connector ("vår og høst"). */
const POSSESSIVE_NEXT = new RegExp(
  `^\\s*(?!(?:og|eller|samt|til|tom|t\\.|fra|frem|fram|innen|ut)${NL})[a-zæøå]`,
);

const SEASONS: Record<string, [number, number, number, number]> = {
  vår: [3, 1, 6, 30],
  sommer: [6, 1, 8, 31],
  høst: [8, 1, 12, 31],
};

function words(...list: string[]): readonly string[] {
  return list;
}

export const RULES: readonly Rule[] = [
  // ------------------------------------------------------------ digits
  {
    name: "iso-dato",
    doc: "ISO-dato (åååå-mm-dd): den dagen",
    lead: "digit",
    re: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y,
    make: (m, c) => numericDay(m[1], m[2], m[3], m[0], c.whole),
  },
  {
    name: "dato-år-først",
    doc: "Dato skrevet åååå.mm.dd: den dagen",
    lead: "digit",
    re: /(\d{4})\.(\d{1,2})\.(\d{1,2})(?!\d)/y,
    make: (m, c) => numericDay(m[1], m[2], m[3], m[0], c.whole),
  },
  {
    name: "dato",
    doc: "Dato med tall (dd.mm.åååå, d/m/åå): den dagen",
    lead: "digit",
    re: /(\d{1,2})\s?([./])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?!\d)/y,
    make: (m, c) => numericDay(m[4], m[3], m[1], m[0], c.whole),
  },
  {
    name: "dato-skråstrek-år",
    doc: "Dato skrevet d/m-åååå: den dagen",
    lead: "digit",
    re: /(\d{1,2})\/(\d{1,2})\s?-\s?(\d{4}|\d{2})(?![\d/.])/y,
    make: (m, c) => numericDay(m[3], m[2], m[1], m[0], c.whole),
  },
  {
    name: "dag-månedsnavn",
    doc: "Dag og måned med navn («30. juni 2026»): den dagen",
    lead: "digit",
    re: new RegExp(`(\\d{1,2})\\s*\\.?\\s*(${MONTHS})${NL}\\.?${YR}`, "y"),
    make: (m, c) => {
      const y = fullYear(m[3], c.whole);
      const mo = month(m[2]);
      const d = Number(m[1]);
      checkDay(y ?? 2000, mo, d, m[0].trim()); // 29 February is checked again once the year is known
      return day(y, mo, d, m[0]);
    },
  },
  {
    name: "kvartal",
    doc: "«3. kvartal 2026»: kvartalets første til siste dag",
    lead: "digit",
    re: new RegExp(`(\\d{1,2})\\s*\\.?\\s*(?:kvartal(?:et)?|kv)${NL}\\.?${YR}`, "y"),
    make: (m, c) => quarter(Number(m[1]), fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "halvår",
    doc: "«1. halvår 2026»: 01.01–30.06 eller 01.07–31.12",
    lead: "digit",
    re: new RegExp(`(\\d{1,2})\\s*\\.?\\s*(?:halvår(?:et)?|halvdel(?:en)?)${NL}${YR}`, "y"),
    make: (m, c) => half(Number(m[1]), fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "tertial",
    doc: "«1. tertial 2026»: tertialet slutter 30.04, 31.08 eller 31.12",
    lead: "digit",
    re: new RegExp(`(\\d{1,2})\\s*\\.?\\s*tertial(?:et)?${NL}${YR}`, "y"),
    make: (m, c) => tertial(Number(m[1]), fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "måned-tall",
    doc: "Måned med tall («03.2026»): hele måneden",
    lead: "digit",
    re: /(\d{1,2})\s?[./]\s?(\d{4})(?!\d)/y,
    make: (m, c) => {
      const mo = Number(m[1]);
      if (mo < 1 || mo > 12) throw new ParseError(`Måned må være 1–12 (fant «${m[0]}» i ${quote(c.whole)})`);
      return period("month", fullYear(m[2], c.whole), mo, 1, mo, 0, m[0]);
    },
  },
  {
    name: "dag-måned-tall",
    doc: "Dag og måned uten år («13.01», «31.08 2027», «innen 1.6.»): den dagen, året fra resten av teksten. Med ett siffer («2.1», «4.6») bare etter et tidsord eller foran et årstall — ellers kan det være et kapittelnummer",
    lead: "digit",
    re: /(\d{1,2})\.(\d{1,2})\.?(?![\d]|[a-zæøå%]|\s*(?:mill|mrd|milliard|kr|kroner|nok|prosent|%)(?![a-zæøå]))/y,
    make: (m, c) => {
      const written = m[0].replace(/\.$/, "");
      if (Number(m[2]) > 12 || Number(m[2]) < 1) checkDay(2000, Number(m[2]), Number(m[1]), written);
      if (
        (m[1].length === 1 || m[2].length === 1) &&
        !SHORT_DAY_LEAD.test(c.s.slice(Math.max(0, m.index - 16), m.index)) &&
        !/^(?:\s+\d{4}(?!\d)|\s*-\s*\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d))/.test(
          c.s.slice(c.end, c.end + 14),
        ) &&
        !(m[1].length === 2 && c.s.trim() === m[0].trim())
      )
        return refuse(
          `«${written}» kan være et kapittel- eller versjonsnummer, ikke en dato — skriv datoen med årstall, for eksempel «${m[1]}.${m[2]}.2026»`,
        );
      checkDay(2000, Number(m[2]), Number(m[1]), written);
      return day(null, Number(m[2]), Number(m[1]), m[0]);
    },
  },
  {
    name: "beløp",
    doc: "Et beløp («700 000 kr», «510 000kr»): ikke en tid, hoppes over",
    lead: "digit",
    re: new RegExp(
      `(?:\\d{1,3}(?:[ \\u00a0]\\d{3})+(?!\\d)|\\d+)(?:[.,]\\d+)?\\s*(?:kr|kroner|nok|,-|mill\\.?|millioner|mrd)${NL}|\\d{1,3}(?:[ \\u00a0]\\d{3})+(?![\\d.,])`,
      "y",
    ),
    make: () => GAP,
  },
  {
    name: "prosent",
    doc: "En prosent eller stillingsandel («100%», «2x50%», «50 prosent»): ikke en tid, hoppes over",
    lead: "digit",
    re: new RegExp(`(?:\\d+\\s*[x×]\\s*)?\\d+(?:[.,]\\d+)?\\s*(?:%|prosent${NL})`, "y"),
    make: () => GAP,
  },
  {
    name: "antall",
    doc: "Et antall møter, deltakere, kommuner, timer … («4 møter», «120 deltakere», «fra 1 til 6 kommuner», «3 timer»): ikke en dato, hoppes over",
    lead: "digit",
    re: new RegExp(
      `\\d+(?:\\s*(?:-|til)\\s*\\d+)?\\s+(?:digitale\\s+|nye\\s+|flere\\s+)?(?:møter|møtene|møte|deltakere|deltakerne|deltagere|kommuner|kommunene|stillinger|personer|pasienter|pasientene|ansatte|team|fastleger|fastlegene|leger|søknader|prosjekter|sykehus|brukere|helsefellesskap|innbyggere|plasser|senger|fødende|fødsler|oppdrag|henvisninger|konsultasjoner|innleggelser|timer|timers|minutter|minutters|samtaler|kurs|elever|studenter|lærlinger)${NL}`,
      "y",
    ),
    make: () => GAP,
  },
  {
    name: "aldersspenn",
    doc: "«0-3 år», «5-12år»: en aldersgruppe eller et usikkert antall år, ikke en periode",
    lead: "digit",
    re: new RegExp(`\\d{1,2}\\s*-\\s*\\d{1,2}\\s*år(?:ene|s)?${NL}`, "y"),
    make: (m) =>
      refuse(`«${m[0].trim()}» er en aldersgruppe eller et usikkert antall år, ikke en periode med datoer`),
  },
  {
    name: "varighet",
    doc: "En varighet («3 år», «3-årig», «2 års varighet», «18 måneder»): lengden på perioden",
    lead: "digit",
    re: new RegExp(
      `(\\d{1,2})\\s*(?:-\\s*)?(år|års|årig|årige|måneder|måned|mnd)${NL}\\.?(?:\\s+varighet${NL})?`,
      "y",
    ),
    make: (m) => ({ t: "dur", months: Number(m[1]) * (m[2].startsWith("å") ? 12 : 1) }),
  },
  {
    name: "dato-bindestrek",
    doc: "Dato skrevet dd-mm-åååå: den dagen",
    lead: "digit",
    re: /(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])/y,
    make: (m, c) => numericDay(m[3], m[2], m[1], m[0], c.whole),
  },
  {
    name: "dager-i-måned",
    doc: "«1.-15. mars 2026», «1. og 15. mars»: fra den første til den siste dagen i måneden",
    lead: "digit",
    re: new RegExp(
      `(\\d{1,2})\\s*\\.?\\s*(-|til|og|&)\\s*(\\d{1,2})\\s*\\.?\\s*(${MONTHS})${NL}\\.?${YR}`,
      "y",
    ),
    make: (m, c) => {
      const y = fullYear(m[5], c.whole);
      const mo = month(m[4]);
      const a = Number(m[1]);
      const b = Number(m[3]);
      checkDay(y ?? 2000, mo, a, `${a}. ${m[4]}`);
      checkDay(y ?? 2000, mo, b, `${b}. ${m[4]}`);
      if (b <= a) return refuse(`Forstod ikke «${m[0].trim()}»: den siste dagen kommer før den første`);
      const join: Token =
        m[2] === "og" || m[2] === "&"
          ? { t: "conn", c: "list", sym: false }
          : { t: "conn", c: "range", sym: true };
      return [day(y, mo, a, `${a}. ${m[4]}`), join, day(y, mo, b, m[0].slice(m[0].indexOf(m[3])))];
    },
  },
  {
    name: "kvartaler",
    doc: "«1.-4. kvartal 2026», «1. og 2. kvartal»: fra det første til det siste kvartalet (også halvår og tertial)",
    lead: "digit",
    re: new RegExp(
      `(\\d)\\s*\\.?\\s*(-|til|og|&)\\s*(\\d)\\s*\\.?\\s*(kvartal(?:et)?|kv|halvår(?:et)?|tertial(?:et)?)${NL}\\.?${YR}`,
      "y",
    ),
    make: (m, c) => {
      const y = fullYear(m[5], c.whole);
      const a = Number(m[1]);
      const b = Number(m[3]);
      const unit = m[4].startsWith("k") ? quarter : m[4].startsWith("h") ? half : tertial;
      if (b <= a) return refuse(`Forstod ikke «${m[0].trim()}»: det siste kommer før det første`);
      const join: Token =
        m[2] === "og" || m[2] === "&"
          ? { t: "conn", c: "list", sym: false }
          : { t: "conn", c: "range", sym: true };
      return [
        unit(a, y, `${a}. ${m[4]}`, c.whole),
        join,
        unit(b, y, m[0].slice(m[0].indexOf(m[3], m[1].length + 1)), c.whole),
      ];
    },
  },
  {
    name: "år-skråstrek-kort",
    doc: "«2027/28»: 2027 eller 2028 (usikkert hvilket), som «2027/2028»",
    lead: "digit",
    re: /(\d{4})\s?\/\s?(\d{2})(?![\d/:,%]|\.\d)/y,
    make: (m, c) => {
      const a = fullYear(m[1], c.whole)!;
      if ((a + 1) % 100 !== Number(m[2]))
        return refuse(`Forstod ikke «${m[0]}»: ${m[2]} er ikke året etter ${a}`);
      return [yearPeriod(a, m[1]), { t: "conn", c: "alt", sym: true }, yearPeriod(a + 1, String(a + 1))];
    },
  },
  {
    name: "år-til-år-kort",
    doc: "«26-29», «2025-26»: årene 2026 til og med 2029",
    lead: "digit",
    re: /(\d{4}|\d{2})\s?-\s?(\d{2})(?![\d/:,%]|\.\d|\s?\d{3}(?!\d))/y,
    make: (m, c) => {
      const a = fullYear(m[1], c.whole)!;
      const b = fullYear(m[2], c.whole)!;
      if (b <= a) return refuse(`Forstod ikke «${m[0]}»: er det årene ${a}–${b}, eller noe annet?`);
      return [yearPeriod(a, m[1]), { t: "conn", c: "range", sym: true }, yearPeriod(b, m[2])];
    },
  },
  {
    name: "år",
    doc: "Et årstall («2026»): hele året",
    lead: "digit",
    re: /(\d{4})(?!\d)/y,
    make: (m, c) => yearPeriod(fullYear(m[1], c.whole)!, m[0]),
  },
  // ------------------------------------------------------------ symbols
  {
    name: "pil",
    doc: "«2026 →», «2026 ->»: fra perioden og videre, ingen sluttdato",
    lead: "symbol",
    symbols: "-→",
    re: /->|→/y,
    make: () => ({ t: "onward" }),
  },
  {
    name: "bindestrek",
    doc: "«-» mellom to perioder: fra den første til og med den siste; «2026 -» til slutt: ingen sluttdato",
    lead: "symbol",
    symbols: "-",
    re: /-/y,
    make: () => ({ t: "conn", c: "range", sym: true }),
  },
  {
    name: "skråstrek",
    doc: "«/» mellom to perioder: den ene eller den andre (usikkert hvilken)",
    lead: "symbol",
    symbols: "/",
    re: /\//y,
    make: () => ({ t: "conn", c: "alt", sym: true }),
  },
  {
    name: "liste",
    doc: "«,», «&», «+» mellom perioder: alle periodene, fra den første til den siste",
    lead: "symbol",
    symbols: ",&+",
    re: /[,&+]/y,
    make: (m) => ({ t: "conn", c: "list", sym: true, comma: m[0] === "," }),
  },
  {
    name: "setning",
    doc: "Slutt på en setning",
    lead: "symbol",
    symbols: ";!",
    re: /[;!]/y,
    make: () => ({ t: "sentence" }),
  },
  {
    name: "paragraf",
    doc: "En lovhenvisning («§ 2-1e»): ikke en tid, hoppes over",
    lead: "symbol",
    symbols: "§",
    re: /§+\s*\d+(?:[-.]\d+)*[a-z]?\)?/y,
    make: () => GAP,
  },
  // ------------------------------------------------------------ words
  {
    name: "kvartal-ord",
    doc: "«første kvartal 2026»: kvartalets første til siste dag («siste kvartal»: fjerde)",
    lead: words("første", "andre", "tredje", "fjerde", LAST),
    re: new RegExp(`(første|andre|tredje|fjerde|siste)\\s+kvartal(?:et)?${NL}${YR}`, "y"),
    make: (m, c) => quarter(m[1] === LAST ? 4 : ORDINAL[m[1]], fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "halvår-ord",
    doc: "«første halvår 2026»: 01.01–30.06; «andre/siste halvår»: 01.07–31.12",
    lead: words("første", "andre", LAST),
    re: new RegExp(`(første|andre|siste)\\s+(?:halvår(?:et)?|halvdel(?:en)?)${NL}${YR}`, "y"),
    make: (m, c) => half(m[1] === LAST ? 2 : ORDINAL[m[1]], fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "tertial-ord",
    doc: "«første tertial 2026»: 01.01–30.04 (andre: –31.08, tredje/siste: –31.12)",
    lead: words("første", "andre", "tredje", LAST),
    re: new RegExp(`(første|andre|tredje|siste)\\s+tertial(?:et)?${NL}${YR}`, "y"),
    make: (m, c) => tertial(m[1] === LAST ? 3 : ORDINAL[m[1]], fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "siste-år",
    doc: "«siste år med prosjektstøtte i 2025»: 2025 er det siste året — perioden slutter da (ingen startdato)",
    lead: words("siste"),
    re: new RegExp(`siste\\s+år(?:et)?${NL}`, "y"),
    make: () => ({ t: "pre", c: "until", endWord: true }),
  },
  {
    name: "q-kvartal",
    doc: "«Q3 2026»: tredje kvartal",
    lead: words("q"),
    re: new RegExp(`q\\s?(\\d{1,2})(?!\\d)${YR}`, "y"),
    make: (m, c) => quarter(Number(m[1]), fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "h-halvår",
    doc: "«H2 2026»: andre halvår",
    lead: words("h"),
    re: new RegExp(`h\\s?(\\d{1,2})(?!\\d)${YR}`, "y"),
    make: (m, c) => half(Number(m[1]), fullYear(m[2], c.whole), m[0], c.whole),
  },
  {
    name: "primo-medio-ultimo",
    doc: "«primo/medio/ultimo mai 2026»: den 10., 15. eller siste dagen i måneden",
    lead: words("primo", "medio", "ultimo"),
    re: new RegExp(`(primo|medio|ultimo)\\s*(${MONTHS})${NL}\\.?${YR}`, "y"),
    make: (m, c) => {
      const unclear = ambiguousShortYear(m[0], m[2], m[3], c);
      if (unclear) return refuse(unclear);
      const mo = month(m[2]);
      const d = m[1] === "primo" ? 10 : m[1] === "medio" ? 15 : 0;
      return period("day", fullYear(m[3], c.whole), mo, d, mo, d, m[0]);
    },
  },
  {
    name: "primo-år",
    doc: "«primo/medio/ultimo 2026»: januar, juni eller desember det året",
    lead: words("primo", "medio", "ultimo"),
    re: /(primo|medio|ultimo)\s+(\d{4})(?!\d)/y,
    make: (m, c) => {
      const mo = m[1] === "primo" ? 1 : m[1] === "medio" ? 6 : 12;
      return period("month", fullYear(m[2], c.whole), mo, 1, mo, 0, m[0]);
    },
  },
  {
    name: "måned",
    doc: "Måned med navn («mai 2026», «nov.25», «juni -26»): hele måneden. «mai 21» uten punktum er et år bare nær planåret — ellers kan det være 21. mai",
    lead: MONTH_WORDS,
    re: new RegExp(`(${MONTHS})${NL}(\\.?)${YR}`, "y"),
    make: (m, c) => {
      if (m[1] === "jul" && m[2] === "")
        return refuse(`«jul» kan bety juli eller julen — skriv «juli» eller «jul.» for måneden`);
      const unclear = m[2] === "" ? ambiguousShortYear(m[0], m[1], m[3], c) : null;
      if (unclear) return refuse(unclear);
      return period("month", fullYear(m[3], c.whole), month(m[1]), 1, month(m[1]), 0, m[0]);
    },
  },
  {
    name: "uke",
    doc: "«uke 12 2026»: ISO-uke, mandag til søndag; «uke 10-12»: mandag i uke 10 til søndag i uke 12",
    lead: words("uke", "uker", "veke", "veker"),
    re: new RegExp(
      `(?:uker?|veker?)\\s*\\.?\\s*(\\d{1,2})(?!\\d)(?:\\s*-\\s*(\\d{1,2})(?![\\d.]))?${YR_WEEK}`,
      "y",
    ),
    make: (m, c) => {
      const y = fullYear(m[3], c.whole);
      const a = Number(m[1]);
      if (m[2] === undefined) return weekPeriod(a, y, m[0], c.whole);
      const b = Number(m[2]);
      // "uke 12-26": weeks 12 to 26, or week 12 of 2026?
      if (b <= a)
        return refuse(
          `Forstod ikke «${m[0].trim()}»: den siste uken kommer før den første — skriv årstallet ved begge ender`,
        );
      if (m[3] === undefined && m[2].length === 2 && b >= 20 && b <= 39)
        return refuse(
          `«${m[0].trim()}» kan bety uke ${a} i 20${m[2]} eller ukene ${a}–${b} — skriv «uke ${a} 20${m[2]}» eller «uke ${a}–${b} 2026»`,
        );
      const yText = m[3] === undefined ? "" : ` ${m[3]}`;
      return [
        weekPeriod(a, y, `uke ${a}`, c.whole),
        { t: "conn", c: "range", sym: true },
        weekPeriod(b, y, `uke ${b}${yText}`, c.whole),
      ];
    },
  },
  {
    name: "årstid",
    doc: "Årstid: vår = 01.03–30.06, sommer = 01.06–31.08, høst = 01.08–31.12",
    lead: words("vår", "våren", "sommer", "sommeren", "høst", "høsten"),
    re: new RegExp(`(vår(?:en)?|sommer(?:en)?|høst(?:en)?)${NL}${YR}`, "y"),
    make: (m, c) => {
      // "vår region": "our", not spring — a bare "vår" before a word is the possessive.
      if (m[1] === "vår" && m[2] === undefined && POSSESSIVE_NEXT.test(c.s.slice(c.end, c.end + 12)))
        return GAP;
      const [sm, sd, em, ed] = SEASONS[m[1].replace(/en$/, "")];
      return period("season", fullYear(m[2], c.whole), sm, sd, em, ed, m[0]);
    },
  },
  {
    name: "påske",
    doc: "«påske 2026»: påskedag (første påskedag, regnet ut for året)",
    lead: words("påske", "påsken"),
    re: new RegExp(`påsken?${NL}${YR}`, "y"),
    make: (m, c) => {
      const tok = period("day", fullYear(m[1], c.whole), 3, 1, 3, 1, m[0]);
      if (tok.t === "period") tok.p.easter = true;
      return tok;
    },
  },
  {
    name: "neste-år",
    doc: "«neste år», «året etter»: året etter planåret",
    lead: words("neste", "kommende", "året"),
    re: new RegExp(`(?:neste|kommende)\\s+år(?:et)?${NL}|året\\s+etter${NL}`, "y"),
    make: (m, c) => {
      // "neste år og året etter", "2026 og året etter": the year after which year?
      if (m[0].startsWith("året") && /(?:\d{4}|(?:neste|kommende|i)\s+år)/.test(c.s.slice(0, m.index)))
        return refuse(`«${m[0]}» — året etter hvilket år? Skriv årstallet`);
      if (c.planYear === undefined)
        return refuse(`«${m[0]}» trenger planåret — oppgi planåret, eller skriv årstallet`);
      const tok = yearPeriod(c.planYear + 1, m[0]);
      if (tok.t === "period") tok.p.yearFrom = "plan";
      return tok;
    },
  },
  {
    name: "i-år",
    doc: "«i år»: planåret",
    lead: words("i"),
    re: new RegExp(`i\\s+år${NL}`, "y"),
    make: (m, c) => {
      if (c.planYear === undefined) return refuse(`«i år» trenger planåret — skriv årstallet`);
      const tok = yearPeriod(c.planYear, m[0]);
      if (tok.t === "period") tok.p.yearFrom = "plan";
      return tok;
    },
  },
  {
    name: "nåtid",
    doc: "«i dag», «nå»: sier hvordan det er nå, ikke når perioden er — hoppes over",
    lead: words("i", "nå"),
    re: new RegExp(`(?:i\\s+dag|nå)${NL}`, "y"),
    make: () => GAP,
  },
  {
    name: "relativ-dag",
    doc: "«i morgen», «i går», «i fjor»: ikke støttet",
    lead: words("i"),
    re: new RegExp(`i\\s+(?:morgen|går|fjor)${NL}`, "y"),
    make: (m) => refuse(`Forstod ikke «${m[0]}» — skriv datoen eller årstallet`),
  },
  {
    name: "hyppighet",
    doc: "«hvert år», «per år», «årlig», «månedlig»: hvor ofte, ikke når — hoppes over",
    lead: words(
      "hvert",
      "hver",
      "per",
      "pr",
      "årlig",
      "årlige",
      "månedlig",
      "månedlige",
      "ukentlig",
      "kvartalsvis",
    ),
    re: new RegExp(
      `(?:(?:hvert|hver|per|pr\\.?)\\s+(?:år|måned|kvartal|halvår|uke)|årlige?|månedlige?|ukentlig|kvartalsvis)${NL}`,
      "y",
    ),
    make: () => GAP,
  },
  {
    name: "forlenget-med",
    doc: "«forlenget med ett år», «forlengelse 6 måneder»: hvor mye perioden forlenges, ikke hvor lang den er — hoppes over",
    lead: words(
      "forlenget",
      "forlenges",
      "forlengelse",
      "forlengelsen",
      "utvidet",
      "utvides",
      "utvidelse",
      "utvidelsen",
    ),
    re: new RegExp(
      `(?:forlenget|forlenges|forlengelsen?|utvidet|utvides|utvidelsen?)\\s+(?:med\\s+)?(?:\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})\\s*(?:år|måneder|måned|mnd)${NL}\\.?`,
      "y",
    ),
    make: () => GAP,
  },
  {
    name: "i-gang",
    doc: "«komme i gang i 2023», «i gang høsten 2022»: perioden starter da, ingen sluttdato",
    lead: words("i"),
    re: new RegExp(`i\\s+gang${NL}`, "y"),
    make: () => ({ t: "pre", c: "from", start: true }),
  },
  {
    name: "år-ord",
    doc: "«År 2026», «budsjettåret 2026», «regnskapsåret 2025»: ordet foran et årstall, hoppes over",
    lead: words(
      "år",
      "året",
      "kalenderår",
      "kalenderåret",
      "budsjettår",
      "budsjettåret",
      "regnskapsår",
      "regnskapsåret",
      "planår",
      "planåret",
    ),
    re: /(?:kalender|budsjett|regnskaps|plan)?år(?:et)?(?![a-zæøåäöüé])\s*:?(?=\s*\d{4}(?!\d))/y,
    make: () => FILLER,
  },
  {
    name: "i-løpet-av",
    doc: "«i løpet av», «ila», «gjennom», «over», «i», «ca.»: i perioden som følger",
    lead: words("i", "ila", "gjennom", "over", "ca", "cirka", "løpet"),
    re: new RegExp(`(?:i\\s+løpet\\s+av|løpet\\s+av|ila|gjennom|over|i|ca|cirka)${NL}\\.?`, "y"),
    make: () => FILLER,
  },
  {
    name: "perioden",
    doc: "«i perioden 2026–2029», «varighet», «frist»: ord foran perioden, hoppes over",
    lead: words("perioden", "periode", "varighet", "varigheten", "frist", "fristen"),
    re: new RegExp(`(?:perioden|periode|varigheten|varighet|fristen|frist)${NL}`, "y"),
    make: () => FILLER,
  },
  {
    name: "prosjektperiode",
    doc: "«Prosjektperiode: 2025-2027»: ordet foran perioden (uten en periode rett etter er ordet ikke forstått)",
    lead: words(
      "prosjektperiode",
      "prosjektperioden",
      "pilotperiode",
      "pilotperioden",
      "tilskuddsperiode",
      "tilskuddsperioden",
      "finansieringsperiode",
      "finansieringsperioden",
    ),
    re: new RegExp(
      `(?:prosjekt|pilot|tilskudds|finansierings)perioden?${NL}(?=\\s*:?\\s*(?:\\d|fra${NL}|f\\.?o\\.?m|(?:${MONTHS})${NL}|vår|sommer|høst))`,
      "y",
    ),
    make: () => FILLER,
  },
  {
    name: "frem-mot",
    doc: "«frem mot 2027»: sier ikke om fristen er før eller i året — ikke støttet. «frem mot revisjonen i november 2026»: tiden for det som kommer (bare én enkel periode)",
    lead: words("frem", "fram"),
    re: new RegExp(`(?:frem|fram)\\s+mot${NL}`, "y"),
    make: (m, c) =>
      TIME_NEXT.test(c.s.slice(c.end, c.end + 16))
        ? refuse(`«${m[0]}» sier ikke om perioden slutter før eller i året som følger — skriv sluttdatoen`)
        : { t: "apply", kind: "mot" },
  },
  {
    name: "tilbakevisning",
    doc: "«de tre årene», «den perioden»: viser tilbake til perioden som allerede er nevnt",
    lead: words("de", "den", "denne", "samme"),
    re: new RegExp(`(?:de\\s+(?:\\d+|to|tre|fire|fem)\\s+årene|(?:den|denne|samme)\\s+perioden?)${NL}`, "y"),
    make: () => GAP,
  },
  {
    name: "varighet-ord",
    doc: "En varighet med ord («to år», «et år», «tre måneder»): lengden på perioden",
    lead: [
      ...Object.keys(NUMBER_WORDS),
      ...Object.keys(NUMBER_WORDS).flatMap((w) => [`${w}årig`, `${w}årige`]),
    ],
    re: new RegExp(
      `(${Object.keys(NUMBER_WORDS).join("|")})\\s*(?:-\\s*)?(år|års|årig|årige|måneder|måned)${NL}(?:\\s+varighet${NL})?`,
      "y",
    ),
    make: (m) => ({ t: "dur", months: NUMBER_WORDS[m[1]] * (m[2].startsWith("å") ? 12 : 1) }),
  },
  {
    name: "til-og-med",
    doc: "«t.o.m.», «til og med», «ut», «innen», «utgangen av»: perioden slutter der (ingen startdato alene). «til 2027» og «frem til mars» alene sier ikke om året eller måneden er med (bare i et spenn «fra … til …», eller med en dag)",
    lead: words(
      "t",
      "tom",
      "til",
      "frem",
      "fram",
      "ut",
      "innen",
      "inntil",
      "opptil",
      "senest",
      "seinest",
      "utgangen",
      "slutten",
      "resten",
    ),
    re: new RegExp(
      `(?:(?:frem|fram)\\s+til(?:\\s+og\\s+med)?|til\\s+og\\s+med|t(?:\\.\\s?|\\s)o(?:\\.\\s?|\\s)m\\.?|tom\\.?|til|innen(?:\\s+utgangen\\s+av|\\s+slutten\\s+av)?|inntil|opptil|utgangen\\s+av|slutten\\s+av|resten\\s+av|senest|seinest|ut)${NL}`,
      "y",
    ),
    // "innen sommeren", "til høsten": before the season or during it? Marked loose; read.ts refuses it
    // for a season. "til og med", "utgangen av", "ut" are not loose. "til 2027", "frem til mars" alone
    // do not say whether 2027 or March is included (tilOnly: read.ts refuses them outside a range).
    make: (m) => ({
      t: "pre",
      c: "until",
      loose: !/med|utgangen|slutten|resten|^ut$|senest|seinest|^t\.?\s?o\.?\s?m|^tom/.test(m[0]),
      til: /^(?:(?:frem|fram)\s+)?til$|^inntil$|^opptil$/.test(m[0]),
    }),
  },
  {
    name: "slutt-ord",
    doc: "«Avsluttes 2026», «ferdig 30.06.2026», «Sluttdato: 30.06.2026»: perioden slutter da (ingen startdato)",
    lead: words(
      "slutt",
      "sluttdato",
      "sluttdatoen",
      "avsluttes",
      "avsluttet",
      "avslutning",
      "slutter",
      "sluttføres",
      "ferdig",
      "ferdigstilles",
      "ferdigstilt",
      "utløper",
      "per",
      "pr",
    ),
    re: new RegExp(
      `(?:slutt|sluttdato(?:en)?|avsluttes|avsluttet|avslutning|slutter|sluttføres|ferdig|ferdigstilles|ferdigstilt|utløper|per|pr\\.?)${NL}(?=\\s*:?\\s*(?:i\\s+|innen\\s+)?(?:\\d|(?:${MONTHS})${NL}|vår|sommer|høst|uke|q\\d|h\\d|første|andre|tredje|fjerde))`,
      "y",
    ),
    make: () => ({ t: "pre", c: "until" }),
  },
  {
    name: "fra",
    doc: "«fra», «f.o.m.», «siden», «tidligst»: perioden starter der; uten slutt er den åpen",
    lead: words("fra", "f", "fom", "siden", "tidligst"),
    re: new RegExp(
      `(?:fra\\s+og\\s+med|f(?:\\.\\s?|\\s)o(?:\\.\\s?|\\s)m\\.?|fom\\.?|fra|siden|tidligst)${NL}`,
      "y",
    ),
    make: () => ({ t: "pre", c: "from" }),
  },
  {
    name: "oppstart",
    doc: "«Oppstart 2026», «startet i 2025», «komme i gang i 2023»: perioden starter da, ingen sluttdato",
    lead: words(
      "oppstart",
      "oppstarten",
      "start",
      "startet",
      "starter",
      "startes",
      "igang",
      "startdato",
      "startdatoen",
      "oppstartsdato",
      "oppstartet",
      "igangsatt",
      "igangsatte",
      "igangsettes",
      "påbegynt",
      "påbegynnes",
    ),
    re: new RegExp(
      `(?:oppstart(?:en|sdato|et)?|start(?:et|er|es)?(?:\\s+opp)?|startdato(?:en)?|igang(?:satte|satt|settes)?|påbegyn(?:t|nes))${NL}`,
      "y",
    ),
    make: () => ({ t: "pre", c: "from", start: true }),
  },
  {
    name: "etter",
    doc: "«etter 1. tertial 2026», «etter endt pilotperiode ut mars 2026»: starter dagen etter perioden, ingen sluttdato",
    lead: words("etter"),
    re: new RegExp(`etter(?:\\s+endt\\s+[a-zæøå]*perioden?)?${NL}`, "y"),
    make: () => ({ t: "pre", c: "after" }),
  },
  {
    name: "før",
    doc: "«før sommeren 2026»: slutter dagen før perioden starter",
    lead: words("før"),
    re: new RegExp(`før${NL}`, "y"),
    make: () => ({ t: "pre", c: "before" }),
  },
  {
    name: "og-videre",
    doc: "«2026 og videre», «fra 2026 og utover», «fremover»: ingen sluttdato",
    lead: words("og", "utover", "fremover", "framover"),
    re: new RegExp(`(?:og\\s+(?:videre|utover|fremover|framover)|utover|fremover|framover)${NL}`, "y"),
    make: () => ({ t: "onward" }),
  },
  {
    name: "og",
    doc: "«og», «samt»: alle periodene, fra den første til den siste",
    lead: words("og", "samt"),
    re: new RegExp(`(?:og|samt)${NL}`, "y"),
    make: () => ({ t: "conn", c: "list", sym: false }),
  },
  {
    name: "eller",
    doc: "«eller»: den ene eller den andre (usikkert hvilken)",
    lead: words("eller"),
    re: new RegExp(`eller${NL}`, "y"),
    make: () => ({ t: "conn", c: "alt", sym: false }),
  },
  {
    name: "ukedag",
    doc: "Ukedag foran en dato («fredag 18. september 2026», «man. 5. januar»): sjekkes mot datoen",
    lead: [...WEEKDAYS.flatMap((w) => [w, `${w}en`]), ...WEEKDAY_SHORT],
    re: new RegExp(`(?:(${WEEKDAYS.join("|")})(?:en)?${NL}|(${WEEKDAY_SHORT.join("|")})\\.)\\s*,?`, "y"),
    make: (m) => ({
      t: "weekday",
      wd: m[1] ? WEEKDAYS.indexOf(m[1]) + 1 : WEEKDAYS.findIndex((w) => w.startsWith(m[2].slice(0, 3))) + 1,
    }),
  },
  {
    name: "uten-tilskudd",
    doc: "«uten tilskuddsmidler fra 2027», «vanlig/fast drift fra …», «kommunene overtar finansieringen fra 2027»: tilskuddet slutter dagen før",
    lead: words(
      "uten",
      "vanlig",
      "ordinær",
      "ordinære",
      "fast",
      "overtar",
      "finansieringen",
      "finansiering",
      "driften",
    ),
    re: new RegExp(
      `(?:uten\\s+(?:bruk\\s+av\\s+)?(?:rst|tilskudd[a-zæøå]*|rekrutterings-?\\s*og\\s*samhandlingstilskudd[a-zæøå]*)|(?:vanlig|ordinær|fast)\\s+drift|ordinære\\s+driftsmidler|ordinær\\s+finansiering|overtar\\s+(?:[a-zæøå]+\\s+)?(?:finansieringen|driften|kostnadene)|(?:finansieringen|finansiering|driften)\\s+overtas)${NL}`,
      "y",
    ),
    make: () => ({ t: "negate" }),
  },
  {
    name: "søknad",
    doc: "«søkt», «søknad»: perioden er søkt om, ikke vedtatt",
    lead: words("søkt", "søkes", "søknad", "søke", "søker", "søkte"),
    re: new RegExp(`(?:søkt|søkes|søknad|søke|søker|søkte)${NL}`, "y"),
    make: () => ({ t: "apply" }),
  },
  {
    name: "ikke",
    doc: "«ikke (aktuelt) før 2027»: tidligst da (starter der); «ikke etter/ikke senere enn 30.06.2026»: slutter der; «ikke i 2026», «ingen midler i 2026»: sier når noe ikke skjer — ikke forstått",
    lead: words("ikke", "ingen"),
    re: new RegExp(
      `(?:ikke|(ingen))\\s+(?:(?!før|etter|senere|i${NL})[a-zæøå]+\\s+)?(?:(før)|(etter|senere\\s+enn)|(?=(?:i\\s+)?(?:(?:${MONTH_ALT}|vår|våren|høst|høsten|sommer|sommeren|uke)${NL}|(?:19|20)\\d\\d(?!\\d)|\\d{1,2}\\.\\s*(?:\\d|${MONTH_ALT})|[qh]\\d)))`,
      "y",
    ),
    make: (m) => {
      if (!m[1] && m[2]) return { t: "pre", c: "from" };
      if (!m[1] && m[3]) return { t: "pre", c: "until" };
      const next = /^\s*\S+(?:\s+\S+)?/.exec(
        m.input.slice(m.index + m[0].length, m.index + m[0].length + 30),
      );
      return refuse(
        `«${(m[0] + (next ? next[0] : "")).trim().replace(/[.,:;]+$/, "")}» sier når noe ikke skal skje — skriv perioden som gjelder`,
      );
    },
  },
  {
    name: "overført",
    doc: "«overført til 2026», «utsatt til 2027»: perioden er den som følger; «overført fra 2024» sier hvor midlene kommer fra — ikke forstått",
    lead: words("overført", "overførte", "overføres", "utsatt", "utsettes", "flyttet", "flyttes"),
    re: new RegExp(
      `(?:(overført|overførte|overføres)\\s+fra|(?:overført|overførte|overføres|utsatt|utsettes|flyttet|flyttes)\\s+til)${NL}`,
      "y",
    ),
    make: (m) =>
      m[1]
        ? refuse(
            `«${m[0]}» sier hvilket år midlene kommer fra, ikke når en periode starter — skriv perioden midlene gjelder`,
          )
        : FILLER,
  },
  {
    name: "utsatt",
    doc: "«utsettes», «utsatt» uten ny tid, «avlyst», «stilt i bero», «satt på vent»: perioden i setningen gjelder ikke lenger",
    lead: words(
      "utsatt",
      "utsettes",
      "utsatte",
      "utsette",
      "avlyst",
      "avlyses",
      "kansellert",
      "avbrutt",
      "stanset",
      "stoppet",
      "nedlagt",
      "pauset",
      "bero",
      "vent",
    ),
    re: new RegExp(
      `(?:utsatt|utsettes|utsatte|utsette|avlyst|avlyses|kansellert|avbrutt|stanset|stoppet|nedlagt|pauset|bero|vent)${NL}`,
      "y",
    ),
    make: () => ({ t: "apply", kind: "utsatt" }),
  },
  {
    name: "skulle-vært",
    doc: "«skulle vært operativ fra 25. april»: det som skulle skjedd, ikke en periode",
    lead: words("skulle", "skullet"),
    re: new RegExp(`skulle\\s+(?:ha\\s+)?(?:vært|vore|blitt)${NL}|skullet${NL}`, "y"),
    make: () => ({ t: "apply", kind: "skulle" }),
  },
  {
    name: "spørsmål",
    doc: "«?»: et spørsmål sier ikke når noe skjer",
    lead: "symbol",
    symbols: "?",
    re: /\?/y,
    make: () => [{ t: "apply", kind: "spørsmål" }, { t: "sentence" }],
  },
  {
    name: "deretter",
    doc: "«deretter»: det som følger gjelder etter perioden",
    lead: words("deretter"),
    re: new RegExp(`deretter${NL}`, "y"),
    make: () => ({ t: "clause" }),
  },
  {
    name: "klokkeslett",
    doc: "Klokkeslett («kl. 12:30», «kl. 13.30-15.00»): tid på dagen, endrer ikke datoen",
    lead: words("kl", "klokken", "klokka"),
    re: /(?:kl|klokken|klokka)\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*-\s*\d{1,2}(?:[.:]\d{2})?)?/y,
    make: () => GAP,
  },
  {
    name: "saksnummer",
    doc: "Saks- og referansenummer («sak 24/25», «Saksid: 26/02136-16»): ikke en tid",
    lead: words("sak", "saksnr", "saksnummer", "saksid", "styresak", "referanse", "ref", "nr", "nummer"),
    re: new RegExp(
      `(?:sak|saksnr|saksnummer|saksid|styresak|referanse|ref|nr|nummer)\\.?\\s*(?:nr\\.?)?\\s*:?\\s*${NOT_A_DATE}\\d+(?:[./-]\\d+)*`,
      "y",
    ),
    make: () => GAP,
  },
  {
    name: "nummer-etter-ord",
    doc: "Nummer etter et ord («Trinn 1», «møte 5», «kapittel 4.1.2», «Tiltak 1.2.10», «Org.nr. 991 324 968»): ikke en tid",
    lead: words(
      "trinn",
      "tiltak",
      "aktivitet",
      "tabell",
      "figur",
      "avsnitt",
      "pkt",
      "fase",
      "del",
      "delprosjekt",
      "punkt",
      "kapittel",
      "kap",
      "vedlegg",
      "møte",
      "steg",
      "runde",
      "versjon",
      "org",
      "telefon",
      "telefaks",
      "tlf",
      "postboks",
      "takst",
    ),
    // a section, measure or version number ("Tiltak 1.2.10", "kapittel 4.6") is never a date; after
    // "møte", "fase" … a date written out ("møte 6.mars", "møte 13.01.26") is read as a date
    re: new RegExp(
      `(?:(?:trinn|tiltak|aktivitet|tabell|figur|avsnitt|pkt|delprosjekt|punkt|kapittel|kap|vedlegg|steg|versjon)\\.?\\s*:?\\s*(?!\\d{1,2}\\s*\\.?\\s*(?:${MONTHS})${NL}|(?:19|20)\\d\\d(?![\\d.,/-]))\\d+(?:[.\\-/]\\d+)*[a-z]?|(?:fase|del|møte|runde|takst)\\.?\\s*:?\\s*${NOT_A_DATE}\\d+(?:[.\\-/]\\d+)*[a-z]?|(?:org\\.?\\s*nr|telefon|telefaks|tlf|postboks)\\.?\\s*:?\\s*\\d+(?:[ .\\-/]\\d+)*)(?!\\d)`,
      "y",
    ),
    make: () => GAP,
  },
  {
    name: "kroner-først",
    doc: "«kr 850 000», «NOK 410 000»: et beløp, ikke en tid",
    lead: words("kr", "nok"),
    re: /(?:kr|nok)\.?\s*\d+(?:[ \u00a0.]\d{3})*(?:,\d+)?(?:,-)?/y,
    make: () => GAP,
  },
];
