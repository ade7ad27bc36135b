/** Workbook, worksheets, notes, tables and events of the fake host. */
import { type Area, a1 } from "../../core/grid";
import { MAX_COLS, MAX_ROWS, parseRef, sheetOf, splitList, stripSheet } from "../a1";
import { FakeClientObject, FakeClientResult, type FakeContext, FakeOfficeError } from "./context";
import { type SheetState, SheetState as Sheet, type Visibility } from "./host";
import { FakeRange, FakeRangeAreas, type RangeTarget } from "./range";

/** Office fails getRanges beyond roughly 8 200 characters (office-js issue #5198). */
export const ADDRESS_LIMIT = 8_192;

function areaIn(sheet: SheetState, address: string): Area {
  const named = sheetOf(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new FakeOfficeError("InvalidArgument", `The address '${address}' is not on sheet '${sheet.name}'.`);
  }
  const a = parseRef(stripSheet(address));
  if (!a)
    throw new FakeOfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: '${address}'.`,
    );
  return a;
}

function singleCellKey(sheet: SheetState, address: string): string {
  const a = areaIn(sheet, address);
  if (a.top !== a.bottom || a.left !== a.right)
    throw new FakeOfficeError("InvalidCellAddress", `'${address}' is not a single cell.`);
  return a1(a.top, a.left);
}

export class FakeNote extends FakeClientObject<{ sheet: SheetState; key: string }> {
  protected readonly scalarProps = ["content", "authorName"] as const;
  protected readProp(t: { sheet: SheetState; key: string }, prop: string): unknown {
    if (prop === "content") return t.sheet.notes.get(t.key);
    if (prop === "authorName") return "Fake";
    throw new FakeOfficeError("InvalidArgument", `Note has no property '${prop}'.`);
  }
  get content(): string {
    return this.get("content");
  }
  set content(v: string) {
    this.context.request(v);
    this.act((t) => {
      if (!t.sheet.notes.has(t.key)) throw new FakeOfficeError("ItemNotFound", `No note at ${t.key}.`);
      t.sheet.notes.set(t.key, String(v));
    });
  }
  get authorName(): string {
    return this.get("authorName");
  }
  delete(): void {
    this.act((t) => {
      if (!t.sheet.notes.delete(t.key)) throw new FakeOfficeError("ItemNotFound", `No note at ${t.key}.`);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      const a = parseRef(t.key)!;
      return { sheet: t.sheet, areas: [a] };
    });
  }
}

export class FakeNoteCollection extends FakeClientObject<SheetState> {
  protected readonly scalarProps = ["items"] as const;
  constructor(ctx: FakeContext, sheet: () => SheetState | null) {
    super(ctx, () => {
      if (ctx.host.apiMinor < 18)
        throw new FakeOfficeError(
          "ApiNotFound",
          "The notes API (ExcelApi 1.18) is not available on this host.",
        );
      return sheet();
    });
  }
  protected readProp(): unknown {
    throw new FakeOfficeError("InvalidArgument", "Load 'items/content' on a note collection.");
  }
  override load(spec?: unknown): this {
    const props =
      typeof spec === "string"
        ? spec
            .split(",")
            .map((s) => s.trim().replace(/^items\//, ""))
            .filter(Boolean)
        : ["content"];
    this.context.enqueue(() => {
      const t = this.target();
      const items =
        t === null
          ? []
          : [...t.notes.keys()].map((key) => new FakeNote(this.context, { target: { sheet: t, key } }));
      items.forEach((it) => it.loadNow(props));
      this.context.deliver(() => this.setLoaded("items", items));
    });
    return this;
  }
  get items(): FakeNote[] {
    return this.get("items");
  }
  add(cellAddress: string | FakeRange, content: string): FakeNote {
    this.context.request(content);
    if (typeof cellAddress === "string") this.context.request(cellAddress);
    return new FakeNote(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      let key: string;
      if (typeof cellAddress === "string") key = singleCellKey(t, cellAddress);
      else {
        const rt = (cellAddress as unknown as { bound: RangeTarget | null }).bound;
        if (!rt) throw new FakeOfficeError("InvalidArgument", "The range is a null object.");
        const a = rt.areas[0];
        if (rt.areas.length !== 1 || a.top !== a.bottom || a.left !== a.right) {
          throw new FakeOfficeError("InvalidArgument", "A note can only be added to a single cell.");
        }
        key = a1(a.top, a.left);
      }
      if (t.notes.has(key))
        throw new FakeOfficeError("InvalidArgument", `The cell ${key} already has a note.`);
      t.notes.set(key, String(content));
      return { sheet: t, key };
    });
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      const k = singleCellKey(t, key);
      if (!t.notes.has(k)) throw new FakeOfficeError("ItemNotFound", `There is no note at ${key}.`);
      return { sheet: t, key: k };
    });
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      const k = singleCellKey(t, key);
      return t.notes.has(k) ? { sheet: t, key: k } : null;
    });
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.act((t) => {
      const n = t.notes.size;
      this.context.deliver(() => r.resolve(n));
    });
    return r;
  }
}

export class FakeTable extends FakeClientObject<{ sheet: SheetState; name: string }> {
  protected readonly scalarProps = ["name", "style"] as const;
  protected readProp(t: { sheet: SheetState; name: string }, prop: string): unknown {
    const table = t.sheet.tables.find((x) => x.name === t.name);
    if (prop === "name") return t.name;
    if (prop === "style") return table?.style;
    throw new FakeOfficeError("InvalidArgument", `Table has no property '${prop}'.`);
  }
  get name(): string {
    return this.get("name");
  }
  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.act((t) => {
      const table = t.sheet.tables.find((x) => x.name === t.name);
      if (table) table.style = v;
    });
  }
  set showBandedRows(_v: boolean) {
    this.act(() => undefined);
  }
}

export class FakeTableCollection extends FakeClientObject<SheetState> {
  protected readonly scalarProps = [] as const;
  protected readProp(): unknown {
    throw new FakeOfficeError("InvalidArgument", "Table collections are not loadable in the fake.");
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    return new FakeTable(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      const area = areaIn(t, address);
      const overlaps = (b: Area) =>
        b.left <= area.right && b.right >= area.left && b.top <= area.bottom && b.bottom >= area.top;
      if (t.tables.some((x) => overlaps(x.area)))
        throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.");
      const all = this.context.host.sheets.flatMap((s) => s.tables.map((x) => x.name));
      let n = all.length + 1;
      while (all.includes(`Tabell${n}`)) n++;
      const name = `Tabell${n}`;
      if (hasHeaders) {
        for (let c = area.left; c <= area.right; c++) {
          const cell = t.ensure(area.top, c);
          if (cell.value === null || cell.value === "") {
            cell.value = `Kolonne${c - area.left + 1}`;
            cell.text = undefined;
          }
        }
      }
      t.tables.push({ name, area, style: "TableStyleMedium2" });
      return { sheet: t, name };
    });
  }
}

type Handler = (args: unknown) => unknown;

export class FakeEventHandlers {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetState | null,
  ) {}
  add(handler: Handler): { context: FakeContext; remove: () => void } {
    const sheetAt = this.sheet;
    this.context.enqueue(() => sheetAt()?.handlers.add(handler));
    const registeredOn = this.context;
    return {
      context: registeredOn,
      remove: () => registeredOn.enqueue(() => sheetAt()?.handlers.delete(handler)),
    };
  }
}

export class FakeWorksheet extends FakeClientObject<SheetState> {
  protected readonly scalarProps = ["name", "visibility", "id", "position"] as const;
  readonly onChanged: FakeEventHandlers;
  private notesProxy?: FakeNoteCollection;
  private tablesProxy?: FakeTableCollection;

  constructor(ctx: FakeContext, resolve: (() => SheetState | null) | { target: SheetState }) {
    super(ctx, resolve);
    this.onChanged = new FakeEventHandlers(ctx, () => this.target());
  }

  /** Created on first use: a proxy queues its binding, and items created inside a sync must not leave work queued. */
  get tables(): FakeTableCollection {
    this.tablesProxy ??= new FakeTableCollection(this.context, () => this.target());
    return this.tablesProxy;
  }

  get notes(): FakeNoteCollection {
    this.notesProxy ??= new FakeNoteCollection(this.context, () => this.target());
    return this.notesProxy;
  }

  protected readProp(t: SheetState, prop: string): unknown {
    switch (prop) {
      case "name":
        return t.name;
      case "visibility":
        return t.visibility;
      case "id":
        return t.id;
      case "position":
        return this.context.host.sheets.indexOf(t);
    }
    throw new FakeOfficeError("InvalidArgument", `Worksheet has no property '${prop}'.`);
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.act((t) => {
      const host = this.context.host;
      if (!v.trim() || v.length > 31 || BAD_NAME.test(v) || /^'|'$/.test(v))
        throw new FakeOfficeError("InvalidArgument", `Invalid sheet name '${v}'.`);
      const other = host.find(v);
      if (other && other !== t)
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${v}' already exists.`);
      t.name = v;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(v: Visibility) {
    this.act((t) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v))
        throw new FakeOfficeError("InvalidArgument", `Bad visibility '${v}'.`);
      const host = this.context.host;
      if (
        v !== "Visible" &&
        t.visibility === "Visible" &&
        host.sheets.filter((s) => s.visibility === "Visible").length === 1
      ) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      t.visibility = v;
      if (v !== "Visible" && host.activeSheet === t) {
        host.activeSheet = host.sheets.find((s) => s.visibility === "Visible");
        host.selection = undefined;
      }
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      const area =
        address === undefined || address === ""
          ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }
          : areaIn(t, address);
      return { sheet: t, areas: [area] };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      if (rowCount < 1 || columnCount < 1)
        throw new FakeOfficeError("InvalidArgument", "Row and column counts must be positive.");
      return {
        sheet: t,
        areas: [
          {
            top: startRow,
            left: startColumn,
            bottom: startRow + rowCount - 1,
            right: startColumn + columnCount - 1,
          },
        ],
      };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.request(address);
    return new FakeRangeAreas(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      if (address.length > ADDRESS_LIMIT) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format (address too long).",
        );
      }
      const areas = splitList(address).map((part) => areaIn(t, part));
      if (!areas.length) throw new FakeOfficeError("InvalidArgument", "Empty address.");
      return { sheet: t, areas };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      return { sheet: t, areas: [t.usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }] };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.target();
      if (t === null) return null;
      const used = t.usedArea(valuesOnly);
      return used ? { sheet: t, areas: [used] } : null;
    });
  }

  activate(): void {
    this.act((t) => {
      if (t.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet can't be activated.");
      this.context.host.activeSheet = t;
    });
  }

  delete(): void {
    this.act((t) => {
      const host = this.context.host;
      if (t.visibility === "VeryHidden") {
        // Office refuses to delete a very hidden sheet (office-js issue #365).
        throw new FakeOfficeError(
          "GeneralException",
          "There was an internal error while processing the request.",
        );
      }
      if (t.visibility === "Visible" && host.sheets.filter((s) => s.visibility === "Visible").length === 1) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      host.sheets = host.sheets.filter((s) => s !== t);
      if (host.activeSheet === t) host.activeSheet = host.sheets.find((s) => s.visibility === "Visible");
      if (host.selection?.sheet === t) host.selection = undefined;
    });
  }
}

const BAD_NAME = /[\\/?*[\]:]/;

export class FakeWorksheetCollection extends FakeClientObject<object> {
  protected readonly scalarProps = ["items"] as const;
  constructor(ctx: FakeContext) {
    super(ctx, { target: {} }); // the collection always exists
  }
  protected readProp(): unknown {
    throw new FakeOfficeError("InvalidArgument", "Load 'items/…' on the worksheet collection.");
  }
  override load(spec?: unknown): this {
    const raw = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : "name";
    const props = raw
      .split(",")
      .map((s) => s.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.context.enqueue(() => {
      const items = this.context.host.sheets.map((s) => new FakeWorksheet(this.context, { target: s }));
      items.forEach((it) => it.loadNow(props.length ? props : ["name"]));
      this.context.deliver(() => this.setLoaded("items", items));
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.get("items");
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.host.find(name);
      if (!s)
        throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: sheet '${name}'.`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.host.find(name) ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.host.activeSheet;
      if (!s) throw new FakeOfficeError("ItemNotFound", "No active sheet.");
      return s;
    });
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.context.enqueue(() => {
      const n = this.context.host.sheets.length;
      this.context.deliver(() => r.resolve(n));
    });
    return r;
  }
  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const host = this.context.host;
      let n = host.sheets.length + 1;
      while (!name && host.find(`Ark${n}`)) n++;
      const sheetName = name ?? `Ark${n}`;
      if (!sheetName.trim() || sheetName.length > 31 || BAD_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
        throw new FakeOfficeError("InvalidArgument", `Invalid sheet name '${sheetName}'.`);
      }
      if (host.find(sheetName))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${sheetName}' already exists.`);
      const s = new Sheet(sheetName);
      host.sheets.push(s);
      return s;
    });
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.context.host.selection;
      if (!sel) throw new FakeOfficeError("ItemNotFound", "Nothing is selected.");
      return { sheet: sel.sheet, areas: [sel.area] };
    });
  }
}
