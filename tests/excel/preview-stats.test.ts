import { describe, expect, it } from "vitest";
import type { RunStats } from "../../src/excel/fake";
import { createFakeExcel } from "../../src/excel/fake";
import { formatBytes, lastAction } from "../../src/preview/stats";

const run = (start: number, ms: number, syncs: number, sent = 10, got = 20): RunStats => ({
  start,
  ms,
  syncs,
  requestChars: sent,
  responseChars: got,
});

describe("the preview's last action", () => {
  it("sums the runs that followed each other without a pause, not the ones before a pause", () => {
    const runs = [run(0, 100, 4), run(5_000, 1_000, 6, 1_000, 2_000_000), run(6_100, 50, 1, 5, 7)];
    expect(lastAction(runs)).toEqual({
      start: 5_000,
      ms: 1_150,
      syncs: 7,
      requestChars: 1_005,
      responseChars: 2_000_007,
    });
    expect(lastAction([])).toBeUndefined();
    expect(lastAction([run(0, 10, 0)])).toBeUndefined();
  });

  it("formats sizes as the 5 MB limit counts them", () => {
    expect(formatBytes(950)).toBe("950 B");
    expect(formatBytes(850_400)).toBe("850 kB");
    expect(formatBytes(2_400_000).replace(/\u00a0/g, " ")).toBe("2,4 MB");
  });
});

describe("fake host: Excel on the web's request limit", () => {
  it("refuses a request above 5 MB as a whole: nothing of it is applied", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Ark1", cells: [["før"]] }] }, { webLimits: true });
    const big = Array.from({ length: 6_000 }, () => ["x".repeat(1_000)]);
    await expect(
      fake.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Ark1");
        ws.getRange("A1").values = [["etter"]];
        ws.getRange("B1:B6000").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.getValue("Ark1", "A1")).toBe("før");
    expect(fake.getValue("Ark1", "B1")).toBeNull();
  });
});
