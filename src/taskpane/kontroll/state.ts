/**
 * The Kontroll tab's state (a pure reducer) and its controller (the only code that calls the
 * Excel port for this tab). Node tests drive both with a fake port.
 *
 * One check at a time: a request while a check runs is queued (`pending`) and run once after it,
 * so a change typed mid-check is never lost. After every check the plan sheet is watched, with
 * live checks on or off: with them on a change re-checks, with them off it only marks the
 * result as stale («Resultatet er fra før endringene»), so a fixed cell never looks still wrong
 * (or a new mistake still right) without a word.
 */
import type { ValidateOptions, ValidationResult } from "../../core/plan";
import type { GridWorkbook } from "../../core/grid";
import type { Problem, Severity } from "../../core/problems";
import type { ColumnMapping, ExcelPort, SheetChange } from "../../excel/port";
import { paneError, type PaneError, type Store } from "../store";
import { count } from "../../core/format";

export interface LastCheck {
  result: ValidationResult;
  workbook: GridWorkbook;
}

export interface KontrollState {
  /** A check is running; `quiet` when it is a live re-check (no spinner, no dialog). */
  running: boolean;
  quiet: boolean;
  /** Asked for while a check ran: one more check runs after it. */
  pending: boolean;
  /** Increments each time a check starts (the controller runs a check when it changes). */
  runId: number;
  last: LastCheck | null;
  /** The sheet changed after `last` was read and no check has run since. */
  stale: boolean;
  /** A change arrived while the running check was reading: its result may already be old. */
  changedMidRun: boolean;
  /** Changes to the plan sheet since the last check started (rows for a live check), or null. */
  changes: SheetChange | null;
  /** What the running (or next) check re-reads: the changed rows, or null for the whole workbook. */
  runChange: SheetChange | null;
  /** The queued run was asked for by the user (a whole check), not by a change. */
  pendingWhole: boolean;
  /** The queued run was asked for by a button (not quiet). */
  pendingLoud: boolean;
  error: PaneError | null;
  marksExist: boolean;
  live: boolean;
  show: Record<Severity, boolean>;
  mapping: ColumnMapping;
  mappingOpen: boolean;
  /** The polite status line. */
  status: string;
  /** The problem the user last went to: its row's reading is shown («Slik ble cellen lest»). */
  selected: Problem | null;
}

export type KontrollAction =
  | { type: "check-requested"; quiet: boolean; mapping?: ColumnMapping }
  | { type: "check-done"; result: ValidationResult; workbook: GridWorkbook; marked: number }
  | { type: "check-failed"; error: PaneError }
  | { type: "sheet-changed"; change?: SheetChange }
  | { type: "live-set"; on: boolean }
  /** The document's saved choices, read when the tab opens (before that: live off, no mapping). */
  | { type: "settings-loaded"; live: boolean; mapping: ColumnMapping }
  | { type: "marks-known"; exist: boolean }
  | { type: "marks-cleared"; restored: number }
  | { type: "show-toggled"; severity: Severity }
  | { type: "mapping-dialog"; open: boolean }
  | { type: "problem-selected"; problem: Problem }
  | { type: "error"; error: PaneError | null };

export const ALL_SHOWN: Record<Severity, boolean> = { error: true, warning: true, info: true };

export function initialKontroll(
  saved: { live: boolean; mapping: ColumnMapping } = { live: false, mapping: {} },
): KontrollState {
  return {
    running: false,
    quiet: false,
    pending: false,
    runId: 0,
    last: null,
    stale: false,
    changedMidRun: false,
    changes: null,
    runChange: null,
    pendingWhole: false,
    pendingLoud: false,
    error: null,
    marksExist: false,
    live: saved.live,
    show: ALL_SHOWN,
    mapping: saved.mapping,
    mappingOpen: false,
    status: "",
    selected: null,
  };
}

// «1 advarsel», «2 advarsler», «1 200 rader»: Intl.PluralRules and the one number formatter
const plural = count;

/** The status line after a check; says what was checked, never an all-clear for nothing. */
export function checkStatus(result: ValidationResult): string {
  const s = result.summary;
  if (isNothingChecked(result)) return "Kontroll ferdig: fant ingen tiltaksrader å kontrollere.";
  return (
    `Kontroll ferdig: ${plural(s.rows, "rad", "rader")} kontrollert, ${plural(s.errors, "feil", "feil")}, ` +
    `${plural(s.warnings, "advarsel", "advarsler")}, ${s.infos} info.`
  );
}

/** No plan found or no measure rows read: an empty state, not «Ingen problemer». */
export function isNothingChecked(result: ValidationResult): boolean {
  return result.summary.rows === 0 || result.problems.some((p) => p.code === "header-missing");
}

/** Two changes as one: the rows of both (unknown if either is), Local if either is. */
export function mergeChanges(a: SheetChange | null, b: SheetChange): SheetChange {
  if (!a) return b;
  return {
    rows:
      a.rows === null || b.rows === null ? null : [...new Set([...a.rows, ...b.rows])].sort((x, y) => x - y),
    source: a.source === "Local" || b.source === "Local" ? "Local" : "Remote",
  };
}

const UNKNOWN_CHANGE: SheetChange = { rows: null, source: "Local" };

export function kontrollReducer(state: KontrollState, action: KontrollAction): KontrollState {
  switch (action.type) {
    case "check-requested": {
      const mapping = action.mapping ?? state.mapping;
      if (state.running)
        return {
          ...state,
          pending: true,
          pendingWhole: true,
          // A queued check the user asked for shows its spinner and may open the column dialog.
          pendingLoud: state.pendingLoud || !action.quiet,
          mapping,
        };
      return {
        ...state,
        mapping,
        running: true,
        quiet: action.quiet,
        pending: false,
        pendingWhole: false,
        changedMidRun: false,
        // Asked for by the user: the whole workbook.
        changes: null,
        runChange: null,
        runId: state.runId + 1,
        error: null,
      };
    }
    case "check-done": {
      const { result, workbook, marked } = action;
      const again = state.pending;
      const headerMissing = result.problems.some((p) => p.code === "header-missing");
      return {
        ...state,
        last: { result, workbook },
        marksExist: marked > 0,
        status: checkStatus(result),
        // The result is old when the sheet changed while it was read and no re-check follows.
        stale: state.changedMidRun && !again,
        changedMidRun: false,
        mappingOpen: state.mappingOpen || (!state.quiet && headerMissing),
        ...nextRun(state, again),
      };
    }
    case "check-failed": {
      const again = state.pending;
      return {
        ...state,
        error: action.error,
        changedMidRun: false,
        ...nextRun(state, again),
      };
    }
    case "sheet-changed": {
      const changes = mergeChanges(state.changes, action.change ?? UNKNOWN_CHANGE);
      if (state.running) {
        // With live checks on, run again after this one; off, just remember the result may be old.
        return state.live ? { ...state, changes, pending: true } : { ...state, changes, changedMidRun: true };
      }
      if (state.live)
        return {
          ...state,
          running: true,
          quiet: true,
          changes: null,
          runChange: state.last ? changes : null,
          runId: state.runId + 1,
          error: null,
        };
      return state.last ? { ...state, changes, stale: true } : state;
    }
    case "live-set": {
      if (!action.on) return { ...state, live: false };
      // Turning live checks on brings a stale (or missing) result up to date at once.
      if (!state.running && (state.stale || !state.last))
        return {
          ...state,
          live: true,
          running: true,
          quiet: true,
          // A stale result: re-read the rows changed since (all, when unknown).
          runChange: state.last ? state.changes : null,
          changes: null,
          runId: state.runId + 1,
          error: null,
        };
      return { ...state, live: true };
    }
    case "settings-loaded": {
      // A mapping chosen meanwhile wins over the saved one; saved live checks start a check at once.
      const mapping = Object.keys(state.mapping).length > 0 ? state.mapping : action.mapping;
      return kontrollReducer({ ...state, mapping }, { type: "live-set", on: state.live || action.live });
    }
    case "marks-known":
      return { ...state, marksExist: action.exist };
    case "marks-cleared":
      return {
        ...state,
        marksExist: false,
        status: `Fjernet markeringer fra ${plural(action.restored, "celle", "celler")}.`,
      };
    case "show-toggled":
      return { ...state, show: { ...state.show, [action.severity]: !state.show[action.severity] } };
    case "mapping-dialog":
      return { ...state, mappingOpen: action.open };
    case "problem-selected":
      return { ...state, selected: action.problem };
    case "error":
      return { ...state, error: action.error };
  }
}

/** After a check: run once more (quietly) when one was asked for meanwhile. */
function nextRun(state: KontrollState, again: boolean): Partial<KontrollState> {
  if (!again) return { running: false, pending: false, pendingWhole: false, pendingLoud: false };
  const whole = state.pendingWhole;
  return {
    running: true,
    quiet: !state.pendingLoud,
    pending: false,
    pendingWhole: false,
    pendingLoud: false,
    runChange: whole ? null : state.changes,
    changes: null,
    runId: state.runId + 1,
  };
}

export type KontrollPort = Pick<
  ExcelPort,
  "checkAndMark" | "anyMarks" | "removeMarks" | "goToCell" | "watchSheet" | "settings"
>;

export type KontrollStore = Store<KontrollState, KontrollAction>;

function optionsFor(mapping: ColumnMapping): ValidateOptions {
  // explain: each row's reading, shown for the selected problem's row.
  return { ...(Object.keys(mapping).length > 0 ? { mapping } : {}), explain: true };
}

/**
 * What the tab does, in terms of the port. Every method resolves (errors go into the state), so
 * the caller never needs a catch. `dispose` stops watching the sheet.
 */
export function kontrollController(port: KontrollPort, store: KontrollStore) {
  const { dispatch, getState } = store;
  let watched: { sheet: string; stop: Promise<(() => Promise<void>) | null> } | null = null;
  let disposed = false;

  /** Runs checks while the state asks for them (runId moves on when one more is wanted). */
  async function runChecks(): Promise<void> {
    for (;;) {
      const s = getState();
      if (!s.running) return;
      const id = s.runId;
      try {
        const outcome = await port.checkAndMark(optionsFor(s.mapping), s.runChange ?? undefined);
        dispatch({ type: "check-done", ...outcome });
        watch(outcome.result.sheet);
      } catch (e) {
        dispatch({ type: "check-failed", error: paneError(e) });
      }
      const after = getState();
      if (!after.running || after.runId === id) return;
    }
  }

  /** Watch the plan sheet (one subscription, moved when the plan sheet changes). */
  function watch(sheet: string): void {
    if (disposed || !sheet || watched?.sheet === sheet) return;
    const previous = watched;
    watched = {
      sheet,
      stop: port
        .watchSheet(sheet, (rows, info) =>
          changed({ rows: rows.length > 0 ? rows : null, source: info.source }),
        )
        .catch((e) => {
          dispatch({
            type: "error",
            error: paneError(e, `Klarte ikke å følge endringer i «${sheet}»`),
          });
          return null;
        }),
    };
    if (previous) void previous.stop.then((u) => u?.());
  }

  function changed(change?: SheetChange): void {
    const wasRunning = getState().running;
    dispatch({ type: "sheet-changed", change });
    if (!wasRunning && getState().running) void runChecks();
  }

  return {
    async check(quiet = false, mapping?: ColumnMapping): Promise<void> {
      const wasRunning = getState().running;
      dispatch({ type: "check-requested", quiet, mapping });
      if (!wasRunning) await runChecks();
    },
    /** Called by the sheet watcher; also usable by tests. */
    changed,
    async setLive(on: boolean): Promise<void> {
      const wasRunning = getState().running;
      dispatch({ type: "live-set", on });
      const saving = port.settings
        .saveLiveChecks(on)
        .catch((e) => dispatch({ type: "error", error: paneError(e) }));
      if (!wasRunning && getState().running) await runChecks();
      await saving;
    },
    /** When the tab opens: the saved settings, and whether the sheet has our marks from before. */
    async init(): Promise<void> {
      disposed = false;
      const [live, mapping] = await Promise.all([
        port.settings.liveChecks().catch(() => false),
        port.settings.mapping().catch(() => ({})),
      ]);
      const wasRunning = getState().running;
      dispatch({ type: "settings-loaded", live, mapping });
      const checking = !wasRunning && getState().running ? runChecks() : Promise.resolve();
      await Promise.all([checking, this.lookForMarks()]);
    },
    async lookForMarks(): Promise<void> {
      try {
        dispatch({ type: "marks-known", exist: await port.anyMarks() });
      } catch {
        dispatch({ type: "marks-known", exist: false });
      }
    },
    async clearMarks(): Promise<void> {
      dispatch({ type: "error", error: null });
      try {
        dispatch({ type: "marks-cleared", restored: await port.removeMarks() });
      } catch (e) {
        dispatch({ type: "error", error: paneError(e) });
      }
    },
    async select(p: Problem): Promise<void> {
      dispatch({ type: "problem-selected", problem: p });
      try {
        await port.goToCell(p.sheet, p.cell);
      } catch (e) {
        dispatch({ type: "error", error: paneError(e, `Fant ikke cellen ${p.cell}`) });
      }
    },
    async saveMapping(mapping: ColumnMapping): Promise<void> {
      dispatch({ type: "mapping-dialog", open: false });
      const saving = port.settings
        .saveMapping(mapping)
        .catch((e) => dispatch({ type: "error", error: paneError(e) }));
      await this.check(false, mapping);
      await saving;
    },
    dispose(): void {
      disposed = true;
      const w = watched;
      watched = null;
      if (w) void w.stop.then((u) => u?.());
    },
  };
}

export type KontrollController = ReturnType<typeof kontrollController>;
