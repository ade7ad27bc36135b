/**
 * The Office.js implementation of ExcelPort (src/excel/port.ts): each action one Excel.run over
 * the adapter functions of this folder, its errors translated to Norwegian by Office's error
 * code. Loaded by port.ts on the first action (chunk excel-port.js), and shared with the ribbon
 * command.
 */
import * as z from "zod/mini";
import { columnIndex } from "../core/grid";
import { PLAN_COLUMN_KEYS, type ValidateOptions } from "../core/plan";
import { checkWorkbook, incrementalCheck, type CheckState } from "./check";
import { MAX_COLS } from "./a1";
import { watchSheet } from "./live";
import { clearMarks, hasMarks } from "./marks";
import { selectCell } from "./navigate";
import {
  NOT_IN_EXCEL,
  officeAvailability,
  PortError,
  type CellSheet,
  type CheckOutcome,
  type ColumnMapping,
  type ExcelPort,
  type SheetChange,
  type WriteSheetResult,
} from "./port";
import { reactivateFormulas } from "./reactivate";
import { readWorkbook } from "./read";
import { readSetting, setSetting } from "./settings";
import { writeTableSheet, type SheetTable } from "./write";
import { sheetNameTaken, writeCells } from "./write-cells";

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

/**
 * Read → validate → replace marks, in one Excel.run (check.ts wholeCheck: a constant number of
 * syncs, each request under Excel on the web's limits). markProblems replaces the previous
 * marking itself (a cell that is no longer a problem gets its own fill and note back in the same
 * batch). Never touches the selection.
 */
export async function checkAndMark(opts: ValidateOptions = savedOptions()): Promise<CheckOutcome> {
  const { result, workbook, marked } = await checkWorkbook(opts);
  return { result, workbook, marked };
}

/**
 * The port's check: whole, or after an edit only the changed rows (check.ts incrementalCheck,
 * at most 3 syncs) against the state of this port's previous check. Unknown rows, no previous
 * check or another mapping: a whole check.
 */
function checker() {
  let prev: CheckState | null = null;
  return async (opts: ValidateOptions, change?: SheetChange): Promise<CheckOutcome> => {
    const outcome =
      change && change.rows && prev
        ? await incrementalCheck(prev, change.rows, { validate: opts, source: change.source })
        : await checkWorkbook(opts);
    prev = outcome.state;
    return { result: outcome.result, workbook: outcome.workbook, marked: outcome.marked };
  };
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
 * Write a report table (write.ts writeTableSheet, which keeps the owned-sheets bookkeeping): our
 * own unchanged sheet is replaced; any other sheet of that name is kept, and then nothing is
 * written until the user says yes (`beside`), when the report goes next to it.
 */
async function writeReportSheet(
  name: string,
  table: SheetTable,
  opts: { beside?: boolean },
): Promise<WriteSheetResult> {
  const res = await Excel.run((ctx) =>
    writeTableSheet(ctx, name, table, { ifTaken: opts.beside ? "beside" : "ask" }),
  );
  if (res.action === "needs-confirmation")
    return {
      kind: "exists",
      existing: res.kept?.sheet ?? name,
      freeName: res.sheet,
      reason: res.kept?.reason ?? "unknown",
    };
  return { kind: "written", sheet: res.sheet, note: res.note };
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

/** The port's Excel actions over Office.js; every method's errors are PortErrors. */
export function officePortImpl(): Omit<ExcelPort, "availability" | "notify" | "onNotice"> {
  return {
    checkAndMark: guarded("Kontrollen feilet", checker()),
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
    reactivateFormulas: guarded("Klarte ikke å aktivere formlene på nytt", () =>
      Excel.run((ctx) => reactivateFormulas(ctx)),
    ),
    watchSheet: guarded(
      "Klarte ikke å følge endringer i arket",
      (sheet: string, onChange: (rows: number[], info: { source: "Local" | "Remote" }) => void) =>
        watchSheet(sheet, onChange, 400),
    ),
    settings: {
      mapping: async () => safely(savedMapping, {}),
      saveMapping: (m) =>
        setSetting(SETTING_MAPPING, m).catch((e) => {
          throw toPortError(e, "Klarte ikke å lagre kolonnevalget");
        }),
      liveChecks: async () => safely(savedLiveChecks, false),
      saveLiveChecks: (on) =>
        setSetting(SETTING_LIVE, on).catch((e) => {
          throw toPortError(e, "Klarte ikke å lagre valget");
        }),
    },
  };
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
