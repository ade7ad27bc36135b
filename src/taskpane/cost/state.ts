/**
 * The Kostnadsmodell tab's state (a pure reducer) and its controller: insert the cost model as a
 * new sheet through the port, asking first when the name is taken (the existing sheet is never
 * touched). Node tests drive both with a fake port.
 */
import { COST_SHEET_NAME, costModelTemplate, type ScenarioId } from "../../core/cost-model";
import type { ExcelPort } from "../../excel/port";
import { paneError, type PaneError, type Store } from "../store";

export interface CostState {
  scenario: ScenarioId;
  busy: boolean;
  error: PaneError | null;
  /** The sheet just inserted. */
  done: string | null;
  /** The name is taken: the name a new sheet would get, while the user decides. */
  confirm: string | null;
}

export type CostAction =
  | { type: "scenario-set"; scenario: ScenarioId }
  | { type: "started" }
  | { type: "ask"; freeName: string }
  | { type: "inserted"; sheet: string }
  | { type: "failed"; error: PaneError }
  | { type: "cancelled" };

export const initialCost: CostState = {
  scenario: "2024",
  busy: false,
  error: null,
  done: null,
  confirm: null,
};

export function costReducer(state: CostState, action: CostAction): CostState {
  switch (action.type) {
    case "scenario-set":
      return { ...state, scenario: action.scenario };
    case "started":
      return { ...state, busy: true, error: null, done: null, confirm: null };
    case "ask":
      return { ...state, busy: false, confirm: action.freeName };
    case "inserted":
      return { ...state, busy: false, done: action.sheet };
    case "failed":
      return { ...state, busy: false, error: action.error };
    case "cancelled":
      return { ...state, confirm: null };
  }
}

export type CostPort = Pick<ExcelPort, "sheetName" | "insertSheet">;
export type CostStore = Store<CostState, CostAction>;

export function costController(port: CostPort, store: CostStore) {
  const { dispatch, getState } = store;
  async function insert(): Promise<void> {
    const t = costModelTemplate({ scenario: getState().scenario });
    try {
      const res = await port.insertSheet({
        name: t.name,
        cells: t.cells,
        columnWidths: t.columnWidths,
        merges: t.merges,
      });
      dispatch({ type: "inserted", sheet: res.sheet });
    } catch (e) {
      dispatch({ type: "failed", error: paneError(e) });
    }
  }
  return {
    /** «Sett inn kostnadsmodell»: asks first when a sheet of that name exists. */
    async start(): Promise<void> {
      if (getState().busy) return;
      dispatch({ type: "started" });
      try {
        const check = await port.sheetName(COST_SHEET_NAME);
        if (check.taken) {
          dispatch({ type: "ask", freeName: check.freeName });
          return;
        }
      } catch (e) {
        dispatch({ type: "failed", error: paneError(e) });
        return;
      }
      await insert();
    },
    /** The user said yes: insert as the free name (writeCells picks it again, never replacing). */
    async insertAsNew(): Promise<void> {
      dispatch({ type: "started" });
      await insert();
    },
    cancel: () => dispatch({ type: "cancelled" }),
  };
}
