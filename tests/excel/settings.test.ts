import { afterEach, describe, expect, it } from "vitest";
import { getSetting, setSetting } from "../../src/excel/settings";
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
});
