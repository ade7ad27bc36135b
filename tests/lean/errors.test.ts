/**
 * Files the lean reader cannot read give the same one-line Norwegian message as the exceljs
 * path, and the CLI exits 2 — also when the damage is inside a sheet that is read only later.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/cli/errors";
import { readWorkbookLean, readAll } from "../../src/cli/xlsx/lean";
import { EXAMPLE, rst, tempDir } from "../cli/helpers";
import { writeHandXlsx } from "./xlsx-parts";

const dir = tempDir();

function truncated(): string {
  const path = join(dir, "avkuttet.xlsx");
  const bytes = readFileSync(EXAMPLE);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return path;
}

function badSheetXml(): string {
  const path = join(dir, "ugyldig-xml.xlsx");
  writeHandXlsx(path, [{ name: "Handlingsplan", data: '<row r="1"><c r="A1"><v>1</v></row>' }]);
  return path;
}

function missingSharedString(): string {
  const path = join(dir, "mangler-tekst.xlsx");
  writeHandXlsx(path, [{ name: "Handlingsplan", data: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }], []);
  return path;
}

describe("lean reader: unreadable files", () => {
  it.each([
    ["a truncated file", truncated, /filen er skadet eller ikke en gyldig \.xlsx-fil/],
    ["a sheet with broken XML", badSheetXml, /filen er skadet eller ikke en gyldig \.xlsx-fil/],
    ["a reference to a missing shared text", missingSharedString, /delt tekst nr\. 5 finnes ikke/],
  ])("%s: an InputError naming the file", (_label, make, message) => {
    const path = make();
    let err: unknown;
    try {
      readAll(readWorkbookLean(path));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(path);
  });

  it.each([
    ["validate", truncated],
    ["validate", badSheetXml],
    ["ledger", badSheetXml],
  ])("rst %s exits 2 with one line", async (cmd, make) => {
    const path = make();
    const res = await rst(cmd, path, "--sheet", "Handlingsplan");
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(res.stderr).toMatch(/skadet eller ikke en gyldig \.xlsx-fil/);
  });
});

describe("lean reader: sheets are read when first used", () => {
  it("rst ledger reads the RST sheet only: a broken plan sheet beside it does not stop it", async () => {
    const path = join(dir, "plan-odelagt.xlsx");
    const cell = (ref: string, v: string | number) =>
      typeof v === "number"
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    writeHandXlsx(path, [
      { name: "Handlingsplan", data: '<row r="1"><c r="A1"><v>1</row>' },
      {
        name: "RST",
        data:
          `<row r="1">${cell("A1", "År")}${cell("B1", "Post")}${cell("C1", "Beløp")}</row>` +
          `<row r="2">${cell("A2", 2026)}${cell("B2", "Tildelt")}${cell("C2", 9760030)}</row>`,
      },
    ]);
    const res = await rst("ledger", path, "--format", "json");
    expect(res.stderr).not.toMatch(/skadet/);
    expect(res.code).not.toBe(2);
    expect(JSON.parse(res.stdout).sheet).toBe("RST");
    // and a command that needs the plan sheet says the file is damaged
    const validate = await rst("validate", path, "--sheet", "Handlingsplan");
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(/skadet/);
  });

  it("a command that never looks at a broken sheet is not stopped by it", () => {
    const path = join(dir, "ett-ok-ark.xlsx");
    writeHandXlsx(path, [
      { name: "Plan", data: '<row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c></row>' },
      { name: "Ødelagt", data: '<row r="1"><c r="A1"><v>1</row>' },
    ]);
    const wb = readWorkbookLean(path);
    expect(wb.sheets.map((g) => g.sheet)).toEqual(["Plan", "Ødelagt"]);
    expect(wb.sheets[0].rows[0][0].value).toBe("Nr");
    expect(() => wb.sheets[1].rows).toThrow(InputError);
  });
});
