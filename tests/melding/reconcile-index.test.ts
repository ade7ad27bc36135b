/**
 * Issue 14.6: the indexed plan matching gives exactly the scores of scoring every pair the
 * plain way (nameScore over the group's texts, coverScore ≥ 0.99 → 0.9).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gridFromValues } from "../../src/core/grid";
import { coverScore, nameScore } from "../../src/core/melding/match";
import { readPlanAmounts, type PlanGroup } from "../../src/core/melding/plan-amounts";
import { planScores } from "../../src/core/melding/reconcile";
import type { Measure } from "../../src/core/melding/register";
import { generatePlanRows, PLAN_HEADERS } from "../../src/cli/xlsx/gen-plan";
import { melding, planGrid } from "./fixtures";

function brute(m: Measure, g: PlanGroup): number {
  const nr = m.nr.trim().replace(/\.$/, "");
  if (/^\d+(\.\d+)+$/.test(nr)) return g.nrs.some((n) => n === nr || n.startsWith(nr + ".")) ? 1 : 0;
  const byName = Math.max(0, ...g.texts.map((t) => nameScore(m.name, t)));
  return Math.max(byName, coverScore(m.name, g.texts) >= 0.99 ? 0.9 : 0);
}

const measure = (name: string, nr = ""): Measure => ({
  nr,
  name,
  description: "",
  sum: 1,
  agreement: "",
  status: "",
  statusNormalised: null,
  duration: "",
  results: "",
  spread: "",
  year: 2025,
  row: 1,
});

describe("planScores", () => {
  it("equals the pairwise scores on the seed plan and register", () => {
    const groups = readPlanAmounts(planGrid(), 2026)!.groups;
    const ms = [...melding.measures.map((m) => measure(m.name)), measure("x", "2.1"), measure("Ung Arena +")];
    expect(planScores(ms, groups)).toEqual(ms.map((m) => groups.map((g) => brute(m, g))));
  });

  it("tells texts with the same words apart by their head (the part before «:» or « – »)", () => {
    const group = (label: string, texts: string[]): PlanGroup =>
      ({ label, nrs: [], texts, rst: null }) as unknown as PlanGroup;
    // Same words, in the same order; only the first has a head («Samhandling»).
    const groups = [
      group("a", ["Samhandling – legevakt Larvik"]),
      group("b", ["Samhandling legevakt Larvik"]),
      group("c", ["Legevakt 1.1 samhandling", "Legevakt 2.1 samhandling"]),
    ];
    const ms = [measure("Samhandling: helt andre ord"), measure("legevakt samhandling")];
    const scores = planScores(ms, groups);
    expect(scores).toEqual(ms.map((m) => groups.map((g) => brute(m, g))));
    expect(scores[0][0]).toBe(0.9); // the heads agree
    expect(scores[0][1]).toBeLessThan(0.9);
  });

  it("equals the pairwise scores on a generated plan, for names made of its words", () => {
    const { rows } = generatePlanRows(300, 7);
    const grid = gridFromValues("Plan", [PLAN_HEADERS, ...rows]);
    const groups = readPlanAmounts(grid, 2026)!.groups;
    const words = [...new Set(rows.flatMap((r) => r.slice(1, 4).join(" ").split(/\s+/)))].filter(Boolean);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words, "UngArena+", "Ung", "Arena", "–", ":"), {
          minLength: 1,
          maxLength: 6,
        }),
        (ws) => {
          const m = measure(ws.join(" "));
          expect(planScores([m], groups)[0]).toEqual(groups.map((g) => brute(m, g)));
        },
      ),
      { numRuns: 60 },
    );
  });
});
