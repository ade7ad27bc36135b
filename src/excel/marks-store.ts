/**
 * Bookkeeping for marks: each marked cell's original fill and note, kept in a very hidden
 * sheet so "Fjern markeringer" restores them exactly, also after the workbook was closed
 * and reopened. A very hidden sheet (not document settings) because it is saved with the
 * workbook's cells — no saveAsync to race against — and users can't unhide it by accident.
 *
 * Layout: JSON split into chunks of 30 000 characters in A1, A2, …, each written as text
 * (number format "@") and prefixed with "#" so that no chunk can start with "=", "+", "-"
 * or "'" and be taken as a formula, a number or a quote prefix.
 */
// zod/mini: tree-shakeable, so the task pane bundle stays small.
import * as z from "zod/mini";
import { a1 } from "../core/grid";
import type { Severity } from "../core/problems";
import { parseRef } from "./a1";

export const MARK_SHEET = "RST_Markeringer";
const CHUNK = 30_000;
const PREFIX = "#";

/** "#FFC7CE" as Office reports fills, or a colour name; anything else would fail the restore batch. */
const ColorSchema = z.string().check(z.regex(/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/));

/** Fill as Office reports it; null = no fill (restored with fill.clear()). */
const FillSchema = z.nullable(
  z.object({
    color: ColorSchema,
    /** An Excel.FillPattern name ("Gray25"). */
    pattern: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]+$/))),
    patternColor: z.optional(ColorSchema),
  }),
);
export type FillSnapshot = z.infer<typeof FillSchema>;

/** One cell inside Excel's grid, written the way a1() writes it: notes are restored at this address. */
const CellSchema = z.string().check(
  z.refine((s: string) => {
    const area = parseRef(s);
    return area !== null && a1(area.top, area.left) === s;
  }),
);

/** The bookkeeping as stored; it lives in the workbook, so a user or another tool may have changed it. */
const StoredSchema = z.object({
  v: z.literal(1),
  /**
   * 1 while a marking that needs several requests is under way: the records are then the union of
   * the marking before and the one being written, so every marked cell has its original stored
   * whichever request was the last to arrive. recoverMarks() undoes such a half-done batch.
   */
  p: z.optional(z.literal(1)),
  r: z.array(
    z.tuple([
      z.string().check(z.minLength(1), z.maxLength(31)), // sheet name
      CellSchema,
      z.literal(["e", "w", "i"]), // severity
      FillSchema,
      z.nullable(z.string()), // the user's note
      z.literal([0, 1]), // noted
    ]),
  ),
});
type Stored = z.infer<typeof StoredSchema>;

/**
 * Version 2: the sheet names once ("s"), records point into that list — about half the size of
 * version 1 (which repeated the name in every record), so a 50 000-row plan's bookkeeping fits
 * in one request beside the rest of a live check. Version 1 is still read.
 */
type StoredV2 = {
  v: 2;
  p?: 1;
  s: string[];
  /** [index into s, cell, severity, fill, the user's note, noted] — checked by parseV2. */
  r: (readonly [number, string, SeverityCode, FillSnapshot, string | null, 0 | 1])[];
};
type SeverityCode = Stored["r"][number][2];

export interface MarkRecord {
  sheet: string;
  /** "E12" */
  cell: string;
  severity: Severity;
  /** The fill before the first marking. */
  fill: FillSnapshot;
  /** The note before the first marking (null = none). */
  note: string | null;
  /** Whether we wrote a note on the cell (so restoring must touch notes). */
  noted: boolean;
}

const SEV: Record<Severity, SeverityCode> = { error: "e", warning: "w", info: "i" };
const SEV_BACK: Record<SeverityCode, Severity> = { e: "error", w: "warning", i: "info" };

export function serializeMarks(records: readonly MarkRecord[], opts?: { pending?: boolean }): string[] {
  const sheets: string[] = [];
  const index = new Map<string, number>();
  const at = (sheet: string) => {
    let i = index.get(sheet);
    if (i === undefined) {
      i = sheets.length;
      sheets.push(sheet);
      index.set(sheet, i);
    }
    return i;
  };
  const r = records.map(
    (m) => [at(m.sheet), m.cell, SEV[m.severity], m.fill, m.note, m.noted ? 1 : 0] as const,
  );
  const stored: StoredV2 = {
    v: 2,
    ...(opts?.pending ? { p: 1 as const } : {}),
    s: sheets,
    r,
  };
  const json = JSON.stringify(stored);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) out.push(PREFIX + json.slice(i, i + CHUNK));
  return out;
}

/** Parse the sheet's A-column values; null when they are not our bookkeeping or not all valid. */
export function parseMarks(values: readonly (readonly unknown[])[]): MarkRecord[] | null {
  return parseMarkBook(values)?.records ?? null;
}

/** The bookkeeping with its pending flag (see StoredSchema.p); null when not valid. */
export function parseMarkBook(
  values: readonly (readonly unknown[])[],
): { records: MarkRecord[]; pending: boolean } | null {
  let json = "";
  for (const row of values) {
    const v = row[0];
    if (v === "" || v === null || v === undefined) continue;
    if (typeof v !== "string" || !v.startsWith(PREFIX)) return null;
    json += v.slice(PREFIX.length);
  }
  if (!json) return { records: [], pending: false };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const v2 = parseV2(raw);
  if (v2) return v2;
  if ((raw as { v?: unknown } | null)?.v === 2) return null;
  const stored = StoredSchema.safeParse(raw);
  if (!stored.success) return null;
  const records = stored.data.r.map(([sheet, cell, sev, fill, note, noted]) => ({
    sheet,
    cell,
    severity: SEV_BACK[sev],
    fill,
    note,
    noted: noted === 1,
  }));
  return { records, pending: stored.data.p === 1 };
}

const CELL_RE = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** A cell as a1() writes it, inside Excel's grid (A1 … XFD1048576). Hand-written: runs per record. */
function isCell(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = CELL_RE.exec(s);
  if (!m) return false;
  const letters = m[1];
  if (letters.length === 3 && letters > "XFD") return false;
  return Number(m[2]) <= 1_048_576;
}

const FILL_KEYS = new Set(["color", "pattern", "patternColor"]);
const COLOR_RE = /^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/;
const PATTERN_RE = /^[A-Za-z0-9]+$/;

function isFill(f: unknown): f is FillSnapshot {
  if (f === null) return true;
  if (typeof f !== "object" || Array.isArray(f)) return false;
  const o = f as Record<string, unknown>;
  if (Object.keys(o).some((k) => !FILL_KEYS.has(k))) return false;
  if (typeof o.color !== "string" || !COLOR_RE.test(o.color)) return false;
  if (o.pattern !== undefined && (typeof o.pattern !== "string" || !PATTERN_RE.test(o.pattern))) return false;
  if (o.patternColor !== undefined && (typeof o.patternColor !== "string" || !COLOR_RE.test(o.patternColor)))
    return false;
  return true;
}

/**
 * Version 2, checked by hand (a zod schema took close to a second for 30 000 records, on every
 * live check): the same rules as version 1 (StoredSchema) with a sheet index.
 */
function parseV2(raw: unknown): { records: MarkRecord[]; pending: boolean } | null {
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  if (o.v !== 2 || (o.p !== undefined && o.p !== 1)) return null;
  const s = o.s;
  const r = o.r;
  if (!Array.isArray(s) || !Array.isArray(r)) return null;
  if (!s.every((n) => typeof n === "string" && n.length >= 1 && n.length <= 31)) return null;
  const records: MarkRecord[] = [];
  for (const rec of r) {
    if (!Array.isArray(rec) || rec.length !== 6) return null;
    const [i, cell, sev, fill, note, noted] = rec as unknown[];
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= s.length) return null;
    if (!isCell(cell)) return null;
    if (sev !== "e" && sev !== "w" && sev !== "i") return null;
    if (!isFill(fill)) return null;
    if (note !== null && typeof note !== "string") return null;
    if (noted !== 0 && noted !== 1) return null;
    records.push({ sheet: s[i] as string, cell, severity: SEV_BACK[sev], fill, note, noted: noted === 1 });
  }
  return { records, pending: o.p === 1 };
}

export function markKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;
}
