/** The RST tab shows what the ledger does not know as unknown, as `rst ledger` does. */
import { describe, expect, it } from "vitest";
import { computeLedger } from "../../src/core/ledger";
import { allocatedOf, carriedInOf } from "../../src/taskpane/rst/RstTab";

describe("RST tab: unknown allocations and carries", () => {
  it("an allocation without a known amount is unknown, and so is every later carry", () => {
    const years = computeLedger([
      { year: 2024, granted: 7_000_030, allocated: 0, allocatedUnknown: true },
      { year: 2025, granted: 6_960_000, allocated: 4_200_000 },
    ]);
    expect(allocatedOf(years[0])).toBeNull(); // not the 0 of the known part
    expect(years[0].carriedOut).toBeNull();
    expect(allocatedOf(years[1])).toBe(4_200_000);
  });

  it("a carry in after a year whose grant is unknown is unknown, not the last known carry", () => {
    const years = computeLedger([
      { year: 2024, granted: null, allocated: 1_000_000 },
      { year: 2025, granted: 6_960_000, allocated: 4_200_000 },
    ]);
    expect(years[1].carriedInUnknown).toBe(true);
    expect(carriedInOf(years[1])).toBeNull();
    expect(carriedInOf(years[0])).toBe(0);
  });
});
