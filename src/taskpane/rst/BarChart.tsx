import * as React from "react";
import { tokens } from "@fluentui/react-components";
import { CHART_MIN_WIDTH, chartFont, useElementWidth } from "../ui";
import { formatKr } from "../../core/format";
import { axisLabel, layoutBars, type ChartGroup, type Series } from "./chart-model";

interface Props {
  title: string;
  series: Series[];
  groups: ChartGroup[];
  /** One sentence read by screen readers instead of the picture. */
  summary: string;
}

const W = 320;
const H = 240;
const BOX = { left: 56, top: 30, width: W - 56 - 8, height: 150 };

/** An accessible grouped bar chart in plain SVG: no chart library. */
export function BarChart({ title, series, groups, summary }: Props) {
  // Text stays at least 11 px as drawn; too narrow for that (200 % zoom), the table takes over.
  const [box, width] = useElementWidth<HTMLDivElement>();
  const f = chartFont(W, width);
  const layout = layoutBars(groups, series.length, BOX);
  const titleId = React.useId();
  const legendY = BOX.top + BOX.height + 34;
  const legendWidth = (W - 16) / series.length;
  if (width !== null && width < CHART_MIN_WIDTH)
    return (
      <div ref={box}>
        <p style={{ margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 }}>
          Diagrammet vises når panelet er bredere; tallene står i tabellen over.
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
        data-testid="rst-chart"
      >
        <title id={titleId}>{title}</title>
        <text x={W / 2} y={16} textAnchor="middle" fontSize={f(13)} fontWeight="600" fill="currentColor">
          {title}
        </text>
        {/* Y axis: gridlines and labels in NOK */}
        {layout.ticks.map((t) => (
          <g key={t.value}>
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
              {axisLabel(t.value)}
            </text>
          </g>
        ))}
        <text
          transform={`translate(11 ${BOX.top + BOX.height / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={f(10)}
          style={{ fill: tokens.colorNeutralForeground2 }}
        >
          kr
        </text>
        {layout.bars.map((b) => {
          const s = series[b.series];
          return (
            <rect
              key={`${b.group}-${b.series}`}
              x={b.x}
              y={b.y}
              width={b.width}
              height={Math.max(b.height, 0.5)}
              fill={s.color}
              data-series={s.key}
              data-value={b.value}
            >
              <title>{`${groups[b.group].label} – ${s.label}: ${formatKr(b.value)}`}</title>
            </rect>
          );
        })}
        {/* Zero line drawn last so negative bars visibly hang below it */}
        <line
          x1={BOX.left}
          x2={BOX.left + BOX.width}
          y1={layout.zeroY}
          y2={layout.zeroY}
          style={{ stroke: tokens.colorNeutralForeground2 }}
          strokeWidth="1"
        />
        {groups.map((g, i) => (
          <text
            key={g.label}
            x={layout.groupCenters[i]}
            y={BOX.top + BOX.height + 16}
            textAnchor="middle"
            fontSize={f(11)}
            fill="currentColor"
          >
            {g.label}
          </text>
        ))}
        {series.map((s, i) => (
          <g key={s.key} transform={`translate(${8 + i * legendWidth} ${legendY})`}>
            <rect width="10" height="10" y="-9" fill={s.color} />
            <text x="14" fontSize={f(10.5)} fill="currentColor">
              {s.label}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
