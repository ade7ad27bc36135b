import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { getSetting, readSetting, setSetting } from "../../src/excel/settings";
import { installFakeOffice } from "../../src/excel/fake";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe("settings", () => {
  it("falls back to memory without Office", async () => {
    delete g.Office;
    expect(getSetting("columnMapping", { frist: "E" })).toEqual({ frist: "E" });
    await setSetting("columnMapping", { frist: "F" });
    expect(getSetting("columnMapping", {})).toEqual({ frist: "F" });
  });

  it("uses the document settings, saved with the workbook", async () => {
    const fake = installFakeOffice(g, { sheets: [{ name: "Ark1", cells: [] }] });
    expect(getSetting("liveChecks", false)).toBe(false);
    await setSetting("liveChecks", true);
    expect(getSetting("liveChecks", false)).toBe(true);
    expect(fake.toData().settings).toEqual({ liveChecks: true });
  });

  it("readSetting checks the stored value with a schema: the fallback when unset or invalid", async () => {
    const fake = installFakeOffice(g, {
      sheets: [{ name: "Ark1", cells: [] }],
      settings: { year: "2026", count: 3 },
    });
    const Count = z.int().check(z.nonnegative());
    expect(readSetting("count", Count, 0)).toBe(3);
    expect(readSetting("year", z.int(), 2025)).toBe(2025);
    expect(readSetting("missing", Count, 7)).toBe(7);
    await setSetting("count", -1);
    expect(readSetting("count", Count, 0)).toBe(0);
    expect(fake.toData().settings).toEqual({ year: "2026", count: -1 });
  });
});
