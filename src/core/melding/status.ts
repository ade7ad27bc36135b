/**
 * Project status as the HSØ request names it: planlegging, forprosjekt, pågående, avsluttet.
 * Communities write many variants; a status is normalised only when it clearly is one of the four.
 */
import { foldText } from "./text";

export type NormalisedStatus = "Planlegging" | "Forprosjekt" | "Pågående" | "Avsluttet";

/** Variants (folded) → normalised value. Longest variants first so "under planlegging" wins over "planlegging". */
const VARIANTS: [string, NormalisedStatus][] = (
  [
    ["under planlegging", "Planlegging"],
    ["i planleggingsfase", "Planlegging"],
    ["i planleggingsfasen", "Planlegging"],
    ["planleggingsfasen", "Planlegging"],
    ["planleggingsfase", "Planlegging"],
    ["planlegging", "Planlegging"],
    ["i forprosjektfase", "Forprosjekt"],
    ["i forprosjektfasen", "Forprosjekt"],
    ["forprosjektfasen", "Forprosjekt"],
    ["forprosjektfase", "Forprosjekt"],
    ["forprosjekt", "Forprosjekt"],
    ["pagaende prosjekt", "Pågående"],
    ["pagaende", "Pågående"],
    ["pagar", "Pågående"],
    ["i gang", "Pågående"],
    ["igangsatt", "Pågående"],
    ["under gjennomforing", "Pågående"],
    ["i gjennomforing", "Pågående"],
    ["gjennomforingsfasen", "Pågående"],
    ["gjennomforingsfase", "Pågående"],
    ["gjennomforing", "Pågående"],
    ["oppstart", "Pågående"],
    ["startet opp", "Pågående"],
    ["startet", "Pågående"],
    ["avsluttet", "Avsluttet"],
    ["sluttfort", "Avsluttet"],
    ["ferdigstilt", "Avsluttet"],
    ["fullfort", "Avsluttet"],
    ["ferdig", "Avsluttet"],
  ] as [string, NormalisedStatus][]
).sort((a, b) => b[0].length - a[0].length);

export interface StatusResult {
  /** What the report shows: the normalised word, plus any remark the cell carried after a separator. */
  text: string;
  normalised: NormalisedStatus | null;
  /** True when the cell had text that is not clearly one of the four statuses. */
  unknown: boolean;
}

/**
 * "Under planlegging" → "Planlegging"; "Under planlegging - For full finansering må …" →
 * "Planlegging - For full finansering må …"; "Oppstart 2026" or "Planlegging / gjennomføring"
 * stay as written (not clearly one status) and are flagged unknown. Empty → text "".
 */
export function normaliseStatus(raw: string): StatusResult {
  const text = raw.trim();
  if (text === "") return { text: "", normalised: null, unknown: false };
  const folded = foldText(text);
  if (folded === "ikke oppgitt") return { text, normalised: null, unknown: false };
  for (const [re, normalised] of LEAD_PHRASES)
    if (re.test(folded)) return { text, normalised, unknown: false };
  for (const [variant, normalised] of VARIANTS) {
    const prefixLen = matchPrefix(text, variant);
    if (prefixLen === null) continue;
    const rest = text.slice(prefixLen);
    if (rest.trim() === "" || /^[.!]+$/.test(rest.trim()))
      return { text: normalised, normalised, unknown: false };
    // "Avsluttet 2025", "Ferdig i desember 2025": when it ended.
    if (normalised === "Avsluttet" && WHEN_RE.test(foldText(rest)) && !/[?]/.test(rest))
      return { text: normalised + rest, normalised, unknown: false };
    // A remark after a clear separator keeps the status clear ("… - For full finansering må …",
    // "Avsluttet. Arbeidsgruppen ble …", "Planleggingsfase frem til påske 2026"), unless the remark
    // names another status ("Planlegging/Forprosjekt", "Pågående. Forprosjekt for …").
    if (/^\s*[-–—:;,(]|^\.\s+\S|^\s+(?:frem|fram) til\s/.test(rest)) {
      if (otherStatusIn(rest, normalised) || negatedStatusIn(rest) || HALTED_RE.test(` ${foldText(rest)} `))
        return { text, normalised: null, unknown: true };
      return { text: normalised + rest, normalised, unknown: false };
    }
    return { text, normalised: null, unknown: true };
  }
  return { text, normalised: null, unknown: true };
}

/**
 * Sentences that open with the status in other words (folded text). Each names one phase for the
 * project as a whole; "Forprosjekt pågår parallelt med planlegging" is the forprosjekt going on.
 */
const LEAD_PHRASES: [RegExp, NormalisedStatus][] = [
  [/^forprosjekt(?:et)? pagar\b/, "Forprosjekt"],
  [/^prosjektet er i (?:\p{L}+ )?forprosjekt(?:fase|fasen)?\b/u, "Forprosjekt"],
  [/^prosjektet er (?:i )?pagaende\b/, "Pågående"],
  [/^prosjektet er (?:avsluttet|ferdig)\b/, "Avsluttet"],
  [/^prosjektet er (?:under planlegging|i planleggingsfase(?:n)?)\b/, "Planlegging"],
  [/^(?:startet|begynt) planlegging(?:en)?\b/, "Planlegging"],
  [/^planlegging(?:en)? pagar$/, "Planlegging"],
];

/** A remark saying the work stopped or waits ("Startet, men stanset"): the status is no longer clear (folded). */
const HALTED_RE =
  / (?:stanset|stanses|stoppet|stoppes|avbrutt|avlyst|kansellert|lagt ned|nedlagt|skrinlagt|pa vent|terminert|utsatt|avventer|trukket) /;

/** "2025", "i 2025", "desember 2025", "i desember 2025" (folded). */
const WHEN_RE =
  /^(?:i )?(?:(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des|hosten|varen|host|var) )?(?:19|20)\d\d$/;

/** Whether text negates a status word ("Pågående – ikke startet", "…, ikke avsluttet") (folded). */
function negatedStatusIn(text: string): boolean {
  const words = ` ${foldText(text)} `;
  return VARIANTS.some(([v]) =>
    new RegExp(` (?:ikke|aldri|ennå ikke|enna ikke) (?:\\p{L}+ )?${v} `, "u").test(words),
  );
}

/** Whether text names a status other than `mine` as a word (folded). */
function otherStatusIn(text: string, mine: NormalisedStatus): boolean {
  const words = ` ${foldText(text)} `;
  return VARIANTS.some(([v, n]) => n !== mine && !/^(oppstart|startet)$/.test(v) && words.includes(` ${v} `));
}

/** Length of the raw text's prefix whose folded form equals `variant` at a word boundary, else null. */
function matchPrefix(raw: string, variant: string): number | null {
  const words = variant.split(" ");
  let pos = 0;
  for (const w of words) {
    const m = /^\s*/.exec(raw.slice(pos));
    pos += m ? m[0].length : 0;
    const chunk = raw.slice(pos, pos + w.length);
    if (foldText(chunk) !== w) return null;
    pos += w.length;
  }
  const next = raw.charAt(pos);
  if (next !== "" && /[\p{L}\p{N}]/u.test(next)) return null;
  return pos;
}
