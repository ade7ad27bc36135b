/**
 * The RST tab's state (a pure reducer) and its controller (reads the workbook through the port and
 * computes the ledger and the plan's RST total with core). Node tests drive both with a fake port.
 */
import type { GridWorkbook } from "../../core/grid";
import type { LedgerYear } from "../../core/ledger";
import { findLedgerGrid, readLedger } from "../../core/ledger-sheet";
import { validateWorkbook, type ValidateOptions, type ValidationResult } from "../../core/plan";
import type { ColumnMapping, ExcelPort } from "../../excel/port";
import { isNothingChecked } from "../kontroll/state";
import { paneError, type PaneError, type Store } from "../store";

export interface RstData {
  years: LedgerYear[];
  ledgerSheet: string | null;
  /** The plan's validation, or null when no plan with measure rows was found (nothing to compare). */
  plan: ValidationResult | null;
  /** Why the plan is not compared (Norwegian), when plan is null. */
  planMissing: string | null;
}

export interface RstState {
  loading: boolean;
  /** Asked for while loading: load once more after it. */
  pending: boolean;
  runId: number;
  data: RstData | null;
  error: PaneError | null;
}

export type RstAction =
  { type: "load-requested" } | { type: "loaded"; data: RstData } | { type: "failed"; error: PaneError };

export const initialRst: RstState = { loading: false, pending: false, runId: 0, data: null, error: null };

export function rstReducer(state: RstState, action: RstAction): RstState {
  switch (action.type) {
    case "load-requested":
      if (state.loading) return { ...state, pending: true };
      return { ...state, loading: true, pending: false, runId: state.runId + 1, error: null };
    case "loaded":
    case "failed": {
      const again = state.pending;
      return {
        ...state,
        ...(action.type === "loaded" ? { data: action.data, error: null } : { error: action.error }),
        loading: again,
        pending: false,
        runId: again ? state.runId + 1 : state.runId,
      };
    }
  }
}

/** The ledger and the plan read from one workbook, so the plan total matches the ledger shown. */
export function rstData(wb: GridWorkbook, opts: ValidateOptions = {}): RstData {
  const grid = findLedgerGrid(wb);
  const years = grid ? readLedger(grid).years : [];
  const plan = validateWorkbook(wb, opts);
  const missing = isNothingChecked(plan);
  return {
    years,
    ledgerSheet: grid?.sheet ?? null,
    plan: missing ? null : plan,
    planMissing: missing
      ? plan.summary.rows === 0 && !plan.problems.some((p) => p.code === "header-missing")
        ? `Fant ingen tiltaksrader i «${plan.sheet}», så planens RST-sum er ikke beregnet.`
        : "Fant ingen handlingsplan i arbeidsboken, så planens RST-sum er ikke beregnet."
      : null,
  };
}

export type RstPort = Pick<ExcelPort, "readDocument" | "settings">;
export type RstStore = Store<RstState, RstAction>;

export function rstController(port: RstPort, store: RstStore) {
  const { dispatch, getState } = store;
  async function run(): Promise<void> {
    for (;;) {
      const id = getState().runId;
      try {
        const wb = await port.readDocument();
        const mapping: ColumnMapping = await port.settings.mapping();
        dispatch({ type: "loaded", data: rstData(wb, Object.keys(mapping).length > 0 ? { mapping } : {}) });
      } catch (e) {
        dispatch({ type: "failed", error: paneError(e) });
      }
      const s = getState();
      if (!s.loading || s.runId === id) return;
    }
  }
  return {
    async load(): Promise<void> {
      const was = getState().loading;
      dispatch({ type: "load-requested" });
      if (!was) await run();
    },
  };
}
