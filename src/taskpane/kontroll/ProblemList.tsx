import * as React from "react";
import { makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import type { Problem, Severity } from "../../core/problems";
import { sortProblems } from "../../core/problems";

export const SEVERITIES: Severity[] = ["error", "warning", "info"];
export const GROUP_LABEL: Record<Severity, string> = { error: "Feil", warning: "Advarsler", info: "Info" };

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
  },
  item: {
    display: "block",
    width: "100%",
    boxSizing: "border-box",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  where: { display: "block", fontWeight: tokens.fontWeightSemibold, marginBottom: "2px" },
  message: { display: "block" },
});

interface Props {
  problems: readonly Problem[];
  show: Record<Severity, boolean>;
  onSelect: (problem: Problem) => void;
}

/**
 * The message without its leading cell address ("G4: Ansvar mangler …" → "Ansvar mangler …"):
 * the card shows the address once, above the message.
 */
export function cardMessage(p: Problem): string {
  return p.cell && p.message.startsWith(`${p.cell}: `) ? p.message.slice(p.cell.length + 2) : p.message;
}

/**
 * Problems grouped by severity; a problem tied to a cell is a button that selects it. The whole
 * list is one Tab stop: the arrow keys move between the problems (Fluent's arrow navigation
 * group, which remembers the last one), Tab leaves the list.
 */
export function ProblemList({ problems, show, onSelect }: Props) {
  const styles = useStyles();
  const sorted = React.useMemo(() => sortProblems(problems), [problems]);
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  return (
    <div {...arrows} data-testid="problem-list">
      {SEVERITIES.filter((s) => show[s]).map((severity) => {
        const group = sorted.filter((p) => p.severity === severity);
        if (group.length === 0) return null;
        const headingId = `problems-${severity}`;
        return (
          <section key={severity} className={styles.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {GROUP_LABEL[severity]} ({group.length})
            </h3>
            <ul className={styles.list}>
              {group.map((p, i) => {
                const where = [p.cell, p.column].filter(Boolean).join(" · ") || p.sheet;
                const body = (
                  <>
                    <span className={styles.where}>{where}</span>
                    <span className={styles.message}>{cardMessage(p)}</span>
                  </>
                );
                const cls = mergeClasses(
                  styles.item,
                  styles[severity],
                  p.cell ? styles.clickable : undefined,
                );
                return (
                  <li key={`${p.code}-${p.cell}-${i}`}>
                    {p.cell ? (
                      <button
                        type="button"
                        className={cls}
                        data-cell={p.cell}
                        aria-describedby="problem-go-to-cell"
                        onClick={() => onSelect(p)}
                      >
                        {body}
                      </button>
                    ) : (
                      <div className={cls}>{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {/* The buttons' name is what they show; what a click does is their description. */}
      <span id="problem-go-to-cell" hidden>
        Velg for å gå til cellen.
      </span>
    </div>
  );
}
