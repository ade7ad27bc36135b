/**
 * The whole and the live check against the strict fake host with Excel on the web's limits
 * (5 MB per request and response): sync targets at 1 000 / 10 000 / 20 000 / 50 000 rows, and
 * that a live check gives exactly what a whole check would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { changedCells, type CheckOutcome, liveCheck, wholeCheck } from "../../src/excel/check";
import { type FakeExcel, type FakeWorkbookData, installFakeOffice } from "../../src/excel/fake";
import { MARK_COLORS } from "../../src/excel/marks";
import { WEB_PAYLOAD_LIMIT } from "../../src/excel/limits";
import { FIRST_DATA_ROW, PLAN_SHEET, planRows, planWorkbook, problem } from "./helpers";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

const OPTS = { year: 2026 };

function web(data: FakeWorkbookData): FakeExcel {
  return installFakeOffice(g, data, { webLimits: true });
}

/** Every problem cell of the result has its severity's colour; returns how many were looked at. */
function expectMarked(fake: FakeExcel, out: CheckOutcome, sample = 200): number {
  const worst = new Map<string, string>();
  const order = { error: 0, warning: 1, info: 2 } as const;
  for (const p of out.result.problems) {
    if (p.sheet !== PLAN_SHEET || !p.cell) continue;
    const prev = worst.get(p.cell);
    if (!prev || order[p.severity] < order[prev as keyof typeof order]) worst.set(p.cell, p.severity);
  }
  const cells = [...worst].slice(0, sample);
  for (const [cell, sev] of cells)
    expect(fake.getFill(PLAN_SHEET, cell)).toBe(MARK_COLORS[sev as keyof typeof MARK_COLORS]);
  return cells.length;
}

function maxPayload(fake: FakeExcel): number {
  return Math.max(
    ...fake.runStats.map((s) => Math.max(s.requestChars, s.responseChars) / Math.max(1, s.syncs)),
  );
}

describe("whole check and live check on Excel on the web", () => {
  it.each([
    [1_000, 6],
    [10_000, 6],
    [20_000, 8],
  ])(
    "%i rows: whole check in at most %i syncs; a one-cell edit re-checked in at most 3, as a whole check would",
    async (n, most) => {
      const fake = web(planWorkbook(n));
      const first = await fake.Excel.run((ctx) => wholeCheck(ctx, OPTS));
      expect(first.kind).toBe("whole");
      expect(first.result.summary.rows).toBe(n);
      expect(fake.runSyncs[0]).toBeLessThanOrEqual(most);
      expect(first.marked).toBeGreaterThan(n / 2);
      expect(expectMarked(fake, first)).toBeGreaterThan(0);

      // Row 10's Frist ("3.kvartal 2026" in the seed) becomes unreadable.
      const row = FIRST_DATA_ROW + 6;
      await fake.editCell(PLAN_SHEET, `E${row}`, "snart");
      const live = await fake.Excel.run((ctx) => liveCheck(ctx, first.state, [row]));
      expect(live.kind).toBe("live");
      expect(fake.runSyncs[1]).toBeLessThanOrEqual(3);
      const msgs = live.result.problems.filter((p) => p.cell === `E${row}`).map((p) => p.message);
      expect(msgs.some((m) => m.includes("«snart»"))).toBe(true);
      expect(fake.getFill(PLAN_SHEET, `E${row}`)).toBe(MARK_COLORS.error);
      expect(fake.getNote(PLAN_SHEET, `E${row}`) ?? "").toContain("«snart»");

      // Exactly what a whole check finds and marks on the edited workbook; a second whole check
      // reads no originals again and stays in budget.
      const whole = await fake.Excel.run((ctx) => wholeCheck(ctx, OPTS));
      expect(live.result.problems).toEqual(whole.result.problems);
      expect(live.marked).toBe(whole.marked);
      expect(fake.runSyncs[2]).toBeLessThanOrEqual(most);
      expect(expectMarked(fake, whole)).toBeGreaterThan(0);

      // Fixing it again restores the cell's own (empty) fill and note; still at most 3 syncs.
      await fake.editCell(PLAN_SHEET, `E${row}`, "3.kvartal 2026");
      const fixed = await fake.Excel.run((ctx) => liveCheck(ctx, whole.state, [row]));
      expect(fake.runSyncs[3]).toBeLessThanOrEqual(3);
      expect(fixed.result.problems.some((p) => p.cell === `E${row}`)).toBe(false);
      expect(fake.getFill(PLAN_SHEET, `E${row}`)).toBeNull();
      expect(fake.getNote(PLAN_SHEET, `E${row}`)).toBeUndefined();
      expect(maxPayload(fake)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    },
    60_000,
  );
});

describe("live check", () => {
  it("a rule across rows: an edited Nr that duplicates another row marks the other row too", async () => {
    const fake = web(planWorkbook(40));
    const first = await fake.Excel.run((ctx) => wholeCheck(ctx, OPTS));
    const a = FIRST_DATA_ROW; // "1.1.1"
    const b = FIRST_DATA_ROW + 2; // "1.2.2"
    expect(first.result.problems.some((p) => p.code === "duplicate-id" && p.cell === `A${a}`)).toBe(false);
    await fake.editCell(PLAN_SHEET, `A${b}`, planRows[0][0]);
    const live = await fake.Excel.run((ctx) => liveCheck(ctx, first.state, [b]));
    expect(live.kind).toBe("live");
    const dup = live.result.problems.filter((p) => p.code === "duplicate-id").map((p) => p.cell);
    expect(dup).toContain(`A${b}`);
    // Row a was not edited, but its mark is updated with the others'.
    const whole = await fake.Excel.run((ctx) => wholeCheck(ctx, OPTS));
    expect(live.result.problems).toEqual(whole.result.problems);
    for (const cell of dup) expect(fake.getFill(PLAN_SHEET, cell)).not.toBeNull();
  });

  it("50 000 rows: the whole check does not fail, a live check stays at 3 syncs", async () => {
    const n = 50_000;
    const fake = web(planWorkbook(n));
    const first = await fake.Excel.run((ctx) => wholeCheck(ctx, OPTS));
    expect(first.result.summary.rows).toBe(n);
    expect(maxPayload(fake)).toBeLessThan(WEB_PAYLOAD_LIMIT);
    const row = FIRST_DATA_ROW + n - 3;
    await fake.editCell(PLAN_SHEET, `G${row}`, "");
    const live = await fake.Excel.run((ctx) => liveCheck(ctx, first.state, [row]));
    expect(live.kind).toBe("live");
    expect(fake.runSyncs[1]).toBeLessThanOrEqual(3);
    expect(maxPayload(fake)).toBeLessThan(WEB_PAYLOAD_LIMIT);
  }, 120_000);

  it("a co-author's change (source Remote) is re-read and re-validated quietly: nothing written", async () => {
    const fake = web(planWorkbook(200));
    const first = await fake.Excel.run((ctx) => wholeCheck(ctx, OPTS));
    const row = FIRST_DATA_ROW + 6;
    await fake.editCell(PLAN_SHEET, `E${row}`, "snart", "Remote");
    const quiet = await fake.Excel.run((ctx) => liveCheck(ctx, first.state, [row], OPTS, "Remote"));
    expect(quiet.kind).toBe("quiet");
    expect(fake.runSyncs[1]).toBe(1);
    expect(fake.runStats[1].requestChars).toBeLessThan(2_000); // no marks, no bookkeeping written
    expect(quiet.result.problems.some((p) => p.cell === `E${row}` && p.message.includes("«snart»"))).toBe(
      true,
    );
    expect(fake.getFill(PLAN_SHEET, `E${row}`)).toBeNull();
  });

  it("rows inserted, the header edited or the mapping changed: a whole check instead", async () => {
    const fake = web(planWorkbook(60));
    const first = await fake.Excel.run((ctx) => wholeCheck(ctx, OPTS));
    // A new row below the plan: the used range grows, positions may have moved.
    const below = FIRST_DATA_ROW + 60;
    await fake.editCell(PLAN_SHEET, `A${below}`, "9.9.9");
    const grown = await fake.Excel.run((ctx) => liveCheck(ctx, first.state, [below]));
    expect(grown.kind).toBe("whole");
    expect(grown.result.summary.rows).toBe(61);
    // The header's Frist renamed: the columns mean something else.
    await fake.editCell(PLAN_SHEET, "E3", "Tidsfrist for gjennomføring");
    const header = await fake.Excel.run((ctx) => liveCheck(ctx, grown.state, [3]));
    expect(header.kind).toBe("whole");
    const mapped = await fake.Excel.run((ctx) =>
      liveCheck(ctx, header.state, [FIRST_DATA_ROW], { ...OPTS, mapping: { frist: "E" } }),
    );
    expect(mapped.kind).toBe("whole");
    // Unknown rows (a whole column changed): whole.
    const unknown = await fake.Excel.run((ctx) => liveCheck(ctx, mapped.state, []));
    expect(unknown.kind).toBe("whole");
  });
});

describe("changedCells", () => {
  it("lists cells whose severity or messages differ, new and gone ones", () => {
    const a = [problem("E4", "error", "x"), problem("F4", "warning", "y"), problem("G4", "info", "z")];
    const b = [problem("E4", "error", "x"), problem("F4", "error", "y"), problem("G5", "info", "z")];
    const keys = [...changedCells(a, b)].map((k) => k.split("\u0000")[1]).sort();
    expect(keys).toEqual(["F4", "G4", "G5"]);
    expect(changedCells(a, [...a].reverse()).size).toBe(0);
    expect(changedCells(a, [...a, problem("E4", "error", "ny melding")]).size).toBe(1);
  });
});
