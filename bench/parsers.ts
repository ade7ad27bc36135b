/**
 * Parse rates of the amount and deadline parsers, in parses per second.
 *   cold:     generated realistic variants through the uncached parsers (nothing memoised)
 *   repeated: the seed plan's own cells cycled through the memoised parsers
 * Run alone: `npx esbuild bench/parsers.ts --bundle --platform=node | node`.
 */
import { formatNok, parseAmounts, parseAmountsUncached } from "../src/core/amount";
import { parseDeadline, parseDeadlineUncached } from "../src/core/deadline";
import plan from "../examples/data/handlingsplan-2026.json";

const COLD_INPUTS = 50_000;
const COLD_ROUNDS = 5;
const REPEATED_CALLS = 2_000_000;

/** Small deterministic PRNG (mulberry32) so every run measures the same texts. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MONTHS = [
  "januar",
  "feb",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "aug.",
  "sept.",
  "okt",
  "nov.",
  "desember",
];

export function amountVariants(count: number, seed = 1): string[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const kr = () => formatNok(int(1, 900) * 5_000);
  const year = () => int(2024, 2030);
  const templates: (() => string)[] = [
    () =>
      `${kr()} kr prosjektleder. Evt finansiering ${year()}: ${kr()} kr prosjektleder hvis beslutning om spredning`,
    () => `${kr()} kr (${int(2, 14)} X 50% eldrehelse-koordinator)`,
    () => `Fra SiV: ${kr()} kr til ${int(1, 9) * 10}% stilling for opplæring i kommuner i ${year()}`,
    () => `Utjevning av merkostnader: ${kr()} kr`,
    () =>
      `Fra SiV: ressursinnsats fra ansatte i SiV tilsvarende 50% stilling. Prosjektstilling 50% fra kommuner: ${kr()}kr. Finansiering ${year()}: Som ${year()} hvis videreføring`,
    () =>
      `${kr()} kr i ${year()} fra velferdsteknologiordningen. Søkes videre finansiert for ${year()}. (Erfaringsvis videre tildeling på samme nivå). ${kr()} Styrke satsing med 50% ressurs i kommunene. Finansiering fra ${year()}: Videreføres dersom beslutning om oppfølgingstjeneste: ${kr()}kr`,
    () => `${kr()} kr over to år (nov ${year()}-okt ${year()}) (Prosjektstillinger 2x50%)`,
    () => `${kr()} kr. Finansiering fra ${year()}: Videreføres dersom positiv evaluering`,
    () =>
      `Ekstern finansiering til prosjektledelse fra HSØ i ${year()}. ${kr()} kr til møter med fastlegekontor`,
    () => `kr ${kr()}`,
    () => `${int(1, 20)},${int(1, 9)} mill. kr`,
    () => `NOK ${kr()}`,
    () => `\u2212${kr()}`,
    () => `${int(100, 999)}'`,
  ];
  return Array.from({ length: count }, () => templates[int(0, templates.length - 1)]());
}

export function deadlineVariants(count: number, seed = 2): string[] {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const year = () => int(2020, 2035);
  const yy = () => String(int(20, 35));
  const month = () => MONTHS[int(0, 11)];
  const templates: (() => string)[] = [
    () => `${int(1, 4)}.kvartal ${year()}`,
    () => `${int(1, 4)}. kv. ${year()}`,
    () => `Q${int(1, 4)} ${year()}`,
    () => `${int(1, 2)}.halvår ${year()}`,
    () => String(year()),
    () => `innen utgangen av ${year()}`,
    () => `${int(1, 28)}.${int(1, 12)}.${year()}`,
    () => `${int(1, 28)}. ${month()} ${year()}`,
    () => `${month()} ${year()}`,
    () => `${String(int(1, 12)).padStart(2, "0")}.${year()}`,
    () => `nov.${yy()}-okt.${yy()}`,
    () => `Fom april -des.${year()}`,
    () => `fom ${month()} tom ${month()} ${year()}`,
    () => `høst-${yy()}`,
    () => `primo ${month()} ${year()}`,
    () => `${month()} og ${month()} ${year()}`,
    () => `${int(1, 4)}.kvartal`,
    () => "snarest",
  ];
  return Array.from({ length: count }, () => templates[int(0, templates.length - 1)]());
}

interface Rate {
  wall: number; // parses per wall-clock second
  cpu: number; // parses per second of this process's CPU time (less sensitive to a busy machine)
}

/** Parses per second: the best of several rounds, each round parsing every input once. */
function rate(inputs: string[], parse: (s: string) => unknown, rounds: number): Rate {
  let sink = 0;
  for (const s of inputs.slice(0, 2000)) sink += parse(s) ? 1 : 0; // warm-up (JIT)
  let best: Rate = { wall: 0, cpu: 0 };
  for (let k = 0; k < rounds; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < inputs.length; i++) sink += parse(inputs[i]) ? 1 : 0;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const r = { wall: (inputs.length / ms) * 1000, cpu: (inputs.length / Math.max(cpuMs, 1e-3)) * 1000 };
    if (r.wall > best.wall) best = r;
  }
  if (sink < 0) console.log(sink); // keeps the calls observable
  return { wall: Math.round(best.wall), cpu: Math.round(best.cpu) };
}

/** Cycles a small set of strings through a memoised parser `calls` times. */
function repeatedRate(seeds: string[], parse: (s: string) => unknown, calls: number): Rate {
  const inputs: string[] = [];
  while (inputs.length < calls) inputs.push(...seeds);
  inputs.length = calls;
  return rate(inputs, parse, 3);
}

export async function benchParsers(): Promise<Record<string, number>> {
  const amountSeeds = [...new Set(plan.rows.map((r) => r[5]))];
  const deadlineSeeds = [...new Set(plan.rows.map((r) => r[4]))];
  // Flat copies, like the strings a workbook reader hands over (not concatenation ropes).
  const amounts: string[] = JSON.parse(JSON.stringify(amountVariants(COLD_INPUTS)));
  const deadlines: string[] = JSON.parse(JSON.stringify(deadlineVariants(COLD_INPUTS)));
  const figures: [string, Rate][] = [
    ["amounts cold", rate(amounts, parseAmountsUncached, COLD_ROUNDS)],
    ["amounts repeated", repeatedRate(amountSeeds, parseAmounts, REPEATED_CALLS)],
    ["deadlines cold", rate(deadlines, (s) => parseDeadlineUncached(s, 2026), COLD_ROUNDS)],
    ["deadlines repeated", repeatedRate(deadlineSeeds, (s) => parseDeadline(s, 2026), REPEATED_CALLS)],
  ];
  const out: Record<string, number> = {};
  for (const [name, r] of figures) out[`${name} (parses/s)`] = r.wall;
  for (const [name, r] of figures) out[`${name} (parses/CPU-s)`] = r.cpu;
  return out;
}

// Print a table when this file is the entry point (piped into node, or run as bench/parsers.*).
const entry = typeof process !== "undefined" ? process.argv[1] : "";
if (entry === undefined || /parsers\.(ts|js|cjs|mjs)$/.test(entry)) {
  benchParsers().then(
    (figures) => {
      const width = Math.max(...Object.keys(figures).map((k) => k.length));
      for (const [k, v] of Object.entries(figures))
        console.log(`${k.padEnd(width)}  ${v.toLocaleString("nb-NO")}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
