import { describe, expect, it } from "vitest";
import { compactKey, firstYear, normalizeText, sameKey, squash } from "../../../src/core/text";

describe("text normalising", () => {
  it("folds case, accents and Norwegian letters", () => {
    expect(normalizeText("  ØKONOMI  ")).toBe("okonomi");
    expect(normalizeText("Satsingsområde")).toBe("satsingsomrade");
    expect(normalizeText("Kafé Ærlig")).toBe("kafe aerlig");
  });
  it("re-joins words hyphenated across lines and drops soft hyphens", () => {
    expect(normalizeText("Satsnings-\nområde")).toBe("satsningsomrade");
    expect(normalizeText("Satsnings\u00ADområde")).toBe("satsningsomrade");
    expect(compactKey("Satsnings- område")).toBe("satsningsomrade");
  });
  it("compactKey drops spaces and punctuation", () => {
    expect(compactKey("Nr.")).toBe("nr");
    expect(compactKey("Gjennomføres (mål)")).toBe("gjennomforesmal");
    expect(sameKey("Tilskudd RST", "tilskudd-rst")).toBe(true);
    expect(sameKey("RST", "RTS")).toBe(false);
  });
  it("squash collapses whitespace", () => {
    expect(squash(" a \n  b\t")).toBe("a b");
  });
  it("firstYear finds a standalone four-digit year", () => {
    expect(firstYear("Tiltak 2026")).toBe(2026);
    expect(firstYear("Mål for 2027")).toBe(2027);
    expect(firstYear("12026 og 410 000")).toBeNull();
    expect(firstYear("ingen")).toBeNull();
  });
});
