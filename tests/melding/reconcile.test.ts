import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/core/grid";
import { readLedger } from "../../src/core/ledger-sheet";
import { nameScore } from "../../src/core/melding/match";
import { reconcile } from "../../src/core/melding/reconcile";
import { ledgerGrid, REGISTER_HEADER, rst, seedWorkbook } from "./fixtures";
import { plain } from "../plain";

describe("reconcile on the Vestfold seed (register 2025, RST ledger, handlingsplan 2026)", () => {
  const result = reconcile(seedWorkbook(), { year: 2025 });

  it("uses the three sheets", () => {
    expect(result.sources).toEqual({
      register: "Årlig melding",
      ledger: "RST",
      plan: "Handlingsplan 2026",
      planYear: 2026,
    });
    expect(result.problems).toEqual([]);
  });

  it("the ledger fixture computes the seed's carry-over", () => {
    const y = readLedger(ledgerGrid()).years.find((x) => x.year === 2025)!;
    expect(y.carriedIn).toBe(rst.expected.carriedInto2025);
    expect(y.available).toBe(rst.expected.availableIn2025);
    expect(y.allocated).toBe(rst.expected.allocatedIn2025);
    expect(y.carriedOut).toBe(rst.expected.carriedInto2026);
  });

  it("lists exactly the seed's differences, with both figures", () => {
    expect(
      result.differences.map(({ measure, register, ledger, plan }) => ({ measure, register, ledger, plan })),
    ).toEqual([
      {
        measure: "Vitality - utvikling og bredding av tjenestemodell for integrerte helsetjenester for eldre",
        register: 8_400_000,
        ledger: 4_200_000,
        plan: 4_200_000,
      },
      {
        measure: "Digital møteserie for fastleger iverksettes med pilotering i et år",
        register: 980_000,
        ledger: 700_000,
        plan: 700_000,
      },
      { measure: "Partnerskapskonferanse 2025", register: 150_000, ledger: 50_000, plan: null },
      { measure: "«Overforbruk» forskuttert av 2026-tilskudd", register: 250_000, ledger: 0, plan: null },
    ]);
  });

  it("notes say where each figure comes from", () => {
    const [vitality, digital, partner, overspend] = result.differences.map((d) => plain(d.note));
    expect(vitality).toContain(
      "RST-regnskapet 2025: 4 200 000 («Vitality: Eldrehelsekoordinatorer 12 x 50% stillinger»)",
    );
    expect(vitality).toContain("2024: 4 200 000, 2025: 4 200 000");
    expect(vitality).toContain("til sammen 8 400 000 – det samme som meldingen");
    expect(digital).toContain("Handlingsplan 2026: 700 000");
    expect(digital).toContain("Differanse mot RST-regnskapet: 280 000");
    expect(partner).toContain("Differanse mot RST-regnskapet: 100 000");
    expect(partner).toContain("Handlingsplan 2026: ikke funnet");
    expect(overspend).toContain("ingen forskuttering");
    expect(overspend).toContain("tilgjengelig 9 760 030");
    expect(overspend).toContain("fordelt til tiltak 7 950 000");
    expect(overspend).toContain("overført til 2026 1 810 030");
  });

  it("lists the register measures the ledger does not have", () => {
    expect(plain(result.unmatched.filter((u) => u.includes("RST-regnskapet")))).toEqual([
      "Årlig melding rad 7: «Samsår» (200 000) – ikke funnet i RST-regnskapet («RST»).",
      "Årlig melding rad 8: «Prosjektleder Ung Arena +» (410 000) – ikke funnet i RST-regnskapet («RST»).",
      "Årlig melding rad 9: «Digital hjemmeoppfølging - styrke ressurser til implementering med 50% stilling» (550 000) – ikke funnet i RST-regnskapet («RST»).",
      "Årlig melding rad 10: «Kjernejournal og pasientens legemiddelliste» (550 000) – ikke funnet i RST-regnskapet («RST»).",
    ]);
  });

  it("lists the register measures the plan does not have (read by hand: only the conference is not in the 2026 plan)", () => {
    expect(plain(result.unmatched.filter((u) => u.includes("handlingsplanen")))).toEqual([
      "Årlig melding rad 11: «Partnerskapskonferanse 2025» (150 000) – ikke funnet i handlingsplanen («Handlingsplan 2026»).",
    ]);
  });
});

describe("name matching", () => {
  it.each([
    ["Digital møteserie for fastleger iverksettes med pilotering i et år", "Digital møteserie for fastleger"],
    [
      "Behandlingsavklaring - 2-årig prosjektstilling iverksettes",
      "Prosjektlederstilling over 2 år behandlingsavklaringer",
    ],
    [
      "Vitality - utvikling og bredding av tjenestemodell for integrerte helsetjenester for eldre",
      "Vitality: Eldrehelsekoordinatorer 12 x 50% stillinger",
    ],
    ["Partnerskapskonferanse 2025", "Partnerskapskonferanse"],
    ["Prosjektleder Ung Arena +", "UngArena+"],
  ])("%s ↔ %s", (a, b) => {
    expect(nameScore(a, b)).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ["Samsår", "Digital møteserie for fastleger"],
    ["Prosjektleder Ung Arena +", "Prosjektlederstilling over 2 år behandlingsavklaringer"],
    ["Kjernejournal og pasientens legemiddelliste", "Partnerskapskonferanse"],
  ])("%s is not %s", (a, b) => {
    expect(nameScore(a, b)).toBeLessThan(0.5);
  });

  it("Nr links a register row to the plan, whatever its name", () => {
    const wb = seedWorkbook();
    const reg = gridFromValues("Årlig melding", [
      REGISTER_HEADER,
      ["2.1", "Koordinatorer i kommunene", 4_000_000, "SiV", "Pågående", "", "", "", 2025],
    ]);
    wb.sheets[2] = reg;
    const r = reconcile(wb, { year: 2025 });
    expect(r.differences).toHaveLength(1);
    expect(r.differences[0]).toMatchObject({
      measure: "Koordinatorer i kommunene",
      register: 4_000_000,
      ledger: null,
      plan: 4_200_000,
    });
    expect(r.differences[0].note).toContain("«Vitality Integrerte helsetjenester for eldre (IHT)»");
    // the ledger's allocations nobody in the register claims are listed
    expect(r.unmatched.filter((u) => u.startsWith("RST-regnskapet"))).toHaveLength(4);
  });
});

describe("reconcile without sources", () => {
  it("says which sheet is missing, no throw", () => {
    const r = reconcile({ sheets: [gridFromValues("Ark1", [["x"]])] }, { year: 2025 });
    expect(r.differences).toEqual([]);
    expect(r.problems.map((p) => p.message).join(" ")).toMatch(
      /Fant ikke arket med tiltakene.*Fant ikke RST-arket.*Fant ikke handlingsplanen/,
    );
  });
});
