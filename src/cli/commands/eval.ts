import type { Command } from "commander";
import type { CliCommand, CliContext } from "../context";
import { evaluateFormula, type FormulaResult, type FormulaValue } from "../formula";
import { formatOption, type OutputFormat } from "../options";

export const evalCommand: CliCommand = {
  name: "eval",
  register(program: Command, ctx: CliContext) {
    program
      .command("eval")
      .description(
        "regn ut én Excel-formel med RST-funksjonene, f.eks. 'RST.CARRYOVER({7000030;6960000};{4200000;7950000})'",
      )
      .argument("<formula>", "formelen (med eller uten =; ; eller , mellom argumentene)")
      .addOption(formatOption())
      .action((formula: string, flags: { format: OutputFormat }) => {
        ctx.exitCode = runEval(ctx, formula, flags.format);
      });
  },
};

export function runEval(ctx: CliContext, formula: string, format: OutputFormat): number {
  const res = evaluateFormula(formula);
  if (format === "json") ctx.out(JSON.stringify(res));
  else if ("error" in res) ctx.err(`${res.error} ${res.message}`);
  else ctx.out(formatValue(res.value));
  return "error" in res ? 1 : 0;
}

/** Text output: a scalar as is (decimal comma); an array as tab-separated rows. */
export function formatValue(v: FormulaValue): string {
  if (Array.isArray(v))
    return v.map((row) => (row as FormulaValue[]).map(formatScalar).join("\t")).join("\n");
  return formatScalar(v);
}

function formatScalar(v: FormulaValue): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v).replace(".", ",");
  if (typeof v === "boolean") return v ? "SANN" : "USANN";
  return String(v);
}

export function resultText(res: FormulaResult): string {
  return "error" in res ? `${res.error} ${res.message}` : formatValue(res.value);
}
