import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  daysBetween,
  endOfMonth,
  formatNorwegianDate,
  isoToSerial,
  isValidDate,
  serialToIso,
} from "../../src/core/dates";

describe("dates", () => {
  it("matches Excel's serial numbers", () => {
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2026-03-31")).toBe(46112);
    expect(isoToSerial("2026-12-31")).toBe(46387);
    expect(serialToIso(46387.75)).toBe("2026-12-31");
  });
  it("knows month ends and leap years", () => {
    expect(endOfMonth(2028, 2)).toBe("2028-02-29");
    expect(endOfMonth(2027, 2)).toBe("2027-02-28");
    expect(isValidDate(2027, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2100, 2, 29)).toBe(false);
  });
  it("counts days and formats the Norwegian way", () => {
    expect(daysBetween("2026-11-22", "2026-12-31")).toBe(39);
    expect(daysBetween("2026-12-31", "2026-11-22")).toBe(-39);
    expect(formatNorwegianDate("2026-03-01")).toBe("01.03.2026");
  });
  it("round-trips serials", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (n) => {
        expect(isoToSerial(serialToIso(n))).toBe(n);
      }),
    );
  });
});
