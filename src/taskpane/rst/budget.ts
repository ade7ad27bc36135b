/** The plan's RST total against what is available, as one Norwegian sentence. Pure. */
import { formatKr } from "../../core/format";

export interface BudgetLine {
  /** "6 710 000 kr av 1 810 030 kr tilgjengelig — 4 899 970 kr over" */
  text: string;
  /** Share of the available sum used, 0–1 (capped), or null when the grant is unknown. */
  ratio: number | null;
  over: boolean;
}

export function budgetLine(rstTotal: number, available: number | null, planYear: number): BudgetLine {
  const total = `${formatKr(rstTotal)}`;
  if (available === null) {
    return {
      text: keepNumbersTogether(`${total} — tildeling for ${planYear} ikke registrert`),
      ratio: null,
      over: false,
    };
  }
  const rest = available - rstTotal;
  const tail = rest < 0 ? `${formatKr(-rest)} over` : `${formatKr(rest)} igjen`;
  const ratio = available > 0 ? Math.min(1, Math.max(0, rstTotal / available)) : rstTotal > 0 ? 1 : 0;
  return {
    text: keepNumbersTogether(`${total} av ${formatKr(available)} tilgjengelig — ${tail}`),
    ratio,
    over: rest < 0,
  };
}

/** Non-breaking spaces inside numbers ("4 899 970"), so an amount never wraps across lines. */
export function keepNumbersTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}(?!\d))/g, "$1\u00a0");
}
