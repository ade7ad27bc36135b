import { copyFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/cli/errors";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { EXAMPLE, rst, sha256, tempDir, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

function badFiles(dir: string): Record<string, { path: string; message: RegExp }> {
  const empty = join(dir, "tom.xlsx");
  writeFileSync(empty, "");
  const ole = join(dir, "kryptert.xlsx");
  // OLE compound file header (password-protected .xlsx and old .xls share it)
  writeFileSync(
    ole,
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
  );
  const text = join(dir, "notat.xlsx");
  writeFileSync(text, "Nr;Tiltak;Frist\n1.1.1;Noe;2026\n");
  const corrupt = join(dir, "skadet.xlsx");
  // a zip signature followed by garbage: passes the signature check, fails in the zip reader
  writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\x03\x04", "binary"), Buffer.alloc(200, 7)]));
  return {
    missing: { path: join(dir, "finnes-ikke.xlsx"), message: /finnes ikke/ },
    empty: { path: empty, message: /er tom/ },
    encrypted: { path: ole, message: /kryptert eller i gammelt \.xls-format/ },
    notXlsx: { path: text, message: /ikke en Excel-arbeidsbok/ },
    corrupt: { path: corrupt, message: /skadet eller ikke en gyldig \.xlsx-fil/ },
  };
}

describe("unreadable input", () => {
  const dir = tempDir();
  const files = badFiles(dir);

  it.each(Object.keys(files))("%s: readWorkbookFile throws an InputError naming the file", async (key) => {
    const { path, message } = files[key];
    const err = await readWorkbookFile(path).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(path);
  });

  it.each(Object.keys(files))(
    "%s: validate --annotate exits 2 with one line and writes nothing",
    async (key) => {
      const { path, message } = files[key];
      const out = join(dir, `ut-${key}.xlsx`);
      const before = readdirSync(dir).sort();
      const res = await rst("validate", path, "--annotate", out);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe("");
      expect(res.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(res.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(before); // no temp file left behind
    },
  );

  it("a stack trace only with --debug", async () => {
    const res = await rst("ledger", files.corrupt.path, "--debug");
    expect(res.code).toBe(2);
    expect(res.stderr.split("\n").length).toBeGreaterThan(2);
    expect(res.stderr).toMatch(/at /);
  });

  it("a directory is not a workbook", async () => {
    const res = await rst("validate", dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/er en mappe/);
  });
});

describe("the input file is never changed", () => {
  it("validate --annotate leaves the input byte-identical and writes the copy", async () => {
    const dir = tempDir();
    const input = join(dir, "plan.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const out = join(dir, "merket.xlsx");
    const res = await rst("validate", input, "--annotate", out, "--format", "json");
    expect(res.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["merket.xlsx", "plan.xlsx"]); // the temp file was renamed
  });

  it("refuses --annotate onto the input file", async () => {
    const dir = tempDir();
    const input = join(dir, "plan.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = sha256(input);
    const res = await rst("validate", input, "--annotate", join(dir, ".", "plan.xlsx"));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--annotate kan ikke være samme fil som inndatafilen/);
    expect(sha256(input)).toBe(before);
  });
});
