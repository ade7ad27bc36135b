/** Issue 14.5: readable messages (quoted text cut, advice once) and no recursion on input size. */
import { describe, expect, it } from "vitest";
import { renderTable, shortenQuotes } from "../../src/cli/table";
import { validatePlanGrid } from "../../src/core/plan";
import { reasonInMessage } from "../../src/core/plan/rules/reason";
import { measure, smallPlan } from "../core/plan/helpers";

describe("shortenQuotes", () => {
  it("cuts a huge quoted cell to 120 characters and «…»", () => {
    const huge = "x".repeat(100_000);
    const msg = shortenQuotes(`F2: Fant verken beløp eller finansieringskilde i «${huge}». Skriv beløpet.`);
    expect(msg.length).toBeLessThan(250);
    expect(msg).toContain(`«${"x".repeat(120)}…»`);
    expect(msg.endsWith("Skriv beløpet.")).toBe(true);
  });
  it("leaves ordinary messages alone", () => {
    const m = "E3: Fristen «32.13.2026» kan ikke leses.";
    expect(shortenQuotes(m)).toBe(m);
  });
});

describe("advice once", () => {
  it("the parser's own «Skriv …» and the repeated cell text are dropped from the reason", () => {
    expect(
      reasonInMessage(
        "Fant ikke noe kronebeløp i «mye penger». Skriv beløpet som for eksempel «410 000 kr».",
        "mye penger",
      ),
    ).toBe("Fant ikke noe kronebeløp");
  });
  it("in the Økonomi message the example appears once", () => {
    const res = validatePlanGrid(smallPlan([measure("1.1.1", { okonomi: "mye penger" })]), { year: 2026 });
    const msg = res.problems.find((p) => p.cell === "F2")!.message;
    expect(msg.split("410 000 kr").length - 1).toBe(1);
    expect(msg.split("«mye penger»").length - 1).toBe(1);
  });
});

describe("no recursion that depends on input size", () => {
  it("renders a table of 200 000 rows", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`A${i + 1}`, "Feil", "melding"]);
    const text = renderTable(["Celle", "Alvorlighet", "Melding"], rows);
    expect(text.split("\n")).toHaveLength(200_003);
  });
});
