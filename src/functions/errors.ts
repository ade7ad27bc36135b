/**
 * Errors the custom functions return instead of throwing. The Excel wrappers turn them into
 * CustomFunctions.Error; the CLI's formula engine shows them as they are. Excel only shows a
 * custom message with #VALUE! and #N/A, so user-input problems use those two codes.
 */
export type ErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!" | "#REF!";

export class FunctionError {
  constructor(
    public code: ErrorCode,
    public message: string,
  ) {}
}

/** Wrong or unreadable input (the message says which argument and what to do). */
export function valueError(message: string): FunctionError {
  return new FunctionError("#VALUE!", message);
}

/** The answer is not available (e.g. a measure without a deadline, an unknown grant). */
export function notAvailable(message: string): FunctionError {
  return new FunctionError("#N/A", message);
}

export function isFunctionError(x: unknown): x is FunctionError {
  return x instanceof FunctionError;
}
