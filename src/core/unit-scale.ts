/**
 * The unit a sheet writes its amounts in, when it says so: «Sum (i 1000 kr)», «Beløp i tusen
 * kroner», «NOK 1000», «TNOK», «MNOK», «mill. kr». Finance staff often keep registers and
 * ledgers in thousands; read as kroner, every amount would be wrong by ×1000 with no warning.
 * Readers multiply by the factor and say so. Only a unit next to a money word (or a unit word
 * of its own, TNOK/MNOK/tkr) counts: «Sum 2025» or «1000 deltakere» is no unit.
 */

export interface AmountUnit {
  /** What one written unit is in kroner. */
  factor: 1000 | 1_000_000;
  /** Norwegian name of the unit for messages ("tusen kroner"). */
  label: string;
  /** The text the unit was found in, as written (whitespace collapsed). */
  source: string;
}

const MONEY = String.raw`(?:kr\.?|kroner|nok)`;
const THOUSAND = String.raw`(?:1000|1 000|1\.000|tusen)`;
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;

const THOUSANDS = [
  new RegExp(`${B}(?:i\\s+)?(?:hele\\s+)?${THOUSAND}\\s*${MONEY}${E}`, "u"), // «i 1000 kr», «tusen kroner»
  new RegExp(`${B}${MONEY}\\s*${THOUSAND}${E}`, "u"), // «kr 1000», «NOK 1 000»
  new RegExp(`${B}i\\s+(?:hele\\s+)?(?:1000|1 000|tusen)${E}`, "u"), // «Beløp i 1000», «i hele tusen»
  new RegExp(`${B}(?:tnok|tkr|t\\.\\s?kr|knok)${E}`, "u"),
];
const MILLIONS = [
  new RegExp(`${B}(?:mnok|mkr|mill\\.?\\s*${MONEY}|millioner\\s+${MONEY})${E}`, "u"),
  new RegExp(`${B}(?:${MONEY}\\s*mill(?:\\.|ioner)?|i\\s+mill(?:\\.|ioner)?)${E}`, "u"),
];

/** The unit named in one text, if any. */
export function amountUnitIn(text: string): AmountUnit | null {
  const source = text.replace(/\s+/g, " ").trim();
  if (source === "" || source.length > 200) return null;
  const t = source.toLowerCase().replace(/\u00a0/g, " ");
  if (MILLIONS.some((re) => re.test(t))) return { factor: 1_000_000, label: "millioner kroner", source };
  if (THOUSANDS.some((re) => re.test(t))) return { factor: 1000, label: "tusen kroner", source };
  return null;
}

/**
 * A title row says the sheet's unit only as a statement about the amounts («Beløp i 1000 kr»,
 * «Tall i tusen kroner», «(i hele 1000)», «TNOK»), not any money in a sentence
 * («Tilskudd på 1000 kr per deltaker» is no unit).
 */
const TITLE_UNIT = [
  /(?<![\p{L}\p{N}])i\s+(?:hele\s+)?(?:1000|1 000|1\.000|tusen|mill(?:\.|ioner)?)(?![\p{L}\p{N}])/u,
  /\(\s*(?:i\s+)?(?:1000|1 000|tusen)\s*(?:kr\.?|kroner|nok)?\s*\)/u,
  /(?<![\p{L}\p{N}])(?:tnok|mnok|tkr|mkr)(?![\p{L}\p{N}])/u,
];

/** The unit of a column: its header cell (any unit), else a title row above it (a unit statement). */
export function amountUnitOf(header: string, titles: Iterable<string> = []): AmountUnit | null {
  const own = amountUnitIn(header);
  if (own) return own;
  for (const t of titles) {
    const lower = t.toLowerCase();
    if (TITLE_UNIT.some((re) => re.test(lower))) {
      const u = amountUnitIn(t);
      if (u) return u;
    }
  }
  return null;
}

/** An amount written in `unit`, in kroner, to the øre (7 000,03 tusen kr → 7 000 030, not 7 000 030.000000001). */
export function inKroner(amount: number, unit: AmountUnit | null): number {
  return unit === null ? amount : Math.round(amount * unit.factor * 100) / 100;
}

/** A text amount that names its own unit («8,4 mill», «410 000 kr») is taken as written, not scaled again. */
export function textInKroner(amount: number, text: string, unit: AmountUnit | null): number {
  return /kr|nok|mill|mrd|tusen/i.test(text) ? amount : inKroner(amount, unit);
}
