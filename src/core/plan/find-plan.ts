/** Which sheet holds the handlingsplan, and where its header row is. */
import { type Grid, type GridWorkbook, MergeIndex } from "../grid";
import { compactKey } from "../text";
import { applyMapping, bestHeaderCandidate, findHeaderRow, hasRequired, type HeaderInfo } from "./headers";
import type { PlanColumnKey } from "./types";

/** The sheet called `name`: exact name first, then ignoring case, spaces and accents. */
export function sheetByName(wb: GridWorkbook, name: string): Grid | undefined {
  return (
    wb.sheets.find((g) => g.sheet === name) ?? wb.sheets.find((g) => compactKey(g.sheet) === compactKey(name))
  );
}

/** The named sheet, or the first sheet with a header row naming Nr, Tiltak and Frist. */
export function findPlanGrid(wb: GridWorkbook, sheet?: string): Grid | undefined {
  if (sheet) return sheetByName(wb, sheet);
  return wb.sheets.find((g) => findHeaderRow(g, new MergeIndex(g)) !== undefined);
}

export type HeaderLocation =
  { ok: true; header: HeaderInfo } | { ok: false; candidate: HeaderInfo | undefined };

/** The plan's header in this grid, with the user's mapping applied. */
export function locateHeader(
  grid: Grid,
  merges: MergeIndex,
  mapping?: Partial<Record<PlanColumnKey, string>>,
): HeaderLocation {
  const detected = findHeaderRow(grid, merges);
  const hasMapping = mapping && Object.values(mapping).some((v) => v);
  const header = hasMapping
    ? applyMapping(grid, detected, mapping!, merges, detected ? undefined : bestHeaderCandidate(grid, merges))
    : detected;
  if (header && hasRequired(header)) return { ok: true, header };
  return { ok: false, candidate: header ?? bestHeaderCandidate(grid, merges) };
}
