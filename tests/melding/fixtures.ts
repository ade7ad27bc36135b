/** Seed workbooks for the melding tests, built as grids from examples/data (the project's copies). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gridFromValues, type CellValue, type Grid } from "../../src/core/grid";

const DATA = join(__dirname, "..", "..", "examples", "data");

export interface MeldingJson {
  fields: string[];
  measures: {
    name: string;
    sum: number;
    agreement: string;
    status: string;
    duration: string;
    results: string;
    spread: string;
  }[];
  trailer: { name: string; sum: number }[];
}
export interface RstJson {
  grants: { year: number; granted: number }[];
  allocations: { year: number; measure: string; amount: number; runs?: string }[];
  expected: Record<string, number>;
}
export interface PlanJson {
  title: string;
  planYear: number;
  columns: string[];
  rows: string[][];
}

export const melding = JSON.parse(
  readFileSync(join(DATA, "arlig-melding-2025-vestfold.json"), "utf8"),
) as MeldingJson;
export const rst = JSON.parse(readFileSync(join(DATA, "rst-vestfold.json"), "utf8")) as RstJson;
export const plan = JSON.parse(readFileSync(join(DATA, "handlingsplan-2026.json"), "utf8")) as PlanJson;

export const SEED_SECTION = readFileSync(join(__dirname, "fixtures", "vestfold-2025-seed.txt"), "utf8");

export const REGISTER_HEADER = [
  "Nr",
  "Navn på tiltak",
  "Sum bevilget",
  "Avtale mellom",
  "Status for prosjektet",
  "Planlagt varighet for tilskuddsmidler",
  "Foreløpige resultater",
  "Mulighet for spredning",
  "År",
];

/** The register sheet "Årlig melding" as a secretariat would keep it: a title row, then the table. */
export function registerGrid(opts: { sumsAsText?: boolean; sheet?: string } = {}): Grid {
  const rows: CellValue[][] = [
    ["Tiltaksregister – rekrutterings- og samhandlingstilskudd, Helsefelleskap Vestfold"],
    [],
    REGISTER_HEADER,
  ];
  for (const m of melding.measures) {
    const sum = opts.sumsAsText ? new Intl.NumberFormat("nb-NO").format(m.sum).replace(/\s/g, " ") : m.sum;
    rows.push(["", m.name, sum, m.agreement, m.status, m.duration, m.results, m.spread, 2025]);
  }
  for (const t of melding.trailer) rows.push(["", t.name, t.sum, "", "", "", "", "", 2025]);
  return gridFromValues(opts.sheet ?? "Årlig melding", rows);
}

export function planGrid(): Grid {
  return gridFromValues("Handlingsplan 2026", [[plan.title], [], plan.columns, ...plan.rows]);
}

/** The RST ledger sheet (År | Post | Beløp | Type) from rst-vestfold.json, allocations negative as in the overview. */
export function ledgerGrid(): Grid {
  const rows: CellValue[][] = [
    ["Rekrutterings- og samhandlingstilskudd tildelt helsefellesskapet i Vestfold"],
    [],
    ["År", "Post", "Beløp", "Type"],
  ];
  for (const g of rst.grants) {
    rows.push([g.year, "Tildelt tilskudd", g.granted, "Tildelt"]);
    for (const a of rst.allocations.filter((x) => x.year === g.year))
      rows.push([null, a.measure, -a.amount, "Tildeling"]);
  }
  return gridFromValues("RST", rows);
}

export function seedWorkbook() {
  return { sheets: [planGrid(), ledgerGrid(), registerGrid()] };
}
