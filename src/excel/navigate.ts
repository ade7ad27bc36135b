/** Jump to a problem cell: activate its sheet and select the cell. */
export async function selectCell(ctx: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await ctx.sync();
}
