import * as React from "react";
import { formatNok } from "../../core/amount";
import type { SensitivityRange } from "../../core/cost-model";
import { layoutLineChart, placeLabels } from "./line-chart-model";

interface Props {
  annual: number;
  alternative: number;
  breakEven: number | null;
  range: SensitivityRange;
}

const W = 320;
const H = 220;
const BOX = { left: 52, top: 14, width: W - 52 - 12, height: 150 };
const CURVE = "#0f6cbd";
const ALT = "#c50f1f";

/** Cost per mission against missions a year, with the alternative's cost and the break-even marked. Plain SVG. */
export function LineChart({ annual, alternative, breakEven, range }: Props) {
  const layout = layoutLineChart(annual, alternative, breakEven, range, BOX);
  const titleId = React.useId();
  const last = layout.points[layout.points.length - 1];
  const summary =
    `Kostnad per oppdrag faller fra ${formatNok(Math.round(layout.points[0]?.perMission ?? 0))} kr ved ${formatNok(layout.points[0]?.missions ?? 0)} oppdrag ` +
    `til ${formatNok(Math.round(last?.perMission ?? 0))} kr ved ${formatNok(last?.missions ?? 0)} oppdrag i året. ` +
    `Alternativet koster ${formatNok(alternative)} kr per pasient` +
    (breakEven !== null
      ? `; ambulant røntgen er billigere fra ${formatNok(breakEven)} oppdrag i året.`
      : ".");
  const bottom = BOX.top + BOX.height;
  const alternativeText = `Alternativ ${formatNok(alternative)} kr`;
  const breakEvenText = layout.breakEven ? `Balansepunkt ${formatNok(layout.breakEven.missions)}` : "";
  const labels = placeLabels(layout, BOX, breakEvenText, alternativeText);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={summary}
      style={{ display: "block", maxWidth: 480, fontFamily: "inherit" }}
      data-testid="cost-chart"
    >
      <title id={titleId}>{summary}</title>
      {layout.yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line x1={BOX.left} x2={BOX.left + BOX.width} y1={t.y} y2={t.y} stroke="#e0e0e0" strokeWidth="1" />
          <text x={BOX.left - 4} y={t.y + 3.5} textAnchor="end" fontSize="10" fill="#616161">
            {formatNok(t.value)}
          </text>
        </g>
      ))}
      {layout.xTicks.map((t) => (
        <text key={`x${t.value}`} x={t.x} y={bottom + 13} textAnchor="middle" fontSize="10" fill="#616161">
          {formatNok(t.value)}
        </text>
      ))}
      <line
        x1={BOX.left}
        x2={BOX.left + BOX.width}
        y1={bottom}
        y2={bottom}
        stroke="#616161"
        strokeWidth="1"
      />
      <line x1={BOX.left} x2={BOX.left} y1={BOX.top} y2={bottom} stroke="#616161" strokeWidth="1" />
      <text x={BOX.left + BOX.width / 2} y={bottom + 28} textAnchor="middle" fontSize="10" fill="#424242">
        Oppdrag per år
      </text>
      <text
        transform={`translate(10 ${BOX.top + BOX.height / 2}) rotate(-90)`}
        textAnchor="middle"
        fontSize="10"
        fill="#424242"
      >
        Kostnad per oppdrag (kr)
      </text>
      {/* the alternative: same examination at the hospital */}
      <line
        x1={BOX.left}
        x2={BOX.left + BOX.width}
        y1={layout.alternativeY}
        y2={layout.alternativeY}
        stroke={ALT}
        strokeWidth="1.5"
        strokeDasharray="5 3"
        data-testid="cost-chart-alternative"
      />
      <text
        x={labels.alternative.x}
        y={labels.alternative.y}
        textAnchor={labels.alternative.anchor}
        fontSize="10"
        fill={ALT}
      >
        {alternativeText}
      </text>
      <path d={layout.path} fill="none" stroke={CURVE} strokeWidth="2" data-testid="cost-chart-curve" />
      {layout.breakEven && labels.breakEven && (
        <g data-testid="cost-chart-breakeven">
          <line
            x1={layout.breakEven.x}
            x2={layout.breakEven.x}
            y1={layout.breakEven.y}
            y2={bottom}
            stroke="#424242"
            strokeDasharray="2 2"
          />
          <circle cx={layout.breakEven.x} cy={layout.breakEven.y} r="3.5" fill="#424242" />
          <text
            x={labels.breakEven.x}
            y={labels.breakEven.y}
            textAnchor={labels.breakEven.anchor}
            fontSize="10"
            fill="#242424"
          >
            {breakEvenText}
          </text>
        </g>
      )}
      <g fontSize="10">
        <line x1={BOX.left} x2={BOX.left + 16} y1={H - 8} y2={H - 8} stroke={CURVE} strokeWidth="2" />
        <text x={BOX.left + 20} y={H - 5} fill="#424242">
          Ambulant røntgen
        </text>
        <line
          x1={BOX.left + 130}
          x2={BOX.left + 146}
          y1={H - 8}
          y2={H - 8}
          stroke={ALT}
          strokeWidth="1.5"
          strokeDasharray="5 3"
        />
        <text x={BOX.left + 150} y={H - 5} fill="#424242">
          Sykehuset
        </text>
      </g>
    </svg>
  );
}
