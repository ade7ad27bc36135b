/**
 * Budget follow-up for a measure such as the digital møteserie for fastleger: budget against
 * accounts, overspend, and a year-end forecast from the pace so far (COST.FORECAST).
 */
import { forecast } from "../cost";

export interface FollowUpInput {
  budget: number;
  accounted: number;
  /** Spent on the units done so far (the forecast's basis). */
  spentToDate?: number;
  unitsDone?: number;
  unitsTotal?: number;
}

export interface FollowUp {
  budget: number;
  accounted: number;
  /** accounted − budget: positive = merforbruk, negative = mindreforbruk. */
  deviation: number;
  overspend: number;
  /** accounted / budget; null when the budget is 0. */
  usedShare: number | null;
  /** Year-end forecast (whole kroner); null when it cannot be computed (see note). */
  forecast: number | null;
  /** forecast − budget. */
  forecastDeviation: number | null;
  /** Norwegian reason when the forecast is missing. */
  note?: string;
}

const whole = (x: number) => Math.round(x) + 0;

export function followUp(input: FollowUpInput): FollowUp {
  const { budget, accounted, spentToDate, unitsDone, unitsTotal } = input;
  const deviation = accounted - budget;
  const out: FollowUp = {
    budget,
    accounted,
    deviation,
    overspend: Math.max(0, deviation),
    usedShare: budget !== 0 ? accounted / budget : null,
    forecast: null,
    forecastDeviation: null,
  };
  if (spentToDate === undefined && unitsDone === undefined && unitsTotal === undefined) {
    out.note = "Ingen prognose: fyll inn påløpt hittil, gjennomførte og planlagte enheter.";
    return out;
  }
  if (spentToDate === undefined || !Number.isFinite(spentToDate))
    out.note = "Ingen prognose: påløpt hittil mangler.";
  else if (unitsDone === undefined || !(unitsDone > 0))
    out.note = "Ingen prognose: antall gjennomførte enheter må være større enn 0.";
  else if (unitsTotal === undefined || !(unitsTotal >= 0))
    out.note = "Ingen prognose: antall planlagte enheter mangler.";
  else {
    out.forecast = whole(forecast(spentToDate, unitsDone, unitsTotal));
    out.forecastDeviation = out.forecast - budget;
  }
  return out;
}
