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

describe("NOK.EXPLAIN: one row per amount under a header", () => {
  it("UngArena for 2026: 410 000 counts, 550 000 is 2027 money", () => {
    expect(fn("NOK.EXPLAIN", UNGARENA, 2026)).toEqual([
      ["Beløp", "År", "Kilde", "Tekst", "Teller for 2026"],
      [410_000, "alle år utenom 2027", "RST", "410 000 kr prosjektleder.", "ja"],
      [
        550_000,
        "2027",
        "RST",
        "Evt finansiering 2027: 550 000 kr prosjektleder hvis beslutning om spredning",
        "nei, gjelder et annet år",
      ],
    ]);
  });
  it("velferdsteknologi: each amount with its year and source", () => {
    const rows = fn("NOK.EXPLAIN", VELFERD, 2026) as unknown[][];
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      [1_100_000, "2025", "velferdsteknologiordningen", "nei, gjelder et annet år"],
      [550_000, "alle år utenom 2025 og 2027", "RST", "ja"],
      [550_000, "2027", "RST", "nei, gjelder et annet år"],
    ]);
  });
  it("money of two years together is «usikkert» for one of them; each-year money counts", () => {
    expect((fn("NOK.EXPLAIN", "Sum bevilget 2024 og 2025: 3 800 040", 2024) as unknown[][])[1]).toEqual([
      3_800_040,
      "2024 og 2025 samlet",
      "RST",
      "2024 og 2025: 3 800 040",
      "usikkert, delt med andre år",
    ]);
    expect((fn("NOK.EXPLAIN", "Estimert 510 000kr i 2026 og i 2027", 2027) as unknown[][])[1]).toEqual([
      510_000,
      "2026 og 2027 (hvert år)",
      "RST",
      "Estimert 510 000kr i 2026 og i 2027",
      "ja",
    ]);
  });
  it("without a year the last column is empty; a number is RST money", () => {
    const rows = fn("NOK.EXPLAIN", "Fra SiV: 200 000 kr") as unknown[][];
    expect(rows[0][4]).toBe("Teller for året (oppgi år)");
    expect(rows[1]).toEqual([200_000, "alle år", "SiV", "Fra SiV: 200 000 kr", ""]);
    expect(fn("NOK.EXPLAIN", 410_000, 2026)).toEqual([
      ["Beløp", "År", "Kilde", "Tekst", "Teller for 2026"],
      // A number counts for every year; the year asked about is not shown as if the user wrote it.
      [410_000, "alle år", "RST", "(tall i cellen)", "ja"],
    ]);
  });
  it("money of several years together is shown as such, and does not count for one year", () => {
    const rows = fn("NOK.EXPLAIN", "Totalt 2,4 mill. kr over tre år", 2026) as unknown[][];
    expect(rows[1]).toEqual([
      2_400_000,
      "flere år samlet («over tre år»)",
      "RST",
      "Totalt 2,4 mill. kr over tre år",
      "usikkert, delt med andre år",
    ]);
    expectError(fn("NOK.PARSE", "Totalt 2,4 mill. kr over tre år", 2026), "#N/A", /flere år samlet/);
    expectError(fn("NOK.PARSE", "NOK 600 000 (2025–2027)", 2026), "#N/A", /2025–2027 samlet/);
    expect(fn("NOK.PARSE", "NOK 600 000 (2025)", 2026)).toBe(0);
  });
  it("refuses what it cannot read, and says when there is no money", () => {
    expectError(fn("NOK.EXPLAIN", "200 000 kr og 500k"), "#VALUE!", /«500k»/);
    expectError(fn("NOK.EXPLAIN", "Ekstern finansiering"), "#N/A", /ekstern finansiering/);
    expectError(fn("NOK.EXPLAIN", ""), "#VALUE!", /tom/);
    expectError(fn("NOK.EXPLAIN", UNGARENA, "i fjor"), "#VALUE!", /year må være et årstall/);
  });
});
