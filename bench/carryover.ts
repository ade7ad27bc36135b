/**
 * RST.CARRYOVER through FUNCTIONS (the path the CLI's formula engine takes) on 10 000 years:
 * argument coercion of two 10 000-row ranges plus the recurrence. Half the allocations are
 * Norwegian amount text, as in a real ledger sheet, so parseNokNumber is part of the cost.
 */
import { FUNCTIONS } from "../src/functions/impl";

const ROWS = 10_000;

function ranges(): { granted: unknown[][]; allocated: unknown[][] } {
  const granted: unknown[][] = [];
  const allocated: unknown[][] = [];
  let seed = 7;
  for (let i = 0; i < ROWS; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const g = 6_000_000 + (seed % 2_000_000);
    const a = 5_500_000 + ((seed >> 8) % 2_500_000);
    granted.push([g]);
    allocated.push([i % 2 === 0 ? a : `${a.toLocaleString("nb-NO").replace(/\s/g, " ")} kr`]);
  }
  return { granted, allocated };
}

export async function benchCarryover(): Promise<Record<string, number>> {
  const { granted, allocated } = ranges();
  const carry = FUNCTIONS["RST.CARRYOVER"];
  const first = carry(granted, allocated);
  if (!Array.isArray(first) || first.length !== ROWS) throw new Error("RST.CARRYOVER ga ikke 10 000 rader");
  for (let i = 0; i < 5; i++) carry(granted, allocated); // warm-up
  const runs = 50;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    carry(granted, allocated);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  const mean = times.reduce((s, t) => s + t, 0) / runs;
  return {
    rows: ROWS,
    calls: runs,
    "ms per call (median)": median,
    "ms per call (mean)": mean,
    "ms per call (best)": times[0],
    "rows/s (median)": Math.round(ROWS / (median / 1000)),
  };
}
