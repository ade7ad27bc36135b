/**
 * The RST, Årlig melding and Kostnadsmodell tabs' reducers and controllers in Node, against a fake
 * port over the Vestfold seed (examples/data: register 2025 with its measures, the RST ledger,
 * handlingsplan 2026; figures read by hand from the seed files).
 */
import { describe, expect, it, vi } from "vitest";
import { gridFromValues, type CellValue } from "../../src/core/grid";
import { COST_SHEET_NAME } from "../../src/core/cost-model";
import { PortError } from "../../src/excel/port";
import { costController, costReducer, initialCost } from "../../src/taskpane/cost/state";
import {
  CSV_MIME,
  DOCX_MIME,
  initialMelding,
  meldingController,
  meldingReducer,
  meldingView,
} from "../../src/taskpane/melding/state";
import { initialRst, rstController, rstData, rstReducer } from "../../src/taskpane/rst/state";
import { createStore } from "../../src/taskpane/store";
import {
  ledgerGrid,
  melding,
  planGrid,
  REGISTER_HEADER,
  registerGrid,
  rst,
  seedWorkbook,
} from "../melding/fixtures";
import { deferred, fakePort } from "./fake-port";

describe("RST tab", () => {
  it("reads the ledger's years and the plan's RST total from one read", () => {
    const d = rstData(seedWorkbook());
    expect(d.ledgerSheet).toBe("RST");
    expect(d.years.map((y) => y.year)).toEqual(rst.grants.map((g) => g.year));
    expect(d.years.find((y) => y.year === 2025)?.carriedOut).toBe(rst.expected.carriedInto2026);
    expect(d.plan?.sheet).toBe("Handlingsplan 2026");
    expect(d.planMissing).toBeNull();
  });

  it("without a plan sheet it says so and computes no plan total (no «money left» claim)", () => {
    const d = rstData({ sheets: [ledgerGrid(), registerGrid()] });
    expect(d.plan).toBeNull();
    expect(d.planMissing).toBe(
      "Fant ingen handlingsplan i arbeidsboken, så planens RST-sum er ikke beregnet.",
    );
    expect(d.years.length).toBe(rst.grants.length);
  });

  it("without a ledger: no years, the plan still read", () => {
    const d = rstData({ sheets: [planGrid()] });
    expect(d.years).toEqual([]);
    expect(d.ledgerSheet).toBeNull();
    expect(d.plan?.summary.rows).toBe(29);
  });

  it("loads once more when asked while loading (after a new check), and keeps the error readable", async () => {
    const port = fakePort(seedWorkbook());
    const store = createStore(rstReducer, initialRst);
    const ctl = rstController(port, store);
    port.gate = deferred();
    const first = ctl.load();
    expect(store.getState().loading).toBe(true);
    await ctl.load();
    port.gate.resolve();
    await first;
    expect(port.calls).toEqual(["readDocument", "readDocument"]);
    expect(store.getState().loading).toBe(false);
    port.failNext.readDocument = new PortError(
      "Klarte ikke å lese arbeidsboken: Excel avbrøt handlingen.",
      "RequestAborted",
      "aborted",
    );
    port.gate = null;
    await ctl.load();
    expect(store.getState().error).toEqual({
      message: "Klarte ikke å lese arbeidsboken: Excel avbrøt handlingen.",
      detail: "aborted",
    });
    expect(store.getState().data).not.toBeNull(); // the last good read stays shown
  });
});

describe("Årlig melding tab: what it shows", () => {
  it("the seed: every measure of 2025, actions on, and differences (not an all-clear)", () => {
    const v = meldingView(seedWorkbook(), 2025, "Helsefellesskap Vestfold");
    expect(v.report?.blocks.map((b) => b.name)).toEqual(melding.measures.map((m) => m.name));
    expect(v.blocked).toBeNull();
    expect(v.verdict).toBe("differences");
    expect(v.notCompared).toEqual([]);
  });

  it("an empty workbook: actions off with the reason, and «not compared», never «Ingen avvik»", () => {
    const v = meldingView({ sheets: [gridFromValues("Ark1", [])] }, 2025, "");
    expect(v.report?.blocks).toEqual([]);
    expect(v.blocked).toBe(
      "Meldingen for 2025 har ingen tiltak, så det er ingenting å lage ark eller fil av.",
    );
    expect(v.verdict).toBe("incomplete");
    expect(v.notCompared[0]).toBe("Ingen tiltak for 2025 i registeret: ingenting å avstemme.");
    expect(v.notCompared.some((m) => m.includes("Fant ikke RST-arket"))).toBe(true);
  });

  it("a year without measures is blocked too, and says which years have some", () => {
    const v = meldingView(seedWorkbook(), 2019, "x");
    expect(v.blocked).toBe(
      "Meldingen for 2019 har ingen tiltak, så det er ingenting å lage ark eller fil av. Registeret har tiltak for 2025.",
    );
    expect(v.verdict).toBe("incomplete");
  });

  it("lists every register row left out of the report, with the reason", () => {
    const rows: CellValue[][] = [REGISTER_HEADER];
    for (const m of melding.measures)
      rows.push(["", m.name, m.sum, m.agreement, m.status, m.duration, m.results, m.spread, 2025]);
    rows.push(["", "Sum", 99, "", "", "", "", "", 2025]); // row 10: a total line
    rows.push(["", "Gammelt tiltak", 50_000, "", "Avsluttet", "", "", "", 2024]); // row 11: another year
    const v = meldingView({ sheets: [gridFromValues("Årlig melding", rows)] }, 2025, "x");
    expect(v.report?.blocks).toHaveLength(melding.measures.length);
    expect(v.skipped.map((l) => l.replace(/[\u00a0\u202f]/g, " "))).toEqual([
      "Rad 10 «Sum» (99 kr): summelinje (navnet er bare et sumord).",
      "Rad 11 «Gammelt tiltak» (50 000 kr): gjelder 2024, ikke 2025.",
    ]);
  });

  it("without the ledger the reconciliation is incomplete and says which side is missing", () => {
    const v = meldingView({ sheets: [planGrid(), registerGrid()] }, 2025, "x");
    expect(v.blocked).toBeNull();
    expect(v.verdict).toBe("incomplete");
    expect(v.notCompared.join(" ")).toMatch(/Fant ikke RST-arket/);
  });
});

describe("Årlig melding tab: actions", () => {
  function setup(wb = seedWorkbook()) {
    const port = fakePort(wb);
    const store = createStore(meldingReducer, initialMelding);
    const download = vi.fn();
    const docx = vi.fn(async () => new Uint8Array([0x50, 0x4b]));
    const ctl = meldingController(port, store, { download, docx });
    return { port, store, ctl, download, docx, state: () => store.getState() };
  }

  it("loads the workbook and guesses the community's name from it", async () => {
    const { ctl, state } = setup();
    await ctl.load();
    expect(state().wb?.sheets.length).toBe(3);
    expect(state().name).toMatch(/Vestfold/);
  });

  it("«Lag ark» writes the report sheet, then asks before writing beside a sheet it may not replace", async () => {
    const { port, ctl, state } = setup();
    await ctl.load();
    await ctl.makeSheet();
    expect(port.written.map((w) => w.name)).toEqual(["Årlig melding 2025"]);
    expect(port.written[0].table.rows.length).toBe(melding.measures.length + melding.trailer.length + 1);
    expect(state().status).toBe("Skrev arket «Årlig melding 2025».");
    await ctl.makeSheet();
    expect(state().confirm).toEqual({
      existing: "Årlig melding 2025",
      freeName: "Årlig melding 2025 (2)",
      reason: "not-ours",
    });
    expect(port.written).toHaveLength(1); // nothing written before the user answers
    ctl.cancelConfirm();
    expect(state().confirm).toBeNull();
    await ctl.makeSheet();
    await ctl.makeSheetBeside();
    expect(port.written.map((w) => [w.name, w.beside])).toEqual([
      ["Årlig melding 2025", false],
      ["Årlig melding 2025 (2)", true],
    ]);
  });

  it("downloads .docx and .csv with ASCII names", async () => {
    const { ctl, download } = setup();
    await ctl.load();
    await ctl.makeDocx();
    await ctl.makeCsv();
    expect(download.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      ["arlig-melding-2025.docx", DOCX_MIME],
      ["arlig-melding-2025.csv", CSV_MIME],
    ]);
    expect(String(download.mock.calls[1][0])).toContain("Vitality");
  });

  it("with 0 measures nothing is written or downloaded", async () => {
    const { port, ctl, download } = setup({ sheets: [gridFromValues("Ark1", [])] });
    await ctl.load();
    await ctl.makeSheet();
    await ctl.makeDocx();
    await ctl.makeCsv();
    expect(port.calls).toEqual(["readDocument"]);
    expect(download).not.toHaveBeenCalled();
  });

  it("a failed write is shown in Norwegian", async () => {
    const { port, ctl, state } = setup();
    await ctl.load();
    port.failNext.writeSheet = new PortError(
      "Klarte ikke å lage arket: Excel nektet tilgang.",
      "AccessDenied",
      "AccessDenied",
    );
    await ctl.makeSheet();
    expect(state().working).toBe(false);
    expect(state().error?.message).toBe("Klarte ikke å lage arket: Excel nektet tilgang.");
  });
});

describe("Kostnadsmodell tab", () => {
  it("inserts the chosen scenario; asks first when the name is taken and never touches that sheet", async () => {
    const port = fakePort({ sheets: [gridFromValues("Handlingsplan", [["Nr"]])] });
    const store = createStore(costReducer, initialCost);
    const ctl = costController(port, store);
    store.dispatch({ type: "scenario-set", scenario: "2018" });
    await ctl.start();
    expect(store.getState().done).toBe(COST_SHEET_NAME);
    expect(port.inserted[0].name).toBe(COST_SHEET_NAME);
    expect(port.inserted[0].cells.some((c) => c.formula?.startsWith("=COST.ANNUAL("))).toBe(true);
    await ctl.start();
    expect(store.getState().confirm).toBe(`${COST_SHEET_NAME} (2)`);
    expect(port.inserted).toHaveLength(1);
    await ctl.insertAsNew();
    expect(store.getState().done).toBe(`${COST_SHEET_NAME} (2)`);
    expect(store.getState().busy).toBe(false);
  });

  it("a failure ends the busy state with the message", async () => {
    const port = fakePort({ sheets: [] });
    port.failNext.sheetName = new PortError(
      "Klarte ikke å lese arknavnene: Excel avbrøt handlingen.",
      "RequestAborted",
      "x",
    );
    const store = createStore(costReducer, initialCost);
    await costController(port, store).start();
    expect(store.getState()).toMatchObject({
      busy: false,
      error: { message: "Klarte ikke å lese arknavnene: Excel avbrøt handlingen." },
    });
  });
});
