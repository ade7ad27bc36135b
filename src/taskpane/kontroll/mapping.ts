/** Pure helpers for the column-mapping dialog. */
import { cellText, colCount, columnLetters, type Grid } from "../../core/grid";
import type { PlanColumnKey } from "../../core/plan";
import { headerKey } from "../../core/plan/headers";

export interface MappingField {
  key: PlanColumnKey;
  label: string;
  required: boolean;
}

/** In the order the plan's columns normally appear. */
export const MAPPING_FIELDS: MappingField[] = [
  { key: "nr", label: "Nr", required: true },
  { key: "area", label: "Satsningsområde", required: false },
  { key: "tiltak", label: "Tiltak", required: true },
  { key: "maal", label: "Mål (gjennomføres)", required: false },
  { key: "frist", label: "Frist", required: true },
  { key: "okonomi", label: "Økonomi", required: false },
  { key: "ansvar", label: "Ansvar", required: false },
];

export interface SheetColumn {
  letters: string;
  /** "C – Tiltak 2026", or just the letters when the column has no text near the top. */
  label: string;
}

/**
 * The sheet's columns labelled with their text in the likeliest header row (the top row with
 * the most filled cells — a title row spans one cell), else the first text near the top,
 * so the user can recognise them. Text is shortened to keep the dropdown narrow.
 */
export function sheetColumns(grid: Grid, scanRows = 8, maxLength = 32): SheetColumn[] {
  const rows = Math.min(scanRows, grid.rows.length);
  const text = (r: number, c: number) => cellText(grid.rows[r][c]).replace(/\s+/g, " ");
  const headerRow = fullestRow(grid, rows);
  const out: SheetColumn[] = [];
  for (let c = 0; c < colCount(grid); c++) {
    let label = headerRow >= 0 ? text(headerRow, c) : "";
    for (let r = 0; r < rows && label === ""; r++) label = text(r, c);
    if (label.length > maxLength) label = `${label.slice(0, maxLength - 1).trimEnd()}…`;
    const letters = columnLetters(c);
    out.push({ letters, label: label ? `${letters} – ${label}` : letters });
  }
  return out;
}

/** The top row with the most filled cells (-1 when all are empty); ties go to the first. */
function fullestRow(grid: Grid, rows: number): number {
  let headerRow = -1;
  let best = 0;
  for (let r = 0; r < rows; r++) {
    const filled = grid.rows[r].filter((cell) => cellText(cell) !== "").length;
    if (filled > best) [best, headerRow] = [filled, r];
  }
  return headerRow;
}

/**
 * A starting point for the dialog: the columns whose header text core recognises, read from
 * the likeliest header row. The user then only picks what is left.
 */
export function guessMapping(grid: Grid, scanRows = 8): Partial<Record<PlanColumnKey, string>> {
  const row = fullestRow(grid, Math.min(scanRows, grid.rows.length));
  const out: Partial<Record<PlanColumnKey, string>> = {};
  if (row < 0) return out;
  grid.rows[row].forEach((cell, c) => {
    const key = headerKey(cellText(cell));
    if (key && !out[key]) out[key] = columnLetters(c);
  });
  return out;
}

/** Required fields that have no column yet (names in Norwegian, for the dialog's message). */
export function missingRequired(mapping: Partial<Record<PlanColumnKey, string>>): string[] {
  return MAPPING_FIELDS.filter((f) => f.required && !mapping[f.key]).map((f) => f.label);
}

/** Letters chosen for more than one field — the dialog refuses those. */
export function duplicateColumns(mapping: Partial<Record<PlanColumnKey, string>>): string[] {
  const seen = new Map<string, number>();
  for (const letters of Object.values(mapping)) if (letters) seen.set(letters, (seen.get(letters) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([letters]) => letters);
}
