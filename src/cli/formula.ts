/**
 * A small Excel formula engine for the CLI and tests: fast-formula-parser (MIT) for the grammar
 * and the common built-ins, plus our custom functions (FUNCTIONS, keyed by their dotted Excel
 * names — the parser's function token accepts dots, so "RST.BALANCE(" needs no aliasing).
 */
import FormulaParser, { FormulaError, type FunctionArg } from "fast-formula-parser";
import type { CellValue, GridWorkbook } from "../core/grid";
import { a1 } from "../core/grid";
import { FUNCTIONS } from "../functions/impl";
import { ERROR_TEXT_NB, prepareFormula, type FormulaResult, type FormulaValue } from "./formula-lite";
import type { FormulaLocale } from "./formula-syntax";

export { CUSTOM_ARITY, type FormulaResult, type FormulaValue } from "./formula-lite";

/** A range may hold at most this many cells (whole columns are cut to the used area first). */
export const MAX_RANGE_CELLS = 1_000_000;

export interface EvaluateOptions {
  /** Value of a cell: sheet name, 0-based row and column. Unknown → null (empty). */
  cells?: (sheet: string, row: number, col: number) => unknown;
  /** Used size of a sheet, so whole-column ranges (A:A) stay small. */
  size?: (sheet: string) => { rows: number; cols: number } | undefined;
  /** Sheet the formula lives on (unqualified references point here). */
  sheet?: string;
  /** 0-based position of the formula's cell (for ROW(), COLUMN()). */
  row?: number;
  col?: number;
  /** How the text is written: "auto" (default) tells Norwegian from English by the separator. */
  locale?: FormulaLocale | "auto";
}

interface FunctionErrorLike {
  code: string;
  message: string;
}
function isFunctionErrorLike(x: unknown): x is FunctionErrorLike {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as FunctionErrorLike).code === "string" &&
    (x as FunctionErrorLike).code.startsWith("#") &&
    typeof (x as FunctionErrorLike).message === "string"
  );
}

/** Wrap FUNCTIONS for the parser: plain arguments in, FunctionError → FormulaError with its message. */
function customFunctions(): Record<string, (...args: FunctionArg[]) => unknown> {
  const out: Record<string, (...args: FunctionArg[]) => unknown> = {};
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    out[name.toUpperCase()] = (...args: FunctionArg[]) => {
      const plain = args.map((a) => {
        if (a.omitted) return undefined;
        if (a.value instanceof FormulaError) throw a.value; // an error argument propagates, as in Excel
        return a.value;
      });
      // drop trailing omitted arguments, as Excel does for optional parameters
      while (plain.length && plain[plain.length - 1] === undefined) plain.pop();
      let res: unknown;
      try {
        res = fn(...plain);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new FormulaError("#VALUE!", `${name}: intern feil (${why}).`);
      }
      if (isFunctionErrorLike(res)) throw new FormulaError(res.code, res.message);
      if (res === null || res === undefined) return "";
      return res;
    };
  }
  return out;
}

let customCache: Record<string, (...args: FunctionArg[]) => unknown> | undefined;

type ReadCell = (sheet: string, row: number, col: number) => unknown;
type SheetSize = (sheet: string) => { rows: number; cols: number } | undefined;

/**
 * Building a parser costs tens of milliseconds (grammar self-analysis), parsing a formula well
 * under one, so parsers are pooled. A slot's callbacks read its current fields; a formula that
 * evaluates another formula while it runs (evaluateWorkbookFormulas) takes a second slot.
 */
interface Slot {
  parser: FormulaParser;
  read: ReadCell;
  size?: SheetSize;
  home: string;
  busy: boolean;
  /** Set when onRange refused a range (the result is then an input error). */
  refused: boolean;
}
const pool: Slot[] = [];

function newSlot(): Slot {
  customCache ??= customFunctions();
  const slot = { read: () => null, home: "Ark1", busy: false, refused: false } as unknown as Slot;
  slot.parser = new FormulaParser({
    functions: customCache,
    onCell: (ref) => normaliseCell(slot.read(ref.sheet ?? slot.home, ref.row - 1, ref.col - 1)),
    onRange: (ref) => {
      const sheet = ref.sheet ?? slot.home;
      const size = slot.size?.(sheet);
      const bottom = size ? Math.min(ref.to.row, Math.max(size.rows, ref.from.row)) : ref.to.row;
      const right = size ? Math.min(ref.to.col, Math.max(size.cols, ref.from.col)) : ref.to.col;
      const cells = (bottom - ref.from.row + 1) * (right - ref.from.col + 1);
      if (cells > MAX_RANGE_CELLS) {
        slot.refused = true;
        throw new FormulaError(
          "#REF!",
          `Området ${a1(ref.from.row - 1, ref.from.col - 1)}:${a1(bottom - 1, right - 1)} har ${cells.toLocaleString("nb-NO")} celler; grensen er ${MAX_RANGE_CELLS.toLocaleString("nb-NO")}. Bruk et mindre område.`,
        );
      }
      const rows: unknown[][] = [];
      for (let r = ref.from.row; r <= bottom; r++) {
        const row: unknown[] = [];
        for (let c = ref.from.col; c <= right; c++) row.push(normaliseCell(slot.read(sheet, r - 1, c - 1)));
        rows.push(row);
      }
      return rows;
    },
  });
  return slot;
}

/** Parse with a pooled parser; never throws (failures become results). */
function run(
  formula: string,
  text: string,
  position: { sheet: string; row: number; col: number },
  read: ReadCell,
  size?: SheetSize,
): FormulaResult {
  let slot = pool.find((s) => !s.busy);
  if (!slot) {
    slot = newSlot();
    pool.push(slot);
  }
  slot.busy = true;
  slot.read = read;
  slot.size = size;
  slot.home = position.sheet;
  slot.refused = false;
  try {
    const res = toResult(slot.parser.parse(text, position, true));
    return slot.refused && "error" in res ? { ...res, input: true } : res;
  } catch (err) {
    const res = parseFailure(err, formula);
    return slot.refused && "error" in res ? { ...res, input: true } : res;
  } finally {
    slot.busy = false;
  }
}

/** Error texts in cells ("#DIV/0!") become FormulaErrors so they propagate. */
function normaliseCell(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "string" && v.startsWith("#") && v in ERROR_TEXT_NB) return new FormulaError(v);
  return v;
}

function toResult(raw: unknown): FormulaResult {
  if (raw instanceof FormulaError) {
    const code = raw.error;
    return { error: code, message: raw.message || ERROR_TEXT_NB[code] || code };
  }
  if (Array.isArray(raw)) {
    const rows = raw.map((r) => (Array.isArray(r) ? r : [r]).map(scalarOut));
    const firstErr = rows.flat().find((v) => v instanceof FormulaError);
    if (firstErr instanceof FormulaError) return toResult(firstErr);
    return { value: rows as FormulaValue[][] };
  }
  const v = scalarOut(raw);
  if (v instanceof FormulaError) return toResult(v);
  return { value: v as FormulaValue };
}

function scalarOut(v: unknown): unknown {
  if (v instanceof FormulaError) return v;
  if (v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v;
  return String(v);
}

function parseFailure(err: unknown, formula: string): FormulaResult {
  if (err instanceof FormulaError) {
    const msg = err.message || "";
    const notImpl = /Function (\S+) is not implemented/.exec(msg);
    if (notImpl) return { error: "#NAME?", message: `Ukjent funksjon ${notImpl[1]}.` };
    if (err.error !== "#ERROR!") return toResult(err);
    const details = err.details as { name?: string; message?: string } | undefined;
    if (details && details.name && !/Exception$/.test(details.name)) {
      return { error: "#VALUE!", message: `Formelen feilet: ${details.message ?? details.name}` };
    }
    const where = /Error at position (\d+):(\d+)/.exec(msg);
    const pos = where ? ` (tegn ${where[2]})` : "";
    return {
      error: "#ERROR!",
      message: `Formelen «${formula}» kan ikke tolkes${pos}. Sjekk parenteser, skilletegn (; eller ,) og anførselstegn.`,
    };
  }
  return {
    error: "#VALUE!",
    message: `Formelen feilet: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/**
 * Excel's argument separator in Norwegian is ";", and array rows are also separated by ";".
 * The parser wants "," between arguments, so ";" outside braces and strings becomes ",".
 */
export function normaliseSeparators(formula: string): string {
  let out = "";
  let depth = 0;
  let inStr = false;
  let inSheet = false;
  for (const ch of formula) {
    if (inStr) {
      out += ch;
      if (ch === '"') inStr = false;
      continue;
    }
    if (inSheet) {
      out += ch;
      if (ch === "'") inSheet = false;
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === "'") inSheet = true;
    else if (ch === "{") depth++;
    else if (ch === "}") depth--;
    out += ch === ";" && depth === 0 ? "," : ch;
  }
  return out;
}

/**
 * Evaluate one formula ("=" optional): Norwegian (";" between arguments, "," decimal comma) or
 * English ("," between arguments, "." decimal point), see formula-syntax.ts. Cell references
 * only when `opts.cells` is given. Never throws.
 */
export function evaluateFormula(formula: string, opts: EvaluateOptions = {}): FormulaResult {
  const prepared = prepareFormula(formula, opts.locale ?? "auto", opts.cells !== undefined);
  if ("error" in prepared) return prepared;
  const position = { sheet: opts.sheet ?? "Ark1", row: (opts.row ?? 0) + 1, col: (opts.col ?? 0) + 1 };
  return run(formula, prepared.text, position, opts.cells ?? (() => null), opts.size);
}

export interface EvaluatedCell {
  sheet: string;
  address: string;
  row: number; // 0-based
  col: number; // 0-based
  formula: string;
  /** The value stored in the file (the cached result). */
  cached: CellValue;
  result: FormulaResult;
}

/**
 * Re-evaluate every formula cell of a workbook. A formula that refers to another formula cell
 * evaluates that one first (memoised); a reference cycle gives #REF! with a Norwegian message.
 */
export function evaluateWorkbookFormulas(wb: GridWorkbook): EvaluatedCell[] {
  const bySheet = new Map(wb.sheets.map((g) => [g.sheet.toLowerCase(), g]));
  const done = new Map<string, FormulaResult>();
  const active = new Set<string>();
  const key = (sheet: string, row: number, col: number) => `${sheet.toLowerCase()}!${row}:${col}`;

  const size = (sheet: string) => {
    const g = bySheet.get(sheet.toLowerCase());
    return g ? { rows: g.rows.length, cols: g.rows[0]?.length ?? 0 } : undefined;
  };

  const cellValue = (sheet: string, row: number, col: number): unknown => {
    const g = bySheet.get(sheet.toLowerCase());
    if (!g) return new FormulaError("#REF!", `Arket «${sheet}» finnes ikke.`);
    const cell = g.rows[row]?.[col];
    if (!cell) return null;
    if (!cell.formula) return cell.value;
    const res = evalCell(g.sheet, row, col, cell.formula);
    if ("error" in res) return new FormulaError(res.error, res.message);
    const v = res.value;
    return Array.isArray(v) ? (v[0]?.[0] ?? null) : v; // a spilled array: its top-left value
  };

  const evalCell = (sheet: string, row: number, col: number, formula: string): FormulaResult => {
    const k = key(sheet, row, col);
    const hit = done.get(k);
    if (hit) return hit;
    if (active.has(k)) {
      return {
        error: "#REF!",
        message: `Sirkulær referanse: ${sheet}!${a1(row, col)} avhenger av seg selv.`,
      };
    }
    active.add(k);
    // Formulas stored in a file are in English syntax ("," between arguments, "." decimals).
    const prepared = prepareFormula(formula, "en", true);
    const res =
      "error" in prepared
        ? prepared
        : run(formula, prepared.text, { sheet, row: row + 1, col: col + 1 }, cellValue, size);
    active.delete(k);
    done.set(k, res);
    return res;
  };

  const out: EvaluatedCell[] = [];
  for (const g of wb.sheets) {
    g.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (!cell.formula) return;
        out.push({
          sheet: g.sheet,
          address: a1(r, c),
          row: r,
          col: c,
          formula: cell.formula,
          cached: cell.value,
          result: evalCell(g.sheet, r, c, cell.formula),
        });
      }),
    );
  }
  return out;
}
