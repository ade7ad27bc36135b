import type { Command } from "commander";
import { formatNok } from "../../core/amount";
import type { LedgerYear } from "../../core/ledger";
import { findLedgerGrid, readLedger } from "../../core/ledger-sheet";
import { sortProblems, SEVERITY_LABEL_NB, type Problem } from "../../core/problems";
import type { CliCommand, CliContext } from "../context";
import type { LedgerJson } from "../json-schemas";
import { InputError } from "../errors";
import type { WorkbookFlags } from "../load";
import { formatOption, quietOption, type OutputFormat } from "../options";
import { renderTable, shortenQuotes } from "../table";

export interface LedgerFlags extends WorkbookFlags {
  format: OutputFormat;
}

export const ledgerCommand: CliCommand = {
  name: "ledger",
  register(program: Command, ctx: CliContext) {
    program
      .command("ledger")
      .description("vis RST-regnskapet per år: tildelt, overført inn, fordelt og overført ut")
      .argument("<file>", "arbeidsboken (.xlsx)")
      .option("--sheet <navn>", "arket med RST-oversikten (ellers finnes det automatisk)")
      .addOption(formatOption())
      .addOption(quietOption())
      .action(async (file: string, flags: LedgerFlags) => {
        ctx.exitCode = await runLedger(ctx, file, flags);
      });
  },
};

export interface LedgerReport {
  sheet: string;
  years: LedgerYear[];
  problems: Problem[];
}

export async function readLedgerFile(
  ctx: CliContext,
  file: string,
  flags: WorkbookFlags,
): Promise<LedgerReport> {
  const { loadWorkbookSheet } = await import("../load");
  const { wb, sheet } = await loadWorkbookSheet(ctx, file, flags);
  const grid = findLedgerGrid(wb, sheet);
  if (!grid) {
    throw new InputError(
      `Fant ikke noe RST-ark i «${file}». Oppgi arket med --sheet (kolonnene År, Post og Beløp).`,
    );
  }
  const { years, problems } = readLedger(grid);
  return { sheet: grid.sheet, years, problems };
}

export async function runLedger(ctx: CliContext, file: string, flags: LedgerFlags): Promise<number> {
  const report = await readLedgerFile(ctx, file, flags);
  if (flags.format === "json") ctx.out(JSON.stringify(ledgerJson(file, report), null, 2));
  else ctx.io.stdout(ledgerText(report));
  return report.problems.some((p) => p.severity === "error") ? 1 : 0;
}

export function ledgerJson(file: string, r: LedgerReport): LedgerJson {
  return {
    file,
    sheet: r.sheet,
    years: r.years.map((y) => ({
      year: y.year,
      granted: y.granted,
      carriedIn: y.carriedInUnknown ? null : y.carriedIn,
      // null when an allocation's amount is unknown: the known part alone would look like the whole
      allocated: y.allocatedUnknown ? null : y.allocated,
      carriedOut: y.carriedOut,
    })),
    problems: sortProblems(r.problems).map((p) => ({ ...p, message: shortenQuotes(p.message) })),
  };
}

const nok = (v: number | null) => (v === null ? "ukjent" : formatNok(v));

export function ledgerText(r: LedgerReport): string {
  const rows = r.years.map((y) => [
    String(y.year),
    nok(y.granted),
    nok(y.carriedInUnknown ? null : y.carriedIn),
    nok(y.available),
    nok(y.allocatedUnknown ? null : y.allocated),
    nok(y.carriedOut),
  ]);
  let out = `RST-regnskap fra arket «${r.sheet}» (kr)\n\n`;
  out += renderTable(["År", "Tildelt", "Overført inn", "Tilgjengelig", "Fordelt", "Overført ut"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
  ]);
  const negative = r.years.filter((y) => y.carriedOut !== null && y.carriedOut < 0);
  for (const y of negative) {
    out += `\nMerk: ${y.year} er overforbrukt med ${formatNok(-(y.carriedOut as number))} kr (forskuttert av neste års tilskudd).`;
  }
  if (negative.length) out += "\n";
  if (r.problems.length) {
    out +=
      "\n" +
      renderTable(
        ["Celle", "Alvorlighet", "Melding"],
        sortProblems(r.problems).map((p) => [
          p.cell || "–",
          SEVERITY_LABEL_NB[p.severity],
          shortenQuotes(p.message),
        ]),
      );
  }
  return out;
}
