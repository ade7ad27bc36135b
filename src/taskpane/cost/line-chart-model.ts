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
  /** SVG path of the curve ("M x y L x y …"). */
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
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" ");
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
