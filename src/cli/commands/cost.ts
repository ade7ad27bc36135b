/**
 * `rst cost --out FILE.xlsx [--scenario 2024|2018] [--format text|json]`: write a new workbook
 * with the "Kostnadsmodell" sheet (ambulant røntgen, sensitivity, cost sharing, budget
 * follow-up) and print the key results. The printed figures are the sheet's own formulas
 * evaluated, the same values cached in the file.
 */
import { InvalidArgumentError, type Command } from "commander";
import { extname } from "node:path";
import { formatNok } from "../../core/amount";
import {
  AMBULANT_RONTGEN,
  costModelTemplate,
  isScenarioId,
  type ScenarioId,
  type SheetTemplate,
} from "../../core/cost-model";
import type { CliCommand, CliContext } from "../context";
import { UsageError } from "../errors";
import { writeFileAtomic } from "../io/atomic";
import { formatOption, type OutputFormat } from "../options";
import { renderTable } from "../table";
import type { FormulaResult } from "../formula";
import type { EvaluatedTemplate } from "../xlsx/cost-sheet";

export interface CostFlags {
  out?: string;
  scenario: ScenarioId;
  format: OutputFormat;
}

export function parseScenario(value: string): ScenarioId {
  const v = value
    .trim()
    .replace(/-nivå$/i, "")
    .replace(/^2018\/19$/, "2018");
  if (isScenarioId(v)) return v;
  throw new InvalidArgumentError(
    `«${value}» er ikke et scenario; bruk 2024 (380 oppdrag) eller 2018 (700 oppdrag, 2018/19-nivå).`,
  );
}

export const costCommand: CliCommand = {
  name: "cost",
  register(program: Command, ctx: CliContext) {
    program
      .command("cost")
      .description(
        "lag kostnadsmodellen for ambulant røntgen som en ny arbeidsbok, med følsomhet, kostnadsdeling og budsjettoppfølging",
      )
      .option("--out <fil.xlsx>", "den nye arbeidsboken som skal skrives (påkrevd)")
      .option(
        "--scenario <2024|2018>",
        "scenario for følsomhetstabellen og kostnadsdelingen",
        parseScenario,
        "2024",
      )
      .addOption(formatOption())
      .action(async (flags: CostFlags) => {
        ctx.exitCode = await runCost(ctx, flags);
      });
  },
};

export interface CostReport {
  file: string;
  sheet: string;
  scenario: { id: ScenarioId; name: string };
  scenarios: {
    id: ScenarioId;
    name: string;
    missions: number | null;
    annual: number | null;
    perMission: number | null;
    breakEven: number | null;
    saving: number | null;
  }[];
  alternative: number | null;
  breakEven: number | null;
  sensitivity: { missions: number | null; perMission: number | null; saving: number | null }[];
  followUp: {
    budget: number | null;
    accounted: number | null;
    deviation: number | null;
    forecast: number | null;
    forecastDeviation: number | null;
  };
}

/** A formula result as a number (the top-left of an array); errors and text are not numbers. */
function resultValue(r: FormulaResult | undefined): unknown {
  if (!r || "error" in r) return null;
  return Array.isArray(r.value) ? r.value[0]?.[0] : r.value;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function costReport(
  file: string,
  t: SheetTemplate,
  results: EvaluatedTemplate,
  scenario: ScenarioId,
): CostReport {
  const at = (address: string) => num(resultValue(results.get(address)));
  const constant = (address: string) => num(t.cells.find((c) => c.address === address)?.value);
  const { refs } = t;
  return {
    file,
    sheet: t.name,
    scenario: {
      id: scenario,
      name: AMBULANT_RONTGEN.scenarios.find((s) => s.id === scenario)?.name ?? scenario,
    },
    scenarios: AMBULANT_RONTGEN.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      missions: constant(refs.inputs[s.id].missions),
      annual: at(refs.results[s.id].annual),
      perMission: at(refs.results[s.id].perMission),
      breakEven: at(refs.results[s.id].breakEven),
      saving: at(refs.results[s.id].saving),
    })),
    alternative: at(refs.selected.alternative),
    breakEven: at(refs.selected.breakEven),
    sensitivity: refs.sensitivity.map((r) => ({
      missions: constant(r.missions),
      perMission: at(r.perMission),
      saving: at(r.saving),
    })),
    followUp: {
      budget: constant(refs.followUp.budget),
      accounted: constant(refs.followUp.accounted),
      deviation: at(refs.followUp.deviation),
      forecast: at(refs.followUp.forecast),
      forecastDeviation: at(refs.followUp.forecastDeviation),
    },
  };
}

const kr = (v: number | null) => (v === null ? "–" : formatNok(Math.round(v)));

export function costText(r: CostReport): string {
  let out = `Kostnadsmodell for ambulant røntgen skrevet til ${r.file} (arket «${r.sheet}»).\n\n`;
  out += renderTable(
    ["", ...r.scenarios.map((s) => s.name)],
    [
      ["Oppdrag per år", ...r.scenarios.map((s) => kr(s.missions))],
      ["Årskostnad (kr)", ...r.scenarios.map((s) => kr(s.annual))],
      ["Kostnad per oppdrag (kr)", ...r.scenarios.map((s) => kr(s.perMission))],
      ["Balansepunkt (oppdrag per år)", ...r.scenarios.map((s) => kr(s.breakEven))],
      ["Besparelse per år (kr)", ...r.scenarios.map((s) => kr(s.saving))],
    ],
    ["left", ...r.scenarios.map(() => "right" as const)],
  );
  out += `\nFølsomhet for ${r.scenario.name}: mot ${kr(r.alternative)} kr per pasient på sykehuset lønner ambulant røntgen seg fra ${kr(r.breakEven)} oppdrag i året.\n\n`;
  out += renderTable(
    ["Oppdrag per år", "Kostnad per oppdrag (kr)", "Besparelse per år (kr)"],
    r.sensitivity.map((s) => [kr(s.missions), kr(s.perMission), kr(s.saving)]),
    ["right", "right", "right"],
  );
  const f = r.followUp;
  out += `\nBudsjettoppfølging, digital møteserie: bevilget ${kr(f.budget)} kr, regnskap ${kr(f.accounted)} kr, merforbruk ${kr(f.deviation)} kr;`;
  out += ` prognose for året ${kr(f.forecast)} kr (${kr(f.forecastDeviation)} kr over budsjett).\n`;
  out += "\nFyll inn innbyggertall og oppdrag per kommune i arket for å se kostnadsdelingen.\n";
  return out;
}

export async function runCost(ctx: CliContext, flags: CostFlags): Promise<number> {
  // Checked here rather than with requiredOption, so the message is Norwegian.
  const out = (flags.out ?? "").trim();
  if (!out)
    throw new UsageError(
      "Feil i kommandolinjen: --out mangler. Skriv for eksempel: rst cost --out kostnadsmodell.xlsx",
    );
  if (extname(out).toLowerCase() !== ".xlsx") {
    throw new UsageError(
      `Feil i kommandolinjen: --out «${out}» må være en .xlsx-fil, for eksempel kostnadsmodell.xlsx.`,
    );
  }
  const t = costModelTemplate({ scenario: flags.scenario });
  const { costWorkbookBytes, evaluateTemplate } = await import("../xlsx/cost-sheet");
  const results = evaluateTemplate(t);
  writeFileAtomic(out, await costWorkbookBytes(t, results));
  const report = costReport(out, t, results, flags.scenario);
  if (flags.format === "json") ctx.out(JSON.stringify(report, null, 2));
  else ctx.io.stdout(costText(report));
  return 0;
}
