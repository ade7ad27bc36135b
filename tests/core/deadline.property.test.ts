import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseDeadline, parseDeadlineUncached } from "../../src/core/deadline";
import { daysInMonth, endOfMonth, isoDate } from "../../src/core/dates";

const piece = fc.constantFrom(
  "kvartal",
  "kv.",
  "halvår",
  "Q",
  "H",
  "vår",
  "våren",
  "sommer",
  "høst",
  "høsten",
  "primo",
  "medio",
  "ultimo",
  "januar",
  "jan.",
  "feb",
  "mars",
  "sept.",
  "des.",
  "desember",
  "fom",
  "tom.",
  "t.o.m.",
  "fra",
  "til",
  "og",
  "ut",
  "innen utgangen av",
  "i",
  "-",
  "–",
  ".",
  ",",
  "/",
  " ",
  "  ",
  "\u00A0",
  "2026",
  "2027",
  "25",
  "1",
  "4",
  "5",
  "13",
  "29.02.",
  "31.12.",
  "snarest",
  "løpende",
  "(",
  ")",
  "'",
);
const fristText = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 3 }), fc.nat(40000).map(String)), { maxLength: 10 })
  .map((a) => a.join(""));
const planYear = fc.option(fc.integer({ min: 1850, max: 2150 }), {
  nil: undefined,
});

function checkShape(text: string, py: number | undefined): void {
  const r = parseDeadlineUncached(text, py);
  if (!r.ok) {
    expect(r.reason.length).toBeGreaterThan(0);
    return;
  }
  const { start, end, due, open } = r.deadline;
  expect(start !== null || end !== null).toBe(true);
  expect(open).toBe(end === null);
  for (const d of [start, end, due]) {
    if (d === null) continue;
    expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d >= "1899-12-31" && d <= "2101-12-31").toBe(true);
  }
  if (start !== null && end !== null) expect(end >= start).toBe(true);
  expect(due).toBe(end);
}

describe("deadline parser properties", () => {
  it("never throws, and due ≥ start whenever it parses", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), planYear, (s, py) => checkShape(s, py)),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), planYear, (s, py) => checkShape(s, py)),
      { numRuns: 1500 },
    );
    fc.assert(
      fc.property(fristText, planYear, (s, py) => checkShape(s, py)),
      { numRuns: 4000 },
    );
  });

  it("a valid D.M.YYYY parses to that day", () => {
    const valid = fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ y, m, d }) => d <= daysInMonth(y, m));
    fc.assert(
      fc.property(valid, fc.boolean(), ({ y, m, d }, pad) => {
        const p2 = (x: number) => (pad ? String(x).padStart(2, "0") : String(x));
        const r = parseDeadline(`${p2(d)}.${p2(m)}.${y}`);
        const day = isoDate(y, m, d);
        expect(r).toEqual({
          ok: true,
          deadline: { start: day, end: day, due: day, granularity: "day", open: false },
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("an impossible day fails with a reason", () => {
    const invalid = fc
      .record({
        y: fc.integer({ min: 1900, max: 2100 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 29, max: 31 }),
      })
      .filter(({ y, m, d }) => d > daysInMonth(y, m));
    fc.assert(
      fc.property(invalid, ({ y, m, d }) => {
        const r = parseDeadline(`${d}.${m}.${y}`);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toMatch(/finnes ikke/);
      }),
    );
  });

  it("N.kvartal YYYY gives the quarter's last day", () => {
    const spelling = fc.constantFrom(
      "%N.kvartal %Y",
      "%N. kvartal %Y",
      "%N. kv. %Y",
      "Q%N %Y",
      "%N.Kvartal  %Y",
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1900, max: 2100 }),
        spelling,
        (n, y, f) => {
          const r = parseDeadline(f.replace("%N", String(n)).replace("%Y", String(y)));
          expect(r).toEqual({
            ok: true,
            deadline: {
              start: isoDate(y, 3 * n - 2, 1),
              end: endOfMonth(y, 3 * n),
              due: endOfMonth(y, 3 * n),
              granularity: "quarter",
              open: false,
            },
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("a range of two months ends at the later one", () => {
    const months = ["jan", "feb", "mars", "april", "mai", "juni", "juli", "aug", "sept", "okt", "nov", "des"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 2000, max: 2098 }),
        (a, b, y) => {
          const yb = b >= a ? y : y + 1;
          const r = parseDeadline(`${months[a]} ${y} - ${months[b]} ${yb}`);
          expect(r).toEqual({
            ok: true,
            deadline: {
              start: isoDate(y, a + 1, 1),
              end: endOfMonth(yb, b + 1),
              due: endOfMonth(yb, b + 1),
              granularity: "range",
              open: false,
            },
          });
        },
      ),
    );
  });

  it("the cache returns the same result as the uncached parser", () => {
    fc.assert(
      fc.property(fristText, planYear, (s, py) => {
        expect(parseDeadline(s, py)).toEqual(parseDeadlineUncached(s, py));
      }),
      {
        numRuns: 500,
      },
    );
  });
});
