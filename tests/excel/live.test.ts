import { afterEach, describe, expect, it, vi } from "vitest";
import { suspendWatching, watchSheet } from "../../src/excel/live";
import { installFakeOffice } from "../../src/excel/fake";
import { PLAN_SHEET, planWorkbook } from "./helpers";

afterEach(() => vi.useRealTimers());

describe("watchSheet", () => {
  it("collects the rows of several edits into one debounced callback", async () => {
    vi.useFakeTimers();
    const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, planWorkbook());
    const calls: number[][] = [];
    const stop = await watchSheet(PLAN_SHEET, (rows) => calls.push(rows), 600);
    await fake.editCell(PLAN_SHEET, "E12", "2.kvartal 2026");
    await vi.advanceTimersByTimeAsync(300);
    await fake.editCell(PLAN_SHEET, "F5", "410 000 kr");
    await fake.editCell(PLAN_SHEET, "E12", "3.kvartal 2026");
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(599);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([[5, 12]]);

    await fake.editCell(PLAN_SHEET, "A7", "1.3.1");
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([[5, 12], [7]]);

    await stop();
    await fake.editCell(PLAN_SHEET, "A8", "1.3.2");
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
  });

  it("parses multi-cell addresses and ignores our own writes", async () => {
    vi.useFakeTimers();
    const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, planWorkbook());
    const calls: number[][] = [];
    const stop = await watchSheet(PLAN_SHEET, (rows) => calls.push(rows), 600);
    await suspendWatching([{ sheet: PLAN_SHEET, area: { top: 3, bottom: 5, left: 6, right: 6 } }], () =>
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(PLAN_SHEET).getRange("G4:G6").values = [["a"], ["b"], ["c"]];
        await ctx.sync();
      }),
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toEqual([]);
    // A write outside suspendWatching (like a paste by the user through another add-in) counts.
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(PLAN_SHEET).getRange("B3:C5").values = [
        ["x", "y"],
        ["x", "y"],
        ["x", "y"],
      ];
      await ctx.sync();
    });
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([[3, 4, 5]]);
    await stop();
  });
});

describe("watchSheet and our own writes", () => {
  const G4_G6 = [{ sheet: PLAN_SHEET, area: { top: 3, bottom: 5, left: 6, right: 6 } }];

  it("keeps a user's edit made while we write, and one made just after", async () => {
    vi.useFakeTimers();
    const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, planWorkbook());
    const calls: number[][] = [];
    const stop = await watchSheet(PLAN_SHEET, (rows) => calls.push(rows), 600);
    await suspendWatching(G4_G6, async () => {
      await fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(PLAN_SHEET).getRange("G4:G6").values = [["a"], ["b"], ["c"]];
        await ctx.sync();
      });
      await fake.editCell(PLAN_SHEET, "E12", "2.kvartal 2026"); // the user, in the same moment
    });
    await fake.editCell(PLAN_SHEET, "F9", "410 000 kr"); // the user, inside the grace period
    // A late event for our own cells (Excel may raise it after the sync) is still ours.
    await fake.editCell(PLAN_SHEET, "G5", "b");
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([[9, 12]]);
    await stop();
  });

  it("lets the same cells count again once the grace period is over, and on another sheet at once", async () => {
    vi.useFakeTimers();
    const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, planWorkbook());
    const calls: number[][] = [];
    const stop = await watchSheet(PLAN_SHEET, (rows) => calls.push(rows), 600);
    await vi.advanceTimersByTimeAsync(3000); // past the grace period of the test before's own writes
    await suspendWatching([{ sheet: "Et annet ark", area: G4_G6[0].area }], async () => {
      await fake.editCell(PLAN_SHEET, "G4", "x"); // same address, but our write was on another sheet
    });
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([[4]]);
    await suspendWatching(G4_G6, async () => undefined);
    await vi.advanceTimersByTimeAsync(5000);
    await fake.editCell(PLAN_SHEET, "G6", "y");
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([[4], [6]]);
    await stop();
  });
});

describe("watchSheet and co-authoring", () => {
  it("says Remote only when every change of the callback came from a co-author", async () => {
    vi.useFakeTimers();
    const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, planWorkbook());
    const calls: [number[], string][] = [];
    const stop = await watchSheet(PLAN_SHEET, (rows, info) => calls.push([rows, info.source]), 600);
    await vi.advanceTimersByTimeAsync(3000); // past the grace period of an earlier test's own writes
    await fake.editCell(PLAN_SHEET, "E12", "2.kvartal 2026", "Remote");
    await vi.advanceTimersByTimeAsync(600);
    await fake.editCell(PLAN_SHEET, "E13", "2.kvartal 2026", "Remote");
    await fake.editCell(PLAN_SHEET, "E14", "2.kvartal 2026");
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toEqual([
      [[12], "Remote"],
      [[13, 14], "Local"],
    ]);
    await stop();
  });
});
