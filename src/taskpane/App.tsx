import * as React from "react";
import { Tab, TabList, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import { KontrollTab } from "./kontroll/KontrollTab";
import { RstTab } from "./rst/RstTab";
import { MeldingTab } from "./melding/MeldingTab";
import { CostTab } from "./cost/CostTab";
import { CheckProvider } from "./state";

export interface TabProps {
  /** True while the tab is shown; panels stay mounted so live checks keep running. */
  active: boolean;
}

interface TabDef {
  id: string;
  /** The full name: the tab's accessible name (and its panel's, through aria-labelledby). */
  label: string;
  /** Shown on the tab when the full name is too long for one row at 320 px; the full name is the tooltip. */
  short?: string;
  Component: React.ComponentType<TabProps>;
}

/** The task pane's tabs, in order. Adding a tab is one line here. */
export const TABS: TabDef[] = [
  { id: "kontroll", label: "Kontroll", Component: KontrollTab },
  { id: "rst", label: "RST", Component: RstTab },
  { id: "melding", label: "Årlig melding", short: "Melding", Component: MeldingTab },
  { id: "kostnad", label: "Kostnadsmodell", short: "Kostnad", Component: CostTab },
];

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minHeight: "100vh",
    width: "100%",
    maxWidth: "100%",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: {
    flexWrap: "wrap",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, minWidth: 0 },
});

export function App() {
  const styles = useStyles();
  const [selected, setSelected] = React.useState(TABS[0].id);
  return (
    <CheckProvider>
      <div className={styles.root}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={selected}
          onTabSelect={(_, d) => setSelected(String(d.value))}
          aria-label="RST-verktøy"
        >
          {TABS.map((t) => {
            const tab = (
              <Tab key={t.id} id={`tab-${t.id}`} value={t.id} aria-controls={`panel-${t.id}`}>
                {t.short ?? t.label}
              </Tab>
            );
            // relationship="label" makes the full name the tab's aria-label as well as its tooltip.
            return t.short ? (
              <Tooltip key={t.id} content={t.label} relationship="label" positioning="below">
                {tab}
              </Tooltip>
            ) : (
              tab
            );
          })}
        </TabList>
        {TABS.map(({ id, Component }) => (
          <div
            key={id}
            id={`panel-${id}`}
            role="tabpanel"
            aria-labelledby={`tab-${id}`}
            hidden={selected !== id}
            className={styles.panel}
          >
            <Component active={selected === id} />
          </div>
        ))}
      </div>
    </CheckProvider>
  );
}

export default App;
