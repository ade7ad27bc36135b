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

export function serializeMarks(records: readonly MarkRecord[]): string[] {
  const stored: Stored = {
    v: 1,
    r: records.map((m) => [m.sheet, m.cell, SEV[m.severity], m.fill, m.note, m.noted ? 1 : 0]),
  };
  const json = JSON.stringify(stored);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) out.push(PREFIX + json.slice(i, i + CHUNK));
  return out;
}

/** Parse the sheet's A-column values; null when they are not our bookkeeping or not all valid. */
export function parseMarks(values: readonly (readonly unknown[])[]): MarkRecord[] | null {
  let json = "";
  for (const row of values) {
    const v = row[0];
    if (v === "" || v === null || v === undefined) continue;
    if (typeof v !== "string" || !v.startsWith(PREFIX)) return null;
    json += v.slice(PREFIX.length);
  }
  if (!json) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const stored = StoredSchema.safeParse(raw);
  if (!stored.success) return null;
  return stored.data.r.map(([sheet, cell, sev, fill, note, noted]) => ({
    sheet,
    cell,
    severity: SEV_BACK[sev],
    fill,
    note,
    noted: noted === 1,
  }));
}

export function markKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;
}
