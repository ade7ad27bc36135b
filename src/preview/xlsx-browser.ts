/**
 * The CLI's .xlsx reader in the browser: the same exceljs adapter (src/cli/xlsx/read.ts,
 * worksheetToGrid with the linear merge parsing) fed from the bytes of a file the user picked,
 * so the preview sees exactly the grid `rst validate` sees. Nothing leaves the browser.
 * Loaded on first use (its own chunk): exceljs is large.
 */
import ExcelJS from "exceljs";
import type { Grid, GridWorkbook } from "../core/grid";
import { withLinearMergeParsing } from "../cli/xlsx/fast-merge";
import { worksheetToGrid } from "../cli/xlsx/read";

/** Norwegian, for the preview to show when a file cannot be read. */
export class UnreadableFile extends Error {}

export async function readXlsxBytes(data: ArrayBuffer, fileName: string): Promise<GridWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await withLinearMergeParsing(() => wb.xlsx.load(data));
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new UnreadableFile(
      `Kunne ikke lese «${fileName}»: filen er skadet eller ikke en gyldig .xlsx-fil (${reason}).`,
    );
  }
  const sheets: Grid[] = wb.worksheets.map((ws) => worksheetToGrid(ws));
  return { sheets };
}
