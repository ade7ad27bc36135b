/**
 * Funding sources a clause of money text names: "Fra SiV:", "finansiert av HSØ", "midler fra kommunene",
 * "ekstern finansiering", "velferdsteknologiordningen", "RST". Amounts in a clause that names none are RST's.
 */
import { codeAt, foldIu, isLetterAt, isRegexSpace, letterBefore, wordAt } from "./amount-chars";

export const RST = "RST";

/** A Map, not an object: a payer called "constructor" must not find Object.prototype's. */
const KNOWN_SOURCES = new Map<string, string>([
  ["siv", "SiV"],
  ["sykehuset i vestfold", "SiV"],
  ["hsø", "HSØ"],
  ["helse sør-øst", "HSØ"],
  ["helse sør-øst rhf", "HSØ"],
  ["kommunene", "kommunene"],
  ["kommuner", "kommunene"],
  ["kommunen", "kommunene"],
  ["helsedirektoratet", "Helsedirektoratet"],
  ["hdir", "Helsedirektoratet"],
  ["staten", "staten"],
  ["fylkeskommunen", "fylkeskommunen"],
  ["nav", "NAV"],
  ["hf", "HF"],
  ["helseforetaket", "HF"],
  ["helseforetakene", "HF"],
  ["rst", RST],
]);
const ENTITY =
  "siv|sykehuset i vestfold|hsø|helse sør-øst(?: rhf)?|kommunene|kommuner|kommunen|helsedirektoratet|hdir|staten|fylkeskommunen|nav|hf|helseforetaket|helseforetakene|rst";

/** The first letters ENTITY's names can start with, folded as /iu folds them. */
const ENTITY_FIRST = new Set(["s", "h", "k", "f", "n", "r"].map((ch) => ch.charCodeAt(0)));

function hasRegexSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isRegexSpace(codeAt(s, i))) return true;
  return false;
}

function normaliseSource(raw: string): string {
  const name = hasRegexSpace(raw) ? raw.trim().replace(/\s+/g, " ") : raw;
  return KNOWN_SOURCES.get(name.toLowerCase()) ?? name;
}

export interface SourceHit {
  index: number;
  name: string;
  /** Several payers named together ("finansieres av SiV (50 %) og kommunene (50 %)"): all of them. */
  shared?: string[];
  /** A payer the text names in a way that says nothing about who it is ("Prosjektet dekker"). */
  unclear?: boolean;
}

// Explicit funding phrases name the payer: "finansiert av X", "midler fra X".
const FUNDING_RE =
  /(?<![\p{L}])(?:finansier(?:ing|t|es)|midler|tilskudd|bidrag|dekkes|dekket|betales|betalt)\s+(?:fra|av|via)\s+/giu;
const CLAUSE_FROM_RE = /^[\s(]*fra\s+([^:;.]{1,40}?)\s*:/iu;

/** CLAUSE_FROM_RE: "Fra SiV:" leading the clause. Its regex only runs when the clause starts with "fra ". */
function clauseFromLead(text: string): RegExpExecArray | null {
  let p = 0;
  while (isRegexSpace(codeAt(text, p)) || text[p] === "(") p++;
  if (!wordAt(text, p, "fra") || !isRegexSpace(codeAt(text, p + 3))) return null;
  return CLAUSE_FROM_RE.exec(text);
}

/**
 * The words a clause needs for any source at all; a clause holding none of them names none. Each has a
 * bit in a clause's keyword mask (keywordMask). No word is a prefix of another, so at most one starts
 * at any place.
 */
const KEYWORDS = [
  "fra",
  "ekstern",
  "øremerke",
  "hdir",
  "helsedir",
  "ordningen",
  "finansier",
  "midler",
  "tilskudd",
  "bidra",
  "dekke",
  "betale",
  "rst",
  "samhandlingstilskudd",
  "egenandel",
  "budsjett",
  "ramme",
] as const;
const bit = (word: (typeof KEYWORDS)[number]) => 1 << KEYWORDS.indexOf(word);
const KEYWORD_LENGTH = KEYWORDS.map((w) => w.length);
/** A keyword's index by its length and first letter, which tell them apart (cheaper than hashing). */
const KEYWORD_INDEX = new Map<number, number>(
  KEYWORDS.map((w, k) => [w.length * 0x10000 + w.charCodeAt(0), k]),
);
const FRA_INDEX = KEYWORDS.indexOf("fra");
const FRA = 1 << FRA_INDEX;
const ORDNINGEN = bit("ordningen");
const FUNDING_WORDS = ["finansier", "midler", "tilskudd", "bidra", "dekke", "betale"] as const;
const FUNDING = FUNDING_WORDS.reduce((mask, w) => mask | bit(w), 0);
const RST_WORDS = bit("rst") | bit("samhandlingstilskudd") | bit("midler");
const OWN_FUNDS = bit("egenandel") | bit("budsjett") | bit("ramme") | bit("midler");
const GIVING = bit("dekke") | bit("betale") | bit("finansier") | bit("bidra");

/** Whether a clause may name a source at all (/i, not /u: a Kelvin sign is no "k" to it). */
const SOURCE_KEYWORD_RE = new RegExp(KEYWORDS.join("|"), "i");
/** The same, global; keywordScan restarts it one past each match to find overlapping ones too. */
const SOURCE_KEYWORD_RE_G = new RegExp(KEYWORDS.join("|"), "gi");

/** Bits of the keywords lower holds (includes, as the regex-free checks always read a clause). */
function includedKeywords(lower: string): number {
  let mask = 0;
  for (let k = 0; k < KEYWORDS.length; k++) if (lower.includes(KEYWORDS[k])) mask |= 1 << k;
  return mask;
}

/** A funding phrase's link word: "finansiert av", "midler fra", "tilskudd via". */
function fundingLink(mask: number, lower: string): boolean {
  return (mask & FRA) !== 0 || lower.includes("av") || lower.includes("via");
}

/** need: the keyword bits a detector's regex cannot match without. */
const SOURCE_DETECTORS: {
  need: number;
  re: RegExp;
  name: (m: RegExpExecArray) => string;
}[] = [
  {
    need: bit("ekstern"),
    re: /(?<![\p{L}])eksterne?\s+(?:finans[\p{L}]*|midler)/giu,
    name: () => "ekstern finansiering",
  },
  {
    need: bit("øremerke"),
    re: /(?<![\p{L}])øremerke(?:de|t)\s+midler/giu,
    name: () => "øremerkede midler",
  },
  {
    need: bit("hdir") | bit("helsedir"),
    re: /(?<![\p{L}])(helsedirektoratet|hdir)(?![\p{L}])/giu,
    name: () => "Helsedirektoratet",
  },
];
const ENTITY_AT_RE = new RegExp(`(${ENTITY})(?![\\p{L}])`, "iuy");
// Case-sensitive: an unknown payer is named with a capital ("Sparebankstiftelsen"), "regjeringen" is not.
const NAME_AT_RE =
  /(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?(?:\s+(?:HF|RHF|kommune|fylkeskommune))?)(?![\p{L}])/uy;

/** The known payer (any case) at text[p], else null. */
function entityMatch(text: string, p: number): { name: string; end: number } | null {
  if (!ENTITY_FIRST.has(foldIu(codeAt(text, p)))) return null;
  ENTITY_AT_RE.lastIndex = p;
  const m = ENTITY_AT_RE.exec(text);
  return m ? { name: normaliseSource(m[1]), end: p + m[0].length } : null;
}

/** A known payer or a capitalised name at text[p], else null. */
function payerAt(text: string, p: number): string | null {
  return payerMatch(text, p)?.name ?? null;
}

function payerMatch(text: string, p: number): { name: string; end: number } | null {
  const known = entityMatch(text, p);
  if (known) return known;
  NAME_AT_RE.lastIndex = p;
  const m = NAME_AT_RE.exec(text);
  return m ? { name: normaliseSource(m[1]), end: p + m[0].length } : null;
}

/** After a payer ending at text[end]: " (50 %) og kommunene (50 %)" → the other payer named with it. */
const CO_PAYER_RE = /^\s*(?:\([^()]{0,20}\))?\s*(?:og|,|&|samt|\+)\s*/iu;

function coPayer(text: string, end: number): string | null {
  const m = CO_PAYER_RE.exec(text.slice(end, end + 40));
  if (!m) return null;
  return payerAt(text, end + m[0].length);
}

/** A payer hit at index, with any payer named together with it. */
function payerHit(text: string, index: number, first: { name: string; end: number }): SourceHit {
  const other = coPayer(text, first.end);
  return other && other !== first.name
    ? { index, name: `${first.name} og ${other}`, shared: [first.name, other] }
    : { index, name: first.name };
}

/** Own money of the project owner or a partner: not RST. */
const OWN_FUNDS_RE =
  /(?<![\p{L}])(?:(?:kommunal|kommunens|kommunenes|egen)\s+)?(egenandel(?:en|er)?|eget\s+budsjett|egne\s+budsjett(?:er)?|egne\s+midler|egen\s+ramme|innenfor\s+(?:(?:egen|eksisterende|ordinær|gjeldende|vedtatt)\s+)?ramme(?:n|r|ne)?|driftsmidler|eget\s+driftsbudsjett|driftsbudsjett(?:et)?)(?![\p{L}])/giu;

function ownFundsName(word: string): string {
  const w = word.toLowerCase().replace(/\s+/g, " ");
  if (w.startsWith("egenandel")) return "egenandel";
  if (w.startsWith("innenfor") || w === "egen ramme") return "innenfor ramme";
  if (w === "egne midler") return "egne midler";
  if (w.includes("drift")) return "driftsmidler";
  return "eget budsjett";
}

const GIVING_VERBS = ["dekker", "betaler", "finansierer", "bidrar", "bekoster"];
const OWN_FUNDS_HINTS = ["egenandel", "budsjett", "egne midler", "egen ramme", "ramme", "driftsmidler"];

/** "SiV dekker", "Kommunene bidrar med", "Tønsberg kommune betaler": a payer as the subject of a giving verb. */
const GIVING_VERB_RE = /(?<![\p{L}])(?:dekker|betaler|finansierer|bidrar\s+med|bekoster)(?![\p{L}])/giu;
const ENTITY_END_RE = new RegExp(`(?<![\\p{L}])(${ENTITY})\\s*$`, "iu");
/** A capitalised name ending right before: "Tønsberg kommune", "Vestre Viken HF", "Sykehuset Østfold". */
const NAME_END_RE =
  /(?<![\p{L}-])(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*(?:\s+(?:kommune|fylkeskommune|HF|RHF))?)\s*$/u;
/** Names that are an organisation: several capitalised words, a kommune/HF, an acronym, an institution word. */
const ORG_NAME_RE =
  /\s|kommune$|HF$|^\p{Lu}{2,5}$|^\p{Lu}\p{Ll}*\p{Lu}|stiftelsen|banken|direktoratet|forvalteren|rådet|fondet|foretak/u;

/** The payer named right before a giving verb at text[at], as a hit (unclear when it names none). */
function giverBefore(text: string, at: number): SourceHit | null {
  const before = text.slice(Math.max(0, at - 60), at);
  const known = ENTITY_END_RE.exec(before);
  const index = Math.max(0, at - 60);
  const name = NAME_END_RE.exec(before);
  // "Vestre Viken HF": the whole name, not only the known word it ends with.
  if (name && ORG_NAME_RE.test(name[1]) && (!known || name[1].length > known[1].length))
    return { index: index + name.index, name: normaliseSource(name[1]) };
  if (known) return { index: index + known.index, name: normaliseSource(known[1]) };
  if (RST_MENTION_RE.test(before.slice(-30))) return { index: at, name: RST };
  const word = /([\p{L}-]+)\s*$/u.exec(before);
  return { index: at, name: word ? word[1] : "", unclear: true };
}

/** "deles mellom SiV og kommunene", "samfinansiering": the cost is shared, the text does not say how. */
const SHARED_COST_RE =
  /(?<![\p{L}])(?:(?:dele[sr]?|delt)\s+(?:likt\s+)?mellom|deler\s+(?:på\s+)?(?:kostnaden|kostnadene|utgiftene|beløpet)|spleiselag)(?![\p{L}])/iu;
const CO_FUNDING_RE = /(?<![\p{L}])(?:samfinansier|medfinansier|delfinansier)\p{L}*/iu;

/** Why the clause s[lo..hi) does not say who pays its money, else null (see payerTrouble). */
export function sharedCost(s: string, lo: number, hi: number, hits: readonly SourceHit[]): string | null {
  const text = s.slice(lo, hi);
  const shared = SHARED_COST_RE.exec(text);
  if (shared) return shared[0];
  const co = CO_FUNDING_RE.exec(text);
  if (co && !hits.some((h) => h.name !== RST && !h.unclear)) return co[0];
  return null;
}

/** Organisation names anywhere (unlinkedPayer): "Tønsberg kommune", "Sykehuset Østfold", "Vestre Viken HF". */
const ORG_ALL_RE =
  /(?<![\p{L}-])((?:Sykehuset|Stiftelsen)\s+\p{Lu}[\p{L}-]*|\p{Lu}[\p{L}-]*\s+(?:kommune|fylkeskommune)|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?\s+R?HF|\p{Lu}[\p{L}]*(?:stiftelsen|banken|direktoratet|forvalteren|rådet|fondet)|KS|OUS|Ahus)(?![\p{L}])/gu;

/** Every ENTITY name holds one of these (lower case). */

/** Words before a known name that make it a receiver or a place, not a payer ("til kommunene", "i SiV"). */
const NOT_PAYER_BEFORE_RE =
  /(?<![\p{L}])(?:til|i|for|med|ved|hos|mellom|på|fra|om|v\/|blant|overfor|innen|sammen\s+med|samarbeid\s+med|(?:ledes|ledet|eies|eid|drives|drevet|koordineres|koordinert|regi|initiert|utføres|utført|gjennomføres|gjennomført|arrangeres|arrangert)\s+av)\s*(?:(?:\d+|alle|de|flere|begge|ulike|våre|deltakende|aktuelle)\s+)?$/iu;
/** After a known name: it receives ("Helse Sør-Øst er i 2026 tildelt …", "kommunene mottar"). */
const RECEIVES_AFTER_RE =
  /^\s+(?:(?:er|ble|blir|har)\s+(?:[^.;:]{0,24}?\s)?(?:tildelt|fått|mottatt|innvilget|bevilget)|mottar|mottok|får|fikk)(?![\p{L}])/iu;
const ENTITY_ALL_RE = new RegExp(`(?<![\\p{L}])(${ENTITY})(?![\\p{L}])`, "giu");

/**
 * A known payer the clause names without saying it pays or receives ("400 000 kr, SiV",
 * "400 000 kr (SiV)"): the first such name as written, else null. hits: the clause's sources.
 */
export function unlinkedPayer(
  cell: CellWords,
  lo: number,
  hi: number,
  hits: readonly SourceHit[],
  single = true,
): string | null {
  // One amount whose clause names RST as the source: other names are partners or receivers.
  if (single && hits.some((h) => h.name === RST)) return null;
  const text = cell.s.slice(lo, hi);
  if (!cell.payers) return null;
  for (const re of [ENTITY_ALL_RE, ORG_ALL_RE]) {
    const found = unlinkedName(text, re, hits);
    if (found) return found;
  }
  return null;
}

const RST_ONLY = /^rst$/i;

function unlinkedName(text: string, re: RegExp, hits: readonly SourceHit[]): string | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (hits.length === 0 && RST_ONLY.test(m[1])) continue;
    const name = normaliseSource(m[1]);
    if (
      name === RST ||
      hits.some((h) => h.name === name || h.shared?.includes(name) || h.name.split(" ").includes(m[1]))
    )
      continue;
    let before = text.slice(Math.max(0, m.index - 24), m.index);
    // "til SiV og kommunene": a name in a list takes the role of the list's first name.
    for (let k = 0; k < 3 && /(?:og|,|&)\s*$/u.test(before); k++) {
      const list = /(?:^|[^\p{L}-])([\p{L}-]+)\s*(?:og|,|&)\s*$/iu.exec(before);
      if (!list) break;
      const at = m.index - before.length + (list.index + list[0].indexOf(list[1]));
      before = text.slice(Math.max(0, at - 24), at);
    }
    if (NOT_PAYER_BEFORE_RE.test(before)) continue;
    if (RECEIVES_AFTER_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 48))) continue;
    return m[1];
  }
  return null;
}
/** An amount ends right before: digits, "kr", "kroner", ",-", "mill." (then spaces). */
const MONEY_BEFORE_RE = /(?:\d|(?<![\p{L}])(?:kr|kroner|nok|mill)\.?|,-)\s+$/iu;
const POSITION_RE = /stilling|ressurs|årsverk|prosjektleder|koordinator|ansatte|personell|deltage?k?ere/iu;
const FUNDING_WORD_RE = /finansi|midler|tilskudd|bidrag|dekke|betal/iu;
const ORDNING_RE = /(?<![\p{L}])([\p{L}]+-?ordningen)(?![\p{L}])/giu;
const RST_MENTION_RE = /(?<![\p{L}])rst(?![\p{L}])|samhandlingstilskudd|samhandlingsmidl/iu;
const RST_MENTION_ALL_RE = /(?<![\p{L}])rst(?![\p{L}])|samhandlingstilskudd|samhandlingsmidl/giu;

/** "velferdsteknologiordningen", "tilskudds-ordningen": a word ending in "ordningen" (not the bare word). */
function ordningHits(text: string, lower: string, hits: SourceHit[]): void {
  for (let at = lower.indexOf("ordningen"); at >= 0; at = lower.indexOf("ordningen", at + 9)) {
    if (isLetterAt(text, at + 9)) continue;
    let w = at;
    while (w > 0 && (isLetterAt(text, w - 1) || (text[w - 1] === "-" && w === at))) w--;
    if (w < at && isLetterAt(text, w)) hits.push({ index: w, name: text.slice(w, at + 9).toLowerCase() });
  }
}

/**
 * A bare "fra X" names a payer unless it follows a noun phrase about who holds a position.
 * /(?<![\p{L}])fra\s+/iu at a "fra" (any case) found at text[at]: the end of its spaces, else -1.
 * ("F", "R", "A" are the only letters /iu folds to "f", "r", "a", so the keyword scan finds them all.)
 */
function plainFromEnd(text: string, at: number): number {
  if (letterBefore(text, at, 0) || !isRegexSpace(codeAt(text, at + 3))) return -1;
  let end = at + 4;
  while (isRegexSpace(codeAt(text, end))) end++;
  return end;
}

/** What a cell holds, looked up once for all its clauses. */
export interface CellWords {
  s: string;
  /**
   * Where each keyword occurs in s, overlapping ones too, each packed in one number:
   * start · PACK + index in KEYWORDS. null when s lower-cases to other positions (an "İ") or its
   * lower case holds a keyword only because of a Kelvin sign (which SOURCE_KEYWORD_RE, /i without /u,
   * does not read as "k"); then each clause is looked at on its own, as before.
   */
  found: number[] | null;
  /** s lower-cased (same length as s), else null. */
  lower: string | null;
  /** Whether s may name a known payer at all (a cheap filter for unlinkedPayer). */
  payers: boolean;
  /** Whether s may hold a word contextTrouble reads ("hvorav", "restmidler", "per måned" …). */
  context: boolean;
  /** Whether s may apply for money ("søkt", "søker"). */
  applied: boolean;
  /** Whether s may share a cost ("deles mellom", "samfinansiering"). */
  shared: boolean;
}

const PACK = 32;

/** Every keyword occurrence in text (see CellWords.found), found with re (SOURCE_KEYWORD_RE_G; cellWords has its own pass). */
function keywordScan(text: string, re: RegExp): number[] {
  const found: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // | 0x20 lower-cases the first letter (A–Z and Ø are all there is); every match is a keyword.
    const k = KEYWORD_INDEX.get(m[0].length * 0x10000 + (m[0].charCodeAt(0) | 0x20)) ?? 0;
    found.push(m.index * PACK + k);
    re.lastIndex = m.index + 1; // overlapping ones too
  }
  return found;
}

export function cellWords(s: string): CellWords {
  // Case-sensitive on the lower case is cheaper than the /i regex on s.
  const lower = s.toLowerCase();
  if (lower.length !== s.length)
    return { s, found: null, lower: null, payers: true, context: true, applied: true, shared: true };
  // One pass finds the keywords and the words the cheap filters look for.
  const found: number[] = [];
  let hints = 0;
  CELL_WORDS_RE.lastIndex = 0;
  for (let m = CELL_WORDS_RE.exec(lower); m; m = CELL_WORDS_RE.exec(lower)) {
    const w = m[0];
    const hint = HINT_KIND.get(w);
    if (hint !== undefined) hints |= hint;
    if (hint === undefined || KEYWORD_SET.has(w)) {
      const k = KEYWORD_INDEX.get(w.length * 0x10000 + w.charCodeAt(0)) ?? 0;
      found.push(m.index * PACK + k);
    }
    CELL_WORDS_RE.lastIndex = m.index + 1; // overlapping ones too
  }
  return {
    s,
    found: found.length > 0 && s.includes("\u212A") ? null : found,
    lower,
    payers: (hints & PAYER_HINT) !== 0,
    context: (hints & CONTEXT_HINT) !== 0,
    applied: (hints & APPLIED_HINT) !== 0,
    shared: (hints & SHARED_HINT) !== 0,
  };
}

const PAYER_HINT = 1;
const CONTEXT_HINT = 2;
const APPLIED_HINT = 4;
const SHARED_HINT = 8;
/** SHARED_COST_RE and CO_FUNDING_RE hold one of these (lower case). */
const SHARED_HINT_WORDS = ["dele", "delt", "spleis", "samfin", "medfin", "delfin"];
/** Every ENTITY name holds one of these (lower case). */
const PAYER_HINT_WORDS = [
  "siv",
  "sykehuset",
  "hsø",
  "helse",
  "kommun",
  "hdir",
  "staten",
  "nav",
  "hf",
  "rst",
  // ORG_ALL_RE's institution words and acronyms
  "stiftelsen",
  "banken",
  "direktorat",
  "forvalter",
  "rådet",
  "fondet",
  "ks",
  "ous",
  "ahus",
];
/** The words amount-words.ts contextTrouble reads hold one of these. */
const CONTEXT_HINT_WORDS = [
  "mån",
  "mnd",
  "md",
  "tidligere",
  "restmid",
  "ubrukt",
  "benytted",
  "brukte",
  "forskutt",
  "forskudd",
  "overf",
  "hvorav",
  "herav",
  "derav",
  "halvpart",
  "resten",
  "dedel",
  "tilsvarende i",
  "tilsvarende for",
  "tilsvarende bel",
  "samme bel",
  "like mye",
  "deretter",
  "følgende år",
  "året etter",
  "årene etter",
];
const HINT_KIND = new Map<string, number>([
  ...PAYER_HINT_WORDS.map((w): [string, number] => [w, PAYER_HINT]),
  ...CONTEXT_HINT_WORDS.map((w): [string, number] => [w, CONTEXT_HINT]),
  ["søk", APPLIED_HINT],
  ...SHARED_HINT_WORDS.map((w): [string, number] => [w, SHARED_HINT]),
  ["helsedir", PAYER_HINT],
]);
const KEYWORD_SET = new Set<string>(KEYWORDS);
/** KEYWORDS first: "helsedir" must win over the hint "helse" where both start. */
const CELL_WORDS_RE = new RegExp(
  [...KEYWORDS, ...[...HINT_KIND.keys()].filter((w) => !KEYWORD_SET.has(w))].join("|"),
  "g",
);

/** Bits of the keywords that lie wholly inside s[lo..hi]. */
function keywordMask(found: readonly number[], lo: number, hi: number): number {
  let mask = 0;
  for (let n = 0; n < found.length; n++) {
    const k = found[n] % PACK;
    const start = (found[n] - k) / PACK;
    if (start >= lo && start + KEYWORD_LENGTH[k] <= hi) mask |= 1 << k;
  }
  return mask;
}

/** The funding sources the clause cell.s[lo..hi] names, in order. */
export function clauseSources(cell: CellWords, lo: number, hi: number, everyRst = false): SourceHit[] {
  const hits: SourceHit[] = [];
  const s = cell.s;
  const text = lo === 0 && hi === s.length ? s : s.slice(lo, hi);
  let lower: string | undefined; // text lower-cased, when needed
  let found = cell.found;
  let offset = lo; // where text starts in the string found indexes
  let mask: number;
  if (found) {
    mask = keywordMask(found, lo, hi);
    if (mask === 0) return hits;
  } else {
    if (!SOURCE_KEYWORD_RE.test(text)) return hits;
    lower = text.toLowerCase();
    mask = includedKeywords(lower);
    found = keywordScan(text, SOURCE_KEYWORD_RE_G);
    offset = 0;
  }
  const lead = mask & FRA ? clauseFromLead(text) : null;
  if (lead && !/^\d/.test(lead[1])) {
    // "Fra SiV og kommunene:": both pay, the text does not say how much each.
    const parts = lead[1].split(/\s*(?:,|&|\+)\s*|\s+og\s+/u).filter((p) => p !== "");
    const names = parts.map(normaliseSource);
    hits.push(
      names.length > 1
        ? { index: lead.index, name: names.join(" og "), shared: names }
        : { index: lead.index, name: normaliseSource(lead[1]) },
    );
  }
  for (const d of SOURCE_DETECTORS) {
    if ((mask & d.need) === 0) continue;
    d.re.lastIndex = 0;
    for (let m = d.re.exec(text); m; m = d.re.exec(text)) hits.push({ index: m.index, name: d.name(m) });
  }
  if (mask & ORDNINGEN) {
    lower ??= text.toLowerCase();
    if (lower.length === text.length) ordningHits(text, lower, hits);
    else {
      // Lower-casing changed the length (rare letters such as "İ"): fall back to the regex.
      ORDNING_RE.lastIndex = 0;
      for (let m = ORDNING_RE.exec(text); m; m = ORDNING_RE.exec(text))
        hits.push({ index: m.index, name: m[1].toLowerCase() });
    }
  }
  if (mask & FUNDING && fundingLink(mask, (lower ??= text.toLowerCase()))) {
    FUNDING_RE.lastIndex = 0;
    for (let m = FUNDING_RE.exec(text); m; m = FUNDING_RE.exec(text)) {
      const payer = payerMatch(text, m.index + m[0].length);
      if (payer) hits.push(payerHit(text, m.index, payer));
    }
  }
  if (mask & FRA) {
    for (let n = 0; n < found.length; n++) {
      const at = (found[n] - (found[n] % PACK)) / PACK - offset;
      if (found[n] % PACK !== FRA_INDEX || at < 0 || at + 3 > text.length) continue;
      if (lead && at <= lead.index + lead[0].length) continue;
      const end = plainFromEnd(text, at);
      // "250 000 kr fra Stiftelsen Dam": right after money, a capitalised name is the payer too.
      const payer =
        end < 0
          ? null
          : (entityMatch(text, end) ??
            (MONEY_BEFORE_RE.test(text.slice(Math.max(0, at - 16), at)) ? payerMatch(text, end) : null));
      if (!payer) continue;
      const before = text.slice(0, at);
      if (POSITION_RE.test(before) && !FUNDING_WORD_RE.test(before)) continue;
      hits.push(payerHit(text, at, payer));
    }
  }
  if (mask & GIVING && GIVING_VERBS.some((v) => (lower ??= text.toLowerCase()).includes(v))) {
    GIVING_VERB_RE.lastIndex = 0;
    for (let m = GIVING_VERB_RE.exec(text); m; m = GIVING_VERB_RE.exec(text)) {
      const giver = giverBefore(text, m.index);
      if (giver && !hits.some((h) => h.name === giver.name)) hits.push(giver);
    }
  }
  if (mask & OWN_FUNDS && OWN_FUNDS_HINTS.some((v) => (lower ??= text.toLowerCase()).includes(v))) {
    OWN_FUNDS_RE.lastIndex = 0;
    for (let m = OWN_FUNDS_RE.exec(text); m; m = OWN_FUNDS_RE.exec(text))
      hits.push({ index: m.index, name: ownFundsName(m[1]) });
  }
  if (hits.length === 0 && mask & RST_WORDS) {
    const r = RST_MENTION_RE.exec(text);
    if (r) hits.push({ index: r.index, name: RST });
  } else if (everyRst && mask & RST_WORDS) {
    // Several amounts: "RST 300 000 kr, egenandel 100 000 kr" names RST for one of them.
    RST_MENTION_ALL_RE.lastIndex = 0;
    for (let r = RST_MENTION_ALL_RE.exec(text); r; r = RST_MENTION_ALL_RE.exec(text))
      if (!hits.some((h) => h.index === r!.index)) hits.push({ index: r.index, name: RST });
  }
  if (hits.length < 2) return hits;
  hits.sort((a, b) => a.index - b.index);
  // A known payer matches both funding regexes; keep one hit per place.
  return hits.filter((h, k) => k === 0 || h.index !== hits[k - 1].index || h.name !== hits[k - 1].name);
}
