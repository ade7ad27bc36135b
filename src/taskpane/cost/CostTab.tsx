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
import { ErrorBar, Info, Loading, errorText } from "../ui";
import { FollowUpCalculator } from "./FollowUpCalculator";
import { LineChart } from "./LineChart";
import { SharingCalculator } from "./SharingCalculator";
import { costSheetName, insertCostModel } from "./service";
import { useCostStyles } from "./styles";

/** Injected in tests and the preview; Excel otherwise. */
export interface CostActions {
  sheetName(name: string): Promise<{ taken: boolean; freeName: string }>;
  insert(scenario: ScenarioId): Promise<{ sheet: string }>;
}

const EXCEL_ACTIONS: CostActions = { sheetName: costSheetName, insert: insertCostModel };

const kr = (v: number) => `${formatNok(Math.round(v))} kr`;

/** The "Kostnadsmodell" tab: scenario, key figures, insert the live sheet, sensitivity chart, cost sharing, follow-up. */
export function CostTab({ actions = EXCEL_ACTIONS }: { active?: boolean; actions?: CostActions }) {
  const styles = useCostStyles();
  const [scenario, setScenario] = React.useState<ScenarioId>("2024");
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [confirm, setConfirm] = React.useState<string | null>(null);
  const r = scenarioResult(scenario);
  const range = { ...DEFAULT_RANGE, to: AMBULANT_RONTGEN.capacity };
  const rows = sensitivity(r.annual, r.alternative, range);

  const write = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await actions.insert(scenario);
      setDone(res.sheet);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    setDone(null);
    setError(null);
    setBusy(true);
    try {
      const check = await actions.sheetName(COST_SHEET_NAME);
      if (check.taken) {
        setBusy(false);
        setConfirm(check.freeName); // ask first; the existing sheet is never touched
        return;
      }
    } catch (e) {
      setBusy(false);
      setError(errorText(e));
      return;
    }
    await write();
  };

  return (
    <div className={styles.root}>
      <Field label="Scenario">
        <RadioGroup
          value={scenario}
          onChange={(_, d) => setScenario(d.value as ScenarioId)}
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
          <Button appearance="primary" onClick={() => void start()} disabled={busy}>
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

      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && setConfirm(null)}>
        <DialogSurface style={{ maxWidth: "min(420px, calc(100vw - 24px))" }}>
          <DialogBody>
            <DialogTitle>Arket finnes fra før</DialogTitle>
            <DialogContent>
              Arbeidsboken har allerede et ark som heter «{COST_SHEET_NAME}». Det endres ikke. Vil du sette
              inn kostnadsmodellen som et nytt ark «{confirm}»?
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirm(null);
                  void write();
                }}
              >
                Sett inn som nytt ark
              </Button>
              <Button onClick={() => setConfirm(null)}>Avbryt</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
