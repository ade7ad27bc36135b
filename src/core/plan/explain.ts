/**
 * How a cell was read, for people: every amount with its year(s), source, the words it came from
 * and whether it counts for the plan year (core/amount-explain.ts); the frist as a date range. Used by
 * `rst validate --explain` and by the Kontroll tab's «Slik ble cellen lest».
 */
import { formatNok } from "../amount";
import { explainAmounts, type AmountExplanation } from "../amount-explain";
import { formatNorwegianDate, type IsoDate } from "../dates";
import type { DeadlineParse, Granularity } from "../deadline";
import type { RuleContext } from "./context";
import { rstForYear } from "./funding";
import type { PlanRow } from "./rows";
import { deadlineText } from "./rules/deadline";

export { explainAmounts, STANDING_NB, type AmountExplanation, type AmountReading } from "../amount-explain";

export interface FristReading {
  text: string;
  ok: boolean;
  start: IsoDate | null;
  end: IsoDate | null;
  granularity: Granularity | null;
  /** «1.7.2026–30.9.2026» or the Norwegian reason it was not read. */
  label: string;
}

/**
 * The frist as a date range. A small function on purpose: h/deadline's explainDeadline can
 * take its place without touching the rest.
 */
export function explainFrist(text: string, deadline: (t: string) => DeadlineParse): FristReading {
  if (text.trim() === "")
    return { text, ok: false, start: null, end: null, granularity: null, label: "Ingen frist oppgitt" };
  const p = deadline(text);
  if (!p.ok) return { text, ok: false, start: null, end: null, granularity: null, label: p.reason };
  const d = p.deadline;
  // Open periods have no end, end-only periods no start: say so rather than invent a date.
  const label =
    d.start !== null && d.start === d.end
      ? formatNorwegianDate(d.start)
      : `${d.start ? formatNorwegianDate(d.start) : "ingen startdato"}–${d.end ? formatNorwegianDate(d.end) : "ingen sluttdato"}`;
  return { text, ok: true, start: d.start, end: d.end, granularity: d.granularity, label };
}

export interface RowExplanation {
  /** 1-based sheet row. */
  row: number;
  nr: string;
  planYear: number;
  /** The Økonomi cell (A1, the merge master) and its reading; null when the row has no Økonomi text. */
  okonomi: { cell: string; text: string; reading: AmountExplanation; rstForYear: number } | null;
  frist: ({ cell: string } & FristReading) | null;
}

function a1(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** A plan row's reading: its amounts with year and source, and the frist as a date range. */
export function explainPlanRow(ctx: RuleContext, r: PlanRow): RowExplanation {
  const nr = r.cells.nr?.text ?? "";
  const pc = r.cells.okonomi;
  let okonomi: RowExplanation["okonomi"] = null;
  if (pc && pc.text !== "") {
    const cell = a1(pc.masterRow, pc.masterCol);
    if (typeof pc.cell.value === "number" && Number.isFinite(pc.cell.value)) {
      const value = pc.cell.value;
      okonomi = {
        cell,
        text: pc.text,
        rstForYear: value,
        reading: {
          kind: "amounts",
          year: ctx.planYear,
          sources: ["RST"],
          reason: null,
          amounts: [
            {
              value,
              years: [],
              yearLabel: `planåret ${ctx.planYear} (tall i cellen)`,
              source: "RST",
              text: formatNok(value),
              clause: pc.text,
              standing: "counts",
              note: null,
            },
          ],
        },
      };
    } else {
      const reading = explainAmounts(pc.text, {
        year: ctx.planYear,
        plan: { planYear: ctx.planYear, deadline: ctx.deadline },
      });
      okonomi = { cell, text: pc.text, reading, rstForYear: rstForYear(ctx, pc.cell.value, pc.text) };
    }
  }
  const fc = r.cells.frist;
  const frist =
    fc && fc.text !== ""
      ? // read as the deadline rule reads it (a date serial with no date format is a date), shown as written
        {
          cell: a1(fc.masterRow, fc.masterCol),
          ...explainFrist(deadlineText(fc.cell, fc.text), ctx.deadline),
          text: fc.text,
        }
      : null;
  return { row: r.row + 1, nr, planYear: ctx.planYear, okonomi, frist };
}

/** Every measure row's reading, in sheet order. */
export function explainPlan(ctx: RuleContext): RowExplanation[] {
  return ctx.body.rows.filter((r) => r.kind === "measure").map((r) => explainPlanRow(ctx, r));
}
