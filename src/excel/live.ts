/**
 * Live validation: listen to a sheet's onChanged, collect the changed rows, and call back
 * once the user pauses (debounce). Changes we make ourselves are ignored: marking changes
 * only formats and notes (onChanged reports data changes), and writes made inside
 * suspendWatching() — plus a short grace period for the events they raise — are dropped.
 */
import { rowsOf } from "./a1";

/** Events can arrive a little after the write's sync; ignore them for this long. */
const GRACE_MS = 500;
let suspendDepth = 0;
let suspendedUntil = 0;

function suspended(): boolean {
  return suspendDepth > 0 || Date.now() < suspendedUntil;
}

/** Run our own writes without triggering live validation. */
export async function suspendWatching<T>(fn: () => Promise<T>): Promise<T> {
  suspendDepth++;
  try {
    return await fn();
  } finally {
    suspendDepth--;
    suspendedUntil = Date.now() + GRACE_MS;
  }
}

/** Where the changes of one callback came from: "Remote" only when every one was a co-author's. */
export interface ChangeInfo {
  source: "Local" | "Remote";
}

/**
 * Watch a sheet. onRowsChanged gets the sorted unique 1-based rows changed since the last
 * call; an empty list means "rows unknown" (a whole column changed) — revalidate everything.
 * info.source is "Remote" when all of them came from co-authors (WorksheetChangedEventArgs.source,
 * ExcelApi 1.7): the pane then re-reads quietly (incrementalCheck with source "Remote": no marks).
 * Returns an async unsubscribe.
 */
export async function watchSheet(
  sheet: string,
  onRowsChanged: (rows: number[], info: ChangeInfo) => void,
  debounceMs = 600,
): Promise<() => Promise<void>> {
  const rows = new Set<number>();
  let unknownRows = false;
  let local = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const list = unknownRows ? [] : [...rows].sort((a, b) => a - b);
    const info: ChangeInfo = { source: local ? "Local" : "Remote" };
    rows.clear();
    unknownRows = false;
    local = false;
    onRowsChanged(list, info);
  };

  const handler = async (event: Excel.WorksheetChangedEventArgs) => {
    if (suspended()) return;
    if (event.source !== "Remote") local = true;
    const changed = rowsOf(event.address);
    if (changed === null) unknownRows = true;
    else for (const r of changed) rows.add(r);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  await Excel.run(async (ctx) => {
    registration = ctx.workbook.worksheets.getItem(sheet).onChanged.add(handler);
    await ctx.sync();
  });

  return async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const reg = registration;
    registration = undefined;
    if (!reg) return;
    // Office: remove a handler in a batch that uses the context it was added with.
    await Excel.run(reg.context, async (ctx) => {
      reg.remove();
      await ctx.sync();
    });
  };
}
