import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { axisLabel, layoutBars, niceTicks } from "../../src/taskpane/rst/chart-model";

// The Vestfold ledger: 2024 granted 7 000 030, allocated 4 200 000; 2025 granted 6 960 000,
// allocated 7 950 000, carried out 1 810 030; and a negative carry of −250 000 (an overspend advanced).
const groups = [
  { label: "2024", values: [7_000_030, 4_200_000, 2_800_030] },
  { label: "2025", values: [6_960_000, 7_950_000, 1_810_030] },
  { label: "2026", values: [null, 6_710_000, -250_000] },
];
const box = { left: 56, top: 30, width: 256, height: 150 };

describe("niceTicks", () => {
  it("covers the ledger's range with round steps and includes zero", () => {
    const ticks = niceTicks(-250_000, 7_950_000);
    expect(ticks[0]).toBeLessThanOrEqual(-250_000);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(7_950_000);
    expect(ticks).toContain(0);
    expect(ticks).toEqual([-2_500_000, 0, 2_500_000, 5_000_000, 7_500_000, 10_000_000]);
  });

  it("always brackets [min, max] with 0 among evenly spaced ticks", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const t = niceTicks(min, max);
        expect(t[0]).toBeLessThanOrEqual(Math.min(0, min));
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(Math.max(0, max));
        expect(t).toContain(0);
        expect(t.length).toBeLessThanOrEqual(12);
        const step = t[1] - t[0];
        for (let i = 1; i < t.length; i++) expect(t[i] - t[i - 1]).toBeCloseTo(step, 3);
      }),
    );
  });
});

describe("axisLabel", () => {
  it("writes Norwegian compact amounts", () => {
    expect(axisLabel(0)).toBe("0");
    expect(axisLabel(2_500_000)).toBe("2,5 mill");
    expect(axisLabel(-2_500_000)).toBe("-2,5 mill");
    expect(axisLabel(10_000_000)).toBe("10 mill");
    expect(axisLabel(800_000)).toBe("800 k");
  });
});

describe("layoutBars", () => {
  const layout = layoutBars(groups, 3, box);

  it("draws one bar per known value; an unknown grant has no bar", () => {
    expect(layout.bars).toHaveLength(8);
    expect(layout.bars.some((b) => b.group === 2 && b.series === 0)).toBe(false);
  });

  it("hangs a negative carry below the zero line and positives above it", () => {
    const neg = layout.bars.find((b) => b.value === -250_000)!;
    expect(neg.y).toBeCloseTo(layout.zeroY, 6);
    expect(neg.height).toBeGreaterThan(0);
    for (const b of layout.bars.filter((x) => x.value > 0))
      expect(b.y + b.height).toBeCloseTo(layout.zeroY, 6);
  });

  it("scales heights in proportion to the amounts and stays inside the box", () => {
    const granted2024 = layout.bars.find((b) => b.value === 7_000_030)!;
    const allocated2024 = layout.bars.find((b) => b.value === 4_200_000)!;
    expect(granted2024.height / allocated2024.height).toBeCloseTo(7_000_030 / 4_200_000, 6);
    for (const b of layout.bars) {
      expect(b.x).toBeGreaterThanOrEqual(box.left);
      expect(b.x + b.width).toBeLessThanOrEqual(box.left + box.width);
      expect(b.y).toBeGreaterThanOrEqual(box.top - 1e-9);
      expect(b.y + b.height).toBeLessThanOrEqual(box.top + box.height + 1e-9);
    }
  });
});
