/**
 * RST ledger arithmetic: grants, carry-over between years and periodisation of
 * multi-year allocations. Pure functions; amounts in NOK.
 *
 * Carry-over rule (from the finance staff's ledger):
 *   carried into N+1 = granted(N) + carried in(N) − allocated(N).
 * A negative carry is an overspend advanced from next year's grant ("forskuttert")
 * and is carried on as a negative amount.
 */
import { daysInMonth, isoToSerial, parseIso, type IsoDate } from "./dates";

export interface LedgerYearInput {
  year: number;
  granted: number | null;
  allocated: number;
  /** An explicitly stated carry into this year; overrides the computed one. */
  carriedIn?: number | null;
  /** True when an allocation of this year has no known amount: `allocated` is then only the known part. */
  allocatedUnknown?: boolean;
}

export interface LedgerYear {
  year: number;
  granted: number | null;
  carriedIn: number;
  allocated: number;
  /** granted + carriedIn (null when granted or the carry in is unknown) */
  available: number | null;
  /** available − allocated; negative = overspend advanced ("forskuttert") */
  carriedOut: number | null;
  /**
   * True when the real carry into this year is unknown because an earlier year's grant is
   * unknown. `carriedIn` then holds the last known carry (the carry into the first year with
   * an unknown grant), and `available` and `carriedOut` are null.
   */
  carriedInUnknown?: boolean;
  /**
   * True when an allocation of this year has no known amount (blank, unreadable or a formula never
   * calculated): `allocated` is only the known part, and carriedOut (and every later carry) is unknown.
   */
  allocatedUnknown?: boolean;
}

/**
 * The ledger year by year, sorted by year.
 *
 * - The first year's carry in is `openingCarry` (default 0) unless the input states one.
 * - A year whose grant is unknown (granted null) still has a known carry in, but its
 *   available and carried-out amounts are null.
 * - Every later year's carry in is then unknown: it is reported as the last known carry
 *   with `carriedInUnknown: true`, and its available/carriedOut are null — unless that
 *   year's input states its carry in explicitly, which makes the ledger known again.
 * - Several inputs for the same year are merged: allocations added up, grants added up
 *   (unknown if any is unknown), the first explicit carry in kept.
 * - Missing years in between are not invented: the carry flows to the next listed year.
 */
export function computeLedger(inputs: LedgerYearInput[], openingCarry = 0): LedgerYear[] {
  const merged = mergeByYear(inputs);
  const out: LedgerYear[] = [];
  let carry: number | null = openingCarry;
  let lastKnownCarry = openingCarry;
  for (const input of merged) {
    const explicit = input.carriedIn;
    const carriedInKnown: boolean = explicit != null || carry !== null;
    const carriedIn: number = explicit ?? carry ?? lastKnownCarry;
    if (carriedInKnown) lastKnownCarry = carriedIn;
    const available: number | null =
      input.granted !== null && carriedInKnown ? input.granted + carriedIn : null;
    const carriedOut: number | null =
      available === null || input.allocatedUnknown ? null : available - input.allocated;
    const row: LedgerYear = {
      year: input.year,
      granted: input.granted,
      carriedIn,
      allocated: input.allocated,
      available,
      carriedOut,
    };
    if (!carriedInKnown) row.carriedInUnknown = true;
    if (input.allocatedUnknown) row.allocatedUnknown = true;
    out.push(row);
    carry = carriedOut;
  }
  return out;
}

function mergeByYear(inputs: LedgerYearInput[]): LedgerYearInput[] {
  const byYear = new Map<number, LedgerYearInput>();
  for (const input of inputs) {
    const seen = byYear.get(input.year);
    if (!seen) {
      byYear.set(input.year, {
        year: input.year,
        granted: input.granted,
        allocated: input.allocated,
        carriedIn: input.carriedIn ?? null,
        allocatedUnknown: input.allocatedUnknown,
      });
      continue;
    }
    if (input.allocatedUnknown) seen.allocatedUnknown = true;
    seen.granted = seen.granted === null || input.granted === null ? null : seen.granted + input.granted;
    seen.allocated += input.allocated;
    if (seen.carriedIn == null && input.carriedIn != null) seen.carriedIn = input.carriedIn;
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * What each year carries out, in the order given:
 * out[i] = out[i−1] + granted[i] − allocated[i], with out[−1] = openingCarry.
 * Throws RangeError when the two lists differ in length (a programming error; the
 * custom function checks this first and tells the user).
 */
export function carryover(granted: number[], allocated: number[], openingCarry = 0): number[] {
  if (granted.length !== allocated.length) {
    throw new RangeError(
      `granted og allocated må ha like mange år (${granted.length} og ${allocated.length})`,
    );
  }
  const out = new Array<number>(granted.length);
  let carry = openingCarry;
  for (let i = 0; i < granted.length; i++) {
    carry = carry + granted[i] - allocated[i];
    out[i] = carry;
  }
  return out;
}

/** lcm(28, 29, 30, 31): a whole month weighs this much, so a part month's weight is a whole number. */
const MONTH_WEIGHT = 377_580;

/**
 * Spreads an allocation over the months of [start, end] (both days included), in whole
 * kroner. Every whole month weighs the same (a 28-day February as much as a 31-day March: a
 * grant "over two years, nov 2025–okt 2027" is 1/24 per month); only a month the period covers
 * in part is weighted by the share of its days inside the period (16–30 April = 15/30 of a
 * month). The parts always add up exactly to the amount (rounded to whole kroner) by the
 * largest-remainder method. Throws RangeError when end is before start.
 */
export function periodize(
  amount: number,
  start: IsoDate,
  end: IsoDate,
): { year: number; month: number; amount: number }[] {
  const s = parseIso(start);
  const e = parseIso(end);
  if (isoToSerial(end) < isoToSerial(start)) {
    throw new RangeError(`Sluttdato ${end} er før startdato ${start}`);
  }
  const months: { year: number; month: number }[] = [];
  const weights: number[] = [];
  let year = s.year;
  let month = s.month;
  for (;;) {
    const first = year === s.year && month === s.month ? s.day : 1;
    const last = year === e.year && month === e.month ? e.day : daysInMonth(year, month);
    months.push({ year, month });
    const dim = daysInMonth(year, month);
    weights.push(((last - first + 1) * MONTH_WEIGHT) / dim); // exact: dim divides MONTH_WEIGHT
    if (year === e.year && month === e.month) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  const parts = largestRemainder(amount, weights);
  return months.map((m, i) => ({ ...m, amount: parts[i] }));
}

/** The part of `amount` spread over [start, end] that falls in `year` (0 outside the period). */
export function periodizeYear(amount: number, start: IsoDate, end: IsoDate, year: number): number {
  let sum = 0;
  for (const part of periodize(amount, start, end)) if (part.year === year) sum += part.amount;
  return sum;
}

/**
 * Splits `total` (rounded to whole kroner) into whole-krone parts proportional to
 * `weights`, summing exactly to the total. Largest-remainder (Hamilton) method computed
 * exactly with integers: every finite double is an integer times a power of two, so the
 * weights are scaled to exact BigInts. Leftover kroner go to the largest remainders; ties
 * go to the lower index. A negative total is split like its absolute value, negated.
 * Throws RangeError for an empty list, negative or non-finite weights, or all-zero weights.
 */
export function largestRemainder(total: number, weights: number[]): number[] {
  if (!Number.isFinite(total)) throw new RangeError(`Ugyldig beløp: ${total}`);
  if (weights.length === 0) throw new RangeError("Ingen vekter å fordele etter");
  for (const w of weights) {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Ugyldig vekt: ${w}`);
  }
  const rounded = Math.round(Math.abs(total));
  const sign = total < 0 ? -1 : 1;
  const scaled = exactScaled(weights);
  const sum = scaled.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError("Alle vektene er 0");
  const t = BigInt(rounded);
  const base: bigint[] = [];
  const rem: bigint[] = [];
  let given = 0n;
  for (const w of scaled) {
    const q = t * w;
    base.push(q / sum);
    rem.push(q % sum);
    given += q / sum;
  }
  let left = Number(t - given);
  const order = rem.map((_, i) => i).sort((a, b) => (rem[a] === rem[b] ? a - b : rem[a] > rem[b] ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) base[order[k]] += 1n;
  // "+ 0" turns -0 into 0 for zero parts of a negative total.
  return base.map((b) => sign * Number(b) + 0);
}

/** Finite non-negative doubles → BigInts with exactly the same ratios. */
function exactScaled(values: number[]): bigint[] {
  const parts = values.map(decompose);
  const minExp = Math.min(...parts.filter((p) => p.mantissa !== 0n).map((p) => p.exp), 0);
  return parts.map((p) => (p.mantissa === 0n ? 0n : p.mantissa << BigInt(p.exp - minExp)));
}

/** value = mantissa · 2^exp exactly (value ≥ 0, finite). */
function decompose(value: number): { mantissa: bigint; exp: number } {
  if (value === 0) return { mantissa: 0n, exp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0
    ? { mantissa: frac, exp: -1074 } // subnormal
    : { mantissa: frac | (1n << 52n), exp: biased - 1075 };
}
