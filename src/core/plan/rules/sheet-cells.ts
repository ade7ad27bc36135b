/**
 * Plans read as written (issue 14.3):
 * - cell-error: an Excel error value (#DIV/0!, #REF!, …) where the plan needs a value — an
 *   error naming the cell and the error, never a silent 0 or a dropped amount;
 * - uncalculated: a formula saved without a result (written by a tool that does not calculate)
 *   — an error «ikke beregnet – åpne og lagre arbeidsboken i Excel», never "empty" or 0;
 * - header-repeated: a row that repeats the header (a printed plan's page header) — skipped
 *   with an info.
 * Other rules' problems on the same cells are dropped by validate (one message per cell).
 */

import type { Problem } from "../../problems";
import { masterKey, type PlanCell } from "../rows";
import { cellProblem, masterProblem, type RuleContext } from "../context";
import { PLAN_COLUMN_KEYS, type PlanColumnKey } from "../types";
import { rowLabel } from "./missing-value";

/** Excel's error values as they are stored in a cell. */
const ERROR_VALUES = new Set([
  "#DIV/0!",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "#N/A",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

const ERROR_MEANING: Record<string, string> = {
  "#DIV/0!": "deling med null",
  "#REF!": "en referanse til en celle som ikke finnes lenger",
  "#VALUE!": "feil type verdi i formelen",
  "#NAME?": "et ukjent navn eller en ukjent funksjon",
  "#N/A": "en verdi som ikke finnes",
  "#NUM!": "et ugyldig tall",
};

export function cellErrorValue(pc: PlanCell): string | null {
  const v = pc.cell.value;
  const raw = typeof v === "string" ? v : pc.text;
  if (!raw.includes("#")) return null; // every error value has one (and this runs for every cell)
  const t = raw.trim().toUpperCase();
  return ERROR_VALUES.has(t) ? t : null;
}

const CHECKED: PlanColumnKey[] = [...PLAN_COLUMN_KEYS];

export function sheetCellsRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<number>();
  // the body's reading found no such cell (rows.ts): nothing to look for cell by cell
  const rows = ctx.body.oddCells === false ? [] : ctx.body.rows;
  for (const r of rows) {
    for (const key of CHECKED) {
      const pc = r.cells[key];
      if (!pc) continue;
      const k = masterKey(pc);
      if (seen.has(k)) continue;
      const name = ctx.columnName(key);
      const err = cellErrorValue(pc);
      if (err) {
        seen.add(k);
        const meaning = ERROR_MEANING[err] ? ` (${ERROR_MEANING[err]})` : "";
        out.push(
          masterProblem(
            ctx,
            "cell-error",
            "error",
            key,
            pc,
            (c) =>
              `${c}: «${name}» for ${rowLabel(r)} viser feilverdien ${err}${meaning}. ` +
              `Cellen er ikke lest${key === "okonomi" ? " og ikke regnet med i RST-summen" : ""}; rett formelen eller skriv verdien inn.`,
          ),
        );
        continue;
      }
      if (pc.cell.uncalculated) {
        seen.add(k);
        out.push(
          masterProblem(
            ctx,
            "uncalculated",
            "error",
            key,
            pc,
            (c) =>
              `${c}: «${name}» for ${rowLabel(r)} er en formel uten lagret resultat (ikke beregnet – åpne og lagre arbeidsboken i Excel); ` +
              `cellen er ikke lest${key === "okonomi" ? " og ikke regnet med i RST-summen" : ""}.`,
          ),
        );
      }
    }
  }
  for (const row of ctx.body.repeatedHeaders) {
    out.push(
      cellProblem(
        ctx,
        "header-repeated",
        "info",
        "nr",
        row,
        ctx.header.columns.nr ?? ctx.header.columns.tiltak ?? 0,
        "",
        `Rad ${row + 1} gjentar overskriftsraden (rad ${ctx.header.row + 1}); den er hoppet over.`,
      ),
    );
  }
  return out;
}
