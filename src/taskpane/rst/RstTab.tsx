import * as React from "react";
import { Button, ProgressBar, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import type { LedgerYear } from "../../core/ledger";
import { findLedgerGrid, readLedger } from "../../core/ledger-sheet";
import { validateWorkbook, type ValidationResult } from "../../core/plan";
import { readDocument, savedOptions } from "../services/excel-service";
import { useLastCheck } from "../state";
import { ErrorBar, Info, Loading, errorText } from "../ui";
import { BarChart } from "./BarChart";
import { budgetLine, keepNumbersTogether } from "./budget";
import type { Series } from "./chart-model";

const SERIES: Series[] = [
  { key: "granted", label: "Tildelt", color: "#0f6cbd" },
  { key: "allocated", label: "Fordelt", color: "#c75000" },
  { key: "carriedOut", label: "Overført ut", color: "#107c41" },
];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    tableLayout: "fixed",
  },
  caption: { textAlign: "left", color: tokens.colorNeutralForeground2, paddingBottom: "4px" },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    padding: "2px 3px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "bottom",
    lineHeight: "1.2",
  },
  td: {
    textAlign: "right",
    padding: "3px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: "nowrap",
  },
  year: { textAlign: "left", width: "2.6em" },
  negative: { color: tokens.colorStatusDangerForeground1 },
  plan: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

interface RstData {
  years: LedgerYear[];
  plan: ValidationResult;
  ledgerSheet: string | null;
}

/**
 * When the plan year's grant is not registered yet, what was carried into the year is
 * still known: compare the plan against that, so an overspend is visible early.
 */
function carriedInLine(plan: ValidationResult, years: LedgerYear[]): { text: string; over: boolean } | null {
  const y = years.find((x) => x.year === plan.planYear);
  if (!y || y.carriedIn === 0) return null;
  const rest = y.carriedIn - plan.summary.rstTotal;
  const tail =
    rest < 0 ? `planen er ${formatNok(-rest)} kr over dette` : `${formatNok(rest)} kr igjen av dette`;
  return {
    text: keepNumbersTogether(`Overført inn til ${plan.planYear}: ${formatNok(y.carriedIn)} kr — ${tail}.`),
    over: rest < 0,
  };
}

const nok = (v: number | null) => (v === null ? "–" : formatNok(v));

export function RstTab({ active }: { active: boolean }) {
  const styles = useStyles();
  const { last } = useLastCheck();
  const [data, setData] = React.useState<RstData | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const wb = await readDocument();
      const grid = findLedgerGrid(wb);
      const years = grid ? readLedger(grid).years : [];
      // A fresh validation of what was just read, so the plan total matches the ledger shown.
      const plan = validateWorkbook(wb, savedOptions());
      setData({ years, plan, ledgerSheet: grid?.sheet ?? null });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, []);

  // Load the first time the tab is shown, and again after each new validation.
  const lastResult = last?.result;
  React.useEffect(() => {
    if (active) void load();
  }, [active, lastResult, load]);

  const years = data?.years ?? [];
  const plan = data?.plan;
  const budget = plan ? budgetLine(plan.summary.rstTotal, plan.summary.available, plan.planYear) : null;
  const carryOnly = plan && plan.summary.available === null ? carriedInLine(plan, years) : null;
  const summary =
    years.length === 0
      ? "Ingen år i RST-regnskapet."
      : `RST per år: ${years
          .map(
            (y) =>
              `${y.year}: tildelt ${y.granted === null ? "ukjent" : `${formatNok(y.granted)} kr`}, fordelt ${formatNok(y.allocated)} kr, overført ut ${y.carriedOut === null ? "ukjent" : `${formatNok(y.carriedOut)} kr`}`,
          )
          .join("; ")}.`;

  return (
    <div className={styles.root}>
      <div>
        <Button onClick={() => void load()} disabled={loading}>
          Oppdater
        </Button>
      </div>
      {loading && <Loading label="Leser RST-regnskapet …" />}
      {error && <ErrorBar title="Klarte ikke å lese RST-regnskapet" error={error} />}

      {plan && budget && (
        <section className={styles.plan} aria-labelledby="rst-plan-heading">
          <h3 id="rst-plan-heading" className={styles.heading}>
            Handlingsplan {plan.planYear}
          </h3>
          <Text size={200} className={budget.over ? styles.over : undefined} data-testid="rst-budget">
            RST-finansiert: {budget.text}
          </Text>
          {carryOnly && (
            <Text size={200} className={carryOnly.over ? styles.over : undefined}>
              {carryOnly.text}
            </Text>
          )}
          {budget.ratio !== null && (
            <ProgressBar
              value={budget.ratio}
              color={budget.over ? "error" : "brand"}
              thickness="large"
              aria-label={`Andel av tilgjengelige RST-midler brukt i ${plan.planYear}`}
            />
          )}
        </section>
      )}

      {data && years.length === 0 && (
        <Info intent="warning">
          Fant ikke noe RST-regnskap i arbeidsboken (et ark med tildelinger per år).
        </Info>
      )}

      {years.length > 0 && (
        <>
          <table className={styles.table}>
            <caption className={styles.caption}>
              RST per år{data?.ledgerSheet ? ` (ark «${data.ledgerSheet}»)` : ""}. Beløp i kr.
            </caption>
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(styles.th, styles.year)}>
                  År
                </th>
                <th scope="col" className={styles.th}>
                  Tildelt
                </th>
                <th scope="col" className={styles.th}>
                  Overført inn
                </th>
                <th scope="col" className={styles.th}>
                  Fordelt
                </th>
                <th scope="col" className={styles.th}>
                  Overført ut
                </th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row" className={mergeClasses(styles.td, styles.year)}>
                    {y.year}
                  </th>
                  <td className={styles.td}>{nok(y.granted)}</td>
                  <td className={styles.td}>{nok(y.carriedIn)}</td>
                  <td className={styles.td}>{nok(y.allocated)}</td>
                  <td
                    className={mergeClasses(styles.td, (y.carriedOut ?? 0) < 0 ? styles.negative : undefined)}
                  >
                    {nok(y.carriedOut)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {years.some((y) => (y.carriedOut ?? 0) < 0) && (
            <Text className={styles.note}>
              Negativ overføring betyr overforbruk forskuttert av neste års tilskudd.
            </Text>
          )}
          <BarChart
            title="Tildelt, fordelt og overført per år"
            series={SERIES}
            groups={years.map((y) => ({
              label: String(y.year),
              values: [y.granted, y.allocated, y.carriedOut],
            }))}
            summary={summary}
          />
        </>
      )}
    </div>
  );
}
