/** The preview's figures of the last Excel action (from the fake host's run statistics). */
import type { RunStats } from "../excel/fake";

/** Runs that start less than this after the previous one ended belong to the same action (a click in the pane). */
export const SAME_ACTION_MS = 300;

/**
 * The last action: the last finished Excel.run together with the runs right before it that
 * followed each other without a pause (one click in the pane may run several), summed.
 */
export function lastAction(runs: readonly RunStats[]): RunStats | undefined {
  let i = runs.length - 1;
  while (i >= 0 && runs[i].syncs === 0) i--;
  if (i < 0) return undefined;
  const sum = { ...runs[i] };
  let first = runs[i];
  for (let j = i - 1; j >= 0; j--) {
    const r = runs[j];
    if (first.start - (r.start + r.ms) > SAME_ACTION_MS) break;
    sum.syncs += r.syncs;
    sum.requestChars += r.requestChars;
    sum.responseChars += r.responseChars;
    first = r;
  }
  sum.ms = runs[i].start + runs[i].ms - first.start;
  sum.start = first.start;
  return sum;
}

/** "850 kB", "2,4 MB" (1 kB = 1 000 characters of JSON, as the 5 MB limit counts). */
export function formatBytes(chars: number): string {
  if (chars < 1_000) return `${chars} B`;
  if (chars < 1_000_000) return `${Math.round(chars / 1_000)} kB`;
  return `${(chars / 1_000_000).toLocaleString("nb-NO", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}
