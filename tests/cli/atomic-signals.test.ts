import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempFiles, writeFileAtomic } from "../../src/cli/io/atomic";
import { removeTempDirs, tempDir } from "./helpers";

afterAll(removeTempDirs);

describe("writeFileAtomic", () => {
  it("names the user's path and folder, never its temporary file", () => {
    const dir = tempDir();
    const target = join(dir, "mangler", "x.csv");
    expect(() => writeFileAtomic(target, "a")).toThrow(
      `Kunne ikke skrive «${target}»: mappen «${join(dir, "mangler")}» finnes ikke.`,
    );
    expect(() => writeFileAtomic(dir, "a")).toThrow(/det er en mappe/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("removeTempFiles leaves nothing behind and is safe with nothing pending", () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, "ok.csv"), "a");
    removeTempFiles();
    expect(readdirSync(dir)).toEqual(["ok.csv"]);
    expect(existsSync(join(dir, "ok.csv"))).toBe(true);
  });
});
