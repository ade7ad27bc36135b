/**
 * `rst`: the command-line tool. main(argv, io) runs one command and returns its exit code:
 * 0 ok, 1 problems found (validation errors, formula error), 2 unreadable input or bad usage.
 * Errors are one Norwegian line on stderr; --debug adds the stack trace.
 */
import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands";
import { makeContext, type CliIO } from "./context";
import { InputError, UsageError, errorMessage } from "./errors";

export const VERSION = "0.1.0";

export function buildProgram(ctx: ReturnType<typeof makeContext>): Command {
  const program = new Command();
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
  for (const cmd of COMMANDS) cmd.register(program, ctx);
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
  const program = buildProgram(ctx);
  try {
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

// Run when executed directly (the bundled dist/cli/rst.js), not when imported by tests.
if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`Uventet feil: ${errorMessage(err)}\n`);
      process.exitCode = 2;
    },
  );
}
