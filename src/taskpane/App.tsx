import * as React from "react";
import { Button, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { ExcelPort, Notice } from "../excel/port";
import { KontrollTab } from "./kontroll/KontrollTab";
import { CheckProvider } from "./state";
import { Info, Loading } from "./ui";
import { TabHint } from "./TabHint";

// The preview (src/preview) may import only this file of the pane: it themes itself as the pane does.
export { paneTheme } from "./themes";

export interface TabProps {
  /** True while the tab is shown; panels stay mounted so live checks keep running. */
  active: boolean;
  /** The one door to Excel (officeExcelPort() in Excel, a fake in tests and the preview). */
  port: ExcelPort;
}

interface TabDef {
  id: string;
  /** The full name: the tab's accessible name when there is no short one, else its tooltip and description. */
  label: string;
  /** Shown on the tab (and its accessible name) when the full name is too long for one row at 320 px. */
  short?: string;
  Component: React.ComponentType<TabProps>;
}

// The tabs after the first are loaded when first opened (their own chunks): the scripts loaded
// before the pane is usable stay small (issue 13.5, `npm run size`).
// Once the pane is up they are fetched in the background, so opening one is quick.
const loadRst = () => import(/* webpackChunkName: "tab-rst" */ "./rst/RstTab");
const loadMelding = () => import(/* webpackChunkName: "tab-melding" */ "./melding/MeldingTab");
const loadCost = () => import(/* webpackChunkName: "tab-kostnad" */ "./cost/CostTab");
const RstTab = React.lazy(() => loadRst().then((m) => ({ default: m.RstTab })));
const MeldingTab = React.lazy(() => loadMelding().then((m) => ({ default: m.MeldingTab })));
const CostTab = React.lazy(() => loadCost().then((m) => ({ default: m.CostTab })));

/** Fetch the other tabs' chunks after the first paint (errors surface when the tab is opened). */
function usePrefetchTabs(): void {
  React.useEffect(() => {
    const t = setTimeout(() => {
      for (const load of [loadRst, loadMelding, loadCost]) load().catch(() => undefined);
    }, 1500);
    return () => clearTimeout(t);
  }, []);
}

/** The task pane's tabs, in order. Adding a tab is one line here. */
export const TABS: TabDef[] = [
  { id: "kontroll", label: "Kontroll", Component: KontrollTab },
  { id: "rst", label: "RST", Component: RstTab },
  { id: "melding", label: "Årlig melding", short: "Melding", Component: MeldingTab },
  { id: "kostnad", label: "Kostnadsmodell", short: "Kostnad", Component: CostTab },
];

const FOCUS_RING = { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" };

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minHeight: "100vh",
    width: "100%",
    maxWidth: "100%",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // At 200 % zoom a long word («helsefellesskapet») is wider than the pane: break it rather than cut it.
    "& label": { overflowWrap: "anywhere" },
    "& .fui-Field__hint": { overflowWrap: "anywhere" },
    "& .fui-Field__validationMessage": { overflowWrap: "anywhere" },
    // Fluent's fields are at least 250 px wide by default: at 200 % zoom (160 px) they would run out of the pane.
    "& .fui-Input": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Dropdown": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Select": { minWidth: 0, maxWidth: "100%" },
    "& .fui-SpinButton": { minWidth: 0, maxWidth: "100%" },
    "& .fui-Textarea": { minWidth: 0, maxWidth: "100%" },
    // Fields show focus as clearly as buttons do: a 2 px ring, not only Fluent's thin underline.
    "& .fui-Input:focus-within": FOCUS_RING,
    "& .fui-Select:focus-within": FOCUS_RING,
    "& .fui-Textarea:focus-within": FOCUS_RING,
    "& .fui-SpinButton:focus-within": FOCUS_RING,
    "& .fui-Dropdown:focus-within": FOCUS_RING,
  },
  tabs: {
    flexWrap: "wrap",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, minWidth: 0 },
  banner: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
});

/** The latest notice from the ribbon command (it runs in the same shared runtime). */
function useNotice(port: ExcelPort): [Notice | null, () => void] {
  const [notice, setNotice] = React.useState<Notice | null>(null);
  React.useEffect(() => port.onNotice(setNotice), [port]);
  return [notice, () => setNotice(null)];
}

export function App({ port }: { port: ExcelPort }) {
  const styles = useStyles();
  const [selected, setSelected] = React.useState(TABS[0].id);
  // A tab's panel is mounted the first time it is opened and then kept (live checks keep running).
  const [opened, setOpened] = React.useState<ReadonlySet<string>>(() => new Set([TABS[0].id]));
  const available = React.useMemo(() => port.availability(), [port]);
  const [notice, dismissNotice] = useNotice(port);
  usePrefetchTabs();

  const select = (id: string) => {
    setSelected(id);
    setOpened((o) => (o.has(id) ? o : new Set([...o, id])));
  };

  return (
    <CheckProvider>
      <div className={styles.root}>
        {!available.ok && (
          <div className={styles.banner} data-testid="unavailable">
            <Info intent="warning" title="Excel er ikke tilgjengelig">
              {available.reason}
            </Info>
          </div>
        )}
        {notice && (
          <div className={styles.banner} data-testid="notice">
            <Info intent={notice.intent} title={notice.title}>
              {notice.message}
              {notice.detail ? ` (Teknisk detalj for brukerstøtte: ${notice.detail})` : ""}{" "}
              <Button size="small" onClick={dismissNotice}>
                Lukk
              </Button>
            </Info>
          </div>
        )}
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={selected}
          onTabSelect={(_, d) => select(String(d.value))}
          aria-label="RST-verktøy"
        >
          {TABS.map((t) => {
            const tab = (
              <Tab key={t.id} id={`tab-${t.id}`} value={t.id} aria-controls={`panel-${t.id}`}>
                {t.short ?? t.label}
              </Tab>
            );
            // The visible short name is the accessible name (WCAG 2.5.3: the name starts with what
            // is seen); the full name is the tooltip and the tab's description.
            return t.short ? (
              <TabHint key={t.id} tabId={`tab-${t.id}`} hint={t.label}>
                {tab}
              </TabHint>
            ) : (
              tab
            );
          })}
        </TabList>
        {TABS.map(({ id, label, Component }) => (
          <div
            key={id}
            id={`panel-${id}`}
            role="tabpanel"
            aria-labelledby={`tab-${id}`}
            hidden={selected !== id}
            className={styles.panel}
          >
            {opened.has(id) && (
              <React.Suspense fallback={<Loading label={`Laster ${label} …`} />}>
                <Component active={selected === id} port={port} />
              </React.Suspense>
            )}
          </div>
        ))}
      </div>
    </CheckProvider>
  );
}

export default App;
