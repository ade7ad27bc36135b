/** Geometry for the grouped bar chart, kept pure so it can be unit-tested. */

export interface Series {
  key: string;
  label: string;
  color: string;
}

export interface ChartGroup {
  label: string; // the year
  values: (number | null)[]; // one per series; null = unknown (no bar)
}

/** Round, readable ticks covering [min, max] including 0 (step 1, 2, 2.5 or 5 × 10^k). */
export function niceTicks(min: number, max: number, target = 4): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (lo === hi) return [0, 1];
  const raw = (hi - lo) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 1e6; i++) ticks.push(round(first + i * step));
  return ticks;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6 || 0; // also turns -0 into 0
}

/** Compact Norwegian axis label: 2 500 000 → "2,5 mill", 800 000 → "800 k", -1 000 000 → "-1 mill". */
export function axisLabel(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  const fmt = (v: number) => String(Math.round(v * 100) / 100).replace(".", ",");
  if (abs >= 1_000_000) return `${sign}${fmt(abs / 1_000_000)} mill`;
  if (abs >= 1_000) return `${sign}${fmt(abs / 1_000)} k`;
  return `${sign}${fmt(abs)}`;
}

export interface Bar {
  group: number;
  series: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface Layout {
  ticks: { value: number; y: number }[];
  zeroY: number;
  bars: Bar[];
  groupCenters: number[];
}

/** Bars from value to the zero line: positive values above it, negative below. */
export function layoutBars(
  groups: ChartGroup[],
  seriesCount: number,
  box: { left: number; top: number; width: number; height: number },
): Layout {
  const all = groups.flatMap((g) => g.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const yOf = (v: number) => box.top + ((hi - v) / (hi - lo)) * box.height;
  const zeroY = yOf(0);
  const groupWidth = groups.length > 0 ? box.width / groups.length : box.width;
  const inner = groupWidth * 0.8;
  const barWidth = inner / Math.max(1, seriesCount);
  const bars: Bar[] = [];
  const groupCenters: number[] = [];
  groups.forEach((g, gi) => {
    const start = box.left + gi * groupWidth + (groupWidth - inner) / 2;
    groupCenters.push(box.left + gi * groupWidth + groupWidth / 2);
    g.values.forEach((v, si) => {
      if (v === null) return;
      const y = yOf(v);
      bars.push({
        group: gi,
        series: si,
        x: start + si * barWidth,
        y: Math.min(y, zeroY),
        width: Math.max(1, barWidth - 1),
        height: Math.abs(zeroY - y),
        value: v,
      });
    });
  });
  return { ticks: ticks.map((value) => ({ value, y: yOf(value) })), zeroY, bars, groupCenters };
}
