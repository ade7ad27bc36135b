import * as React from "react";
import { Field, Input, Select, Text, mergeClasses } from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import { formatKr } from "../../core/format";
import {
  MUNICIPALITIES,
  SHARING_MODELS,
  readSharing,
  shareCost,
  type SharingModel,
} from "../../core/cost-model";
import { useCostStyles } from "./styles";

/** Split the annual cost between the hospital and the six municipalities; computed in core (shareCost). */
export function SharingCalculator({ total }: { total: number }) {
  const styles = useCostStyles();
  const [model, setModel] = React.useState<SharingModel>("halv-innbyggere");
  const [population, setPopulation] = React.useState<string[]>(() => MUNICIPALITIES.map(() => ""));
  const [use, setUse] = React.useState<string[]>(() => MUNICIPALITIES.map(() => ""));
  const info = SHARING_MODELS.find((m) => m.id === model) ?? SHARING_MODELS[0];
  // core/cost-model/inputs: one message per refused field; refused fields count as not filled in
  const read = readSharing({ population, use });
  const result = shareCost(total, model, { population: read.population, use: read.use });
  const set = (list: string[], setList: (v: string[]) => void, i: number, v: string) =>
    setList(list.map((x, k) => (k === i ? v : x)));
  const field = (
    kind: "population" | "use",
    i: number,
    m: string,
    title: string,
    list: string[],
    setList: (v: string[]) => void,
  ) => {
    const id = `sharing-${kind}-${i}`;
    const error = read.errors[`${kind}.${i}`];
    return (
      <div className={styles.numberField}>
        {/* visible «Innbyggere»; the name goes on «i Færder» so the field says whose it is */}
        <label htmlFor={id} className={styles.fieldLabel}>
          {title}
          <span className={styles.srOnly}> i {m}</span>
        </label>
        <Input
          id={id}
          className={styles.input}
          size="small"
          inputMode="numeric"
          placeholder="Fyll inn"
          value={list[i]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(_, d) => set(list, setList, i, d.value)}
        />
      </div>
    );
  };
  const errors = Object.entries(read.errors);

  return (
    <section className={styles.section} aria-labelledby="cost-sharing-heading">
      <h3 id="cost-sharing-heading" className={styles.heading}>
        Kostnadsdeling
      </h3>
      <Field label="Fordelingsmodell" hint={info.description}>
        <Select value={model} onChange={(_, d) => setModel(d.value as SharingModel)}>
          {SHARING_MODELS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.municipalities}>
        {MUNICIPALITIES.map((m, i) => (
          <fieldset key={m} className={styles.municipality}>
            <legend className={styles.municipalityName}>{m}</legend>
            {field("population", i, m, "Innbyggere", population, setPopulation)}
            {field("use", i, m, "Oppdrag per år", use, setUse)}
          </fieldset>
        ))}
      </div>
      {errors.map(([key, message]) => (
        <Text
          key={key}
          id={`sharing-${key.replace(".", "-")}-error`}
          size={200}
          className={styles.invalid}
          role="alert"
        >
          {message}
        </Text>
      ))}
      {result.ok ? (
        <table className={styles.table} data-testid="cost-sharing-table">
          <caption className={styles.caption}>
            {info.label}: {formatKr(result.total)} i hele kroner.
          </caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.th, styles.left)}>
                Part
              </th>
              <th scope="col" className={styles.th}>
                Andel (kr)
              </th>
            </tr>
          </thead>
          <tbody>
            {result.shares.map((s) => (
              <tr key={s.partner}>
                <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                  {s.partner}
                </th>
                <td className={styles.td}>{formatNok(s.amount)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={mergeClasses(styles.td, styles.rowHead)}>
                Sum
              </th>
              <td className={styles.td}>{formatNok(result.shares.reduce((a, s) => a + s.amount, 0))}</td>
            </tr>
          </tbody>
        </table>
      ) : errors.some(([key]) => key.startsWith(`${info.needs}.`)) ? null : (
        // a refused field has said what is wrong; the share's reason would only repeat it
        <Text size={200} className={styles.note} role="status">
          {result.reason}
        </Text>
      )}
    </section>
  );
}
