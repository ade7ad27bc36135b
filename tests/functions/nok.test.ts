import { describe, it, expect } from "vitest";
import { fn, expectError } from "./helpers";

const UNGARENA =
  "410 000 kr prosjektleder. Evt finansiering 2027: 550 000 kr prosjektleder hvis beslutning om spredning";
const SAMSAR = "Fra SiV: 200 000 kr til 20% stilling for opplæring i kommuner i 2026";
const VELFERD =
  "1 100 000 kr i 2025 fra velferdsteknologiordningen. Søkes videre finansiert for 2026. (Erfaringsvis videre tildeling på samme nivå). 550 000 Styrke satsing med 50% ressurs i kommunene. Finansiering fra 2027: Videreføres dersom beslutning om oppfølgingstjeneste: 550 000kr";

describe("NOK.PARSE on the 2026 plan's økonomi texts", () => {
  it("sums the amounts; with a year only those not tied to another year", () => {
    expect(fn("NOK.PARSE", UNGARENA)).toBe(960_000);
    expect(fn("NOK.PARSE", UNGARENA, 2026)).toBe(410_000);
    expect(fn("NOK.PARSE", "4 200 000 kr (12 X 50% eldrehelse-koordinator)", 2026, "RST")).toBe(4_200_000);
  });
  it("filters by source: SiV money is not RST", () => {
    expect(fn("NOK.PARSE", SAMSAR, 2026, "RST")).toBe(0);
    expect(fn("NOK.PARSE", SAMSAR, 2026, "SiV")).toBe(200_000);
    expect(fn("NOK.PARSE", VELFERD, 2026, "RST")).toBe(550_000);
  });
  it("0 when the text names money only for other years", () => {
    expect(fn("NOK.PARSE", "1 100 000 kr i 2025 fra velferdsteknologiordningen", 2026)).toBe(0);
  });
  it("a number is returned as is", () => {
    expect(fn("NOK.PARSE", 410_000)).toBe(410_000);
    expect(fn("NOK.PARSE", [[-3.5]])).toBe(-3.5);
  });
  it("errors: no money, empty text, bad year or source", () => {
    expectError(
      fn("NOK.PARSE", "Øremerkede midler fra regjeringen via rekrutterings- og samhandlingstilskuddet."),
      "#VALUE!",
      /kronebeløp|beløp/,
    );
    expectError(fn("NOK.PARSE", ""), "#VALUE!", /tom/);
    expectError(fn("NOK.PARSE", null), "#VALUE!", /tom/);
    expectError(fn("NOK.PARSE", UNGARENA, "i fjor"), "#VALUE!", /year må være et årstall/);
    expectError(fn("NOK.PARSE", UNGARENA, 2026, 5), "#VALUE!", /source må være tekst/);
    expectError(fn("NOK.PARSE", true), "#VALUE!", /ikke tekst/);
  });
});
