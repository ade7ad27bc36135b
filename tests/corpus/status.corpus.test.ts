/**
 * Every «Status for prosjektet» value of seed 004 (all 11 helsefellesskap), read by hand:
 * the HSØ status, or null where the text is genuinely unclear (the register keeps its warning).
 */
import { describe, expect, it } from "vitest";
import { normaliseStatus } from "../../src/core/melding/status";
import corpus from "./status-004.json";
import variants from "./status-variants.json";

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

describe("status words: realistic variants", () => {
  const vs = variants.rows as [string, string | null][];
  it.each(vs.map(([raw, want], k) => [k + 1, raw, want] as const))("#%d %s", (_k, raw, want) => {
    const r = normaliseStatus(raw);
    if (want === "-") expect(r).toMatchObject({ normalised: null, unknown: false });
    else if (want === null) expect(r).toMatchObject({ normalised: null, unknown: true });
    else expect(r).toMatchObject({ normalised: want, unknown: false });
  });

  it("counts the variants: 137, 45 of them clear", () => {
    expect(vs.length).toBe(137);
    expect(vs.filter(([, w]) => w !== null && w !== "-").length).toBe(45);
  });

  // A negated word never maps to the status it negates, whatever else the cell says.
  const WORDS: [string, string][] = [
    ["avsluttet", "Avsluttet"],
    ["ferdig", "Avsluttet"],
    ["ferdigstilt", "Avsluttet"],
    ["fullført", "Avsluttet"],
    ["sluttført", "Avsluttet"],
    ["startet", "Pågående"],
    ["startet opp", "Pågående"],
    ["i gang", "Pågående"],
    ["igangsatt", "Pågående"],
    ["pågående", "Pågående"],
    ["pågår", "Pågående"],
    ["i gjennomføring", "Pågående"],
    ["oppstart", "Pågående"],
    ["planlegging", "Planlegging"],
    ["under planlegging", "Planlegging"],
    ["forprosjekt", "Forprosjekt"],
  ];
  const FORMS = [
    (w: string) => `Ikke ${w}`,
    (w: string) => `ikke ${w}`,
    (w: string) => `${w[0].toUpperCase()}${w.slice(1)} ikke`,
    (w: string) => `Prosjektet er ikke ${w}`,
    (w: string) => `Pågående – ikke ${w}`,
    (w: string) => `Avsluttet, ikke ${w}`,
    (w: string) => `Planlegging - ennå ikke ${w}`,
    (w: string) => `Ikke ${w} ennå`,
  ];
  it.each(WORDS)("«%s» negated never maps to %s", (word, status) => {
    for (const form of FORMS) {
      const text = form(word);
      expect(normaliseStatus(text).normalised, text).not.toBe(status);
    }
  });
});
