/**
 * Every `rst` sub-command, in the order `rst --help` lists them: its name, arguments and
 * description (for the command list), and how to load its module. A command's module — and
 * with it exceljs, docx, the formula engine or zod — is only loaded when that command runs
 * (or its own help is asked for), so `rst --help` and `rst --version` start fast.
 * To add one: write commands/<name>.ts exporting a CliCommand and add a line here (a test
 * checks that the description here is the one the command registers).
 */
import type { CliCommand } from "../context";

export interface CommandEntry {
  name: string;
  args: string[];
  description: string;
  load(): Promise<CliCommand>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: "validate",
    args: ["<file>"],
    description: "kontroller handlingsplanen i en .xlsx-fil (frister, beløp, nummerering, manglende felt)",
    load: async () => (await import("./validate")).validateCommand,
  },
  {
    name: "ledger",
    args: ["<file>"],
    description: "vis RST-regnskapet per år: tildelt, overført inn, fordelt og overført ut",
    load: async () => (await import("./ledger")).ledgerCommand,
  },
  {
    name: "report",
    args: ["<filer...>"],
    description:
      "lag årlig melding til HSØ (Word, Excel-ark eller CSV); flere filer gir samlet vedlegg for regionen",
    load: async () => (await import("./report")).reportCommand,
  },
  {
    name: "reconcile",
    args: ["<file>"],
    description: "avstem årlig melding mot RST-regnskapet og handlingsplanen, tiltak for tiltak",
    load: async () => (await import("./reconcile")).reconcileCommand,
  },
  {
    name: "cost",
    args: [],
    description:
      "lag kostnadsmodellen for ambulant røntgen som en ny arbeidsbok, med følsomhet, kostnadsdeling og budsjettoppfølging",
    load: async () => (await import("./cost")).costCommand,
  },
  {
    name: "eval",
    args: ["<formel>"],
    description:
      "regn ut én Excel-formel med RST-funksjonene, f.eks. 'RST.CARRYOVER({7000030;6960000};{4200000;7950000})'",
    load: async () => (await import("./eval")).evalCommand,
  },
  {
    name: "demo",
    args: [],
    description: "vis hva verktøyet gjør, på eksempelfilen som følger med",
    load: async () => (await import("./demo")).demoCommand,
  },
];

/** The command argv names (first word that is not an option), or undefined. */
export function commandIn(argv: string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith("-"));
  const first = words[0] === "help" ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === first);
}
