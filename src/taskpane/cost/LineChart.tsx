import * as React from "react";
import { tokens } from "@fluentui/react-components";
import { CHART_MIN_WIDTH, chartFont, useElementWidth } from "../ui";
import { formatNok } from "../../core/amount";
import { formatKr } from "../../core/format";
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
// Room on the left for 11 px axis labels and the axis title beside them.
const BOX = { left: 66, top: 14, width: W - 66 - 12, height: 150 };
const CURVE = "#0f6cbd";
const ALT = "#c50f1f";

/** Cost per mission against missions a year, with the alternative's cost and the break-even marked. Plain SVG. */
export function LineChart({ annual, alternative, breakEven, range }: Props) {
  // Text stays at least 11 px as drawn; too narrow for that (200 % zoom), the table takes over.
  const [box, width] = useElementWidth<HTMLDivElement>();
  const f = chartFont(W, width);
  const layout = layoutLineChart(annual, alternative, breakEven, range, BOX);
  const titleId = React.useId();
  const last = layout.points[layout.points.length - 1];
  const summary =
    `Kostnad per oppdrag faller fra ${formatKr(Math.round(layout.points[0]?.perMission ?? 0))} ved ${formatNok(layout.points[0]?.missions ?? 0)} oppdrag ` +
    `til ${formatKr(Math.round(last?.perMission ?? 0))} ved ${formatNok(last?.missions ?? 0)} oppdrag i året. ` +
    `Alternativet koster ${formatKr(alternative)} per pasient` +
    (breakEven !== null
      ? `; ambulant røntgen er billigere fra ${formatNok(breakEven)} oppdrag i året.`
      : ".");
  const bottom = BOX.top + BOX.height;
  const alternativeText = `Alternativ ${formatKr(alternative)}`;
  const breakEvenText = layout.breakEven ? `Balansepunkt ${formatNok(layout.breakEven.missions)}` : "";
  const labels = placeLabels(layout, BOX, breakEvenText, alternativeText);
  if (width !== null && width < CHART_MIN_WIDTH)
    return (
      <div ref={box}>
        <p style={{ margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 }}>
          Diagrammet vises når panelet er bredere; tallene står i tabellen under.
        </p>
      </div>
    );
  return (
    <div ref={box}>
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
            <line
              x1={BOX.left}
              x2={BOX.left + BOX.width}
              y1={t.y}
              y2={t.y}
              style={{ stroke: tokens.colorNeutralStroke2 }}
              strokeWidth="1"
            />
            <text
              x={BOX.left - 4}
              y={t.y + 3.5}
              textAnchor="end"
              fontSize={f(10)}
              style={{ fill: tokens.colorNeutralForeground2 }}
            >
              {formatNok(t.value)}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t, i) => (
          <text
            key={`x${t.value}`}
            x={t.x}
            y={bottom + 13}
            // the last tick ends at the axis' end, so a larger font never runs past the picture
            textAnchor={i === layout.xTicks.length - 1 ? "end" : "middle"}
            fontSize={f(10)}
            style={{ fill: tokens.colorNeutralForeground2 }}
          >
            {formatNok(t.value)}
          </text>
        ))}
        <line
          x1={BOX.left}
          x2={BOX.left + BOX.width}
          y1={bottom}
          y2={bottom}
          style={{ stroke: tokens.colorNeutralForeground3 }}
          strokeWidth="1"
        />
        <line
          x1={BOX.left}
          x2={BOX.left}
          y1={BOX.top}
          y2={bottom}
          style={{ stroke: tokens.colorNeutralForeground3 }}
          strokeWidth="1"
        />
        <text
          x={BOX.left + BOX.width / 2}
          y={bottom + 28}
          textAnchor="middle"
          fontSize={f(10)}
          style={{ fill: tokens.colorNeutralForeground2 }}
        >
          Oppdrag per år
        </text>
        <text
          transform={`translate(${f(10) + 1} ${BOX.top + BOX.height / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={f(10)}
          style={{ fill: tokens.colorNeutralForeground2 }}
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
          fontSize={f(10)}
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
              style={{ stroke: tokens.colorNeutralForeground2 }}
              strokeDasharray="2 2"
            />
            <circle
              cx={layout.breakEven.x}
              cy={layout.breakEven.y}
              r="3.5"
              style={{ fill: tokens.colorNeutralForeground2 }}
            />
            <text
              x={labels.breakEven.x}
              y={labels.breakEven.y}
              textAnchor={labels.breakEven.anchor}
              fontSize={f(10)}
              style={{ fill: tokens.colorNeutralForeground1 }}
            >
              {breakEvenText}
            </text>
          </g>
        )}
        <g fontSize={f(10)}>
          <line x1={BOX.left} x2={BOX.left + 16} y1={H - 8} y2={H - 8} stroke={CURVE} strokeWidth="2" />
          <text x={BOX.left + 20} y={H - 5} style={{ fill: tokens.colorNeutralForeground2 }}>
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
          <text x={BOX.left + 150} y={H - 5} style={{ fill: tokens.colorNeutralForeground2 }}>
            Sykehuset
          </text>
        </g>
      </svg>
    </div>
  );
}
