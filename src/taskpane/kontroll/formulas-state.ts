/**
 * Re-activating our formulas (issue 11.7): a workbook written by another tool (the `rst` CLI)
 * can show #NAME? for =COST.ANNUAL(…) and the other functions until each cell is entered again.
 * The pane does it once when it opens, and on the button. A pure reducer and a controller over
 * the port, tested in Node with a fake port.
 */
import type { ExcelPort } from "../../excel/port";
import { paneError, type PaneError, type Store } from "../store";

export interface FormulasState {
  running: boolean;
  /** The last run: how many cells were entered again, per sheet; null before the first. */
  result: { reentered: number; sheets: { sheet: string; cells: number }[]; auto: boolean } | null;
  error: PaneError | null;
}

export type FormulasAction =
  | { type: "started" }
  | { type: "done"; reentered: number; sheets: { sheet: string; cells: number }[]; auto: boolean }
  | { type: "failed"; error: PaneError };

export const initialFormulas: FormulasState = { running: false, result: null, error: null };

export function formulasReducer(state: FormulasState, action: FormulasAction): FormulasState {
  switch (action.type) {
    case "started":
      return { ...state, running: true, error: null };
    case "done":
      return {
        running: false,
        error: null,
        result: { reentered: action.reentered, sheets: action.sheets, auto: action.auto },
      };
    case "failed":
      return { ...state, running: false, error: action.error };
  }
}

/** What to tell the user after a run; null when an automatic run found nothing (say nothing then). */
export function formulasMessage(state: FormulasState): string | null {
  const r = state.result;
  if (!r) return null;
  if (r.reentered === 0)
    return r.auto
      ? null
      : "Fant ingen formler med RST-, MEASURE-, NOK- eller COST-funksjoner i arbeidsboken.";
  const where = r.sheets.map((s) => `«${s.sheet}» (${s.cells})`).join(", ");
  return (
    `Aktiverte ${r.reentered} ${r.reentered === 1 ? "formel" : "formler"} med tilleggets funksjoner på nytt ` +
    `i ${r.sheets.length === 1 ? "arket" : "arkene"} ${where}, så de regnes av tillegget og ikke viser #NAVN?.`
  );
}

export type FormulasPort = Pick<ExcelPort, "reactivateFormulas" | "availability">;

export function formulasController(port: FormulasPort, store: Store<FormulasState, FormulasAction>) {
  return {
    /** `auto`: when the pane opens; skipped outside Excel (the pane says so already). */
    async run(auto = false): Promise<void> {
      if (store.getState().running) return;
      if (auto && !port.availability().ok) return;
      store.dispatch({ type: "started" });
      try {
        const r = await port.reactivateFormulas();
        store.dispatch({ type: "done", ...r, auto });
      } catch (e) {
        store.dispatch({ type: "failed", error: paneError(e) });
      }
    },
  };
}
