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
    ["planleggingsfase", "Planlegging"],
    ["planlegging", "Planlegging"],
    ["forprosjekt", "Forprosjekt"],
    ["pagaende", "Pågående"],
    ["gjennomforing", "Pågående"],
    ["oppstart", "Pågående"],
    ["startet", "Pågående"],
    ["avsluttet", "Avsluttet"],
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
    // A remark after a clear separator keeps the status clear ("… - For full finansering må …",
    // "Avsluttet. Arbeidsgruppen ble …", "Planleggingsfase frem til påske 2026"), unless the remark
    // names another status ("Planlegging/Forprosjekt", "Pågående. Forprosjekt for …").
    if (/^\s*[-–—:;,(]|^\.\s+\S|^\s+(?:frem|fram) til\s/.test(rest)) {
      if (otherStatusIn(rest, normalised)) return { text, normalised: null, unknown: true };
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
];

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
