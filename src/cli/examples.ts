import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "./errors";

export const EXAMPLE_FILE = "handlingsplan-vestfold-2026.xlsx";

/**
 * The bundled example workbook: examples/<file> in the project, looked up from the built
 * CLI's folder (dist/cli) and from the working directory.
 */
export function findExample(name = EXAMPLE_FILE): string {
  const starts = [typeof __dirname === "string" ? __dirname : undefined, process.cwd()].filter(
    (s): s is string => typeof s === "string",
  );
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 6; i++) {
      const candidate = join(dir, "examples", name);
      if (existsSync(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new InputError(`Fant ikke eksempelfilen examples/${name}. Kjør «npm run examples» for å lage den.`);
}
