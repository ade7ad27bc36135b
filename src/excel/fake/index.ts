/**
 * A strict in-memory Excel host for tests, the browser preview and e2e runs.
 *
 *   const fake = createFakeExcel(data);          // or installFakeOffice(globalThis, data)
 *   await fake.Excel.run(async (ctx) => { … });  // the adapter's code, unchanged
 *   fake.getFill("Plan", "E12"); fake.syncCount;
 *
 * Like Office: operations run only at context.sync(); reading a property that was not
 * loaded and synced throws "PropertyNotLoaded"; write arrays must match the range size;
 * "=…" written to a non-text cell becomes a formula; getRanges refuses addresses longer
 * than ~8 200 characters; with payloadLimit a too large response fails as on Excel on the
 * web; a very hidden sheet can't be deleted; methods on null objects
 * (…OrNullObject) do nothing. Pure TypeScript: no Node APIs, no DOM.
 */
import { areaA1 } from "../../core/grid";
import { parseRef } from "../a1";
import { FakeContext, FakeOfficeError, changedArgs } from "./context";
import { type FakeCellValue, FakeHost, type FakeWorkbookData, type Visibility, enterValue } from "./host";
import { FakeWorkbook } from "./sheet";
import { WEB_PAYLOAD_LIMIT } from "../limits";

export { FakeOfficeError } from "./context";
export { fromGridWorkbook, renderValue } from "./host";
export type { FakeCellValue, FakeSheetData, FakeWorkbookData, Visibility } from "./host";

export interface FakeExcelOptions {
  /** Highest ExcelApi 1.x minor version the host supports; below 18 there is no notes API. */
  apiMinor?: number;
  /** Fail a sync whose request or loaded data exceeds this many characters of JSON (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /**
   * Excel on the web's limits: 5 MB per request and per response (src/excel/limits.ts cites
   * Microsoft's "Resource limits and performance optimization for Office Add-ins"). Same as
   * payloadLimit: WEB_PAYLOAD_LIMIT; an explicit payloadLimit wins.
   */
  webLimits?: boolean;
}

/** What one finished Excel.run cost. */
export interface RunStats {
  syncs: number;
  /** JSON characters sent (writes, addresses) and received (loaded values). */
  requestChars: number;
  responseChars: number;
  /** Wall-clock time of the run, validation in between included (the preview shows it). */
  ms: number;
  /** Date.now() when the run started. */
  start: number;
}

type Batch<R> = (ctx: Excel.RequestContext) => Promise<R>;

export interface FakeExcel {
  /** Stand-in for the Excel namespace: run() and the enums the adapter uses. */
  Excel: {
    run<R>(batchOrObject: Batch<R> | { context: unknown }, batch?: Batch<R>): Promise<R>;
    SheetVisibility: { visible: "Visible"; hidden: "Hidden"; veryHidden: "VeryHidden" };
    ClearApplyTo: { all: "All"; formats: "Formats"; contents: "Contents" };
    FillPattern: { none: "None"; solid: "Solid" };
    EventSource: { local: "Local"; remote: "Remote" };
  };
  /** Minimal Office namespace: onReady, requirements, document settings. */
  Office: {
    HostType: { Excel: "Excel" };
    AsyncResultStatus: { Succeeded: "succeeded"; Failed: "failed" };
    onReady(
      cb?: (info: { host: string; platform: string }) => void,
    ): Promise<{ host: string; platform: string }>;
    context: {
      host: string;
      requirements: { isSetSupported(name: string, version?: string | number): boolean };
      document: {
        settings: {
          get(key: string): unknown;
          set(key: string, value: unknown): void;
          remove(key: string): void;
          saveAsync(cb?: (r: { status: string; error?: unknown }) => void): void;
        };
      };
    };
  };
  /** context.sync() calls so far, over all runs. */
  readonly syncCount: number;
  /** Sync counts of each finished Excel.run, oldest first. */
  readonly runSyncs: number[];
  /** Syncs and payload of each finished Excel.run, oldest first. */
  readonly runStats: RunStats[];
  resetSyncCount(): void;
  /** A fresh request context outside Excel.run (tests calling adapter functions directly). */
  newContext(): Excel.RequestContext;
  sheetNames(): string[];
  getVisibility(sheet: string): Visibility | undefined;
  getValue(sheet: string, address: string): FakeCellValue;
  getText(sheet: string, address: string): string;
  getFormula(sheet: string, address: string): string | undefined;
  getNumberFormat(sheet: string, address: string): string;
  /** Solid fill colour "#RRGGBB", or null when the cell has no fill. */
  getFill(sheet: string, address: string): string | null;
  getFillPattern(sheet: string, address: string): string;
  getNote(sheet: string, address: string): string | undefined;
  getBold(sheet: string, address: string): boolean;
  getTables(sheet: string): { name: string; address: string; style: string }[];
  getSelection(): { sheet: string; address: string } | undefined;
  getActiveSheet(): string | undefined;
  /**
   * A user's edit: sets the value and raises onChanged; resolves when the handlers have run.
   * source "Remote": a co-author's edit arriving through co-authoring (WorksheetChangedEventArgs.source).
   */
  editCell(sheet: string, address: string, value: FakeCellValue, source?: "Local" | "Remote"): Promise<void>;
  /** The document as data, e.g. to "reopen" it in a new fake host. */
  toData(): FakeWorkbookData;
}

function cellOf(host: FakeHost, sheet: string, address: string) {
  const s = host.find(sheet);
  if (!s) throw new Error(`Ukjent ark i testen: ${sheet}`);
  const a = parseRef(address);
  if (!a) throw new Error(`Ugyldig adresse i testen: ${address}`);
  return { s, a, cell: s.cell(a.top, a.left) };
}

export function createFakeExcel(data: FakeWorkbookData, opts: FakeExcelOptions = {}): FakeExcel {
  const host = new FakeHost(
    structuredClone(data),
    opts.apiMinor ?? 18,
    opts.payloadLimit ?? (opts.webLimits ? WEB_PAYLOAD_LIMIT : undefined),
  );
  const runSyncs: number[] = [];
  const runStats: RunStats[] = [];
  const makeContext = () => new FakeContext(host, (ctx) => new FakeWorkbook(ctx));

  async function run<R>(batchOrObject: Batch<R> | { context: unknown }, maybeBatch?: Batch<R>): Promise<R> {
    let ctx: FakeContext;
    let batch: Batch<R>;
    if (typeof batchOrObject === "function") {
      ctx = makeContext();
      batch = batchOrObject;
    } else {
      const given = batchOrObject instanceof FakeContext ? batchOrObject : batchOrObject.context;
      if (!(given instanceof FakeContext) || !maybeBatch) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "Excel.run(object, batch) needs an object from this fake host.",
        );
      }
      ctx = given;
      ctx.closed = false;
      batch = maybeBatch;
    }
    const before = ctx.syncCount;
    const sent = host.requestChars;
    const started = Date.now();
    const received = host.responseChars;
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Like Office, queued commands left at the end of the batch are still sent.
      if (ctx.pendingCount > 0) await ctx.sync();
      return result;
    } finally {
      runSyncs.push(ctx.syncCount - before);
      runStats.push({
        syncs: ctx.syncCount - before,
        requestChars: host.requestChars - sent,
        responseChars: host.responseChars - received,
        ms: Date.now() - started,
        start: started,
      });
      ctx.closed = true;
    }
  }

  const settings = host.settings;
  const Office: FakeExcel["Office"] = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(cb) {
      const info = { host: "Excel", platform: "PC" };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: "Excel",
      requirements: {
        isSetSupported(name: string, version?: string | number) {
          if (name !== "ExcelApi") return false;
          const [major, minor] = String(version ?? "1.1")
            .split(".")
            .map(Number);
          return major === 1 && (minor ?? 0) <= host.apiMinor;
        },
      },
      document: {
        settings: {
          get: (key) => (settings.has(key) ? structuredClone(settings.get(key)) : null),
          set: (key, value) => void settings.set(key, structuredClone(value)),
          remove: (key) => void settings.delete(key),
          saveAsync: (cb) => void Promise.resolve().then(() => cb?.({ status: "succeeded" })),
        },
      },
    },
  };

  return {
    Excel: {
      run,
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      FillPattern: { none: "None", solid: "Solid" },
      EventSource: { local: "Local", remote: "Remote" },
    },
    Office,
    get syncCount() {
      return host.syncCount;
    },
    runSyncs,
    runStats,
    resetSyncCount() {
      host.syncCount = 0;
      runSyncs.length = 0;
      runStats.length = 0;
    },
    newContext: () => makeContext() as unknown as Excel.RequestContext,
    sheetNames: () => host.sheets.map((s) => s.name),
    getVisibility: (sheet) => host.find(sheet)?.visibility,
    getValue: (sheet, address) => cellOf(host, sheet, address).cell?.value ?? null,
    getText: (sheet, address) => {
      const { s, a } = cellOf(host, sheet, address);
      return s.display(a.top, a.left);
    },
    getFormula: (sheet, address) => cellOf(host, sheet, address).cell?.formula,
    getNumberFormat: (sheet, address) => cellOf(host, sheet, address).cell?.numberFormat ?? "General",
    getFill: (sheet, address) => cellOf(host, sheet, address).cell?.fill?.color ?? null,
    getFillPattern: (sheet, address) => cellOf(host, sheet, address).cell?.fill?.pattern ?? "None",
    getNote: (sheet, address) => {
      const { s, a } = cellOf(host, sheet, address);
      return s.notes.get(areaA1({ top: a.top, left: a.left, bottom: a.top, right: a.left }));
    },
    getBold: (sheet, address) => cellOf(host, sheet, address).cell?.bold ?? false,
    getTables: (sheet) =>
      (host.find(sheet)?.tables ?? []).map((t) => ({
        name: t.name,
        address: areaA1(t.area),
        style: t.style,
      })),
    getSelection: () =>
      host.selection ? { sheet: host.selection.sheet.name, address: areaA1(host.selection.area) } : undefined,
    getActiveSheet: () => host.activeSheet?.name,
    async editCell(sheet, address, value, source = "Local") {
      const { s, a } = cellOf(host, sheet, address);
      enterValue(s.ensure(a.top, a.left), value);
      const args = changedArgs(s.id, { top: a.top, left: a.left, bottom: a.top, right: a.left }, source);
      await Promise.all([...s.handlers].map((h) => h(args)));
    },
    toData: () => host.toData(),
  };
}

/** Install Office and Excel globals backed by a fake host (the adapter uses the globals). */
export function installFakeOffice(
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
  data: FakeWorkbookData = { sheets: [{ name: "Ark1", cells: [] }] },
  opts: FakeExcelOptions = {},
): FakeExcel {
  const fake = createFakeExcel(data, opts);
  target.Excel = fake.Excel;
  target.Office = fake.Office;
  return fake;
}
