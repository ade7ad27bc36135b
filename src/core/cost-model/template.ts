/**
 * The "Kostnadsmodell" sheet, described once as data: cells (value or formula, role, number
 * format), column widths and merges. The CLI (exceljs) and the task pane (Office.js) both write
 * exactly this, so a controller gets the same live sheet either way. Inputs are plain values in
 * yellow cells; every result is a formula using our COST.* functions (and SUM/IF/INDEX), so
 * editing an input recalculates the sheet in Excel.
 *
 * Blocks, top to bottom: inputs for both scenarios side by side; results per scenario;
 * sensitivity for the chosen scenario (100–1 000 missions); cost sharing between the hospital and
 * the six municipalities; budget follow-up for the digital møteserie.
 *
 * The sheet is a layout (./layout.ts) of named blocks of named rows; formulas name the rows they
 * use ("=COST.PERUNIT({annual},{missions})") and the layout computes every address, so a row
 * added anywhere moves every reference below it. The refs other code reads come from the same
 * names.
 */
import { columnIndex, columnLetters, parseA1, parseArea, type Grid, type GridCell } from "../grid";
import {
  placeLayout,
  type BlockSpec,
  type CellRole,
  type CellSpec,
  type Content,
  formula,
  type Resolver,
  type RowSpec,
  type TemplateCell,
} from "./layout";
import { AMBULANT_RONTGEN, scenarioById, type CostModelInputs, type ScenarioId } from "./scenarios";
import { volumes } from "./sensitivity";
import { MUNICIPALITIES, SHARING_MODELS, HOSPITAL, type SharingModel } from "./sharing";

export type { CellRole, TemplateCell } from "./layout";

export interface CellStyle {
  bold?: boolean;
  /** Solid fill "#RRGGBB". */
  fill?: string;
  fontSize?: number;
  wrap?: boolean;
}

/** How each role looks; both writers apply exactly this. */
export const ROLE_STYLE: Record<CellRole, CellStyle> = {
  title: { bold: true, fontSize: 14 },
  header: { bold: true, fill: "#DDEBF7", wrap: true },
  label: {},
  input: { fill: "#FFF2CC" },
  output: { bold: true },
  note: {},
};

/**
 * "#,##0" is the format code as stored in the file and used by Office.js; Excel shows it with the
 * user's locale, i.e. "1 194 000" in Norwegian Excel (which lists the same format as "# ##0").
 */
export const AMOUNT_FORMAT = "#,##0";
export const PERCENT_FORMAT = "0.0%";

/** Cell addresses of the values other code reads or tests check. */
export interface CostModelRefs {
  scenarioColumns: Record<ScenarioId, string>;
  scenarioHeaders: Record<ScenarioId, string>;
  inputs: Record<
    ScenarioId,
    { salary: string; prices: string; years: string; running: string; missions: string; capacity: string }
  >;
  results: Record<
    ScenarioId,
    {
      annual: string;
      perMission: string;
      alternative: string;
      breakEven: string;
      saving: string;
      perMissionAtCapacity: string;
    }
  >;
  selector: string;
  selected: { annual: string; alternative: string; breakEven: string };
  sensitivity: { missions: string; perMission: string; saving: string }[];
  sharing: {
    hospitalRow: number; // 1-based
    municipalityRows: number[]; // 1-based, MUNICIPALITIES order
    population: string; // range
    use: string; // range
    columns: Record<SharingModel, string>;
    sumRow: number;
  };
  followUp: {
    budget: string;
    accounted: string;
    deviation: string;
    usedShare: string;
    spentToDate: string;
    unitsDone: string;
    unitsTotal: string;
    forecast: string;
    forecastDeviation: string;
  };
}

export interface SheetTemplate {
  name: string;
  cells: TemplateCell[];
  /** Column letter → width in characters (as in .xlsx; Office.js wants points, see widthToPoints). */
  columnWidths: Record<string, number>;
  /** A1 ranges to merge ("A1:G1"). */
  merges: string[];
  refs: CostModelRefs;
}

export const COST_SHEET_NAME = "Kostnadsmodell";

export interface TemplateOptions {
  /** The scenario the sensitivity table and the cost sharing start from (default 2024-nivå). */
  scenario?: ScenarioId;
  name?: string;
  inputs?: CostModelInputs;
}

const FIRST_COLUMN = "A";
const LAST_COLUMN = "G";
const ones = (n: number) => `{${new Array<string>(n).fill("1").join(";")}}`;
const blanks = (n: number) => `{${new Array<string>(n).fill('""').join(";")}}`;

const text = (col: string, role: CellRole, content: string | undefined): CellSpec[] =>
  content ? [{ col, role, content }] : [];
const amount = (
  col: string,
  role: "input" | "output",
  content: Content,
  format = AMOUNT_FORMAT,
): CellSpec => ({
  col,
  role,
  content,
  format,
});
const wide = (role: CellRole, content: string): RowSpec => ({
  merge: true,
  cells: [{ col: FIRST_COLUMN, role, content }],
});
const headers = (...titles: string[]): RowSpec => ({
  cells: titles.map((content, i) => ({ col: columnLetters(i), role: "header", content })),
});

export function costModelTemplate(opts: TemplateOptions = {}): SheetTemplate {
  const inputs = opts.inputs ?? AMBULANT_RONTGEN;
  const selectedName = scenarioById(opts.scenario ?? "2024", inputs).name;
  const scen = inputs.scenarios;
  const cols = scen.map((_, i) => columnLetters(i + 1)); // B, C, …
  const noteCol = columnLetters(scen.length + 1);
  const byScenario = <T>(f: (col: string) => T) =>
    Object.fromEntries(scen.map((s, i) => [s.id, f(cols[i])])) as Record<ScenarioId, T>;

  /** Label, one value per scenario column, optional note. */
  const input = (name: string, label: string, value: (i: number) => number, note?: string): RowSpec => ({
    name,
    cells: [
      ...text("A", "label", label),
      ...cols.map((c, i) => amount(c, "input", value(i))),
      ...text(noteCol, "note", note),
    ],
  });
  /** Label, the same formula template in every scenario column (its references resolve per column), optional note. */
  const output = (name: string, label: string, template: string, note?: string): RowSpec => ({
    name,
    cells: [
      ...text("A", "label", label),
      ...cols.map((c) => amount(c, "output", formula(template))),
      ...text(noteCol, "note", note),
    ],
  });
  /** Label and one value or formula in column B, optional note in C (the chosen scenario, the follow-up). */
  const single = (
    name: string,
    label: string,
    role: "input" | "output",
    content: Content,
    note?: string,
    format = AMOUNT_FORMAT,
  ): RowSpec => ({
    name,
    cells: [...text("A", "label", label), amount("B", role, content, format), ...text("C", "note", note)],
  });

  const intro: BlockSpec = {
    name: "intro",
    rows: [
      wide("title", "Ambulant røntgen – kostnadsmodell"),
      wide(
        "note",
        "Gule celler er inndata: endre dem, så regnes resultatene om. Formlene bruker RST-verktøyets funksjoner COST.ANNUAL, COST.PERUNIT, COST.BREAKEVEN, COST.SHARE og COST.FORECAST.",
      ),
    ],
  };

  const inputBlock: BlockSpec = {
    name: "inputs",
    rows: [
      { ...headers("Inndata (kr per år)", ...scen.map((s) => s.name), "Merknad"), name: "scenarioHeader" },
      input("salary", "Radiograf – lønn inkl. sosiale utgifter", () => inputs.salary, inputs.salaryNote),
      ...inputs.investments.map((inv) => input("price", `${inv.item} – pris`, () => inv.price)),
      ...inputs.investments.map((inv) =>
        input("years", `${inv.item} – levetid (år)`, () => inv.years, inv.note),
      ),
      ...scen[0].running.map((run, k) =>
        input("running", `Drift bil: ${run.account} ${run.label}`, (i) => scen[i].running[k].amount),
      ),
      input(
        "missions",
        "Oppdrag per år",
        (i) => scen[i].missions,
        scen.map((s) => `${s.name}: ${s.missionsNote}`).join("; "),
      ),
      input("capacity", "Kapasitet (oppdrag per år)", () => inputs.capacity, inputs.capacityNote),
      ...inputs.alternative.map((a) =>
        input("alternative", `Alternativ: ${a.label}`, () => a.amount, a.note),
      ),
    ],
  };

  const resultBlock: BlockSpec = {
    name: "results",
    rows: [
      {
        cells: [
          { col: "A", role: "header", content: "Resultater (kr)" },
          ...cols.map((col): CellSpec => ({ col, role: "header", content: formula("={scenarioHeader}") })),
        ],
      },
      ...inputs.investments.map((inv, k) =>
        output(
          "depreciation",
          `Avskrivning ${inv.item.toLowerCase()} per år`,
          `={price#${k}}/{years#${k}}`,
          "lineær avskrivning: pris / levetid",
        ),
      ),
      output("runningSum", "Driftskostnader bil", "=SUM({running*})"),
      output(
        "annual",
        "Årskostnad",
        "=COST.ANNUAL({salary},{price*},{years*},{running*})",
        "lønn + avskrivninger + drift",
      ),
      output(
        "perMission",
        "Kostnad per oppdrag",
        "=COST.PERUNIT({annual},{missions})",
        "årskostnad / oppdrag per år",
      ),
      output("alternativeSum", "Alternativ kostnad per pasient på sykehuset", "=SUM({alternative*})"),
      output(
        "breakEven",
        "Balansepunkt (oppdrag per år)",
        "=COST.BREAKEVEN({annual},{alternativeSum})",
        "færre oppdrag enn dette: alternativet er billigere",
      ),
      output(
        "saving",
        "Besparelse per år mot alternativet",
        "={missions}*{alternativeSum}-{annual}",
        "oppdrag × alternativ kostnad − årskostnad",
      ),
      output("capacityCost", "Kostnad per oppdrag ved full kapasitet", "=COST.PERUNIT({annual},{capacity})"),
    ],
  };

  /** The chosen scenario's value of a result row, or a hint when the selector names no scenario. */
  const pick = (result: string) => {
    let f = `"Skriv ${scen.map((s) => s.name).join(" eller ")} i {selector@B}"`;
    for (let i = scen.length - 1; i >= 0; i--)
      f = `IF({$selector@B}={$scenarioHeader@${cols[i]}},{$${result}@${cols[i]}},${f})`;
    return formula(`=${f}`);
  };
  const sensitivityBlock: BlockSpec = {
    name: "sensitivity",
    rows: [
      wide("header", "Følsomhet: kostnad per oppdrag etter antall oppdrag"),
      {
        name: "selector",
        cells: [
          ...text("A", "label", "Scenario"),
          { col: "B", role: "input", content: selectedName },
          ...text(noteCol, "note", `skriv ${scen.map((s) => `«${s.name}»`).join(" eller ")}`),
        ],
      },
      single("selectedAnnual", "Årskostnad i valgt scenario", "output", pick("annual")),
      single("selectedAlternative", "Alternativ kostnad per pasient", "output", pick("alternativeSum")),
      single(
        "selectedBreakEven",
        "Balansepunkt (oppdrag per år)",
        "output",
        formula("=COST.BREAKEVEN({selectedAnnual},{selectedAlternative})"),
      ),
      headers("Oppdrag per år", "Kostnad per oppdrag", "Besparelse per år"),
      ...volumes({ from: 100, to: inputs.capacity, step: 100 }).map((n, k): RowSpec => ({
        name: "volume",
        cells: [
          amount("A", "input", n),
          amount("B", "output", formula(`=COST.PERUNIT({$selectedAnnual},{volume#${k}@A})`)),
          amount("C", "output", formula(`={volume#${k}@A}*{$selectedAlternative@B}-{$selectedAnnual@B}`)),
        ],
      })),
    ],
  };

  // ---- cost sharing of the chosen scenario's annual cost
  const modelCols = SHARING_MODELS.map((_, i) => columnLetters(3 + i)); // D, E, F, G
  const columns = Object.fromEntries(SHARING_MODELS.map((m, i) => [m.id, modelCols[i]])) as Record<
    SharingModel,
    string
  >;
  const n = MUNICIPALITIES.length;
  const total = "{$selectedAnnual@B}";
  /** Municipality k's share under a model, in that model's column. */
  const share = (m: SharingModel, k: number): string => {
    const rest = `${total}-{$hospital}`;
    // The guard shows a hint until all six are filled in. IFERROR inside INDEX only matters to
    // engines that evaluate both branches of IF (the CLI's); in Excel the guard has already answered.
    const guarded = (range: string, hint: string) =>
      `=IF(OR(COUNT(${range})<${n},SUM(${range})<=0,COUNTIF(${range},"<0")>0),"${hint}",` +
      `INDEX(IFERROR(COST.SHARE(${rest},${range}),${blanks(n)}),${k + 1}))`;
    switch (m) {
      case "likt":
        return `=INDEX(COST.SHARE(${total},${ones(n + 1)}),${k + 2})`;
      case "halv-likt":
        return `=INDEX(COST.SHARE(${rest},${ones(n)}),${k + 1})`;
      case "halv-innbyggere":
        return guarded("{$municipality@B*}", "Fyll inn innbyggertall");
      case "halv-bruk":
        return guarded("{$municipality@C*}", "Fyll inn antall oppdrag");
    }
  };
  const perModel = (template: (m: SharingModel) => string): CellSpec[] =>
    SHARING_MODELS.map((m) => amount(columns[m.id], "output", formula(template(m.id))));
  const sharingBlock: BlockSpec = {
    name: "sharing",
    rows: [
      wide("header", "Kostnadsdeling av årskostnaden i valgt scenario"),
      wide(
        "note",
        "Fyll inn innbyggertall og antall oppdrag per kommune i de gule cellene. Delene er hele kroner og summerer til årskostnaden.",
      ),
      headers("Part", "Innbyggere", "Oppdrag per år", ...SHARING_MODELS.map((m) => m.label)),
      {
        name: "hospital",
        cells: [
          ...text("A", "label", HOSPITAL),
          ...perModel((m) => `=INDEX(COST.SHARE(${total},${m === "likt" ? ones(n + 1) : "{1;1}"}),1)`),
        ],
      },
      ...MUNICIPALITIES.map((name, k): RowSpec => ({
        name: "municipality",
        cells: [
          ...text("A", "label", name),
          amount("B", "input", undefined),
          amount("C", "input", undefined),
          ...perModel((m) => share(m, k)),
        ],
      })),
      {
        name: "sharingSum",
        cells: [
          ...text("A", "label", "Sum"),
          amount("B", "output", formula("=SUM({municipality*})")),
          amount("C", "output", formula("=SUM({municipality*})")),
          ...perModel(() => `=SUM({hospital}:{municipality#${n - 1}})`),
        ],
      },
    ],
  };

  // ---- budget follow-up (digital møteserie for fastleger, SSU-sak 19/26)
  const followUpBlock: BlockSpec = {
    name: "followUp",
    gapAfter: 0,
    rows: [
      wide("header", "Budsjettoppfølging: digital møteserie for fastleger"),
      single("budget", "Bevilget (budsjett)", "input", 700_000, "høsten 2025 og våren 2026"),
      single("accounted", "Regnskap (påløpt)", "input", 808_985),
      single("deviation", "Merforbruk (+) / mindreforbruk (−)", "output", formula("={accounted}-{budget}")),
      single(
        "usedShare",
        "Forbruk av budsjettet",
        "output",
        formula('=IF({budget}=0,"",{accounted}/{budget})'),
        undefined,
        PERCENT_FORMAT,
      ),
      single("spentToDate", "Fakturert hittil (grunnlag for prognosen)", "input", 323_598, "høsten 2025"),
      single("unitsDone", "Gjennomførte møter", "input", 4),
      single("unitsTotal", "Planlagte møter i året", "input", 10),
      single(
        "forecast",
        "Prognose for året",
        "output",
        formula("=COST.FORECAST({spentToDate},{unitsDone},{unitsTotal})"),
        "fakturert hittil / gjennomførte × planlagte",
      ),
      single("forecastDeviation", "Prognose mot budsjett", "output", formula("={forecast}-{budget}")),
    ],
  };

  const {
    cells,
    merges,
    resolve: r,
  } = placeLayout({
    firstColumn: FIRST_COLUMN,
    lastColumn: LAST_COLUMN,
    blocks: [intro, inputBlock, resultBlock, sensitivityBlock, sharingBlock, followUpBlock],
  });

  const columnWidths: Record<string, number> = { A: 46 };
  cols.forEach((c) => (columnWidths[c] = 16));
  for (let c = columnIndex(noteCol); c <= columnIndex(LAST_COLUMN); c++) columnWidths[columnLetters(c)] = 18;

  return {
    name: opts.name ?? COST_SHEET_NAME,
    cells,
    columnWidths,
    merges,
    refs: {
      scenarioColumns: byScenario((c) => c),
      scenarioHeaders: byScenario((c) => r.at("scenarioHeader", c)),
      inputs: byScenario((c) => ({
        salary: r.at("salary", c),
        prices: r.range("price", c),
        years: r.range("years", c),
        running: r.range("running", c),
        missions: r.at("missions", c),
        capacity: r.at("capacity", c),
      })),
      results: byScenario((c) => ({
        annual: r.at("annual", c),
        perMission: r.at("perMission", c),
        alternative: r.at("alternativeSum", c),
        breakEven: r.at("breakEven", c),
        saving: r.at("saving", c),
        perMissionAtCapacity: r.at("capacityCost", c),
      })),
      selector: r.at("selector", "B"),
      selected: {
        annual: r.at("selectedAnnual", "B"),
        alternative: r.at("selectedAlternative", "B"),
        breakEven: r.at("selectedBreakEven", "B"),
      },
      sensitivity: r
        .rows("volume")
        .map((row) => ({ missions: `A${row}`, perMission: `B${row}`, saving: `C${row}` })),
      sharing: {
        hospitalRow: r.row("hospital"),
        municipalityRows: r.rows("municipality"),
        population: r.range("municipality", "B"),
        use: r.range("municipality", "C"),
        columns,
        sumRow: r.row("sharingSum"),
      },
      followUp: byName(r, "B", [
        "budget",
        "accounted",
        "deviation",
        "usedShare",
        "spentToDate",
        "unitsDone",
        "unitsTotal",
        "forecast",
        "forecastDeviation",
      ] as const),
    },
  };
}

/** { name: address } for rows named the same as the refs they give. */
function byName<K extends string>(r: Resolver, col: string, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((k) => [k, r.at(k, col)])) as Record<K, string>;
}

/** The template as a grid (formula cells without results), e.g. to evaluate its formulas. */
export function templateGrid(t: SheetTemplate, overrides: Record<string, string | number | null> = {}): Grid {
  let rows = 0;
  let cols = 0;
  const placed = t.cells.map((c) => ({ c, at: parseA1(c.address) }));
  for (const { at } of placed) {
    rows = Math.max(rows, at.row + 1);
    cols = Math.max(cols, at.col + 1);
  }
  const grid: GridCell[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => ({ value: null, text: "" })),
  );
  for (const { c, at } of placed) {
    const over = Object.prototype.hasOwnProperty.call(overrides, c.address)
      ? overrides[c.address]
      : undefined;
    const value = over !== undefined ? over : (c.value ?? null);
    grid[at.row][at.col] =
      c.formula && over === undefined
        ? { value: null, text: "", formula: c.formula }
        : { value, text: value === null ? "" : String(value) };
  }
  return { sheet: t.name, rows: grid, merges: t.merges.map(parseArea) };
}

/** Excel column width in characters → points, as Office.js's format.columnWidth wants (Calibri 11: 7 px a character + 5 px). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The template's cell at an address (tests and writers). */
export function templateCell(t: SheetTemplate, address: string): TemplateCell | undefined {
  return t.cells.find((c) => c.address === address);
}
