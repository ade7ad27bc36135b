/**
 * A1-address helpers shared by the adapter and the fake host. Office addresses come as
 * "Ark1!B3:C5", "'Plan 2026'!A1" or comma-separated lists of those; sheet names may
 * contain commas and "!" inside quotes, so splitting must respect quoting.
 */
import { type Area, areaA1, columnIndex } from "../core/grid";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** The part after the sheet prefix: "'A!b'!C3" → "C3". */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return (i >= 0 ? address.slice(i + 1) : address).trim();
}

/** The sheet name of a qualified address, unquoted, or undefined when there is none. */
export function sheetOf(address: string): string | undefined {
  const i = address.lastIndexOf("!");
  if (i < 0) return undefined;
  const raw = address.slice(0, i).trim();
  if (raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2)
    return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/** Split "A1, 'x,y'!B2,C3" on the commas that are not inside a quoted sheet name. */
export function splitList(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function cellOf(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return null;
  return { row, col };
}

/** "B3", "B3:C5", "B:C" (whole columns), "3:5" (whole rows), with or without sheet and "$". */
export function parseRef(address: string): Area | null {
  const bare = stripSheet(address);
  if (!bare) return null;
  const [a, b, extra] = bare.split(":");
  if (extra !== undefined) return null;
  const to = b ?? a;
  const ca = cellOf(a);
  const cb = cellOf(to);
  if (ca && cb) {
    return {
      top: Math.min(ca.row, cb.row),
      left: Math.min(ca.col, cb.col),
      bottom: Math.max(ca.row, cb.row),
      right: Math.max(ca.col, cb.col),
    };
  }
  if (b === undefined) return null;
  const cola = COL.exec(a);
  const colb = COL.exec(to);
  if (cola && colb) {
    const l = columnIndex(cola[1]);
    const r = columnIndex(colb[1]);
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(to);
  if (rowa && rowb) {
    const t = Number(rowa[1]) - 1;
    const u = Number(rowb[1]) - 1;
    if (t < 0 || u < 0 || t >= MAX_ROWS || u >= MAX_ROWS) return null;
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: MAX_COLS - 1 };
  }
  return null;
}

/** Quote a sheet name the way Excel does in addresses. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, area: Area): string {
  return `${quoteSheet(sheet)}!${areaA1(area)}`;
}

/** Every area in an address list such as "Ark1!A1:B2, Ark1!D4"; unparseable parts are skipped. */
export function parseAreas(list: string): Area[] {
  const out: Area[] = [];
  for (const part of splitList(list)) {
    const a = parseRef(part);
    if (a) out.push(a);
  }
  return out;
}

/**
 * Cells → areas: vertical runs of consecutive rows in one column become "E3:E9",
 * which keeps address lists short (the Office address limit is about 8 000 characters).
 */
export function compressCells(cells: readonly { row: number; col: number }[]): Area[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const list = byCol.get(c.col);
    if (list) list.push(c.row);
    else byCol.set(c.col, [c.row]);
  }
  const out: Area[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byCol.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push({ top: start, bottom: prev, left: col, right: col });
      start = r;
      prev = r;
    }
  }
  return out;
}

/** Join A1 references with "," into lists no longer than maxChars each. */
export function chunkRefs(refs: readonly string[], maxChars: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const ref of refs) {
    if (cur && cur.length + 1 + ref.length > maxChars) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${ref}` : ref;
  }
  if (cur) out.push(cur);
  return out;
}

/** 1-based row numbers covered by an address ("B3:C5" → [3,4,5]); null for whole columns. */
export function rowsOf(address: string, maxRows = 100_000): number[] | null {
  const rows: number[] = [];
  for (const part of splitList(address)) {
    const a = parseRef(part);
    if (!a) continue;
    if (a.top === 0 && a.bottom === MAX_ROWS - 1) return null;
    for (let r = a.top; r <= a.bottom && rows.length < maxRows; r++) rows.push(r + 1);
  }
  return rows;
}
