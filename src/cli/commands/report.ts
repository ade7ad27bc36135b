/**
 * `rst report <fil.xlsx…> --year ÅÅÅÅ --out FIL (.docx | .xlsx | .csv) [--name …]`
 *
 * One file: the helsefellesskap's årlig melding as Word, as a sheet "Årlig melding ÅÅÅÅ" in a
 * copy of the workbook, or as CSV. Several files: the region attachment (Word only), one
 * section per helsefellesskap in the order given. Every register row left out of the report
 * (total lines, rows without a name, other years) is listed with the reason. Exit 0 when
 * written (status warnings are shown but do not fail), 1 when a register could not be read,
 * 2 for unreadable input, bad usage or a year with no measures (nothing is written then).
 */
import type { Command } from "commander";
import { basename, extname } from "node:path";
import { mkdirSync } from "node:fs";
import { formatNok } from "../../core/amount";
import type { GridWorkbook } from "../../core/grid";
import {
  buildReport,
  communityHeading,
  guessCommunityName,
  reportCsv,
  reportTable,
  type Report,
} from "../../core/melding";
import { placementNote } from "../../core/owned-sheets";
import { sortProblems, SEVERITY_LABEL_NB } from "../../core/problems";
import { reportDocx } from "../../report/docx";
import type { CliCommand, CliContext } from "../context";
import type { ReportJson } from "../json-schemas";
import { UsageError } from "../errors";
import { assertNotSamePath, writeFileAtomic } from "../io/atomic";
import { loadWorkbook, loadWorkbookSheet, type WorkbookFlags } from "../load";
import {
  formatOption,
  quietOption,
  registerSheetOption,
  reportYearOption,
  requireReportYear,
  type OutputFormat,
} from "../options";
import { reportSheetCopy } from "../xlsx/report-sheet";

export interface ReportFlags extends WorkbookFlags {
  year?: number;
  out?: string;
  name?: string;
  format?: OutputFormat;
}

type OutKind = "docx" | "xlsx" | "csv";

export const reportCommand: CliCommand = {
  name: "report",
  register(program: Command, ctx: CliContext) {
    program
      .command("report")
      .description(
        "lag årlig melding til HSØ (Word, Excel-ark eller CSV); flere filer gir samlet vedlegg for regionen",
      )
      .argument("<filer...>", "arbeidsbok(er) med tiltaksregisteret (.xlsx), én per helsefellesskap")
      .addOption(reportYearOption())
      .option(
        "--out <fil>",
        "utdatafil: .docx, .xlsx (kopi av arbeidsboken med nytt ark) eller .csv (påkrevd)",
      )
      .option(
        "--name <navn>",
        'helsefellesskapets navn, f.eks. "Helsefelleskap Vestfold" (ellers fra arbeidsboken eller filnavnet)',
      )
      .addOption(registerSheetOption())
      .addOption(formatOption())
      .addOption(quietOption())
      .action(async (files: string[], flags: ReportFlags) => {
        ctx.exitCode = await runReport(ctx, files, flags);
      });
  },
};

function outKind(out: string): OutKind {
  const ext = extname(out).toLowerCase();
  if (ext === ".docx" || ext === ".xlsx" || ext === ".csv") return ext.slice(1) as OutKind;
  throw new UsageError(`--out må slutte på .docx, .xlsx eller .csv (fikk «${out}»).`);
}

/** "arlig-melding-2025-vestfold.xlsx" → "Vestfold": the file name without the usual words and years. */
export function nameFromFile(file: string): string {
  const stem = basename(file, extname(file));
  const words = stem
    .split(/[-_\s.]+/)
    .filter(
      (w) =>
        w !== "" &&
        !/^(arlig|årlig|melding|rst|tiltaksregister|register|handlingsplan|helsefel+es+kap(et)?|\d{4})$/i.test(
          w,
        ),
    );
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
  return communityHeading(name || stem);
}

export function communityName(wb: GridWorkbook, file: string, given?: string): string {
  if (given && given.trim() !== "") return communityHeading(given);
  return guessCommunityName(wb) ?? nameFromFile(file);
}

export async function runReport(ctx: CliContext, files: string[], flags: ReportFlags): Promise<number> {
  const year = requireReportYear(flags.year);
  const out = flags.out;
  if (out === undefined)
    throw new UsageError(`Oppgi utdatafilen med --out, f.eks. --out arlig-melding-${year}.docx.`);
  const kind = outKind(out);
  if (files.length > 1 && kind !== "docx") {
    throw new UsageError(
      `Flere filer gir ett samlet vedlegg for regionen, og det lages bare som Word: bruk --out med .docx.`,
    );
  }
  if (files.length > 1 && flags.name) {
    throw new UsageError(
      `--name gjelder én fil; med flere filer hentes navnet fra hver arbeidsbok (eller filnavnet).`,
    );
  }
  for (const f of files) assertNotSamePath(f, out, "--out");

  const reports: Report[] = [];
  let failed = false;
  for (const file of files) {
    const { wb, sheet } = await loadWorkbookSheet(ctx, file, flags);
    const report = buildReport(wb, { year, name: communityName(wb, file, flags.name), sheet });
    for (const p of sortProblems(report.problems)) {
      const where = p.cell ? `${p.sheet}!${p.cell}` : p.sheet || file;
      ctx.err(
        `${files.length > 1 ? `${basename(file)}: ` : ""}${SEVERITY_LABEL_NB[p.severity]} (${where}): ${p.message}`,
      );
    }
    if (report.problems.some((p) => p.severity === "error")) failed = true;
    reports.push(report);
  }
  if (failed) {
    ctx.err(`Meldingen ble ikke skrevet. Rett feilene over og prøv igjen.`);
    return 1;
  }
  const empty = reports.filter((r) => r.blocks.length === 0 && r.trailers.length === 0);
  if (empty.length > 0) {
    for (const [i, r] of reports.entries()) {
      if (!empty.includes(r)) continue;
      const years = r.yearsWithMeasures;
      ctx.err(
        `${files.length > 1 ? `${basename(files[i])}: ` : ""}Ingen tiltak for ${year} i registeret` +
          (years.length
            ? `; registeret har tiltak for ${years.join(", ")}. Velg et av disse årene med --year.`
            : `; registeret har ingen tiltak med år. Fyll inn tiltakene, eller oppgi arket med --sheet.`),
      );
    }
    ctx.err(`Meldingen ble ikke skrevet.`);
    return 2;
  }

  const multi = files.length > 1;
  for (const [i, r] of reports.entries()) {
    for (const line of skippedLines(r)) ctx.err(`${multi ? `${basename(files[i])}: ` : ""}${line}`);
  }
  const note = await writeReport(kind, files[0], out, reports);
  if (note) ctx.err(`Merk: ${note}`);
  const target = out;
  if (flags.format === "json") {
    ctx.out(JSON.stringify(reportJson(files, out, reports, note), null, 2));
    return 0;
  }
  if (reports.length === 1) {
    const r = reports[0];
    const trailer = r.trailers.length ? `, ${r.trailers.length} linje med forskuttert overforbruk` : "";
    ctx.out(
      `Skrev årlig melding ${r.year} for ${r.name} (${r.blocks.length} tiltak${trailer}, sum ${formatNok(r.total)} kr) til «${target}».`,
    );
  } else {
    ctx.out(
      `Skrev vedlegg til årlig melding ${year} med ${reports.length} helsefellesskap (${reports.map((r) => r.name).join(", ")}) til «${target}».`,
    );
  }
  return 0;
}

/**
 * The rows left out, one line each; rows of other years as one line per year (their rows
 * listed), so a register with many years stays readable.
 */
export function skippedLines(r: Report): string[] {
  const lines: string[] = [];
  const byYear = new Map<string, number[]>();
  for (const s of r.skipped) {
    if (s.reason.startsWith("gjelder ")) {
      const rows = byYear.get(s.reason) ?? [];
      rows.push(s.row);
      byYear.set(s.reason, rows);
      continue;
    }
    const what = s.name ? `«${s.name}»` : "uten navn";
    const sum = s.sum === null ? "" : ` (${formatNok(s.sum)} kr)`;
    lines.push(`Ikke med i meldingen: rad ${s.row} ${what}${sum} – ${s.reason}.`);
  }
  for (const [reason, rows] of byYear) {
    lines.push(
      `Ikke med i meldingen: ${rows.length === 1 ? "rad" : "radene"} ${rows.join(", ")} – ${reason}.`,
    );
  }
  return lines;
}

export function reportJson(files: string[], out: string, reports: Report[], note: string | null): ReportJson {
  return {
    out,
    note,
    reports: reports.map((r, i) => ({
      file: files[i],
      name: r.name,
      year: r.year,
      measures: r.blocks.length,
      trailers: r.trailers.length,
      total: r.total,
      skipped: r.skipped,
      problems: r.problems.map((p) => ({
        severity: p.severity,
        sheet: p.sheet,
        cell: p.cell,
        message: p.message,
      })),
    })),
  };
}

export async function writeReport(
  kind: OutKind,
  input: string,
  out: string,
  reports: Report[],
): Promise<string | null> {
  if (kind === "docx") {
    writeFileAtomic(out, await reportDocx(reports, { region: reports.length > 1, year: reports[0]?.year }));
  } else if (kind === "csv") {
    writeFileAtomic(out, reportCsv(reports[0]));
  } else {
    const t = reportTable(reports[0]);
    return placementNote(await reportSheetCopy(input, out, t.sheetName, t));
  }
  return null;
}

/** `rst demo` step: the example's report as Word, Excel and CSV in ./out/. */
export const reportDemoStep = {
  title: "Årlig melding til HSØ (rst report)",
  async run(ctx: CliContext, file: string): Promise<void> {
    mkdirSync("out", { recursive: true });
    const wb = await loadWorkbook(ctx, file, true);
    const year = 2025;
    const report = buildReport(wb, { year, name: communityName(wb, file) });
    const written: string[] = [];
    for (const kind of ["docx", "xlsx", "csv"] as const) {
      const out = `out/arlig-melding-${year}.${kind}`;
      await writeReport(kind, file, out, [report]);
      written.push(out);
    }
    ctx.out(
      `${report.name}: ${report.blocks.length} tiltak, sum ${formatNok(report.total)} kr` +
        (report.trailers.length
          ? ` (+ ${report.trailers.map((t) => `${t.name}: ${t.sum == null ? "ikke oppgitt" : formatNok(t.sum)}`).join(", ")}, ført for seg)`
          : "") +
        ".",
    );
    for (const w of written) ctx.out(`  skrev ${w}`);
  },
};
