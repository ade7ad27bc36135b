import * as React from "react";
import { Button, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { countBySeverity } from "../../core/problems";
import { createStore, useStore } from "../store";
import { useLastCheck } from "../state";
import { ErrorBar, Info, Loading, useRestoreFocus } from "../ui";
import { budgetLine } from "../rst/budget";
import { guessMapping, sheetColumns } from "./mapping";
import {
  formulasController,
  formulasMessage,
  formulasReducer,
  initialFormulas,
  type FormulasPort,
} from "./formulas-state";
import {
  initialKontroll,
  isNothingChecked,
  kontrollController,
  kontrollReducer,
  type KontrollPort,
} from "./state";

// The column dialog (and Fluent's dropdown with it) is needed only when the header is not found
// or the user asks: its own chunk, loaded when first opened.
const ColumnMappingDialog = React.lazy(() =>
  import(/* webpackChunkName: "column-dialog" */ "./ColumnMappingDialog").then((m) => ({
    default: m.ColumnMappingDialog,
  })),
);

// «Slik ble cellen lest» (Fluent's table and the amount reader with it) is needed only once a
// problem is selected: its own chunk.
// What a check shows (the budget line with its bar, the filters and the problem list) is needed
// only once a check has run: its own chunk, fetched as soon as the pane has drawn (so it is there
// by the time a check ends) — the pane's first load stays within its budget (issue 13.5).
const loadResults = () => import(/* webpackChunkName: "kontroll-results" */ "./CheckResults");
const BudgetSummary = React.lazy(() => loadResults().then((m) => ({ default: m.BudgetSummary })));
const ProblemsPanel = React.lazy(() => loadResults().then((m) => ({ default: m.ProblemsPanel })));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  linkish: { alignSelf: "flex-start" },
});

/** The Kontroll tab: check the plan, list and mark the problems, live checks, the column choice. */
export function KontrollTab({ port }: { active?: boolean; port: KontrollPort & FormulasPort }) {
  const styles = useStyles();
  const store = React.useMemo(() => createStore(kontrollReducer, initialKontroll()), []);
  const ctl = React.useMemo(() => kontrollController(port, store), [port, store]);
  const state = useStore(store);
  const { setLast } = useLastCheck();
  const {
    last,
    running,
    quiet,
    error,
    marksExist,
    live,
    show,
    mapping,
    mappingOpen,
    status,
    stale,
    selected,
  } = state;
  // The dialog is mounted only while open (its own chunk): the tab puts focus back on its opener.
  useRestoreFocus(mappingOpen);

  React.useEffect(() => {
    void ctl.init();
    return () => ctl.dispose();
  }, [ctl]);
  React.useEffect(() => {
    const t = setTimeout(() => void loadResults().catch(() => undefined), 0);
    return () => clearTimeout(t);
  }, []);

  // Formulas written by another tool (the rst CLI) bound to the add-in: once on opening, and on the button.
  const formulasStore = React.useMemo(() => createStore(formulasReducer, initialFormulas), []);
  const formulas = React.useMemo(() => formulasController(port, formulasStore), [port, formulasStore]);
  const formulasState = useStore(formulasStore);
  React.useEffect(() => {
    void formulas.run(true);
  }, [formulas]);
  const formulasNote = formulasMessage(formulasState);
  // Share each new result with the RST tab.
  React.useEffect(() => setLast(last), [last, setLast]);

  const result = last?.result;
  const counts = result ? countBySeverity(result.problems) : { error: 0, warning: 0, info: 0 };
  // The plan's sheet; without a plan (sheet ""), the first sheet, which a column choice applies to
  // (validateWorkbook reads a mapping from the first sheet when no plan is found).
  const mappingGrid =
    result && last
      ? result.sheet
        ? last.workbook.sheets.find((g) => g.sheet === result.sheet)
        : last.workbook.sheets[0]
      : undefined;
  // Saved choice first, then what validation recognised, then a guess from the header texts.
  const dialogStart = React.useMemo(() => {
    if (Object.keys(mapping).length > 0) return mapping;
    if (result && Object.keys(result.header.columns).length > 0) return result.header.columns;
    return mappingGrid ? guessMapping(mappingGrid) : {};
  }, [mapping, result, mappingGrid]);
  const nothingChecked = result ? isNothingChecked(result) : false;
  const budget =
    result && !nothingChecked
      ? result.header.columns.okonomi
        ? budgetLine(result.summary.rstTotal, result.summary.available, result.planYear)
        : // No Økonomi column: no money was read, so say so instead of «0 kr».
          { text: "ikke lest – fant ingen Økonomi-kolonne i planen", ratio: null, over: false }
      : null;

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void ctl.check(false)} disabled={running && !quiet}>
          Kontroller
        </Button>
        <Button onClick={() => void ctl.clearMarks()} disabled={!marksExist || running}>
          Fjern markeringer
        </Button>
      </div>
      <Switch
        checked={live}
        onChange={(_, d) => void ctl.setLive(d.checked)}
        label="Kontroller mens jeg skriver"
      />
      <div role="status" aria-live="polite" className={styles.small}>
        {running && quiet ? "Oppdaterer …" : status}
      </div>

      {running && !quiet && <Loading label="Kontrollerer handlingsplanen …" />}
      {error && <ErrorBar title="Noe gikk galt" error={error} />}

      {stale && result && !running && (
        <Info intent="warning" title="Resultatet er fra før endringene – kontroller på nytt">
          {result.sheet ? `Arket «${result.sheet}»` : "Arbeidsboken"} er endret etter kontrollen, så listen og
          markeringene kan være utdatert.{" "}
          <Button size="small" onClick={() => void ctl.check(false)}>
            Kontroller på nytt
          </Button>
        </Info>
      )}

      {!result && !running && !error && (
        <Text className={styles.small}>
          Trykk «Kontroller» for å sjekke handlingsplanen. Problemer markeres i arket, og du kan klikke på et
          problem for å gå til cellen.
        </Text>
      )}

      {result && budget && (
        <React.Suspense fallback={null}>
          <BudgetSummary
            sheet={result.sheet}
            planYear={result.planYear}
            rows={result.summary.rows}
            budget={budget}
          />
        </React.Suspense>
      )}

      {result && nothingChecked && (
        <Info intent="warning" title="Ingenting ble kontrollert">
          {result.problems.some((p) => p.code === "header-missing")
            ? "Fant ingen handlingsplan med kjente overskrifter (Nr, Tiltak, Frist …). Velg kolonnene selv, eller sjekk at planen er i arbeidsboken."
            : `Fant overskriftene i «${result.sheet}», men ingen tiltaksrader under dem.`}
        </Info>
      )}

      {result && !nothingChecked && result.problems.length === 0 && (
        <Info intent="success">
          Ingen problemer funnet i {result.summary.rows} {result.summary.rows === 1 ? "rad" : "rader"} i «
          {result.sheet}».
        </Info>
      )}

      {result && result.problems.length > 0 && (
        <React.Suspense fallback={null}>
          <ProblemsPanel
            problems={result.problems}
            counts={counts}
            show={show}
            onToggle={(severity) => store.dispatch({ type: "show-toggled", severity })}
            onSelect={(p) => void ctl.select(p)}
            reading={
              selected && selected.sheet === result.sheet
                ? result.explanation?.find((r) => r.row === selected.row)
                : undefined
            }
          />
        </React.Suspense>
      )}

      {result && mappingGrid && (
        <Button
          appearance="subtle"
          size="small"
          className={styles.linkish}
          onClick={() => store.dispatch({ type: "mapping-dialog", open: true })}
        >
          Velg kolonner …
        </Button>
      )}

      <div className={styles.actions}>
        <Button
          appearance="subtle"
          size="small"
          disabled={formulasState.running}
          onClick={() => void formulas.run(false)}
        >
          Aktiver RST-formler på nytt
        </Button>
      </div>
      {formulasState.running && <Loading label="Aktiverer formlene på nytt …" />}
      {formulasState.error && <ErrorBar title="Formlene ble ikke aktivert" error={formulasState.error} />}
      {formulasNote && (
        <Info
          intent="info"
          title={formulasState.result?.reentered ? "Formler aktivert på nytt" : "Ingen formler å aktivere"}
        >
          {formulasNote}
        </Info>
      )}

      {result && mappingOpen && (
        <React.Suspense fallback={<Loading label="Åpner kolonnevalget …" />}>
          <ColumnMappingDialog
            open={mappingOpen}
            sheet={mappingGrid?.sheet ?? result.sheet}
            columns={mappingGrid ? sheetColumns(mappingGrid) : []}
            initial={dialogStart}
            headerMissing={result.problems.some((p) => p.code === "header-missing")}
            hasSaved={Object.keys(mapping).length > 0}
            onSave={(m) => void ctl.saveMapping(m)}
            onReset={() => void ctl.saveMapping({})}
            onCancel={() => store.dispatch({ type: "mapping-dialog", open: false })}
          />
        </React.Suspense>
      )}
    </div>
  );
}
