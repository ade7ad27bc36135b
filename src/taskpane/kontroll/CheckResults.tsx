/**
 * What the Kontroll tab shows once a check has run: the budget line with its bar, the severity
 * filters and the problem list (with «Slik ble cellen lest» for the selected problem). Its own
 * chunk (KontrollTab loads it lazily), so the pane's first load carries none of it.
 */
import * as React from "react";
import { ProgressBar, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem, Severity } from "../../core/problems";
import type { RowExplanation } from "../../core/plan";
import type { budgetLine } from "../rst/budget";
import { usePanelStyles } from "../ui";
import { GROUP_LABEL, ProblemList, SEVERITIES } from "./ProblemList";

// «Slik ble cellen lest» (Fluent's table and the amount reader with it) is needed only once a
// problem is selected: its own chunk.
const CellReading = React.lazy(() =>
  import(/* webpackChunkName: "cell-reading" */ "./CellReading").then((m) => ({ default: m.CellReading })),
);

const useStyles = makeStyles({
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** «Ark … · planår … · N rader» and the plan's RST money against what is available. */
export function BudgetSummary({
  sheet,
  planYear,
  rows,
  budget,
}: {
  sheet: string;
  planYear: number;
  rows: number;
  budget: NonNullable<ReturnType<typeof budgetLine>>;
}) {
  const styles = useStyles();
  const { panel } = usePanelStyles();
  return (
    <div className={panel} role="group" aria-label="Sammendrag">
      <Text size={200}>
        Ark «{sheet}» · planår {planYear} · {rows} rader
      </Text>
      <Text size={200}>
        RST-finansiert {planYear}:{" "}
        <span className={budget.over ? styles.over : undefined}>{budget.text}</span>
      </Text>
      {budget.ratio !== null && (
        <ProgressBar
          value={budget.ratio}
          color={budget.over ? "error" : "brand"}
          thickness="large"
          aria-label="Andel av tilgjengelige RST-midler"
        />
      )}
    </div>
  );
}

/** The severity filters, the problem list and the selected row's reading. */
export function ProblemsPanel({
  problems,
  counts,
  show,
  onToggle,
  onSelect,
  reading,
}: {
  problems: readonly Problem[];
  counts: Record<Severity, number>;
  show: Record<Severity, boolean>;
  onToggle: (severity: Severity) => void;
  onSelect: (problem: Problem) => void;
  reading: RowExplanation | undefined;
}) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.filters} role="group" aria-label="Vis alvorlighetsgrad">
        {SEVERITIES.map((s) => (
          <ToggleButton key={s} size="small" checked={show[s]} onClick={() => onToggle(s)}>
            {GROUP_LABEL[s]} ({counts[s]})
          </ToggleButton>
        ))}
      </div>
      {SEVERITIES.every((s) => !show[s] || counts[s] === 0) && (
        <Text className={styles.small}>Ingen problemer å vise med dette filteret.</Text>
      )}
      <ProblemList problems={problems} show={show} onSelect={onSelect} />
      {reading && (
        <React.Suspense fallback={null}>
          <CellReading explanation={reading} />
        </React.Suspense>
      )}
    </>
  );
}
