import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/core/grid";
import {
  duplicateColumns,
  guessMapping,
  missingRequired,
  sheetColumns,
} from "../../src/taskpane/kontroll/mapping";

describe("sheetColumns", () => {
  it("labels columns from the fullest top row, not the title, shortened", () => {
    const grid = gridFromValues("Plan", [
      ["Handlingsplan for helsefellesskapet 2026", null, null, null],
      ["Id", "Hva skal gjøres i 2026 og hvem har ansvaret for det", null, "Når"],
      ["1.1.1", "UngArena+", "410 000 kr", "2026"],
    ]);
    expect(sheetColumns(grid, 2)).toEqual([
      { letters: "A", label: "A – Id" },
      { letters: "B", label: "B – Hva skal gjøres i 2026 og hvem…" },
      { letters: "C", label: "C" },
      { letters: "D", label: "D – Når" },
    ]);
    // With the data row in reach, it is the fullest row: C gets a label from it.
    expect(sheetColumns(grid).map((c) => c.label)[2]).toBe("C – 410 000 kr");
  });
});

describe("mapping checks", () => {
  it("names the required columns that are missing, and letters chosen twice", () => {
    expect(missingRequired({ nr: "A" })).toEqual(["Tiltak", "Frist"]);
    expect(missingRequired({ nr: "A", tiltak: "C", frist: "E" })).toEqual([]);
    expect(duplicateColumns({ nr: "A", tiltak: "A", frist: "E" })).toEqual(["A"]);
  });
});

describe("guessMapping", () => {
  it("prefills the columns whose headers are recognised and leaves the unknown one open", () => {
    const grid = gridFromValues("Handlingsplan 2026", [
      ["Handlingsplan for helsefellesskapet 2026"],
      ["Nr", "Satsningsområde", "Tiltak 2026", "Gjennomføres 2026 (mål)", "Tidspunkt", "Økonomi", "Ansvar"],
      ["1.1.1", "UngArena+", "1.1 Kontinuere drift", "Videreutvikle", "2026", "410 000 kr", ""],
    ]);
    const m = guessMapping(grid);
    expect(m).toMatchObject({ nr: "A", area: "B", tiltak: "C", okonomi: "F", ansvar: "G" });
    expect(m.frist).toBeUndefined();
    expect(missingRequired(m)).toEqual(["Frist"]);
  });
});
