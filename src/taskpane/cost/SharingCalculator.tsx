import * as React from "react";
import { Field, Input, Select, Text, mergeClasses } from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import { MUNICIPALITIES, SHARING_MODELS, shareCost, type SharingModel } from "../../core/cost-model";
import { parseTyped, useCostStyles } from "./styles";

/** Split the annual cost between the hospital and the six municipalities; computed in core (shareCost). */
export function SharingCalculator({ total }: { total: number }) {
  const styles = useCostStyles();
  const [model, setModel] = React.useState<SharingModel>("halv-innbyggere");
  const [population, setPopulation] = React.useState<string[]>(() => MUNICIPALITIES.map(() => ""));
  const [use, setUse] = React.useState<string[]>(() => MUNICIPALITIES.map(() => ""));
  const info = SHARING_MODELS.find((m) => m.id === model) ?? SHARING_MODELS[0];
  const numbers = (xs: string[]) =>
    xs.map((x) => {
      const n = parseTyped(x);
      return n === null || Number.isNaN(n) ? null : n;
    });
  const badField = [
    ...population.map((p, i) => ({ p, i, what: "innbyggertall" })),
    ...use.map((p, i) => ({ p, i, what: "oppdrag" })),
  ].find((f) => Number.isNaN(parseTyped(f.p) ?? 0));
  const result = shareCost(total, model, { population: numbers(population), use: numbers(use) });
  const set = (list: string[], setList: (v: string[]) => void, i: number, v: string) =>
    setList(list.map((x, k) => (k === i ? v : x)));

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
      <div className={styles.grid} role="group" aria-label="Innbyggertall og oppdrag per kommune">
        <Text size={200} weight="semibold">
          Kommune
        </Text>
        <Text size={200} weight="semibold">
          Innbyggere
        </Text>
        <Text size={200} weight="semibold">
          Oppdrag
        </Text>
        {MUNICIPALITIES.map((m, i) => (
          <React.Fragment key={m}>
            <Text size={200}>{m}</Text>
            <Input
              className={styles.input}
              size="small"
              inputMode="numeric"
              placeholder="Fyll inn"
              aria-label={`Innbyggere i ${m}`}
              value={population[i]}
              onChange={(_, d) => set(population, setPopulation, i, d.value)}
            />
            <Input
              className={styles.input}
              size="small"
              inputMode="numeric"
              placeholder="Fyll inn"
              aria-label={`Oppdrag per år i ${m}`}
              value={use[i]}
              onChange={(_, d) => set(use, setUse, i, d.value)}
            />
          </React.Fragment>
        ))}
      </div>
      {badField && (
        <Text size={200} className={styles.over} role="alert">
          «{badField.p}» er ikke et tall ({badField.what} for {MUNICIPALITIES[badField.i]}). Skriv et helt
          tall, for eksempel 48 000.
        </Text>
      )}
      {result.ok ? (
        <table className={styles.table} data-testid="cost-sharing-table">
          <caption className={styles.caption}>
            {info.label}: {formatNok(result.total)} kr i hele kroner.
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
      ) : (
        <Text size={200} className={styles.note} role="status">
          {result.reason}
        </Text>
      )}
    </section>
  );
}
