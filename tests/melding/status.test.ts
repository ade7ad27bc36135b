import { describe, expect, it } from "vitest";
import { normaliseStatus } from "../../src/core/melding/status";

describe("normaliseStatus", () => {
  it.each([
    ["Under planlegging", "Planlegging"],
    ["Planleggingsfase", "Planlegging"],
    ["planlegging", "Planlegging"],
    ["Forprosjekt", "Forprosjekt"],
    ["pågående", "Pågående"],
    ["PÅGÅENDE", "Pågående"],
    ["Pagaende", "Pågående"],
    ["Gjennomføring", "Pågående"],
    ["Oppstart", "Pågående"],
    ["Startet", "Pågående"],
    ["Avsluttet", "Avsluttet"],
    ["Ferdig.", "Avsluttet"],
  ])("%s → %s", (raw, want) => {
    const r = normaliseStatus(raw);
    expect(r).toEqual({ text: want, normalised: want, unknown: false });
  });

  it("keeps a remark after a separator", () => {
    expect(
      normaliseStatus("Under planlegging - For full finansering må 250 000 av tildeling for 2026 benyttes"),
    ).toEqual({
      text: "Planlegging - For full finansering må 250 000 av tildeling for 2026 benyttes",
      normalised: "Planlegging",
      unknown: false,
    });
    expect(normaliseStatus("Pågående: fase 2").text).toBe("Pågående: fase 2");
    expect(normaliseStatus("Avsluttet (drift fra nov. 2025)").text).toBe("Avsluttet (drift fra nov. 2025)");
  });

  it.each([
    "Oppstart 2026",
    "Oppstart 01.03.2026",
    "Planlegging / gjennomføring",
    "Planlegging/Forprosjekt",
    "I løpet av 2026",
    "Forprosjektering",
    "Ukjent",
  ])("%s is not clearly one status: kept as written and flagged", (raw) => {
    expect(normaliseStatus(raw)).toEqual({ text: raw, normalised: null, unknown: true });
  });

  it("empty and «Ikke oppgitt» are not flagged", () => {
    expect(normaliseStatus("  ")).toEqual({ text: "", normalised: null, unknown: false });
    expect(normaliseStatus("Ikke oppgitt")).toEqual({
      text: "Ikke oppgitt",
      normalised: null,
      unknown: false,
    });
  });
});
