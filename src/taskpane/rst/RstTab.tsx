import * as React from "react";
import { Button, ProgressBar, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import { formatKr } from "../../core/format";
import type { LedgerYear } from "../../core/ledger";
import type { ValidationResult } from "../../core/plan";
import { createStore, useStore } from "../store";
import { useLastCheck } from "../state";
import { ErrorBar, Info, Loading, ScrollRegion, usePanelStyles } from "../ui";
import { initialRst, rstController, rstReducer, type RstPort } from "./state";
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
  },
  caption: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
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
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/**
 * When the plan year's grant is not registered yet, what was carried into the year is
 * still known: compare the plan against that, so an overspend is visible early.
 */
function carriedInLine(plan: ValidationResult, years: LedgerYear[]): { text: string; over: boolean } | null {
  const y = years.find((x) => x.year === plan.planYear);
  if (!y || y.carriedIn === 0) return null;
  const rest = y.carriedIn - plan.summary.rstTotal;
  const tail = rest < 0 ? `planen er ${formatKr(-rest)} over dette` : `${formatKr(rest)} igjen av dette`;
  return {
    text: keepNumbersTogether(`Overført inn til ${plan.planYear}: ${formatKr(y.carriedIn)} — ${tail}.`),
    over: rest < 0,
  };
}

const nok = (v: number | null) => (v === null ? "–" : formatNok(v));
// What is not known is shown as unknown, as `rst ledger` does: an allocation without a known amount
// (blank, unreadable, never calculated) and a carry in after a year whose grant is unknown.
export const allocatedOf = (y: LedgerYear) => (y.allocatedUnknown ? null : y.allocated);
export const carriedInOf = (y: LedgerYear) => (y.carriedInUnknown ? null : y.carriedIn);
const known = (v: number | null) => (v === null ? "ukjent" : formatKr(v));

/** The RST tab: the ledger per year (table and chart) and the plan's RST total against it. */
export function RstTab({ active, port }: { active: boolean; port: RstPort }) {
  const styles = useStyles();
  const { panel } = usePanelStyles();
  const { last } = useLastCheck();
  const store = React.useMemo(() => createStore(rstReducer, initialRst), []);
  const ctl = React.useMemo(() => rstController(port, store), [port, store]);
  const { data, loading, error } = useStore(store);

  // Load the first time the tab is shown, and again after each new validation.
  const lastResult = last?.result;
  React.useEffect(() => {
    if (active) void ctl.load();
  }, [active, lastResult, ctl]);

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
              `${y.year}: tildelt ${known(y.granted)}, fordelt ${known(allocatedOf(y))}, overført ut ${known(y.carriedOut)}`,
          )
          .join("; ")}.`;

  return (
    <div className={styles.root}>
      <div>
        <Button onClick={() => void ctl.load()} disabled={loading}>
          Oppdater
        </Button>
      </div>
      {loading && <Loading label="Leser RST-regnskapet …" />}
      {error && <ErrorBar title="Klarte ikke å lese RST-regnskapet" error={error} />}

      {data?.planMissing && <Info intent="warning">{data.planMissing}</Info>}

      {plan && budget && (
        <section className={panel} aria-labelledby="rst-plan-heading">
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
          <Text id="rst-table-caption" className={styles.caption}>
            RST per år{data?.ledgerSheet ? ` (ark «${data.ledgerSheet}»)` : ""}. Beløp i kr.
          </Text>
          <ScrollRegion label="RST per år, tabell">
            <table className={styles.table} aria-labelledby="rst-table-caption">
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
                    <td className={styles.td}>{nok(carriedInOf(y))}</td>
                    <td className={styles.td}>{nok(allocatedOf(y))}</td>
                    <td
                      className={mergeClasses(
                        styles.td,
                        (y.carriedOut ?? 0) < 0 ? styles.negative : undefined,
                      )}
                    >
                      {nok(y.carriedOut)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
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
              values: [y.granted, allocatedOf(y), y.carriedOut],
            }))}
            summary={summary}
          />
        </>
      )}
    </div>
  );
}
