import { describe, it, expect } from "vitest";
import { fn, expectError } from "./helpers";
import { isoToSerial } from "../../src/core/dates";

const s = isoToSerial;

describe("MEASURE.DUE and MEASURE.START", () => {
  it("quarters, half years and ranges from the 2026 plan", () => {
    expect(fn("MEASURE.DUE", "3.kvartal 2026")).toBe(s("2026-09-30"));
    expect(fn("MEASURE.START", "3.kvartal 2026")).toBe(s("2026-07-01"));
    expect(fn("MEASURE.DUE", "1.halvår 2026")).toBe(s("2026-06-30"));
    expect(fn("MEASURE.DUE", "2026")).toBe(s("2026-12-31"));
    expect(fn("MEASURE.START", "nov.25-okt.27")).toBe(s("2025-11-01"));
    expect(fn("MEASURE.DUE", "nov.25-okt.27")).toBe(s("2027-10-31"));
  });
  it("uses planYear when the text names no year", () => {
    expect(fn("MEASURE.DUE", "2.halvår", 2026)).toBe(s("2026-12-31"));
    expect(fn("MEASURE.START", "2.halvår", "2027")).toBe(s("2027-07-01"));
  });
  it("a number is a date serial already; ISO text works", () => {
    expect(fn("MEASURE.DUE", 46112)).toBe(46112);
    expect(fn("MEASURE.START", "2026-03-31")).toBe(s("2026-03-31"));
  });
  it("errors", () => {
    expectError(fn("MEASURE.DUE", "snarest"), "#VALUE!", /^Frist kan ikke leses: «snarest» — /);
    expectError(fn("MEASURE.DUE", ""), "#N/A", /ingen frist/);
    expectError(fn("MEASURE.START", null), "#N/A", /ingen frist/);
    expectError(fn("MEASURE.DUE", "3.kvartal", 26), "#VALUE!", /planYear må være et årstall/);
    expectError(fn("MEASURE.DUE", -1), "#VALUE!", /ikke en gyldig dato/);
    expectError(fn("MEASURE.DUE", true), "#VALUE!", /ikke en dato/);
  });
});

describe("MEASURE.DAYSLEFT", () => {
  it("days from today to due, negative when overdue", () => {
    expect(fn("MEASURE.DAYSLEFT", "1.kvartal 2026", "2026-03-01")).toBe(30);
    expect(fn("MEASURE.DAYSLEFT", "1.kvartal 2026", s("2026-04-10"))).toBe(-10);
    expect(fn("MEASURE.DAYSLEFT", s("2026-12-31"), s("2026-12-31"))).toBe(0);
  });
  it("defaults to today", () => {
    const d = new Date();
    const today = s(
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`,
    );
    expect(fn("MEASURE.DAYSLEFT", today + 12)).toBe(12);
  });
  it("errors", () => {
    expectError(
      fn("MEASURE.DAYSLEFT", "snarest", "2026-01-01"),
      "#VALUE!",
      /^Frist kan ikke leses: «snarest»/,
    );
    expectError(fn("MEASURE.DAYSLEFT", "", "2026-01-01"), "#N/A", /ingen frist/);
    expectError(fn("MEASURE.DAYSLEFT", "2026", "i går"), "#VALUE!", /Dagens dato/);
    expectError(fn("MEASURE.DAYSLEFT", "2026", "1.kvartal 2026"), "#VALUE!", /today må være én dag/);
  });
});

describe("MEASURE.STATUS", () => {
  const today = s("2026-03-01");
  it("Fullført, Forfalt, Forfaller snart (≤ 30 days), I rute, Mangler frist", () => {
    expect(fn("MEASURE.STATUS", "1.kvartal 2026", "ja", today)).toBe("Fullført");
    expect(fn("MEASURE.STATUS", "snarest", "x", today)).toBe("Fullført");
    expect(fn("MEASURE.STATUS", "1.kvartal 2026", true, today)).toBe("Fullført");
    expect(fn("MEASURE.STATUS", "1.kvartal 2026", 1, today)).toBe("Fullført");
    expect(fn("MEASURE.STATUS", "2025", null, today)).toBe("Forfalt");
    expect(fn("MEASURE.STATUS", "1.kvartal 2026", "", today)).toBe("Forfaller snart"); // 30 days
    expect(fn("MEASURE.STATUS", s("2026-03-31") + 1, "nei", today)).toBe("I rute"); // 31 days
    expect(fn("MEASURE.STATUS", "3.kvartal 2026", false, today)).toBe("I rute");
    expect(fn("MEASURE.STATUS", "", 0, today)).toBe("Mangler frist");
    expect(fn("MEASURE.STATUS", null, undefined, today)).toBe("Mangler frist");
  });
  it("errors", () => {
    expectError(fn("MEASURE.STATUS", "snarest", null, today), "#VALUE!", /^Frist kan ikke leses: «snarest»/);
    expectError(fn("MEASURE.STATUS", "2026", "pågår", today), "#VALUE!", /done.*«pågår»/);
    expectError(fn("MEASURE.STATUS", "2026", 2, today), "#VALUE!", /done/);
    expectError(fn("MEASURE.STATUS", "2026", null, "neste uke"), "#VALUE!", /Dagens dato/);
  });
});

describe("RST.PERIODIZE with deadline text", () => {
  it("prosjektleder 3 000 000 kr, nov 2025 – okt 2027: text start uses its start, text end its due", () => {
    const bySerial = [2025, 2026, 2027].map((y) =>
      fn("RST.PERIODIZE", 3_000_000, s("2025-11-01"), s("2027-10-31"), y),
    );
    expect([2025, 2026, 2027].map((y) => fn("RST.PERIODIZE", 3_000_000, "nov 2025", "okt 2027", y))).toEqual(
      bySerial,
    );
    // a period in start and an empty end
    expect([2025, 2026, 2027].map((y) => fn("RST.PERIODIZE", 3_000_000, "nov.25-okt.27", null, y))).toEqual(
      bySerial,
    );
    expect((bySerial as number[]).reduce((a, b) => a + b, 0)).toBe(3_000_000);
  });
  it("unreadable text", () => {
    expectError(
      fn("RST.PERIODIZE", 1000, "snart", "2026-12-31", 2026),
      "#VALUE!",
      /^Startdato kan ikke leses: «snart»/,
    );
    expectError(
      fn("RST.PERIODIZE", 1000, "2026-01-01", "etterhvert", 2026),
      "#VALUE!",
      /^Sluttdato kan ikke leses: «etterhvert»/,
    );
  });
});

describe("open periods and end-only periods", () => {
  it("MEASURE.START gives the start of an open period; MEASURE.DUE is #N/A «ingen sluttdato»", () => {
    expect(fn("MEASURE.START", "01.2026 -")).toBe(s("2026-01-01"));
    expect(fn("MEASURE.START", "Høst 2025 -")).toBe(s("2025-08-01"));
    expect(fn("MEASURE.START", "fra feb. 25")).toBe(s("2025-02-01"));
    expectError(fn("MEASURE.DUE", "01.2026 -"), "#N/A", /«01\.2026 -» har ingen sluttdato/);
    expectError(fn("MEASURE.DAYSLEFT", "fra 2027", "2026-01-01"), "#N/A", /ingen sluttdato/);
    expectError(fn("MEASURE.STATUS", "Oppstart 2026", null, "2026-01-01"), "#N/A", /ingen sluttdato/);
  });
  it("an end without a start: MEASURE.DUE reads it, MEASURE.START is #N/A «ingen startdato»", () => {
    expect(fn("MEASURE.DUE", "Varighet tom 28.02.2027")).toBe(s("2027-02-28"));
    expectError(fn("MEASURE.START", "tom. 2026"), "#N/A", /«tom\. 2026» har ingen startdato/);
  });
  it("durations give the other end", () => {
    expect(fn("MEASURE.DUE", "3 år fra 2025")).toBe(s("2027-12-31"));
    expect(fn("MEASURE.START", "over 3 år ut 2028")).toBe(s("2026-01-01"));
  });
});

describe("MEASURE.EXPLAIN", () => {
  it("spills start, slutt, granularity and the rules used", () => {
    const r = fn("MEASURE.EXPLAIN", "01.2026 -") as string[][];
    expect(r.slice(0, 3)).toEqual([
      ["Start", "01.01.2026"],
      ["Slutt", "ingen sluttdato"],
      ["Granularitet", "periode"],
    ]);
    expect(r[3][0]).toBe("Lest slik");
    expect(r.map((x) => x[1]).join("\n")).toMatch(
      /slutter med «-»: perioden har en start, men ingen sluttdato/,
    );
  });
  it("says when the year came from the plan year, not from the text", () => {
    const r = fn("MEASURE.EXPLAIN", "3.kvartal", 2026) as string[][];
    expect(r.slice(0, 3)).toEqual([
      ["Start", "01.07.2026"],
      ["Slutt", "30.09.2026"],
      ["Granularitet", "kvartal"],
    ]);
    expect(r.map((x) => x[1]).join("\n")).toMatch(/året 2026 er hentet fra planåret/);
    const own = fn("MEASURE.EXPLAIN", "3.kvartal 2026", 2026) as string[][];
    expect(own.map((x) => x[1]).join("\n")).not.toMatch(/planåret/);
  });
  it("a refusal spills the reason; an empty cell is #N/A; a number is a date", () => {
    expect(fn("MEASURE.EXPLAIN", "SSU vedtok 27.11.25 handlingsplan for 2026")).toEqual([
      [
        "Kan ikke leses",
        "Teksten nevner flere tidspunkt («27.11.25» og «2026») uten å si hvilket som gjelder",
      ],
    ]);
    expectError(fn("MEASURE.EXPLAIN", ""), "#N/A", /ingen frist/);
    expect((fn("MEASURE.EXPLAIN", s("2026-06-30")) as string[][])[0]).toEqual(["Start", "30.06.2026"]);
    expectError(fn("MEASURE.EXPLAIN", "2026", 26), "#VALUE!", /planYear må være et årstall/);
  });
});
