/**
 * What a user types into the cost model's fields, read or refused with one Norwegian message per
 * field. The pane shows the message under the field and computes nothing from a refused value, so
 * impossible input never turns into a confident figure (0 planned meetings once gave «Prognose
 * mot budsjett −700 000 kr»).
 *
 * Numbers are read as Norwegians write them (parseNokNumber: "700 000", "kr 700 000", "1,5 mill",
 * "−5"); "12.5" is refused as ambiguous. Counts must be whole numbers. Each field has a largest
 * sensible value; anything above it is a typo, not a budget.
 */
import { parseNokNumber } from "../amount";
import { formatNumber } from "../format";
import { MUNICIPALITIES } from "./sharing";

export interface FieldRule {
  /** How the field is named inside a sentence: "bevilget beløp", "planlagte møter". */
  name: string;
  /** Kroner (øre allowed) or a whole count. */
  kind: "amount" | "count";
  /** Smallest allowed value (inclusive); 0 refuses negatives, 1 refuses zero as well. */
  min: number;
  /** Largest sensible value (inclusive). */
  max: number;
  required: boolean;
  /** An example in the message for text that is not a number ("700 000"). */
  example: string;
}

export type FieldResult = { ok: true; value: number | null } | { ok: false; message: string };

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const unit = (rule: FieldRule, n: number) => `${formatNumber(n)}${rule.kind === "amount" ? "\u00a0kr" : ""}`;

/** One field's text → its number (null when empty and allowed to be) or the one message to show. */
export function readField(text: string, rule: FieldRule): FieldResult {
  const t = typeof text === "string" ? text.trim() : "";
  if (t === "")
    return rule.required ? { ok: false, message: `Fyll inn ${rule.name}.` } : { ok: true, value: null };
  const value = parseNokNumber(t);
  if (value === null || !Number.isFinite(value))
    return {
      ok: false,
      message: `«${t}» er ikke et tall. Skriv ${rule.name} som et tall, for eksempel ${rule.example}.`,
    };
  if (rule.kind === "count" && !Number.isInteger(value))
    return { ok: false, message: `${cap(rule.name)} må være et helt tall, ikke «${t}».` };
  if (value < rule.min)
    return {
      ok: false,
      message:
        rule.min === 0
          ? `${cap(rule.name)} kan ikke være mindre enn 0.`
          : `${cap(rule.name)} må være minst ${unit(rule, rule.min)}, ikke ${unit(rule, value)}.`,
    };
  if (value > rule.max)
    return {
      ok: false,
      message: `${unit(rule, value)} er urimelig mye for ${rule.name} (høyst ${unit(rule, rule.max)}). Sjekk tallet.`,
    };
  return { ok: true, value };
}

// ---- budget follow-up (the digital møteserie's fields)

export type FollowUpField = "budget" | "accounted" | "spentToDate" | "unitsDone" | "unitsTotal";

/** Ten billion kroner: far above any measure's budget (the whole RST of a helsefellesskap is millions). */
const MAX_AMOUNT = 10_000_000_000;

export const FOLLOW_UP_RULES: Record<FollowUpField, FieldRule> = {
  budget: {
    name: "bevilget beløp",
    kind: "amount",
    min: 0,
    max: MAX_AMOUNT,
    required: true,
    example: "700 000",
  },
  accounted: {
    name: "regnskapet",
    kind: "amount",
    min: 0,
    max: MAX_AMOUNT,
    required: true,
    example: "808 985",
  },
  spentToDate: {
    name: "fakturert hittil",
    kind: "amount",
    min: 0,
    max: MAX_AMOUNT,
    required: false,
    example: "323 598",
  },
  unitsDone: {
    name: "gjennomførte møter",
    kind: "count",
    min: 0,
    max: 10_000,
    required: false,
    example: "4",
  },
  unitsTotal: { name: "planlagte møter", kind: "count", min: 1, max: 10_000, required: false, example: "10" },
};

export interface FollowUpValues {
  budget: number;
  accounted: number;
  spentToDate?: number;
  unitsDone?: number;
  unitsTotal?: number;
}

export type FormResult<F extends string, V> =
  | { ok: true; values: V; errors: Partial<Record<F, string>> }
  | { ok: false; values: null; errors: Partial<Record<F, string>> };

/**
 * The follow-up form: each field on its own, then what two fields say together (more meetings
 * done than planned). At most one message per field; values only when no field is refused.
 */
export function readFollowUp(
  texts: Record<FollowUpField, string>,
): FormResult<FollowUpField, FollowUpValues> {
  const errors: Partial<Record<FollowUpField, string>> = {};
  const read: Partial<Record<FollowUpField, number | null>> = {};
  for (const key of Object.keys(FOLLOW_UP_RULES) as FollowUpField[]) {
    const r = readField(texts[key] ?? "", FOLLOW_UP_RULES[key]);
    if (r.ok) read[key] = r.value;
    else errors[key] = r.message;
  }
  const done = read.unitsDone;
  const total = read.unitsTotal;
  if (typeof done === "number" && typeof total === "number" && done > total)
    errors.unitsDone = `Gjennomførte møter (${formatNumber(done)}) kan ikke være flere enn planlagte (${formatNumber(total)}).`;
  if (Object.keys(errors).length > 0 || typeof read.budget !== "number" || typeof read.accounted !== "number")
    return { ok: false, values: null, errors };
  const opt = (v: number | null | undefined) => (typeof v === "number" ? v : undefined);
  return {
    ok: true,
    errors,
    values: {
      budget: read.budget,
      accounted: read.accounted,
      spentToDate: opt(read.spentToDate),
      unitsDone: opt(done),
      unitsTotal: opt(total),
    },
  };
}

// ---- cost sharing (inhabitants and missions per municipality)

export const POPULATION_RULE: FieldRule = {
  name: "innbyggertall",
  kind: "count",
  min: 0,
  // Oslo, the largest municipality, has about 720 000 inhabitants.
  max: 2_000_000,
  required: false,
  example: "48 000",
};

export const MISSIONS_RULE: FieldRule = {
  name: "antall oppdrag",
  kind: "count",
  min: 0,
  // The model's capacity is 1 000 missions a year for one car.
  max: 100_000,
  required: false,
  example: "40",
};

export interface SharingTexts {
  population: string[];
  use: string[];
}

/**
 * Inhabitants and missions per municipality (MUNICIPALITIES order): the numbers shareCost takes
 * (null for an empty or refused field) and one message per refused field, keyed "population.3".
 */
export function readSharing(texts: SharingTexts): {
  population: (number | null)[];
  use: (number | null)[];
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const column = (list: string[], rule: FieldRule, key: string) =>
    MUNICIPALITIES.map((m, i) => {
      const r = readField(list[i] ?? "", rule);
      if (r.ok) return r.value;
      errors[`${key}.${i}`] = `${m}: ${r.message}`;
      return null;
    });
  return {
    population: column(texts.population, POPULATION_RULE, "population"),
    use: column(texts.use, MISSIONS_RULE, "use"),
    errors,
  };
}
