import type { Command } from "commander";

/** Where the CLI writes; injected so tests run commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress is shown either way for big files, unless --quiet). */
  stderrIsTTY?: boolean;
}

export interface CliContext {
  io: CliIO;
  debug: boolean;
  /** Set by the command's action: 0 ok, 1 problems found, 2 unreadable input or bad usage. */
  exitCode: number;
  out(line?: string): void;
  err(line: string): void;
}

/** One `rst` sub-command. Register new ones in commands/index.ts. */
export interface CliCommand {
  name: string;
  register(program: Command, ctx: CliContext): void;
}

export function makeContext(io: CliIO, debug: boolean): CliContext {
  return {
    io,
    debug,
    exitCode: 0,
    out: (line = "") => io.stdout(line.endsWith("\n") ? line : `${line}\n`),
    err: (line) => io.stderr(line.endsWith("\n") ? line : `${line}\n`),
  };
}
