import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Textarea,
  Field,
  Input,
  Option,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatKr, formatNumber, formatSigned } from "../../core/format";
import { reportCsv, type Report } from "../../core/melding";
import { createStore, useStore } from "../store";
import { ErrorBar, Info, Loading, ScrollRegion, useRestoreFocus } from "../ui";
import { downloadFile } from "./download";
import {
  chosenYear as yearInUse,
  initialMelding,
  meldingController,
  meldingReducer,
  meldingView,
  registerYears,
  type MeldingPort,
} from "./state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  block: {
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  summary: {
    cursor: "pointer",
    display: "list-item",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  blockTitle: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  blockSum: {
    display: "block",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    marginTop: "2px",
  },
  fields: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase200 },
  dt: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  dd: { margin: "0 0 4px" },
  list: {
    margin: 0,
    paddingLeft: "1.2em",
    fontSize: tokens.fontSizeBase200,
    display: "flex",
    flexDirection: "column",
    rowGap: "6px",
    overflowWrap: "anywhere",
  },
  total: { fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "bottom",
  },
  thLeft: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  rowHead: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    padding: "3px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: "10em",
    maxWidth: "16em",
  },
  td: {
    textAlign: "right",
    padding: "3px 4px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
  },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const amount = (v: number | null) => (v === null ? "–" : formatNumber(v));

/** Core messages are shared with the CLI; in the pane a hint to a command-line flag («--sheet») is left out. */
export function withoutCliHints(message: string): string {
  return message.replace(/,? eller (?:oppgi|bruk|kjør)[^.]*?--[a-z][\w-]*[^.]*\./g, ".");
}

/**
 * Excel for Mac cannot download a file from a task pane (OfficeDev/office-js#2700: the webview
 * ignores the download). There the pane offers the sheet, and the CSV text in a dialog to copy.
 */
export function downloadsBlocked(
  userAgent: string = typeof navigator === "undefined" ? "" : navigator.userAgent,
): boolean {
  return /Macintosh|Mac OS X/.test(userAgent) && !/Chrome|Firefox|Edg\/|Safari\//.test(userAgent);
}

/** The docx library is large and only needed here: loaded on the first download. */
const docx = async (r: Report) =>
  (await import(/* webpackChunkName: "report-docx" */ "../../report/docx")).reportDocx([r], { year: r.year });

/** The Årlig melding tab: the report for a year from the register, as a sheet, .docx or .csv, and its reconciliation. */
export function MeldingTab({ active, port }: { active: boolean; port: MeldingPort }) {
  const styles = useStyles();
  const store = React.useMemo(() => createStore(meldingReducer, initialMelding), []);
  const ctl = React.useMemo(
    () => meldingController(port, store, { download: downloadFile, docx }),
    [port, store],
  );
  const state = useStore(store);
  const { wb, loading, error, name, working, status, confirm } = state;

  const loaded = wb !== null;
  React.useEffect(() => {
    if (active && !loaded) void ctl.load();
  }, [active, loaded, ctl]);

  const years = React.useMemo(() => (wb ? registerYears(wb) : []), [wb]);
  const chosenYear = yearInUse(state, years);
  const computed = React.useMemo(() => meldingView(wb, chosenYear, name), [wb, chosenYear, name]);
  const report = computed.report;
  const off = !report || working || computed.blocked !== null;
  const mac = React.useMemo(() => downloadsBlocked(), []);
  const [csvText, setCsvText] = React.useState<string | null>(null);
  useRestoreFocus(confirm !== null);
  useRestoreFocus(csvText !== null);

  return (
    <div className={styles.root}>
      <div className={styles.form}>
        {years.length > 0 ? (
          <Field label="År">
            <Dropdown
              value={String(chosenYear)}
              selectedOptions={[String(chosenYear)]}
              onOptionSelect={(_, d) =>
                d.optionValue && store.dispatch({ type: "year-set", year: Number(d.optionValue) })
              }
            >
              {years.map((y) => (
                <Option key={y} value={String(y)}>
                  {String(y)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        ) : (
          <Field label="År">
            <SpinButton
              value={chosenYear}
              min={2000}
              max={2100}
              onChange={(_, d) => {
                const v = d.value ?? Number(d.displayValue);
                if (Number.isInteger(v) && v >= 2000 && v <= 2100)
                  store.dispatch({ type: "year-set", year: v });
              }}
            />
          </Field>
        )}
        <Field label="Navn på helsefellesskapet">
          <Input value={name} onChange={(_, d) => store.dispatch({ type: "name-set", name: d.value })} />
        </Field>
      </div>

      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={off}
          aria-describedby={computed.blocked ? "melding-blocked" : undefined}
          onClick={() => void ctl.makeSheet()}
        >
          Lag ark
        </Button>
        {mac ? (
          <Button
            disabled={off}
            aria-describedby="melding-mac"
            onClick={() => report && setCsvText(reportCsv(report).replace(/^\ufeff/, ""))}
          >
            Vis som CSV
          </Button>
        ) : (
          <>
            <Button
              disabled={off}
              aria-describedby={computed.blocked ? "melding-blocked" : undefined}
              onClick={() => void ctl.makeDocx()}
            >
              Last ned .docx
            </Button>
            <Button
              disabled={off}
              aria-describedby={computed.blocked ? "melding-blocked" : undefined}
              onClick={() => void ctl.makeCsv()}
            >
              Last ned .csv
            </Button>
          </>
        )}
        <Button appearance="subtle" disabled={loading} onClick={() => void ctl.load()}>
          Les på nytt
        </Button>
      </div>
      <div role="status" aria-live="polite" className={styles.small}>
        {working ? "Arbeider …" : status}
      </div>

      {mac && (
        <Text id="melding-mac" block className={styles.small}>
          Excel for Mac kan ikke laste ned filer fra panelet. Bruk «Lag ark» (arket kan lagres eller kopieres
          til Word), eller «Vis som CSV» og kopier teksten.
        </Text>
      )}
      {computed.blocked && (
        <Text id="melding-blocked" block className={styles.small}>
          {computed.blocked}
        </Text>
      )}

      {loading && <Loading label="Leser registeret …" />}
      {error && <ErrorBar title="Noe gikk galt" error={error} />}
      {computed.error && (
        <ErrorBar title="Klarte ikke å lage meldingen" error={{ message: withoutCliHints(computed.error) }} />
      )}
      {wb && years.length === 0 && !loading && (
        <Info intent="warning">Fant ingen tiltak med årstall i registeret. Velg år selv.</Info>
      )}

      {report && (
        <section aria-labelledby="melding-preview">
          <h3 id="melding-preview" className={styles.heading}>
            {report.title}
          </h3>
          <Text block className={styles.small}>
            {report.blocks.length} tiltak · <span className={styles.total}>sum {formatKr(report.total)}</span>
          </Text>
          {report.blocks.length === 0 && <Info>Ingen tiltak for {report.year}.</Info>}
          {report.blocks.length > 0 && (
            <Text className={styles.small}>Åpne et tiltak for å se alle feltene.</Text>
          )}
          <div style={{ display: "flex", flexDirection: "column", rowGap: 8, marginTop: 8 }}>
            {[...report.blocks, ...report.trailers].map((b, i) => (
              <details key={`${b.name}-${i}`} className={styles.block}>
                <summary className={styles.summary}>
                  <span className={styles.blockTitle}>{b.name}</span>
                  <span className={styles.blockSum}>
                    {b.sum == null ? "Sum ikke oppgitt" : `${formatKr(b.sum)}`}
                  </span>
                </summary>
                <dl className={styles.fields}>
                  {b.fields.map((f) => (
                    <React.Fragment key={f.label}>
                      <dt className={styles.dt}>{f.label}</dt>
                      <dd className={styles.dd}>{f.value || "Ikke oppgitt"}</dd>
                    </React.Fragment>
                  ))}
                </dl>
              </details>
            ))}
          </div>
          {computed.skipped.length > 0 && (
            <details open={computed.skipped.length <= 5} data-testid="skipped">
              <summary className={styles.summary}>
                <span className={styles.blockTitle}>Ikke med i meldingen ({computed.skipped.length})</span>
              </summary>
              <ul className={styles.list}>
                {computed.skipped.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          )}
          {report.problems.length > 0 && (
            <>
              <h3 className={styles.heading}>Merknader ({report.problems.length})</h3>
              <ul className={styles.list}>
                {report.problems.map((p, i) => (
                  <li key={i}>{withoutCliHints(p.message)}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {computed.rec && (
        <section aria-labelledby="melding-avstemming">
          <h3 id="melding-avstemming" className={styles.heading}>
            Avstemming mot RST-regnskap og plan
          </h3>
          {computed.verdict === "incomplete" && (
            <Info intent="warning" title="Ikke alt er avstemt">
              <ul className={styles.list} data-testid="not-compared">
                {computed.notCompared.map((m, i) => (
                  <li key={`p-${i}`}>{m}</li>
                ))}
              </ul>
            </Info>
          )}
          {computed.verdict === "clear" && (
            <Info intent="success">Ingen avvik mellom melding, regnskap og plan.</Info>
          )}
          {computed.rec.differences.length > 0 && (
            <>
              <Text id="melding-differences-caption" block className={styles.small}>
                Differanser i kr. Differanse = melding − regnskap.
              </Text>
              <ScrollRegion label="Differanser, tabell">
                <table
                  className={styles.table}
                  data-testid="differences"
                  aria-labelledby="melding-differences-caption"
                >
                  <thead>
                    <tr>
                      <th scope="col" className={styles.thLeft}>
                        Tiltak
                      </th>
                      <th scope="col" className={styles.th}>
                        Melding
                      </th>
                      <th scope="col" className={styles.th}>
                        Regnskap
                      </th>
                      <th scope="col" className={styles.th}>
                        Plan
                      </th>
                      <th scope="col" className={styles.th}>
                        Differanse
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {computed.rec.differences.map((d, i) => (
                      <tr key={`${d.measure}-${i}`}>
                        <th scope="row" className={styles.rowHead}>
                          {d.measure}
                        </th>
                        <td className={styles.td}>{amount(d.register)}</td>
                        <td className={styles.td}>{amount(d.ledger)}</td>
                        <td className={styles.td}>{amount(d.plan)}</td>
                        <td className={styles.td}>
                          {d.register !== null && d.ledger !== null
                            ? formatSigned(d.register - d.ledger)
                            : "–"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              <details className={styles.block}>
                <summary className={styles.summary}>Hvor tallene kommer fra</summary>
                <dl className={styles.fields}>
                  {computed.rec.differences.map((d, i) => (
                    <React.Fragment key={`${d.measure}-n-${i}`}>
                      <dt className={styles.dt}>{d.measure}</dt>
                      <dd className={styles.dd}>{d.note}</dd>
                    </React.Fragment>
                  ))}
                </dl>
              </details>
            </>
          )}
          {computed.rec.unmatched.length > 0 && (
            <>
              <Text block className={styles.small} style={{ marginTop: 8 }}>
                Uten treff i de andre kildene:
              </Text>
              <ul className={styles.list}>
                {computed.rec.unmatched.map((u, i) => (
                  <li key={`${u}-${i}`}>{u}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <Dialog open={csvText !== null} onOpenChange={(_, d) => !d.open && setCsvText(null)}>
        <DialogSurface style={{ maxWidth: "min(420px, calc(100vw - 24px))" }}>
          <DialogBody>
            <DialogTitle>Meldingen som CSV</DialogTitle>
            <DialogContent>
              <Field label="Merk alt og kopier (semikolon-separert)">
                <Textarea readOnly value={csvText ?? ""} rows={8} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setCsvText(null)}>
                Lukk
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && ctl.cancelConfirm()}>
        <DialogSurface style={{ maxWidth: "min(420px, calc(100vw - 24px))" }}>
          <DialogBody>
            <DialogTitle>Arket finnes fra før</DialogTitle>
            <DialogContent>
              Arbeidsboken har allerede et ark som heter «{confirm?.existing}».{" "}
              {confirm?.reason === "changed"
                ? "Det er endret siden RST-verktøy laget det, så det endres ikke."
                : confirm?.reason === "not-ours"
                  ? "Det er ikke laget av RST-verktøy, så det endres ikke."
                  : "Det endres ikke."}{" "}
              Vil du lage meldingen som et nytt ark «{confirm?.freeName}»?
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void ctl.makeSheetBeside()}>
                Lag nytt ark
              </Button>
              <Button onClick={() => ctl.cancelConfirm()}>Avbryt</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
