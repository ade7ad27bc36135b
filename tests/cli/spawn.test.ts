import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { afterAll } from "vitest";
import { chmodSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { EXAMPLE, removeTempDirs, tempDir } from "./helpers";

afterAll(removeTempDirs);

const root = resolve(__dirname, "../..");
const bin = join(root, "dist", "cli", "rst.js");

describe("the built CLI (dist/cli/rst.js)", () => {
  beforeAll(() => {
    const res = spawnSync(process.execPath, [join(root, "scripts", "build-cli.mjs")], {
      cwd: root,
      encoding: "utf8",
    });
    expect(res.status, res.stderr).toBe(0);
  });

  it("is an executable node script with a shebang", () => {
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const help = spawnSync(bin, ["--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    // commander's headings in Norwegian
    expect(help.stdout).toMatch(/^Bruk: rst \[valg\] \[kommando\]/);
    expect(help.stdout).toContain("Valg:");
    expect(help.stdout).toContain("Kommandoer:");
    expect(help.stdout).not.toMatch(/Usage:|Options:|Commands:/);
  });

  it("ledger --format json on the example, exit 0", () => {
    const res = spawnSync(process.execPath, [bin, "ledger", EXAMPLE, "--format", "json"], {
      encoding: "utf8",
    });
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.years.map((y: { carriedOut: number | null }) => y.carriedOut).slice(0, 2)).toEqual([
      2800030, 1810030,
    ]);
  });

  it("a missing file: exit 2 and one Norwegian line on stderr", () => {
    const missing = join(tempDir(), "borte.xlsx");
    const res = spawnSync(process.execPath, [bin, "validate", missing], { encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toBe(`Kunne ikke lese «${missing}»: filen finnes ikke.\n`);
  });

  it("a closed pipe (| head) ends quietly with exit 0, no stack trace", () => {
    const res = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" "${bin}" validate "${EXAMPLE}" --format json | head -c 10`],
      {
        encoding: "utf8",
      },
    );
    expect(res.status).toBe(0);
    expect(res.stderr).not.toMatch(/EPIPE|at .*\(/);
    const pipeStatus = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; "${process.execPath}" "${bin}" --help | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: "utf8" },
    );
    expect(pipeStatus.stdout.trim()).toMatch(/^(0|141)$/);
  });

  it("SIGTERM during a run leaves no temporary file behind", async () => {
    const { readdirSync } = await import("node:fs");
    const dir = tempDir();
    for (const delay of [200, 450, 700, 1000]) {
      const out = join(dir, `melding-${delay}.docx`);
      const child = spawn(process.execPath, [bin, "report", EXAMPLE, "--year", "2025", "--out", out]);
      // Listen from the start: a run that ends during the delay must not leave the test waiting.
      const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGTERM");
      const code = await exited;
      // 143 from our handler, 0 when it had finished, null when killed before the handler was set
      expect([0, 143, null]).toContain(code);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("file-system errors are Norwegian and name the user's path, not our temporary file", () => {
    const dir = tempDir();
    const missingDir = join(dir, "finnes-ikke", "melding.docx");
    const a = spawnSync(process.execPath, [bin, "report", EXAMPLE, "--year", "2025", "--out", missingDir], {
      encoding: "utf8",
    });
    expect(a.status).toBe(2);
    expect(a.stderr).toContain(
      `Kunne ikke skrive «${missingDir}»: mappen «${join(dir, "finnes-ikke")}» finnes ikke.`,
    );
    expect(a.stderr).not.toMatch(/\.tmp|ENOENT/);
    const asDir = join(dir, "mappe.csv");
    spawnSync("mkdir", [asDir]);
    const b = spawnSync(process.execPath, [bin, "report", EXAMPLE, "--year", "2025", "--out", asDir], {
      encoding: "utf8",
    });
    expect(b.status).toBe(2);
    expect(b.stderr).toContain("det er en mappe");
    expect(b.stderr).not.toMatch(/EISDIR|\.tmp/);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, "låst.xlsx");
      writeFileSync(locked, readFileSync(EXAMPLE));
      chmodSync(locked, 0o000);
      const c = spawnSync(process.execPath, [bin, "validate", locked], { encoding: "utf8" });
      expect(c.status).toBe(2);
      expect(c.stderr).toContain(`Kunne ikke lese «${locked}»: ingen lesetilgang til filen.`);
    }
  });

  it("an .ods file gets the right advice, not «har ingen regneark»", () => {
    const dir = tempDir();
    const ods = join(dir, "plan.ods");
    // the start of an OpenDocument zip: a stored "mimetype" entry first (ISO/IEC 26300 §17.4)
    const name = Buffer.from("mimetype");
    const body = Buffer.from("application/vnd.oasis.opendocument.spreadsheet");
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    writeFileSync(ods, Buffer.concat([header, name, body, Buffer.alloc(64)]));
    const r = spawnSync(process.execPath, [bin, "validate", ods], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("OpenDocument-regneark (.ods");
    expect(r.stderr).toContain("lagre som Excel-arbeidsbok (.xlsx)");
  });
});
