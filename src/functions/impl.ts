/**
 * The custom functions as plain functions Node can call. Excel's wrappers live in
 * functions.ts; the CLI's formula engine calls FUNCTIONS[name](...args) directly.
 * Arguments arrive as Excel passes them (ranges as arrays of rows, empty cells as null,
 * omitted optional arguments as undefined). Bad input returns a FunctionError with a
 * Norwegian message — never a thrown exception, never a wrong number.
 */
import { parseAmounts, yearSum } from "../core/amount";
import { explainAmounts, STANDING_NB } from "../core/amount-explain";
import { annualCost, breakEven, forecast, perUnit, share } from "../core/cost";
import { dateToIso, daysBetween, formatNorwegianDate, isoToSerial } from "../core/dates";
import { explainDeadline } from "../core/deadline";
import { carryover, periodizeYear } from "../core/ledger";
import { measureStatusOf, readDone } from "../core/measure-status";
import {
  cellAmount,
  dateArg,
  isBlank,
  numberArg,
  roundOre,
  show,
  sumRangeArg,
  todayArg,
  vectorArg,
  yearArg,
} from "./args";
import { FunctionError, notAvailable, valueError } from "./errors";

export { FunctionError } from "./errors";
export type Scalar = number | string | boolean | null;
export type FnResult = Scalar | Scalar[][] | FunctionError;

export { DUE_SOON_DAYS, STATUS } from "../core/measure-status";

const err = (x: unknown): x is FunctionError => x instanceof FunctionError;

// ---------------------------------------------------------------- RST

export function rstBalance(granted: unknown, allocations: unknown, carriedIn?: unknown): FnResult {
  const g = numberArg(granted, "granted");
  if (err(g)) return g;
  const sum = sumRangeArg(allocations, "allocations");
  if (err(sum)) return sum;
  const c = numberArg(carriedIn, "carriedIn", { default: 0 });
  if (err(c)) return c;
  return roundOre(g + c - sum);
}

/**
 * What each year carries out. Trailing rows where both granted and allocated are empty
 * are left out (a range selected longer than the years filled in); an empty grant
 * before that means an unknown grant, and the carry from then on cannot be computed.
 */
export function rstCarryover(granted: unknown, allocated: unknown, openingCarry?: unknown): FnResult {
  const g = vectorArg(granted, "granted");
  if (err(g)) return g;
  const a = vectorArg(allocated, "allocated");
  if (err(a)) return a;
  const opening = numberArg(openingCarry, "openingCarry", { default: 0 });
  if (err(opening)) return opening;
  if (g.cells.length !== a.cells.length) {
    const unit = g.horizontal ? "kolonner" : "rader";
    return valueError(
      `Områdene granted og allocated må ha like mange ${unit} (${g.cells.length} og ${a.cells.length})`,
    );
  }
  let n = g.cells.length;
  while (n > 0 && isBlank(g.cells[n - 1].value) && isBlank(a.cells[n - 1].value)) n--;
  if (n === 0) return notAvailable("Ingen år å beregne: granted og allocated er tomme");
  const grants: number[] = [];
  const allocs: number[] = [];
  for (let i = 0; i < n; i++) {
    const gi = cellAmount(g.cells[i]);
    if (err(gi)) return gi;
    if (gi === null) {
      return notAvailable(
        `${g.cells[i].where} er tom: tilskuddet for det året er ukjent, så overføringen fra og med det året kan ikke beregnes. Skriv inn tilskuddet, eller avgrens områdene til årene som er kjent.`,
      );
    }
    const ai = cellAmount(a.cells[i]);
    if (err(ai)) return ai;
    grants.push(gi);
    allocs.push(ai ?? 0);
  }
  const out = carryover(grants, allocs, opening).map(roundOre);
  return g.horizontal ? [out] : out.map((x) => [x]);
}

export function rstPeriodize(amount: unknown, start: unknown, end: unknown, year: unknown): FnResult {
  const total = numberArg(amount, "amount");
  if (err(total)) return total;
  const s = dateArg(start, "start", "start", undefined, "Startdato");
  if (err(s)) return s;
  if ("blank" in s)
    return valueError("Argumentet start mangler — skriv inn startdato eller en periode som «nov.25-okt.27»");
  // An empty end with period text in start ("nov 2025 - okt 2027") uses that period's end.
  const e =
    isBlank(end) && typeof start === "string"
      ? dateArg(start, "start", "due", undefined, "Startdato")
      : dateArg(end, "end", "due", undefined, "Sluttdato");
  if (err(e)) return e;
  if ("blank" in e) return valueError("Argumentet end mangler — skriv inn sluttdato");
  const y = yearArg(year, "year", true);
  if (err(y)) return y;
  if (isoToSerial(e.iso) < isoToSerial(s.iso)) {
    return valueError(
      `Sluttdato ${formatNorwegianDate(e.iso)} er før startdato ${formatNorwegianDate(s.iso)}`,
    );
  }
  return periodizeYear(total, s.iso, e.iso, y as number);
}

// ---------------------------------------------------------------- MEASURE

const NO_DEADLINE =
  "Tiltaket har ingen frist (cellen er tom) — skriv inn en frist som «31.03.2026» eller «2.halvår 2026»";

function deadlineSerial(deadline: unknown, planYear: unknown, which: "start" | "due"): FnResult {
  const py = yearArg(planYear, "planYear");
  if (err(py)) return py;
  const d = dateArg(deadline, "deadline", which, py);
  if (err(d)) return d;
  if ("blank" in d) return notAvailable(NO_DEADLINE);
  // A number is already a date serial: returned unchanged (time of day included).
  if (typeof deadline === "number") return deadline;
  return isoToSerial(d.iso);
}

export function measureDue(deadline: unknown, planYear?: unknown): FnResult {
  return deadlineSerial(deadline, planYear, "due");
}

export function measureStart(deadline: unknown, planYear?: unknown): FnResult {
  return deadlineSerial(deadline, planYear, "start");
}

/**
 * How a deadline text is read: rows of [what, value] — Start, Slutt, Granularitet, then one
 * «Lest slik» row per rule used. A text that cannot be read spills the reason (an explanation of
 * a refusal is still an explanation); an empty cell is #N/A.
 */
export function measureExplain(deadline: unknown, planYear?: unknown): FnResult {
  const py = yearArg(planYear, "planYear");
  if (err(py)) return py;
  const one = Array.isArray(deadline) ? (deadline as unknown[]).flat() : [deadline];
  if (one.length !== 1) return valueError(`Argumentet deadline skal være én celle, ikke ${one.length}`);
  const v = one[0];
  if (isBlank(v)) return notAvailable(NO_DEADLINE);
  if (typeof v === "number") {
    const d = dateArg(v, "deadline", "due", py);
    if (err(d)) return d;
    if ("blank" in d) return notAvailable(NO_DEADLINE);
    const day = formatNorwegianDate(d.iso);
    return [
      ["Start", day],
      ["Slutt", day],
      ["Granularitet", "dag"],
      ["Lest slik", "Et tall er en Excel-dato: den dagen"],
    ];
  }
  if (typeof v !== "string") return valueError(`Argumentet deadline er ikke tekst eller dato: ${show(v)}`);
  const e = explainDeadline(v, py);
  if (!e.ok) return [["Kan ikke leses", e.reason]];
  const rows: Scalar[][] = [
    ["Start", e.deadline.start ? formatNorwegianDate(e.deadline.start) : "ingen startdato"],
    ["Slutt", e.deadline.end ? formatNorwegianDate(e.deadline.end) : "ingen sluttdato"],
    ["Granularitet", e.granularity],
  ];
  e.steps.forEach((step, i) => rows.push([i === 0 ? "Lest slik" : "", step]));
  return rows;
}

function now(): string {
  return dateToIso(new Date());
}

export function measureDaysLeft(deadline: unknown, today?: unknown): FnResult {
  const t = todayArg(today, "today", now());
  if (err(t)) return t;
  const d = dateArg(deadline, "deadline", "due", Number(t.slice(0, 4)));
  if (err(d)) return d;
  if ("blank" in d) return notAvailable(NO_DEADLINE);
  return daysBetween(t, d.iso);
}

/** true/false for a "done" cell, or an error for text that says neither. */
function doneArg(v: unknown): boolean | FunctionError {
  const one = Array.isArray(v) ? (v as unknown[]).flat()[0] : v;
  const done = readDone(one);
  if (done !== null) return done;
  return valueError(
    `Argumentet done må si om tiltaket er fullført: skriv «ja», «x», SANN eller 1 (ellers tomt, «nei» eller 0) — fikk ${show(one)}`,
  );
}

export function measureStatus(deadline: unknown, done?: unknown, today?: unknown): FnResult {
  const isDone = doneArg(done);
  if (err(isDone)) return isDone;
  const t = todayArg(today, "today", now());
  if (err(t)) return t;
  if (isDone) return measureStatusOf(null, true, t);
  const d = dateArg(deadline, "deadline", "due", Number(t.slice(0, 4)));
  if (err(d)) return d;
  return measureStatusOf("blank" in d ? null : d.iso, false, t);
}

// ---------------------------------------------------------------- NOK

export function nokParse(text: unknown, year?: unknown, source?: unknown): FnResult {
  const one =
    Array.isArray(text) && (text as unknown[]).flat().length === 1 ? (text as unknown[]).flat()[0] : text;
  if (typeof one === "number") return one;
  const y = yearArg(year, "year");
  if (err(y)) return y;
  const src = Array.isArray(source) ? (source as unknown[]).flat()[0] : source;
  if (!isBlank(src) && typeof src !== "string")
    return valueError(`Argumentet source må være tekst, f.eks. «RST»: fikk ${show(src)}`);
  if (isBlank(one)) return valueError("Teksten er tom — det er ingen beløp å lese");
  if (typeof one !== "string") return valueError(`Argumentet text er ikke tekst: ${show(one)}`);
  const parse = parseAmounts(one);
  if (parse.kind !== "amounts") return valueError(parse.reason);
  const filter: { year?: number; source?: string } = {};
  if (y !== undefined) filter.year = y;
  if (!isBlank(src)) filter.source = (src as string).trim();
  const sum = yearSum(parse, filter);
  if (sum.kind === "shared") return notAvailable(sum.reason);
  if (sum.kind === "none") return valueError(sum.reason);
  return roundOre(sum.value);
}

/** The header row NOK.EXPLAIN spills above its amounts. */
export function nokExplainHeader(year: number | undefined): string[] {
  return [
    "Beløp",
    "År",
    "Kilde",
    "Tekst",
    year === undefined ? "Teller for året (oppgi år)" : `Teller for ${year}`,
  ];
}

/**
 * One row per amount the text names: beløp, år (or «alle år»), kilde, the clause it came from and
 * whether it counts for `year`, under a header row.
 */
export function nokExplain(text: unknown, year?: unknown): FnResult {
  const one =
    Array.isArray(text) && (text as unknown[]).flat().length === 1 ? (text as unknown[]).flat()[0] : text;
  const y = yearArg(year, "year");
  if (err(y)) return y;
  if (typeof one === "number") {
    if (!Number.isFinite(one))
      return valueError(`Argumentet text er ikke et tall Excel kan vise: ${show(one)}`);
    return [
      nokExplainHeader(y),
      [one, "alle år", "RST", "(tall i cellen)", y === undefined ? "" : STANDING_NB.counts],
    ];
  }
  if (isBlank(one)) return valueError("Teksten er tom — det er ingen beløp å forklare");
  if (typeof one !== "string") return valueError(`Argumentet text er ikke tekst: ${show(one)}`);
  const reading = explainAmounts(one, y === undefined ? {} : { year: y });
  if (reading.kind === "unclear") return valueError(reading.reason ?? "Forstod ikke teksten");
  if (reading.kind === "none") {
    const named =
      reading.sources.length > 0 ? ` Kilder nevnt uten beløp: ${reading.sources.join(", ")}.` : "";
    return notAvailable(`${reading.reason ?? "Ingen beløp"}${named}`);
  }
  const rows: Scalar[][] = [nokExplainHeader(y)];
  for (const a of reading.amounts)
    rows.push([a.value, a.yearLabel, a.source, a.clause, a.standing === null ? "" : STANDING_NB[a.standing]]);
  return rows;
}

// ---------------------------------------------------------------- COST

export function costAnnual(fixed: unknown, prices: unknown, years: unknown, running: unknown): FnResult {
  const f = isBlank(fixed) ? 0 : sumRangeArg(fixed, "fixed");
  if (err(f)) return f;
  const r = isBlank(running) ? 0 : sumRangeArg(running, "running");
  if (err(r)) return r;
  const p = vectorArg(prices, "prices");
  if (err(p)) return p;
  const l = vectorArg(years, "years");
  if (err(l)) return l;
  // One life for all prices is allowed; otherwise one life per price.
  const sameLife = l.cells.length === 1 && p.cells.length > 1;
  if (!sameLife && p.cells.length !== l.cells.length) {
    return valueError(
      `Områdene prices og years må ha like mange celler (${p.cells.length} og ${l.cells.length})`,
    );
  }
  const investments: { price: number; years: number }[] = [];
  for (let i = 0; i < p.cells.length; i++) {
    const price = cellAmount(p.cells[i]);
    if (err(price)) return price;
    if (price === null) continue;
    const lifeCell = sameLife ? l.cells[0] : l.cells[i];
    if (isBlank(lifeCell.value))
      return valueError(`${lifeCell.where} mangler levetid (år) for prisen ${price}`);
    const life = cellAmount(lifeCell);
    if (err(life)) return life;
    if (life === null || !(life > 0)) {
      return valueError(
        `${lifeCell.where} må være en levetid i år større enn 0: fikk ${show(lifeCell.value)}`,
      );
    }
    investments.push({ price, years: life });
  }
  return roundOre(annualCost(f, investments, r));
}

export function costPerUnit(annual: unknown, units: unknown): FnResult {
  const a = numberArg(annual, "annualCost");
  if (err(a)) return a;
  const u = numberArg(units, "units", {
    min: 0,
    minExclusive: true,
    minMessage: `Antall oppdrag må være større enn 0 (units: ${show(units)})`,
  });
  if (err(u)) return u;
  return perUnit(a, u);
}

export function costBreakeven(annual: unknown, alternativeUnitCost: unknown): FnResult {
  const a = numberArg(annual, "annualCost", {
    min: 0,
    minMessage: `Årskostnaden kan ikke være negativ (annualCost: ${show(annual)})`,
  });
  if (err(a)) return a;
  const alt = numberArg(alternativeUnitCost, "alternativeUnitCost", {
    min: 0,
    minExclusive: true,
    minMessage: `Kostnaden per oppdrag med alternativet må være større enn 0 (alternativeUnitCost: ${show(alternativeUnitCost)})`,
  });
  if (err(alt)) return alt;
  return breakEven(a, alt);
}

export function costShare(total: unknown, weights: unknown): FnResult {
  const t = numberArg(total, "total");
  if (err(t)) return t;
  const w = vectorArg(weights, "weights");
  if (err(w)) return w;
  const ws: number[] = [];
  for (const cell of w.cells) {
    if (isBlank(cell.value))
      return valueError(`${cell.where} er tom — skriv inn en vekt (0 hvis parten ikke skal betale)`);
    const x = cellAmount(cell);
    if (err(x)) return x;
    if (x === null || x < 0) return valueError(`${cell.where} kan ikke være negativ: ${show(cell.value)}`);
    ws.push(x);
  }
  if (!ws.some((x) => x > 0))
    return valueError("Alle vektene i weights er 0 — minst én part må ha en vekt større enn 0");
  const parts = share(t, ws);
  return w.horizontal ? [parts] : parts.map((x) => [x]);
}

export function costForecast(spentToDate: unknown, unitsDone: unknown, unitsTotal: unknown): FnResult {
  const s = numberArg(spentToDate, "spentToDate");
  if (err(s)) return s;
  const d = numberArg(unitsDone, "unitsDone", {
    min: 0,
    minExclusive: true,
    minMessage: `Antall gjennomførte enheter må være større enn 0 (unitsDone: ${show(unitsDone)})`,
  });
  if (err(d)) return d;
  const n = numberArg(unitsTotal, "unitsTotal", {
    min: 0,
    minMessage: `Antall planlagte enheter kan ikke være negativt (unitsTotal: ${show(unitsTotal)})`,
  });
  if (err(n)) return n;
  return roundOre(forecast(s, d, n));
}

// ---------------------------------------------------------------- registry

type Impl = (...args: unknown[]) => FnResult;

/** False when a number in the result overflowed (Excel would show #NUM!). */
function finite(result: FnResult): boolean {
  if (typeof result === "number") return Number.isFinite(result);
  if (Array.isArray(result))
    return result.every((row) => row.every((v) => typeof v !== "number" || Number.isFinite(v)));
  return true;
}

/** Catch the unexpected: a function must answer with an Excel error, never throw. */
function safe(name: string, fn: Impl): Impl {
  return (...args: unknown[]) => {
    try {
      const result = fn(...args);
      if (!finite(result))
        return new FunctionError("#NUM!", `Resultatet av ${name} er for stort til å vises`);
      return result;
    } catch (e) {
      return valueError(`Uventet feil i ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

export const FUNCTIONS: Record<string, (...args: unknown[]) => FnResult> = {
  "RST.BALANCE": safe("RST.BALANCE", (g, a, c) => rstBalance(g, a, c)),
  "RST.CARRYOVER": safe("RST.CARRYOVER", (g, a, o) => rstCarryover(g, a, o)),
  "RST.PERIODIZE": safe("RST.PERIODIZE", (a, s, e, y) => rstPeriodize(a, s, e, y)),
  "MEASURE.DUE": safe("MEASURE.DUE", (d, y) => measureDue(d, y)),
  "MEASURE.START": safe("MEASURE.START", (d, y) => measureStart(d, y)),
  "MEASURE.DAYSLEFT": safe("MEASURE.DAYSLEFT", (d, t) => measureDaysLeft(d, t)),
  "MEASURE.STATUS": safe("MEASURE.STATUS", (d, done, t) => measureStatus(d, done, t)),
  "MEASURE.EXPLAIN": safe("MEASURE.EXPLAIN", (d, y) => measureExplain(d, y)),
  "NOK.PARSE": safe("NOK.PARSE", (t, y, s) => nokParse(t, y, s)),
  "NOK.EXPLAIN": safe("NOK.EXPLAIN", (t, y) => nokExplain(t, y)),
  "COST.ANNUAL": safe("COST.ANNUAL", (f, p, y, r) => costAnnual(f, p, y, r)),
  "COST.PERUNIT": safe("COST.PERUNIT", (a, u) => costPerUnit(a, u)),
  "COST.BREAKEVEN": safe("COST.BREAKEVEN", (a, c) => costBreakeven(a, c)),
  "COST.SHARE": safe("COST.SHARE", (t, w) => costShare(t, w)),
  "COST.FORECAST": safe("COST.FORECAST", (s, d, n) => costForecast(s, d, n)),
};
