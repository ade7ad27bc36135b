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
  if (foldText(text) === "ikke oppgitt") return { text, normalised: null, unknown: false };
  for (const [variant, normalised] of VARIANTS) {
    const prefixLen = matchPrefix(text, variant);
    if (prefixLen === null) continue;
    const rest = text.slice(prefixLen);
    if (rest.trim() === "" || /^[.!]+$/.test(rest.trim()))
      return { text: normalised, normalised, unknown: false };
    // A remark after a clear separator keeps the status clear ("… - For full finansering må …").
    if (/^\s*[-–—:;,(]/.test(rest)) return { text: normalised + rest, normalised, unknown: false };
    return { text, normalised: null, unknown: true };
  }
  return { text, normalised: null, unknown: true };
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
