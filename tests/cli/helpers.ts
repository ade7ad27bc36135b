import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
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

const created: string[] = [];

/** A fresh temp directory; remove it (and the others) with removeTempDirs in afterAll. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "rst-cli-test-"));
  created.push(dir);
  return dir;
}

/** Remove every directory tempDir made in this test file (tests remove what they create). */
export function removeTempDirs(): void {
  for (const d of created.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}
