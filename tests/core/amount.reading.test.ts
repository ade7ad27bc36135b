/**
 * Issue 10: read every word that bears on money, or refuse; years of money (each / together);
 * an amount without a year counts only where no other money is tied.
 */
import { describe, expect, it } from "vitest";
import { parseAmounts, sumAmounts, yearList, yearSum } from "../../src/core/amount";
import { FUNCTIONS, FunctionError } from "../../src/functions/impl";

function read(text: string): [number, number[], string, string][] | string {
  const p = parseAmounts(text);
  if (p.kind !== "amounts") return p.kind;
  return p.amounts.map((a) => [a.value, [...a.years], a.yearMode, a.source]);
}

describe("years of money", () => {
  it("«Estimert 510 000 kr i 2026 og i 2027» is 510 000 in each year", () => {
    const p = parseAmounts("Estimert 510 000kr i 2026 og i 2027");
    expect(read("Estimert 510 000kr i 2026 og i 2027")).toEqual([[510000, [2026, 2027], "each", "RST"]]);
    expect(sumAmounts(p, { year: 2026 })).toBe(510000);
    expect(sumAmounts(p, { year: 2027 })).toBe(510000);
    expect(sumAmounts(p, { year: 2025 })).toBe(0);
    expect(sumAmounts(p)).toBe(1020000);
  });

  it("«Sum bevilget 2024 og 2025: 3 800 040» belongs to the two years together", () => {
    const text = "Sum bevilget 2024 og 2025: 3 800 040";
    expect(read(text)).toEqual([[3800040, [2024, 2025], "together", "RST"]]);
    const p = parseAmounts(text);
    expect(yearSum(p, { year: 2024 })).toMatchObject({ kind: "shared" });
    expect(sumAmounts(p)).toBe(3800040);
    expect(sumAmounts(p, { year: 2026 })).toBe(0);
    // Once read as 2025 money alone (the year right before the colon).
    expect(sumAmounts(p, { year: 2025 })).not.toBe(3800040);
  });

  it("NOK.PARSE(text; 2024) gives #N/A saying the money is shared, never 3 800 040", () => {
    const r = FUNCTIONS["NOK.PARSE"]("Sum bevilget 2024 og 2025: 3 800 040", 2024);
    expect(r).toBeInstanceOf(FunctionError);
    expect(r).toMatchObject({ code: "#N/A" });
    expect((r as FunctionError).message).toMatch(/2024 og 2025 samlet/);
    expect(FUNCTIONS["NOK.PARSE"]("Sum bevilget 2024 og 2025: 3 800 040")).toBe(3800040);
    expect(FUNCTIONS["NOK.PARSE"]("Estimert 510 000kr i 2026 og i 2027", 2027)).toBe(510000);
  });

  it("a range of years, and a list without its own «i», is together", () => {
    expect(read("100 000 kr fra 2025 til 2027")).toEqual([[100000, [2025, 2026, 2027], "together", "RST"]]);
    expect(read("300 000 kr i 2025 og 2026")).toEqual([[300000, [2025, 2026], "together", "RST"]]);
    expect(read("2025-2026: 300 000 kr")).toEqual([[300000, [2025, 2026], "together", "RST"]]);
  });

  it("each amount of a clause takes its own year", () => {
    expect(read("200 000 kr i 2026, 300 000 kr i 2027")).toEqual([
      [200000, [2026], "each", "RST"],
      [300000, [2027], "each", "RST"],
    ]);
  });

  it("a year inside a date or a case number ties nothing", () => {
    expect(read("sak 12/2025: 200 000 kr")).toEqual([[200000, [], "each", "RST"]]);
    expect(read("fra 01.2026: 200 000 kr")).toEqual([[200000, [], "each", "RST"]]);
  });

  it("an amount without a year counts only for years the text ties no other money to", () => {
    const ung =
      "410 000 kr prosjektleder. Evt finansiering 2027: 550 000 kr prosjektleder hvis beslutning om spredning";
    expect(sumAmounts(parseAmounts(ung), { year: 2026 })).toBe(410000);
    expect(sumAmounts(parseAmounts(ung), { year: 2027 })).toBe(550000);
    // Shared money ties its years too.
    const shared = parseAmounts("Sum bevilget 2024 og 2025: 3 800 040. 100 000 kr til møter");
    expect(sumAmounts(shared, { year: 2026 })).toBe(100000);
    expect(yearSum(shared, { year: 2025 })).toMatchObject({ kind: "shared" });
  });

  it("yearList", () => {
    expect(yearList([2024, 2025])).toBe("2024 og 2025");
    expect(yearList([2025, 2026, 2027])).toBe("2025–2027");
    expect(yearList([2024, 2026, 2028])).toBe("2024, 2026 og 2028");
  });
});

describe("numbers that are not money", () => {
  it.each([
    ["Bilen kjører ca. 15–20 000 km per år", "none"],
    ["Org.nr. 991 324 968", "none"],
    ["Saksnummer: 16294", "none"],
    ["Det deltar mellom 100-120 fastleger", "none"],
    ["Totalt deltok om lag 50 personer", "none"],
    ["I 2024 ble det utført røntgen på 144 pasienter", "none"],
    ["Møtetid 7. mai 2026, kl. 12:30", "none"],
    ["over 80 år", "none"],
    ["Prosjektstillinger 2x50%", "none"],
  ])("%j is no money (%s)", (text, kind) => {
    expect(parseAmounts(text).kind).toBe(kind);
  });

  it("keeps the money beside them", () => {
    expect(read("57 000 innbyggere, 200 000 kr")).toEqual([[200000, [], "each", "RST"]]);
    expect(read("kl. 12:30 200 000 kr")).toEqual([[200000, [], "each", "RST"]]);
    expect(read("Org.nr. 991 324 968. Tilskudd 200 000 kr")).toEqual([[200000, [], "each", "RST"]]);
  });
});

describe("what the reader does not understand is refused, quoting the whole word", () => {
  it.each([
    ["500k til møter", "500k"],
    ["200 000 kr og 500k til møter", "500k"],
    ["MNOK 2,5", "MNOK 2,5"],
    ["Beløp i 1000 kr: 850", "i 1000 kr"],
    ["fem millioner kroner", "fem millioner"],
    ["Sum: 80", "Sum: 80"],
    ["Ikke benyttede midler overført 2026 1810030", "1810030"],
    ["2 000 EUR", "2 000 EUR"],
    ["1.100", "1.100"],
  ])("%j → refused naming «%s»", (text, word) => {
    const p = parseAmounts(text);
    expect(p).toMatchObject({ kind: "unclear", word });
    if (p.kind === "unclear") expect(p.reason).toContain(`«${word}»`);
    expect(sumAmounts(p)).toBeNull();
  });

  it("NOK.PARSE answers a refusal with #VALUE! and the reason, never a partial sum", () => {
    const r = FUNCTIONS["NOK.PARSE"]("200 000 kr og 500k til møter");
    expect(r).toBeInstanceOf(FunctionError);
    expect((r as FunctionError).message).toContain("«500k»");
  });

  it("a range of money is not its upper end", () => {
    expect(parseAmounts("200-300 kr til møter")).toMatchObject({ kind: "unclear", word: "200-300 kr" });
    expect(parseAmounts("200 – 300 kr")).toMatchObject({ kind: "unclear" });
  });

  it("an untied year beside money, a carry between years, or a decision date refuses", () => {
    expect(parseAmounts("Ikke benyttede midler overført 2025 2 800 030")).toMatchObject({
      kind: "unclear",
      word: "2025 2 800 030",
    });
    expect(parseAmounts("Disponible midler overført fra 2024 2 800 030").kind).toBe("unclear");
    expect(parseAmounts("Vedtatt 20. november 2025, og tiltaket er tildelt kr. 12 000 000.").kind).toBe(
      "unclear",
    );
    // A table row: the year first, its money right after.
    expect(read("2024 7 000 030")).toEqual([[7000030, [2024], "each", "RST"]]);
  });

  it("a season ties money to its year, unless it dates a start or stands in brackets", () => {
    expect(read("For høsten 2025 ble det fakturert kr 323 598")).toEqual([[323598, [2025], "each", "RST"]]);
    expect(read("For videreføring høsten 2026 er det estimert et behov på kr 323 594.")).toEqual([
      [323594, [2026], "each", "RST"],
    ]);
    expect(read("kr 700 000 for høsten 2025 og våren 2026")).toEqual([
      [700000, [2025, 2026], "together", "RST"],
    ]);
    expect(read("500 000 kr (prosjektet startet høsten 2025)")).toEqual([[500000, [], "each", "RST"]]);
  });

  it("a share of an amount, a price per unit and a split in brackets refuse", () => {
    expect(parseAmounts("Egenandel kommunene 20 %, RST 80 % av 1 000 000 kr")).toMatchObject({
      kind: "unclear",
      word: "80 % av 1 000 000 kr",
    });
    expect(parseAmounts("3 stillinger à 200 000 kr")).toMatchObject({
      kind: "unclear",
      word: "3 stillinger à 200 000 kr",
    });
    expect(parseAmounts("500 000 kr (50 % i 2026, 50 % i 2027)").kind).toBe("unclear");
    expect(parseAmounts("Totalt 900 000 kr (300 000 kr per år 2026-2028)").kind).toBe("unclear");
    // A bracket that is only the tie still ties.
    expect(read("4 200 000 kr (i 2026)")).toEqual([[4200000, [2026], "each", "RST"]]);
  });

  it("each amount of a clause takes the source named right after it", () => {
    expect(read("Kr 500 000,- fra HSØ og kr 300 000,- fra kommunene")).toEqual([
      [500000, [], "each", "HSØ"],
      [300000, [], "each", "kommunene"],
    ]);
    expect(
      read("Prosjektet har fått 250 000 kr fra Stiftelsen Dam i 2025 og søker 300 000 kr for 2026"),
    ).toEqual([
      [250000, [2025], "each", "Stiftelsen Dam"],
      [300000, [2026], "each", "RST"],
    ]);
    // A source named before the first amount is every amount's.
    expect(read("Fra SiV: 200 000 kr til stilling og 100 000 kr til møter")).toEqual([
      [200000, [], "each", "SiV"],
      [100000, [], "each", "SiV"],
    ]);
  });

  it("a multiple of an amount refuses («2 x 400 000 kr»)", () => {
    expect(parseAmounts("2 x 400 000 kr")).toMatchObject({ kind: "unclear", word: "2 x 400 000 kr" });
    expect(read("4 200 000 kr (12 X 50% eldrehelse-koordinator)")).toEqual([[4200000, [], "each", "RST"]]);
  });

  it("ids and case numbers are no money", () => {
    expect(parseAmounts("Saksid: 26/02136-16").kind).toBe("none");
  });

  it("«nok» as a Norwegian word is not the currency", () => {
    expect(read("Det er nok midler: 200 000 kr")).toEqual([[200000, [], "each", "RST"]]);
  });
});

/** The known confident wrong readings of issue 10 (A), each read by hand. */
describe("issue 10 A: known wrong readings", () => {
  const parseFn = FUNCTIONS["NOK.PARSE"];
  const plain = (v: unknown) =>
    v instanceof FunctionError ? `${v.code} ${v.message.replace(/[\u00a0\u202f]/g, " ")}` : v;

  it("«NOK 600 000 (2025)»: a bare bracketed year beside money ties it to that year", () => {
    expect(read("NOK 600 000 (2025)")).toEqual([[600000, [2025], "each", "RST"]]);
    expect(parseFn("NOK 600 000 (2025)", 2026)).toBe(0);
    expect(parseFn("NOK 600 000 (2025)", 2025)).toBe(600000);
    // Brackets about something else still tie nothing (issue 11.3).
    expect(read("200 000 kr (jf. sak 12/2025)")).toEqual([[200000, [], "each", "RST"]]);
    expect(read("500 000 kr til videreføring (oppstart 2024)")).toEqual([[500000, [], "each", "RST"]]);
    // Bare years in brackets away from the money say which year, unclearly.
    expect(parseAmounts("Prosjektleder (2025): 600 000 kr").kind).toBe("unclear");
  });

  it("«Totalt 2,4 mill. kr over tre år»: the money of three years together, no one year's", () => {
    const p = parseAmounts("Totalt 2,4 mill. kr over tre år");
    expect(p.kind === "amounts" && p.amounts.map((a) => [a.value, a.years, a.period])).toEqual([
      [2400000, [], "over tre år"],
    ]);
    const s = yearSum(p, { year: 2026 });
    expect(s.kind).toBe("shared");
    expect(plain(parseFn("Totalt 2,4 mill. kr over tre år", 2026))).toBe(
      "#N/A Beløpet «2,4 mill. kr» gjelder flere år samlet («over tre år»); teksten sier ikke hvor mye av det som er for 2026.",
    );
    expect(parseFn("Totalt 2,4 mill. kr over tre år")).toBe(2400000);
    expect(sumAmounts(p, { year: 2026 })).toBe(0);
    expect(read("2 400 000 kr for perioden 2025–2027")).toEqual([
      [2400000, [2025, 2026, 2027], "together", "RST"],
    ]);
    expect(read("1 200 000 kr over 2 år fra 2026")).toEqual([[1200000, [2026, 2027], "together", "RST"]]);
    // Not money of a period: a lifetime, a depreciation, per year.
    expect(read("Utstyr med levetid på over 3 år koster 30 000 kr")).toEqual([[30000, [], "each", "RST"]]);
    expect(read("100 000 per år i 3 år")).toEqual([[100000, [], "each", "RST"]]);
  });

  it("«Finansieres av SiV (50 %) og kommunene (50 %): 400 000 kr» is no RST money", () => {
    expect(parseAmounts("Finansieres av SiV (50 %) og kommunene (50 %): 400 000 kr")).toMatchObject({
      kind: "unclear",
      word: "SiV og kommunene",
    });
    expect(parseFn("Finansieres av SiV (50 %) og kommunene (50 %): 400 000 kr", 2026, "RST")).toBeInstanceOf(
      FunctionError,
    );
    expect(read("400 000 kr finansieres av SiV")).toEqual([[400000, [], "each", "SiV"]]);
    expect(read("SiV dekker 400 000 kr")).toEqual([[400000, [], "each", "SiV"]]);
    expect(read("200 000 kr egenandel")).toEqual([[200000, [], "each", "egenandel"]]);
    expect(read("300 000 kr dekkes innenfor eget budsjett")).toEqual([[300000, [], "each", "eget budsjett"]]);
    expect(read("Dekkes innenfor eksisterende ramme: 300 000 kr")).toEqual([
      [300000, [], "each", "innenfor ramme"],
    ]);
    expect(read("300 000 kr i driftsmidler")).toEqual([[300000, [], "each", "driftsmidler"]]);
    expect(parseAmounts("400 000 kr (SiV)").kind).toBe("unclear");
    // A receiver is no payer.
    expect(read("300 000 kr til kommunene og SiV")).toEqual([[300000, [], "each", "RST"]]);
  });

  it("«i 2025kr» is refused: a year or an amount?", () => {
    expect(parseAmounts("i 2025kr")).toMatchObject({ kind: "unclear", word: "2025kr" });
    expect(parseAmounts("300 000 i 2025kr").kind).toBe("unclear");
    expect(read("Budsjett 2026 kr 1 000 000")).toEqual([[1000000, [2026], "each", "RST"]]);
  });
});
