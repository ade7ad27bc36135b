import { expect } from "vitest";
import { FUNCTIONS, FunctionError, type FnResult } from "../../src/functions/impl";

/** Calls a custom function the way the CLI does. */
export function fn(name: string, ...args: unknown[]): FnResult {
  const f = FUNCTIONS[name];
  if (!f) throw new Error(`no function ${name}`);
  return f(...args);
}

/** Asserts an Excel error with the code and a message matching the pattern; returns the message. */
export function expectError(result: FnResult, code: FunctionError["code"], pattern?: RegExp): string {
  expect(result).toBeInstanceOf(FunctionError);
  const e = result as FunctionError;
  expect(e.code).toBe(code);
  expect(e.message.length).toBeGreaterThan(10);
  if (pattern) expect(e.message).toMatch(pattern);
  return e.message;
}
