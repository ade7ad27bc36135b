/**
 * Big, realistic handlingsplan workbooks for the benchmark and robustness tests: the example's
 * layout (title, note, header, merged Satsningsområde and Tiltak), N measure rows with texts
 * in the style of the seed plan, and a few real gaps (missing frist, ansvar). Deterministic.
 */
import ExcelJS from "exceljs";
import { mergeFast } from "./fast-merge";

const AREAS = [
  "UngArena+",
  "Vitality Integrerte helsetjenester for eldre (IHT)",
  "Samsår Digital tjenestemodell for sårbehandling",
  "Nasjonale samhandlingsløsninger",
  "Digital hjemmeoppfølging (DHO)",
  "Overgangsboliger i sikkerhetspsykiatri",
  "Behandlingsavklaring",
  "Digital møteserie for fastleger",
  "Felles psykisk helsemottak",
  "Kloke valg fastlegekontor",
];
const TILTAK = [
  "Kontinuere drift av tjenestemodellen",
  "Planlegge for spredning til aktuelle kommuner",
  "Plan for drift uten bruk av RST fra 2027",
  "Bredde tjenestemodell i alle kommuner",
  "Utligning av kostnader mellom partnerne",
  "Implementere bruk av nasjonal kjernejournalportal",
];
const MAAL = [
  "Gjennomført evaluering av pilot",
  "Utarbeidet modell for spredning av tjenestemodell til aktuelle kommuner",
  "Rutiner er utarbeidet og implementert i kommuner og sykehus",
  "Etablerte rutiner for bruk av kritisk informasjon i kjernejournal",
  "Beslutningsgrunnlag for videre arbeid er utarbeidet",
  "Månedlig møtearena er etablert med god deltagelse",
];
const FRIST = [
  "1.kvartal 2026",
  "2.kvartal 2026",
  "3.kvartal 2026",
  "4.kvartal 2026",
  "1.halvår 2026",
  "2.halvår 2026",
  "31.03.2026",
  "2026",
  "",
];
const OKONOMI = [
  "",
  "",
  "",
  "410 000 kr prosjektleder",
  "Fra SiV: 200 000 kr til 20% stilling for opplæring",
  "Utjevning av merkostnader: 200 000 kr",
  "100 000 kr til møter med fastlegekontor",
  "Ekstern finansiering til prosjektledelse fra HSØ i 2026",
];
const ANSVAR = [
  "Prosjektleder",
  "Sykehus og kommune",
  "SiV",
  "Prosjekteier",
  "Samhandlingslegene ved SiV",
  "Prosjektleder Larvik kommune",
  "",
];

export const PLAN_HEADERS = [
  "Nr",
  "Satsningsområde",
  "Tiltak 2026",
  "Gjennomføres 2026 (mål)",
  "Frist",
  "Økonomi",
  "Ansvar",
];

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPlan {
  rows: string[][];
  /** [firstIndex, lastIndex] of data rows (0-based within rows) per column to merge. */
  merges: { col: number; from: number; to: number }[];
}

/** N measure rows: areas of ~20 rows, tiltak of 1–3 rows, numbered a.b.c. */
export function generatePlanRows(n: number, seed = 2026): GeneratedPlan {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const rows: string[][] = [];
  const merges: GeneratedPlan["merges"] = [];
  let area = 0;
  while (rows.length < n) {
    area++;
    const areaName = `${AREAS[(area - 1) % AREAS.length]} ${Math.ceil(area / AREAS.length)}`;
    const areaStart = rows.length;
    const tiltakCount = 6 + Math.floor(rand() * 6);
    for (let t = 1; t <= tiltakCount && rows.length < n; t++) {
      const tiltakName = `${area}.${t} ${pick(TILTAK)}`;
      const tStart = rows.length;
      const measures = 1 + Math.floor(rand() * 3);
      for (let m = 1; m <= measures && rows.length < n; m++) {
        rows.push([
          `${area}.${t}.${m}`,
          areaName,
          tiltakName,
          pick(MAAL),
          pick(FRIST),
          m === 1 ? pick(OKONOMI) : "",
          pick(ANSVAR),
        ]);
      }
      if (rows.length - 1 > tStart) merges.push({ col: 2, from: tStart, to: rows.length - 1 });
    }
    if (rows.length - 1 > areaStart) merges.push({ col: 1, from: areaStart, to: rows.length - 1 });
  }
  return { rows, merges };
}

/** A workbook with one plan sheet of N measure rows (title, note and header above). */
export function generatePlanWorkbook(n: number, seed = 2026): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Handlingsplan 2026", { views: [{ state: "frozen", ySplit: 3 }] });
  ws.columns = [8, 24, 30, 46, 14, 44, 26].map((width) => ({ width }));
  ws.getCell("A1").value = "Handlingsplan for helsefellesskapet 2026";
  ws.getCell("A2").value =
    "Der ikke annet fremgår under økonomi, forutsettes bruk av rekrutterings- og samhandlingstilskudd (RST).";
  ws.mergeCells(1, 1, 1, 7);
  ws.mergeCells(2, 1, 2, 7);
  ws.getRow(3).values = PLAN_HEADERS;
  const first = 4;
  const { rows, merges } = generatePlanRows(n, seed);
  const covered = new Set<number>();
  for (const m of merges) for (let r = m.from + 1; r <= m.to; r++) covered.add(r * 8 + m.col);
  rows.forEach((values, i) => {
    const row = ws.getRow(first + i);
    values.forEach((v, c) => {
      if (v !== "" && !covered.has(i * 8 + c)) row.getCell(c + 1).value = v;
    });
  });
  for (const m of merges) mergeFast(ws, first + m.from, m.col + 1, first + m.to, m.col + 1);
  return wb;
}

export async function writePlanFile(path: string, n: number, seed = 2026): Promise<void> {
  await generatePlanWorkbook(n, seed).xlsx.writeFile(path);
}
