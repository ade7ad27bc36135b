import { afterEach, describe, expect, it } from "vitest";
import { installFakeOffice } from "../../src/excel/fake";
import {
  savedLiveChecks,
  savedMapping,
  savedOptions,
  SETTING_LIVE,
  SETTING_MAPPING,
} from "../../src/excel/office-port";

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

/** A document whose settings were written by someone else (another version, add-in or a hand edit). */
function documentWith(settings: Record<string, unknown>) {
  installFakeOffice(g, { sheets: [{ name: "Ark1", cells: [] }], settings });
}

describe("document settings read back in the task pane", () => {
  it("keeps a valid mapping, upper-casing the letters", () => {
    documentWith({ [SETTING_MAPPING]: { nr: "a", tiltak: "C", frist: "xfd", ansvar: "AB" } });
    expect(savedMapping()).toEqual({ nr: "A", tiltak: "C", frist: "XFD", ansvar: "AB" });
    expect(savedOptions()).toEqual({ mapping: { nr: "A", tiltak: "C", frist: "XFD", ansvar: "AB" } });
  });

  it("drops entries with an unknown key or letters that are not a column, keeps the rest", () => {
    documentWith({
      [SETTING_MAPPING]: {
        nr: "A",
        frist: "E1",
        okonomi: "",
        ansvar: "ABCD",
        maal: "XFE", // right of Excel's last column
        area: 2,
        tiltak: null,
        kolonne: "B", // not a plan column
      },
    });
    expect(savedMapping()).toEqual({ nr: "A" });
  });

  it.each([
    ["a list", ["A", "B"]],
    ["a string", "nr=A"],
    ["a number", 3],
    ["true", true],
  ])("a mapping that is %s is no mapping", (_label, value) => {
    documentWith({ [SETTING_MAPPING]: value });
    expect(savedMapping()).toEqual({});
    expect(savedOptions()).toEqual({});
  });

  it("no setting: no mapping, live checks off", () => {
    documentWith({});
    expect(savedMapping()).toEqual({});
    expect(savedLiveChecks()).toBe(false);
  });

  it.each([
    [true, true],
    [false, false],
    ["true", false],
    [1, false],
    [{ on: true }, false],
  ])("live checks stored as %j → %s", (value, expected) => {
    documentWith({ [SETTING_LIVE]: value });
    expect(savedLiveChecks()).toBe(expected);
  });
});
