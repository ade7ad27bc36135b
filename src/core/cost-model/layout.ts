/**
 * A sheet described as named blocks of named rows; the layout computes every address. A row's
 * cells give their column and content; a formula is a function of a resolver that turns row
 * names into addresses after all rows are placed, so inserting a row anywhere moves every
 * reference to the rows below it without any hand-counted row number.
 *
 * Rows: blocks follow each other with `gapAfter` blank rows (default 1); inside a block rows are
 * consecutive. Several rows may share a name (a group, such as the investment prices); `rows()`
 * and `range()` read a group, `row()` and `at()` insist on exactly one row.
 */

export type CellRole = "title" | "label" | "input" | "output" | "note" | "header";

export interface TemplateCell {
  address: string; // "B5"
  /** A constant; an input cell without value or formula is an empty field for the user. */
  value?: string | number;
  /** With its leading "=", English function names and "," between arguments (as Office.js and .xlsx store it). */
  formula?: string;
  role: CellRole;
  numberFormat?: string;
}

/** Row names → addresses, available to formulas once every row has its number. */
export interface Resolver {
  /** The 1-based row of the one row with this name. */
  row(name: string): number;
  /** The 1-based rows of every row with this name, top to bottom. */
  rows(name: string): number[];
  /** "B5": the named row's cell in a column. */
  at(name: string, col: string): string;
  /** "$B$5". */
  abs(name: string, col: string): string;
  /** "B6:B7" over a group's rows (or "B6" for a group of one); the group must be consecutive. */
  range(name: string, col: string, opts?: { absolute?: boolean }): string;
}

/**
 * A constant, an empty field (undefined), or a formula built from the resolver and the cell's own
 * column (starting with "="); `formula()` builds one from a template with named references.
 */
export type Content = string | number | undefined | ((r: Resolver, col: string) => string);

/**
 * A formula from a template whose references are row names in braces, resolved when the sheet
 * is laid out: `{annual}` the row's cell in the formula's own column, `{annual@B}` in column B,
 * `{$annual}` absolute, `{price*}` the whole group as a range, `{price#1}` the group's second row.
 * "=COST.PERUNIT({annual},{missions})" in column C of a row → "=COST.PERUNIT(C23,C14)".
 */
export function formula(template: string): (r: Resolver, col: string) => string {
  return (r, own) => {
    const text = template.replace(
      /\{(\$?)([A-Za-z]\w*)(?:#(\d+))?(?:@([A-Z]+))?(\*?)\}/g,
      (_, dollar: string, name: string, index: string | undefined, at: string | undefined, all: string) => {
        const col = at ?? own;
        const absolute = dollar === "$";
        if (all) return r.range(name, col, { absolute });
        const row = index !== undefined ? r.rows(name)[Number(index)] : r.row(name);
        if (row === undefined) throw new Error(`Layout: «${name}» has no row #${index}`);
        return absolute ? `$${col}$${row}` : `${col}${row}`;
      },
    );
    // Array constants ({1;1}, {"";""}) stay; a brace before a letter is a reference that did not parse.
    if (/\{\$?[A-Za-z]/.test(text)) throw new Error(`Layout: a reference that did not parse in ${template}`);
    return text;
  };
}

export interface CellSpec {
  col: string;
  role: CellRole;
  content?: Content;
  format?: string;
}

export interface RowSpec {
  /** The name formulas and refs use for this row; shared by the rows of a group. */
  name?: string;
  cells: CellSpec[];
  /** Merge the row's first column through the sheet's last column. */
  merge?: boolean;
}

export interface BlockSpec {
  name: string;
  rows: RowSpec[];
  /** Blank rows after the block (default 1). */
  gapAfter?: number;
}

export interface SheetLayout {
  /** First and last column of merged rows ("A", "G"). */
  firstColumn: string;
  lastColumn: string;
  blocks: BlockSpec[];
}

export interface PlacedSheet {
  cells: TemplateCell[];
  merges: string[];
  resolve: Resolver;
  /** 1-based first row of each block. */
  blockRows: Record<string, number>;
}

/** Place every block and row, then build the cells (formulas see the finished resolver). */
export function placeLayout(layout: SheetLayout): PlacedSheet {
  const rowsByName = new Map<string, number[]>();
  const placed: { row: number; spec: RowSpec }[] = [];
  const blockRows: Record<string, number> = {};
  let row = 1;
  for (const block of layout.blocks) {
    if (Object.prototype.hasOwnProperty.call(blockRows, block.name))
      throw new Error(`Layout: block «${block.name}» twice`);
    blockRows[block.name] = row;
    for (const spec of block.rows) {
      if (spec.name !== undefined) {
        const list = rowsByName.get(spec.name) ?? [];
        list.push(row);
        rowsByName.set(spec.name, list);
      }
      placed.push({ row, spec });
      row++;
    }
    row += block.gapAfter ?? 1;
  }

  const rowsOf = (name: string): number[] => {
    const list = rowsByName.get(name);
    if (!list) throw new Error(`Layout: no row named «${name}»`);
    return list;
  };
  const one = (name: string): number => {
    const list = rowsOf(name);
    if (list.length !== 1) throw new Error(`Layout: «${name}» names ${list.length} rows, not one`);
    return list[0];
  };
  const resolve: Resolver = {
    row: one,
    rows: (name) => [...rowsOf(name)],
    at: (name, col) => `${col}${one(name)}`,
    abs: (name, col) => `$${col}$${one(name)}`,
    range: (name, col, opts) => {
      const list = rowsOf(name);
      const first = list[0];
      const last = list[list.length - 1];
      if (last - first !== list.length - 1) throw new Error(`Layout: the rows «${name}» are not consecutive`);
      const d = opts?.absolute ? "$" : "";
      const cell = (r: number) => `${d}${col}${d}${r}`;
      return list.length === 1 ? cell(first) : `${cell(first)}:${cell(last)}`;
    },
  };

  const cells: TemplateCell[] = [];
  const merges: string[] = [];
  const seen = new Set<string>();
  for (const { row: r, spec } of placed) {
    for (const c of spec.cells) {
      const address = `${c.col}${r}`;
      if (seen.has(address)) throw new Error(`Layout: ${address} twice`);
      seen.add(address);
      const cell: TemplateCell = { address, role: c.role };
      const content = c.content;
      if (typeof content === "function") {
        const text = content(resolve, c.col);
        if (!text.startsWith("=")) throw new Error(`Layout: the formula in ${address} has no "="`);
        cell.formula = text;
      } else if (typeof content === "string" && content.startsWith("=")) {
        throw new Error(`Layout: the text in ${address} would read as a formula`);
      } else if (content !== undefined) cell.value = content;
      if (c.format) cell.numberFormat = c.format;
      cells.push(cell);
    }
    if (spec.merge) merges.push(`${layout.firstColumn}${r}:${layout.lastColumn}${r}`);
  }
  return { cells, merges, resolve, blockRows };
}
