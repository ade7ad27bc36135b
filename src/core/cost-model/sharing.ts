/**
 * Sharing an annual cost between the hospital (SiV) and the six municipalities in Vestfold.
 * Models seen elsewhere (seed: A-hus 50/50 with the municipalities' half by population;
 * Vestre Viken 50/50; Østfold shares costs). Every model gives whole kroner that sum exactly
 * to the total rounded to whole kroner (largest remainder; ties to the earlier partner).
 */
import { share, shareEqually } from "../cost";

export const HOSPITAL = "Sykehuset i Vestfold";
export const MUNICIPALITIES = [
  "Færder",
  "Holmestrand",
  "Horten",
  "Larvik",
  "Sandefjord",
  "Tønsberg",
] as const;
export const PARTNERS: readonly string[] = [HOSPITAL, ...MUNICIPALITIES];

export type SharingModel = "halv-innbyggere" | "halv-likt" | "likt" | "halv-bruk";

export interface SharingModelInfo {
  id: SharingModel;
  label: string;
  description: string;
  needs?: "population" | "use";
}

/**
 * The models, in the order the sheet and the pane show them. The 50/50 models give the hospital
 * the first half (the extra krone when the total is odd) and split the rest between the municipalities.
 */
export const SHARING_MODELS: readonly SharingModelInfo[] = [
  {
    id: "halv-innbyggere",
    label: "50/50, kommunene etter innbyggertall",
    description:
      "Sykehuset betaler halvparten; kommunenes halvdel fordeles etter innbyggertall (modellen i A-hus).",
    needs: "population",
  },
  {
    id: "halv-likt",
    label: "50/50, kommunene likt",
    description:
      "Sykehuset betaler halvparten; kommunenes halvdel deles likt på de seks kommunene (50/50 som i Vestre Viken).",
  },
  {
    id: "likt",
    label: "Lik fordeling på sju parter",
    description: "Sykehuset og de seks kommunene betaler like mye hver.",
  },
  {
    id: "halv-bruk",
    label: "50/50, kommunene etter bruk",
    description:
      "Sykehuset betaler halvparten; kommunenes halvdel fordeles etter antall oppdrag i hver kommune.",
    needs: "use",
  },
];

export interface PartnerShare {
  partner: string;
  amount: number;
}

export type ShareResult = { ok: true; shares: PartnerShare[]; total: number } | { ok: false; reason: string };

export interface ShareInputs {
  /** Inhabitants per municipality, in MUNICIPALITIES order. */
  population?: (number | null | undefined)[];
  /** Missions per municipality, in MUNICIPALITIES order. */
  use?: (number | null | undefined)[];
}

function weights(values: (number | null | undefined)[] | undefined, what: string): number[] | string {
  const missing: string[] = [];
  const out: number[] = [];
  MUNICIPALITIES.forEach((m, i) => {
    const v = values?.[i];
    if (v === null || v === undefined || !Number.isFinite(v)) missing.push(m);
    else out.push(v);
  });
  if (missing.length) return `Fyll inn ${what} for ${missing.join(", ")}.`;
  const negative = MUNICIPALITIES.filter((_, i) => out[i] < 0);
  if (negative.length)
    return `${what[0].toUpperCase()}${what.slice(1)} kan ikke være negativt (${negative.join(", ")}).`;
  if (!out.some((w) => w > 0)) return `Minst én kommune må ha ${what} større enn 0.`;
  return out;
}

/** Split `total` between the seven partners by `model`. Never throws on missing or bad inputs. */
export function shareCost(total: number, model: SharingModel, inputs: ShareInputs = {}): ShareResult {
  if (!Number.isFinite(total)) return { ok: false, reason: "Årskostnaden mangler eller er ikke et tall." };
  const rounded = Math.round(total) + 0;
  const named = (amounts: number[]) => ({
    ok: true as const,
    total: rounded,
    shares: PARTNERS.map((partner, i) => ({ partner, amount: amounts[i] })),
  });
  if (model === "likt") return named(shareEqually(rounded, PARTNERS.length));
  const [hospital, rest] = share(rounded, [1, 1]);
  let municipal: number[];
  if (model === "halv-likt") municipal = shareEqually(rest, MUNICIPALITIES.length);
  else if (model === "halv-innbyggere" || model === "halv-bruk") {
    const w =
      model === "halv-innbyggere"
        ? weights(inputs.population, "innbyggertall")
        : weights(inputs.use, "antall oppdrag");
    if (typeof w === "string") return { ok: false, reason: w };
    municipal = share(rest, w);
  } else return { ok: false, reason: `Ukjent fordelingsmodell «${String(model)}».` };
  return named([hospital, ...municipal]);
}
