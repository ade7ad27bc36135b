/**
 * Errors the CLI reports as one Norwegian line and exit code 2: the input could not be
 * read, or the command line was wrong. Anything else is a bug and shows a stack with --debug.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(message: string) {
    super(message);
  }
}

export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(message: string) {
    super(message);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
