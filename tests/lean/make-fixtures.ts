/**
 * Writes tests/lean/fixtures/*.xlsx: workbooks saved by LibreOffice Calc, so the differential
 * test covers another writer without CI needing LibreOffice. Run by hand when the inputs change:
 *   node scripts/run-ts.mjs tests/lean/make-fixtures.ts
 * (needs `soffice`: apt-get install libreoffice-calc-nogui). Each input is written by exceljs,
 * opened and saved again by LibreOffice ("Calc MS Excel 2007 XML"), which rewrites every part.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writePlanFile } from "../../src/cli/xlsx/gen-plan";
import { kindsWorkbook } from "./workbooks";

async function main(): Promise<void> {
  const out = resolve("tests/lean/fixtures");
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "rst-lo-"));
  try {
    const inputs = join(work, "in");
    mkdirSync(inputs);
    await kindsWorkbook().xlsx.writeFile(join(inputs, "libreoffice-celler.xlsx"));
    await writePlanFile(join(inputs, "libreoffice-plan.xlsx"), 120);
    copyFileSync(
      resolve("examples/handlingsplan-vestfold-2026.xlsx"),
      join(inputs, "libreoffice-eksempel.xlsx"),
    );
    for (const name of ["libreoffice-celler.xlsx", "libreoffice-plan.xlsx", "libreoffice-eksempel.xlsx"]) {
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(work, "profile")}`,
          "--headless",
          "--convert-to",
          "xlsx:Calc MS Excel 2007 XML",
          "--outdir",
          out,
          join(inputs, name),
        ],
        { stdio: "inherit" },
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
