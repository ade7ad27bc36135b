import { describe, expect, it } from "vitest";
import { gridFromValues, MergeIndex } from "../../../src/core/grid";
import { applyMapping, findHeaderRow, headerKey, yearFromHeader } from "../../../src/core/plan/headers";

describe("headerKey", () => {
  it.each([
    ["Nr", "nr"],
    ["Nr.", "nr"],
    ["NUMMER", "nr"],
    ["ID", "nr"],
    ["Satsningsområde", "area"],
    ["Satsingsområde", "area"],
    ["Innsatsområde", "area"],
    ["Område", "area"],
    ["Satsnings-\nområde", "area"],
    ["Tiltak", "tiltak"],
    ["Tiltak 2026", "tiltak"],
    ["tiltak  2027", "tiltak"],
    ["Mål", "maal"],
    ["Gjennomføres 2026 (mål)", "maal"],
    ["Mål for 2027", "maal"],
    ["Delmål", "maal"],
    ["Aktivitet", "maal"],
    ["Frist", "frist"],
    ["Tidsfrist", "frist"],
    ["Når", "frist"],
    ["Økonomi", "okonomi"],
    ["okonomi", "okonomi"],
    ["Finansiering", "okonomi"],
    ["Budsjett", "okonomi"],
    ["Kostnad", "okonomi"],
    ["Ansvar", "ansvar"],
    ["Ansvarlig", "ansvar"],
  ])("%j → %s", (text, key) => {
    expect(headerKey(text)).toBe(key);
  });
  it.each(["", "Kommentar", "Status", "Post/Tiltak", "Beløp", "Tiltakseier"])(
    "%j is not a plan column",
    (text) => {
      expect(headerKey(text)).toBeUndefined();
    },
  );
});

describe("findHeaderRow", () => {
  it("finds the header below a title and note, keeping extra columns out", () => {
    const g = gridFromValues("Ark1", [
      ["Handlingsplan 2026"],
      ["Merknad"],
      ["Nr.", "Kommentar", "TILTAK 2026", "Delmål", "Tidsfrist", "Budsjett", "Ansvarlig"],
    ]);
    const h = findHeaderRow(g, new MergeIndex(g))!;
    expect(h.row).toBe(2);
    expect(h.columns).toEqual({ nr: 0, tiltak: 2, maal: 3, frist: 4, okonomi: 5, ansvar: 6 });
    expect(h.names.tiltak).toBe("TILTAK 2026");
  });
  it("needs Nr, Tiltak and Frist", () => {
    const g = gridFromValues("Ark1", [["Nr", "Tiltak", "Mål"]]);
    expect(findHeaderRow(g, new MergeIndex(g))).toBeUndefined();
  });
  it("only looks at the first 20 rows", () => {
    const rows = Array.from({ length: 20 }, () => ["x"]);
    const g = gridFromValues("Ark1", [...rows, ["Nr", "Tiltak", "Frist"]]);
    expect(findHeaderRow(g, new MergeIndex(g))).toBeUndefined();
  });
});

describe("applyMapping", () => {
  it("the user's letters override detection, and take the column from any other key", () => {
    const g = gridFromValues("Ark1", [
      ["Nr", "Tiltak", "Frist", "Hva"],
      ["1", "a", "2026", "b"],
    ]);
    const m = new MergeIndex(g);
    const h = applyMapping(g, findHeaderRow(g, m), { maal: "D", frist: "b" }, m);
    expect(h.columns).toEqual({ nr: 0, frist: 1, maal: 3 });
    expect(h.names.maal).toBe("Hva");
    expect(h.row).toBe(0);
  });
  it("without a recognisable header, the header row is the one above the first id", () => {
    const g = gridFromValues("Ark1", [["Min plan"], ["A", "B", "C"], ["1.1", "x", "2026"]]);
    const h = applyMapping(g, undefined, { nr: "A", tiltak: "B", frist: "C" }, new MergeIndex(g));
    expect(h.row).toBe(1);
    expect(h.names).toEqual({ nr: "A", tiltak: "B", frist: "C" });
  });
});

describe("yearFromHeader", () => {
  it("reads the year from the Tiltak or Mål header, else the title", () => {
    const a = gridFromValues("A", [["Nr", "Tiltak 2027", "Frist"]]);
    expect(yearFromHeader(a, findHeaderRow(a)!)).toBe(2027);
    const b = gridFromValues("B", [["Nr", "Tiltak", "Mål for 2028", "Frist"]]);
    expect(yearFromHeader(b, findHeaderRow(b)!)).toBe(2028);
    const c = gridFromValues("C", [["Handlingsplan for helsefellesskapet 2029"], ["Nr", "Tiltak", "Frist"]]);
    expect(yearFromHeader(c, findHeaderRow(c)!)).toBe(2029);
    const d = gridFromValues("D", [["Oversikt"], ["Nr", "Tiltak", "Frist"]]);
    expect(yearFromHeader(d, findHeaderRow(d)!)).toBeNull();
  });
});
