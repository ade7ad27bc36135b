import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/rst";

export const EXAMPLE = resolve(__dirname, "../../examples/handlingsplan-vestfold-2026.xlsx");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `rst` in-process with captured output. */
export async function rst(...argv: string[]): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "rst-cli-test-"));
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}
