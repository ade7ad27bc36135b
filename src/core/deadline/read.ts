/**
 * The deadline reader: scan the text with RULES into tokens, group the tokens that belong to one
 * time phrase, and read the phrase. A word about time the rules do not understand, a number that is
 * neither a date nor known to be something else, or two unrelated time phrases make the text fail
 * with a Norwegian reason — never a partial answer.
 */
import { daysInMonth, isoToSerial, serialToIso, type IsoDate } from "../dates";
import { MONTH_NAMES_NB } from "../format";
import { addDays, addMonths, easterSunday, hasWeek53, isoWeekday, week1Monday } from "./calendar";
import { checkDay, quote, RULES, type Rule, type RuleContext } from "./rules";
import {
  ParseError,
  MAX_YEAR,
  MIN_YEAR,
  type Deadline,
  type Granularity,
  type Located,
  type Period,
  type Prefix,
  type Token,
} from "./types";

// ---------------------------------------------------------------- rule index

const DIGIT_RULES: Rule[] = [];
const SYMBOL_RULES = new Map<string, Rule[]>();
const WORD_RULES = new Map<string, Rule[]>();
for (const r of RULES) {
  if (r.lead === "digit") DIGIT_RULES.push(r);
  else if (r.lead === "symbol") {
    for (const ch of r.symbols ?? "") SYMBOL_RULES.set(ch, [...(SYMBOL_RULES.get(ch) ?? []), r]);
  } else {
    for (const w of r.lead) WORD_RULES.set(w, [...(WORD_RULES.get(w) ?? []), r]);
  }
}
export const RULE_BY_NAME = new Map(RULES.map((r) => [r.name, r]));

/** Words about time that no rule reads: a text holding one is refused, naming it. */
const TIME_WORDS = new Set([
  "år",
  "års",
  "året",
  "årene",
  "dag",
  "dager",
  "dagen",
  "døgn",
  "døgnet",
  "uke",
  "uker",
  "uken",
  "ukene",
  "veke",
  "måned",
  "måneder",
  "måneden",
  "månedene",
  "mnd",
  "time",
  "timer",
  "tid",
  "tiden",
  "tidspunkt",
  "tidspunktet",
  "jul",
  "julen",
  "pinse",
  "pinsen",
  "nyttår",
  "årsskifte",
  "årsskiftet",
  "vinter",
  "vinteren",
  "sesong",
  "sesongen",
  "snarest",
  "snart",
  "straks",
  "umiddelbart",
  "fortløpende",
  "løpende",
  "kontinuerlig",
  "tidlig",
  "tidligere",
  "senere",
  "seinere",
  "sent",
  "sist",
  "siste",
  "første",
  "neste",
  "forrige",
  "midten",
  "begynnelsen",
  "starten",
  "slutten",
  "utgangen",
  "kvartal",
  "kvartalet",
  "halvår",
  "halvåret",
  "tertial",
  "tertialet",
  "mandag",
  "q",
  "årsslutt",
  "årsslutten",
  // "hittil i år": from 1 January until now, not the whole year
  "hittil",
  "hittils",
  // "natt til 5. mai" is the night before it
  "natt",
  "natta",
  "natten",
  "jula",
  "romjul",
  "romjula",
  "romjulen",
  "helg",
  "helga",
  "helgen",
  "høytid",
  "høytiden",
  "høytidene",
  "primo",
  "medio",
  "ultimo",
  // English: a month or season the reader must not skip as an ordinary word ("June 2026")
  "january",
  "february",
  "march",
  "may",
  "june",
  "july",
  "october",
  "december",
  "week",
  "quarter",
  "spring",
  "summer",
  "autumn",
  "fall",
  "winter",
]);

/** Time words as an OCR'd PDF may spell them with ø → g, å → a, æ → z ("fgrste", "halvar", "ar"). */
const OCR_TIME_WORDS = new Set([
  "første",
  "før",
  "år",
  "året",
  "årene",
  "års",
  "årig",
  "årige",
  "halvår",
  "halvåret",
  "overført",
  "overføres",
  "ordinær",
  "ordinære",
  "løpet",
  "måned",
  "måneder",
  "måneden",
  "påske",
  "påsken",
  "våren",
  "høst",
  "høsten",
  "utgangen",
]);
/** Real words one letter away from a time word ("var" is not a misread "vår"). */
const OCR_REAL_WORDS = new Set(["var", "vare", "varer", "ars", "forste"]);
const OCR_SWAP: Record<string, string> = { g: "ø", a: "å", z: "æ" };
function ocrTimeWord(w: string): string | undefined {
  if (w.length > 9 || w.length < 2 || OCR_REAL_WORDS.has(w)) return undefined;
  for (let k = 0; k < w.length; k++) {
    const to = OCR_SWAP[w[k]];
    if (to === undefined) continue;
    const fixed = w.slice(0, k) + to + w.slice(k + 1);
    if (OCR_TIME_WORDS.has(fixed)) return fixed;
  }
  return undefined;
}

/** "prosjektstart", "pilotoppstart", "driftsstart"; "prosjektslutt", "avslutningsdato". */
const START_COMPOUND = /^[a-zæøå]{3,}(?:start|oppstart|startdato|oppstartsdato)$/;
const END_COMPOUND = /^[a-zæøå]{3,}(?:slutt|sluttdato)$|^avslutningsdato$/;

/** A word that starts with a month or season name, or names a school or holiday time. */
const TIME_STEM =
  /^(?:januar|februar|april|juni|juli|august|september|oktober|november|desember|mars|vår|høst|sommer|vinter|påske|jule?|pinse|skole(?:start|slutt)|semester)[a-zæøå]+$|^(?:skolestart|skoleslutt|semesterstart|semesterslutt|ferieavvikling|fellesferie|årsskifte|månedsskifte|kvartalsskifte|uka)$/;
/** Ordinary words that start like one: "våre", "høste gevinster", "junior", "julebord" is still a time. */
const NOT_TIME_COMPOUND =
  /^(?:våre|vårt|vårs|høste|høster|høstet|høsting|junior|juniorer|marsj|marsjen|julie)$/;

/** Month names a misspelt word is compared with ("febuar 2026", "septmber 2026", "januari 2026"). */
const MONTH_NAMES = [
  ...MONTH_NAMES_NB,
  "january",
  "february",
  "march",
  "june",
  "july",
  "october",
  "december",
];

/** Edit distance, stopping early once it exceeds `max`. */
function within(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

/** An unread word before a year or a day that looks like a month name: the month it may be. */
function likeMonth(w: string): string | undefined {
  if (w.length < 3 || w.length > 11) return undefined;
  // a short word ("man", "mal") is compared only with the longer names: "mai" is too near to many words
  const max = w.length <= 4 ? 1 : 2;
  return MONTH_NAMES.find((m) => m[0] === w[0] && (w.length > 4 || m.length >= 4) && within(w, m, max));
}
/** Time nouns a misspelt word before a number is compared with ("første kvaral 2026"). */
const TIME_NOUNS = [
  "kvartal",
  "kvartalet",
  "halvår",
  "halvåret",
  "tertial",
  "tertialet",
  "måned",
  "måneden",
  "sommer",
  "sommeren",
  "høsten",
  "våren",
  "vinter",
  "vinteren",
  "påske",
  "påsken",
];
function likeTimeNoun(w: string): string | undefined {
  if (w.length < 5 || w.length > 11 || NOT_TIME_COMPOUND.test(w)) return undefined;
  const max = w.length <= 5 ? 1 : 2;
  return TIME_NOUNS.find((m) => m[0] === w[0] && within(w, m, max));
}
const TIME_SUFFIX =
  /(?:året|årene|årig|årige|prosjektår|driftsår|budsjettår|regnskapsår|kalenderår|planår|skoleår|måneden|månedene|ukene|ferie|ferien|periode|perioden|periodene|tertialet|semester|semesteret|kvartalet|halvåret)$/;
/** Ordinal-like words: quoted with the word after them («første omgang»). */
const WITH_NEXT = new Set([
  "første",
  "siste",
  "neste",
  "forrige",
  "midten",
  "begynnelsen",
  "starten",
  "slutten",
  "utgangen",
]);

/** "første", "siste" …: about time only before a word about time ("første år"), not "første møte". */
const ORDINALS = new Set(["første", "siste", "neste", "forrige"]);
const NEXT_WORD = /^\s+([a-zæøå]+)/;
function timeWordNext(s: string, from: number): boolean {
  const m = NEXT_WORD.exec(s.slice(from, from + 40));
  if (!m) return true; // "første" at the end, or before a number: not understood
  const w = m[1];
  return (
    TIME_WORDS.has(w) ||
    TIME_SUFFIX.test(w) ||
    /^(?:gang|omgang|halvdel|halvdelen|del|delen|fase|fasen|runde|etappe|tiden|periode|perioden)$/.test(w) ||
    MONTH_NAMES.includes(w) ||
    /^(?:vår|våren|sommer|sommeren|høst|høsten|kvartal|kvartalet|halvår|halvåret|tertial|tertialet|uke|uken)$/.test(
      w,
    )
  );
}

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    c === 0xe6 ||
    c === 0xf8 ||
    c === 0xe5 ||
    c === 0xe4 ||
    c === 0xf6 ||
    c === 0xfc ||
    c === 0xe9
  );
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Lower case, dashes as "-", other spaces as " "; the same length as the input. */
const ODD_CHARS = /[\u2010-\u2015\u2212\u00a0\u202f\u2009\t\r\n]/;
export function normalise(text: string): string {
  const lower = text.toLowerCase();
  const s = lower.length === text.length ? lower : text; // a letter whose lower case is longer: keep positions
  if (!ODD_CHARS.test(s)) return s;
  return s.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\u00a0\u202f\u2009\t\r\n]/g, " ");
}

// ---------------------------------------------------------------- scanning

/**
 * Every located token has the same fields in the same order (one hidden class), so the steps
 * after scanning stay monomorphic; the rules' own tokens have one shape per kind.
 */
function locate(tok: Token, at: number, end: number, rule: string): Located {
  const x = tok as unknown as Record<string, unknown>;
  return {
    t: tok.t,
    at,
    end,
    rule,
    p: x.p,
    months: x.months,
    c: x.c,
    sym: x.sym,
    comma: x.comma,
    start: x.start,
    endWord: x.endWord,
    loose: x.loose,
    wd: x.wd,
    reason: x.reason,
    til: x.til,
    kind: x.kind,
  } as unknown as Located;
}
const GAP_AT = locate({ t: "gap" }, 0, 0, "ord");
const FILLER_AT = locate({ t: "filler" }, 0, 0, "fyllord");

/** The tokens, and whether the text held anything about time (then an error may suggest an example). */
function scan(s: string, raw: string, planYear: number | undefined): { tokens: Located[]; timeish: boolean } {
  const out: Located[] = [];
  let timeish = false;
  const ctx: RuleContext = { whole: raw, planYear, s, end: 0 };
  /** Rules make fresh tokens (except gaps and fillers, which carry no position): locate them in place. */
  const push = (tok: Token, at: number, end: number, rule: string) => {
    if (tok.t === "gap") return void out.push(GAP_AT);
    if (tok.t === "filler") return void out.push(FILLER_AT);
    out.push(locate(tok, at, end, rule));
    if (tok.t === "period" || tok.t === "pre" || tok.t === "dur" || tok.t === "weekday") timeish = true;
  };
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 46 /* . */) {
      // A full stop followed by a space and a capital letter ends a sentence ("2026. Vil …").
      let j = i + 1;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j > i + 1 && j < n && raw[j] !== s[j] && raw[j].toLowerCase() === s[j])
        out.push(locate({ t: "sentence" }, i, i + 1, "setning"));
      i++;
      continue;
    }
    let rules: Rule[] | undefined;
    let wordEnd = i;
    const digit = isDigit(c);
    const letter = !digit && isLetter(c);
    if (digit) rules = DIGIT_RULES;
    else if (letter) {
      while (wordEnd < n && isLetter(s.charCodeAt(wordEnd))) wordEnd++;
      rules = WORD_RULES.get(s.slice(i, wordEnd));
    } else rules = SYMBOL_RULES.get(s[i]);
    let matched = false;
    if (rules) {
      for (const r of rules) {
        r.re.lastIndex = i;
        const m = r.re.exec(s);
        if (!m || m[0].length === 0) continue;
        const end = r.re.lastIndex;
        ctx.end = end;
        const made = r.make(m, ctx);
        if (Array.isArray(made)) for (const tok of made) push(tok, i, end, r.name);
        else push(made, i, end, r.name);
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (digit) {
      let j = i;
      while (j < n && ".,/:-0123456789".includes(s[j])) j++;
      const word = /^ ?[a-zæøå]+/.exec(s.slice(j, j + 30));
      const written = raw.slice(i, word ? j + word[0].length : j).replace(/[.,:-]+$/, "");
      throw new ParseError(`Forstod ikke «${written}» i ${quote(raw)}${example(raw, true)}`);
    }
    if (letter) {
      const w = s.slice(i, wordEnd);
      const ordinalBeforeWord = ORDINALS.has(w) && !timeWordNext(s, wordEnd);
      if (!ordinalBeforeWord && (TIME_WORDS.has(w) || TIME_SUFFIX.test(w))) {
        const next = WITH_NEXT.has(w) ? /^ [a-zæøå]+/.exec(s.slice(wordEnd, wordEnd + 30)) : null;
        const written = raw.slice(i, next ? wordEnd + next[0].length : wordEnd);
        throw new ParseError(`Forstod ikke tidsordet «${written}» i ${quote(raw)}${example(raw, true)}`);
      }
      if (WITH_NEXT.has(w) === false && /^[.'’]?\s?-?\d/.test(s.slice(wordEnd, wordEnd + 4))) {
        // "H2026", "V2026": høsten or våren 2026 (a student's shorthand), or a half-year?
        if ((w === "h" || w === "v") && /^\s?(?:\d{4}|\d{2})(?!\d)/.test(s.slice(wordEnd, wordEnd + 6)))
          throw new ParseError(
            `Forstod ikke «${raw.slice(i, wordEnd + (/^\s?\d{4}/.test(s.slice(wordEnd, wordEnd + 5)) ? 5 : 3)).trim()}» — skriv «${w === "h" ? "høsten" : "våren"} 2026» eller «${w === "h" ? "2" : "1"}. halvår 2026»`,
          );
        const like = likeMonth(w);
        if (like)
          throw new ParseError(
            `Forstod ikke «${raw.slice(i, wordEnd)}» i ${quote(raw)} — er det «${like}»? Skriv måneden på norsk, for eksempel «${like === "may" ? "mai" : like} 2026»`,
          );
        const noun = likeTimeNoun(w);
        if (noun)
          throw new ParseError(`Forstod ikke «${raw.slice(i, wordEnd)}» i ${quote(raw)} — er det «${noun}»?`);
      }
      // "fgrste halvar 2026" (a PDF read by OCR: ø → g, å → a, æ → z): a time word misread
      const misread = ocrTimeWord(w);
      if (misread)
        throw new ParseError(
          `«${raw.slice(i, wordEnd)}» i ${quote(raw)} ser ut som «${misread}» lest feil (fra en PDF?) — rett teksten`,
        );
      // "junimøtet", "høstmøtet", "påskeuka", "skolestart": a compound that names a time
      const stem = TIME_STEM.exec(w);
      if (stem && !NOT_TIME_COMPOUND.test(w))
        throw new ParseError(
          `Forstod ikke tidsordet «${raw.slice(i, wordEnd)}» i ${quote(raw)}${example(raw, true)}`,
        );
      // "Prosjektstart 01.01.2026", "Prosjektslutt 31.12.2027": a compound start or end word
      if (START_COMPOUND.test(w)) {
        out.push(locate({ t: "pre", c: "from", start: true }, i, wordEnd, "oppstart"));
        i = wordEnd;
        continue;
      }
      if (END_COMPOUND.test(w) && !/^beslutt/.test(w)) {
        out.push(locate({ t: "pre", c: "until" }, i, wordEnd, "slutt-ord"));
        i = wordEnd;
        continue;
      }
      out.push(GAP_AT);
      i = wordEnd;
      continue;
    }
    i++; // other punctuation: ( ) : « » " '
  }
  return { tokens: out, timeish };
}

/** An example only when the text looks like a deadline: a few words, and about time. */
function example(raw: string, aboutTime: boolean): string {
  const t = raw.trim();
  return aboutTime && t.length <= 40 && t.split(/\s+/).length <= 4
    ? ". Skriv for eksempel «3. kvartal 2026», «juni 2026» eller «30.06.2026»"
    : "";
}

// ---------------------------------------------------------------- periods → dates

/** isoDate without padStart (this runs for every period read). Years are 1900–2100 here. */
function iso(y: number, m: number, d: number): IsoDate {
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function startOf(p: Period, year: number): IsoDate {
  if (p.week !== undefined) return weekMonday(p, year);
  if (p.easter) return easterSunday(year);
  return iso(year, p.sm, p.sd === 0 ? daysInMonth(year, p.sm) : p.sd);
}
function endOf(p: Period, year: number): IsoDate {
  if (p.week !== undefined) return serialToIso(isoToSerial(weekMonday(p, year)) + 6);
  if (p.easter) return easterSunday(year);
  if (p.gran === "day" && p.ed !== 0) checkDay(year, p.em, p.ed, `${p.text} ${year}`);
  return iso(year, p.em, p.ed === 0 ? daysInMonth(year, p.em) : p.ed);
}
function weekMonday(p: Period, year: number): IsoDate {
  if (p.week === 53 && !hasWeek53(year)) throw new ParseError(`${year} har ikke uke 53 (fant «${p.text}»)`);
  return serialToIso(week1Monday(year) + 7 * (p.week! - 1));
}

// ---------------------------------------------------------------- phrases

/** Prefixes and one period or duration (a class, so every item has the same shape). */
class Item {
  pres: Prefix[] = [];
  /** An "until" written loosely ("innen", "til"), which a season cannot take. */
  loose = false;
  /** "til", "frem til" alone: does not say whether the period it names is included. */
  til = false;
  period: Period | undefined = undefined;
  dur: number | undefined = undefined;
  weekday: number | undefined = undefined;
}
type Join = "range" | "list" | "alt" | "adj";

interface Group {
  toks: Located[];
  sentence: number;
  clause: number;
  /** What closed it: another word, a sentence end, or the end of the text. */
  endedBy: "gap" | "sentence" | "end";
}

interface Reading {
  start: IsoDate | null;
  end: IsoDate | null;
  granularity: Granularity;
  /** Set when the phrase is "fra X" alone (a start and nothing else): a negation can turn it. */
  fromOnly: boolean;
  /** One period with no prefix, range or list. */
  plain: boolean;
  /** "etter X" or "før X" somewhere in the phrase (a duration cannot be counted from it). */
  relative: boolean;
  uncertainEnd: boolean;
  /** The kind of the period the reading starts with (a duration in months cannot count from a year). */
  startGran: Granularity;
}

export interface ReadResult {
  deadline: Deadline;
  /** How the text was read, in Norwegian, one step per line. */
  steps: string[];
}

function phraseText(raw: string, toks: Located[]): string {
  return raw.slice(toks[0].at, toks[toks.length - 1].end).trim();
}

function groupsOf(tokens: Located[]): {
  groups: Group[];
  negates: { sentence: number; clause: number }[];
  applies: { sentence: number; kind: ApplyKind }[];
  starts: { sentence: number; clause: number; at: number; end: number; last?: boolean }[];
} {
  const groups: Group[] = [];
  const negates: { sentence: number; clause: number }[] = [];
  const applies: { sentence: number; kind: ApplyKind }[] = [];
  const starts: { sentence: number; clause: number; at: number; end: number; last?: boolean }[] = [];
  let sentence = 0;
  let clause = 0;
  let cur: Group | null = null;
  const close = (by: Group["endedBy"]) => {
    if (cur) {
      cur.endedBy = by;
      groups.push(cur);
      // "Oppstart av implementering høsten 2026": a start word with words before its period
      const last = cur.toks[cur.toks.length - 1];
      if (by === "gap" && last.t === "pre" && last.start)
        starts.push({ sentence: cur.sentence, clause: cur.clause, at: last.at, end: last.end });
      if (last.t === "pre" && last.endWord) {
        if (by !== "gap")
          throw new ParseError(
            `Forstod ikke hvilket år «siste år» gjelder — skriv for eksempel «t.o.m. 2026»`,
          );
        starts.push({ sentence: cur.sentence, clause: cur.clause, at: last.at, end: last.end, last: true });
      }
    }
    cur = null;
  };
  for (const tok of tokens) {
    switch (tok.t) {
      case "period":
      case "dur":
      case "conn":
      case "pre":
      case "weekday":
      case "onward":
        if (!cur) cur = { toks: [], sentence, clause, endedBy: "end" };
        cur.toks.push(tok);
        if (tok.t === "conn" && tok.comma) clause++;
        break;
      case "filler":
        break;
      case "gap":
        close("gap");
        break;
      case "negate":
        close("gap");
        negates.push({ sentence, clause });
        break;
      case "apply":
        close("gap");
        applies.push({ sentence, kind: (tok as { kind?: ApplyKind }).kind ?? "søkt" });
        break;
      case "clause":
        close("gap");
        clause++;
        break;
      case "sentence":
        close("sentence");
        sentence++;
        clause++;
        break;
      case "refuse":
        throw new ParseError(tok.reason);
    }
  }
  close("end");
  return { groups, negates, applies, starts };
}

type ApplyKind = "søkt" | "utsatt" | "skulle" | "spørsmål" | "mot";

/** Words that do not count when measuring how far a start word stands from its period. */
const SMALL_WORDS = new Set([
  "i",
  "av",
  "på",
  "med",
  "for",
  "til",
  "ved",
  "om",
  "en",
  "et",
  "ei",
  "og",
  "nå",
  "opp",
  "mellom",
  "hos",
]);
/**
 * At most this many other words between a start word and its period ("Tiltakene startet opp i
 * samarbeid mellom Larvik kommune og SiV i 2022"), none of them a verb of another event ("Oppstart
 * … ble vedtatt i juni 2025") and at most one action ("startet planlegging av fagdag med
 * gjennomføring høsten 26": the autumn is the gjennomføring, not the start).
 */
const START_REACH = 4;
const OTHER_EVENT =
  /^(?:vedtatt|vedtok|vedtas|besluttet|beslutte|besluttes|godkjent|godkjennes|behandlet|behandles|planlagt|planlegges|evaluert|evalueres|vurdert|vurderes|avsluttet|avsluttes|ferdig|ferdigstilt|ferdigstilles|rapportert|rapporteres)$/;

type GroupReading =
  | { kind: "dated"; reading: Reading; group: Group; text: string }
  | { kind: "dur"; months: number; text: string };

function readGroup(
  g: Group,
  raw: string,
  planYear: number | undefined,
  steps: string[] | undefined,
): GroupReading[] {
  const toks = g.toks.slice();
  let leadingDash = false;
  let leadingOnward = false;
  while (toks.length > 0 && (toks[0].t === "conn" || toks[0].t === "onward")) {
    const first = toks.shift()!;
    leadingDash = first.t === "conn" && first.sym && first.c === "range";
    leadingOnward ||= first.t === "onward";
  }
  // "utover 2027": beyond 2027, or through it? ("utover høsten" is during the autumn)
  if (leadingOnward && toks[0]?.t === "period" && toks[0].p.gran === "year")
    throw new ParseError(
      `${quote(phraseText(raw, toks))} etter «utover» sier ikke om året er med — skriv «fra ${toks[0].p.year! + 1}» eller «t.o.m. ${toks[0].p.year}»`,
    );
  let openEnd = false;
  let onward = false;
  while (toks.length > 0) {
    const last = toks[toks.length - 1];
    // "2026 siste år med støtte": is 2026 the last year, or is it said of something else?
    if (last.t === "pre" && last.endWord && toks.some((t) => t.t === "period"))
      throw new ParseError(
        `Forstod ikke hvordan «siste år» henger sammen med ${quote(phraseText(raw, toks))} — skriv for eksempel «t.o.m. 2026»`,
      );
    if (last.t === "pre") toks.pop();
    else if (last.t === "onward") {
      toks.pop();
      onward = true;
    } else if (last.t === "conn") {
      toks.pop();
      if (last.sym && last.c === "range" && g.endedBy !== "gap") openEnd = true;
      // "februar/" at the end, "medio februar/primomars": an alternative that cannot be read
      if (last.c === "alt" && toks.some((t) => t.t === "period"))
        throw new ParseError(
          g.endedBy === "gap"
            ? `Forstod ikke det som står etter «/» i «${raw.slice(toks[0]?.at ?? last.at, last.end + 20).trim()}» — skriv én periode`
            : `Teksten slutter midt i en periode («${raw.slice(toks[0]?.at ?? last.at, last.end).trim()}»)`,
        );
    } else break;
  }
  if (toks.some((t) => t.t === "onward"))
    throw new ParseError(`Forstod ikke perioden ${quote(phraseText(raw, toks))}`);
  if (!toks.some((t) => t.t === "period" || t.t === "dur")) return [];
  if (onward) openEnd = true;
  if (leadingDash && toks[0].t === "period") {
    // "- 2026": a dash before the only start there is reads as "until 2026"
    toks.unshift(locate({ t: "pre", c: "until" }, toks[0].at, toks[0].at, "bindestrek"));
  }
  const text = phraseText(raw, toks);

  // The common case, one period and nothing else ("3.kvartal 2026"): no items, joins or spans.
  if (toks.length === 1 && toks[0].t === "period" && !openEnd) {
    const p = toks[0].p;
    steps?.push(`«${text}»: ${RULE_BY_NAME.get(toks[0].rule)?.doc ?? toks[0].rule}`);
    if (p.year === null) {
      if (planYear === undefined)
        throw new ParseError(
          `Mangler årstall i ${quote(raw)}. Skriv årstallet, for eksempel «${p.text} 2026»`,
        );
      p.year = planYear;
      p.yearFrom = "plan";
      steps?.push(`«${p.text}» har ikke årstall: året ${planYear} er hentet fra planåret`);
    }
    const end = endOf(p, p.year);
    const start = p.gran === "day" ? end : startOf(p, p.year);
    return [
      {
        kind: "dated",
        group: g,
        text,
        reading: {
          start,
          end,
          granularity: p.gran,
          fromOnly: false,
          plain: true,
          relative: false,
          uncertainEnd: false,
          startGran: p.gran,
        },
      },
    ];
  }

  // Items (prefixes + one period or duration) and how they are joined.
  const items: Item[] = [];
  const joins: Join[] = [];
  let item = new Item();
  let pendingJoin: Join | null = null;
  let commaBefore = false;
  const flush = () => {
    if (item.period || item.dur !== undefined) {
      if (items.length > 0) joins.push(pendingJoin ?? "adj");
      items.push(item);
      pendingJoin = null;
    } else if (item.pres.length > 0 || item.weekday !== undefined) {
      // prefixes with nothing after them before a connector ("fra - 2026"): keep them for the next
    }
    const next = new Item();
    if (!(item.period || item.dur !== undefined)) {
      next.pres = item.pres;
      next.loose = item.loose;
      next.til = item.til;
      next.weekday = item.weekday;
    }
    item = next;
  };
  for (const tok of toks) {
    if (tok.t === "pre") {
      if (item.period || item.dur !== undefined) flush();
      item.pres.push(tok.c);
      if (tok.c === "until" && tok.loose) item.loose = true;
      // "fram til utgangen av 2026": a strict word beside "til" says it
      if (tok.c === "until") item.til = tok.til === true && (item.til || item.pres.length === 1);
      steps?.push(`«${raw.slice(tok.at, tok.end).trim()}»: ${RULE_BY_NAME.get(tok.rule)?.doc ?? tok.rule}`);
    } else if (tok.t === "weekday") {
      if (item.period || item.dur !== undefined) flush();
      item.weekday = tok.wd;
    } else if (tok.t === "period") {
      steps?.push(`«${raw.slice(tok.at, tok.end).trim()}»: ${RULE_BY_NAME.get(tok.rule)?.doc ?? tok.rule}`);
      if (item.period && item.period.year === null && tok.p.gran === "year") {
        item.period.year = tok.p.year; // "31.08 2027", "1. april neste år"
        item.period.yearFrom = tok.p.yearFrom;
        continue;
      }
      // "juni, 2026": a comma between a period without a year and a bare year writes its year
      const prev = items[items.length - 1];
      if (
        commaBefore &&
        tok.p.gran === "year" &&
        !item.period &&
        item.pres.length === 0 &&
        prev?.period?.year === null &&
        prev.dur === undefined
      ) {
        prev.period.year = tok.p.year;
        prev.period.yearFrom = tok.p.yearFrom;
        pendingJoin = null;
        commaBefore = false;
        continue;
      }
      if (item.period || item.dur !== undefined) flush();
      item.period = tok.p;
    } else if (tok.t === "dur") {
      steps?.push(`«${raw.slice(tok.at, tok.end).trim()}»: ${RULE_BY_NAME.get(tok.rule)?.doc ?? tok.rule}`);
      if (item.period || item.dur !== undefined) flush();
      item.dur = tok.months;
    } else if (tok.t === "conn") {
      flush();
      if (items.length > 0) pendingJoin = tok.c;
      commaBefore = tok.comma === true;
      continue;
    }
    commaBefore = false;
  }
  flush();

  // Durations stand apart; a duration joined by "-" or "/" is not understood.
  const out: GroupReading[] = [];
  const dated: Item[] = [];
  const datedJoins: Join[] = [];
  items.forEach((it, k) => {
    if (it.dur !== undefined) {
      if (
        (k > 0 && joins[k - 1] !== "adj" && joins[k - 1] !== "list") ||
        (k < joins.length && joins[k] !== "adj" && joins[k] !== "list")
      )
        throw new ParseError(`Forstod ikke varigheten i ${quote(text)}`);
      out.push({ kind: "dur", months: it.dur, text });
      if (it.pres.length > 0 && items[k + 1]) items[k + 1].pres.unshift(...it.pres);
      return;
    }
    if (dated.length > 0) datedJoins.push(k > 0 && items[k - 1].dur !== undefined ? "adj" : joins[k - 1]);
    dated.push(it);
  });
  if (dated.length === 0) return out;

  // Spans: a range (a - b, or "fom a tom b"), a list member, or alternatives.
  interface SpanSpec {
    a: Item;
    b?: Item[]; // range end, possibly alternatives
    alts?: Item[];
  }
  const specs: SpanSpec[] = [];
  const listJoined: boolean[] = [];
  for (let k = 0; k < dated.length; k++) {
    const it = dated[k];
    const join = k > 0 ? datedJoins[k - 1] : null;
    const prev = specs[specs.length - 1];
    if (join === null) specs.push({ a: it });
    else if (
      join === "range" ||
      (join === "adj" && it.pres.includes("until") && prev && !prev.b && !prev.alts) ||
      // "Oppstart 1. kvartal, avsluttes 4. kvartal 2026", "fra 2026 og ut 2028": a start, then an end
      (join === "list" &&
        it.pres.includes("until") &&
        !it.pres.includes("from") &&
        prev &&
        !prev.b &&
        !prev.alts &&
        prev.a.pres.includes("from") &&
        !prev.a.pres.includes("until"))
    ) {
      if (!prev || prev.b || prev.alts) throw new ParseError(`Forstod ikke perioden ${quote(text)}`);
      prev.b = [it];
    } else if (join === "alt") {
      if (prev.b) prev.b.push(it);
      else (prev.alts ??= [prev.a]).push(it);
    } else if (join === "list") {
      // "Beslutning desember 2026, oppstart januar 2027": a plain period and a start are two events
      if (it.pres.includes("from") && prev && prev.a.pres.length === 0 && !prev.b)
        throw new ParseError(
          `Teksten nevner flere tidspunkt uten å si hvordan de henger sammen (${quote(text)})`,
        );
      specs.push({ a: it });
      listJoined.push(true);
    } else {
      throw new ParseError(
        `Teksten nevner flere tidspunkt uten å si hvordan de henger sammen (${quote(text)})`,
      );
    }
  }

  // Years: range ends lend each other theirs, then a later period, an earlier one, the plan year.
  for (const sp of specs) {
    if (!sp.b) continue;
    const a = sp.a.period!;
    const b = sp.b[sp.b.length - 1].period!;
    if (a.year === null && b.year !== null) {
      if (b.gran === "year" && a.gran !== "year")
        throw new ParseError(
          `Usikkert hvilket år «${a.text}» gjelder i ${quote(text)} — skriv årstallet ved begge ender`,
        );
      a.year = b.year;
      a.yearFrom = "borrowed";
      if (startOf(a, a.year) > endOf(b, b.year)) a.year = b.year - 1;
    } else if (b.year === null && a.year !== null) {
      // "2026-Q3", "fra 2026 til juni": Q3 of 2026, or from 2026 until June (of which year)?
      if (a.gran === "year" && b.gran !== "year")
        throw new ParseError(
          `Usikkert hvilket år «${b.text}» gjelder i ${quote(text)} — skriv årstallet ved begge ender`,
        );
      b.year = a.year;
      b.yearFrom = "borrowed";
      if (endOf(b, b.year) < startOf(a, a.year)) b.year = a.year + 1;
    }
  }
  const periods = dated.map((d) => d.period!);
  periods.forEach((p, k) => {
    if (p.year !== null) return;
    let y: number | null = null;
    for (let j = k + 1; j < periods.length && y === null; j++)
      if (periods[j].yearFrom === "text") y = periods[j].year;
    for (let j = k - 1; j >= 0 && y === null; j--) if (periods[j].yearFrom === "text") y = periods[j].year;
    if (y !== null) {
      p.year = y;
      p.yearFrom = "borrowed";
    } else if (planYear !== undefined) {
      p.year = planYear;
      p.yearFrom = "plan";
      steps?.push(`«${p.text}» har ikke årstall: året ${planYear} er hentet fra planåret`);
    } else {
      throw new ParseError(`Mangler årstall i ${quote(raw)}. Skriv årstallet, for eksempel «${p.text} 2026»`);
    }
    if (p.year < MIN_YEAR || p.year > MAX_YEAR)
      throw new ParseError(`Årstallet ${p.year} er utenfor ${MIN_YEAR}–${MAX_YEAR}`);
  });

  // "desember og januar 2026", "Q4 og Q1 2027": a year lent across a list must keep its order —
  // else the text more likely means December before January (of another year) than all of 2026
  for (let k = 1; k < specs.length; k++) {
    const a = specs[k - 1].a.period!;
    const b = specs[k].a.period!;
    if (a.yearFrom === "text" && b.yearFrom === "text") continue;
    if (startOf(b, b.year!) < startOf(a, a.year!))
      throw new ParseError(
        `Usikkert hvilket år ${a.yearFrom === "text" ? `«${b.text}»` : `«${a.text}»`} gjelder i ${quote(text)} — skriv årstallet ved hver periode`,
      );
  }
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  let anyOpen = false;
  let startUnknown = false;
  let uncertainEnd = false;
  for (let k = 0; k < specs.length; k++) {
    const sp = specs[k];
    let s: IsoDate | null;
    let e: IsoDate | null;
    if (sp.alts) {
      single(sp.alts[0], text);
      s = SPAN_S;
      e = SPAN_E;
      for (let j = 1; j < sp.alts.length; j++) {
        single(sp.alts[j], text);
        if (SPAN_S !== s || SPAN_E !== e)
          throw new ParseError(`Usikkert hvilken periode ${quote(text)} mener — skriv én periode`);
      }
    } else if (sp.b) {
      if (sp.a.pres.includes("until")) throw new ParseError(`Forstod ikke perioden ${quote(text)}`);
      single(sp.a, text, "from");
      s = SPAN_S ?? SPAN_E; // "etter X - Y" starts the day after X
      if (sp.b.length > 1) {
        e = null;
        uncertainEnd = true;
        steps?.push(
          `Slutten er usikker (${sp.b.map((x) => `«${x.period!.text}»`).join(" eller ")}): ingen sluttdato`,
        );
      } else {
        const bi = sp.b[0];
        if (bi.pres.includes("from")) throw new ParseError(`Forstod ikke perioden ${quote(text)}`);
        single(bi, text, "until");
        e = SPAN_E ?? SPAN_S;
        if (s !== null && e !== null && e < s)
          throw new ParseError(`Perioden i ${quote(raw)} slutter før den starter`);
      }
    } else {
      single(sp.a, text);
      s = SPAN_S;
      e = SPAN_E;
      if (openEnd && k === specs.length - 1 && sp.a.pres.length === 0) {
        e = null;
        steps?.push(`«${text}» slutter med «-»: perioden har en start, men ingen sluttdato`);
      }
    }
    if (k === 0) {
      start = s;
      end = e;
    } else {
      if (s !== null && start !== null && s < start) start = s;
      if (e !== null && (end === null || e > end)) end = e;
    }
    if (s === null) startUnknown = true; // one part names no start: the whole has none
    if (e === null) anyOpen = true;
  }
  if (specs.length > 1) steps?.push("Flere perioder: fra den første starten til den siste slutten");
  if (anyOpen || onward) end = null;
  if (startUnknown) start = null;
  if (start === null && end === null) throw new ParseError(`Forstod ikke perioden ${quote(text)}`);

  const plain =
    specs.length === 1 && !specs[0].b && !specs[0].alts && specs[0].a.pres.length === 0 && !openEnd;
  const fromOnly =
    specs.length === 1 && !specs[0].b && !specs[0].alts && effectivePrefix(specs[0].a.pres, text) === "from";
  out.push({
    kind: "dated",
    group: g,
    text,
    reading: {
      start,
      end,
      granularity: plain ? specs[0].a.period!.gran : "range",
      fromOnly,
      plain,
      relative: dated.some((it) => it.pres.includes("after") || it.pres.includes("before")),
      uncertainEnd,
      startGran: specs[0].a.period!.gran,
    },
  });
  return out;
}

/** Start and end of one item (written to SPAN_S / SPAN_E to spare an object per call). */
let SPAN_S: IsoDate | null = null;
let SPAN_E: IsoDate | null = null;
const WEEKDAY_NB = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];
function single(it: Item, text: string, drop: Prefix | null = null): void {
  const p = it.period!;
  const y = p.year!;
  const e = endOf(p, y);
  const s = p.gran === "day" ? e : startOf(p, y);
  if (it.weekday !== undefined) {
    if (p.gran !== "day") throw new ParseError(`En ukedag passer bare foran en dato (fant ${quote(text)})`);
    if (isoWeekday(e) !== it.weekday) {
      throw new ParseError(
        `${quote(text)}: ${e.slice(8)}.${e.slice(5, 7)}.${y} er en ${WEEKDAY_NB[isoWeekday(e) - 1]}, ikke ${WEEKDAY_NB[it.weekday - 1]}`,
      );
    }
  }
  const pre = effectivePrefix(it.pres, text, drop);
  if ((pre === "before" || pre === "after") && (p.gran === "season" || p.easter))
    throw new ParseError(
      `${quote(text)} sier ikke hvilken dato — ${pre === "before" ? "før" : "etter"} ${p.easter ? "påske" : "en årstid"} kan bety både ${p.easter ? "påskeuka og påskedagene" : "årstiden og ferien"}. Skriv datoen, for eksempel «${pre === "before" ? "innen 31.05" : "fra 15.08"}.${y}»`,
    );
  if (pre === "until" && it.til && p.gran !== "day" && !p.easter)
    throw new ParseError(
      `${quote(text)} sier ikke om ${p.text} er med — skriv «t.o.m. ${p.text}» eller en dato`,
    );
  if (pre === "until" && it.loose && p.gran === "season")
    throw new ParseError(
      `${quote(text)} sier ikke om det er før eller i løpet av ${p.text.replace(/\s*\d+$/, "")} — skriv datoen, for eksempel «innen utgangen av ${p.text}»`,
    );
  SPAN_S = s;
  SPAN_E = e;
  if (pre === "from") SPAN_E = null;
  else if (pre === "until") SPAN_S = null;
  else if (pre === "after") {
    SPAN_S = addDays(e, 1);
    SPAN_E = null;
  } else if (pre === "before") {
    SPAN_S = null;
    SPAN_E = addDays(s, -1);
  }
}

function effectivePrefix(pres: Prefix[], text: string, drop: Prefix | null = null): Prefix | null {
  if (pres.length === 0) return null;
  let found: Prefix | null = null;
  // "før etter 1. tertial": not before it is over; "etter endt pilotperiode ut mars": after it ends
  const after = pres.includes("after");
  for (const p of pres) {
    if ((after && (p === "before" || p === "until")) || p === drop) continue;
    if (found !== null && found !== p)
      throw new ParseError(`Forstod ikke ${quote(text)}: både start og slutt på samme sted`);
    found = p;
  }
  return found;
}

const APPLY_REASON: Record<ApplyKind, (period: string, whole: string) => string> = {
  søkt: (p, w) => `Perioden ${p} er søkt om, ikke vedtatt (${w}) — skriv perioden som er tildelt`,
  utsatt: (p, w) =>
    `Perioden ${p} gjelder ikke lenger: teksten sier at den er utsatt, avlyst eller stanset (${w}) — skriv den nye perioden`,
  skulle: (p, w) => `${p} er når noe skulle skjedd, ikke når det skjer (${w}) — skriv perioden som gjelder`,
  spørsmål: (p, w) => `${w} er et spørsmål, ikke en frist — skriv perioden som gjelder (fant ${p})`,
  mot: (p, w) =>
    `«frem mot» og ${p} i ${w} sier ikke om perioden slutter før eller i ${p} — skriv sluttdatoen`,
};

/** Reads the whole text; throws ParseError with a Norwegian reason. */
export function readDeadline(raw: string, planYear: number | undefined, explain = false): ReadResult {
  const steps: string[] | undefined = explain ? [] : undefined;
  const { tokens, timeish } = scan(normalise(raw), raw, planYear);
  const { groups, negates, applies, starts } = groupsOf(tokens);
  const readings: GroupReading[] = [];
  for (const g of groups) readings.push(...readGroup(g, raw, planYear, steps));
  let dated = readings.filter((r): r is Extract<GroupReading, { kind: "dated" }> => r.kind === "dated");
  const durs = readings.filter((r): r is Extract<GroupReading, { kind: "dur" }> => r.kind === "dur");
  if (dated.length === 2 && durs.length === 0) {
    // "tilskudd ut 2026, deretter ordinær drift fra 2027": the second phrase says the same end again
    const negated = (r: (typeof dated)[number]) =>
      r.reading.fromOnly &&
      r.reading.start !== null &&
      negates.some((x) => x.sentence === r.group.sentence && x.clause === r.group.clause);
    const [x, y] = dated;
    const n = negated(y) ? y : negated(x) ? x : undefined;
    const o = n === x ? y : x;
    if (n && !negated(o) && o.reading.end !== null && o.reading.end === addDays(n.reading.start!, -1)) {
      steps?.push(`${quote(n.text)} uten tilskudd stemmer med slutten ${quote(o.text)}`);
      dated = [o];
    } else if (
      x.reading.plain &&
      y.reading.plain &&
      x.reading.start === y.reading.start &&
      x.reading.end === y.reading.end &&
      !negated(x) &&
      !negated(y)
    ) {
      // "2026 (hele 2026)": the same period twice
      dated = [x];
    }
  }
  if (dated.length > 1) {
    throw new ParseError(
      `Teksten nevner flere tidspunkt (${quote(dated[0].text)} og ${quote(dated[1].text)}) uten å si hvilket som gjelder`,
    );
  }
  if (durs.length > 1)
    throw new ParseError(
      `Teksten nevner flere varigheter (${quote(durs[0].text)} og ${quote(durs[1].text)})`,
    );
  if (dated.length === 0) {
    if (durs.length === 1) {
      throw new ParseError(
        `${quote(durs[0].text)} er en varighet uten start — skriv når perioden starter, for eksempel «${durs[0].text} fra 2026»`,
      );
    }
    throw new ParseError(`Fant ingen dato eller periode i ${quote(raw)}${example(raw, timeish)}`);
  }
  const d = dated[0];
  let { start, end } = d.reading;
  let granularity = d.reading.granularity;
  for (const a of applies) {
    if (a.sentence !== d.group.sentence) continue;
    // "Søknad sendt 14.01.2026": the day of the application, not a period applied for
    if (a.kind === "søkt" && d.reading.plain && granularity === "day") continue;
    // "frem mot revisjonen i november 2026": the time of what is coming, if it is one plain period
    if (a.kind === "mot" && d.reading.plain) continue;
    throw new ParseError(APPLY_REASON[a.kind](quote(d.text), quote(raw)));
  }
  const firstAt = d.group.toks[0].at;
  let startWord: { at: number; end: number; last?: boolean } | undefined;
  for (const x of starts)
    if (x.sentence === d.group.sentence && x.clause === d.group.clause && x.at < firstAt)
      if (!startWord || x.at > startWord.at) startWord = x;
  // "starter inklusjon … fra jan 26": the period already is a start
  if (startWord && (!d.reading.fromOnly || startWord.last)) {
    const between = raw
      .slice(startWord.end, firstAt)
      .toLowerCase()
      .split(/[^a-zæøåäöüé0-9]+/)
      .filter((w) => w !== "" && !SMALL_WORDS.has(w));
    if (
      between.length > START_REACH ||
      between.some((w) => OTHER_EVENT.test(w)) ||
      between.filter((w) => w.endsWith("ing")).length > 1 ||
      !d.reading.plain ||
      start === null
    )
      throw new ParseError(
        `Forstod ikke hvordan ${quote(d.text)} henger sammen med «${raw.slice(startWord.at, startWord.end)}» i ${quote(raw)} — skriv når perioden starter, for eksempel «Oppstart ${d.text}»`,
      );
    granularity = "range";
    if (startWord.last) {
      start = null;
      steps?.push(`«${d.text}» er det siste året: perioden slutter da, ingen startdato`);
    } else {
      end = null;
      steps?.push(`«${d.text}» er når noe starter: perioden starter da, ingen sluttdato`);
    }
  }
  if (negates.some((x) => x.sentence === d.group.sentence && x.clause === d.group.clause)) {
    if (!d.reading.fromOnly || start === null)
      throw new ParseError(`Forstod ikke hvordan ${quote(d.text)} henger sammen med resten av ${quote(raw)}`);
    end = addDays(start, -1);
    start = null;
    granularity = "range";
    steps?.push(`Drift uten tilskudd fra ${quote(d.text)}: tilskuddsperioden slutter dagen før`);
  }
  if (durs.length === 1) {
    const months = durs[0].months;
    if (d.reading.relative)
      throw new ParseError(
        `Forstod ikke ${quote(raw)}: en varighet «etter» eller «før» en periode kan bety flere ting — skriv start og slutt`,
      );
    granularity = "range";
    if (start !== null && end !== null) {
      if (addDays(addMonths(start, months), -1) !== end) {
        throw new ParseError(
          `Varigheten ${quote(durs[0].text)} passer ikke med perioden ${quote(d.text)} — skriv bare perioden`,
        );
      }
      steps?.push(`Varigheten stemmer med perioden`);
    } else if (start !== null) {
      if (d.reading.uncertainEnd) throw new ParseError(`Forstod ikke varigheten i ${quote(raw)}`);
      // "Oppstart 2026, 6 måneder": which month of 2026 does it start?
      if (d.reading.startGran === "year" && months % 12 !== 0)
        throw new ParseError(
          `${quote(raw)} sier ikke hvilken måned i ${start.slice(0, 4)} varigheten på ${months} måneder starter — skriv startmåneden, for eksempel «${months} måneder fra mars ${start.slice(0, 4)}»`,
        );
      end = addDays(addMonths(start, months), -1);
      steps?.push(`Slutten er starten pluss varigheten (${months} måneder)`);
    } else if (end !== null) {
      start = addMonths(addDays(end, 1), -months);
      steps?.push(`Starten er slutten minus varigheten (${months} måneder)`);
    }
  }
  if (start !== null && end !== null && end < start)
    throw new ParseError(`Perioden i ${quote(raw)} slutter før den starter`);
  if (start === null) steps?.push("Teksten sier ikke når perioden starter: ingen startdato");
  if (end === null) steps?.push("Teksten sier ikke når perioden slutter: ingen sluttdato");
  // one rule that makes several tokens ("uke 10-12", "2027/28") explains itself once
  const said = steps ? steps.filter((x, k) => x !== steps[k - 1]) : [];
  return { deadline: { start, end, due: end, granularity, open: end === null }, steps: said };
}
