import * as React from "react";
import { Field, Input, Text, mergeClasses } from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import { followUp } from "../../core/cost-model";
import { parseTyped, useCostStyles } from "./styles";

const FIELDS = [
  { key: "budget", label: "Bevilget (budsjett), kr", initial: "700 000" },
  { key: "accounted", label: "Regnskap (påløpt), kr", initial: "808 985" },
  { key: "spentToDate", label: "Fakturert hittil, kr", initial: "323 598" },
  { key: "unitsDone", label: "Gjennomførte møter", initial: "4" },
  { key: "unitsTotal", label: "Planlagte møter i året", initial: "10" },
] as const;

type Key = (typeof FIELDS)[number]["key"];

/** Budget follow-up for a measure (the digital møteserie's seed figures as a start): overspend and forecast. */
export function FollowUpCalculator() {
  const styles = useCostStyles();
  const [values, setValues] = React.useState<Record<Key, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])) as Record<Key, string>,
  );
  const parsed = Object.fromEntries(FIELDS.map((f) => [f.key, parseTyped(values[f.key])])) as Record<
    Key,
    number | null
  >;
  const bad = FIELDS.find((f) => Number.isNaN(parsed[f.key]));
  const opt = (v: number | null) => (v === null ? undefined : v);
  const f =
    !bad && parsed.budget !== null && parsed.accounted !== null
      ? followUp({
          budget: parsed.budget,
          accounted: parsed.accounted,
          spentToDate: opt(parsed.spentToDate),
          unitsDone: opt(parsed.unitsDone),
          unitsTotal: opt(parsed.unitsTotal),
        })
      : null;
  return (
    <section className={styles.section} aria-labelledby="cost-followup-heading">
      <h3 id="cost-followup-heading" className={styles.heading}>
        Budsjettoppfølging
      </h3>
      {FIELDS.map((field) => (
        <Field
          key={field.key}
          label={field.label}
          size="small"
          validationMessage={bad?.key === field.key ? "Skriv et tall, for eksempel 700 000." : undefined}
        >
          <Input
            size="small"
            inputMode="numeric"
            value={values[field.key]}
            onChange={(_, d) => setValues({ ...values, [field.key]: d.value })}
          />
        </Field>
      ))}
      {f ? (
        <dl className={styles.figures} data-testid="cost-followup">
          <dt className={styles.dt}>{f.deviation >= 0 ? "Merforbruk" : "Mindreforbruk"}</dt>
          <dd className={mergeClasses(styles.dd, f.deviation > 0 && styles.over)}>
            {formatNok(Math.abs(f.deviation))} kr
          </dd>
          {f.forecast !== null && f.forecastDeviation !== null && (
            <>
              <dt className={styles.dt}>Prognose for året</dt>
              <dd className={styles.dd}>{formatNok(f.forecast)} kr</dd>
              <dt className={styles.dt}>Prognose mot budsjett</dt>
              <dd className={mergeClasses(styles.dd, f.forecastDeviation > 0 && styles.over)}>
                {formatNok(f.forecastDeviation)} kr
              </dd>
            </>
          )}
        </dl>
      ) : (
        <Text size={200} className={styles.note}>
          Fyll inn bevilget beløp og regnskap.
        </Text>
      )}
      {f?.note && (
        <Text size={200} className={styles.note}>
          {f.note}
        </Text>
      )}
    </section>
  );
}
