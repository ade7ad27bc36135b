/**
 * The workbook's sheet names, loaded in one context.sync(). Read and mark both need them;
 * a caller doing both in one Excel.run loads them once and passes them on (one sync saved).
 */
export async function loadSheetNames(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  return sheets.items.map((s) => s.name);
}
