import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import type { GridWorkbook } from "../../core/grid";
import {
  buildReport,
  findRegisterGrid,
  readRegister,
  reconcile,
  reportCsv,
  reportSheetName,
  reportTable,
  guessCommunityName,
  type Report,
} from "../../core/melding";
import { readDocument, writeSheet } from "../services/excel-service";
import { ErrorBar, Info, Loading, errorText } from "../ui";
import { CSV_MIME, DOCX_MIME, downloadFile, fileStem } from "./download";

export const DEFAULT_NAME = "Helsefelleskap Vestfold";

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
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Years that measures in the register are tied to, newest first. */
function registerYears(wb: GridWorkbook): number[] {
  const grid = findRegisterGrid(wb);
  if (!grid) return [];
  const years = new Set<number>();
  for (const m of readRegister(grid).measures) if (m.year !== null) years.add(m.year);
  return [...years].sort((a, b) => b - a);
}

const kr = (v: number | null) => (v === null ? "ikke oppgitt" : `${formatNok(v)} kr`);

export function MeldingTab({ active }: { active: boolean }) {
  const styles = useStyles();
  const [wb, setWb] = React.useState<GridWorkbook | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [year, setYear] = React.useState<number | null>(null);
  const [name, setName] = React.useState(DEFAULT_NAME);
  const nameTouched = React.useRef(false);
  const [status, setStatus] = React.useState("");
  const [working, setWorking] = React.useState(false);

  const load = React.useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setWb(await readDocument());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  const loaded = wb !== null;
  React.useEffect(() => {
    if (active && !loaded) void load();
  }, [active, loaded, load]);

  const years = React.useMemo(() => (wb ? registerYears(wb) : []), [wb]);
  React.useEffect(() => {
    if (wb && !nameTouched.current) setName(guessCommunityName(wb) ?? DEFAULT_NAME);
  }, [wb]);
  React.useEffect(() => {
    if (year === null && years.length > 0) setYear(years[0]);
  }, [years, year]);
  const chosenYear = year ?? new Date().getFullYear() - 1;

  const computed = React.useMemo(() => {
    if (!wb) return null;
    try {
      const report: Report = buildReport(wb, { year: chosenYear, name: name.trim() || DEFAULT_NAME });
      const rec = reconcile(wb, { year: chosenYear });
      return { report, rec, error: null };
    } catch (e) {
      return { report: null, rec: null, error: errorText(e) };
    }
  }, [wb, chosenYear, name]);
  const report = computed?.report ?? null;
  const sheetName = reportSheetName(chosenYear);

  const act = async (what: () => Promise<string>) => {
    setWorking(true);
    setError(null);
    try {
      setStatus(await what());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setWorking(false);
    }
  };

  const makeSheet = (r: Report) =>
    act(async () => {
      const table = reportTable(r);
      const written = await writeSheet(table.sheetName, {
        title: table.title,
        headers: table.headers,
        rows: table.rows,
        numberColumns: table.numberColumns,
      });
      return `Skrev arket «${written}».`;
    });

  const makeDocx = (r: Report) =>
    act(async () => {
      // Loaded on demand: the docx library is large and only needed here.
      const { reportDocx } = await import("../../report/docx");
      const bytes = await reportDocx([r], { year: r.year });
      downloadFile(bytes, `${fileStem(sheetName)}.docx`, DOCX_MIME);
      return `Lastet ned ${fileStem(sheetName)}.docx.`;
    });

  const makeCsv = (r: Report) =>
    act(async () => {
      downloadFile(reportCsv(r), `${fileStem(sheetName)}.csv`, CSV_MIME);
      return `Lastet ned ${fileStem(sheetName)}.csv.`;
    });

  return (
    <div className={styles.root}>
      <div className={styles.form}>
        {years.length > 0 ? (
          <Field label="År">
            <Dropdown
              value={String(chosenYear)}
              selectedOptions={[String(chosenYear)]}
              onOptionSelect={(_, d) => d.optionValue && setYear(Number(d.optionValue))}
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
                if (Number.isInteger(v) && v >= 2000 && v <= 2100) setYear(v);
              }}
            />
          </Field>
        )}
        <Field label="Navn på helsefellesskapet">
          <Input
            value={name}
            onChange={(_, d) => {
              nameTouched.current = true;
              setName(d.value);
            }}
          />
        </Field>
      </div>

      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!report || working}
          onClick={() => report && void makeSheet(report)}
        >
          Lag ark
        </Button>
        <Button disabled={!report || working} onClick={() => report && void makeDocx(report)}>
          Last ned .docx
        </Button>
        <Button disabled={!report || working} onClick={() => report && void makeCsv(report)}>
          Last ned .csv
        </Button>
        <Button appearance="subtle" disabled={loading} onClick={() => void load()}>
          Les på nytt
        </Button>
      </div>
      <div role="status" aria-live="polite" className={styles.small}>
        {working ? "Arbeider …" : status}
      </div>

      {loading && <Loading label="Leser registeret …" />}
      {error && <ErrorBar title="Noe gikk galt" error={error} />}
      {computed?.error && <ErrorBar title="Klarte ikke å lage meldingen" error={computed.error} />}
      {wb && years.length === 0 && !loading && (
        <Info intent="warning">Fant ingen tiltak med årstall i registeret. Velg år selv.</Info>
      )}

      {report && (
        <section aria-labelledby="melding-preview">
          <h3 id="melding-preview" className={styles.heading}>
            {report.title}
          </h3>
          <Text block className={styles.small}>
            {report.blocks.length} tiltak ·{" "}
            <span className={styles.total}>sum {formatNok(report.total)} kr</span>
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
                    {b.sum == null ? "Sum ikke oppgitt" : `${formatNok(b.sum)} kr`}
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
          {report.problems.length > 0 && (
            <>
              <h3 className={styles.heading}>Merknader ({report.problems.length})</h3>
              <ul className={styles.list}>
                {report.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {computed?.rec && (
        <section aria-labelledby="melding-avstemming">
          <h3 id="melding-avstemming" className={styles.heading}>
            Avstemming mot RST-regnskap og plan
          </h3>
          {computed.rec.problems.length > 0 && (
            <ul className={styles.list}>
              {computed.rec.problems.map((p, i) => (
                <li key={`p-${i}`}>{p.message}</li>
              ))}
            </ul>
          )}
          {computed.rec.differences.length === 0 && computed.rec.unmatched.length === 0 && (
            <Info intent="success">Ingen avvik mellom melding, regnskap og plan.</Info>
          )}
          {computed.rec.differences.length > 0 && (
            <ul className={styles.list} data-testid="differences">
              {computed.rec.differences.map((d, i) => (
                <li key={`${d.measure}-${i}`}>
                  <strong>{d.measure}</strong>: melding {kr(d.register)}, regnskap {kr(d.ledger)}
                  {d.plan !== null ? `, plan ${kr(d.plan)}` : ""}. {d.note}
                </li>
              ))}
            </ul>
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
    </div>
  );
}
