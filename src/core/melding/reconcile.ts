/**
 * Reconciliation of the årlig melding against the RST ledger and the handlingsplan.
 *
 * Per measure of the report year: the register's sum, the ledger's allocations booked in that
 * year (the ledger books a grant in full in the year it is made) and the plan's RST money.
 * A difference is listed whenever two of these figures exist and differ; a measure the ledger
 * does not have at all is listed under `unmatched` (as is a ledger allocation the register does
 * not have). Trailer lines (overspend advanced from next year's grant) are compared with the
 * ledger's advance for the year: its "Forskuttert" rows, else a negative carry-over.
 *
 * Matching: by Nr when the register gives a plan id such as "2.1" (plan rows whose Nr equals it or
 * starts with it; a bare running number "1" is not taken as a link),
 * else by name (see match.ts). Ledger rows with the same post are one measure.
 */
import { formatNok } from "../amount";
import { type Grid, type GridWorkbook } from "../grid";
import { findLedgerGrid, readLedger, type LedgerEntry } from "../ledger-sheet";
import type { LedgerYear } from "../ledger";
import type { Problem } from "../problems";
import {
  assign,
  compactContains,
  nameScore,
  poolOf,
  prepareName,
  wordsScore,
  tokenKey,
  type PreparedName,
  wordScore,
} from "./match";
import { findPlanGrid, readPlanAmounts, type PlanAmounts, type PlanGroup } from "./plan-amounts";
import { findRegisterGrid, otherRegisterSheets, readRegister, type Measure, type Trailer } from "./register";
import { foldText } from "./text";

export interface Difference {
  measure: string;
  register: number | null;
  ledger: number | null;
  plan: number | null;
  note: string;
}

export interface ReconcileResult {
  differences: Difference[];
  unmatched: string[];
  /** Sheets used (empty string when not found). */
  sources: { register: string; ledger: string; plan: string; planYear: number | null };
  /** Why a source is missing or could not be read (Norwegian). */
  problems: Problem[];
  /**
   * Comparisons that were not made because a side is missing (Norwegian sentences). Not empty
   * means the result is no all-clear, whatever `differences` says.
   */
  notCompared: string[];
}

interface LedgerMeasure {
  post: string;
  /** Allocation per year. */
  byYear: Map<number, number>;
  row: number;
}

const nok = (n: number | null) => (n === null ? "–" : formatNok(n));
const same = (a: number, b: number) => Math.abs(a - b) < 0.5;

function ledgerMeasures(entries: LedgerEntry[]): LedgerMeasure[] {
  const out = new Map<string, LedgerMeasure>();
  for (const e of entries) {
    if (e.type !== "allocation" || e.amount === null) continue;
    const key = foldText(e.post);
    let m = out.get(key);
    if (!m) out.set(key, (m = { post: e.post, byYear: new Map(), row: e.row }));
    m.byYear.set(e.year, (m.byYear.get(e.year) ?? 0) + e.amount);
  }
  return [...out.values()];
}

function sourceProblem(sheet: string, message: string): Problem {
  return {
    code: "header-missing",
    severity: "warning",
    sheet,
    cell: "",
    row: 0,
    column: "",
    value: "",
    message,
  };
}

export function reconcile(
  wb: GridWorkbook,
  opts: { year: number; sheet?: string; ledgerSheet?: string; planSheet?: string },
): ReconcileResult {
  const year = opts.year;
  const problems: Problem[] = [];
  const registerGrid = findRegisterGrid(wb, opts.sheet);
  const ledgerGrid = findLedgerGrid(wb, opts.ledgerSheet);
  const planGrid: Grid | undefined = opts.planSheet
    ? wb.sheets.find((g) => g.sheet === opts.planSheet)
    : findPlanGrid(
        wb,
        [registerGrid, ledgerGrid].filter((g): g is Grid => g !== undefined),
      );

  const register = registerGrid
    ? readRegister(registerGrid, { year })
    : { measures: [], trailers: [], problems: [] };
  if (!registerGrid)
    problems.push(
      sourceProblem("", "Fant ikke arket med tiltakene («Årlig melding» eller «Tiltaksregister»)."),
    );
  // Errors, and notes about a whole sheet (such as amounts converted from tusen kroner).
  const passOn = (p: Problem) => p.severity === "error" || (p.severity === "warning" && p.row === 0);
  problems.push(...register.problems.filter(passOn));
  const ledger = ledgerGrid
    ? readLedger(ledgerGrid)
    : { years: [] as LedgerYear[], entries: [] as LedgerEntry[], problems: [] };
  if (!ledgerGrid)
    problems.push(
      sourceProblem(
        "",
        "Fant ikke RST-arket (et ark som heter «RST» eller «Tilskudd»); meldingen er ikke avstemt mot regnskapet.",
      ),
    );
  problems.push(...ledger.problems.filter(passOn));
  const plan: PlanAmounts | null = planGrid ? readPlanAmounts(planGrid, year) : null;
  if (plan && !plan.planYearWritten)
    problems.push(
      sourceProblem(
        plan.sheet,
        `Fant ikke planåret i «${plan.sheet}» (verken i overskriftene eller i en tittel over dem); planen er lest som planen for ${year}. ` +
          `Skriv året i tittelen, f.eks. «Handlingsplan ${year}», hvis det er en annen plan.`,
      ),
    );
  if (plan?.unit)
    problems.push(
      sourceProblem(
        plan.sheet,
        `Tallene i Økonomi-kolonnen i «${plan.sheet}» er oppgitt i ${plan.unit.label} («${plan.unit.source}») og er regnet om til kroner; ` +
          `beløp skrevet med «kr» i teksten er tatt som skrevet. Kontroller at det stemmer.`,
      ),
    );
  if (!plan)
    problems.push(
      sourceProblem(
        planGrid?.sheet ?? "",
        "Fant ikke handlingsplanen (et ark med kolonnene Nr, Tiltak, Frist og Økonomi); meldingen er ikke avstemt mot planen.",
      ),
    );

  const inYear = <T extends { year?: number | null }>(xs: T[]) =>
    xs.filter((x) => x.year == null || x.year === year);
  const measures = inYear(register.measures);
  const trailers = inYear(register.trailers);

  // Ledger: measures with an allocation in the report year, plus earlier/later years of the same post.
  const lms = ledgerMeasures(ledger.entries);
  const ledgerIdx = assign(measures.map((m) => lms.map((l) => nameScore(m.name, l.post))));
  // Plan: by Nr when given, else by name against the group's area, tiltak and goals.
  const groups = plan?.groups ?? [];
  const planIdx = assign(planScores(measures, groups));

  const differences: Difference[] = [];
  const unmatched: string[] = [];
  const planName = plan ? `Handlingsplan ${plan.planYear}` : "Handlingsplanen";

  measures.forEach((m, i) => {
    const lm = ledgerIdx[i] >= 0 ? lms[ledgerIdx[i]] : undefined;
    const pg = planIdx[i] >= 0 ? groups[planIdx[i]] : undefined;
    const ledgerAmount = lm ? (lm.byYear.get(year) ?? null) : null;
    const planAmount = pg ? pg.rst : null;
    if (!lm && ledgerGrid) {
      unmatched.push(
        `Årlig melding rad ${m.row}: «${m.name}» (${nok(m.sum)}) – ikke funnet i RST-regnskapet («${ledgerGrid.sheet}»).`,
      );
    }
    if (plan && !pg) {
      unmatched.push(
        `Årlig melding rad ${m.row}: «${m.name}» (${nok(m.sum)}) – ikke funnet i handlingsplanen («${plan.sheet}»).`,
      );
    } else if (plan && pg && planAmount === null) {
      unmatched.push(
        `Årlig melding rad ${m.row}: «${m.name}» (${nok(m.sum)}) – står uten RST-beløp i handlingsplanen («${plan.sheet}», «${pg.label}»).`,
      );
    }
    const reg = m.sum;
    const differs =
      (reg !== null && ledgerAmount !== null && !same(reg, ledgerAmount)) ||
      (reg !== null && planAmount !== null && !same(reg, planAmount)) ||
      (reg === null && (ledgerAmount !== null || planAmount !== null)) ||
      (reg !== null && lm !== undefined && ledgerAmount === null);
    if (!differs) return;
    differences.push({
      measure: m.name,
      register: reg,
      ledger: ledgerAmount,
      plan: planAmount,
      note: measureNote(m, lm, pg, year, planName),
    });
  });

  // Ledger allocations in the report year that no register row claims.
  const claimed = new Set(ledgerIdx.filter((j) => j >= 0));
  lms.forEach((l, j) => {
    if (claimed.has(j) || !l.byYear.has(year)) return;
    unmatched.push(
      `RST-regnskapet rad ${l.row}: «${l.post}» (${nok(l.byYear.get(year)!)} i ${year}) – ikke funnet i årlig melding.`,
    );
  });

  for (const t of trailers) {
    const d = trailerDifference(t, ledger.years, ledger.entries, year, ledgerGrid !== undefined);
    if (d) differences.push(d);
  }

  const notCompared: string[] = [];
  if (!registerGrid) {
    notCompared.push(
      "Årlig melding mot RST-regnskapet og handlingsplanen: ikke avstemt, fant ikke tiltaksregisteret.",
    );
  } else if (measures.length === 0 && trailers.length === 0) {
    notCompared.push(
      `Årlig melding mot RST-regnskapet og handlingsplanen: ikke avstemt, «${registerGrid.sheet}» har ingen tiltak for ${year}.`,
    );
  } else {
    if (!ledgerGrid) notCompared.push("Årlig melding mot RST-regnskapet: ikke avstemt, fant ikke RST-arket.");
    if (!plan)
      notCompared.push("Årlig melding mot handlingsplanen: ikke avstemt, fant ikke handlingsplanen.");
  }
  if (registerGrid && opts.sheet === undefined) {
    for (const o of otherRegisterSheets(wb, registerGrid, year))
      notCompared.push(
        `Arket «${o.sheet}» (${o.measures} tiltak for ${year}): ikke avstemt, bare «${registerGrid.sheet}» er lest som tiltaksregister. Velg arket med --sheet.`,
      );
  }

  return {
    differences,
    unmatched,
    sources: {
      register: registerGrid?.sheet ?? "",
      ledger: ledgerGrid?.sheet ?? "",
      plan: plan?.sheet ?? "",
      planYear: plan?.planYear ?? null,
    },
    problems,
    notCompared,
  };
}

/**
 * Scores of every measure against every plan group, in near-linear time: each text is folded
 * once (prepareName), and a measure is scored in full only against the groups sharing a word
 * key with it (tokenKey: below that no word can match); the others can only match by the
 * letters-run-together rule, which is checked alone. Same scores as scoring every pair.
 */
export function planScores(measures: Measure[], groups: PlanGroup[]): number[][] {
  // Every distinct text of the plan once, by index; a group holds the indices of its texts.
  const textIndex = new Map<PreparedName, number>();
  const texts: PreparedName[] = [];
  const prepared = groups.map((g) => {
    const pool = poolOf(g.texts);
    const idx = g.texts.map((t) => {
      const p = prepareName(t);
      let i = textIndex.get(p);
      if (i === undefined) {
        textIndex.set(p, (i = texts.length));
        texts.push(p);
      }
      return i;
    });
    return { texts: idx, pool: new Set(pool) };
  });
  const vocabulary = [...new Set(prepared.flatMap((g) => [...g.pool]))];
  const index = new Map<string, number[]>();
  prepared.forEach((g, j) => {
    const keys = new Set([...g.pool].map(tokenKey));
    for (const k of keys) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(j);
    }
  });
  const score = new Float64Array(texts.length);
  const compact = new Uint8Array(texts.length);
  return measures.map((m) => {
    const row = new Array<number>(groups.length).fill(0);
    // Only a plan-style id ("2.1", "2.1.1") links to the plan; a bare "1" is usually a running number.
    const nr = m.nr.trim().replace(/\.$/, "");
    if (/^\d+(\.\d+)+$/.test(nr)) {
      groups.forEach((g, j) => {
        row[j] = g.nrs.some((n) => n === nr || n.startsWith(nr + ".")) ? 1 : 0;
      });
      return row;
    }
    const pm = prepareName(m.name);
    const candidates = new Set<number>();
    for (const t of pm.tokens) for (const j of index.get(tokenKey(t)) ?? []) candidates.add(j);
    // coverScore ≥ 0.99 means every word of the name matches some word of the group fully:
    // the words of the whole plan each of the name's words matches fully, found once.
    const fullMatches = pm.tokens.map((t) => vocabulary.filter((u) => wordScore(t, u) === 1));
    const covered = (pool: Set<string>) =>
      fullMatches.length > 0 && fullMatches.every((us) => us.some((u) => pool.has(u)));
    // Each distinct text scored once per measure (preparedScore, split in two): plans repeat
    // their words («1.1 Drift …», «2.1 Drift …»), so the words' part is found once per word
    // list, the compact-text check once per text.
    const byWords = new Map<string, number>();
    texts.forEach((t, i) => {
      let w = byWords.get(t.words);
      if (w === undefined) byWords.set(t.words, (w = wordsScore(pm, t)));
      compact[i] = compactContains(pm, t) ? 1 : 0;
      score[i] = w < 0.8 && compact[i] ? 0.8 : w;
    });
    prepared.forEach((g, j) => {
      if (candidates.has(j)) {
        let byName = 0;
        for (const i of g.texts) if (score[i] > byName) byName = score[i];
        row[j] = Math.max(byName, covered(g.pool) ? 0.9 : 0);
      } else if (g.texts.some((i) => compact[i] === 1)) {
        row[j] = 0.8;
      }
    });
    return row;
  });
}

function measureNote(
  m: Measure,
  lm: LedgerMeasure | undefined,
  pg: PlanGroup | undefined,
  year: number,
  planName: string,
): string {
  const parts: string[] = [];
  parts.push(`Årlig melding (rad ${m.row}): ${nok(m.sum)}.`);
  if (lm) {
    const y = lm.byYear.get(year);
    parts.push(
      `RST-regnskapet ${year}: ${y === undefined ? "ingen tildeling" : formatNok(y)} («${lm.post}»).`,
    );
  } else {
    parts.push(`RST-regnskapet: ikke funnet.`);
  }
  parts.push(
    pg
      ? `${planName}: ${pg.rst === null ? "ingen RST-midler oppgitt" : formatNok(pg.rst)} («${pg.label}»).`
      : `${planName}: ikke funnet.`,
  );
  if (lm && m.sum !== null) {
    const years = [...lm.byYear.keys()].sort((a, b) => a - b);
    const total = years.reduce((s, y) => s + lm.byYear.get(y)!, 0);
    const y = lm.byYear.get(year);
    if (years.length > 1 && same(total, m.sum)) {
      parts.push(
        `Over ${years.length} år (${years.map((x) => `${x}: ${formatNok(lm.byYear.get(x)!)}`).join(", ")}) viser RST-regnskapet til sammen ${formatNok(total)} – ` +
          `det samme som meldingen. Meldingen oppgir trolig hele tildelingen over ${years.length} år, mens regnskapet fører ${nok(y ?? null)} i ${year}.`,
      );
    } else if (y !== undefined && !same(y, m.sum)) {
      parts.push(`Differanse mot RST-regnskapet: ${formatNok(m.sum - y)}.`);
    }
  }
  if (pg && pg.rst !== null && m.sum !== null && !same(pg.rst, m.sum)) {
    parts.push(
      `Differanse mot ${planName.toLowerCase().replace("handlingsplan", "handlingsplanen")}: ${formatNok(m.sum - pg.rst)}.`,
    );
  }
  if (m.sum === null) parts.push(`Meldingen har ingen sum for tiltaket; fyll inn «Sum».`);
  return parts.join(" ");
}

function trailerDifference(
  t: Trailer,
  years: LedgerYear[],
  entries: LedgerEntry[],
  year: number,
  haveLedger: boolean,
): Difference | null {
  if (!haveLedger) return null;
  const y = years.find((x) => x.year === year);
  const advancedRows = entries.filter((e) => e.type === "advanced" && e.year === year && e.amount !== null);
  const advance = advancedRows.length
    ? advancedRows.reduce((s, e) => s + (e.amount ?? 0), 0)
    : y && y.carriedOut !== null
      ? Math.max(0, -y.carriedOut)
      : null;
  if (t.sum !== null && advance !== null && same(t.sum, advance)) return null;
  const parts = [
    `Årlig melding (rad ${t.row ?? "?"}): overforbruk ${nok(t.sum)} forskuttert av ${year + 1}-tilskuddet.`,
  ];
  if (!y) {
    parts.push(`RST-regnskapet har ingen tall for ${year}.`);
  } else {
    const ledgerSays =
      advance === 0 || advance === null ? "ingen forskuttering" : `forskuttert ${formatNok(advance)}`;
    parts.push(
      `RST-regnskapet ${year} viser ${ledgerSays}: tildelt ${nok(y.granted)}, overført fra ${year - 1} ${formatNok(y.carriedIn)}, ` +
        `tilgjengelig ${nok(y.available)}, fordelt til tiltak ${formatNok(y.allocated)}, ` +
        (y.carriedOut !== null && y.carriedOut >= 0
          ? `overført til ${year + 1} ${formatNok(y.carriedOut)}.`
          : `overforbruk ${nok(y.carriedOut === null ? null : -y.carriedOut)}.`),
    );
    parts.push(
      `Tiltak i meldingen som ikke er ført i regnskapet kan forklare forskjellen; før tildelingene i RST-arket eller rett meldingen.`,
    );
  }
  return { measure: t.name, register: t.sum, ledger: advance, plan: null, note: parts.join(" ") };
}
