/**
 * The Office.js port (src/excel/port.ts) against the strict fake host: availability outside Excel
 * and in too old an Excel, Office errors in Norwegian by their code (English kept as detail), and
 * «Lag ark» never replacing an existing sheet without being told to write beside it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { FakeOfficeError, installFakeOffice } from "../../src/excel/fake";
import { toPortError } from "../../src/excel/office-port";
import {
  MIN_EXCEL_API,
  NOT_IN_EXCEL,
  officeAvailability,
  officeExcelPort,
  PortError,
} from "../../src/excel/port";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

describe("availability", () => {
  it("outside Excel: a Norwegian reason, and every action fails with it instead of «Excel is not defined»", async () => {
    expect(officeAvailability()).toEqual({ ok: false, reason: NOT_IN_EXCEL });
    const port = officeExcelPort();
    await expect(port.readDocument()).rejects.toMatchObject({ name: "PortError", message: NOT_IN_EXCEL });
    await expect(port.checkAndMark({})).rejects.toThrow(NOT_IN_EXCEL);
  });

  it(`an Excel without ExcelApi ${MIN_EXCEL_API}: says it is too old`, () => {
    installFakeOffice(g, undefined, { apiMinor: 8 });
    const a = officeAvailability();
    expect(a.ok).toBe(false);
    expect(!a.ok && a.reason).toMatch(
      /^Denne versjonen av Excel er for gammel for RST-verktøy \(trenger ExcelApi 1\.9/,
    );
  });

  it("a new enough Excel is ok", () => {
    installFakeOffice(g, undefined, { apiMinor: 9 });
    expect(officeAvailability()).toEqual({ ok: true });
  });
});

describe("Office errors in Norwegian", () => {
  it.each([
    ["ItemNotFound", "Fant ikke arket eller området i arbeidsboken"],
    ["AccessDenied", "Excel nektet tilgang"],
    ["InvalidOperationInCellEditMode", "Trykk Enter eller Esc i cellen"],
    ["ResponsePayloadSizeLimitExceeded", "for stor til å leses i én operasjon"],
  ])("%s", (code, words) => {
    const e = toPortError(new FakeOfficeError(code, "Some English text."), "Kontrollen feilet");
    expect(e).toBeInstanceOf(PortError);
    expect(e.message.startsWith("Kontrollen feilet: ")).toBe(true);
    expect(e.message).toContain(words);
    expect(e.code).toBe(code);
    expect(e.detail).toBe(`${code}: Some English text.`);
  });

  it("an unknown code says so and keeps the text", () => {
    const e = toPortError(Object.assign(new Error("Boom"), { code: "Weird" }), "Kontrollen feilet");
    expect(e.message).toBe("Kontrollen feilet: Excel meldte en ukjent feil.");
    expect(e.detail).toBe("Boom");
  });

  it("«Excel is not defined» becomes the Norwegian not-in-Excel sentence", () => {
    const e = toPortError(new ReferenceError("Excel is not defined"), "Kontrollen feilet");
    expect(e.message).toBe(`Kontrollen feilet: ${NOT_IN_EXCEL}`);
  });

  it("a real failure from the host arrives translated: going to a sheet that is gone", async () => {
    installFakeOffice(g, { sheets: [{ name: "Ark1", cells: [["a"]] }] });
    const err = await officeExcelPort()
      .goToCell("Slettet", "A1")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect((err as PortError).message).toMatch(/^Klarte ikke å gå til cellen: /);
    expect((err as PortError).detail).not.toBe("");
  });
});

describe("writeSheet never replaces a sheet that is not its own unasked", () => {
  it("replaces its own unchanged report in place; after the user types into it, asks", async () => {
    const fake = installFakeOffice(g, { sheets: [{ name: "Ark1", cells: [["a"]] }] });
    const port = officeExcelPort();
    const t = { headers: ["Nr", "Navn"], rows: [["1", "Tiltak"]] };
    expect(await port.writeSheet("Rapport", t)).toMatchObject({ kind: "written", sheet: "Rapport" });
    expect(await port.writeSheet("Rapport", t)).toMatchObject({ kind: "written", sheet: "Rapport" });
    expect(fake.sheetNames().filter((n) => n.startsWith("Rapport"))).toEqual(["Rapport"]);
    await fake.editCell("Rapport", "B2", "Mitt tiltak");
    expect(await port.writeSheet("Rapport", t)).toEqual({
      kind: "exists",
      existing: "Rapport",
      freeName: "Rapport (2)",
      reason: "changed",
    });
    expect(fake.getValue("Rapport", "B2")).toBe("Mitt tiltak");
  });

  const table = { title: "Årlig melding 2025", headers: ["Nr", "Navn"], rows: [["1", "Tiltak"]] };

  it("writes a new sheet; with the name taken it writes nothing and offers the free name", async () => {
    const fake = installFakeOffice(g, {
      sheets: [{ name: "Årlig melding 2025", cells: [["Min egen liste"]] }],
    });
    const port = officeExcelPort();
    const first = await port.writeSheet("Årlig melding 2025", table);
    expect(first).toEqual({
      kind: "exists",
      existing: "Årlig melding 2025",
      freeName: "Årlig melding 2025 (2)",
      reason: "not-ours",
    });
    expect(fake.getValue("Årlig melding 2025", "A1")).toBe("Min egen liste");
    const second = await port.writeSheet("Årlig melding 2025", table, { beside: true });
    expect(second).toMatchObject({ kind: "written", sheet: "Årlig melding 2025 (2)" });
    expect(fake.getValue("Årlig melding 2025", "A1")).toBe("Min egen liste");
    expect(fake.getValue("Årlig melding 2025 (2)", "A1")).toBe("Årlig melding 2025");
  });
});
