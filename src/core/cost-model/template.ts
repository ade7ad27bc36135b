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
 */
import { columnIndex, columnLetters, parseA1, parseArea, type Grid, type GridCell } from "../grid";
import { AMBULANT_RONTGEN, scenarioById, type CostModelInputs, type ScenarioId } from "./scenarios";
import { volumes } from "./sensitivity";
import { MUNICIPALITIES, SHARING_MODELS, HOSPITAL, type SharingModel } from "./sharing";

export type CellRole = "title" | "label" | "input" | "output" | "note" | "header";

export interface TemplateCell {
  address: string; // "B5"
  /** A constant; an input cell without value or formula is an empty field for the user. */
  value?: string | number;
  /** With its leading "=", English function names and "," between arguments (as Office.js and .xlsx store it). */
  formula?: string;
  role: CellRole;
  numberFormat?: string;
}

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

const LAST_COLUMN = "G";
const ones = (n: number) => `{${new Array<string>(n).fill("1").join(";")}}`;
const blanks = (n: number) => `{${new Array<string>(n).fill('""').join(";")}}`;
const abs = (address: string) => {
  const { row, col } = parseA1(address);
  return `$${columnLetters(col)}$${row + 1}`;
};

export function costModelTemplate(opts: TemplateOptions = {}): SheetTemplate {
  const inputs = opts.inputs ?? AMBULANT_RONTGEN;
  const selectedName = scenarioById(opts.scenario ?? "2024", inputs).name;
  const cells: TemplateCell[] = [];
  const merges: string[] = [];
  let row = 1;
  const put = (
    col: string,
    role: CellRole,
    content: string | number | undefined,
    numberFormat?: string,
  ): string => {
    const address = `${col}${row}`;
    const cell: TemplateCell = { address, role };
    if (typeof content === "string" && content.startsWith("=")) cell.formula = content;
    else if (content !== undefined) cell.value = content;
    if (numberFormat) cell.numberFormat = numberFormat;
    cells.push(cell);
    return address;
  };
  const wide = (role: CellRole, text: string) => {
    put("A", role, text);
    merges.push(`A${row}:${LAST_COLUMN}${row}`);
    row++;
  };

  const scen = inputs.scenarios;
  const cols = scen.map((_, i) => columnLetters(i + 1)); // B, C, …
  const noteCol = columnLetters(scen.length + 1);
  const byScenario = <T>(f: (col: string, i: number) => T) =>
    Object.fromEntries(scen.map((s, i) => [s.id, f(cols[i], i)])) as Record<ScenarioId, T>;

  wide("title", "Ambulant røntgen – kostnadsmodell");
  wide(
    "note",
    "Gule celler er inndata: endre dem, så regnes resultatene om. Formlene bruker RST-verktøyets funksjoner COST.ANNUAL, COST.PERUNIT, COST.BREAKEVEN, COST.SHARE og COST.FORECAST.",
  );
  row++;

  // ---- inputs, one column per scenario
  put("A", "header", "Inndata (kr per år)");
  const headers = byScenario((c, i) => put(c, "header", scen[i].name));
  put(noteCol, "header", "Merknad");
  row++;
  const inputRow = (
    label: string,
    values: (i: number) => number,
    note?: string,
    fmt: string | undefined = AMOUNT_FORMAT,
  ) => {
    put("A", "label", label);
    cols.forEach((c, i) => put(c, "input", values(i), fmt));
    if (note) put(noteCol, "note", note);
    return row++;
  };
  const salaryRow = inputRow(
    "Radiograf – lønn inkl. sosiale utgifter",
    () => inputs.salary,
    inputs.salaryNote,
  );
  const priceRows = inputs.investments.map((inv) => inputRow(`${inv.item} – pris`, () => inv.price));
  const yearRows = inputs.investments.map((inv) =>
    inputRow(`${inv.item} – levetid (år)`, () => inv.years, inv.note, undefined),
  );
  const runRows = scen[0].running.map((r, k) =>
    inputRow(`Drift bil: ${r.account} ${r.label}`, (i) => scen[i].running[k].amount),
  );
  const missionsRow = inputRow(
    "Oppdrag per år",
    (i) => scen[i].missions,
    scen.map((s) => `${s.name}: ${s.missionsNote}`).join("; "),
  );
  const capacityRow = inputRow("Kapasitet (oppdrag per år)", () => inputs.capacity, inputs.capacityNote);
  const altRows = inputs.alternative.map((a) => inputRow(`Alternativ: ${a.label}`, () => a.amount, a.note));
  row++;

  // ---- results per scenario
  const range = (c: string, rows: number[]) =>
    rows.length === 1 ? `${c}${rows[0]}` : `${c}${rows[0]}:${c}${rows[rows.length - 1]}`;
  put("A", "header", "Resultater (kr)");
  cols.forEach((c) => put(c, "header", `=${c}${headers[scen[0].id].replace(/^[A-Z]+/, "")}`));
  row++;
  const outputRow = (label: string, formula: (c: string) => string, note?: string, fmt = AMOUNT_FORMAT) => {
    put("A", "label", label);
    cols.forEach((c) => put(c, "output", formula(c), fmt));
    if (note) put(noteCol, "note", note);
    return row++;
  };
  inputs.investments.forEach((inv, k) =>
    outputRow(
      `Avskrivning ${inv.item.toLowerCase()} per år`,
      (c) => `=${c}${priceRows[k]}/${c}${yearRows[k]}`,
      "lineær avskrivning: pris / levetid",
    ),
  );
  const runningSumRow = outputRow("Driftskostnader bil", (c) => `=SUM(${range(c, runRows)})`);
  const annualRow = outputRow(
    "Årskostnad",
    (c) => `=COST.ANNUAL(${c}${salaryRow},${range(c, priceRows)},${range(c, yearRows)},${range(c, runRows)})`,
    "lønn + avskrivninger + drift",
  );
  void runningSumRow;
  const perMissionRow = outputRow(
    "Kostnad per oppdrag",
    (c) => `=COST.PERUNIT(${c}${annualRow},${c}${missionsRow})`,
    "årskostnad / oppdrag per år",
  );
  const altRow = outputRow(
    "Alternativ kostnad per pasient på sykehuset",
    (c) => `=SUM(${range(c, altRows)})`,
  );
  const breakEvenRow = outputRow(
    "Balansepunkt (oppdrag per år)",
    (c) => `=COST.BREAKEVEN(${c}${annualRow},${c}${altRow})`,
    "færre oppdrag enn dette: alternativet er billigere",
  );
  const savingRow = outputRow(
    "Besparelse per år mot alternativet",
    (c) => `=${c}${missionsRow}*${c}${altRow}-${c}${annualRow}`,
    "oppdrag × alternativ kostnad − årskostnad",
  );
  const capacityCostRow = outputRow(
    "Kostnad per oppdrag ved full kapasitet",
    (c) => `=COST.PERUNIT(${c}${annualRow},${c}${capacityRow})`,
  );
  row++;

  // ---- sensitivity for the chosen scenario
  wide("header", "Følsomhet: kostnad per oppdrag etter antall oppdrag");
  put("A", "label", "Scenario");
  const selector = put("B", "input", selectedName);
  put(noteCol, "note", `skriv ${scen.map((s) => `«${s.name}»`).join(" eller ")}`);
  row++;
  const pick = (resultRow: number) => {
    let f = `"Skriv ${scen.map((s) => s.name).join(" eller ")} i ${selector}"`;
    for (let i = scen.length - 1; i >= 0; i--)
      f = `IF(${abs(selector)}=${abs(headers[scen[i].id])},${abs(`${cols[i]}${resultRow}`)},${f})`;
    return `=${f}`;
  };
  put("A", "label", "Årskostnad i valgt scenario");
  const selAnnual = put("B", "output", pick(annualRow), AMOUNT_FORMAT);
  row++;
  put("A", "label", "Alternativ kostnad per pasient");
  const selAlt = put("B", "output", pick(altRow), AMOUNT_FORMAT);
  row++;
  put("A", "label", "Balansepunkt (oppdrag per år)");
  const selBreakEven = put("B", "output", `=COST.BREAKEVEN(${selAnnual},${selAlt})`, AMOUNT_FORMAT);
  row++;
  put("A", "header", "Oppdrag per år");
  put("B", "header", "Kostnad per oppdrag");
  put("C", "header", "Besparelse per år");
  row++;
  const sensitivity = volumes({ from: 100, to: inputs.capacity, step: 100 }).map((n) => {
    const missions = put("A", "input", n, AMOUNT_FORMAT);
    const perMission = put("B", "output", `=COST.PERUNIT(${abs(selAnnual)},${missions})`, AMOUNT_FORMAT);
    const saving = put("C", "output", `=${missions}*${abs(selAlt)}-${abs(selAnnual)}`, AMOUNT_FORMAT);
    row++;
    return { missions, perMission, saving };
  });
  row++;

  // ---- cost sharing of the chosen scenario's annual cost
  wide("header", "Kostnadsdeling av årskostnaden i valgt scenario");
  wide(
    "note",
    "Fyll inn innbyggertall og antall oppdrag per kommune i de gule cellene. Delene er hele kroner og summerer til årskostnaden.",
  );
  put("A", "header", "Part");
  put("B", "header", "Innbyggere");
  put("C", "header", "Oppdrag per år");
  const modelCols = SHARING_MODELS.map((_, i) => columnLetters(3 + i)); // D, E, F, G
  SHARING_MODELS.forEach((m, i) => put(modelCols[i], "header", m.label));
  row++;
  const hospitalRow = row;
  const firstMun = hospitalRow + 1;
  const lastMun = firstMun + MUNICIPALITIES.length - 1;
  const population = `$B$${firstMun}:$B$${lastMun}`;
  const use = `$C$${firstMun}:$C$${lastMun}`;
  const total = abs(selAnnual);
  const n = MUNICIPALITIES.length;
  const columns = Object.fromEntries(SHARING_MODELS.map((m, i) => [m.id, modelCols[i]])) as Record<
    SharingModel,
    string
  >;
  put("A", "label", HOSPITAL);
  for (const m of SHARING_MODELS) {
    const c = columns[m.id];
    put(
      c,
      "output",
      m.id === "likt"
        ? `=INDEX(COST.SHARE(${total},${ones(n + 1)}),1)`
        : `=INDEX(COST.SHARE(${total},{1;1}),1)`,
      AMOUNT_FORMAT,
    );
  }
  row++;
  const municipalityRows = MUNICIPALITIES.map((name, k) => {
    put("A", "label", name);
    put("B", "input", undefined, AMOUNT_FORMAT);
    put("C", "input", undefined, AMOUNT_FORMAT);
    for (const m of SHARING_MODELS) {
      const c = columns[m.id];
      const rest = `${total}-$${c}$${hospitalRow}`;
      // The guard shows a hint until all six are filled in. IFERROR inside INDEX only matters to
      // engines that evaluate both branches of IF (the CLI's); in Excel the guard has already answered.
      const guarded = (range: string, hint: string) =>
        `=IF(OR(COUNT(${range})<${n},SUM(${range})<=0,COUNTIF(${range},"<0")>0),"${hint}",` +
        `INDEX(IFERROR(COST.SHARE(${rest},${range}),${blanks(n)}),${k + 1}))`;
      const formula =
        m.id === "likt"
          ? `=INDEX(COST.SHARE(${total},${ones(n + 1)}),${k + 2})`
          : m.id === "halv-likt"
            ? `=INDEX(COST.SHARE(${rest},${ones(n)}),${k + 1})`
            : m.id === "halv-innbyggere"
              ? guarded(population, "Fyll inn innbyggertall")
              : guarded(use, "Fyll inn antall oppdrag");
      put(c, "output", formula, AMOUNT_FORMAT);
    }
    return row++;
  });
  const sumRow = row;
  put("A", "label", "Sum");
  put("B", "output", `=SUM(B${firstMun}:B${lastMun})`, AMOUNT_FORMAT);
  put("C", "output", `=SUM(C${firstMun}:C${lastMun})`, AMOUNT_FORMAT);
  for (const c of modelCols) put(c, "output", `=SUM(${c}${hospitalRow}:${c}${lastMun})`, AMOUNT_FORMAT);
  row += 2;

  // ---- budget follow-up (digital møteserie for fastleger, SSU-sak 19/26)
  wide("header", "Budsjettoppfølging: digital møteserie for fastleger");
  const labelled = (
    label: string,
    role: CellRole,
    content: string | number,
    note?: string,
    fmt = AMOUNT_FORMAT,
  ) => {
    put("A", "label", label);
    const at = put("B", role, content, fmt);
    if (note) put("C", "note", note);
    row++;
    return at;
  };
  const budget = labelled("Bevilget (budsjett)", "input", 700_000, "høsten 2025 og våren 2026");
  const accounted = labelled("Regnskap (påløpt)", "input", 808_985);
  const deviation = labelled("Merforbruk (+) / mindreforbruk (−)", "output", `=${accounted}-${budget}`);
  const usedShare = labelled(
    "Forbruk av budsjettet",
    "output",
    `=IF(${budget}=0,"",${accounted}/${budget})`,
    undefined,
    PERCENT_FORMAT,
  );
  const spentToDate = labelled("Fakturert hittil (grunnlag for prognosen)", "input", 323_598, "høsten 2025");
  const unitsDone = labelled("Gjennomførte møter", "input", 4, undefined, AMOUNT_FORMAT);
  const unitsTotal = labelled("Planlagte møter i året", "input", 10, undefined, AMOUNT_FORMAT);
  const forecast = labelled(
    "Prognose for året",
    "output",
    `=COST.FORECAST(${spentToDate},${unitsDone},${unitsTotal})`,
    "fakturert hittil / gjennomførte × planlagte",
  );
  const forecastDeviation = labelled("Prognose mot budsjett", "output", `=${forecast}-${budget}`);

  const columnWidths: Record<string, number> = { A: 46 };
  cols.forEach((c) => (columnWidths[c] = 16));
  for (let c = columnIndex(noteCol); c <= columnIndex(LAST_COLUMN); c++) columnWidths[columnLetters(c)] = 18;

  const rc = (col: string, r: number) => `${col}${r}`;
  return {
    name: opts.name ?? COST_SHEET_NAME,
    cells,
    columnWidths,
    merges,
    refs: {
      scenarioColumns: byScenario((c) => c),
      scenarioHeaders: headers,
      inputs: byScenario((c) => ({
        salary: rc(c, salaryRow),
        prices: range(c, priceRows),
        years: range(c, yearRows),
        running: range(c, runRows),
        missions: rc(c, missionsRow),
        capacity: rc(c, capacityRow),
      })),
      results: byScenario((c) => ({
        annual: rc(c, annualRow),
        perMission: rc(c, perMissionRow),
        alternative: rc(c, altRow),
        breakEven: rc(c, breakEvenRow),
        saving: rc(c, savingRow),
        perMissionAtCapacity: rc(c, capacityCostRow),
      })),
      selector,
      selected: { annual: selAnnual, alternative: selAlt, breakEven: selBreakEven },
      sensitivity,
      sharing: {
        hospitalRow,
        municipalityRows,
        population: population.replaceAll("$", ""),
        use: use.replaceAll("$", ""),
        columns,
        sumRow,
      },
      followUp: {
        budget,
        accounted,
        deviation,
        usedShare,
        spentToDate,
        unitsDone,
        unitsTotal,
        forecast,
        forecastDeviation,
      },
    },
  };
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
