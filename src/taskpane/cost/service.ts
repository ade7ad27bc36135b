/** The cost tab's door to Excel: one Excel.run per action, constant syncs (see src/excel/write-cells.ts). */
import { costModelTemplate, type ScenarioId } from "../../core/cost-model";
import { sheetNameTaken, writeCells, type WriteCellsResult } from "../../excel/write-cells";

/** Whether the sheet name is taken, and the name a copy would get (one sync). */
export async function costSheetName(name: string): Promise<{ taken: boolean; freeName: string }> {
  return Excel.run((ctx) => sheetNameTaken(ctx, name));
}

/** Insert the Kostnadsmodell sheet as a new sheet (never replacing one); two syncs. */
export async function insertCostModel(scenario: ScenarioId): Promise<WriteCellsResult> {
  const t = costModelTemplate({ scenario });
  return Excel.run((ctx) =>
    writeCells(ctx, t.name, t.cells, { columnWidths: t.columnWidths, merges: t.merges }),
  );
}
