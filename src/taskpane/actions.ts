/**
 * Entry points shared with the ribbon command (src/commands/commands.ts imports this
 * module dynamically through the shared runtime, so it must not touch React or the DOM).
 */
import type { ValidationResult } from "../core/plan";
import { checkAndMark, savedOptions } from "./services/excel-service";

/** Read the workbook, validate the plan with the saved column mapping, and mark the problems. */
export async function runValidation(): Promise<ValidationResult> {
  const { result } = await checkAndMark(savedOptions());
  return result;
}
