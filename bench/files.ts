/** Generated plan files shared by the benchmarks of one run (written once, removed at exit). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writePlanFile } from "../src/cli/xlsx/gen-plan";

let dir: string | undefined;
const files = new Map<number, string>();

/** A generated handlingsplan with `rows` measure rows (src/cli/xlsx/gen-plan.ts). */
export async function planFile(rows: number): Promise<string> {
  const hit = files.get(rows);
  if (hit) return hit;
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), "rst-bench-"));
    dir = made;
    process.on("exit", () => rmSync(made, { recursive: true, force: true }));
  }
  const file = join(dir, `plan-${rows}.xlsx`);
  await writePlanFile(file, rows);
  files.set(rows, file);
  return file;
}
