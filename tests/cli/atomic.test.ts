import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/cli/errors";
import { assertNotSamePath, writeFileAtomic } from "../../src/cli/io/atomic";
import { tempDir, removeTempDirs } from "./helpers";

afterAll(removeTempDirs);

describe("writeFileAtomic", () => {
  it("replaces the target in one step and leaves no temp file", () => {
    const dir = tempDir();
    const target = join(dir, "ut.json");
    writeFileSync(target, "gammel");
    writeFileAtomic(target, '{"ny":true}');
    expect(readFileSync(target, "utf8")).toBe('{"ny":true}');
    expect(readdirSync(dir)).toEqual(["ut.json"]);
  });

  it("writes bytes", () => {
    const dir = tempDir();
    const target = join(dir, "b.bin");
    writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
  });

  it("on failure throws an InputError and leaves neither target nor temp file", () => {
    const dir = tempDir();
    const target = join(dir, "mangler", "ut.xlsx");
    expect(() => writeFileAtomic(target, "x")).toThrow(InputError);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("when the rename fails the temp file is removed and the old target kept", () => {
    const dir = tempDir();
    const target = join(dir, "er-en-mappe");
    // renaming a file over a non-empty directory fails
    mkdirSync(join(target, "innhold"), { recursive: true });
    expect(() => writeFileAtomic(target, "x")).toThrow(InputError);
    expect(readdirSync(dir)).toEqual(["er-en-mappe"]);
  });
});

describe("assertNotSamePath", () => {
  it("refuses the same file under another spelling", () => {
    const dir = tempDir();
    const f = join(dir, "a.xlsx");
    writeFileSync(f, "x");
    expect(() => assertNotSamePath(f, join(dir, "..", dir.split("/").pop()!, "a.xlsx"), "--out")).toThrow(
      /--out kan ikke være samme fil/,
    );
    expect(() => assertNotSamePath(f, join(dir, "b.xlsx"), "--out")).not.toThrow();
  });
});
