/**
 * `rst`: the command-line tool. main(argv, io) runs one command and returns its exit code:
 * 0 ok, 1 problems found (validation errors, formula error), 2 unreadable input or bad usage.
 * Errors are one Norwegian line on stderr; --debug adds the stack trace.
 */
import { Command, CommanderError, Help } from "commander";
import { COMMANDS, commandIn, type CommandEntry } from "./commands";
import { makeContext, type CliCommand, type CliIO } from "./context";
import { InputError, UsageError, errorMessage } from "./errors";
import { removeTempFiles } from "./io/atomic";

export const VERSION = "0.1.0";

/** Commander's help headings and words in Norwegian. */
const HELP_WORDS: Record<string, string> = {
  "Usage:": "Bruk:",
  "Options:": "Valg:",
  "Commands:": "Kommandoer:",
  "Arguments:": "Argumenter:",
  "Global Options:": "Felles valg:",
};
const norwegianUsage = (s: string) =>
  s.replace(/\[options\]/g, "[valg]").replace(/\[command\]/g, "[kommando]");

function norwegianHelp(program: Command): void {
  program.configureHelp({
    styleTitle: (str) => HELP_WORDS[str] ?? str,
    commandUsage(cmd) {
      return norwegianUsage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd) {
      return norwegianUsage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(option) {
      return Help.prototype.optionDescription
        .call(this, option)
        .replace(/\(default: /, "(standard: ")
        .replace(/\(choices: /, "(valg: ");
    },
    argumentDescription(arg) {
      return Help.prototype.argumentDescription.call(this, arg).replace(/\(default: /, "(standard: ");
    },
  });
}

/**
 * The program with every command listed; `loaded` are registered in full (their module is
 * loaded), the others as light entries for the command list only.
 */
export function buildProgram(
  ctx: ReturnType<typeof makeContext>,
  loaded: Map<string, CliCommand> = new Map(),
): Command {
  const program = new Command();
  norwegianHelp(program);
  program
    .name("rst")
    .description(
      "RST-verktøy: kontroll av handlingsplaner, RST-regnskap og egne Excel-funksjoner på .xlsx-filer",
    )
    .version(VERSION, "-V, --version", "vis versjonsnummeret")
    .helpOption("-h, --help", "vis hjelp")
    .helpCommand("help [kommando]", "vis hjelp for en kommando")
    .option("--debug", "vis hele feilmeldingen (stakkspor) ved feil")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
      outputError: () => {
        // reported by main() in Norwegian
      },
    });
  for (const entry of COMMANDS) {
    const cmd = loaded.get(entry.name);
    if (cmd) cmd.register(program, ctx);
    else stub(program, entry);
  }
  for (const sub of program.commands) {
    sub
      .exitOverride()
      .helpOption("-h, --help", "vis hjelp")
      .configureOutput({
        writeOut: (s) => ctx.io.stdout(s),
        writeErr: (s) => ctx.io.stderr(s),
        outputError: () => {},
      });
  }
  return program;
}

/** A command listed in `rst --help` without loading its module. */
function stub(program: Command, entry: CommandEntry): void {
  const sub = program.command(entry.name).description(entry.description);
  for (const a of entry.args) sub.argument(a);
}

/** Load the module of the command argv names (if any), everything else stays unloaded. */
export async function loadCommands(argv: string[]): Promise<Map<string, CliCommand>> {
  const entry = commandIn(argv);
  return new Map(entry ? [[entry.name, await entry.load()]] : []);
}

/** Norwegian text for commander's usage errors. */
function usageMessage(err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? "";
  switch (err.code) {
    case "commander.missingArgument":
      return `mangler argumentet «${quoted}».`;
    case "commander.optionMissingArgument":
      return `valget «${quoted}» mangler en verdi.`;
    case "commander.unknownOption":
      return `ukjent valg «${quoted}».`;
    case "commander.unknownCommand":
      return `ukjent kommando «${quoted}».`;
    case "commander.excessArguments":
      return "for mange argumenter.";
    case "commander.invalidArgument":
      // our option parsers give a Norwegian reason after "option '…' argument '…' is invalid."
      return err.message
        .replace(/^error:\s*/, "")
        .replace(/^option '([^']+)' argument '[^']*' is invalid\.\s*/, "$1: ");
    default:
      return err.message.replace(/^error:\s*/, "");
  }
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes("--debug");
  const ctx = makeContext(io, debug);
  try {
    const program = buildProgram(ctx, await loadCommands(argv));
    await program.parseAsync(argv, { from: "user" });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
      if (err.code === "commander.help" || err.code === "commander.executeSubCommandAsync")
        return err.exitCode === 0 ? 0 : 2;
      ctx.err(`Feil i kommandolinjen: ${usageMessage(err)} Se «rst --help».`);
      return 2;
    }
    if (err instanceof InputError || err instanceof UsageError) {
      ctx.err(err.message);
      if (debug && err.stack) ctx.err(err.stack);
      return 2;
    }
    ctx.err(`Uventet feil: ${errorMessage(err)}${debug ? "" : " (kjør med --debug for detaljer)"}`);
    if (debug && err instanceof Error && err.stack) ctx.err(err.stack);
    return 2;
  }
}

export function processIO(): CliIO {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

/**
 * Process hygiene for the real command (not for tests calling main): a closed pipe (`rst … | head`)
 * ends quietly with exit 0; Ctrl-C / SIGTERM remove our temporary files before exiting.
 */
export function installProcessHandlers(): void {
  const onPipeError = (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  };
  process.stdout.on("error", onPipeError);
  process.stderr.on("error", onPipeError);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      removeTempFiles();
      process.exit(code);
    });
  }
}
