/** duplicate-row (warning): a measure row identical, in every mapped column, to an earlier one. */
import { a1 } from "../../grid";
import type { Problem } from "../../problems";
import { squash } from "../../text";
import { cellProblem, type RuleContext } from "../context";
import type { PlanRow } from "../rows";
import { type PlanColumnKey, PLAN_COLUMN_KEYS } from "../types";

/** Whitespace-insensitive, without allocating for the common text that needs no change. */
function normalizeSpace(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? squash(text) : text;
}

/** Short columns that differ between rows come first: they make the cheap first key. */
const BUCKET_ORDER: readonly PlanColumnKey[] = ["nr", "maal", "tiltak", "frist", "okonomi", "ansvar", "area"];

/**
 * Rows are bucketed by one column's text (usually Nr, nearly unique per row); the full
 * row key is only built for rows sharing a bucket. Linear on ordinary plans, and never
 * worse than one Map lookup per row with the full key.
 */
export function duplicateRowRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const keys = PLAN_COLUMN_KEYS.filter((k) => ctx.header.columns[k] !== undefined);
  if (keys.length === 0) return out;
  const bucketKey = BUCKET_ORDER.find((k) => ctx.header.columns[k] !== undefined)!;
  const firstKey: PlanColumnKey = keys[0];
  const fullKey = (r: PlanRow) => {
    let joined = "";
    for (const k of keys) joined += normalizeSpace(r.cells[k]?.text ?? "") + "\u0001";
    return joined;
  };
  const buckets = new Map<string, { first: PlanRow; full?: Map<string, PlanRow> }>();
  for (const r of ctx.body.rows) {
    if (r.kind !== "measure") continue;
    const b = normalizeSpace(r.cells[bucketKey]?.text ?? "");
    const bucket = buckets.get(b);
    if (!bucket) {
      buckets.set(b, { first: r });
      continue;
    }
    bucket.full ??= new Map([[fullKey(bucket.first), bucket.first]]);
    const k = fullKey(r);
    const earlier = bucket.full.get(k);
    if (!earlier) {
      bucket.full.set(k, r);
      continue;
    }
    const col = ctx.header.columns[firstKey]!;
    const value = r.cells[firstKey]?.text ?? "";
    out.push(
      cellProblem(
        ctx,
        "duplicate-row",
        "warning",
        firstKey,
        r.row,
        col,
        value,
        `${a1(r.row, col)}: Rad ${r.row + 1} er helt lik rad ${earlier.row + 1}. Slett den ene, eller rett det som skal være ulikt.`,
      ),
    );
  }
  return out;
}
