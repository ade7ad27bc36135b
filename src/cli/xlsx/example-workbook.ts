/**
 * The example workbook (examples/handlingsplan-vestfold-2026.xlsx), built from the seed JSON:
 * - "Handlingsplan 2026": the plan laid out like the real document (title, RST note, header,
 *   areas, tiltak, Økonomi and Ansvar as vertical merges where one value spans several rows);
 * - "RST": the 2024–2025 ledger as in the finance overview (allocations negative), 2026 grant unknown;
 * - "Ambulant røntgen": the cost model as formulas using COST.ANNUAL, COST.PERUNIT, COST.BREAKEVEN,
 *   with cached results computed by our formula engine (which calls FUNCTIONS);
 * - "Årlig melding": the 2025 register for the HSØ report.
 */
import ExcelJS from "exceljs";
import type { Area, CellValue, Grid } from "../../core/grid";
import { a1 } from "../../core/grid";
import { evaluateWorkbookFormulas } from "../formula";

export interface PlanData {
  title: string;
  planYear: number;
  note: string;
  columns: string[];
  rows: string[][];
}

export interface LedgerData {
  grants: { year: number; granted: number }[];
  allocations: { year: number; measure: string; amount: number }[];
}

export interface CostData {
  ambulantRontgen: {
    salary: number;
    investments: { item: string; price: number; years: number }[];
    scenarios: { name: string; missions: number; running: Record<string, number> }[];
    alternativeAtHospital: Record<string, number>;
  };
}

export interface RegisterData {
  measures: {
    name: string;
    sum: number | null;
    agreement: string;
    status: string;
    duration: string;
    results: string;
    spread: string;
    description?: string;
  }[];
  trailer?: { name: string; sum: number | null }[];
}

export interface ExampleData {
  plan: PlanData;
  ledger: LedgerData;
  cost: CostData;
  register: RegisterData;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const AMOUNT_FORMAT = "#,##0";
const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

export function buildExampleWorkbook(data: ExampleData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "RST-verktøy (npm run examples)";
  // fixed document dates: regenerating does not change the file's properties
  wb.created = new Date(Date.UTC(2026, 0, 15));
  wb.modified = wb.created;
  addPlanSheet(wb, data.plan);
  addLedgerSheet(wb, data.ledger, data.plan.planYear);
  addCostSheet(wb, data.cost);
  addRegisterSheet(wb, data.register, data.plan.planYear - 1);
  return wb;
}

// ------------------------------------------------------------------ plan

/** Runs of equal, non-empty values in column `col` within the same group (another column's runs). */
export function runs(values: string[], groups?: string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const same = i < values.length && values[i] === values[start] && (!groups || groups[i] === groups[start]);
    if (!same) {
      if (i - 1 > start && values[start] !== "") out.push([start, i - 1]);
      start = i;
    }
  }
  return out;
}

/**
 * Where the Økonomi text stands on a tiltak's first row and the tiltak's other rows are empty,
 * the source shows one cell beside all of them: merge it over the tiltak.
 */
export function economyRuns(economy: string[], tiltak: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of runs(tiltak)) {
    if (economy[s] !== "" && economy.slice(s + 1, e + 1).every((v) => v === "")) out.push([s, e]);
  }
  return out;
}

export interface PlanLayout {
  firstDataRow: number; // 1-based sheet row of the first measure
  merges: Area[]; // 0-based, as in the grid model
}

export function planLayout(plan: PlanData): PlanLayout {
  const first = 4;
  const col = (name: string) => plan.columns.indexOf(name);
  const values = (c: number) => plan.rows.map((r) => r[c] ?? "");
  const area = values(col("Satsningsområde"));
  const tiltak = values(col("Tiltak 2026"));
  const economy = values(col("Økonomi"));
  const ansvar = values(col("Ansvar"));
  const merges: Area[] = [
    { top: 0, left: 0, bottom: 0, right: plan.columns.length - 1 },
    { top: 1, left: 0, bottom: 1, right: plan.columns.length - 1 },
  ];
  const vertical = (c: number, spans: [number, number][]) => {
    for (const [s, e] of spans) merges.push({ top: first - 1 + s, left: c, bottom: first - 1 + e, right: c });
  };
  vertical(col("Satsningsområde"), runs(area));
  vertical(col("Tiltak 2026"), runs(tiltak, area));
  vertical(col("Økonomi"), economyRuns(economy, tiltak));
  vertical(col("Ansvar"), runs(ansvar, tiltak));
  return { firstDataRow: first, merges };
}

function addPlanSheet(wb: ExcelJS.Workbook, plan: PlanData): void {
  const ws = wb.addWorksheet(`Handlingsplan ${plan.planYear}`, {
    views: [{ state: "frozen", ySplit: 3, xSplit: 0 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = [8, 24, 30, 46, 14, 44, 26];
  ws.columns = plan.columns.map((_, i) => ({ width: widths[i] ?? 20 }));
  const layout = planLayout(plan);

  ws.getCell("A1").value = plan.title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = plan.note;
  ws.getCell("A2").font = { italic: true };
  ws.getCell("A2").alignment = { wrapText: true };
  ws.getRow(2).height = 30;

  const header = ws.getRow(3);
  plan.columns.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });

  const covered = new Set<string>();
  for (const m of layout.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) covered.add(`${r}:${c}`);
  }
  plan.rows.forEach((values, i) => {
    const r = layout.firstDataRow - 1 + i;
    const row = ws.getRow(r + 1);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.alignment = WRAP_TOP;
      if (v !== "" && !covered.has(`${r}:${c}`)) cell.value = v;
    });
  });
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // merging copies the master's style to covered cells; the title rows keep theirs
  ws.getCell("A1").alignment = { vertical: "middle" };
}

// ------------------------------------------------------------------ RST ledger

export function ledgerRows(
  ledger: LedgerData,
  planYear: number,
): { values: CellValue[]; formula?: string }[] {
  const rows: { values: CellValue[]; formula?: string }[] = [];
  const years = [
    ...new Set([...ledger.grants.map((g) => g.year), ...ledger.allocations.map((a) => a.year)]),
  ].sort();
  let carry = 0;
  let sheetRow = 2; // first data row (1-based); row 1 is the header
  for (const [i, year] of years.entries()) {
    const granted = ledger.grants.find((g) => g.year === year)?.granted ?? null;
    const start = sheetRow;
    rows.push({ values: [year, "Tildelt rekrutterings- og samhandlingstilskudd", granted, "Tildelt"] });
    sheetRow++;
    if (i > 0) {
      rows.push({ values: [year, `Disponible midler overført fra ${year - 1}`, carry, "Overført"] });
      sheetRow++;
    }
    let allocated = 0;
    for (const a of ledger.allocations.filter((x) => x.year === year)) {
      rows.push({ values: [year, a.measure, -a.amount, "Tildeling"] });
      allocated += a.amount;
      sheetRow++;
    }
    carry = (granted ?? 0) + carry - allocated;
    rows.push({
      values: [year, `Ikke benyttede midler overført ${year + 1}`, carry, "Overført"],
      formula: `SUM(C${start}:C${sheetRow - 1})`,
    });
    sheetRow++;
  }
  rows.push({ values: [planYear, "Tildelt rekrutterings- og samhandlingstilskudd", null, "Tildelt"] });
  return rows;
}

function addLedgerSheet(wb: ExcelJS.Workbook, ledger: LedgerData, planYear: number): void {
  const ws = wb.addWorksheet("RST", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [{ width: 8 }, { width: 56 }, { width: 16 }, { width: 12 }];
  const header = ws.getRow(1);
  ["År", "Post", "Beløp", "Type"].forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  ledgerRows(ledger, planYear).forEach(({ values, formula }, i) => {
    const row = ws.getRow(i + 2);
    values.forEach((v, c) => {
      if (v === null) return;
      row.getCell(c + 1).value = c === 2 && formula ? { formula, result: v as number } : v;
    });
    row.getCell(3).numFmt = AMOUNT_FORMAT;
  });
}

// ------------------------------------------------------------------ cost model

interface CostLine {
  label: string;
  cells: (number | string)[]; // one per scenario; a string starting with "=" is a formula ("{c}" = the scenario's column)
  format?: string;
  bold?: boolean;
}

export function costLines(cost: CostData): { headers: string[]; lines: CostLine[]; firstRow: number } {
  const m = cost.ambulantRontgen;
  const sc = m.scenarios;
  const each = (f: (s: (typeof sc)[number]) => number | string) => sc.map(f);
  const runningKeys = Object.keys(sc[0].running);
  const firstRow = 4;
  const lines: CostLine[] = [];
  lines.push({
    label: "Lønn radiograf inkl. sosiale utgifter",
    cells: each(() => m.salary),
    format: AMOUNT_FORMAT,
  });
  for (const inv of m.investments)
    lines.push({
      label: `Investering: ${inv.item}, pris`,
      cells: each(() => inv.price),
      format: AMOUNT_FORMAT,
    });
  for (const inv of m.investments)
    lines.push({ label: `Investering: ${inv.item}, levetid (år)`, cells: each(() => inv.years) });
  for (const k of runningKeys)
    lines.push({ label: `Drift bil: ${k}`, cells: each((s) => s.running[k] ?? 0), format: AMOUNT_FORMAT });
  lines.push({ label: "Oppdrag per år", cells: each((s) => s.missions) });
  const rowOf = (label: string) => firstRow + lines.findIndex((l) => l.label === label);
  const salaryRow = firstRow;
  const priceFrom = firstRow + 1;
  const priceTo = priceFrom + m.investments.length - 1;
  const lifeFrom = priceTo + 1;
  const lifeTo = lifeFrom + m.investments.length - 1;
  const runFrom = lifeTo + 1;
  const runTo = runFrom + runningKeys.length - 1;
  const missionsRow = rowOf("Oppdrag per år");
  const annual = `=COST.ANNUAL({c}${salaryRow},{c}${priceFrom}:{c}${priceTo},{c}${lifeFrom}:{c}${lifeTo},{c}${runFrom}:{c}${runTo})`;
  lines.push({ label: "Årlig kostnad", cells: each(() => annual), format: AMOUNT_FORMAT, bold: true });
  const annualRow = firstRow + lines.length - 1;
  lines.push({
    label: "Kostnad per oppdrag",
    cells: each(() => `=COST.PERUNIT({c}${annualRow},{c}${missionsRow})`),
    format: AMOUNT_FORMAT,
    bold: true,
  });
  const altKeys = Object.keys(m.alternativeAtHospital).filter((k) => k !== "total");
  const altFrom = firstRow + lines.length;
  for (const k of altKeys)
    lines.push({
      label: `Alternativ på sykehuset: ${k}`,
      cells: each(() => m.alternativeAtHospital[k]),
      format: AMOUNT_FORMAT,
    });
  const altTo = firstRow + lines.length - 1;
  lines.push({
    label: "Alternativ kostnad per undersøkelse",
    cells: each(() => `=SUM({c}${altFrom}:{c}${altTo})`),
    format: AMOUNT_FORMAT,
  });
  const altRow = firstRow + lines.length - 1;
  lines.push({
    label: "Oppdrag per år for å gå i balanse",
    cells: each(() => `=COST.BREAKEVEN({c}${annualRow},{c}${altRow})`),
    bold: true,
  });
  return { headers: ["Post", ...sc.map((s) => s.name)], lines, firstRow };
}

/** The cost sheet as a grid (formulas without cached values), for evaluating the formulas. */
function costGrid(sheet: string, cost: CostData): Grid {
  const { headers, lines, firstRow } = costLines(cost);
  const width = headers.length;
  const rows: Grid["rows"] = [];
  for (let r = 0; r < firstRow - 1 + lines.length; r++)
    rows.push(Array.from({ length: width }, () => ({ value: null, text: "" })));
  headers.forEach((h, c) => (rows[firstRow - 2][c] = { value: h, text: h }));
  lines.forEach((line, i) => {
    const r = firstRow - 1 + i;
    rows[r][0] = { value: line.label, text: line.label };
    line.cells.forEach((v, s) => {
      const c = s + 1;
      if (typeof v === "string" && v.startsWith("="))
        rows[r][c] = { value: null, text: "", formula: v.replaceAll("{c}", colLetter(c)) };
      else rows[r][c] = { value: v, text: String(v) };
    });
  });
  return { sheet, rows, merges: [] };
}

const colLetter = (c: number) => a1(0, c).replace(/\d+$/, "");

function addCostSheet(wb: ExcelJS.Workbook, cost: CostData): void {
  const name = "Ambulant røntgen";
  const ws = wb.addWorksheet(name);
  const { headers, lines, firstRow } = costLines(cost);
  ws.columns = [{ width: 48 }, ...headers.slice(1).map(() => ({ width: 16 }))];
  ws.getCell("A1").value = "Ambulant røntgen – årlig kostnad, kostnad per oppdrag og balansepunkt";
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.getCell("A2").value =
    "Lineære avskrivninger (pris / levetid). Formlene bruker RST-verktøyets funksjoner COST.ANNUAL, COST.PERUNIT og COST.BREAKEVEN.";
  ws.getCell("A2").font = { italic: true };
  const hdr = ws.getRow(firstRow - 1);
  headers.forEach((h, i) => {
    const cell = hdr.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });

  const computed = new Map<string, unknown>();
  for (const e of evaluateWorkbookFormulas({ sheets: [costGrid(name, cost)] })) {
    if ("error" in e.result)
      throw new Error(`Eksempelet: ${e.address} ${e.formula} gir ${e.result.error} ${e.result.message}`);
    computed.set(e.address, e.result.value);
  }
  lines.forEach((line, i) => {
    const row = ws.getRow(firstRow + i);
    row.getCell(1).value = line.label;
    if (line.bold) row.font = { bold: true };
    line.cells.forEach((v, s) => {
      const cell = row.getCell(s + 2);
      if (typeof v === "string" && v.startsWith("=")) {
        const formula = v.slice(1).replaceAll("{c}", colLetter(s + 1));
        const result = computed.get(cell.address);
        cell.value = {
          formula,
          result: typeof result === "number" ? result : undefined,
        } as ExcelJS.CellFormulaValue;
      } else cell.value = v;
      if (line.format) cell.numFmt = line.format;
    });
  });
}

// ------------------------------------------------------------------ årlig melding

export const REGISTER_HEADERS = [
  "Nr",
  "Navn på tiltak",
  "Beskrivelse",
  "Sum",
  "Avtale mellom",
  "Status",
  "Planlagt varighet",
  "Foreløpige resultater",
  "Mulighet for spredning",
  "År",
];

function addRegisterSheet(wb: ExcelJS.Workbook, reg: RegisterData, year: number): void {
  const ws = wb.addWorksheet("Årlig melding", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [6, 40, 30, 14, 40, 18, 40, 40, 40, 8].map((width) => ({ width }));
  const hdr = ws.getRow(1);
  REGISTER_HEADERS.forEach((h, i) => {
    const cell = hdr.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  const put = (r: number, values: (string | number | null)[]) => {
    const row = ws.getRow(r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.alignment = WRAP_TOP;
      if (v !== null && v !== "") cell.value = v;
    });
    row.getCell(4).numFmt = AMOUNT_FORMAT;
  };
  reg.measures.forEach((m, i) =>
    put(i + 2, [
      i + 1,
      m.name,
      m.description ?? "",
      m.sum,
      m.agreement,
      m.status,
      m.duration,
      m.results,
      m.spread,
      year,
    ]),
  );
  (reg.trailer ?? []).forEach((t, i) =>
    put(reg.measures.length + 2 + i, [null, t.name, "", t.sum, "", "", "", "", "", year]),
  );
}
