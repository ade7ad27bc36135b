import * as React from "react";
import { renderToStaticMarkup as renderHtml } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RANGE, costModelTemplate } from "../../src/core/cost-model";
import { installFakeOffice } from "../../src/excel/fake";
import { CostTab } from "../../src/taskpane/cost/CostTab";
import { LineChart } from "../../src/taskpane/cost/LineChart";
import { layoutLineChart, niceMax } from "../../src/taskpane/cost/line-chart-model";
import { costSheetName, insertCellSheet } from "../../src/excel/office-port";
import { plain } from "../plain";

/** Rendered HTML with amounts in plain spelling (the pane writes U+00A0 and U+2212). */
const renderToStaticMarkup = (el: React.ReactElement) => plain(renderHtml(el));

const BOX = { left: 50, top: 10, width: 250, height: 150 };

describe("layoutLineChart", () => {
  const l = layoutLineChart(1_194_000, 30_000, 40, DEFAULT_RANGE, BOX);
  it("starts the curve at the break-even volume and falls from there", () => {
    expect(l.points[0].missions).toBe(40);
    expect(l.points.map((p) => p.missions).slice(1)).toEqual([
      100, 200, 300, 400, 500, 600, 700, 800, 900, 1000,
    ]);
    for (let i = 1; i < l.points.length; i++) expect(l.points[i].y).toBeGreaterThan(l.points[i - 1].y); // lower cost is further down
    expect(l.path.startsWith(`M${l.points[0].x} ${l.points[0].y} L`)).toBe(true);
  });
  it("marks break-even at 40 of 1 000 missions, just under the 30 000 line", () => {
    expect(l.xMax).toBe(1000);
    expect(l.breakEven?.x).toBe(BOX.left + 10);
    expect(l.yMax).toBe(40_000);
    expect(l.alternativeY).toBe(BOX.top + BOX.height - (30_000 / 40_000) * BOX.height);
    expect(l.breakEven!.y).toBeGreaterThanOrEqual(l.alternativeY);
  });
  it("rounds axis maxima", () => {
    expect([niceMax(950), niceMax(1000), niceMax(31_500), niceMax(0)]).toEqual([1000, 1000, 40_000, 1]);
  });
});

describe("LineChart", () => {
  it("is an accessible image with axis labels, the alternative line and the break-even", () => {
    const html = renderToStaticMarkup(
      <LineChart annual={1_194_000} alternative={30_000} breakEven={40} range={DEFAULT_RANGE} />,
    );
    expect(html).toContain('role="img"');
    expect(html).toMatch(
      /aria-label="Kostnad per oppdrag faller fra 29 850 kr ved 40 oppdrag til 1 194 kr ved 1 000 oppdrag i året\. Alternativet koster 30 000 kr per pasient; ambulant røntgen er billigere fra 40 oppdrag i året\."/,
    );
    expect(html).toContain("<title");
    expect(html).toContain("Oppdrag per år");
    expect(html).toContain("Kostnad per oppdrag (kr)");
    expect(html).toContain('data-testid="cost-chart-alternative"');
    expect(html).toContain("Balansepunkt 40");
  });
});

describe("CostTab (static render)", () => {
  it("shows the chosen scenario's key figures, the sensitivity table and the sharing hint", () => {
    const html = renderToStaticMarkup(
      <CostTab
        port={{
          sheetName: async () => ({ taken: false, freeName: "x" }),
          insertSheet: async () => ({ sheet: "x" }),
        }}
      />,
    );
    expect(html).toContain("1 194 000 kr");
    expect(html).toContain("3 142 kr");
    expect(html).toContain("40 oppdrag");
    expect(html).toContain("Sett inn kostnadsmodell");
    expect(html).toContain("11 940");
    expect(html).toContain(
      "Fyll inn innbyggertall for Færder, Holmestrand, Horten, Larvik, Sandefjord, Tønsberg.",
    );
    // the visible label «Innbyggere» starts the field's name «Innbyggere i Tønsberg»
    expect(html).toMatch(
      /<label for="sharing-population-5"[^>]*>Innbyggere<span[^>]*> i Tønsberg<\/span><\/label>/,
    );
    expect(html).toContain("808 995 kr");
    expect(html).toContain("108 995 kr");
  });
});

describe("the pane's Excel actions against the fake host", () => {
  const g = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });
  it("inserts the chosen scenario as a new sheet and then reports the name as taken", async () => {
    const fake = installFakeOffice(g, { sheets: [{ name: "Handlingsplan", cells: [["Nr"]] }] });
    expect(await costSheetName("Kostnadsmodell")).toEqual({ taken: false, freeName: "Kostnadsmodell" });
    const insertCostModel = (scenario: "2018" | "2024") => insertCellSheet(costModelTemplate({ scenario }));
    const res = await insertCostModel("2018");
    expect(res.sheet).toBe("Kostnadsmodell");
    const t = costModelTemplate({ scenario: "2018" });
    expect(fake.getValue("Kostnadsmodell", t.refs.selector)).toBe("2018/19-nivå");
    expect(fake.getFormula("Kostnadsmodell", t.refs.results["2018"].annual)).toBe(
      "=COST.ANNUAL(C5,C6:C7,C8:C9,C10:C13)",
    );
    expect(fake.getActiveSheet()).toBe("Kostnadsmodell");
    expect(await costSheetName("Kostnadsmodell")).toEqual({ taken: true, freeName: "Kostnadsmodell (2)" });
    expect((await insertCostModel("2024")).sheet).toBe("Kostnadsmodell (2)");
    expect(fake.sheetNames()).toEqual(["Handlingsplan", "Kostnadsmodell", "Kostnadsmodell (2)"]);
  });
});
