/**
 * Live validation: listen to a sheet's onChanged, collect the changed rows, and call back
 * once the user pauses (debounce). Changes we make ourselves are ignored: marking changes
 * only formats and notes (onChanged reports data changes), and the cells we write inside
 * suspendWatching() are remembered, so the events they raise (during the write, or a little
 * after its sync) are dropped. Only those cells: a user's edit elsewhere in the same moment
 * still counts, so it is never lost to a blanket mute.
 */
import type { Area } from "../core/grid";
import { parseRef, rowsOf, splitList } from "./a1";

/** Events can arrive a little after the write's sync; our cells stay ours for this long. */
const GRACE_MS = 1500;

/** A block of cells we write: the sheet's name and its 0-based area. */
export interface OwnWrite {
  sheet: string;
  area: Area;
}

interface Pending {
  writes: OwnWrite[];
  /** Infinity while the write runs; then the end of its grace period. */
  until: number;
}
let pending: Pending[] = [];

function inside(a: Area, b: Area): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}

/** True when every cell of the event's address is one of our own recent writes on `sheet`. */
export function isOwnWrite(sheet: string, address: string, now = Date.now()): boolean {
  pending = pending.filter((p) => p.until > now);
  if (!pending.length) return false;
  const parts = splitList(address);
  if (!parts.length) return false;
  return parts.every((part) => {
    const area = parseRef(part);
    if (!area) return false;
    const name = sheet.toLowerCase(); // Excel sheet names are case-insensitive
    return pending.some((p) => p.writes.some((w) => w.sheet.toLowerCase() === name && inside(area, w.area)));
  });
}

/**
 * Run our own writes to `writes` without triggering live validation for those cells.
 * Events for any other cell (the user typing while we write) still reach watchSheet.
 */
export async function suspendWatching<T>(writes: OwnWrite[], fn: () => Promise<T>): Promise<T> {
  const entry: Pending = { writes, until: Infinity };
  pending.push(entry);
  try {
    return await fn();
  } finally {
    entry.until = Date.now() + GRACE_MS;
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
    if (isOwnWrite(sheet, event.address)) return;
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
