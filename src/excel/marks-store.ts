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
import type { Severity } from "../core/problems";

export const MARK_SHEET = "RST_Markeringer";
const CHUNK = 30_000;
const PREFIX = "#";

/** Fill as Office reports it; null = no fill (restored with fill.clear()). */
export type FillSnapshot = { color: string; pattern?: string; patternColor?: string } | null;

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

interface Stored {
  v: 1;
  r: [string, string, string, FillSnapshot, string | null, 0 | 1][];
}

const SEV: Record<Severity, string> = { error: "e", warning: "w", info: "i" };
const SEV_BACK: Record<string, Severity> = { e: "error", w: "warning", i: "info" };

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

/** Parse the sheet's A-column values; null when they are not our bookkeeping. */
export function parseMarks(values: readonly (readonly unknown[])[]): MarkRecord[] | null {
  let json = "";
  for (const row of values) {
    const v = row[0];
    if (v === "" || v === null || v === undefined) continue;
    if (typeof v !== "string" || !v.startsWith(PREFIX)) return null;
    json += v.slice(PREFIX.length);
  }
  if (!json) return [];
  try {
    const stored = JSON.parse(json) as Stored;
    if (stored.v !== 1 || !Array.isArray(stored.r)) return null;
    return stored.r.map(([sheet, cell, sev, fill, note, noted]) => ({
      sheet,
      cell,
      severity: SEV_BACK[sev] ?? "error",
      fill,
      note,
      noted: noted === 1,
    }));
  } catch {
    return null;
  }
}

export function markKey(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;
}
