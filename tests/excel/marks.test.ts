import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../src/core/plan";
import {
  clearMarks,
  clusters,
  hasMarks,
  MARK_COLORS,
  markProblems,
  recoverMarks,
} from "../../src/excel/marks";
import { MARK_SHEET, parseMarkBook } from "../../src/excel/marks-store";
import { readWorkbook } from "../../src/excel/read";
import { checkAndMark } from "../../src/excel/office-port";
import { type FakeExcel, type FakeWorkbookData, installFakeOffice } from "../../src/excel/fake";
import { FIRST_DATA_ROW, PLAN_SHEET, planSheet, planWorkbook, problem } from "./helpers";

const S = PLAN_SHEET;

/** The plan with a user's own fills and notes on some cells. */
function userWorkbook(): FakeWorkbookData {
  const sheet = planSheet();
  sheet.fills = { F4: "#00B050", E5: "#FFFF00" };
  sheet.fillPatterns = { E5: "Gray25" };
  sheet.notes = { F4: "Avklart med økonomisjef 12.03.", G6: "Spør Anne" };
  return { sheets: [sheet] };
}

function host(data: FakeWorkbookData, apiMinor = 18): FakeExcel {
  // Installs the Office global too: marks.ts asks Office.context.requirements for notes.
  return installFakeOffice(globalThis as unknown as Record<string, unknown>, data, { apiMinor });
}

const problems = [
  problem("E4", "error", "Frist «2026» i E4 er et helt år; skriv en dato eller et kvartal."),
  problem("E4", "warning", "Frist i E4 ligger utenfor planåret."),
  problem("F4", "warning", "Økonomi i F4: beløpet for 2027 er ikke med i 2026-summen."),
  problem("E5", "info", "Info om E5."),
  problem("G4", "error", "Ansvar mangler i G4; skriv hvem som har ansvaret."),
  problem("G6", "info", "G6 har ansvar, men ingen frist."),
];

async function mark(fake: FakeExcel, list = problems) {
  return fake.Excel.run((ctx) => markProblems(ctx, list));
}
async function clear(fake: FakeExcel) {
  return fake.Excel.run((ctx) => clearMarks(ctx));
}

describe("markProblems / clearMarks", () => {
  it("colours each cell by its worst problem, adds notes, changes no values", async () => {
    const fake = host(userWorkbook());
    const before = await fake.Excel.run((ctx) => readWorkbook(ctx));
    const { marked } = await mark(fake);
    expect(marked).toBe(5);
    expect(fake.getFill(S, "E4")).toBe(MARK_COLORS.error);
    expect(fake.getFill(S, "F4")).toBe(MARK_COLORS.warning);
    expect(fake.getFill(S, "E5")).toBe(MARK_COLORS.info);
    expect(fake.getFill(S, "G4")).toBe(MARK_COLORS.error);
    expect(fake.getFill(S, "A4")).toBeNull();
    expect(fake.getNote(S, "E4")).toContain("Feil: Frist «2026» i E4");
    expect(fake.getNote(S, "E4")).toContain("utenfor planåret");
    // The user's note stays readable inside ours.
    expect(fake.getNote(S, "F4")).toContain("Avklart med økonomisjef 12.03.");
    const after = await fake.Excel.run((ctx) => readWorkbook(ctx));
    expect(after).toEqual(before);
    expect(fake.getVisibility(MARK_SHEET)).toBe("VeryHidden");
    expect(await fake.Excel.run((ctx) => hasMarks(ctx))).toBe(true);
  });

  it("clearMarks restores fills (none, solid, pattern) and notes exactly, also after marking twice", async () => {
    const fake = host(userWorkbook());
    await mark(fake);
    // Second marking: E4 again (already red), G4 no longer a problem, A5 new.
    await mark(fake, [
      problems[0],
      problems[2],
      problem("A5", "warning", "Nr i A5 følger ikke rekkefølgen."),
    ]);
    expect(fake.getFill(S, "G4")).toBeNull(); // stale mark restored right away
    expect(fake.getNote(S, "G4")).toBeUndefined();
    expect(fake.getFill(S, "E5")).toBe("#FFFF00");
    expect(fake.getFillPattern(S, "E5")).toBe("Gray25");
    expect(fake.getNote(S, "G6")).toBe("Spør Anne");
    expect(fake.getFill(S, "A5")).toBe(MARK_COLORS.warning);

    const { restored } = await clear(fake);
    expect(restored).toBe(3);
    expect(fake.getFill(S, "E4")).toBeNull();
    expect(fake.getNote(S, "E4")).toBeUndefined();
    expect(fake.getFill(S, "F4")).toBe("#00B050");
    expect(fake.getNote(S, "F4")).toBe("Avklart med økonomisjef 12.03.");
    expect(fake.getFill(S, "A5")).toBeNull();
    expect(fake.sheetNames()).not.toContain(MARK_SHEET);
    expect(await fake.Excel.run((ctx) => hasMarks(ctx))).toBe(false);
    expect(await clear(fake)).toEqual({ restored: 0 });
  });

  it("marks survive closing and reopening the workbook", async () => {
    const first = host(userWorkbook());
    await mark(first);
    const saved = JSON.parse(JSON.stringify(first.toData())) as FakeWorkbookData;
    const reopened = host(saved);
    expect(reopened.getFill(S, "F4")).toBe(MARK_COLORS.warning);
    expect(await reopened.Excel.run((ctx) => hasMarks(ctx))).toBe(true);
    await clear(reopened);
    expect(reopened.getFill(S, "F4")).toBe("#00B050");
    expect(reopened.getNote(S, "F4")).toBe("Avklart med økonomisjef 12.03.");
    expect(reopened.getFill(S, "E4")).toBeNull();
    expect(reopened.getNote(S, "G6")).toBe("Spør Anne");
  });

  it("without the notes API (ExcelApi < 1.18) marks with fills only and leaves notes alone", async () => {
    const fake = host(userWorkbook(), 17);
    await mark(fake);
    expect(fake.getFill(S, "E4")).toBe(MARK_COLORS.error);
    expect(fake.getNote(S, "E4")).toBeUndefined();
    expect(fake.getNote(S, "F4")).toBe("Avklart med økonomisjef 12.03.");
    await clear(fake);
    expect(fake.getFill(S, "F4")).toBe("#00B050");
  });

  it("chunks address lists longer than the ~8 000-character limit", async () => {
    const n = 6_000;
    const fake = host(planWorkbook(n));
    // Every other row, so no runs can be merged into one range: thousands of addresses.
    const list = Array.from({ length: n / 2 }, (_, i) =>
      problem(`E${FIRST_DATA_ROW + 2 * i}`, "error", "Frist mangler."),
    );
    expect(list.map((p) => p.cell).join(",").length).toBeGreaterThan(8_000);
    await mark(fake, list);
    expect(fake.getFill(S, `E${FIRST_DATA_ROW}`)).toBe(MARK_COLORS.error);
    expect(fake.getFill(S, `E${FIRST_DATA_ROW + 1}`)).toBeNull();
    expect(fake.getFill(S, `E${FIRST_DATA_ROW + n - 2}`)).toBe(MARK_COLORS.error);
    await clear(fake);
    expect(fake.getFill(S, `E${FIRST_DATA_ROW + n - 2}`)).toBeNull();
  });

  it.each([10, 1_000, 10_000])("%i rows: read 4 syncs, mark 3 syncs, clear 2 syncs", async (n) => {
    const fake = host(planWorkbook(n));
    const list = Array.from({ length: n }, (_, i) =>
      problem(
        `${i % 3 === 0 ? "E" : "F"}${FIRST_DATA_ROW + i}`,
        i % 2 ? "warning" : "error",
        `Problem i rad ${FIRST_DATA_ROW + i}.`,
      ),
    );
    await fake.Excel.run((ctx) => readWorkbook(ctx));
    await mark(fake, list);
    await mark(fake, list.slice(0, Math.ceil(n / 2))); // re-marking replaces, same budget
    await clear(fake);
    // read: names, shapes, values, merged areas; mark: names, bookkeeping + originals, writes; clear: names +
    // bookkeeping, restores.
    // Re-marking reads no originals where every cell was marked and noted before (2 syncs).
    expect(fake.runSyncs[0]).toBe(4);
    expect(fake.runSyncs[1]).toBe(3);
    expect(fake.runSyncs[2]).toBeLessThanOrEqual(3);
    expect(fake.runSyncs[3]).toBe(2);
    expect(fake.getFill(S, `F${FIRST_DATA_ROW + 1}`)).toBeNull();
  });

  it("a whole validation run on the seed plan: read (4) + core validation + mark (3)", async () => {
    const fake = host(planWorkbook());
    const result = await fake.Excel.run(async (ctx) => {
      const wb = await readWorkbook(ctx);
      const res = validateWorkbook(wb, { year: 2026 });
      await markProblems(ctx, res.problems);
      return res;
    });
    expect(fake.runSyncs).toEqual([7]);
    const cells = result.problems.filter((p) => p.cell && p.sheet === S);
    expect(cells.length).toBeGreaterThan(0);
    for (const p of cells) expect(fake.getFill(S, p.cell)).not.toBeNull();
    await clear(fake);
    for (const p of cells) expect(fake.getFill(S, p.cell)).toBeNull();
  });

  it.each([10, 1_000, 10_000])(
    "the task pane's check (checkAndMark) (wholeCheck): 6 syncs at %i rows",
    async (n) => {
      const fake = host(planWorkbook(n));
      const { result, marked } = await checkAndMark({ year: 2026 });
      // names + bookkeeping, shapes, values, merged areas, originals, writes.
      expect(fake.runSyncs).toEqual([6]);
      const cells = result.problems.filter((p) => p.cell && p.sheet === S);
      expect(marked).toBe(new Set(cells.map((p) => p.cell)).size);
      expect(marked).toBeGreaterThan(0);
      for (const p of cells.slice(0, 50)) expect(fake.getFill(S, p.cell)).not.toBeNull();
    },
  );
});

describe("marks at any size: exact bookkeeping across requests", () => {
  /** A context whose n-th sync (1-based) fails as if the pane had closed before it arrived. */
  function dyingContext(fake: FakeExcel, dieAt: number) {
    const ctx = fake.newContext();
    const sync = ctx.sync.bind(ctx);
    let n = 0;
    ctx.sync = (async () => {
      n++;
      if (n === dieAt) throw new Error("Oppgaveruten ble lukket.");
      return sync();
    }) as typeof ctx.sync;
    return ctx;
  }

  it("a marking split into many requests that stops half-way leaves no mark without its original; recoverMarks undoes it", async () => {
    const fake = host(userWorkbook());
    await mark(fake); // E4 F4 E5 G4 G6, with the user's fills and notes stored
    const second = [
      problem("A5", "warning", "Nr i A5 følger ikke rekkefølgen."),
      problem("C7", "error", "Tiltak mangler i C7."),
      problem("D8", "info", "Mål i D8."),
      problems[2], // F4 stays
    ];
    // A tiny budget: every write is its own request. Die after the pending bookkeeping and a few writes.
    const ctx = dyingContext(fake, 4);
    await expect(markProblems(ctx, second, { budget: 1 })).rejects.toThrow("lukket");
    const book = await fake.Excel.run(async (c) => {
      const used = c.workbook.worksheets.getItem(MARK_SHEET).getUsedRange(true);
      used.load("values");
      await c.sync();
      return parseMarkBook(used.values)!;
    });
    expect(book.pending).toBe(true);
    // Every cell that now has one of our colours has its original stored.
    const stored = new Set(book.records.map((r) => r.cell));
    for (const cell of ["E4", "F4", "E5", "G4", "G6", "A5", "C7", "D8"]) {
      const fill = fake.getFill(S, cell);
      if (fill && Object.values(MARK_COLORS).includes(fill)) expect(stored.has(cell)).toBe(true);
    }
    // The next start undoes the half-done batch: the user's own fills and notes are back.
    const { restored } = await fake.Excel.run((c) => recoverMarks(c));
    expect(restored).toBeGreaterThan(0);
    expect(fake.getFill(S, "F4")).toBe("#00B050");
    expect(fake.getNote(S, "F4")).toBe("Avklart med økonomisjef 12.03.");
    expect(fake.getFill(S, "E5")).toBe("#FFFF00");
    expect(fake.getFillPattern(S, "E5")).toBe("Gray25");
    expect(fake.getNote(S, "G6")).toBe("Spør Anne");
    for (const cell of ["E4", "G4", "A5", "C7", "D8"]) expect(fake.getFill(S, cell)).toBeNull();
    expect(fake.sheetNames()).not.toContain(MARK_SHEET);
    // Nothing half-done: recoverMarks does nothing.
    expect(await fake.Excel.run((c) => recoverMarks(c))).toEqual({ restored: 0 });
  });

  it("the same marking with no interruption gives the same cells as one request", async () => {
    const one = host(userWorkbook());
    await mark(one);
    await one.Excel.run((ctx) => markProblems(ctx, problems.slice(2)));
    const split = host(userWorkbook());
    await mark(split);
    const r = await split.Excel.run((ctx) => markProblems(ctx, problems.slice(2), { budget: 1 }));
    expect(r.writeRequests).toBeGreaterThan(3);
    for (const cell of ["E4", "F4", "E5", "G4", "G6"]) {
      expect(split.getFill(S, cell)).toBe(one.getFill(S, cell));
      expect(split.getNote(S, cell)).toBe(one.getNote(S, cell));
    }
    expect(split.toData().sheets.find((s) => s.name === MARK_SHEET)?.cells).toEqual(
      one.toData().sheets.find((s) => s.name === MARK_SHEET)?.cells,
    );
  });

  it("12 000 rows with a problem in every row under Excel on the web's limits: marked and cleared", async () => {
    const n = 12_000;
    const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, planWorkbook(n), {
      webLimits: true,
    });
    const list = Array.from({ length: n }, (_, i) =>
      problem(`${i % 2 ? "E" : "F"}${FIRST_DATA_ROW + i}`, "error", `Problem i rad ${FIRST_DATA_ROW + i}.`),
    );
    const { marked } = await mark(fake, list);
    expect(marked).toBe(n);
    expect(fake.getFill(S, `F${FIRST_DATA_ROW + n - 2}`)).toBe(MARK_COLORS.error);
    expect(fake.runSyncs[0]).toBeLessThanOrEqual(4);
    const { restored } = await clear(fake);
    expect(restored).toBe(n);
    expect(fake.getFill(S, `F${FIRST_DATA_ROW + n - 2}`)).toBeNull();
  });
});

describe("clusters", () => {
  it("joins rows of one column with up to 8 empty rows between, splits at 9, any input order", () => {
    // 3→12: 8 rows between (joined); 21→31 and 31→41: 9 rows between (split).
    const cells = [41, 1, 3, 12, 2, 31, 21].map((row) => ({ row, col: 4 })).concat([{ row: 5, col: 2 }]);
    expect(clusters(cells)).toEqual([
      { top: 1, bottom: 21, left: 4, right: 4 },
      { top: 31, bottom: 31, left: 4, right: 4 },
      { top: 41, bottom: 41, left: 4, right: 4 },
      { top: 5, bottom: 5, left: 2, right: 2 },
    ]);
    expect(clusters([])).toEqual([]);
  });
});
