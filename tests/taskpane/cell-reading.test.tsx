/** «Slik ble cellen lest»: the Kontroll tab's reading of one plan row, rendered from core's explanation. */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { validatePlanGrid } from "../../src/core/plan";
import { CellReading } from "../../src/taskpane/kontroll/CellReading";
import { measure, smallPlan } from "../core/plan/helpers";

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");

function rowReading(okonomi: string, frist = "3.kvartal 2026") {
  const res = validatePlanGrid(smallPlan([measure("1.1.1", { okonomi, frist })]), {
    year: 2026,
    explain: true,
  });
  const row = res.explanation?.find((r) => r.nr === "1.1.1");
  if (!row) throw new Error("no explanation for 1.1.1");
  return row;
}

describe("CellReading", () => {
  it("lists each amount with year, source, whether it counts and its words, and the frist as dates", () => {
    const html = norm(
      renderToStaticMarkup(
        <CellReading
          explanation={rowReading(
            "410 000 kr prosjektleder. Evt finansiering 2027: 550 000 kr prosjektleder hvis beslutning om spredning",
          )}
        />,
      ),
    );
    expect(html).toContain("Slik ble cellen lest (rad 2, 1.1.1)");
    expect(html).toContain("01.07.2026–30.09.2026");
    expect(html).toContain("Teller for 2026");
    expect(html).toMatch(/410 000 kr<\/td>.*alle år utenom 2027.*RST.*ja.*«410 000 kr prosjektleder\.»/);
    expect(html).toMatch(/550 000 kr<\/td>.*2027.*nei, gjelder et annet år/);
    expect(html).toContain("RST for 2026: 410 000 kr");
  });

  it("a number typed in Økonomi is RST money of the plan year, and says so", () => {
    const res = validatePlanGrid(smallPlan([measure("1.1.1", { okonomi: 250000 })]), {
      year: 2026,
      explain: true,
    });
    const html = norm(renderToStaticMarkup(<CellReading explanation={res.explanation![0]} />));
    expect(html).toContain("planåret 2026 (tall i cellen)");
    expect(html).toContain("RST for 2026: 250 000 kr");
  });

  it("says why nothing was read, quoting the word", () => {
    const html = norm(
      renderToStaticMarkup(<CellReading explanation={rowReading("200 000 kr og 500k til møter")} />),
    );
    expect(html).toContain("ingen beløp lest");
    expect(html).toContain("«500k»");
    expect(html).not.toContain("RST for 2026");
  });

  it("shows money shared by several years as uncertain for the plan year", () => {
    const html = norm(
      renderToStaticMarkup(<CellReading explanation={rowReading("Sum bevilget 2026 og 2027: 3 800 040")} />),
    );
    expect(html).toContain("2026 og 2027 samlet");
    expect(html).toContain("usikkert, delt med andre år");
    expect(html).toContain("RST for 2026: 0 kr");
  });
});
