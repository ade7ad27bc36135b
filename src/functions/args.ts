/**
 * Argument coercion for the custom functions. Excel passes numbers, text, booleans,
 * null for empty cells (undefined for omitted optional arguments) and ranges as
 * any[][]; the CLI's formula engine may also pass plain arrays. Every helper returns
 * either the value or a FunctionError with a Norwegian message naming the argument.
 */
import { parseNokNumber } from "../core/amount";
import { parseDeadline } from "../core/deadline";
import { formatNorwegianDate, isValidDate, isoDate, serialToIso, type IsoDate } from "../core/dates";
import { FunctionError, notAvailable, valueError } from "./errors";

/** Excel's serial for 9999-12-31, the last date it can show. */
const MAX_SERIAL = 2_958_465;

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A value as the user wrote it, for messages: «abc», 12, SANN. */
export function show(v: unknown): string {
  if (typeof v === "string") return `«${v}»`;
  if (typeof v === "boolean") return v ? "SANN" : "USANN";
  if (typeof v === "number") return String(v);
  return `«${String(v)}»`;
}

/** A 1×1 range given where one value is expected is that value. */
function single(v: unknown, name: string): unknown {
  if (!Array.isArray(v)) return v;
  const flat = (v as unknown[]).flat();
  if (flat.length === 1) return flat[0];
  if (flat.length === 0) return null;
  return valueError(`Argumentet ${name} skal være én verdi, ikke et område med ${flat.length} celler`);
}

/** Amount text ("-4 200 000", "410 000 kr") or a number → number, else null. */
function amountValue(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return parseNokNumber(v);
  return null;
}

export interface NumberOptions {
  /** Value when the argument is omitted or empty; without it an empty argument is an error. */
  default?: number;
  integer?: boolean;
  min?: number;
  /** Message when below min (or not above it when minExclusive). */
  minMessage?: string;
  minExclusive?: boolean;
}

/** One number (an amount, a count, a year); Norwegian amount text is accepted. */
export function numberArg(v: unknown, name: string, opts: NumberOptions = {}): number | FunctionError {
  const one = single(v, name);
  if (one instanceof FunctionError) return one;
  if (isBlank(one)) {
    if (opts.default !== undefined) return opts.default;
    return valueError(`Argumentet ${name} mangler — skriv inn et tall`);
  }
  const n = amountValue(one);
  if (n === null) return valueError(`Argumentet ${name} er ikke et tall: ${show(one)}`);
  if (opts.integer && !Number.isInteger(n))
    return valueError(`Argumentet ${name} må være et helt tall: ${show(one)}`);
  if (opts.min !== undefined && (opts.minExclusive ? n <= opts.min : n < opts.min)) {
    return valueError(
      opts.minMessage ??
        `Argumentet ${name} må være ${opts.minExclusive ? "større enn" : "minst"} ${opts.min} (fikk ${show(one)})`,
    );
  }
  return n;
}

/** An optional year (planYear, year): a whole number 1900–9999, or undefined when empty. */
export function yearArg(v: unknown, name: string, required = false): number | undefined | FunctionError {
  const one = single(v, name);
  if (one instanceof FunctionError) return one;
  if (isBlank(one))
    return required
      ? valueError(`Argumentet ${name} mangler — skriv inn et årstall, f.eks. 2026`)
      : undefined;
  const n = typeof one === "number" ? one : typeof one === "string" ? Number(one.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < 1900 || n > 9999) {
    return valueError(`Argumentet ${name} må være et årstall, f.eks. 2026: fikk ${show(one)}`);
  }
  return n;
}

export interface Cell {
  value: unknown;
  /** Where the cell is, for messages: "Rad 3 i allocations". */
  where: string;
}

export interface Vector {
  cells: Cell[];
  /** True when the range was one row with several columns (results keep that orientation). */
  horizontal: boolean;
}

/** A range as a list of cells; must be one column or one row. Scalars count as a 1×1 range. */
export function vectorArg(v: unknown, name: string): Vector | FunctionError {
  const rows: unknown[][] = !Array.isArray(v)
    ? [[v]]
    : (v as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  const height = rows.length;
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (height > 1 && width > 1) {
    return valueError(
      `Området ${name} må være én kolonne eller én rad (fikk ${height} rader × ${width} kolonner)`,
    );
  }
  const horizontal = height === 1 && width > 1;
  const values = horizontal ? rows[0] : rows.map((r) => r[0]);
  return {
    horizontal,
    cells: values.map((value, i) => ({
      value,
      where: `${horizontal ? "Kolonne" : "Rad"} ${i + 1} i ${name}`,
    })),
  };
}

/** The amount in one range cell, null when blank, or an error naming the cell. */
export function cellAmount(cell: Cell): number | null | FunctionError {
  if (isBlank(cell.value)) return null;
  const n = amountValue(cell.value);
  if (n === null) return valueError(`${cell.where} er ikke et beløp: ${show(cell.value)}`);
  return n;
}

/** The sum of the amounts in a range of any shape; blanks are skipped. */
export function sumRangeArg(v: unknown, name: string): number | FunctionError {
  const rows: unknown[][] = !Array.isArray(v)
    ? [[v]]
    : (v as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  const oneColumn = rows.every((r) => r.length <= 1);
  const oneRow = rows.length === 1;
  let sum = 0;
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const where = oneColumn
        ? `Rad ${r + 1} i ${name}`
        : oneRow
          ? `Kolonne ${c + 1} i ${name}`
          : `Rad ${r + 1}, kolonne ${c + 1} i ${name}`;
      const n = cellAmount({ value: rows[r][c], where });
      if (n instanceof FunctionError) return n;
      if (n !== null) sum += n;
    }
  }
  return sum;
}

/** Money results: whole øre, so 0,1 + 0,2 shows as 0,3 and not 0,30000000000000004. */
export function roundOre(x: number): number {
  return Math.round(x * 100) / 100 + 0;
}

export type DateResult = { iso: IsoDate } | { blank: true } | FunctionError;

/**
 * A date argument: an Excel date serial, an ISO date ("2026-03-31"), or deadline text
 * ("3.kvartal 2026", "nov.25-okt.27"); for text, `which` picks the deadline's start or due.
 * `label` names the argument in Norwegian for messages ("Frist", "Startdato").
 */
export function dateArg(
  v: unknown,
  name: string,
  which: "start" | "due",
  planYear?: number,
  label = "Frist",
): DateResult {
  const one = single(v, name);
  if (one instanceof FunctionError) return one;
  if (isBlank(one)) return { blank: true };
  if (typeof one === "number") {
    if (!Number.isFinite(one) || one < 1 || one >= MAX_SERIAL + 1) {
      return valueError(
        `${label} (${name}) er ikke en gyldig dato: ${show(one)} — bruk en dato mellom 01.01.1900 og 31.12.9999`,
      );
    }
    return { iso: serialToIso(one) };
  }
  if (typeof one !== "string") {
    return valueError(`${label} (${name}) er ikke en dato: ${show(one)}`);
  }
  const text = one.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (isValidDate(y, m, d)) return { iso: isoDate(y, m, d) };
  }
  const parsed = parseDeadline(text, planYear);
  if (!parsed.ok) return valueError(`${label} kan ikke leses: ${show(text)} — ${parsed.reason}`);
  const date = which === "start" ? parsed.deadline.start : parsed.deadline.due;
  if (date === null) {
    return which === "start"
      ? notAvailable(`${show(text)} har ingen startdato — teksten sier bare når perioden slutter`)
      : notAvailable(`${show(text)} har ingen sluttdato — perioden har en start, men ingen slutt`);
  }
  return { iso: date };
}

/** "today" arguments: one day (serial or date text); omitted → the given default. */
export function todayArg(v: unknown, name: string, fallback: IsoDate): IsoDate | FunctionError {
  const one = single(v, name);
  if (one instanceof FunctionError) return one;
  if (isBlank(one)) return fallback;
  if (typeof one === "string") {
    const parsed = parseDeadline(one.trim());
    if (parsed.ok && (parsed.deadline.start === null || parsed.deadline.start !== parsed.deadline.due)) {
      const { start, due } = parsed.deadline;
      const span = `${start ? formatNorwegianDate(start) : "ingen start"}–${due ? formatNorwegianDate(due) : "ingen slutt"}`;
      return valueError(`Argumentet ${name} må være én dag, ikke en periode: ${show(one)} (${span})`);
    }
  }
  const d = dateArg(one, name, "due", undefined, "Dagens dato");
  if (d instanceof FunctionError) return d;
  if ("blank" in d) return fallback;
  return d.iso;
}
