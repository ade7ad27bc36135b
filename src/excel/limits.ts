/**
 * Excel's published limits and the size estimates that keep every request inside them.
 *
 * Microsoft, "Resource limits and performance optimization for Office Add-ins", section
 * "Excel add-ins" (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 *   - Excel on the web has a payload size limit for requests and responses of 5 MB; a larger
 *     one fails with RichApi.Error (ResponsePayloadSizeLimitExceeded / RequestPayloadSizeLimitExceeded).
 *   - A range is limited to five million cells for get operations (every platform, desktop too).
 * Office fails getRanges on address lists above roughly 8 200 characters (office-js #5198); we
 * keep them below 8 000.
 *
 * Design: before loading, each request's response is estimated from the used range
 * (rows × columns × the properties asked × characters per cell) and split into row blocks
 * under REQUEST_BUDGET, so the 5 MB limit is never hit on purpose. The characters per cell are
 * an assumption until the first block arrives; then the measured size of what arrived sizes the
 * next blocks. A request that still fails for its size (a column of 30 000-character cells) is
 * halved and retried — the safety net, not the plan.
 */

/** Excel on the web: 5 MB per request and per response. */
export const WEB_PAYLOAD_LIMIT = 5_000_000;
/** Range get operations: at most five million cells (all platforms). */
export const GET_CELL_LIMIT = 5_000_000;
/** What one request may carry by our estimate: 4 MB, leaving room for UTF-8 (æ, ø, å take 2 bytes) and JSON overhead. */
export const REQUEST_BUDGET = 4_000_000;
/** Cells per request even when the estimate would allow more (desktop: stays far below the 5-million-cell limit). */
export const MAX_CELLS_PER_REQUEST = 1_000_000;
/** Office's limit for a RangeAreas address list is about 8 200 characters; we stay below 8 000. */
export const ADDRESS_LIMIT_CHARS = 7_000;

/**
 * Assumed JSON characters per cell per property before anything was measured. The seed plan
 * (examples/data/handlingsplan-2026.json) averages 35 characters per value (246 per 7-column
 * row); 48 leaves a third more, so 10 000 such rows still go in one request. Text is read only
 * for numbers, dates and booleans (short displays). Longer texts are caught by the measurement
 * after the first block and, at worst, by halving.
 */
export const ASSUMED_CHARS: Record<"values" | "text" | "formulas" | "fill" | "note", number> = {
  values: 48,
  text: 24,
  formulas: 96,
  /** getCellProperties fill: {"format":{"fill":{"color":"#FFFFFF","pattern":"None","patternColor":"#000000"}}} */
  fill: 90,
  /** Note content; ours are "RST-verktøy – Feil: …" plus a user's note. */
  note: 400,
};

/** A row block of a used range: `rows` rows from `top` (0-based sheet row). */
export interface RowBlock {
  top: number;
  rows: number;
}

/** Rows per request for this width and cost per cell, at least 1. */
export function rowsPerRequest(columns: number, charsPerCell: number, budget = REQUEST_BUDGET): number {
  const perRow = Math.max(1, columns) * Math.max(1, charsPerCell);
  const byChars = Math.floor(budget / perRow);
  const byCells = Math.floor(MAX_CELLS_PER_REQUEST / Math.max(1, columns));
  return Math.max(1, Math.min(byChars, byCells));
}

/** Split rows [top, top + count) into blocks of at most `per` rows. */
export function rowBlocks(top: number, count: number, per: number): RowBlock[] {
  const out: RowBlock[] = [];
  for (let r = 0; r < count; r += per) out.push({ top: top + r, rows: Math.min(per, count - r) });
  return out;
}

/** Characters of JSON a loaded value costs in a response (what Office sends back). */
export function jsonChars(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** Whether an error is Office's payload-size refusal (request or response). */
export function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    /PayloadSizeLimitExceeded/.test(String(e))
  );
}

/**
 * Greedy packing of jobs into requests: each job has an estimated size; a request holds jobs
 * until the next would pass the budget. A job larger than the budget gets a request of its own.
 */
export function packRequests<T>(
  jobs: readonly T[],
  size: (job: T) => number,
  budget = REQUEST_BUDGET,
): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let used = 0;
  for (const job of jobs) {
    const s = size(job);
    if (cur.length > 0 && used + s > budget) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(job);
    used += s;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Run jobs in as few requests as the budget allows: pack by estimated size, queue a request's
 * jobs, sync, collect. A request Excel refuses for its size is split in two and retried, so an
 * underestimate costs a sync, never a failure (unless a single job alone is too large).
 */
export async function runInRequests<T, Q>(
  ctx: Excel.RequestContext,
  jobs: readonly T[],
  size: (job: T) => number,
  queue: (job: T) => Q,
  collect: (job: T, queued: Q) => void,
  budget = REQUEST_BUDGET,
): Promise<number> {
  const todo = packRequests(jobs, size, budget);
  let requests = 0;
  while (todo.length > 0) {
    const batch = todo.shift()!;
    const queued = batch.map(queue);
    try {
      // One request per budget is the point here (Excel on the web's 5 MB limit).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await ctx.sync();
    } catch (e) {
      if (!isPayloadLimit(e) || batch.length < 2) throw e;
      const half = Math.ceil(batch.length / 2);
      todo.unshift(batch.slice(0, half), batch.slice(half));
      continue;
    }
    requests++;
    batch.forEach((job, i) => collect(job, queued[i]));
  }
  return requests;
}
