/**
 * The one door to Excel. Everything the task pane and the ribbon command do in the workbook goes
 * through ExcelPort; officeExcelPort() implements it with Excel.run over the adapter functions in
 * this folder. The pane's tabs get the port as a prop (a fake one in Node tests), so no component
 * and no reducer touches Office.js, and every Office error reaches them already translated to
 * Norwegian (PortError, with the English detail kept for support).
 *
 * Each action is one Excel.run with a small, constant number of syncs; the adapter functions
 * state their own sync counts and nothing here syncs per row.
 */
import * as z from "zod/mini";
import { columnIndex, type GridWorkbook } from "../core/grid";
import {
  PLAN_COLUMN_KEYS,
  validateWorkbook,
  type PlanColumnKey,
  type ValidateOptions,
  type ValidationResult,
} from "../core/plan";
import type { TemplateCell } from "../core/cost-model/template";
import { MAX_COLS } from "./a1";
import { watchSheet } from "./live";
import { clearMarks, hasMarks, markProblems } from "./marks";
import { selectCell } from "./navigate";
import { readWorkbook } from "./read";
import { readSetting, setSetting } from "./settings";
import { loadSheetNames } from "./sheet-names";
import { writeTableSheet, type SheetTable } from "./write";
import { sheetNameTaken, writeCells } from "./write-cells";

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
  /** Read → validate → replace the marks, in one Excel.run (4 syncs whatever the row count). */
  checkAndMark(opts: ValidateOptions): Promise<CheckOutcome>;
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
  /** Calls back (debounced) when cells of the sheet change; resolves to the unsubscribe. */
  watchSheet(sheet: string, onChange: (rows: number[]) => void): Promise<() => Promise<void>>;
  /**
   * A ribbon command's outcome for the user: the pane (same shared runtime) shows it; `show` opens
   * the pane first (used for failures, so they never end in the console only).
   */
  notify(notice: Notice, opts?: { show?: boolean }): Promise<void>;
  /** Notices published so far are replayed (the latest one), then new ones as they come; returns the unsubscribe. */
  onNotice(listener: (notice: Notice) => void): () => void;
  /** Settings saved in the document (read back through a schema: the document is untrusted). */
  settings: {
    mapping(): ColumnMapping;
    saveMapping(mapping: ColumnMapping): Promise<void>;
    liveChecks(): boolean;
    saveLiveChecks(on: boolean): Promise<void>;
  };
}

// ---------------------------------------------------------------------------------------------
// Errors: Office's codes in Norwegian
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

/**
 * Norwegian for the error codes Office.js gives in OfficeExtension.Error.code: the Excel codes
 * (Excel.ErrorCodes in @types/office-js) and the common ones (OfficeExtension.ErrorCodes), see
 * https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes
 * and https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling.
 */
const OFFICE_CODES: Record<string, string> = {
  AccessDenied: "Excel nektet tilgang: arbeidsboken eller arket kan være beskyttet eller skrivebeskyttet.",
  ActivityLimitReached: "Excel har nådd grensen for antall operasjoner. Vent litt og prøv igjen.",
  ApiNotFound: "Denne versjonen av Excel mangler en funksjon tillegget trenger. Oppdater Excel.",
  ApiNotAvailable: "Denne versjonen av Excel mangler en funksjon tillegget trenger. Oppdater Excel.",
  Conflict: "Endringen kolliderte med en annen endring i arbeidsboken. Prøv igjen.",
  ConnectionFailure: "Mistet forbindelsen til Excel. Prøv igjen.",
  FilteredRangeConflict: "Arket har et filter som hindrer endringen. Fjern filteret og prøv igjen.",
  FormulaLengthExceedsLimit: "En formel er for lang for Excel.",
  GeneralException: "Excel kunne ikke fullføre handlingen. Prøv igjen.",
  InactiveWorkbook: "Arbeidsboken er ikke aktiv lenger. Gå tilbake til den og prøv igjen.",
  InsertDeleteConflict:
    "Excel kunne ikke sette inn eller slette celler her (sammenslåtte celler eller en tabell i veien).",
  InvalidArgument: "Excel godtok ikke en verdi tillegget sendte.",
  InvalidBinding: "En kobling i arbeidsboken er ugyldig.",
  InvalidOperation: "Excel tillot ikke handlingen akkurat nå.",
  InvalidOperationInCellEditMode:
    "Excel er opptatt med en celle du redigerer. Trykk Enter eller Esc i cellen og prøv igjen.",
  InvalidReference: "Arket eller området finnes ikke lenger i arbeidsboken.",
  InvalidSelection: "Utvalget passer ikke for handlingen.",
  InvalidRequestContext: "Excel-forbindelsen var utløpt. Prøv igjen.",
  ItemAlreadyExists: "Det finnes allerede et ark eller et navn med det navnet.",
  ItemNotFound:
    "Fant ikke arket eller området i arbeidsboken; det kan være slettet eller har fått nytt navn.",
  MergedRangeConflict: "Sammenslåtte celler hindrer endringen.",
  NonBlankCellOffSheet: "Det er ikke plass på arket uten å flytte celler som ikke er tomme.",
  NotImplemented: "Denne versjonen av Excel støtter ikke handlingen.",
  OperationCellsExceedLimit: "Handlingen gjelder for mange celler på en gang for Excel.",
  PivotTableRangeConflict: "En pivottabell hindrer endringen.",
  RangeExceedsLimit: "Området er større enn Excel tillater i én operasjon.",
  RequestAborted: "Excel avbrøt handlingen. Prøv igjen.",
  RequestPayloadSizeLimitExceeded: "Arbeidsboken er for stor til å sendes i én operasjon.",
  ResponsePayloadSizeLimitExceeded:
    "Arbeidsboken er for stor til å leses i én operasjon (Excel på nett tillater 5 MB).",
  ServiceNotAvailable: "Excel-tjenesten svarer ikke. Prøv igjen om litt.",
  Unauthenticated: "Du er ikke logget inn. Logg inn i Office og prøv igjen.",
  UnsupportedFeature: "Arket bruker en funksjon tillegget ikke kan endre.",
  UnsupportedOperation: "Excel støtter ikke handlingen her.",
  UnsupportedSheet: "Arket er av en type tillegget ikke kan bruke (for eksempel et diagramark).",
  PropertyNotLoaded: "Intern feil i tillegget: en verdi ble lest før den var hentet fra Excel.",
  ValueNotLoaded: "Intern feil i tillegget: en verdi ble lest før den var hentet fra Excel.",
};

function detailOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === "string") return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/** Any thrown value as a PortError: Norwegian by Office's code, the original text as detail. */
export function toPortError(e: unknown, action: string): PortError {
  if (e instanceof PortError) return e;
  const detail = detailOf(e);
  const code =
    e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string"
      ? (e as { code: string }).code
      : "";
  const known = OFFICE_CODES[code];
  if (known) return new PortError(`${action}: ${known}`, code, detail);
  if (e instanceof ReferenceError && /\b(Excel|Office|OfficeExtension)\b/.test(detail)) {
    return new PortError(`${action}: ${NOT_IN_EXCEL}`, "NotInExcel", detail);
  }
  // Our own adapter's errors are Norwegian already (they name the sheet or the limit).
  if (!code && e instanceof Error && /[æøåÆØÅ«]/.test(detail)) return new PortError(detail, "", detail);
  return new PortError(`${action}: Excel meldte en ukjent feil.`, code || "Unknown", detail);
}

// ---------------------------------------------------------------------------------------------
// Availability
// ---------------------------------------------------------------------------------------------

/**
 * The lowest ExcelApi the pane needs: Range getRanges/RangeAreas (read and marks) are ExcelApi 1.9;
 * worksheet onChanged is 1.7. Keep in step with manifest.xml <Requirements>.
 */
export const MIN_EXCEL_API = "1.9";

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
// Settings
// ---------------------------------------------------------------------------------------------

export const SETTING_MAPPING = "columnMapping";
export const SETTING_LIVE = "liveChecks";

const PlanColumnKeySchema = z.literal(PLAN_COLUMN_KEYS);

/** Column letters inside Excel's grid (A … XFD), upper-cased: "e" → "E". */
const ColumnLettersSchema = z.string().check(
  z.regex(/^[A-Za-z]{1,3}$/, { abort: true }), // columnIndex throws on anything else
  z.toUpperCase(),
  z.refine((letters: string) => columnIndex(letters) < MAX_COLS),
);

/**
 * The saved mapping (plan column key → letters) as read back from the document: entries with an
 * unknown key or letters that are not a column are dropped, the rest kept.
 */
export const ColumnMappingSchema = z.pipe(
  // Any plain object, not a list. looseObject rather than record: the object code is in the bundle already.
  z.looseObject({}),
  z.transform((raw): ColumnMapping => {
    const out: ColumnMapping = {};
    for (const [key, letters] of Object.entries(raw)) {
      const k = PlanColumnKeySchema.safeParse(key);
      const l = ColumnLettersSchema.safeParse(letters);
      if (k.success && l.success) out[k.data] = l.data;
    }
    return out;
  }),
);

export function savedMapping(): ColumnMapping {
  return readSetting(SETTING_MAPPING, ColumnMappingSchema, {});
}

export function savedLiveChecks(): boolean {
  return readSetting(SETTING_LIVE, z.boolean(), false);
}

/** Validation options for a column mapping (none when the mapping is empty). */
export function optionsFor(mapping: ColumnMapping): ValidateOptions {
  return Object.keys(mapping).length > 0 ? { mapping } : {};
}

/** Validation options from the document's saved settings. */
export function savedOptions(): ValidateOptions {
  return optionsFor(savedMapping());
}

// ---------------------------------------------------------------------------------------------
// The Office.js implementation
// ---------------------------------------------------------------------------------------------

/**
 * Read → validate → replace marks, in one Excel.run: 4 syncs whatever the row count (names, read,
 * then the marks' read and write). markProblems replaces the previous marking itself (a cell that
 * is no longer a problem gets its own fill and note back in the same batch). Never touches the
 * selection.
 */
export async function checkAndMark(opts: ValidateOptions = savedOptions()): Promise<CheckOutcome> {
  return Excel.run(async (ctx) => {
    const sheetNames = await loadSheetNames(ctx);
    const workbook = await readWorkbook(ctx, { sheetNames });
    const result = validateWorkbook(workbook, opts);
    const { marked } = await markProblems(ctx, result.problems, { sheetNames });
    return { result, workbook, marked };
  });
}

/** Whether the sheet name is taken, and the name a copy would get (one sync). */
export async function costSheetName(name: string): Promise<{ taken: boolean; freeName: string }> {
  return Excel.run((ctx) => sheetNameTaken(ctx, name));
}

/** Insert a described sheet as a new sheet (never replacing one); two syncs. */
export async function insertCellSheet(sheet: CellSheet): Promise<{ sheet: string }> {
  return Excel.run((ctx) =>
    writeCells(ctx, sheet.name, sheet.cells, { columnWidths: sheet.columnWidths, merges: sheet.merges }),
  );
}

/**
 * Write a report table. Until the adapter can tell our own unchanged sheets from others
 * (src/core/owned-sheets.ts), any existing sheet of that name counts as one we may not replace:
 * the pane asks, and writes beside it.
 */
async function writeReportSheet(
  name: string,
  table: SheetTable,
  opts: { beside?: boolean },
): Promise<WriteSheetResult> {
  return Excel.run(async (ctx) => {
    const free = await sheetNameTaken(ctx, name);
    if (free.taken && !opts.beside)
      return { kind: "exists", existing: name, freeName: free.freeName, reason: "unknown" } as const;
    const written = await writeTableSheet(ctx, free.taken ? free.freeName : name, table);
    return {
      kind: "written",
      sheet: written.sheet,
      note: free.taken ? `Arket «${name}» er beholdt; skrev «${written.sheet}» ved siden av.` : null,
    } as const;
  });
}

/** Wraps an action so whatever it throws arrives as a Norwegian PortError. */
function guarded<A extends unknown[], R>(
  action: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const available = officeAvailability();
    if (!available.ok) throw new PortError(available.reason, "NotInExcel", "Excel is not available");
    try {
      return await fn(...args);
    } catch (e) {
      throw toPortError(e, action);
    }
  };
}

/** The port over Office.js (Excel.run); every method's errors are PortErrors. */
export function officeExcelPort(): ExcelPort {
  return {
    availability: () => officeAvailability(),
    checkAndMark: guarded("Kontrollen feilet", checkAndMark),
    readDocument: guarded("Klarte ikke å lese arbeidsboken", () => Excel.run((ctx) => readWorkbook(ctx))),
    removeMarks: guarded("Klarte ikke å fjerne markeringene", () =>
      Excel.run(async (ctx) => (await clearMarks(ctx)).restored),
    ),
    anyMarks: guarded("Klarte ikke å se etter markeringer", () => Excel.run((ctx) => hasMarks(ctx))),
    goToCell: guarded("Klarte ikke å gå til cellen", (sheet: string, address: string) =>
      Excel.run((ctx) => selectCell(ctx, sheet, address)),
    ),
    writeSheet: guarded("Klarte ikke å lage arket", (name: string, table: SheetTable, opts = {}) =>
      writeReportSheet(name, table, opts),
    ),
    sheetName: guarded("Klarte ikke å lese arknavnene", costSheetName),
    insertSheet: guarded("Klarte ikke å sette inn arket", insertCellSheet),
    watchSheet: guarded(
      "Klarte ikke å følge endringer i arket",
      (sheet: string, onChange: (rows: number[]) => void) => watchSheet(sheet, onChange, 400),
    ),
    notify: publishNotice,
    onNotice: subscribeNotices,
    settings: {
      mapping: () => safely(savedMapping, {}),
      saveMapping: (m) =>
        setSetting(SETTING_MAPPING, m).catch((e) => {
          throw toPortError(e, "Klarte ikke å lagre kolonnevalget");
        }),
      liveChecks: () => safely(savedLiveChecks, false),
      saveLiveChecks: (on) =>
        setSetting(SETTING_LIVE, on).catch((e) => {
          throw toPortError(e, "Klarte ikke å lagre valget");
        }),
    },
  };
}

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

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
