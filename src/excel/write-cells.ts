/**
 * Write a described sheet (src/core/cost-model/template.ts: cells with value or formula, role and
 * number format, plus column widths and merges) into the open workbook as a NEW sheet.
 *
 * - Never overwrites: when a sheet with the name exists, the next free "Name (2)", "Name (3)", …
 *   is used, so the user's data is never replaced. Ask the user first with sheetNameTaken().
 * - Two context.sync() calls whatever the number of cells: one to read the sheet names, one to
 *   add the sheet and apply values, formulas, number formats, styles, widths and merges.
 * - Formulas are written as formulas; text is written as text: text cells get the text format
 *   "@" before their value, so a label such as "=1+1" or "+47 …" stays text.
 */
import { parseA1 } from "../core/grid";
import {
  ROLE_STYLE,
  widthToPoints,
  type CellRole,
  type CellStyle,
  type TemplateCell,
} from "../core/cost-model/template";

export interface WriteCellsOptions {
  /** Column letter → width in characters (converted to points for Office.js). */
  columnWidths?: Record<string, number>;
  /** A1 ranges to merge ("A1:G1"). */
  merges?: string[];
  /** Style per role; ROLE_STYLE by default. */
  styles?: Record<CellRole, CellStyle>;
  /** Show the new sheet (default true). */
  activate?: boolean;
}

export interface WriteCellsResult {
  /** The name the sheet got: sheetName, or "sheetName (2)" when that was taken. */
  sheet: string;
  renamed: boolean;
  cells: number;
}

const MAX_NAME = 31;
/** Stay well below Office's limit on the address string given to getRanges (~8 200 characters). */
const ADDRESS_CHUNK = 2000;

/** The first of name, "name (2)", "name (3)", … not among `existing` (Excel compares names case-insensitively). */
export function freeSheetName(existing: string[], name: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = name.slice(0, MAX_NAME);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Whether a sheet with this name exists (one sync); the pane asks before writing a copy. */
export async function sheetNameTaken(
  ctx: Excel.RequestContext,
  name: string,
): Promise<{ taken: boolean; freeName: string }> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);
  const freeName = freeSheetName(names, name);
  return { taken: freeName !== name.slice(0, MAX_NAME), freeName };
}

const styleKey = (s: CellStyle) =>
  JSON.stringify([s.bold ?? null, s.fill ?? null, s.fontSize ?? null, s.wrap ?? null]);

function chunks(addresses: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + a.length + 1 > ADDRESS_CHUNK) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

export async function writeCells(
  ctx: Excel.RequestContext,
  sheetName: string,
  cells: TemplateCell[],
  opts: WriteCellsOptions = {},
): Promise<WriteCellsResult> {
  // Sync 1: which names are taken.
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const name = freeSheetName(
    sheets.items.map((s) => s.name),
    sheetName,
  );
  const ws = sheets.add(name);

  if (cells.length > 0) {
    const placed = cells.map((c) => ({ c, at: parseA1(c.address) }));
    const top = Math.min(...placed.map((p) => p.at.row));
    const left = Math.min(...placed.map((p) => p.at.col));
    const bottom = Math.max(...placed.map((p) => p.at.row));
    const right = Math.max(...placed.map((p) => p.at.col));
    const h = bottom - top + 1;
    const w = right - left + 1;
    const formats: string[][] = Array.from({ length: h }, () => new Array<string>(w).fill("General"));
    const contents: (string | number | null)[][] = Array.from({ length: h }, () =>
      new Array<string | number | null>(w).fill(null),
    );
    for (const { c, at } of placed) {
      const r = at.row - top;
      const k = at.col - left;
      if (c.formula !== undefined) {
        contents[r][k] = c.formula;
        formats[r][k] = c.numberFormat ?? "General";
      } else if (typeof c.value === "string") {
        contents[r][k] = c.value;
        formats[r][k] = "@";
      } else {
        contents[r][k] = c.value ?? null;
        formats[r][k] = c.numberFormat ?? "General";
      }
    }
    const block = ws.getRangeByIndexes(top, left, h, w);
    block.numberFormat = formats; // before the contents, so text cells take "@" first
    block.formulas = contents;

    // One call per distinct style, over all cells of that style.
    const styles = opts.styles ?? ROLE_STYLE;
    const groups = new Map<string, { style: CellStyle; addresses: string[] }>();
    for (const c of cells) {
      const style = styles[c.role];
      if (!style || Object.keys(style).length === 0) continue;
      const key = styleKey(style);
      const g = groups.get(key) ?? { style, addresses: [] };
      g.addresses.push(c.address);
      groups.set(key, g);
    }
    for (const { style, addresses } of groups.values()) {
      for (const list of chunks(addresses)) {
        const fmt = ws.getRanges(list).format;
        if (style.fill) fmt.fill.color = style.fill;
        if (style.bold !== undefined) fmt.font.bold = style.bold;
        if (style.fontSize) fmt.font.size = style.fontSize;
        if (style.wrap !== undefined) fmt.wrapText = style.wrap;
      }
    }
  }

  for (const [col, chars] of Object.entries(opts.columnWidths ?? {})) {
    ws.getRange(`${col}:${col}`).format.columnWidth = widthToPoints(chars);
  }
  for (const area of opts.merges ?? []) {
    const range = ws.getRange(area) as Excel.Range & { merge?: (across?: boolean) => void };
    // The test host (src/excel/fake) may not implement merge(); Excel always does.
    if (typeof range.merge === "function") range.merge(false);
  }
  if (opts.activate !== false) ws.activate();
  // Sync 2: everything above in one round trip.
  await ctx.sync();
  return { sheet: name, renamed: name !== sheetName, cells: cells.length };
}
