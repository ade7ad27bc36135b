/**
 * The ambulant røntgen cost model's inputs as the hospital's controller set them up
 * (seed: "Ambulant røntgen – forslag til videre organisering", tables 1–3), and the
 * model's results computed with core/cost.ts. The sheet template shows the same inputs
 * as editable cells; tests check both against examples/data/kostnadsmodeller.json.
 */
import { annualCost, breakEven, perUnit, savings } from "../cost";

export type ScenarioId = "2024" | "2018";

export interface RunningCost {
  account: string; // "7000"
  label: string; // "drivstoff"
  amount: number;
}

export interface Investment {
  item: string;
  price: number;
  years: number;
  note: string;
}

export interface CostScenario {
  id: ScenarioId;
  name: string; // "2024-nivå"
  missions: number;
  missionsNote: string;
  running: RunningCost[];
}

export interface CostModelInputs {
  salary: number;
  salaryNote: string;
  investments: Investment[];
  capacity: number;
  capacityNote: string;
  /** The same examination at the hospital, per patient. */
  alternative: { label: string; amount: number; note: string }[];
  scenarios: CostScenario[];
}

const ACCOUNTS = [
  { account: "7000", label: "drivstoff" },
  { account: "7020", label: "vedlikehold transpbil" },
  { account: "7040", label: "forsikring transpbil" },
  { account: "7090", label: "annen kost transpbil" },
];

const running = (amounts: number[]): RunningCost[] => ACCOUNTS.map((a, i) => ({ ...a, amount: amounts[i] }));

export const AMBULANT_RONTGEN: CostModelInputs = {
  salary: 850_000,
  salaryNote: "snittlønn 611' + sos utg",
  investments: [
    { item: "Ny bil", price: 700_000, years: 5, note: "bil avskrives over 5 år" },
    { item: "Nytt røntgenapparat", price: 1_600_000, years: 10, note: "rtg utstyr avskrives over 10 år" },
  ],
  capacity: 1000,
  capacityNote: "stabil drift 5 dager i uka, 52 uker i året (minus helligdager)",
  alternative: [
    { label: "Ambulanseoppdrag, frem og tilbake", amount: 18_000, note: "SSB og Ambulanseforum" },
    {
      label: "Liggetid i akuttmottak/røntgen (snitt 6 timer)",
      amount: 12_000,
      note: "KPP, controller på sykehuset",
    },
  ],
  scenarios: [
    {
      id: "2024",
      name: "2024-nivå",
      missions: 380,
      missionsNote: "oppdrag i 2024",
      running: running([13_000, 17_000, 5_000, 9_000]),
    },
    {
      id: "2018",
      name: "2018/19-nivå",
      missions: 700,
      missionsNote: "oppdrag før pandemien og nytt akuttsenter",
      running: running([26_000, 17_000, 7_000, 14_000]),
    },
  ],
};

export const SCENARIO_IDS: readonly ScenarioId[] = ["2024", "2018"];

export function isScenarioId(x: unknown): x is ScenarioId {
  return x === "2024" || x === "2018";
}

export function scenarioById(id: ScenarioId, inputs: CostModelInputs = AMBULANT_RONTGEN): CostScenario {
  const s = inputs.scenarios.find((x) => x.id === id);
  if (!s) throw new RangeError(`Ukjent scenario: ${id}`);
  return s;
}

export interface ScenarioResult {
  scenario: ScenarioId;
  name: string;
  missions: number;
  runningTotal: number;
  depreciation: number;
  annual: number;
  /** Unrounded (3 142,105…); the sheet shows it rounded to whole kroner. */
  perMission: number;
  alternative: number;
  /** Missions a year before ambulant røntgen costs less than the alternative. */
  breakEven: number;
  /** What a year at this volume saves against the alternative. */
  saving: number;
  /** Cost per mission at full capacity. */
  perMissionAtCapacity: number;
}

/** The model's results for one scenario, computed in core (the sheet computes the same with COST.*). */
export function scenarioResult(id: ScenarioId, inputs: CostModelInputs = AMBULANT_RONTGEN): ScenarioResult {
  const s = scenarioById(id, inputs);
  const runningTotal = s.running.reduce((a, r) => a + r.amount, 0);
  const investments = inputs.investments.map((i) => ({ price: i.price, years: i.years }));
  const annual = annualCost(inputs.salary, investments, runningTotal);
  const alternative = inputs.alternative.reduce((a, x) => a + x.amount, 0);
  return {
    scenario: s.id,
    name: s.name,
    missions: s.missions,
    runningTotal,
    depreciation: annual - inputs.salary - runningTotal,
    annual,
    perMission: perUnit(annual, s.missions),
    alternative,
    breakEven: breakEven(annual, alternative),
    saving: savings(annual, s.missions, alternative),
    perMissionAtCapacity: perUnit(annual, inputs.capacity),
  };
}
