/**
 * Layout of the cost-per-mission chart (pure, testable): the curve annual / missions, the
 * alternative's cost per patient as a horizontal line, and the break-even volume marked.
 */
import { perUnit } from "../../core/cost";
import { sensitivity, type SensitivityRange } from "../../core/cost-model";

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LineChartLayout {
  /** SVG path of the curve ("M x y L x y …"), through the points and sampled between them. */
  path: string;
  points: { missions: number; perMission: number; x: number; y: number }[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  alternativeY: number;
  breakEven: { missions: number; x: number; y: number } | null;
  xMax: number;
  yMax: number;
}

/** A round axis maximum at or above v: 1, 2, 2.5, 4 or 5 × a power of ten. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 4, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function layoutLineChart(
  annual: number,
  alternative: number,
  breakEven: number | null,
  range: SensitivityRange,
  box: Box,
): LineChartLayout {
  const rows = sensitivity(annual, alternative, range);
  const data = rows.map((r) => ({ missions: r.missions, perMission: r.perMission }));
  // Extend the curve to the break-even volume when it lies left of the table's first row.
  if (breakEven !== null && breakEven > 0 && breakEven < range.from)
    data.unshift({ missions: breakEven, perMission: perUnit(annual, breakEven) });
  const xMax = niceMax(range.to);
  const highest = Math.max(alternative, ...data.map((d) => d.perMission));
  const yMax = niceMax(highest * 1.05);
  const x = (m: number) => box.left + (Math.min(m, xMax) / xMax) * box.width;
  const y = (v: number) => box.top + box.height - (Math.min(Math.max(v, 0), yMax) / yMax) * box.height;
  const points = data.map((d) => ({ ...d, x: round(x(d.missions)), y: round(y(d.perMission)) }));
  // annual / missions is a hyperbola: drawn through the table's rows alone it kinks at 100 and 200
  // and misses the true cost between them, so the path samples it every 2 px between the rows.
  const curve: { x: number; y: number }[] = [];
  points.forEach((p, i) => {
    const next = points[i + 1];
    curve.push(p);
    if (!next) return;
    const steps = Math.floor((next.x - p.x) / 2);
    for (let k = 1; k < steps; k++) {
      const m = p.missions + ((next.missions - p.missions) * k) / steps;
      curve.push({ x: round(x(m)), y: round(y(perUnit(annual, m))) });
    }
  });
  const path = curve.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
  const xStep = xMax / 5;
  const yStep = yMax / 4;
  return {
    path,
    points,
    xTicks: Array.from({ length: 6 }, (_, i) => ({ value: i * xStep, x: round(x(i * xStep)) })),
    yTicks: Array.from({ length: 5 }, (_, i) => ({ value: i * yStep, y: round(y(i * yStep)) })),
    alternativeY: round(y(alternative)),
    breakEven:
      breakEven !== null && breakEven > 0 && breakEven <= xMax
        ? { missions: breakEven, x: round(x(breakEven)), y: round(y(perUnit(annual, breakEven))) }
        : null,
    xMax,
    yMax,
  };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Rough width of a label at the chart's 10 px font: enough to keep labels apart. */
export const labelWidth = (text: string) => text.length * 5.6;

export interface LabelPlacement {
  breakEven: { x: number; y: number; anchor: "start" | "end" } | null;
  alternative: { x: number; y: number; anchor: "end" };
}

/**
 * Where the break-even and alternative labels go. Right of the break-even the curve runs below the
 * alternative's line, so the break-even label sits above the line there (flipped left of the dot
 * near the right edge). The alternative's label sits above its line at the right end, or below it
 * when the break-even label would overlap it.
 */
export function placeLabels(
  layout: Pick<LineChartLayout, "breakEven" | "alternativeY">,
  box: Box,
  breakEvenText: string,
  alternativeText: string,
): LabelPlacement {
  const right = box.left + box.width;
  const above = layout.alternativeY - 5;
  const altWidth = labelWidth(alternativeText);
  const be = layout.breakEven;
  if (!be) return { breakEven: null, alternative: { x: right, y: above, anchor: "end" } };
  const width = labelWidth(breakEvenText);
  const flip = be.x + 6 + width > right;
  const span = flip ? [be.x - 6 - width, be.x - 6] : [be.x + 6, be.x + 6 + width];
  const clash = span[1] + 8 > right - altWidth && span[0] < right;
  return {
    breakEven: { x: flip ? be.x - 6 : be.x + 6, y: above, anchor: flip ? "end" : "start" },
    alternative: { x: right, y: clash ? layout.alternativeY + 13 : above, anchor: "end" },
  };
}
