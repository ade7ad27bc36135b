import { describe, expect, it } from "vitest";
import {
  besideName,
  forgetOwned,
  isBookkeepingSheet,
  isOwnedUnchanged,
  OWNED_HEADER,
  ownedSheetsValues,
  parseOwnedSheets,
  placeSheet,
  placementNote,
  recordOwned,
  sheetFingerprint,
  type ExistingSheet,
} from "../../src/core/owned-sheets";

const REPORT = [
  ["Årlig melding 2025 – Vestfold"],
  [],
  ["Nr", "Navn på tiltak", "Sum"],
  ["1.1", "Felles legevakt", 1_200_000],
  ["Sum", null, 1_200_000],
];

describe("sheetFingerprint", () => {
  it("is the same for the same cells however the block is padded or anchored", () => {
    const fp = sheetFingerprint(REPORT);
    expect(sheetFingerprint([...REPORT.map((r) => [...r, "", null]), [], ["", null]])).toBe(fp);
    // The used range of the same sheet starts at A1 too, but an Office used range starting at
    // A3 with origin row 2 gives the same cells.
    const fromA3 = REPORT.slice(2);
    const onlyTable = [[null], [null], ...fromA3];
    expect(sheetFingerprint(fromA3, { row: 2, col: 0 })).toBe(sheetFingerprint(onlyTable));
  });

  it("changes when the user types, clears or moves a value", () => {
    const fp = sheetFingerprint(REPORT);
    const typed = REPORT.map((r) => [...r]);
    typed[3][1] = "Felles legevakt (rettet)";
    expect(sheetFingerprint(typed)).not.toBe(fp);
    const cleared = REPORT.map((r) => [...r]);
    cleared[3][2] = null;
    expect(sheetFingerprint(cleared)).not.toBe(fp);
    const added = REPORT.map((r) => [...r]);
    added[1] = ["min merknad"];
    expect(sheetFingerprint(added)).not.toBe(fp);
    // the same value one cell to the right is a different sheet
    expect(sheetFingerprint([["a", null]])).not.toBe(sheetFingerprint([[null, "a"]]));
  });

  it("tells a number from the same digits as text and a boolean from its name", () => {
    expect(sheetFingerprint([[1200000]])).not.toBe(sheetFingerprint([["1200000"]]));
    expect(sheetFingerprint([[true]])).not.toBe(sheetFingerprint([["true"]]));
    expect(sheetFingerprint([[0]])).toBe(sheetFingerprint([[-0]]));
  });
});

describe("bookkeeping values", () => {
  it("round-trips entries, as text that cannot be a formula", () => {
    const entries = recordOwned([], "=Årlig melding 2025", REPORT);
    const values = ownedSheetsValues(entries);
    expect(values[0]).toEqual([OWNED_HEADER]);
    for (const [v] of values.slice(1)) expect(v.startsWith("#")).toBe(true);
    expect(parseOwnedSheets(values)).toEqual(entries);
  });

  it("ignores rows it cannot read (so those sheets count as not ours)", () => {
    const good = ownedSheetsValues(recordOwned([], "Avstemming", REPORT))[1][0];
    const parsed = parseOwnedSheets([
      [OWNED_HEADER],
      ["#not json"],
      ['#["x"]'],
      ['#["x","v1:1:zz"]'],
      [42],
      [good],
    ]);
    expect(parsed.map((e) => e.sheet)).toEqual(["Avstemming"]);
  });

  it("replaces and forgets entries by name, ignoring case", () => {
    let entries = recordOwned([], "Årlig melding 2025", REPORT);
    entries = recordOwned(entries, "ÅRLIG MELDING 2025", [["x"]]);
    expect(entries).toHaveLength(1);
    expect(isOwnedUnchanged(entries, "årlig melding 2025", [["x"]])).toBe(true);
    expect(isOwnedUnchanged(entries, "årlig melding 2025", REPORT)).toBe(false);
    expect(forgetOwned(entries, "Årlig Melding 2025")).toEqual([]);
  });

  it("knows its own sheet", () => {
    expect(isBookkeepingSheet("rst_eierskap")).toBe(true);
    expect(isBookkeepingSheet("Årlig melding 2025")).toBe(false);
  });
});

describe("placeSheet", () => {
  const sheet = (name: string, values: unknown[][]): ExistingSheet => ({
    name,
    values: () => values as never,
  });

  it("creates when there is no sheet of that name", () => {
    expect(placeSheet("Årlig melding 2025", [sheet("Plan", [])], [])).toEqual({
      action: "create",
      sheet: "Årlig melding 2025",
    });
  });

  it("replaces only our own unchanged sheet", () => {
    const entries = recordOwned([], "Årlig melding 2025", REPORT);
    expect(placeSheet("Årlig melding 2025", [sheet("årlig melding 2025", REPORT)], entries)).toEqual({
      action: "replace",
      sheet: "årlig melding 2025",
    });
  });

  it("writes beside a user's sheet of the same name (a register called like the report)", () => {
    const p = placeSheet("Årlig melding 2025", [sheet("Årlig melding 2025", [["Nr", "Navn"]])], []);
    expect(p).toEqual({
      action: "beside",
      sheet: "Årlig melding 2025 (2)",
      kept: "Årlig melding 2025",
      reason: "not-ours",
      replace: false,
    });
    expect(placementNote(p)).toContain("ikke laget av RST-verktøy");
  });

  it("writes beside our sheet once the user has typed into it", () => {
    const entries = recordOwned([], "Årlig melding 2025", REPORT);
    const typed = REPORT.map((r) => [...r]);
    typed[3][1] = "min tekst";
    const p = placeSheet(
      "Årlig melding 2025",
      [sheet("Årlig melding 2025", typed), sheet("Årlig melding 2025 (2)", [["x"]])],
      entries,
    );
    expect(p).toMatchObject({ action: "beside", sheet: "Årlig melding 2025 (3)", reason: "changed" });
    expect(placementNote(p)).toContain("endret siden");
  });

  it("re-uses our own unchanged «(2)» from an earlier run beside the user's sheet", () => {
    const entries = recordOwned([], "Årlig melding 2025 (2)", REPORT);
    const p = placeSheet(
      "Årlig melding 2025",
      [sheet("Årlig melding 2025", [["register"]]), sheet("Årlig melding 2025 (2)", REPORT)],
      entries,
    );
    expect(p).toMatchObject({ action: "beside", sheet: "Årlig melding 2025 (2)", replace: true });
  });
});

describe("besideName", () => {
  it("keeps within Excel's 31 characters", () => {
    const long = "Avstemming mot handlingsplanen 2026"; // 35
    const name = besideName(long.slice(0, 31), [long.slice(0, 31)]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});
