import * as React from "react";
import {
  Button,
  ProgressBar,
  Switch,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countBySeverity, type Problem, type Severity } from "../../core/problems";
import type { ValidateOptions } from "../../core/plan";
import {
  anyMarks,
  checkAndMark,
  goToCell,
  removeMarks,
  saveLiveChecks,
  saveMapping,
  savedLiveChecks,
  savedMapping,
  watchPlanSheet,
  type ColumnMapping,
} from "../services/excel-service";
import { useLastCheck } from "../state";
import { ErrorBar, Info, Loading, errorText } from "../ui";
import { budgetLine } from "../rst/budget";
import { ProblemList, SEVERITIES, GROUP_LABEL } from "./ProblemList";
import { ColumnMappingDialog } from "./ColumnMappingDialog";
import { CellReading } from "./CellReading";
import { guessMapping, sheetColumns } from "./mapping";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  linkish: { alignSelf: "flex-start" },
});

const ALL_SHOWN: Record<Severity, boolean> = { error: true, warning: true, info: true };

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

export function KontrollTab() {
  const styles = useStyles();
  const { last, setLast } = useLastCheck();
  const [running, setRunning] = React.useState(false);
  const [rechecking, setRechecking] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [marksExist, setMarksExist] = React.useState(false);
  const [live, setLive] = React.useState(() => safely(savedLiveChecks, false));
  const [show, setShow] = React.useState(ALL_SHOWN);
  const [mapping, setMapping] = React.useState<ColumnMapping>(() => safely(savedMapping, {}));
  const [mappingOpen, setMappingOpen] = React.useState(false);
  const [status, setStatus] = React.useState("");
  const [selected, setSelected] = React.useState<Problem | null>(null);

  // Only one validation at a time; a change arriving mid-run triggers one more run after it.
  const busy = React.useRef(false);
  const pending = React.useRef(false);

  const check = React.useCallback(
    async (opts: { quiet: boolean; mapping?: ColumnMapping }) => {
      if (busy.current) {
        pending.current = true;
        return;
      }
      busy.current = true;
      if (opts.quiet) setRechecking(true);
      else setRunning(true);
      setError(null);
      try {
        const m = opts.mapping ?? mapping;
        const validateOpts: ValidateOptions = {
          ...(Object.keys(m).length > 0 ? { mapping: m } : {}),
          explain: true,
        };
        const outcome = await checkAndMark(validateOpts);
        setLast({ result: outcome.result, workbook: outcome.workbook });
        setMarksExist(outcome.marked > 0);
        const s = outcome.result.summary;
        setStatus(`Kontroll ferdig: ${s.errors} feil, ${s.warnings} advarsler, ${s.infos} info.`);
        if (!opts.quiet && outcome.result.problems.some((p) => p.code === "header-missing"))
          setMappingOpen(true);
      } catch (e) {
        setError(errorText(e));
      } finally {
        busy.current = false;
        setRunning(false);
        setRechecking(false);
        if (pending.current) {
          pending.current = false;
          void checkRef.current({ quiet: true });
        }
      }
    },
    [mapping, setLast],
  );
  const checkRef = React.useRef(check);
  checkRef.current = check;

  React.useEffect(() => {
    anyMarks()
      .then(setMarksExist)
      .catch(() => setMarksExist(false));
  }, []);

  // Live checks: re-validate and re-mark on every (debounced) edit of the plan sheet.
  const sheet = last?.result.sheet;
  React.useEffect(() => {
    if (!live) return;
    if (!sheet) {
      void checkRef.current({ quiet: true });
      return;
    }
    let cancelled = false;
    let unsubscribe: (() => Promise<void>) | null = null;
    watchPlanSheet(sheet, () => void checkRef.current({ quiet: true }))
      .then((u) => {
        if (cancelled) void u();
        else unsubscribe = u;
      })
      .catch((e) => setError(`Klarte ikke å følge endringer i «${sheet}»: ${errorText(e)}`));
    return () => {
      cancelled = true;
      if (unsubscribe) void unsubscribe();
    };
  }, [live, sheet]);

  const toggleLive = (on: boolean) => {
    setLive(on);
    saveLiveChecks(on).catch((e) => setError(`Klarte ikke å lagre valget: ${errorText(e)}`));
  };

  const clear = async () => {
    setError(null);
    try {
      const restored = await removeMarks();
      setMarksExist(false);
      setStatus(`Fjernet markeringer fra ${restored} celler.`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const select = (p: Problem) => {
    setSelected(p);
    goToCell(p.sheet, p.cell).catch((e) => setError(`Fant ikke cellen ${p.cell}: ${errorText(e)}`));
  };

  const saveColumns = (m: ColumnMapping) => {
    setMapping(m);
    setMappingOpen(false);
    saveMapping(m).catch((e) => setError(`Klarte ikke å lagre kolonnevalget: ${errorText(e)}`));
    void check({ quiet: false, mapping: m });
  };

  const result = last?.result;
  const counts = result ? countBySeverity(result.problems) : { error: 0, warning: 0, info: 0 };
  const mappingGrid = result && last ? last.workbook.sheets.find((g) => g.sheet === result.sheet) : undefined;
  // Saved choice first, then what validation recognised, then a guess from the header texts.
  const dialogStart = React.useMemo(() => {
    if (Object.keys(mapping).length > 0) return mapping;
    if (result && Object.keys(result.header.columns).length > 0) return result.header.columns;
    return mappingGrid ? guessMapping(mappingGrid) : {};
  }, [mapping, result, mappingGrid]);
  const budget = result
    ? budgetLine(result.summary.rstTotal, result.summary.available, result.planYear)
    : null;

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void check({ quiet: false })} disabled={running}>
          Kontroller
        </Button>
        <Button onClick={() => void clear()} disabled={!marksExist || running}>
          Fjern markeringer
        </Button>
      </div>
      <Switch checked={live} onChange={(_, d) => toggleLive(d.checked)} label="Kontroller mens jeg skriver" />
      <div role="status" aria-live="polite" className={styles.small}>
        {rechecking ? "Oppdaterer …" : status}
      </div>

      {running && <Loading label="Kontrollerer handlingsplanen …" />}
      {error && <ErrorBar title="Noe gikk galt" error={error} />}

      {!result && !running && !error && (
        <Text className={styles.small}>
          Trykk «Kontroller» for å sjekke handlingsplanen. Problemer markeres i arket, og du kan klikke på et
          problem for å gå til cellen.
        </Text>
      )}

      {result && budget && (
        <div className={styles.summary} aria-label="Sammendrag">
          <Text size={200}>
            Ark «{result.sheet}» · planår {result.planYear} · {result.summary.rows} rader
          </Text>
          <Text size={200}>
            RST-finansiert {result.planYear}:{" "}
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
      )}

      {result && result.problems.length === 0 && <Info intent="success">Ingen problemer funnet.</Info>}

      {result && result.problems.length > 0 && (
        <>
          <div className={styles.filters} role="group" aria-label="Vis alvorlighetsgrad">
            {SEVERITIES.map((s) => (
              <ToggleButton
                key={s}
                size="small"
                checked={show[s]}
                onClick={() => setShow((v) => ({ ...v, [s]: !v[s] }))}
              >
                {GROUP_LABEL[s]} ({counts[s]})
              </ToggleButton>
            ))}
          </div>
          {SEVERITIES.every((s) => !show[s] || counts[s] === 0) && (
            <Text className={styles.small}>Ingen problemer å vise med dette filteret.</Text>
          )}
          <ProblemList problems={result.problems} show={show} onSelect={select} />
          {(() => {
            const reading =
              selected && selected.sheet === result.sheet
                ? result.explanation?.find((r) => r.row === selected.row)
                : undefined;
            return reading ? <CellReading explanation={reading} /> : null;
          })()}
        </>
      )}

      {result && mappingGrid && (
        <Button
          appearance="subtle"
          size="small"
          className={styles.linkish}
          onClick={() => setMappingOpen(true)}
        >
          Velg kolonner …
        </Button>
      )}

      {result && (
        <ColumnMappingDialog
          open={mappingOpen}
          sheet={result.sheet}
          columns={mappingGrid ? sheetColumns(mappingGrid) : []}
          initial={dialogStart}
          headerMissing={result.problems.some((p) => p.code === "header-missing")}
          hasSaved={Object.keys(mapping).length > 0}
          onSave={saveColumns}
          onReset={() => saveColumns({})}
          onCancel={() => setMappingOpen(false)}
        />
      )}
    </div>
  );
}
