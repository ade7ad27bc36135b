/**
 * `rst reconcile <fil.xlsx> --year ÅÅÅÅ [--format text|json]`: the årlig melding's sums against
 * the RST ledger and the handlingsplan. Exit 0 when they agree, 1 when differences are found
 * or a comparison could not be made (a side is missing: never an all-clear then), 2 for
 * unreadable input or bad usage.
 */
import type { Command } from "commander";
import { formatNok } from "../../core/amount";
import { reconcile, type ReconcileResult } from "../../core/melding";
import type { CliCommand, CliContext } from "../context";
import type { ReconcileJson } from "../json-schemas";
import type { WorkbookFlags } from "../load";
import {
  formatOption,
  quietOption,
  registerSheetOption,
  reportYearOption,
  requireReportYear,
  type OutputFormat,
} from "../options";
import { renderTable, shortenQuotes } from "../table";

export interface ReconcileFlags extends WorkbookFlags {
  year?: number;
  format: OutputFormat;
}

export const reconcileCommand: CliCommand = {
  name: "reconcile",
  register(program: Command, ctx: CliContext) {
    program
      .command("reconcile")
      .description("avstem årlig melding mot RST-regnskapet og handlingsplanen, tiltak for tiltak")
      .argument("<file>", "arbeidsboken (.xlsx) med tiltaksregister, RST-ark og handlingsplan")
      .addOption(reportYearOption())
      .addOption(formatOption())
      .addOption(registerSheetOption())
      .addOption(quietOption())
      .action(async (file: string, flags: ReconcileFlags) => {
        ctx.exitCode = await runReconcile(ctx, file, flags);
      });
  },
};

export async function runReconcile(ctx: CliContext, file: string, flags: ReconcileFlags): Promise<number> {
  const year = requireReportYear(flags.year);
  const { loadWorkbookSheet } = await import("../load");
  const { wb, sheet } = await loadWorkbookSheet(ctx, file, flags);
  const result = reconcile(wb, { year, sheet });
  if (flags.format === "json") ctx.out(JSON.stringify(reconcileJson(file, year, result), null, 2));
  else ctx.io.stdout(reconcileText(file, year, result));
  // Rows with no counterpart were not compared: never exit 0 («all clear») with them.
  return result.differences.length > 0 || result.notCompared.length > 0 || result.unmatched.length > 0
    ? 1
    : 0;
}

export function reconcileJson(file: string, year: number, r: ReconcileResult): ReconcileJson {
  return {
    file,
    year,
    sources: r.sources,
    differences: r.differences,
    unmatched: r.unmatched,
    notCompared: r.notCompared,
    problems: r.problems.map((p) => ({
      severity: p.severity,
      sheet: p.sheet,
      cell: p.cell,
      message: shortenQuotes(p.message),
    })),
  };
}

const nok = (v: number | null) => (v === null ? "–" : formatNok(v));

export function reconcileText(file: string, year: number, r: ReconcileResult): string {
  const s = r.sources;
  const lines: string[] = [];
  lines.push(`Fil: ${file}`);
  lines.push(
    `Avstemming av årlig melding ${year}: register «${s.register || "ikke funnet"}», RST-regnskap «${s.ledger || "ikke funnet"}», ` +
      `handlingsplan «${s.plan || "ikke funnet"}»${s.planYear ? ` (${s.planYear})` : ""}.`,
  );
  lines.push("");
  for (const p of r.problems) lines.push(`Advarsel: ${shortenQuotes(p.message)}`);
  if (r.problems.length) lines.push("");
  for (const n of r.notCompared) lines.push(`Ikke avstemt: ${n}`);
  if (r.notCompared.length) lines.push("");
  if (r.differences.length === 0) {
    if (r.notCompared.length === 0 && r.unmatched.length === 0)
      lines.push("Ingen differanser: summene i meldingen stemmer med RST-regnskapet og handlingsplanen.");
    else if (r.notCompared.length === 0)
      lines.push(
        `Ingen differanser i summene som kunne sammenlignes, men ${r.unmatched.length} ${r.unmatched.length === 1 ? "post" : "poster"} er ikke avstemt (se under).`,
      );
    else if (s.register && (s.ledger || s.plan))
      lines.push(
        `Ingen differanser mot ${s.ledger ? "RST-regnskapet" : "handlingsplanen"}; avstemmingen er ikke fullstendig (se over).`,
      );
    else lines.push("Ingenting ble avstemt (se over).");
  } else {
    lines.push(`${r.differences.length} ${r.differences.length === 1 ? "differanse" : "differanser"} (kr):`);
    lines.push("");
    lines.push(
      renderTable(
        ["Tiltak", "Årlig melding", "RST-regnskapet", "Handlingsplanen"],
        r.differences.map((d) => [short(d.measure), nok(d.register), nok(d.ledger), nok(d.plan)]),
        ["left", "right", "right", "right"],
      ).trimEnd(),
    );
    lines.push("");
    r.differences.forEach((d, i) => lines.push(`${i + 1}. ${d.measure}\n   ${d.note}`));
  }
  if (r.unmatched.length) {
    lines.push("");
    lines.push("Ikke avstemt (fant ikke motparten):");
    for (const u of r.unmatched) lines.push(`  - ${u}`);
  }
  return lines.join("\n") + "\n";
}

function short(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
