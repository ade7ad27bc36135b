import * as React from "react";
import { Field, Input, Text, mergeClasses } from "@fluentui/react-components";
import { formatKr } from "../../core/format";
import { followUp, readFollowUp, type FollowUpField } from "../../core/cost-model";
import { useCostStyles } from "./styles";

const FIELDS: { key: FollowUpField; label: string; initial: string }[] = [
  { key: "budget", label: "Bevilget (budsjett), kr", initial: "700 000" },
  { key: "accounted", label: "Regnskap (påløpt), kr", initial: "808 985" },
  { key: "spentToDate", label: "Fakturert hittil, kr", initial: "323 598" },
  { key: "unitsDone", label: "Gjennomførte møter", initial: "4" },
  { key: "unitsTotal", label: "Planlagte møter i året", initial: "10" },
];

/** Budget follow-up for a measure (the digital møteserie's seed figures as a start): overspend and forecast. */
export function FollowUpCalculator() {
  const styles = useCostStyles();
  const [values, setValues] = React.useState<Record<FollowUpField, string>>(
    () => Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])) as Record<FollowUpField, string>,
  );
  // core/cost-model/inputs: impossible figures are refused with one message per field, and then
  // nothing is computed (0 planned meetings once gave «Prognose mot budsjett −700 000 kr»)
  const form = readFollowUp(values);
  const f = form.ok ? followUp(form.values) : null;
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
          validationState={form.errors[field.key] ? "error" : "none"}
          validationMessage={form.errors[field.key]}
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
            {formatKr(Math.abs(f.deviation))}
          </dd>
          {f.forecast !== null && f.forecastDeviation !== null && (
            <>
              <dt className={styles.dt}>Prognose for året</dt>
              <dd className={styles.dd}>{formatKr(f.forecast)}</dd>
              <dt className={styles.dt}>Prognose mot budsjett</dt>
              <dd className={mergeClasses(styles.dd, f.forecastDeviation > 0 && styles.over)}>
                {formatKr(f.forecastDeviation)}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <Text size={200} className={styles.note}>
          {Object.keys(form.errors).length > 0
            ? "Rett feltene som er merket, så regnes oppfølgingen ut."
            : "Fyll inn bevilget beløp og regnskap."}
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
