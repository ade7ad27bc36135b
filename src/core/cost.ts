/**
 * Cost models for measures such as ambulant røntgen: annual cost from salary,
 * straight-line depreciation and running costs; cost per mission; break-even against
 * an alternative; sharing a cost between partners; year-end forecasts. Pure; NOK.
 *
 * Invalid parameters (zero life, zero units, …) throw RangeError: they are programming
 * errors here, because the custom functions and the CLI check user input first and
 * answer in Norwegian.
 */
import { largestRemainder } from "./ledger";

/** Straight-line depreciation per period, as Excel's SLN(cost; salvage; life). */
export function sln(cost: number, salvage: number, life: number): number {
  if (life === 0 || !Number.isFinite(life)) throw new RangeError(`Ugyldig levetid: ${life}`);
  return (cost - salvage) / life;
}

/** fixed + Σ price/years (straight-line, no salvage) + running. Unrounded. */
export function annualCost(
  fixed: number,
  investments: { price: number; years: number }[],
  running: number,
): number {
  let depreciation = 0;
  for (const inv of investments) depreciation += sln(inv.price, 0, inv.years);
  return fixed + depreciation + running;
}

/** Cost per unit (mission), unrounded. */
export function perUnit(annual: number, units: number): number {
  if (!(units > 0)) throw new RangeError(`Antall enheter må være større enn 0: ${units}`);
  return annual / units;
}

/**
 * Units a year needed before the measure costs less per unit than the alternative:
 * annual / alternativeUnitCost rounded up. A quotient within floating-point noise of a
 * whole number counts as that number (1 200 000 / 30 000 is 40, not 41).
 */
export function breakEven(annual: number, alternativeUnitCost: number): number {
  if (!(alternativeUnitCost > 0)) {
    throw new RangeError(`Alternativ enhetskostnad må være større enn 0: ${alternativeUnitCost}`);
  }
  const q = annual / alternativeUnitCost;
  const nearest = Math.round(q);
  if (Math.abs(q - nearest) <= 1e-9 * Math.max(1, Math.abs(q))) return nearest + 0;
  return Math.ceil(q) + 0;
}

/** What doing `units` ourselves saves against buying them at the alternative unit cost. */
export function savings(annual: number, units: number, alternativeUnitCost: number): number {
  return alternativeUnitCost * units - annual;
}

/** Whole-krone shares proportional to weights, summing exactly to the total (largest remainder, ties to the lower index). */
export function share(total: number, weights: number[]): number[] {
  return largestRemainder(total, weights);
}

/** Equal whole-krone shares for n partners, summing exactly to the total (the first ones get the extra krone). */
export function shareEqually(total: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`Antall parter må være et helt tall større enn 0: ${n}`);
  return largestRemainder(total, new Array<number>(n).fill(1));
}

/** Year-end forecast from the pace so far: spentToDate / unitsDone × unitsTotal. */
export function forecast(spentToDate: number, unitsDone: number, unitsTotal: number): number {
  if (!(unitsDone > 0))
    throw new RangeError(`Antall gjennomførte enheter må være større enn 0: ${unitsDone}`);
  // Multiply first: 323 598 × 10 / 4 is exact where 323 598 / 4 × 10 might not be.
  return (spentToDate * unitsTotal) / unitsDone;
}
