import * as React from "react";
import {
  Button,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
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
  more: {
    marginTop: tokens.spacingVerticalS,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "8px",
  },
});

/**
 * Cards drawn per group at first and per «Vis flere»: a 20 000-row plan can hold 70 000 problems,
 * and drawing them all took the pane 7–28 s. The heading keeps the whole count, and the line
 * under the cards says how many are not shown, so a long list is never mistaken for a short one.
 */
export const PAGE = 200;

/** How many of `total` cards to draw when `pages` pages have been asked for. */
export function shownCount(total: number, pages: number): number {
  return Math.min(total, PAGE * Math.max(1, pages));
}

const nb = (n: number) => n.toLocaleString("nb-NO");

/** «Viser 200 av 20 000 advarsler.» for a group cut short; "" when every card is shown. */
export function notShownLine(severity: Severity, shown: number, total: number): string {
  if (shown >= total) return "";
  return `Viser ${nb(shown)} av ${nb(total)} ${GROUP_NOUN[severity]}.`;
}

const GROUP_NOUN: Record<Severity, string> = { error: "feil", warning: "advarsler", info: "merknader" };

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
  // Pages asked for per group; a new result starts again at one page.
  const [pages, setPages] = React.useState<Record<Severity, number>>({ error: 1, warning: 1, info: 1 });
  const [pagesFor, setPagesFor] = React.useState(problems);
  if (pagesFor !== problems) {
    setPagesFor(problems);
    setPages({ error: 1, warning: 1, info: 1 });
  }
  // After «Vis flere», focus goes to the first new card, so a keyboard user reads on from there.
  const focusNext = React.useRef<{ severity: Severity; index: number } | null>(null);
  const listRefs = React.useRef<Partial<Record<Severity, HTMLUListElement | null>>>({});
  React.useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    const card = listRefs.current[next.severity]?.children[next.index]?.firstElementChild;
    if (card instanceof HTMLElement) card.focus();
  });
  return (
    <div {...arrows} data-testid="problem-list">
      {SEVERITIES.filter((s) => show[s]).map((severity) => {
        const group = sorted.filter((p) => p.severity === severity);
        if (group.length === 0) return null;
        const headingId = `problems-${severity}`;
        const shown = shownCount(group.length, pages[severity]);
        const notShown = notShownLine(severity, shown, group.length);
        return (
          <section key={severity} className={styles.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {GROUP_LABEL[severity]} ({group.length})
            </h3>
            <ul
              className={styles.list}
              ref={(el) => {
                listRefs.current[severity] = el;
              }}
            >
              {group.slice(0, shown).map((p, i) => {
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
            {notShown && (
              <div className={styles.more}>
                <span>{notShown}</span>
                <Button
                  size="small"
                  onClick={() => {
                    focusNext.current = { severity, index: shown };
                    setPages({ ...pages, [severity]: pages[severity] + 1 });
                  }}
                >
                  Vis {nb(Math.min(PAGE, group.length - shown))} til
                </Button>
              </div>
            )}
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
