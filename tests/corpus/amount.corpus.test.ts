/**
 * The money phrases of the seeds, each with the answer a finance person reads by hand
 * (tests/corpus/amount-phrases.json, copied from ../shared/seeds so a fresh clone needs nothing else).
 * Every phrase is correct, refused (the reader says it does not understand) or wrong; wrong must be 0.
 */
import { describe, expect, it } from "vitest";
import { parseAmounts } from "../../src/core/amount";
import { parseDeadline } from "../../src/core/deadline";
import { explainAmounts } from "../../src/core/plan/explain";
import corpus from "./amount-phrases.json";
import variants from "./amount-variants.json";

interface Want {
  value: number;
  years: number[];
  mode: "each" | "together";
  source: string | null;
  /** The money of several years together with no years named («over tre år»). */
  period?: boolean;
}
interface Phrase {
  seed?: string;
  text: string;
  row?: string;
  plan?: boolean;
  note?: string;
  expect: { amounts?: Want[]; refused?: boolean; none?: boolean; sources?: string[] };
}

const phrases = corpus.phrases as Phrase[];
type Outcome = "correct" | "refused" | "wrong";

/** What the reader answers, in the corpus's terms. */
function reading(p: Phrase): { kind: string; amounts: Want[]; sources: string[] } {
  if (p.plan) {
    const e = explainAmounts(p.text, {
      year: 2026,
      plan: { planYear: 2026, deadline: (t) => parseDeadline(t, 2026) },
    });
    const amounts = e.amounts.map((a) => ({
      value: a.value,
      years: a.years,
      mode: (a.years.length > 1 && a.yearLabel.endsWith("samlet") ? "together" : "each") as Want["mode"],
      source: a.source,
    }));
    return { kind: e.kind, amounts, sources: e.sources };
  }
  const r = parseAmounts(p.text);
  if (r.kind !== "amounts") return { kind: r.kind, amounts: [], sources: [...r.sources] };
  return {
    kind: "amounts",
    amounts: r.amounts.map((a) => ({
      value: a.value,
      years: [...a.years],
      mode: a.yearMode,
      source: a.source,
      period: a.period !== null,
    })),
    sources: [...r.sources],
  };
}

function sameAmount(got: Want, want: Want): boolean {
  return (
    got.value === want.value &&
    JSON.stringify(got.years) === JSON.stringify(want.years) &&
    (want.years.length < 2 || got.mode === want.mode) &&
    (got.period ?? false) === (want.period ?? false) &&
    (want.source === null || got.source === want.source)
  );
}

function outcome(p: Phrase): Outcome {
  const r = reading(p);
  if (p.expect.amounts) {
    if (r.kind !== "amounts") return "refused";
    const w = p.expect.amounts;
    return r.amounts.length === w.length && r.amounts.every((a, k) => sameAmount(a, w[k]))
      ? "correct"
      : "wrong";
  }
  if (p.expect.refused) return r.kind === "amounts" ? "wrong" : "correct";
  // No money: any amount is wrong; a refusal is a refusal where nothing was unclear.
  if (r.kind === "amounts") return "wrong";
  if (p.expect.sources && JSON.stringify(r.sources) !== JSON.stringify(p.expect.sources)) return "wrong";
  return r.kind === "none" ? "correct" : "refused";
}

describe("amount corpus from the seeds", () => {
  it.each(phrases.map((p, k) => [k + 1, p.seed, p.text.slice(0, 70), p] as const))(
    "#%d (%s) %s",
    (_k, _seed, _short, p) => {
      const o = outcome(p);
      expect(o, JSON.stringify({ want: p.expect, got: reading(p) })).not.toBe("wrong");
      // A phrase the seeds make clear is read; the refusals listed in the corpus are the unclear ones.
      if (!p.expect.refused) expect(o, JSON.stringify(reading(p))).toBe("correct");
    },
  );

  it("counts: 0 wrong; every refusal is a phrase the corpus marks unclear", () => {
    const counts = { correct: 0, refused: 0, wrong: 0 };
    for (const p of phrases) counts[outcome(p)]++;
    const unclear = phrases.filter((p) => p.expect.refused).length;
    expect(counts.wrong).toBe(0);
    expect(phrases.length).toBe(174);
    expect(unclear).toBe(8);
    expect(counts).toEqual({ correct: 174, refused: 0, wrong: 0 });
  });

  it("covers every «Sum»/«Sum bevilget» line of 004 and every Økonomi cell of 000", () => {
    expect(phrases.filter((p) => p.seed === "004" && /^Sum/.test(p.text)).length).toBe(91);
    expect(phrases.filter((p) => p.seed === "000").length).toBe(10);
  });
});

/**
 * Realistic variants of those phrases as finance staff write them (issue 10 B), each read by hand
 * before it was run: bracketed years, money of several years, other payers, applied-for and carried
 * money, ranges, parts of other amounts, number forms. The refusals are the phrases a finance person
 * cannot read one amount, year and source from either.
 */
describe("amount corpus: realistic variants", () => {
  const vs = variants.phrases as Phrase[];
  it.each(vs.map((p, k) => [k + 1, p.text.slice(0, 70), p] as const))("#%d %s", (_k, _short, p) => {
    const o = outcome(p);
    expect(o, JSON.stringify({ want: p.expect, got: reading(p) })).not.toBe("wrong");
    if (!p.expect.refused) expect(o, JSON.stringify(reading(p))).toBe("correct");
  });

  it("counts: 0 wrong, every refusal one the corpus marks unclear", () => {
    const counts = { correct: 0, refused: 0, wrong: 0 };
    for (const p of vs) counts[outcome(p)]++;
    expect(vs.length).toBe(718);
    expect(vs.filter((p) => p.expect.refused).length).toBe(166);
    expect(counts).toEqual({ correct: 718, refused: 0, wrong: 0 });
  });
});
