/**
 * Re-activating our formulas from the pane (issue 11.7): automatically when the pane opens (quiet
 * when there is nothing to do, skipped outside Excel) and on the button (which always says what
 * it did). Against a fake port, and once through the real port over the strict fake host with a
 * formula as the rst CLI writes it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { installFakeOffice } from "../../src/excel/fake";
import { officeExcelPort, PortError } from "../../src/excel/port";
import {
  formulasController,
  formulasMessage,
  formulasReducer,
  initialFormulas,
} from "../../src/taskpane/kontroll/formulas-state";
import { createStore } from "../../src/taskpane/store";
import { fakePort } from "./fake-port";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

function setup() {
  const port = fakePort({ sheets: [] });
  const store = createStore(formulasReducer, initialFormulas);
  return { port, store, ctl: formulasController(port, store) };
}

describe("the pane's formula re-activation", () => {
  it("on opening: says what it re-entered, per sheet", async () => {
    const { port, store, ctl } = setup();
    port.formulas = { reentered: 3, sheets: [{ sheet: "Kostnadsmodell", cells: 3 }] };
    await ctl.run(true);
    expect(formulasMessage(store.getState())).toBe(
      "Aktiverte 3 formler med tilleggets funksjoner på nytt i arket «Kostnadsmodell» (3), så de regnes av tillegget og ikke viser #NAVN?.",
    );
  });

  it("on opening with nothing to do: says nothing; on the button: says there was nothing", async () => {
    const { store, ctl } = setup();
    await ctl.run(true);
    expect(formulasMessage(store.getState())).toBeNull();
    await ctl.run(false);
    expect(formulasMessage(store.getState())).toBe(
      "Fant ingen formler med RST-, MEASURE-, NOK- eller COST-funksjoner i arbeidsboken.",
    );
  });

  it("outside Excel the automatic run is skipped; a failure is shown", async () => {
    const { port, store, ctl } = setup();
    port.availability = () => ({ ok: false, reason: "x" });
    await ctl.run(true);
    expect(port.calls).toEqual([]);
    port.availability = () => ({ ok: true });
    port.failNext.reactivateFormulas = new PortError(
      "Klarte ikke å aktivere formlene på nytt: Excel nektet tilgang.",
      "AccessDenied",
      "d",
    );
    await ctl.run(false);
    expect(store.getState()).toMatchObject({
      running: false,
      error: { message: "Klarte ikke å aktivere formlene på nytt: Excel nektet tilgang." },
    });
  });

  it("through the real port: a CLI-written COST formula is entered again, other cells untouched", async () => {
    const fake = installFakeOffice(g, {
      sheets: [
        {
          name: "Kostnadsmodell",
          cells: [["Årskostnad", 1_194_000, 5, "tekst"]],
          formulas: { B1: "=COST.ANNUAL(850000,,344000)", C1: "=2+3" },
        },
      ],
    });
    const store = createStore(formulasReducer, initialFormulas);
    await formulasController(officeExcelPort(), store).run(true);
    expect(store.getState().result).toMatchObject({
      reentered: 1,
      sheets: [{ sheet: "Kostnadsmodell", cells: 1 }],
    });
    expect(fake.getFormula("Kostnadsmodell", "B1")).toBe("=COST.ANNUAL(850000,,344000)");
    expect(fake.getFormula("Kostnadsmodell", "C1")).toBe("=2+3");
    expect(fake.getValue("Kostnadsmodell", "D1")).toBe("tekst");
  });
});
