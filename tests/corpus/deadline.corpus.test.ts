/**
 * The deadline reader on the seeds' phrases (tests/corpus/deadline-phrases.ts), each compared with
 * the answer read by hand. Counts: correct (the hand answer, or a refusal where the text has no
 * single answer), wrong (a confident answer that differs: must stay 0), refused although the text was
 * clear (marked `known` in the corpus: limits, listed here by name).
 */
import { describe, expect, it } from "vitest";
import { parseDeadlineUncached } from "../../src/core/deadline";
import { DEADLINE_CORPUS, type CorpusRow } from "./deadline-phrases";

function outcome(row: CorpusRow): "correct" | "wrong" | "refused-clear" | "refused-right" {
  const r = parseDeadlineUncached(row.text, row.planYear);
  if (row.expect === "refused") return r.ok ? "wrong" : "refused-right";
  if (!r.ok) return "refused-clear";
  return r.deadline.start === row.expect.start && r.deadline.end === row.expect.end ? "correct" : "wrong";
}

describe("deadline corpus from the seeds", () => {
  it.each(DEADLINE_CORPUS.map((row) => ({ ...row, label: `${row.source}: ${row.text.slice(0, 70)}` })))(
    "$label",
    (row) => {
      const r = parseDeadlineUncached(row.text, row.planYear);
      if (row.expect === "refused" || row.known === "refused") {
        expect(r.ok, r.ok ? JSON.stringify(r.deadline) : "").toBe(false);
        if (!r.ok) {
          expect(r.reason.length).toBeGreaterThan(10);
          expect(r.reason).not.toMatch(/Forstod ikke tallet/);
        }
        return;
      }
      if (!r.ok) throw new Error(`refused: ${r.reason}`);
      expect({ start: r.deadline.start, end: r.deadline.end }).toEqual(row.expect);
      expect(r.deadline.due).toBe(r.deadline.end);
      expect(r.deadline.open).toBe(r.deadline.end === null);
    },
  );

  it("counts: no wrong answer, and the refusals of clear texts are the known ones", () => {
    const counts = { correct: 0, wrong: 0, "refused-clear": 0, "refused-right": 0 };
    const clear: string[] = [];
    for (const row of DEADLINE_CORPUS) {
      const o = outcome(row);
      counts[o]++;
      if (o === "refused-clear") clear.push(`${row.source}: ${row.text}`);
    }
    console.log(
      `deadline corpus: ${DEADLINE_CORPUS.length} phrases — ${counts.correct} correct, ` +
        `${counts["refused-right"]} refused where the text has no single answer, ` +
        `${counts["refused-clear"]} refused although clear, ${counts.wrong} wrong`,
    );
    expect(counts.wrong).toBe(0);
    expect(clear.length).toBe(DEADLINE_CORPUS.filter((r) => r.known === "refused").length);
    expect(DEADLINE_CORPUS.length).toBeGreaterThan(200);
  });

  it("covers every «Planlagt varighet» of the 11 helsefellesskap and every Frist cell of the plan", () => {
    const hf = new Set(
      DEADLINE_CORPUS.filter((r) => r.source.startsWith("004:")).map((r) =>
        r.source.replace(/^004:\d+ /, ""),
      ),
    );
    expect(hf.size).toBe(11);
    expect(DEADLINE_CORPUS.filter((r) => r.source.startsWith("004:")).length).toBe(87);
    expect(DEADLINE_CORPUS.filter((r) => /^000 \d+\.\d+\.\d+$/.test(r.source)).length).toBe(18);
  });
});
