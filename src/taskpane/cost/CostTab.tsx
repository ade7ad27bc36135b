import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import {
  AMBULANT_RONTGEN,
  COST_SHEET_NAME,
  DEFAULT_RANGE,
  scenarioResult,
  sensitivity,
  type ScenarioId,
} from "../../core/cost-model";
import { createStore, useStore } from "../store";
import { ErrorBar, Info, Loading } from "../ui";
import { FollowUpCalculator } from "./FollowUpCalculator";
import { LineChart } from "./LineChart";
import { SharingCalculator } from "./SharingCalculator";
import { costController, costReducer, initialCost, type CostPort } from "./state";
import { useCostStyles } from "./styles";

const kr = (v: number) => `${formatNok(Math.round(v))} kr`;

/** The "Kostnadsmodell" tab: scenario, key figures, insert the live sheet, sensitivity chart, cost sharing, follow-up. */
export function CostTab({ port }: { active?: boolean; port: CostPort }) {
  const styles = useCostStyles();
  const store = React.useMemo(() => createStore(costReducer, initialCost), []);
  const ctl = React.useMemo(() => costController(port, store), [port, store]);
  const { scenario, busy, error, done, confirm } = useStore(store);
  const r = scenarioResult(scenario);
  const range = { ...DEFAULT_RANGE, to: AMBULANT_RONTGEN.capacity };
  const rows = sensitivity(r.annual, r.alternative, range);

  return (
    <div className={styles.root}>
      <Field label="Scenario">
        <RadioGroup
          value={scenario}
          onChange={(_, d) => store.dispatch({ type: "scenario-set", scenario: d.value as ScenarioId })}
          aria-label="Scenario"
        >
          {AMBULANT_RONTGEN.scenarios.map((s) => (
            <Radio key={s.id} value={s.id} label={`${s.name} (${s.missions} oppdrag)`} />
          ))}
        </RadioGroup>
      </Field>

      <section className={styles.section} aria-labelledby="cost-figures-heading">
        <h3 id="cost-figures-heading" className={styles.heading}>
          Ambulant røntgen, {r.name}
        </h3>
        <dl className={styles.figures} data-testid="cost-figures">
          <dt className={styles.dt}>Årskostnad</dt>
          <dd className={styles.dd}>{kr(r.annual)}</dd>
          <dt className={styles.dt}>Kostnad per oppdrag</dt>
          <dd className={styles.dd}>{kr(r.perMission)}</dd>
          <dt className={styles.dt}>Alternativ per pasient</dt>
          <dd className={styles.dd}>{kr(r.alternative)}</dd>
          <dt className={styles.dt}>Balansepunkt</dt>
          <dd className={styles.dd}>{formatNok(r.breakEven)} oppdrag</dd>
          <dt className={styles.dt}>Besparelse per år</dt>
          <dd className={styles.dd}>{kr(r.saving)}</dd>
        </dl>
      </section>

      <div className={styles.section}>
        <div>
          <Button appearance="primary" onClick={() => void ctl.start()} disabled={busy}>
            Sett inn kostnadsmodell
          </Button>
        </div>
        <Text size={200} className={styles.note}>
          Lager arket «{COST_SHEET_NAME}» med formler: endre de gule cellene, så regnes resultatene om.
        </Text>
        {busy && <Loading label="Setter inn arket …" />}
        {error && <ErrorBar title="Klarte ikke å sette inn kostnadsmodellen" error={error} />}
        {done && <Info intent="success">Arket «{done}» er satt inn.</Info>}
      </div>

      <section className={styles.section} aria-labelledby="cost-sensitivity-heading">
        <h3 id="cost-sensitivity-heading" className={styles.heading}>
          Følsomhet
        </h3>
        <LineChart annual={r.annual} alternative={r.alternative} breakEven={r.breakEven} range={range} />
        <table className={styles.table} data-testid="cost-sensitivity">
          <caption className={styles.caption}>
            Kostnad per oppdrag og besparelse per år etter antall oppdrag (kr).
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                Oppdrag
              </th>
              <th scope="col" className={styles.th}>
                Per oppdrag
              </th>
              <th scope="col" className={styles.th}>
                Besparelse
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.missions}>
                <th scope="row" className={styles.td}>
                  {formatNok(row.missions)}
                </th>
                <td className={styles.td}>{formatNok(Math.round(row.perMission))}</td>
                <td className={styles.td}>{formatNok(Math.round(row.saving))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <SharingCalculator total={r.annual} />
      <FollowUpCalculator />

      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && ctl.cancel()}>
        <DialogSurface style={{ maxWidth: "min(420px, calc(100vw - 24px))" }}>
          <DialogBody>
            <DialogTitle>Arket finnes fra før</DialogTitle>
            <DialogContent>
              Arbeidsboken har allerede et ark som heter «{COST_SHEET_NAME}». Det endres ikke. Vil du sette
              inn kostnadsmodellen som et nytt ark «{confirm}»?
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void ctl.insertAsNew()}>
                Sett inn som nytt ark
              </Button>
              <Button onClick={() => ctl.cancel()}>Avbryt</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
