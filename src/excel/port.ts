/**
 * The one door to Excel. Everything the task pane and the ribbon command do in the workbook goes
 * through ExcelPort; officeExcelPort() implements it with Excel.run over the adapter functions in
 * this folder (src/excel/office-port.ts, loaded on first use so the pane's first load stays small).
 * The pane's tabs get the port as a prop (a fake one in Node tests), so no component and no
 * reducer touches Office.js, and every Office error reaches them already translated to Norwegian
 * (PortError, with the English detail kept for support).
 *
 * Each action is one Excel.run with a small, constant number of syncs; the adapter functions
 * state their own sync counts and nothing here syncs per row.
 */
import type { GridWorkbook } from "../core/grid";
import type { PlanColumnKey, ValidateOptions, ValidationResult } from "../core/plan";
import type { TemplateCell } from "../core/cost-model/template";
import { MIN_EXCEL_API } from "./requirements";
import type { SheetTable } from "./write";

export type { SheetTable } from "./write";

// ---------------------------------------------------------------------------------------------
// The interface
// ---------------------------------------------------------------------------------------------

export type ColumnMapping = Partial<Record<PlanColumnKey, string>>;

export interface CheckOutcome {
  result: ValidationResult;
  workbook: GridWorkbook;
  /** Cells marked in the sheet. */
  marked: number;
}

/** What changed in the plan sheet since the last check (what watchSheet reported). */
export interface SheetChange {
  /** Changed 1-based rows; null when not known (a whole column, a sort): read everything. */
  rows: number[] | null;
  /** "Remote" when every change came from a co-author. */
  source: "Local" | "Remote";
}

/** A sheet described cell by cell (the cost model's template), written as a new sheet. */
export interface CellSheet {
  name: string;
  cells: TemplateCell[];
  /** Column letter → width in characters. */
  columnWidths?: Record<string, number>;
  merges?: string[];
}

export type WriteSheetResult =
  /** Written; `sheet` is the name it got. */
  | { kind: "written"; sheet: string; note: string | null }
  /**
   * Not written: a sheet of that name exists that we may not replace (not ours, or changed since
   * we wrote it). Call again with `{ beside: true }` to write it as `freeName` next to it.
   */
  | { kind: "exists"; existing: string; freeName: string; reason: "not-ours" | "changed" | "unknown" };

/** A message for the user from outside the pane (the ribbon command). */
export interface Notice {
  intent: "success" | "warning" | "error";
  title: string;
  message: string;
  /** The original (English) error text, for support. */
  detail?: string;
}

/** Whether the pane can work here; when not, a Norwegian sentence saying why. */
export type Availability = { ok: true } | { ok: false; reason: string };

export interface ExcelPort {
  /** Outside Excel or in an Excel without the API sets we need: not ok, with the reason. Synchronous. */
  availability(): Availability;
  /**
   * Read → validate → replace the marks, in one Excel.run with a constant number of syncs. With
   * `change` (a live check after an edit) only the changed rows need to be read again.
   */
  checkAndMark(opts: ValidateOptions, change?: SheetChange): Promise<CheckOutcome>;
  /** The whole workbook as grids (RST and årlig melding tabs). */
  readDocument(): Promise<GridWorkbook>;
  /** Remove our marks, giving cells their own fills and notes back; the number of cells restored. */
  removeMarks(): Promise<number>;
  anyMarks(): Promise<boolean>;
  goToCell(sheet: string, address: string): Promise<void>;
  /**
   * Write a table (report) to its own sheet. Never replaces a sheet it may not replace: then it
   * writes nothing and says so (kind "exists"); `beside: true` writes it under the free name.
   */
  writeSheet(name: string, table: SheetTable, opts?: { beside?: boolean }): Promise<WriteSheetResult>;
  /** Whether the sheet name is taken, and the name a copy would get. */
  sheetName(name: string): Promise<{ taken: boolean; freeName: string }>;
  /** Insert a sheet described cell by cell as a NEW sheet (never replacing one). */
  insertSheet(sheet: CellSheet): Promise<{ sheet: string }>;
  /**
   * Enter again every formula that calls RST./MEASURE./NOK./COST., so formulas written by another
   * tool (the `rst` CLI) bind to the add-in's functions instead of showing #NAME? (a few syncs).
   */
  reactivateFormulas(): Promise<{ reentered: number; sheets: { sheet: string; cells: number }[] }>;
  /**
   * Calls back (debounced) when cells of the sheet change, with the changed 1-based rows (empty:
   * unknown) and where the change came from; resolves to the unsubscribe.
   */
  watchSheet(
    sheet: string,
    onChange: (rows: number[], info: { source: "Local" | "Remote" }) => void,
  ): Promise<() => Promise<void>>;
  /**
   * A ribbon command's outcome for the user: the pane (same shared runtime) shows it; `show` opens
   * the pane first (used for failures, so they never end in the console only).
   */
  notify(notice: Notice, opts?: { show?: boolean }): Promise<void>;
  /** Notices published so far are replayed (the latest one), then new ones as they come; returns the unsubscribe. */
  onNotice(listener: (notice: Notice) => void): () => void;
  /** Settings saved in the document (read back through a schema: the document is untrusted). */
  settings: {
    mapping(): Promise<ColumnMapping>;
    saveMapping(mapping: ColumnMapping): Promise<void>;
    liveChecks(): Promise<boolean>;
    saveLiveChecks(on: boolean): Promise<void>;
  };
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** An error from the port: `message` is Norwegian for the user, `detail` the original (English) text. */
export class PortError extends Error {
  readonly code: string;
  readonly detail: string;
  constructor(message: string, code: string, detail: string) {
    super(message);
    this.name = "PortError";
    this.code = code;
    this.detail = detail;
  }
}

// ---------------------------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------------------------

/** The lowest ExcelApi the add-in needs (declared in manifest.xml; see requirements.ts). */
export { MIN_EXCEL_API };

export const NOT_IN_EXCEL =
  "RST-verktøy må åpnes i Excel. Her er ikke Excel tilgjengelig, så arbeidsboken kan ikke leses eller endres.";

export function officeAvailability(g: Record<string, unknown> = globalThis as never): Availability {
  const excel = g.Excel as { run?: unknown } | undefined;
  const office = g.Office as
    { context?: { requirements?: { isSetSupported?(n: string, v?: string): boolean } } } | undefined;
  if (!excel || typeof excel.run !== "function") return { ok: false, reason: NOT_IN_EXCEL };
  let supported: boolean | undefined;
  try {
    supported = office?.context?.requirements?.isSetSupported?.("ExcelApi", MIN_EXCEL_API);
  } catch {
    supported = undefined;
  }
  if (supported === false) {
    return {
      ok: false,
      reason:
        `Denne versjonen av Excel er for gammel for RST-verktøy (trenger ExcelApi ${MIN_EXCEL_API}: ` +
        "Excel 2019, Microsoft 365 eller Excel på nett). Oppdater Excel og åpne tillegget på nytt.",
    };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Notices from the ribbon command
// ---------------------------------------------------------------------------------------------

// The ribbon command and the pane run in one shared runtime (one page, one window) but are separate
// bundles: the notice travels as a window event, and the latest is kept for a pane that mounts later.
const NOTICE_EVENT = "rst-verktoy:notice";
const LAST_NOTICE = "__rstVerktoyLastNotice";

function noticeTarget(): (EventTarget & Record<string, unknown>) | undefined {
  const g = globalThis as unknown as EventTarget & Record<string, unknown>;
  return typeof g.addEventListener === "function" ? g : undefined;
}

async function publishNotice(notice: Notice, opts: { show?: boolean } = {}): Promise<void> {
  const target = noticeTarget();
  if (target) {
    target[LAST_NOTICE] = notice;
    target.dispatchEvent(new CustomEvent<Notice>(NOTICE_EVENT, { detail: notice }));
  }
  if (!opts.show) return;
  // Office.addin.showAsTaskpane: SharedRuntime 1.1 (the manifest's requirement).
  const addin = (globalThis as { Office?: { addin?: { showAsTaskpane?: () => Promise<void> } } }).Office
    ?.addin;
  if (typeof addin?.showAsTaskpane === "function") await addin.showAsTaskpane();
}

function subscribeNotices(listener: (notice: Notice) => void): () => void {
  const target = noticeTarget();
  if (!target) return () => {};
  const last = target[LAST_NOTICE] as Notice | undefined;
  if (last) listener(last);
  const handler = (e: Event) => listener((e as CustomEvent<Notice>).detail);
  target.addEventListener(NOTICE_EVENT, handler);
  return () => target.removeEventListener(NOTICE_EVENT, handler);
}

// ---------------------------------------------------------------------------------------------
// The Office.js port
// ---------------------------------------------------------------------------------------------

type Impl = Omit<ExcelPort, "availability" | "notify" | "onNotice">;
let impl: Promise<Impl> | null = null;

/** The implementation (Excel.run over the adapter), loaded once, on the first action. */
function loadImpl(): Promise<Impl> {
  impl ??= import(/* webpackChunkName: "excel-port" */ "./office-port").then(
    (m) => m.officePortImpl(),
    (e: unknown) => {
      impl = null; // try again next time (a dropped connection)
      throw new PortError(
        "Klarte ikke å laste en del av tillegget. Sjekk nettforbindelsen og prøv igjen.",
        "ChunkLoadError",
        e instanceof Error ? e.message : String(e),
      );
    },
  );
  return impl;
}

/** Outside Excel every action fails at once with the Norwegian reason (no «Excel is not defined»). */
function action<A extends unknown[], R>(pick: (i: Impl) => (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    const available = officeAvailability();
    if (!available.ok) throw new PortError(available.reason, "NotInExcel", "Excel is not available");
    return pick(await loadImpl())(...args);
  };
}

/** The port over Office.js (Excel.run); every method's errors are PortErrors. */
export function officeExcelPort(): ExcelPort {
  return {
    availability: () => officeAvailability(),
    checkAndMark: action((i) => i.checkAndMark),
    readDocument: action((i) => i.readDocument),
    removeMarks: action((i) => i.removeMarks),
    anyMarks: action((i) => i.anyMarks),
    goToCell: action((i) => i.goToCell),
    writeSheet: action((i) => i.writeSheet),
    sheetName: action((i) => i.sheetName),
    insertSheet: action((i) => i.insertSheet),
    reactivateFormulas: action((i) => i.reactivateFormulas),
    watchSheet: action((i) => i.watchSheet),
    notify: publishNotice,
    onNotice: subscribeNotices,
    settings: {
      // Settings work without Excel too (an in-memory fallback in settings.ts): no availability check.
      mapping: async () => (await loadImpl()).settings.mapping(),
      saveMapping: async (m) => (await loadImpl()).settings.saveMapping(m),
      liveChecks: async () => (await loadImpl()).settings.liveChecks(),
      saveLiveChecks: async (on) => (await loadImpl()).settings.saveLiveChecks(on),
    },
  };
}
