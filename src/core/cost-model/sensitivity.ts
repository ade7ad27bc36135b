/**
 * Sensitivity of the cost per mission to the number of missions a year: the figures behind
 * the sheet's formula table and the task pane's chart.
 */
import { breakEven, perUnit, savings } from "../cost";

export interface SensitivityRow {
  missions: number;
  /** Unrounded cost per mission. */
  perMission: number;
  /** missions × alternative − annual: what a year at this volume saves (negative = costs more). */
  saving: number;
}

export interface SensitivityRange {
  from: number;
  to: number;
  step: number;
}

/** The sheet's default: 100, 200, …, up to the capacity of 1 000 missions a year. */
export const DEFAULT_RANGE: SensitivityRange = { from: 100, to: 1000, step: 100 };

/** Whole-number volumes from..to (inclusive) in steps; at most 1 000 rows. */
export function volumes(range: SensitivityRange = DEFAULT_RANGE): number[] {
  const { from, to, step } = range;
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`Steget må være større enn 0: ${step}`);
  if (!(from > 0) || !Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError(`Antall oppdrag må være større enn 0: ${from}–${to}`);
  }
  const out: number[] = [];
  // Count steps instead of adding floats, so 0.1-steps do not drift.
  for (let i = 0; from + i * step <= to + 1e-9 && out.length < 1000; i++) out.push(from + i * step);
  return out;
}

export function sensitivity(
  annual: number,
  alternative: number,
  range: SensitivityRange = DEFAULT_RANGE,
): SensitivityRow[] {
  return volumes(range).map((missions) => ({
    missions,
    perMission: perUnit(annual, missions),
    saving: savings(annual, missions, alternative),
  }));
}

export interface SensitivitySummary {
  rows: SensitivityRow[];
  /** Missions a year where the cost per mission reaches the alternative (COST.BREAKEVEN). */
  breakEven: number;
}

export function sensitivitySummary(
  annual: number,
  alternative: number,
  range: SensitivityRange = DEFAULT_RANGE,
): SensitivitySummary {
  return { rows: sensitivity(annual, alternative, range), breakEven: breakEven(annual, alternative) };
}
