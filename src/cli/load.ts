import type { GridWorkbook } from "../core/grid";
import type { CliContext } from "./context";
import { InputError } from "./errors";
import { readWorkbookLean } from "./xlsx/lean";

/** Files with more rows than this get progress lines on stderr (unless --quiet). */
export const PROGRESS_ROWS = 5000;

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/**
 * Read a workbook for a command with the lean reader (src/cli/xlsx/lean), reporting progress for
 * big sheets. The sheets are read when the command first looks at their rows, so a command reads
 * only the sheets it uses; a sheet that cannot be read then throws the usual InputError.
 */
export async function loadWorkbook(ctx: CliContext, file: string, quiet = false): Promise<GridWorkbook> {
  const wb = readWorkbookLean(file, {
    onProgress: quiet
      ? undefined
      : (p) => {
          if (p.totalRows > PROGRESS_ROWS) {
            ctx.err(`Leser «${p.sheet}»: ${formatCount(p.rows)} av ${formatCount(p.totalRows)} rader …`);
          }
        },
  });
  if (wb.sheets.length === 0) throw new InputError(`«${file}» har ingen regneark.`);
  return wb;
}

/** The options of commands that read one workbook: --sheet and --quiet. */
export interface WorkbookFlags {
  sheet?: string;
  quiet?: boolean;
}

/** Read the workbook and check the sheet given with --sheet (undefined when none was given). */
export async function loadWorkbookSheet(
  ctx: CliContext,
  file: string,
  flags: WorkbookFlags,
): Promise<{ wb: GridWorkbook; sheet: string | undefined }> {
  const wb = await loadWorkbook(ctx, file, flags.quiet);
  return { wb, sheet: requireSheet(wb, file, flags.sheet) };
}

/** The named sheet must exist (case-insensitive); say which sheets there are when it does not. */
export function requireSheet(wb: GridWorkbook, file: string, sheet: string | undefined): string | undefined {
  if (sheet === undefined) return undefined;
  const hit = wb.sheets.find((g) => g.sheet.toLowerCase() === sheet.trim().toLowerCase());
  if (!hit) {
    const names = wb.sheets.map((g) => `«${g.sheet}»`).join(", ");
    throw new InputError(`Fant ikke arket «${sheet}» i «${file}». Arkene heter ${names}.`);
  }
  return hit.sheet;
}

/** The row count of the workbook's longest sheet (this reads every sheet). */
export function largestSheetRows(wb: GridWorkbook): number {
  return Math.max(0, ...wb.sheets.map((g) => g.rows.length));
}
