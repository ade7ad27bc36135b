/**
 * Child process of bench/cli.ts: exceljs readFile with the adapter's linear merge parsing
 * (src/cli/xlsx/fast-merge.ts). At 100 000 rows exceljs's own merge parsing is quadratic and
 * takes minutes, so this is the exceljs reference there.
 */
import ExcelJS from "exceljs";
import { withLinearMergeParsing } from "../src/cli/xlsx/fast-merge";

withLinearMergeParsing(() => new ExcelJS.Workbook().xlsx.readFile(process.argv[2])).then(
  (wb) => {
    if (wb.worksheets.length === 0) process.exitCode = 3;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
