/**
 * Which sheets in a workbook are ours: created by the add-in or the `rst` CLI and unchanged
 * since. Only such a sheet may be overwritten or deleted; any other sheet with the wanted
 * name (the user's register called «Årlig melding 2025», a report the user typed into) is
 * left alone and the new sheet goes beside it («Årlig melding 2025 (2)»).
 *
 * Pure and adapter-neutral: both adapters (Office.js in src/excel, exceljs in src/cli) read
 * and write the same bookkeeping with these functions.
 *
 * Where the mark lives — a very hidden sheet OWNED_SHEET ("RST_Eierskap"), not a defined
 * name or a custom property:
 * - it is saved with the workbook's cells by every tool (exceljs keeps sheets and their
 *   state; worksheet custom properties need ExcelApi 1.12 and exceljs does not write them;
 *   defined names with constant text are length-limited and exceljs only keeps ranges);
 * - users can't unhide a very hidden sheet by accident;
 * - it follows the layout of the marks bookkeeping (src/excel/marks-store.ts).
 *
 * Layout: row 1 column A holds HEADER; every further row holds one entry in column A as
 * "#" + JSON [sheet, fingerprint] (text, prefixed so it can't be taken for a formula or a
 * number). Rows that do not parse are ignored — an entry we can't read means "not ours",
 * which is the safe side (we then write beside instead of over).
 *
 * The fingerprint covers the sheet's cell values (not formats): every non-empty cell with its
 * address, anchored at A1. Typing into, clearing or moving a value changes it; so does a
 * renamed sheet (the entry is keyed by name). Formatting changes alone do not count as the
 * user's data and do not stop an overwrite.
 */
import type { CellValue } from "./grid";

/** The very hidden bookkeeping sheet. Readers should skip it (isBookkeepingSheet). */
export const OWNED_SHEET = "RST_Eierskap";
export const OWNED_HEADER = "RST-verktøy: ark laget av tillegget eller rst (ikke rediger)";
const PREFIX = "#";
/** Excel's limit for sheet names. */
export const MAX_SHEET_NAME = 31;

export interface OwnedEntry {
  /** The sheet's name when we wrote it. */
  sheet: string;
  /** sheetFingerprint() of its values right after we wrote it. */
  fingerprint: string;
}

/** Rows of values; a cell may be undefined (ragged rows). */
export type SheetValues = readonly (readonly (CellValue | undefined)[])[];

/** Where values[0][0] sits in the sheet (0-based), e.g. the used range's top-left in Office.js. */
export interface Origin {
  row: number;
  col: number;
}

export function isBookkeepingSheet(name: string): boolean {
  return sameSheetName(name, OWNED_SHEET);
}

/** Excel sheet names are compared case-insensitively. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("nb") === b.toLocaleLowerCase("nb");
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

function canonical(v: CellValue): string {
  if (typeof v === "number") return `n${Object.is(v, -0) ? 0 : v}`;
  if (typeof v === "boolean") return v ? "bT" : "bF";
  return `s${v}`;
}

/** cyrb53: a fast 53-bit string hash (public domain); collisions do not matter here. */
function hash53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/**
 * The fingerprint of a sheet's values: "v1:<cells>:<hash>". Empty cells ("" or null) do not
 * count, so the used range or a padded block of the same cells give the same fingerprint.
 * Pass `origin` when values[0][0] is not A1.
 */
export function sheetFingerprint(values: SheetValues, origin: Origin = { row: 0, col: 0 }): string {
  const parts: string[] = [];
  let cells = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isEmpty(v)) continue;
      cells++;
      parts.push(`${r + origin.row},${c + origin.col}=${canonical(v as CellValue)}`);
    }
  }
  return `v1:${cells}:${hash53(parts.join("\u0001"))}`;
}

/** Read the bookkeeping sheet's values (column A); invalid rows are skipped. */
export function parseOwnedSheets(values: SheetValues): OwnedEntry[] {
  const out: OwnedEntry[] = [];
  for (const row of values) {
    const v = row[0];
    if (typeof v !== "string" || !v.startsWith(PREFIX)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(v.slice(PREFIX.length));
    } catch {
      continue;
    }
    if (
      Array.isArray(raw) &&
      raw.length === 2 &&
      typeof raw[0] === "string" &&
      raw[0] !== "" &&
      raw[0].length <= MAX_SHEET_NAME &&
      typeof raw[1] === "string" &&
      /^v1:\d+:[0-9a-f]{14}$/.test(raw[1])
    ) {
      out.push({ sheet: raw[0], fingerprint: raw[1] });
    }
  }
  return out;
}

/** The bookkeeping sheet's column A (one value per row): write each as text. */
export function ownedSheetsValues(entries: readonly OwnedEntry[]): string[][] {
  return [[OWNED_HEADER], ...entries.map((e) => [PREFIX + JSON.stringify([e.sheet, e.fingerprint])])];
}

/** Whether `sheet` is one we wrote and its values are as we left them. */
export function isOwnedUnchanged(
  entries: readonly OwnedEntry[],
  sheet: string,
  values: SheetValues,
  origin?: Origin,
): boolean {
  const entry = entries.find((e) => sameSheetName(e.sheet, sheet));
  return entry !== undefined && entry.fingerprint === sheetFingerprint(values, origin);
}

/** Entries after writing `sheet` with `values` (replaces an entry of the same name). */
export function recordOwned(
  entries: readonly OwnedEntry[],
  sheet: string,
  values: SheetValues,
  origin?: Origin,
): OwnedEntry[] {
  return [
    ...entries.filter((e) => !sameSheetName(e.sheet, sheet)),
    { sheet, fingerprint: sheetFingerprint(values, origin) },
  ];
}

/** Entries after deleting `sheet`. */
export function forgetOwned(entries: readonly OwnedEntry[], sheet: string): OwnedEntry[] {
  return entries.filter((e) => !sameSheetName(e.sheet, sheet));
}

/** "Årlig melding 2025 (2)", "(3)", … : the first free name, shortened to fit 31 characters. */
export function besideName(wanted: string, taken: readonly string[]): string {
  const isTaken = (n: string) => taken.some((t) => sameSheetName(t, n));
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!isTaken(name)) return name;
  }
}

export type Placement =
  /** No sheet of that name: create it. */
  | { action: "create"; sheet: string }
  /** Our own sheet, unchanged since we wrote it: replace it. */
  | { action: "replace"; sheet: string }
  /**
   * A sheet of that name that is not ours (or was changed): keep it and write beside it under
   * `sheet` — a new sheet, or (replace) our own unchanged «… (2)» from an earlier run.
   */
  | { action: "beside"; sheet: string; kept: string; reason: "not-ours" | "changed"; replace: boolean };

export interface ExistingSheet {
  name: string;
  /** Its values (anchored at `origin`, A1 when not given); only read for a sheet named like the wanted one. */
  values: () => SheetValues;
  origin?: Origin;
}

/**
 * Where to write a sheet we generate under the name `wanted`: over an existing sheet only when
 * it is ours and unchanged, else beside it. The caller records the written sheet with
 * recordOwned (and forgets a replaced one only after writing).
 */
export function placeSheet(
  wanted: string,
  existing: readonly ExistingSheet[],
  entries: readonly OwnedEntry[],
): Placement {
  const same = existing.find((s) => sameSheetName(s.name, wanted));
  if (!same) return { action: "create", sheet: wanted };
  const ours = (s: ExistingSheet) => {
    const e = entries.find((x) => sameSheetName(x.sheet, s.name));
    return e !== undefined && e.fingerprint === sheetFingerprint(s.values(), s.origin);
  };
  if (ours(same)) return { action: "replace", sheet: same.name };
  const reason = entries.some((e) => sameSheetName(e.sheet, same.name)) ? "changed" : "not-ours";
  // Beside: the first "(n)" that is free, or that is our own unchanged sheet from an earlier run.
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    const taken = existing.find((s) => sameSheetName(s.name, name));
    if (!taken) return { action: "beside", sheet: name, kept: same.name, reason, replace: false };
    if (ours(taken)) return { action: "beside", sheet: taken.name, kept: same.name, reason, replace: true };
  }
}

/** Norwegian sentence for a «beside» placement (for the CLI and the pane). */
export function placementNote(p: Placement): string | null {
  if (p.action !== "beside") return null;
  return p.reason === "changed"
    ? `Arket «${p.kept}» er endret siden det ble laget, så det er beholdt; skrev «${p.sheet}» ved siden av.`
    : `Arket «${p.kept}» er ikke laget av RST-verktøy, så det er beholdt; skrev «${p.sheet}» ved siden av.`;
}
