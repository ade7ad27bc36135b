/**
 * The Kontroll tab's reducer and controller in Node, against a fake port over core's real
 * validation of the handlingsplan seed (examples/data/handlingsplan-2026.json: 29 measure rows;
 * 2.1.2 has no Frist (E9), 1.1.1 no Ansvar (G4) — read by hand from the seed).
 */
import { describe, expect, it } from "vitest";
import { gridFromValues, type GridWorkbook } from "../../src/core/grid";
import { PortError } from "../../src/excel/port";
import {
  initialKontroll,
  kontrollController,
  kontrollReducer,
  type KontrollState,
} from "../../src/taskpane/kontroll/state";
import { createStore } from "../../src/taskpane/store";
import { plan } from "../melding/fixtures";
import { deferred, fakePort, flush } from "./fake-port";

const SHEET = "Handlingsplan 2026";
const FRIST_212 = "E9";

function planWorkbook(edit?: (rows: string[][]) => void): GridWorkbook {
  const rows = plan.rows.map((r) => r.slice());
  edit?.(rows);
  return { sheets: [gridFromValues(SHEET, [[plan.title], [], plan.columns, ...rows])] };
}
/** The seed with a Frist for 2.1.2. */
const fixed = () => planWorkbook((rows) => (rows.find((r) => r[0] === "2.1.2")![4] = "4. kvartal 2026"));
const cells = (s: KontrollState) => s.last?.result.problems.map((p) => p.cell) ?? [];

function setup(wb = planWorkbook(), saved: { live?: boolean } = {}) {
  const port = fakePort(wb);
  port.saved.live = saved.live;
  const store = createStore(kontrollReducer, initialKontroll({ live: saved.live ?? false, mapping: {} }));
  const ctl = kontrollController(port, store);
  return { port, store, ctl, state: () => store.getState() };
}

/** A check that found no plan header (header-missing): what opens the column dialog. */
function noPlanResult() {
  return {
    sheet: "Ark1",
    planYear: 2026,
    header: { row: 0, columns: {} },
    problems: [
      {
        code: "header-missing" as const,
        severity: "error" as const,
        sheet: "Ark1",
        cell: "",
        row: 0,
        column: "",
        value: "",
        message: "x",
      },
    ],
    summary: { rows: 0, errors: 1, warnings: 0, infos: 0, rstTotal: 0, available: null },
  };
}

describe("a check", () => {
  it("is busy while it runs, then lists the problems and says how many rows it checked", async () => {
    const { port, ctl, state } = setup();
    port.gate = deferred();
    const run = ctl.check();
    expect(state().running).toBe(true);
    expect(state().quiet).toBe(false);
    port.gate.resolve();
    await run;
    expect(state().running).toBe(false);
    expect(state().last?.result.summary.rows).toBe(29);
    expect(cells(state())).toContain(FRIST_212);
    expect(cells(state())).toContain("G4");
    expect(state().status).toMatch(/^Kontroll ferdig: 29 rader kontrollert, /);
    expect(state().marksExist).toBe(true);
  });

  it("runs once more, and only once, when asked again while it runs", async () => {
    const { port, ctl, state } = setup();
    port.gate = deferred();
    const first = ctl.check();
    port.wb = fixed(); // the user fixes 2.1.2 and presses «Kontroller» twice while the check runs
    await ctl.check();
    await ctl.check();
    expect(state().pending).toBe(true);
    port.gate.resolve();
    await first;
    expect(port.calls.filter((c) => c === "checkAndMark")).toHaveLength(2);
    expect(state().running).toBe(false);
    expect(cells(state())).not.toContain(FRIST_212);
  });

  it("shows a failure in Norwegian with the original text for support, and can run again", async () => {
    const { port, ctl, state } = setup();
    port.failNext.checkAndMark = new PortError(
      "Kontrollen feilet: Excel er opptatt med en celle du redigerer.",
      "InvalidOperationInCellEditMode",
      "This operation is not permitted in cell edit mode.",
    );
    await ctl.check();
    expect(state().running).toBe(false);
    expect(state().error).toEqual({
      message: "Kontrollen feilet: Excel er opptatt med en celle du redigerer.",
      detail: "This operation is not permitted in cell edit mode.",
    });
    await ctl.check();
    expect(state().error).toBeNull();
    expect(state().last).not.toBeNull();
  });
});

describe("changes to the sheet after a check", () => {
  it("watches the plan sheet even with live checks off, and marks the result stale without re-checking", async () => {
    const { port, ctl, state } = setup();
    await ctl.check();
    expect(port.watching).toEqual([SHEET]);
    port.wb = fixed();
    port.fireChange();
    await flush();
    expect(state().stale).toBe(true);
    expect(port.calls.filter((c) => c === "checkAndMark")).toHaveLength(1);
    // The old list is still there (marked stale), until the user checks again.
    expect(cells(state())).toContain(FRIST_212);
    await ctl.check();
    expect(state().stale).toBe(false);
    expect(cells(state())).not.toContain(FRIST_212);
  });

  it("with live checks on, a change re-checks quietly and the fix disappears from the list", async () => {
    const { port, ctl, state } = setup(planWorkbook(), { live: true });
    await ctl.check();
    port.wb = fixed();
    port.gate = deferred();
    port.fireChange();
    expect(state().running).toBe(true);
    expect(state().quiet).toBe(true);
    port.gate.resolve();
    await flush();
    await flush();
    expect(state().running).toBe(false);
    expect(state().stale).toBe(false);
    expect(cells(state())).not.toContain(FRIST_212);
  });

  it("a change while a check is reading: live on → one re-check after it; live off → stale", async () => {
    for (const live of [true, false]) {
      const { port, ctl, state } = setup(planWorkbook(), { live });
      await ctl.check(); // watching now
      port.gate = deferred();
      const run = ctl.check();
      port.fireChange(); // typed while the check was reading the old values
      port.gate.resolve();
      await run;
      await flush();
      const runs = port.calls.filter((c) => c === "checkAndMark").length;
      expect({ live, runs, stale: state().stale }).toEqual(
        live ? { live, runs: 3, stale: false } : { live, runs: 2, stale: true },
      );
    }
  });

  it("turning live checks on brings a stale result up to date and saves the choice", async () => {
    const { port, ctl, state } = setup();
    await ctl.check();
    port.wb = fixed();
    port.fireChange();
    expect(state().stale).toBe(true);
    await ctl.setLive(true);
    expect(port.saved.live).toBe(true);
    expect(state().stale).toBe(false);
    expect(cells(state())).not.toContain(FRIST_212);
  });

  it("opening the tab reads the saved settings: saved live checks check at once", async () => {
    const { port, store, ctl } = setup();
    port.saved = { live: true, mapping: { frist: "E" } };
    await ctl.init();
    expect(store.getState()).toMatchObject({ live: true, mapping: { frist: "E" }, running: false });
    expect(port.calls.filter((c) => c === "checkAndMark")).toHaveLength(1);
    expect(port.calls).toContain("anyMarks");
  });

  it("opening the tab with live checks off runs no check", async () => {
    const { port, ctl, state } = setup();
    await ctl.init();
    expect(state().live).toBe(false);
    expect(port.calls).toEqual(["anyMarks"]);
  });

  it("a live re-check is told the rows changed since the last check (all of them, from several events)", async () => {
    const { port, ctl } = setup(planWorkbook(), { live: true });
    await ctl.check();
    expect(port.changes).toEqual([undefined]); // the user's check: whole
    port.gate = deferred();
    port.fireChange([9]); // starts a live check of row 9
    port.fireChange([12, 9], "Remote"); // while it reads: queued
    port.fireChange([4], "Remote");
    port.gate.resolve();
    await flush();
    await flush();
    expect(port.changes).toEqual([
      undefined,
      { rows: [9], source: "Local" },
      { rows: [4, 9, 12], source: "Remote" },
    ]);
    // Rows unknown (a whole column changed): the next check reads everything again.
    port.fireChange([]);
    await flush();
    expect(port.changes.at(-1)).toEqual({ rows: null, source: "Local" });
  });

  it("«Kontroller» while a live check runs queues a whole check, not a partial one", async () => {
    const { port, ctl } = setup(planWorkbook(), { live: true });
    await ctl.check();
    port.gate = deferred();
    port.fireChange([9]);
    const asked = ctl.check();
    port.fireChange([10]);
    port.gate.resolve();
    await asked;
    await flush();
    expect(port.changes).toEqual([undefined, { rows: [9], source: "Local" }, undefined]);
  });

  it("«Kontroller» pressed during a live check runs as the user's check: the column dialog can open", () => {
    let s = initialKontroll({ live: true, mapping: {} });
    const noPlan = noPlanResult();
    s = kontrollReducer(s, { type: "check-requested", quiet: true });
    s = kontrollReducer(s, { type: "check-requested", quiet: false });
    s = kontrollReducer(s, { type: "check-done", result: noPlan, workbook: { sheets: [] }, marked: 0 });
    expect({ running: s.running, quiet: s.quiet, open: s.mappingOpen }).toEqual({
      running: true,
      quiet: false,
      open: false,
    });
    s = kontrollReducer(s, { type: "check-done", result: noPlan, workbook: { sheets: [] }, marked: 0 });
    expect(s.mappingOpen).toBe(true);
  });

  it("a change before any check does nothing", async () => {
    const { port, ctl, state } = setup();
    ctl.changed();
    expect(state().stale).toBe(false);
    expect(port.calls).toEqual([]);
  });

  it("stops watching when disposed", async () => {
    const { port, ctl } = setup();
    await ctl.check();
    ctl.dispose();
    await flush();
    expect(port.watching).toEqual([]);
  });
});

describe("empty states", () => {
  it("a workbook without a plan: nothing checked, no all-clear, the column dialog opens", async () => {
    const wb = { sheets: [gridFromValues("Ark1", [["Notater"], ["Møte 12. mars"]])] };
    const { ctl, state } = setup(wb);
    await ctl.check();
    expect(state().status).toBe("Kontroll ferdig: fant ingen tiltaksrader å kontrollere.");
    expect(state().mappingOpen).toBe(true);
  });

  it("a header without measure rows: nothing checked", async () => {
    const wb = { sheets: [gridFromValues(SHEET, [[plan.title], [], plan.columns])] };
    const { ctl, state } = setup(wb);
    await ctl.check();
    expect(state().last?.result.summary.rows).toBe(0);
    expect(state().status).toBe("Kontroll ferdig: fant ingen tiltaksrader å kontrollere.");
  });

  it("a quiet (live) re-check never opens the column dialog", () => {
    let s = initialKontroll({ live: true, mapping: {} });
    s = kontrollReducer(s, { type: "check-requested", quiet: true });
    const noPlan = noPlanResult();
    s = kontrollReducer(s, { type: "check-done", result: noPlan, workbook: { sheets: [] }, marked: 0 });
    expect(s.mappingOpen).toBe(false);
  });
});

describe("marks, cells and the column choice", () => {
  it("clears the marks and says how many cells got their own look back", async () => {
    const { ctl, state } = setup();
    await ctl.check();
    await ctl.clearMarks();
    expect(state().marksExist).toBe(false);
    expect(state().status).toBe("Fjernet markeringer fra 3 celler.");
  });

  it("goes to a problem's cell; a failure names the cell", async () => {
    const { port, ctl, state } = setup();
    await ctl.check();
    const p = state().last!.result.problems.find((x) => x.cell === FRIST_212)!;
    await ctl.select(p);
    expect(port.calls).toContain(`goToCell ${SHEET}!${FRIST_212}`);
    port.failNext.goToCell = new PortError(
      "Klarte ikke å gå til cellen: Fant ikke arket.",
      "ItemNotFound",
      "x",
    );
    await ctl.select(p);
    expect(state().error?.message).toBe(
      `Fant ikke cellen ${FRIST_212}: Klarte ikke å gå til cellen: Fant ikke arket.`,
    );
  });

  it("saving a column choice saves it in the document and checks with it", async () => {
    const { port, ctl, state } = setup();
    await ctl.saveMapping({ frist: "F" });
    expect(port.saved.mapping).toEqual({ frist: "F" });
    expect(state().mapping).toEqual({ frist: "F" });
    // Økonomi (F) read as Frist: 2.1.2 has no Økonomi either, so F9 is now the missing Frist.
    expect(cells(state())).toContain("F9");
  });
});
