import type { Command } from "commander";
import type { CliCommand, CliContext } from "../context";
import type { FormulaResult, FormulaValue } from "../formula-lite";
import { formatOption, type OutputFormat } from "../options";

const EVAL_HELP = `
Skrivemåte (som i Excel):
  Norsk Excel:    «;» mellom argumentene, «,» er desimalkomma: RST.BALANCE(6960000,50;{4200000})
                  i en matrise «;» mellom rader og «\\» mellom kolonner: {1\\2;3\\4}
  Engelsk Excel:  «,» mellom argumentene, «.» er desimalpunktum: RST.BALANCE(6960000.5,{4200000})
  En formel med «;» mellom argumentene, eller med et norsk funksjonsnavn (SUMMER, AVRUND, HVIS …)
  eller SANN/USANN, leses som norsk; ellers som engelsk. 1E3, SANN/USANN og TRUE/FALSE godtas.
Feil antall argumenter, ukjente funksjoner og cellereferanser (det er ingen arbeidsbok å lese
fra) gir en feilmelding og avslutningskode 2, aldri et tall. En feil formelen selv regner ut
(#DIV/0!, #VERDI!) gir kode 1.
Utdata: text skriver tall på norsk (2 760 000,5); json skriver rå tall ({"value":2760000.5}).`;

export const evalCommand: CliCommand = {
  name: "eval",
  register(program: Command, ctx: CliContext) {
    program
      .command("eval")
      .description(
        "regn ut én Excel-formel med RST-funksjonene, f.eks. 'RST.CARRYOVER({7000030;6960000};{4200000;7950000})'",
      )
      .argument("<formel>", "formelen (med eller uten =), skrevet som i norsk eller engelsk Excel")
      .addOption(formatOption())
      .addHelpText("after", EVAL_HELP)
      .action(async (formula: string, flags: { format: OutputFormat }) => {
        ctx.exitCode = await runEval(ctx, formula, flags.format);
      });
  },
};

export async function runEval(ctx: CliContext, formula: string, format: OutputFormat): Promise<number> {
  // The small evaluator answers the common formulas; the full engine (fast-formula-parser, about
  // twice Node's start-up to load) only the ones it declines. Both give the same result.
  const { evaluateLite } = await import("../formula-lite");
  const res = evaluateLite(formula) ?? (await import("../formula")).evaluateFormula(formula);
  if (format === "json") {
    ctx.out(JSON.stringify("error" in res ? { error: res.error, message: res.message } : res));
  } else if ("error" in res) ctx.err(`${res.error} ${res.message}`);
  else ctx.out(formatValue(res.value));
  if (!("error" in res)) return 0;
  return res.input ? 2 : 1;
}

let numberNb: Intl.NumberFormat | undefined;

/**
 * A number as Intl.NumberFormat("nb-NO", { maximumFractionDigits: 10 }) writes it — "2 760 000,5",
 * "−0,25", U+00A0 between groups, U+2212 minus — without Intl: the first Intl object of a process
 * loads ICU's locale data, about a fifth of Node's start-up (issue 13.1). Like ICU, it rounds the
 * shortest decimal that reads back as the number (String(value)) half away from zero; a test
 * compares it with Intl on generated numbers. Infinity and NaN go to Intl.
 */
export function formatNumberNb(value: number): string {
  if (!Number.isFinite(value)) {
    numberNb ??= new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 10, useGrouping: true });
    return numberNb.format(value);
  }
  const negative = value < 0 || Object.is(value, -0);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(value)))!;
  let digits = m[1] + (m[2] ?? "");
  let point = m[1].length + Number(m[3] ?? 0); // digits before the decimal point
  if (point < 1) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (digits.length < point) digits += "0".repeat(point - digits.length);
  if (digits.length > point + 10) {
    const up = digits[point + 10] >= "5";
    digits = digits.slice(0, point + 10);
    if (up) {
      const d = digits.split("");
      let i = d.length - 1;
      while (i >= 0 && d[i] === "9") d[i--] = "0";
      if (i >= 0) d[i] = String(Number(d[i]) + 1);
      else {
        d.unshift("1");
        point++;
      }
      digits = d.join("");
    }
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const fraction = digits.slice(point).replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${negative ? "\u2212" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

/** Text output: a scalar in Norwegian (2 760 000,5); an array as tab-separated rows. */
export function formatValue(v: FormulaValue): string {
  if (Array.isArray(v))
    return v.map((row) => (row as FormulaValue[]).map(formatScalar).join("\t")).join("\n");
  return formatScalar(v);
}

function formatScalar(v: FormulaValue): string {
  if (v === null) return "";
  if (typeof v === "number") return formatNumberNb(v);
  if (typeof v === "boolean") return v ? "SANN" : "USANN";
  return String(v);
}

export function resultText(res: FormulaResult): string {
  return "error" in res ? `${res.error} ${res.message}` : formatValue(res.value);
}
