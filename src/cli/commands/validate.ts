import type { Command } from "commander";
import { formatNok } from "../../core/amount";
import { validateWorkbook, type ValidationResult } from "../../core/plan";
import { findLedgerGrid } from "../../core/ledger-sheet";
import { findPlanGrid } from "../../core/plan/find-plan";
import { type Problem, sortProblems, SEVERITY_LABEL_NB } from "../../core/problems";
import type { CliCommand, CliContext } from "../context";
import type { ProblemJson, ValidationJson } from "../json-schemas";
import { assertNotSamePath } from "../io/atomic";
import type { WorkbookFlags } from "../load";
import { formatOption, parseAvailable, parseYear, quietOption, type OutputFormat } from "../options";
import { formatCount, renderTable, shortenQuotes } from "../table";
import { explanationJson, explanationText } from "./validate-explain";

export interface ValidateFlags extends WorkbookFlags {
  year?: number;
  available?: number;
  format: OutputFormat;
  annotate?: string;
  explain?: boolean;
}

export const validateCommand: CliCommand = {
  name: "validate",
  register(program: Command, ctx: CliContext) {
    program
      .command("validate")
      .description("kontroller handlingsplanen i en .xlsx-fil (frister, beløp, nummerering, manglende felt)")
      .argument("<file>", "arbeidsboken (.xlsx)")
      .option("--sheet <navn>", "arket med handlingsplanen (ellers finnes det automatisk)")
      .option("--year <åååå>", "planåret (ellers fra arket)", parseYear)
      .option(
        "--available <beløp>",
        'tilgjengelige RST-midler, f.eks. "9 760 030" eller "9,7 mill"',
        parseAvailable,
      )
      .addOption(formatOption())
      .option("--annotate <ut.xlsx>", "skriv en kopi med problemcellene markert og kommentert")
      .option("--explain", "vis hvordan økonomi og frist ble lest for hver rad (beløp, år, kilde, datoer)")
      .addOption(quietOption())
      .action(async (file: string, flags: ValidateFlags) => {
        ctx.exitCode = await runValidate(ctx, file, flags);
      });
  },
};

export async function runValidate(ctx: CliContext, file: string, flags: ValidateFlags): Promise<number> {
  if (flags.annotate) assertNotSamePath(file, flags.annotate, "--annotate");
  const { loadWorkbookSheet, PROGRESS_ROWS } = await import("../load");
  const { wb, sheet } = await loadWorkbookSheet(ctx, file, flags);
  if (!flags.quiet) {
    // Count only the sheets validation reads (the plan and the RST ledger), so the lean reader
    // does not read the others just for this progress line.
    const rows = Math.max(findPlanGrid(wb, sheet)?.rows.length ?? 0, findLedgerGrid(wb)?.rows.length ?? 0);
    if (rows > PROGRESS_ROWS) ctx.err(`Kontrollerer ${formatCount(rows)} rader …`);
  }
  const result = validateWorkbook(wb, {
    sheet,
    year: flags.year,
    available: flags.available,
    explain: flags.explain === true,
  });
  if (flags.annotate) {
    const { annotateCopy } = await import("../xlsx/annotate");
    await annotateCopy(file, flags.annotate, result.problems);
    if (!flags.quiet) ctx.err(`Skrev kopi med markeringer til «${flags.annotate}».`);
  }
  if (flags.format === "json") writeValidationJson(ctx, file, result);
  else ctx.io.stdout(validationText(file, result));
  // No plan table found (no sheet qualifies, or the chosen sheet has no header): nothing was
  // checked, so the input is unusable for this command, not "problems found".
  if (result.header.row === 0) return 2;
  return result.summary.errors > 0 ? 1 : 0;
}

export function validationJson(file: string, r: ValidationResult): ValidationJson {
  return jsonWith(file, r, sortProblems(r.problems).map(problemJson));
}

/** The JSON with the given problems list (ProblemJson, or the problems themselves for writeJson to turn). */
function jsonWith<P>(
  file: string,
  r: ValidationResult,
  problems: P[],
): Omit<ValidationJson, "problems"> & { problems: P[] } {
  return {
    file,
    sheet: r.sheet,
    planYear: r.planYear,
    header: r.header,
    problems,
    summary: r.summary,
    ...(r.explanation ? { explanation: explanationJson(r.explanation) } : {}),
  };
}

function problemJson(p: Problem): ProblemJson {
  return {
    code: p.code,
    severity: p.severity,
    sheet: p.sheet,
    cell: p.cell,
    row: p.row,
    column: p.column,
    value: p.value,
    message: shortenQuotes(p.message),
  };
}

/** `--format json`: validationJson's text, each problem's JSON made only as it is written. */
function writeValidationJson(ctx: CliContext, file: string, r: ValidationResult): void {
  writeJson(jsonWith(file, r, sortProblems(r.problems)), "problems", ctx.io.stdout, problemJson);
}

/** Items written per JSON.stringify call: about 64 kB of problems. */
const BATCH = 200;

/**
 * Write `JSON.stringify(value, null, 2)` and a newline, exactly, in pieces: the array under
 * `key` a batch of items at a time (each item turned by `item` first), the rest whole. A big
 * plan's JSON (8 MB for 100 000 rows) then never exists as one string, nor as the copy and the
 * buffer writing it makes. A batch is written by JSON.stringify itself, inside an object of the
 * same shape, so it is indented exactly as in the whole: `{ [key]: batch }` gives
 * `{\n  "key": [` + the items + `\n  ]\n}`, and the items are cut out of it.
 */
export function writeJson<T>(
  value: object,
  key: string,
  write: (text: string) => void,
  item: (x: T) => unknown = (x) => x,
): void {
  const list: unknown = (value as Record<string, unknown>)[key];
  if (!Array.isArray(list) || list.length === 0) {
    write(JSON.stringify(value, null, 2) + "\n");
    return;
  }
  // the text around the list: the whole with a marker where the list's items go
  const marker = `\u0000${Math.random()}`;
  const around = JSON.stringify({ ...value, [key]: [marker] }, null, 2);
  const quoted = JSON.stringify(marker);
  const at = around.indexOf(quoted);
  if (at < 0 || around.indexOf(quoted, at + 1) >= 0) {
    write(JSON.stringify({ ...value, [key]: list.map((x) => item(x as T)) }, null, 2) + "\n"); // never seen
    return;
  }
  const head = `{\n  ${JSON.stringify(key)}: [\n    `;
  const tail = "\n  ]\n}";
  write(around.slice(0, at));
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = (list as T[]).slice(i, i + BATCH).map((x) => item(x));
    const text = JSON.stringify({ [key]: batch }, null, 2);
    write((i ? ",\n    " : "") + text.slice(head.length, text.length - tail.length));
  }
  write(around.slice(at + quoted.length) + "\n");
}

export function summaryLine(r: ValidationResult): string {
  const s = r.summary;
  const counts = `${formatCount(s.rows)} rader kontrollert: ${s.errors} feil, ${s.warnings} ${s.warnings === 1 ? "advarsel" : "advarsler"}, ${s.infos} info.`;
  // No Økonomi column: no money was read, so say so instead of «0 kr».
  const money = !r.header.columns.okonomi
    ? `RST-finansiert ${r.planYear}: ikke lest – fant ingen Økonomi-kolonne i planen.`
    : s.available === null
      ? `RST-finansiert ${r.planYear}: ${formatNok(s.rstTotal)} kr (tilgjengelig beløp ukjent: oppgi --available, eller fyll inn årets tildeling i RST-arket).`
      : `RST-finansiert ${r.planYear}: ${formatNok(s.rstTotal)} kr av ${formatNok(s.available)} kr tilgjengelig.`;
  return `${counts} ${money}`;
}

export function validationText(file: string, r: ValidationResult): string {
  const lines: string[] = [];
  lines.push(`Fil: ${file}`);
  if (r.header.row === 0 && r.sheet === "") lines.push(`Fant ingen handlingsplan i arbeidsboken.`);
  else
    lines.push(`Ark: ${r.sheet}   Planår: ${r.planYear}   Overskriftsrad: ${r.header.row || "ikke funnet"}`);
  lines.push("");
  const problems = sortProblems(r.problems);
  if (problems.length === 0) lines.push("Ingen problemer funnet.\n");
  else {
    lines.push(
      renderTable(
        ["Celle", "Alvorlighet", "Melding"],
        problems.map((p) => [
          cellLabel(p.sheet, p.cell, r.sheet),
          SEVERITY_LABEL_NB[p.severity],
          shortenQuotes(p.message),
        ]),
      ),
    );
  }
  if (r.explanation) lines.push(explanationText(r.explanation, r.planYear));
  if (r.header.row === 0) lines.push("Ingenting ble kontrollert.");
  else lines.push(summaryLine(r));
  return lines.join("\n") + "\n";
}

function cellLabel(sheet: string, cell: string, planSheet: string): string {
  if (!cell) return sheet && sheet !== planSheet ? `${sheet}` : "–";
  return sheet && sheet !== planSheet ? `${sheet}!${cell}` : cell;
}
