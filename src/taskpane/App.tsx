import * as React from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
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
  label: string;
  Component: React.ComponentType<TabProps>;
}

/**
 * The task pane's tabs, in order. Adding a tab is one line here.
 * Slot for the 4th tab (src/taskpane/cost/CostTab.tsx, written by another engineer):
 *   import { CostTab } from "./cost/CostTab";
 *   { id: "kostnad", label: "Kostnadsmodell", Component: CostTab },
 */
export const TABS: TabDef[] = [
  { id: "kontroll", label: "Kontroll", Component: KontrollTab },
  { id: "rst", label: "RST", Component: RstTab },
  { id: "melding", label: "Årlig melding", Component: MeldingTab },
  { id: "kostnad", label: "Kostnadsmodell", Component: CostTab },
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
          {TABS.map((t) => (
            <Tab key={t.id} id={`tab-${t.id}`} value={t.id} aria-controls={`panel-${t.id}`}>
              {t.label}
            </Tab>
          ))}
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
