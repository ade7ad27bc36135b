import type { Command } from "commander";
import { relative } from "node:path";
import { formatNok } from "../../core/amount";
import type { CliCommand, CliContext } from "../context";
import { findExample } from "../examples";
import type { FormulaValue } from "../formula";
import { formatCount } from "../table";
import { readLedgerFile, ledgerText } from "./ledger";
import { reportDemoStep } from "./report";
import { validateWorkbook } from "../../core/plan";
import { validationText } from "./validate";

/** One section of `rst demo`. Add a step by appending to DEMO_STEPS. */
export interface DemoStep {
  title: string;
  run(ctx: CliContext, file: string): Promise<void>;
}

const describeFile: DemoStep = {
  title: "Eksempelfilen",
  async run(ctx, file) {
    const { loadWorkbook } = await import("../load");
    const wb = await loadWorkbook(ctx, file, true);
    ctx.out(
      `${relative(process.cwd(), file) || file}: handlingsplanen for helsefellesskapet i Vestfold 2026,`,
    );
    ctx.out(
      "RST-regnskapet for 2024–2025, kostnadsmodellen for ambulant røntgen og registeret til årlig melding 2025.",
    );
    ctx.out("");
    for (const g of wb.sheets)
      ctx.out(
        `  ${g.sheet.padEnd(22)} ${formatCount(g.rows.length)} rader, ${g.merges.length} sammenslåtte områder`,
      );
  },
};

const validatePlan: DemoStep = {
  title: "Kontroll av handlingsplanen (rst validate)",
  async run(ctx, file) {
    const { loadWorkbook } = await import("../load");
    const wb = await loadWorkbook(ctx, file, true);
    ctx.io.stdout(validationText(relative(process.cwd(), file) || file, validateWorkbook(wb)));
  },
};

const ledger: DemoStep = {
  title: "RST-regnskapet (rst ledger)",
  async run(ctx, file) {
    ctx.io.stdout(ledgerText(await readLedgerFile(ctx, file, { quiet: true })));
  },
};

const DEMO_FORMULAS: { formula: string; what: string }[] = [
  { formula: "RST.CARRYOVER({7000030;6960000};{4200000;7950000})", what: "overført ut av 2024 og 2025" },
  { formula: "RST.BALANCE(6960000;{4200000;3000000;700000;50000};2800030)", what: "ubrukt RST i 2025" },
  { formula: "COST.PERUNIT(1194000;380)", what: "kostnad per oppdrag, ambulant røntgen (2024-nivå)" },
  { formula: "COST.BREAKEVEN(1194000;30000)", what: "oppdrag i året før ambulant røntgen lønner seg" },
];

const functions: DemoStep = {
  title: "Egne Excel-funksjoner (rst eval)",
  async run(ctx) {
    const { evaluateFormula } = await import("../formula");
    for (const { formula, what } of DEMO_FORMULAS) {
      const res = evaluateFormula(formula);
      const shown = "error" in res ? `${res.error} ${res.message}` : showValue(res.value);
      ctx.out(`  =${formula}`);
      ctx.out(`      → ${shown}   (${what})`);
    }
  },
};

function showValue(v: FormulaValue): string {
  if (Array.isArray(v)) return v.map((row) => (row as FormulaValue[]).map(showValue).join(" | ")).join(" / ");
  if (typeof v === "number") return Number.isInteger(v) ? formatNok(v) : formatNok(Math.round(v * 100) / 100);
  return v === null ? "" : String(v);
}

export const DEMO_STEPS: DemoStep[] = [describeFile, validatePlan, ledger, reportDemoStep, functions];

export const demoCommand: CliCommand = {
  name: "demo",
  register(program: Command, ctx: CliContext) {
    program
      .command("demo")
      .description("vis hva verktøyet gjør, på eksempelfilen som følger med")
      .action(async () => {
        ctx.exitCode = await runDemo(ctx);
      });
  },
};

export async function runDemo(ctx: CliContext, file = findExample(), steps = DEMO_STEPS): Promise<number> {
  for (const [i, step] of steps.entries()) {
    if (i > 0) ctx.out("");
    ctx.out(`== ${i + 1}. ${step.title}`);
    ctx.out("");
    await step.run(ctx, file);
  }
  ctx.out("");
  ctx.out(
    "Prøv selv: rst validate <fil.xlsx> --annotate merket.xlsx   ·   rst ledger <fil.xlsx> --format json   ·   rst --help",
  );
  return 0;
}
