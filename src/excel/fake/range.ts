/** Range, RangeAreas and their format proxies for the fake host. */
import type { Area } from "../../core/grid";
import { a1 } from "../../core/grid";
import { compressCells, qualified } from "../a1";
import { FakeClientObject, FakeClientResult, FakeContext, FakeOfficeError } from "./context";
import { type CellState, type FakeCellValue, type SheetState, enterValue } from "./host";

export interface RangeTarget {
  sheet: SheetState;
  areas: Area[];
}

const CELL_LIMIT = 5_000_000; // Office's limit for reading a range

function cellCount(areas: Area[]): number {
  return areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
}

const MATERIALIZE_LIMIT = 2_000_000;

function forEachCell(t: RangeTarget, fn: (r: number, c: number) => void): void {
  if (cellCount(t.areas) > MATERIALIZE_LIMIT) {
    throw new FakeOfficeError(
      "GeneralException",
      "The fake host does not format whole rows or columns; use a smaller range.",
    );
  }
  for (const a of t.areas)
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
}

/** Existing cells inside the target (clearing a whole sheet must not visit 17 billion cells). */
function forEachExisting(t: RangeTarget, fn: (cell: CellState) => void): void {
  for (const [k, cell] of t.sheet.cells) {
    const r = Math.floor(k / 16_384);
    const c = k % 16_384;
    if (t.areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right)) fn(cell);
  }
}

function grid<V>(a: Area, fn: (r: number, c: number) => V): V[][] {
  if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > CELL_LIMIT) {
    throw new FakeOfficeError(
      "ResponsePayloadSizeLimitExceeded",
      "The range has more than five million cells.",
    );
  }
  const out: V[][] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const row: V[] = [];
    for (let c = a.left; c <= a.right; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

/** Check a 2D input against the range's size (a single scalar is applied to every cell). */
function shaped<V>(a: Area, input: unknown, what: string): (r: number, c: number) => V {
  if (!Array.isArray(input)) return () => input as V;
  const rows = a.bottom - a.top + 1;
  const cols = a.right - a.left + 1;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array for '${what}' doesn't match the size or dimensions of the range (${rows}×${cols}).`,
    );
  }
  return (r, c) => (input as V[][])[r - a.top][c - a.left];
}

export function normColor(color: string): string {
  const named: Record<string, string> = {
    white: "#FFFFFF",
    black: "#000000",
    red: "#FF0000",
    yellow: "#FFFF00",
    blue: "#0000FF",
    green: "#008000",
  };
  const lower = color.trim().toLowerCase();
  if (named[lower]) return named[lower];
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) throw new FakeOfficeError("InvalidArgument", `Invalid colour '${color}'.`);
  return `#${m[1].toUpperCase()}`;
}

function uniform<V>(t: RangeTarget, fn: (cell: CellState | undefined) => V): V | null {
  let first = true;
  let value: V | null = null;
  let same = true;
  forEachCell(t, (r, c) => {
    if (!same) return;
    const v = fn(t.sheet.cell(r, c));
    if (first) {
      value = v;
      first = false;
    } else if (v !== value) same = false;
  });
  return same ? value : null;
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected readonly scalarProps = ["color", "pattern", "patternColor"] as const;
  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent);
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    if (prop === "color") return uniform(t, (c) => c?.fill?.color ?? "#FFFFFF");
    if (prop === "pattern") return uniform(t, (c) => c?.fill?.pattern ?? "None");
    if (prop === "patternColor") return uniform(t, (c) => c?.fill?.patternColor ?? "#000000");
    throw new FakeOfficeError("InvalidArgument", `RangeFill has no property '${prop}'.`);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    const color = normColor(v);
    this.act((t) => forEachCell(t, (r, c) => (t.sheet.ensure(r, c).fill = { color, pattern: "Solid" })));
  }
  get pattern(): string {
    return this.get("pattern");
  }
  set pattern(p: string) {
    this.act((t) =>
      forEachCell(t, (r, c) => {
        const cell = t.sheet.ensure(r, c);
        if (p === "None") cell.fill = undefined;
        else cell.fill = { ...(cell.fill ?? { color: "#FFFFFF" }), pattern: p };
      }),
    );
  }
  get patternColor(): string {
    return this.get("patternColor");
  }
  set patternColor(v: string) {
    const color = normColor(v);
    this.act((t) =>
      forEachCell(t, (r, c) => {
        const cell = t.sheet.ensure(r, c);
        cell.fill = { ...(cell.fill ?? { color: "#FFFFFF", pattern: "Solid" }), patternColor: color };
      }),
    );
  }
  clear(): void {
    this.act((t) => forEachExisting(t, (cell) => (cell.fill = undefined)));
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  protected readonly scalarProps = ["bold", "size"] as const;
  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent);
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    if (prop === "bold") return uniform(t, (c) => c?.bold ?? false);
    if (prop === "size") return uniform(t, (c) => c?.fontSize ?? 11);
    throw new FakeOfficeError("InvalidArgument", `RangeFont has no property '${prop}'.`);
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(v: boolean) {
    this.act((t) => forEachCell(t, (r, c) => (t.sheet.ensure(r, c).bold = v)));
  }
  get size(): number {
    return this.get("size");
  }
  set size(v: number) {
    this.act((t) => forEachCell(t, (r, c) => (t.sheet.ensure(r, c).fontSize = v)));
  }
  set color(_v: string) {
    this.act(() => undefined);
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  protected readonly scalarProps = ["wrapText", "columnWidth"] as const;
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent);
    const self = () => this.target();
    this.fill = new FakeRangeFill(ctx, self);
    this.font = new FakeRangeFont(ctx, self);
  }
  protected override navigate(prop: string) {
    if (prop === "fill") return this.fill;
    if (prop === "font") return this.font;
    return undefined;
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    if (prop === "wrapText") return uniform(t, (c) => c?.wrap ?? false);
    if (prop === "columnWidth") return t.sheet.columnWidths.get(t.areas[0].left) ?? 48;
    throw new FakeOfficeError("InvalidArgument", `RangeFormat has no property '${prop}'.`);
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(v: boolean) {
    this.act((t) => forEachCell(t, (r, c) => (t.sheet.ensure(r, c).wrap = v)));
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(v: number) {
    this.act((t) => {
      for (const a of t.areas) for (let c = a.left; c <= a.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  set verticalAlignment(_v: string) {
    this.act(() => undefined);
  }
  set horizontalAlignment(_v: string) {
    this.act(() => undefined);
  }
  autofitColumns(): void {
    this.act((t) => (t.sheet.autofitted = true));
  }
  autofitRows(): void {
    this.act(() => undefined);
  }
}

abstract class RangeLike extends FakeClientObject<RangeTarget> {
  private formatProxy?: FakeRangeFormat;
  constructor(ctx: FakeContext, resolve: (() => RangeTarget | null) | { target: RangeTarget }) {
    super(ctx, resolve);
  }
  /** Created on first use: a proxy queues its binding, and items created inside a sync must not leave work queued. */
  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.context, () => this.target());
    return this.formatProxy;
  }
  protected override navigate(prop: string) {
    return prop === "format" ? this.format : undefined;
  }
  protected common(t: RangeTarget, prop: string): unknown {
    if (prop === "address") return t.areas.map((a) => qualified(t.sheet.name, a)).join(",");
    if (prop === "cellCount") return cellCount(t.areas);
    return undefined;
  }
  clear(applyTo: string = "All"): void {
    this.act((t) =>
      forEachExisting(t, (cell) => {
        if (applyTo === "All" || applyTo === "Contents") {
          cell.value = null;
          cell.formula = undefined;
          cell.text = undefined;
        }
        if (applyTo === "All" || applyTo === "Formats") {
          cell.fill = undefined;
          cell.bold = undefined;
          cell.fontSize = undefined;
          cell.wrap = undefined;
          cell.numberFormat = undefined;
        }
      }),
    );
  }
}

export class FakeRange extends RangeLike {
  protected readonly scalarProps = [
    "address",
    "values",
    "text",
    "formulas",
    "numberFormat",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "cellCount",
  ] as const;

  protected readProp(t: RangeTarget, prop: string): unknown {
    const common = this.common(t, prop);
    if (common !== undefined) return common;
    const a = t.areas[0];
    const s = t.sheet;
    switch (prop) {
      case "values":
        return grid(a, (r, c) => s.cell(r, c)?.value ?? "");
      case "text":
        return grid(a, (r, c) => s.display(r, c));
      case "formulas":
        return grid(a, (r, c) => {
          const cell = s.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "numberFormat":
        return grid(a, (r, c) => s.cell(r, c)?.numberFormat ?? "General");
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
    }
    throw new FakeOfficeError("InvalidArgument", `Range has no property '${prop}'.`);
  }

  get address(): string {
    return this.get("address");
  }
  get values(): FakeCellValue[][] {
    return this.get("values");
  }
  set values(v: unknown) {
    this.write(v, "values");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown) {
    this.write(v, "formulas");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.context.request(v);
    this.act((t) => {
      const a = t.areas[0];
      const at = shaped<string>(a, v, "numberFormat");
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) t.sheet.ensure(r, c).numberFormat = at(r, c);
    });
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }

  private write(v: unknown, what: string): void {
    this.context.request(v);
    this.act((t) => {
      const a = t.areas[0];
      const at = shaped<FakeCellValue>(a, v, what);
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const input = at(r, c);
          if (input === null || input === undefined) continue; // null leaves the cell as it is
          if (typeof input === "object")
            throw new FakeOfficeError("InvalidArgument", `Unsupported cell value in '${what}'.`);
          enterValue(t.sheet.ensure(r, c), input);
        }
      }
      this.context.host.changes.push({ sheet: t.sheet, area: a });
    });
  }

  select(): void {
    this.act((t) => {
      if (t.sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "Cannot select a range on a hidden sheet.");
      this.context.host.activeSheet = t.sheet;
      this.context.host.selection = { sheet: t.sheet, area: t.areas[0] };
    });
  }

  getCellProperties(opts: {
    address?: boolean;
    format?: {
      fill?: { color?: boolean; pattern?: boolean; patternColor?: boolean };
      font?: { bold?: boolean };
    };
  }): FakeClientResult<Record<string, unknown>[][]> {
    const result = new FakeClientResult<Record<string, unknown>[][]>();
    this.act((t) => {
      const value = grid(t.areas[0], (r, c) => {
        const cell = t.sheet.cell(r, c);
        const out: Record<string, unknown> = {};
        if (opts.address) out.address = qualified(t.sheet.name, { top: r, left: c, bottom: r, right: c });
        if (opts.format) {
          const format: Record<string, unknown> = {};
          if (opts.format.fill) {
            const fill: Record<string, unknown> = {};
            if (opts.format.fill.color) fill.color = cell?.fill?.color ?? "#FFFFFF";
            if (opts.format.fill.pattern) fill.pattern = cell?.fill?.pattern ?? "None";
            if (opts.format.fill.patternColor) fill.patternColor = cell?.fill?.patternColor ?? "#000000";
            format.fill = fill;
          }
          if (opts.format.font?.bold) format.font = { bold: cell?.bold ?? false };
          out.format = format;
        }
        return out;
      });
      this.context.deliver(() => result.resolve(value), value);
    });
    return result;
  }

  /**
   * Range.getSpecialCellsOrNullObject (ExcelApi 1.9): "the RangeAreas object … that represents
   * all the cells that match the specified type and value. If no special cells are found, then
   * this function will return an object with its isNullObject property set to true."
   * (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getspecialcellsornullobject-member(1)).
   * Modelled: "Formulas" (cells holding a formula) and "Constants" (values without a formula),
   * both for every value type; areas are column runs, like Excel's own (any split of the cells is valid).
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType = "All"): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      if (cellType !== "Formulas" && cellType !== "Constants")
        throw new FakeOfficeError(
          "InvalidArgument",
          `The fake host does not model special cells '${cellType}'.`,
        );
      if (cellValueType !== "All")
        throw new FakeOfficeError("InvalidArgument", `The fake host models only cellValueType "All".`);
      const a = t.areas[0];
      const hits: { row: number; col: number }[] = [];
      for (const [k, cell] of t.sheet.cells) {
        const r = Math.floor(k / 16_384);
        const c = k % 16_384;
        if (r < a.top || r > a.bottom || c < a.left || c > a.right) continue;
        const formula = cell.formula !== undefined;
        if (cellType === "Formulas" ? formula : !formula && cell.value !== null)
          hits.push({ row: r, col: c });
      }
      return hits.length ? { sheet: t.sheet, areas: compressCells(hits) } : null;
    });
  }

  /**
   * Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas intersecting the range.
   * "Note that if the merged areas count in this range is more than 512, then this method will
   * fail to return the result" (@types/office-js, from learn.microsoft.com's Excel.Range page).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      if (this.context.host.apiMinor < 13)
        throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13.");
      const t = this.target();
      if (t === null) return null;
      const a = t.areas[0];
      const hits = t.sheet.merges.filter(
        (m) => m.left <= a.right && m.right >= a.left && m.top <= a.bottom && m.bottom >= a.top,
      );
      if (hits.length > 512)
        throw new FakeOfficeError(
          "GeneralException",
          "There was an internal error while processing the request.",
        );
      return hits.length ? { sheet: t.sheet, areas: hits } : null;
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      const r = t.areas[0].top + row;
      const c = t.areas[0].left + column;
      return { sheet: t.sheet, areas: [{ top: r, left: c, bottom: r, right: c }] };
    });
  }

  /** Test convenience: the A1 address of the first cell, without the sheet. */
  static cellA1(r: number, c: number): string {
    return a1(r, c);
  }
}

export class FakeRangeCollection extends FakeClientObject<RangeTarget> {
  protected readonly scalarProps = ["items"] as const;
  constructor(ctx: FakeContext, parent: () => RangeTarget | null) {
    super(ctx, parent);
  }
  protected readProp(): unknown {
    throw new FakeOfficeError("InvalidArgument", "Load 'items/…' on a range collection.");
  }
  override load(spec?: unknown): this {
    const props =
      typeof spec === "string" ? spec.split(",").map((s) => s.trim().replace(/^items\//, "")) : ["address"];
    this.context.enqueue(() => {
      const t = this.target();
      const areas = t === null ? [] : t.areas;
      const items = areas.map(
        (a) => new FakeRange(this.context, { target: { sheet: t!.sheet, areas: [a] } }),
      );
      items.forEach((it) => it.loadNow(props.filter(Boolean)));
      this.context.deliver(() => this.setLoaded("items", items));
    });
    return this;
  }
  get items(): FakeRange[] {
    return this.get("items");
  }
}

export class FakeRangeAreas extends RangeLike {
  protected readonly scalarProps = ["address", "areaCount", "cellCount"] as const;
  readonly areas: FakeRangeCollection;
  constructor(ctx: FakeContext, resolve: (() => RangeTarget | null) | { target: RangeTarget }) {
    super(ctx, resolve);
    this.areas = new FakeRangeCollection(ctx, () => this.target());
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    const common = this.common(t, prop);
    if (common !== undefined) return common;
    if (prop === "areaCount") return t.areas.length;
    throw new FakeOfficeError("InvalidArgument", `RangeAreas has no property '${prop}'.`);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
}
