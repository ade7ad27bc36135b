/**
 * The Årlig melding tab's state (a pure reducer), what it shows (pure selectors over the read
 * workbook) and its controller (the port for Excel, an injected download for the files).
 * Node tests drive all three with a fake port.
 */
import { formatNok } from "../../core/amount";
import type { GridWorkbook } from "../../core/grid";
import {
  buildReport,
  findRegisterGrid,
  guessCommunityName,
  readRegister,
  reconcile,
  reportCsv,
  reportSheetName,
  reportTable,
  type ReconcileResult,
  type Report,
} from "../../core/melding";
import type { ExcelPort } from "../../excel/port";
import { paneError, type PaneError, type Store } from "../store";

export const DEFAULT_NAME = "Helsefelleskap Vestfold";

export interface MeldingState {
  wb: GridWorkbook | null;
  loading: boolean;
  error: PaneError | null;
  /** The year chosen by the user; null: the newest year in the register (or last year). */
  year: number | null;
  name: string;
  nameTouched: boolean;
  working: boolean;
  status: string;
  /** «Lag ark» found a sheet of the report's name it may not replace: ask before writing beside it. */
  confirm: { existing: string; freeName: string; reason: "not-ours" | "changed" | "unknown" } | null;
}

export type MeldingAction =
  | { type: "load-started" }
  | { type: "loaded"; wb: GridWorkbook }
  | { type: "load-failed"; error: PaneError }
  | { type: "year-set"; year: number }
  | { type: "name-set"; name: string }
  | { type: "work-started" }
  | { type: "work-done"; status: string }
  | { type: "work-failed"; error: PaneError }
  | { type: "confirm"; confirm: MeldingState["confirm"] };

export const initialMelding: MeldingState = {
  wb: null,
  loading: false,
  error: null,
  year: null,
  name: DEFAULT_NAME,
  nameTouched: false,
  working: false,
  status: "",
  confirm: null,
};

export function meldingReducer(state: MeldingState, action: MeldingAction): MeldingState {
  switch (action.type) {
    case "load-started":
      return { ...state, loading: true, error: null };
    case "loaded":
      return {
        ...state,
        wb: action.wb,
        loading: false,
        name: state.nameTouched ? state.name : (guessCommunityName(action.wb) ?? DEFAULT_NAME),
      };
    case "load-failed":
      return { ...state, loading: false, error: action.error };
    case "year-set":
      return { ...state, year: action.year };
    case "name-set":
      return { ...state, name: action.name, nameTouched: true };
    case "work-started":
      return { ...state, working: true, error: null, status: "", confirm: null };
    case "work-done":
      return { ...state, working: false, status: action.status };
    case "work-failed":
      return { ...state, working: false, error: action.error };
    case "confirm":
      return { ...state, working: false, confirm: action.confirm };
  }
}

/** Years that measures in the register are tied to, newest first. */
export function registerYears(wb: GridWorkbook): number[] {
  const grid = findRegisterGrid(wb);
  if (!grid) return [];
  const years = new Set<number>();
  for (const m of readRegister(grid).measures) if (m.year !== null) years.add(m.year);
  return [...years].sort((a, b) => b - a);
}

/** The year in use: the chosen one, else the newest in the register, else last year. */
export function chosenYear(state: MeldingState, years: number[], today = new Date()): number {
  return state.year ?? years[0] ?? today.getFullYear() - 1;
}

export interface MeldingView {
  report: Report | null;
  rec: ReconcileResult | null;
  error: string | null;
  /** Why «Lag ark» and the downloads are off (Norwegian), or null when they are on. */
  blocked: string | null;
  /**
   * The reconciliation's verdict: "clear" only when every source was found, there were measures to
   * compare and nothing differs; "incomplete" says what was not compared.
   */
  verdict: "clear" | "differences" | "incomplete" | null;
  notCompared: string[];
  /** Register rows not in the report, each with the reason (Norwegian): nothing is left out silently. */
  skipped: string[];
}

export function meldingView(wb: GridWorkbook | null, year: number, name: string): MeldingView {
  if (!wb)
    return {
      report: null,
      rec: null,
      error: null,
      blocked: null,
      verdict: null,
      notCompared: [],
      skipped: [],
    };
  let report: Report;
  let rec: ReconcileResult;
  try {
    report = buildReport(wb, { year, name: name.trim() || DEFAULT_NAME });
    rec = reconcile(wb, { year });
  } catch (e) {
    return {
      report: null,
      rec: null,
      error: paneError(e).message,
      blocked: "Meldingen kunne ikke lages.",
      verdict: null,
      notCompared: [],
      skipped: [],
    };
  }
  const others = report.yearsWithMeasures.filter((y) => y !== year);
  const blocked =
    report.blocks.length === 0
      ? `Meldingen for ${year} har ingen tiltak, så det er ingenting å lage ark eller fil av.` +
        (others.length > 0 ? ` Registeret har tiltak for ${others.join(", ")}.` : "")
      : null;
  const skipped = report.skipped.map(
    (r) =>
      `Rad ${r.row}${r.name ? ` «${r.name}»` : ""}${r.sum !== null ? ` (${formatNok(r.sum)} kr)` : ""}: ${r.reason}.`,
  );
  const notCompared = rec.problems.map((p) => p.message);
  if (report.blocks.length === 0)
    notCompared.unshift(`Ingen tiltak for ${year} i registeret: ingenting å avstemme.`);
  const verdict =
    notCompared.length > 0
      ? "incomplete"
      : rec.differences.length > 0 || rec.unmatched.length > 0
        ? "differences"
        : "clear";
  return { report, rec, error: null, blocked, verdict, notCompared, skipped };
}

export type MeldingPort = Pick<ExcelPort, "readDocument" | "writeSheet">;
export type MeldingStore = Store<MeldingState, MeldingAction>;
/** Offers bytes or text as a file (the browser's download in the pane; a spy in tests). */
export type Download = (data: Uint8Array | string, fileName: string, mimeType: string) => void;

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CSV_MIME = "text/csv;charset=utf-8";

/** "Årlig melding 2025" → "arlig-melding-2025" (ASCII file names travel best). */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/å/g, "a")
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "rapport"
  );
}

export function meldingController(
  port: MeldingPort,
  store: MeldingStore,
  opts: { download: Download; docx: (r: Report) => Promise<Uint8Array> },
) {
  const { dispatch, getState } = store;

  async function work(what: () => Promise<string | null>): Promise<void> {
    if (getState().working) return;
    dispatch({ type: "work-started" });
    try {
      const status = await what();
      if (status !== null) dispatch({ type: "work-done", status });
    } catch (e) {
      dispatch({ type: "work-failed", error: paneError(e) });
    }
  }

  const current = (): Report | null => {
    const s = getState();
    const v = meldingView(s.wb, chosenYear(s, s.wb ? registerYears(s.wb) : []), s.name);
    return v.blocked ? null : v.report;
  };

  async function writeSheet(beside: boolean): Promise<void> {
    const r = current();
    if (!r) return;
    await work(async () => {
      const table = reportTable(r);
      const res = await port.writeSheet(
        table.sheetName,
        { title: table.title, headers: table.headers, rows: table.rows, numberColumns: table.numberColumns },
        { beside },
      );
      if (res.kind === "exists") {
        dispatch({
          type: "confirm",
          confirm: { existing: res.existing, freeName: res.freeName, reason: res.reason },
        });
        return null;
      }
      return res.note ? `Skrev arket «${res.sheet}». ${res.note}` : `Skrev arket «${res.sheet}».`;
    });
  }

  return {
    async load(): Promise<void> {
      if (getState().loading) return;
      dispatch({ type: "load-started" });
      try {
        dispatch({ type: "loaded", wb: await port.readDocument() });
      } catch (e) {
        dispatch({ type: "load-failed", error: paneError(e) });
      }
    },
    /** «Lag ark»: never replaces a sheet it may not; asks first (state.confirm). */
    makeSheet: () => writeSheet(false),
    /** The user said yes: write beside the existing sheet. */
    makeSheetBeside: () => writeSheet(true),
    cancelConfirm: () => dispatch({ type: "confirm", confirm: null }),
    async makeDocx(): Promise<void> {
      const r = current();
      if (!r) return;
      await work(async () => {
        const file = `${fileStem(reportSheetName(r.year))}.docx`;
        opts.download(await opts.docx(r), file, DOCX_MIME);
        return `Lastet ned ${file}.`;
      });
    },
    async makeCsv(): Promise<void> {
      const r = current();
      if (!r) return;
      await work(async () => {
        const file = `${fileStem(reportSheetName(r.year))}.csv`;
        opts.download(reportCsv(r), file, CSV_MIME);
        return `Lastet ned ${file}.`;
      });
    },
  };
}
