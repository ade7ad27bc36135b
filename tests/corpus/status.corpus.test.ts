/**
 * Every «Status for prosjektet» value of seed 004 (all 11 helsefellesskap), read by hand:
 * the HSØ status, or null where the text is genuinely unclear (the register keeps its warning).
 */
import { describe, expect, it } from "vitest";
import { normaliseStatus } from "../../src/core/melding/status";
import corpus from "./status-004.json";

const rows = corpus.rows as [string, string | null][];

describe("status words of seed 004", () => {
  it.each(rows.map(([raw, want], k) => [k + 1, raw.slice(0, 60), raw, want] as const))(
    "#%d %s",
    (_k, _short, raw, want) => {
      const r = normaliseStatus(raw);
      if (want === "-") expect(r).toMatchObject({ normalised: null, unknown: false });
      else if (want === null) expect(r).toMatchObject({ normalised: null, unknown: true });
      else expect(r).toMatchObject({ normalised: want, unknown: false });
    },
  );

  it("covers all 87 values, most of them clear", () => {
    expect(rows.length).toBe(87);
    const read = rows.filter(([raw]) => normaliseStatus(raw).normalised !== null).length;
    expect(read).toBe(rows.filter(([, want]) => want !== null && want !== "-").length);
  });
});
