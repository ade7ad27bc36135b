import { describe, expect, it } from "vitest";
import { budgetLine, keepNumbersTogether } from "../../src/taskpane/rst/budget";

const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("budgetLine", () => {
  it("states the Vestfold 2026 overspend against what was carried in", () => {
    const b = budgetLine(6_710_000, 1_810_030, 2026);
    expect(plain(b.text)).toBe("6 710 000 kr av 1 810 030 kr tilgjengelig — 4 899 970 kr over");
    expect(b.over).toBe(true);
    expect(b.ratio).toBe(1);
  });

  it("says what is left when within budget", () => {
    const b = budgetLine(7_950_000, 9_760_030, 2025);
    expect(plain(b.text)).toBe("7 950 000 kr av 9 760 030 kr tilgjengelig — 1 810 030 kr igjen");
    expect(b.over).toBe(false);
    expect(b.ratio).toBeCloseTo(7_950_000 / 9_760_030, 9);
  });

  it("says the grant is not registered when available is unknown", () => {
    const b = budgetLine(6_710_000, null, 2026);
    expect(plain(b.text)).toBe("6 710 000 kr — tildeling for 2026 ikke registrert");
    expect(b.ratio).toBeNull();
  });
});

describe("keepNumbersTogether", () => {
  it("joins thousands groups with non-breaking spaces, not the words around them", () => {
    expect(keepNumbersTogether("planen er 4 899 970 kr over i 2026")).toBe(
      "planen er 4\u00a0899\u00a0970 kr over i 2026",
    );
    expect(keepNumbersTogether("for 2026 ikke")).toBe("for 2026 ikke");
  });
});
