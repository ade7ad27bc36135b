import { describe, expect, it } from "vitest";
import { parseDeadline, parseDeadlineUncached, type Deadline } from "../../src/core/deadline";
import plan from "../../examples/data/handlingsplan-2026.json";

function ok(text: string, planYear?: number): Deadline {
  const r = parseDeadline(text, planYear);
  if (!r.ok) throw new Error(`expected «${text}» to parse, got: ${r.reason}`);
  return r.deadline;
}

function reason(text: string, planYear?: number): string {
  const r = parseDeadline(text, planYear);
  if (r.ok) throw new Error(`expected «${text}» to fail, got ${JSON.stringify(r.deadline)}`);
  return r.reason;
}

describe("parseDeadline: single periods", () => {
  it.each([
    // quarters
    ["1.kvartal 2026", "2026-01-01", "2026-03-31", "quarter"],
    ["2. kvartal 2026", "2026-04-01", "2026-06-30", "quarter"],
    ["3. kv. 2026", "2026-07-01", "2026-09-30", "quarter"],
    ["4.kv 2026", "2026-10-01", "2026-12-31", "quarter"],
    ["Q3 2026", "2026-07-01", "2026-09-30", "quarter"],
    ["q4 26", "2026-10-01", "2026-12-31", "quarter"],
    ["fjerde kvartal 2026", "2026-10-01", "2026-12-31", "quarter"],
    ["4.KVARTAL   2026", "2026-10-01", "2026-12-31", "quarter"],
    ["4.kvartal2026", "2026-10-01", "2026-12-31", "quarter"],
    // halves
    ["1.halvår 2026", "2026-01-01", "2026-06-30", "half"],
    ["2. halvår 2026", "2026-07-01", "2026-12-31", "half"],
    ["H1 2026", "2026-01-01", "2026-06-30", "half"],
    ["h2 2026", "2026-07-01", "2026-12-31", "half"],
    // years
    ["2026", "2026-01-01", "2026-12-31", "year"],
    ["i 2026", "2026-01-01", "2026-12-31", "year"],
    // months
    ["januar 2026", "2026-01-01", "2026-01-31", "month"],
    ["jan. 2026", "2026-01-01", "2026-01-31", "month"],
    ["feb 2028", "2028-02-01", "2028-02-29", "month"],
    ["feb. 27", "2027-02-01", "2027-02-28", "month"],
    ["mars 2026", "2026-03-01", "2026-03-31", "month"],
    ["sept. 2026", "2026-09-01", "2026-09-30", "month"],
    ["des.2026", "2026-12-01", "2026-12-31", "month"],
    ["desember -26", "2026-12-01", "2026-12-31", "month"],
    ["03.2026", "2026-03-01", "2026-03-31", "month"],
    // days
    ["30.06.2026", "2026-06-30", "2026-06-30", "day"],
    ["1.7.2026", "2026-07-01", "2026-07-01", "day"],
    ["31/12-2026", "2026-12-31", "2026-12-31", "day"],
    ["31/12-26", "2026-12-31", "2026-12-31", "day"],
    ["01.07.26", "2026-07-01", "2026-07-01", "day"],
    ["30. juni 2026", "2026-06-30", "2026-06-30", "day"],
    ["30.juni 2026", "2026-06-30", "2026-06-30", "day"],
    ["29.02.2028", "2028-02-29", "2028-02-29", "day"],
    ["2026-03-31", "2026-03-31", "2026-03-31", "day"],
    ["primo mai 2026", "2026-05-10", "2026-05-10", "day"],
    ["medio juni 2026", "2026-06-15", "2026-06-15", "day"],
    ["ultimo februar 2028", "2028-02-29", "2028-02-29", "day"],
    // seasons (vår 01.03–30.06, sommer 01.06–31.08, høst 01.08–31.12)
    ["vår 2026", "2026-03-01", "2026-06-30", "season"],
    ["våren 2026", "2026-03-01", "2026-06-30", "season"],
    ["sommer 2026", "2026-06-01", "2026-08-31", "season"],
    ["høst 2026", "2026-08-01", "2026-12-31", "season"],
    ["Høsten 2026", "2026-08-01", "2026-12-31", "season"],
    ["høst-25", "2025-08-01", "2025-12-31", "season"],
    ["vår-26", "2026-03-01", "2026-06-30", "season"],
  ])("%j → %s … %s (%s)", (text, start, due, granularity) => {
    expect(ok(text)).toEqual({ start, end: due, due, granularity, open: false });
  });
});

describe("parseDeadline: an end and no start («t.o.m.», «ut», «innen»)", () => {
  it.each([
    ["tom. 2026", "2026-12-31"],
    ["t.o.m. 2026", "2026-12-31"],
    ["ut 2026", "2026-12-31"],
    ["Ut 2027", "2027-12-31"],
    ["innen utgangen av 2026", "2026-12-31"],
    ["innen utgangen av mai 2026", "2026-05-31"],
    ["innen 1/7 - 2026", "2026-07-01"],
    ["innen 30.06.2026", "2026-06-30"],
    ["frem til og med 2027", "2027-12-31"],
    ["Varighet tom 31.12.2026", "2026-12-31"],
  ])("%j → no start, ends %s", (text, due) => {
    expect(ok(text)).toEqual({ start: null, end: due, due, granularity: "range", open: false });
  });
});

describe("parseDeadline: ranges and several periods", () => {
  it.each([
    ["nov 2025 - okt 2027", "2025-11-01", "2027-10-31"],
    ["nov 2025–okt 2027", "2025-11-01", "2027-10-31"],
    ["nov.25-okt.27", "2025-11-01", "2027-10-31"],
    ["Fom april -des.2026", "2026-04-01", "2026-12-31"],
    ["fom april 2026 tom desember 2026", "2026-04-01", "2026-12-31"],
    ["f.o.m. mars t.o.m. juni 2026", "2026-03-01", "2026-06-30"],
    ["fra mai til august 2026", "2026-05-01", "2026-08-31"],
    ["1.kvartal 2026 - 3.kvartal 2026", "2026-01-01", "2026-09-30"],
    ["2025-2027", "2025-01-01", "2027-12-31"],
    ["01.03.2026 - 30.06.2026", "2026-03-01", "2026-06-30"],
    // the start borrows the end's year, and goes back a year when it would otherwise start after it
    ["nov - feb 2027", "2026-11-01", "2027-02-28"],
  ])("%j → %s … %s", (text, start, due) => {
    expect(ok(text)).toEqual({ start, end: due, due, granularity: "range", open: false });
  });

  it("reads several periods joined by «og» or «,» as one, from the first start to the last end", () => {
    expect(ok("mai og desember 2026")).toEqual({
      start: "2026-05-01",
      end: "2026-12-31",
      due: "2026-12-31",
      granularity: "range",
      open: false,
    });
    expect(ok("2.kvartal 2026, 4.kvartal 2026")).toMatchObject({ start: "2026-04-01", due: "2026-12-31" });
  });
  it("refuses alternatives («/», «eller») that give different periods", () => {
    expect(reason("30.06.2027 / 2026")).toMatch(/^Usikkert hvilken periode «30\.06\.2027 \/ 2026»/);
    expect(reason("mai eller juni 2026")).toMatch(/^Usikkert hvilken periode/);
  });
});

describe("parseDeadline: the plan year fills a missing year", () => {
  it("uses planYear only when the text names no year", () => {
    expect(ok("3.kvartal", 2026).due).toBe("2026-09-30");
    expect(ok("mai", 2026).due).toBe("2026-05-31");
    expect(ok("høst", 2027).due).toBe("2027-12-31");
    expect(ok("3.kvartal 2027", 2026).due).toBe("2027-09-30");
  });
  it("fails with a reason when there is no year at all", () => {
    expect(reason("3.kvartal")).toMatch(/^Mangler årstall/);
    expect(reason("mai")).toMatch(/^Mangler årstall.*«mai»/);
  });
});

describe("parseDeadline: failures say what was wrong, in Norwegian", () => {
  it.each([
    ["", /^Frist mangler$/],
    ["   ", /^Frist mangler$/],
    ["snarest", /^Forstod ikke tidsordet «snarest» i «snarest»\. Skriv for eksempel/],
    ["løpende", /^Forstod ikke tidsordet «løpende»/],
    ["Ikke oppgitt", /^Fant ingen dato eller periode i «Ikke oppgitt»$/],
    ["5.kvartal 2026", /^Kvartal må være 1–4/],
    ["Q0 2026", /^Kvartal må være 1–4/],
    ["3.halvår 2026", /^Halvår må være 1 eller 2/],
    ["32.12.2026", /^32\.12\.2026 finnes ikke \(desember har 31 dager\)/],
    ["31.04.2026", /^31\.04\.2026 finnes ikke \(april har 30 dager\)/],
    ["29.02.2027", /^29\.02\.2027 finnes ikke \(2027 er ikke skuddår\)$/],
    ["13.2026", /^Måned må være 1–12/],
    ["2150", /utenfor .*1900–2100/],
    ["1899", /utenfor .*1900–2100/],
    ["31.12.2101", /utenfor .*1900–2100/],
    ["uke 54 2026", /Uke må være 1–53/],
    ["des 2026 - jan 2026", /slutter før den starter/],
  ])("%j fails", (text, re) => {
    expect(reason(text, 2026)).toMatch(re);
  });

  it("reads ISO weeks: Monday to Sunday, week 1 holding 4 January, week 53 only where it exists", () => {
    expect(ok("uke 12 2026")).toEqual({
      start: "2026-03-16",
      end: "2026-03-22",
      due: "2026-03-22",
      granularity: "week",
      open: false,
    });
    expect(ok("Uke 1 2026")).toMatchObject({ start: "2025-12-29", due: "2026-01-04" });
    expect(ok("i uke 45", 2026)).toMatchObject({ start: "2026-11-02", due: "2026-11-08" });
    expect(ok("uke 53 2026")).toMatchObject({ start: "2026-12-28", due: "2027-01-03" });
    expect(reason("uke 53 2025")).toMatch(/2025 har ikke uke 53/);
    expect(reason("uke 0 2026")).toMatch(/Uke må være 1–53/);
    expect(ok("uke 10 - uke 14 2026")).toMatchObject({
      start: "2026-03-02",
      due: "2026-04-05",
      granularity: "range",
    });
    expect(reason("ukentlig")).toMatch(/^Fant ingen dato eller periode i «ukentlig»$/);
  });

  it("checks day/month-year dates and does not read a range's end as their year", () => {
    expect(reason("32/12-2026")).toMatch(/32\/12-2026 finnes ikke/);
    expect(reason("29/2-2027")).toMatch(/ikke skuddår/);
    // "1/3-31" is no 1 March 2031: the "31" starts "31/12-26".
    expect(parseDeadline("1/3-31/12-26").ok).toBe(false);
    expect(ok("fom 1/3-26 tom 31/12-26")).toMatchObject({ start: "2026-03-01", due: "2026-12-31" });
  });

  it("checks 29 February once the plan year is known", () => {
    expect(reason("29. februar", 2027)).toMatch(/2027 er ikke skuddår/);
    expect(ok("29. februar", 2028).due).toBe("2028-02-29");
  });
});

describe("the seed handlingsplan's Frist column", () => {
  const EXPECTED_DUE: Record<string, string> = {
    "2026": "2026-12-31",
    "1.kvartal 2026": "2026-03-31",
    "2.kvartal 2026": "2026-06-30",
    "3.kvartal 2026": "2026-09-30",
    "4.kvartal 2026": "2026-12-31",
    "1.halvår 2026": "2026-06-30",
    "2.halvår 2026": "2026-12-31",
    "3.kvartal 2027": "2027-09-30",
  };
  it.each(plan.rows.map((r) => ({ nr: r[0], frist: r[4] })))("row $nr: $frist", ({ frist }) => {
    const r = parseDeadline(frist, plan.planYear);
    if (frist === "") {
      expect(r).toEqual({ ok: false, reason: "Frist mangler" });
      return;
    }
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.deadline.due).toBe(EXPECTED_DUE[frist]);
  });
  it("the årlig melding's durations parse too", () => {
    expect(ok("Fom april -des.2026, forlenges dersom beslutning om videre spredning")).toMatchObject({
      start: "2026-04-01",
      due: "2026-12-31",
    });
    expect(ok("Piloteres høst-25 og vår-26")).toMatchObject({ start: "2025-08-01", due: "2026-06-30" });
  });
});

describe("memoisation", () => {
  it("returns the same frozen object for the same (text, planYear)", () => {
    const a = parseDeadline("3. kvartal", 2026);
    expect(parseDeadline("3. kvartal", 2026)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    if (!a.ok) throw new Error("expected ok");
    expect(() => {
      (a.deadline as { due: string }).due = "1900-01-01";
    }).toThrow();
    expect(parseDeadline("3. kvartal", 2027)).not.toBe(a);
    expect(ok("3. kvartal", 2027).due).toBe("2027-09-30");
    expect(parseDeadline("3. kvartal", 2026)).toEqual(parseDeadlineUncached("3. kvartal", 2026));
  });
  it("never throws on odd input", () => {
    for (const t of [
      null,
      undefined,
      42,
      "-",
      "--",
      "q",
      "h",
      "tom",
      "fra til",
      "1.",
      "..",
      "9".repeat(300),
    ]) {
      expect(() => parseDeadline(t as unknown as string, 2026)).not.toThrow();
    }
  });
});
