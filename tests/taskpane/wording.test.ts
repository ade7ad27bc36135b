import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/melding";
import type { Problem } from "../../src/core/problems";
import { cardMessage } from "../../src/taskpane/kontroll/ProblemList";
import { downloadsBlocked, withoutCliHints } from "../../src/taskpane/melding/MeldingTab";

describe("pane wording", () => {
  it("a problem card shows the cell address once", () => {
    const p = {
      cell: "G4",
      message: "G4: Ansvar mangler for tiltak 1.1.1. Skriv hvem som har ansvaret.",
    } as Problem;
    expect(cardMessage(p)).toBe("Ansvar mangler for tiltak 1.1.1. Skriv hvem som har ansvaret.");
    expect(cardMessage({ cell: "", message: "Fant ikke kolonnen «Frist»." } as Problem)).toBe(
      "Fant ikke kolonnen «Frist».",
    );
    expect(cardMessage({ cell: "G5", message: "G4: annet" } as Problem)).toBe("G4: annet");
  });

  it("no command-line flags in the pane (core's messages are shared with the CLI)", () => {
    // the real message of a workbook without the register sheet
    const r = buildReport({ sheets: [] }, { year: 2025, sheet: "Register" });
    const msg = [...r.problems.map((p) => p.message)].find((m) => m.includes("--sheet"));
    expect(msg).toBeDefined();
    expect(withoutCliHints(msg!)).not.toContain("--");
    expect(withoutCliHints(msg!)).toMatch(/\.$/);
    expect(withoutCliHints("Ingen flagg her, eller noe annet.")).toBe("Ingen flagg her, eller noe annet.");
  });

  it("Excel for Mac's webview cannot download (office-js#2700); browsers on a Mac can", () => {
    const wkwebview =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
    expect(downloadsBlocked(wkwebview)).toBe(true);
    expect(downloadsBlocked(`${wkwebview} Chrome/126.0 Safari/537.36`)).toBe(false);
    expect(downloadsBlocked("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/126.0")).toBe(false);
    // Excel on the web in Safari on a Mac downloads fine
    expect(downloadsBlocked(`${wkwebview} Version/17.4 Safari/605.1.15`)).toBe(false);
  });
});
