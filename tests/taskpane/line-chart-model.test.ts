import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RANGE } from "../../src/core/cost-model";
import { labelWidth, layoutLineChart, placeLabels } from "../../src/taskpane/cost/line-chart-model";

// The chart's own box (LineChart.tsx): 320 × 220 view box.
const BOX = { left: 52, top: 14, width: 256, height: 150 };
const right = BOX.left + BOX.width;

const pathPoints = (d: string) =>
  d
    .split(/[ML]/)
    .filter((s) => s.trim())
    .map((s) => s.trim().split(" ").map(Number) as [number, number]);

describe("layoutLineChart's curve", () => {
  it("follows annual / missions between the table's rows, not straight lines from row to row", () => {
    // Ambulant røntgen 2024-nivå: 1 194 000 kr a year, break-even 40 against 30 000 kr.
    const l = layoutLineChart(1_194_000, 30_000, 40, DEFAULT_RANGE, BOX);
    const pts = pathPoints(l.path);
    expect(pts[0]).toEqual([l.points[0].x, l.points[0].y]);
    expect(pts[pts.length - 1]).toEqual([l.points[l.points.length - 1].x, l.points[l.points.length - 1].y]);
    for (let i = 1; i < pts.length; i++) expect(pts[i][0] - pts[i - 1][0]).toBeLessThanOrEqual(2.6);
    // At 70 missions the cost is 17 057 kr; a straight line from 40 to 100 would say about 20 900.
    const x70 = BOX.left + (70 / 1000) * BOX.width;
    const near = pts.reduce((a, b) => (Math.abs(b[0] - x70) < Math.abs(a[0] - x70) ? b : a));
    const cost = ((BOX.top + BOX.height - near[1]) / BOX.height) * l.yMax;
    const missions = ((near[0] - BOX.left) / BOX.width) * l.xMax;
    expect(Math.abs(cost - 1_194_000 / missions)).toBeLessThan(150); // within a pixel's worth
  });
});

describe("placeLabels", () => {
  const alt = "Alternativ 30 000 kr";
  const spanOf = (x: number, anchor: "start" | "end", text: string) =>
    anchor === "start" ? [x, x + labelWidth(text)] : [x - labelWidth(text), x];

  it("puts the seed's break-even label above the line right of the dot, clear of the alternative's label", () => {
    const l = layoutLineChart(1_194_000, 30_000, 40, DEFAULT_RANGE, BOX);
    const p = placeLabels(l, BOX, "Balansepunkt 40", alt);
    expect(p.breakEven).toEqual({ x: l.breakEven!.x + 6, y: l.alternativeY - 5, anchor: "start" });
    expect(p.alternative).toEqual({ x: right, y: l.alternativeY - 5, anchor: "end" });
  });

  it("flips the break-even label left of the dot near the right edge", () => {
    const layout = { alternativeY: 50, breakEven: { missions: 950, x: right - 10, y: 51 } };
    const p = placeLabels(layout, BOX, "Balansepunkt 950", alt);
    expect(p.breakEven?.anchor).toBe("end");
    expect(p.breakEven!.x).toBe(right - 16);
  });

  it("never lets the two labels overlap on the same side of the line", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: BOX.width }), (dx) => {
        const layout = { alternativeY: 50, breakEven: { missions: dx, x: BOX.left + dx, y: 51 } };
        const text = "Balansepunkt 1 000";
        const p = placeLabels(layout, BOX, text, alt);
        const be = spanOf(p.breakEven!.x, p.breakEven!.anchor, text);
        const a = spanOf(p.alternative.x, p.alternative.anchor, alt);
        expect(be[0]).toBeGreaterThanOrEqual(0);
        expect(be[1]).toBeLessThanOrEqual(right);
        if (p.breakEven!.y === p.alternative.y) expect(be[1] <= a[0] || a[1] <= be[0]).toBe(true);
      }),
    );
  });

  it("keeps the alternative's label above its line when there is no break-even", () => {
    const p = placeLabels({ alternativeY: 40, breakEven: null }, BOX, "", alt);
    expect(p).toEqual({ breakEven: null, alternative: { x: right, y: 35, anchor: "end" } });
  });
});
