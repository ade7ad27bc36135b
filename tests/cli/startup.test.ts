/**
 * Issue 13.1: `rst --help`, `--version` and `eval` load nothing they do not use. Checked on the
 * built bundle by asking Node which modules were loaded (timings are in `npm run bench`).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Command } from "commander";
import { COMMANDS } from "../../src/cli/commands";
import { makeContext } from "../../src/cli/context";
import { removeTempDirs, tempDir } from "./helpers";

const root = resolve(__dirname, "../..");
const bin = join(root, "dist", "cli", "rst.js");

/** The npm packages loaded while running `rst …args`. */
function loadedPackages(...args: string[]): string[] {
  const dir = tempDir();
  const probe = join(dir, "probe.cjs");
  writeFileSync(
    probe,
    `const Module = require("module");
    const seen = new Set();
    const orig = Module._load;
    Module._load = function (req, ...rest) { seen.add(req.split("/")[0]); return orig.call(this, req, ...rest); };
    process.on("exit", () => process.stderr.write("\\nLOADED " + [...seen].join(",") + "\\n"));`,
  );
  const res = spawnSync(process.execPath, ["-r", probe, bin, ...args], { encoding: "utf8" });
  const line = res.stderr.split("\n").find((l) => l.startsWith("LOADED ")) ?? "LOADED ";
  return line
    .slice(7)
    .split(",")
    .filter((p) => p && !p.startsWith("node:") && !p.startsWith("."));
}

afterAll(removeTempDirs);

describe("start-up", () => {
  beforeAll(() => {
    const res = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(res.status, res.stderr).toBe(0);
  });

  it("--help and --version load commander only", () => {
    for (const args of [["--help"], ["--version"]]) {
      const loaded = loadedPackages(...args);
      expect(loaded).toContain("commander");
      for (const heavy of ["exceljs", "docx", "fast-formula-parser", "zod"])
        expect(loaded).not.toContain(heavy);
    }
  });

  it("eval of a common formula loads neither the full formula engine nor exceljs, docx or zod", () => {
    for (const formula of ["1+1", '=NOK.PARSE("410 000 kr")', "=AVRUND(COST.PERUNIT(1194000;380)*1,25;0)"]) {
      const loaded = loadedPackages("eval", formula);
      for (const heavy of ["fast-formula-parser", "exceljs", "docx", "zod"])
        expect(loaded, formula).not.toContain(heavy);
    }
  });

  it("eval loads the full formula engine (fast-formula-parser) for a formula the small evaluator declines", () => {
    const loaded = loadedPackages("eval", "LENGDE(7)");
    expect(loaded).toContain("fast-formula-parser");
    for (const heavy of ["exceljs", "docx", "zod"]) expect(loaded).not.toContain(heavy);
  });

  it("each command's listed description is the one it registers", async () => {
    for (const entry of COMMANDS) {
      const program = new Command();
      (await entry.load()).register(program, makeContext({ stdout() {}, stderr() {} }, false));
      const sub = program.commands.find((c) => c.name() === entry.name)!;
      expect(sub.description(), entry.name).toBe(entry.description);
      expect(
        sub.registeredArguments.map((a) =>
          a.required ? `<${a.name()}${a.variadic ? "..." : ""}>` : `[${a.name()}]`,
        ),
      ).toEqual(entry.args);
    }
  });
});
