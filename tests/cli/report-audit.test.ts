/**
 * Trust audit through the CLI on real .xlsx files (written with exceljs, as another tool or an
 * older Excel export would): a register kept in thousands, a sum formula never calculated, and a
 * ledger in thousands. Expected values by hand from examples/data (8 measures, 14 240 000 kr;
 * grants 7 000 030 / 6 960 000, allocations 4 200 000 in 2024 and 700 000 in 2025).
 */
import ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { melding } from "../melding/fixtures";
import { removeTempDirs, rst, sha256, tempDir } from "./helpers";

afterAll(removeTempDirs);

const HEADER = ["Nr", "Navn på tiltak", "Sum", "Avtale mellom", "Status for prosjektet", "År"];

async function registerFile(
  name: string,
  opts: { sumHeader?: string; scale?: number; uncalculatedRow?: number } = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Årlig melding");
  ws.addRow(HEADER.map((h) => (h === "Sum" ? (opts.sumHeader ?? h) : h)));
  melding.measures.forEach((m, i) => {
    const sum: ExcelJS.CellValue =
      i === opts.uncalculatedRow
        ? ({ formula: `${m.sum / 2}*2` } as ExcelJS.CellFormulaValue)
        : m.sum / (opts.scale ?? 1);
    ws.addRow([i + 1, m.name, sum, m.agreement, m.status, 2025]);
  });
  const path = join(tempDir(), name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe("rst report on registers a new user brings", () => {
  it("a register in «Sum (i 1000 kr)» reports 14 240 000 kr, says it converted, and leaves the input alone", async () => {
    const file = await registerFile("tusen.xlsx", { sumHeader: "Sum (i 1000 kr)", scale: 1000 });
    const before = sha256(file);
    const out = join(tempDir(), "m.csv");
    const r = await rst("report", file, "--year", "2025", "--out", out, "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { reports: { total: number; problems: { message: string }[] }[] };
    expect(json.reports[0].total).toBe(14_240_000);
    expect(json.reports[0].problems.some((p) => p.message.includes("tusen kroner"))).toBe(true);
    expect(sha256(file)).toBe(before);
  });

  it("a sum formula without a stored result: exit 1, the message says «ikke beregnet», nothing written", async () => {
    const file = await registerFile("formel.xlsx", { uncalculatedRow: 1 }); // Behandlingsavklaring, C3
    const out = join(tempDir(), "m.docx");
    const r = await rst("report", file, "--year", "2025", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("C3");
    expect(r.stderr).toContain("ikke beregnet – åpne og lagre arbeidsboken i Excel");
    expect(existsSync(out)).toBe(false);
  });
});

describe("rst ledger on a ledger kept in thousands", () => {
  async function ledgerFile(header: string, title?: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("RST");
    if (title) ws.addRow([title]);
    ws.addRow(["År", "Post", header, "Type"]);
    ws.addRow([2024, "Tildelt rekrutterings- og samhandlingstilskudd", 7000.03, "Tildelt"]);
    ws.addRow([2024, "Vitality: Eldrehelsekoordinatorer 12 x 50% stillinger", -4200, "Tildeling"]);
    ws.addRow([2025, "Tildelt rekrutterings- og samhandlingstilskudd", 6960, "Tildelt"]);
    ws.addRow([2025, "Digital møteserie for fastleger", -700, "Tildeling"]);
    const path = join(tempDir(), "rst.xlsx");
    await wb.xlsx.writeFile(path);
    return path;
  }

  it.each([
    ["Beløp (i 1000 kr)", undefined],
    ["Beløp", "RST-regnskap, beløp i tusen kroner"],
  ])("«%s» (title %s): 2025 carries out 9 060 030 kr, with a warning", async (header, title) => {
    const r = await rst("ledger", await ledgerFile(header, title), "--format", "json");
    const json = JSON.parse(r.stdout) as {
      years: { year: number; granted: number | null; carriedOut: number | null }[];
      problems: { message: string }[];
    };
    // 7 000 030 − 4 200 000 = 2 800 030; 6 960 000 + 2 800 030 − 700 000 = 9 060 030
    expect(json.years.map((y) => [y.year, y.granted, y.carriedOut])).toEqual([
      [2024, 7_000_030, 2_800_030],
      [2025, 6_960_000, 9_060_030],
    ]);
    expect(json.problems.some((p) => p.message.includes("tusen kroner"))).toBe(true);
  });
});

describe("rst ledger: an allocation with no known amount leaves the carry unknown", () => {
  it.each([
    ["a formula never calculated", { formula: "-4200000" } as ExcelJS.CellFormulaValue, "ikke beregnet"],
    ["unreadable text", "ca. fire millioner", "kan ikke leses"],
  ])(
    "%s in 2024: carried out of 2024 and into 2025 are «ukjent» (null), not 7 000 030",
    async (_what, cell, says) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("RST");
      ws.addRow(["År", "Post", "Beløp", "Type"]);
      ws.addRow([2024, "Tildelt rekrutterings- og samhandlingstilskudd", 7_000_030, "Tildelt"]);
      ws.addRow([2024, "Vitality: Eldrehelsekoordinatorer 12 x 50% stillinger", cell, "Tildeling"]);
      ws.addRow([2025, "Tildelt rekrutterings- og samhandlingstilskudd", 6_960_000, "Tildelt"]);
      ws.addRow([2025, "Digital møteserie for fastleger", -700_000, "Tildeling"]);
      const file = join(tempDir(), "rst.xlsx");
      await wb.xlsx.writeFile(file);
      const j = await rst("ledger", file, "--format", "json");
      const json = JSON.parse(j.stdout) as {
        years: {
          year: number;
          carriedIn: number | null;
          allocated: number | null;
          carriedOut: number | null;
        }[];
        problems: { cell: string; message: string }[];
      };
      expect(json.years.map((y) => [y.year, y.carriedIn, y.allocated, y.carriedOut])).toEqual([
        [2024, 0, null, null],
        [2025, null, 700_000, null],
      ]);
      expect(json.problems.find((p) => p.cell === "C3")?.message).toContain(says);
      const t = await rst("ledger", file);
      const line2024 = t.stdout.split("\n").find((l) => l.startsWith("2024"))!;
      expect(line2024.trim().split(/\s{2,}/)).toEqual(
        ["2024", "7 000 030", "0", "7 000 030", "ukjent", "ukjent"].map((x) => x.replace(/ /g, "\u00a0")),
      );
    },
  );
});

describe("rst validate on a plan with money for two years", () => {
  it("«Økonomi 2027 | Økonomi 2026»: the 2026 RST total is read from the 2026 column (410 000 + 700 000)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Handlingsplan 2026");
    ws.addRow(["Nr", "Satsningsområde", "Tiltak 2026", "Frist", "Økonomi 2027", "Økonomi 2026", "Ansvar"]);
    ws.addRow([
      "1.1.1",
      "UngArena+",
      "1.1 Kontinuere drift av UngArena+",
      "2026",
      "550 000 kr",
      "410 000 kr",
      "SiV",
    ]);
    ws.addRow([
      "8.1.1",
      "Digital møteserie for fastleger",
      "8.1 Digital møteserie",
      "1.kvartal 2026",
      "700 000 kr",
      "700 000 kr",
      "SiV",
    ]);
    const file = join(tempDir(), "plan.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await rst("validate", file);
    const last = r.stdout
      .trim()
      .split("\n")
      .pop()!
      .replace(/[\u00a0\u202f]/g, " ");
    expect(last).toContain("RST-finansiert 2026: 1 110 000 kr");
  });
});

describe("rst validate --explain reads a Frist the way the check does", () => {
  it("a date typed as a serial (46203 = 30.06.2026) is explained as that date, not «Forstod ikke»", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Handlingsplan 2026");
    ws.addRow(["Nr", "Tiltak 2026", "Frist", "Økonomi", "Ansvar"]);
    ws.addRow(["1.1.1", "1.1 Kontinuere drift av UngArena+", 46203, "410 000 kr", "SiV"]);
    const file = join(tempDir(), "plan.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await rst("validate", file, "--explain", "--format", "json");
    const j = JSON.parse(r.stdout) as {
      problems: { cell: string }[];
      explanation: { frist: { ok: boolean; end: string | null; text: string } }[];
    };
    expect(j.problems.filter((p) => p.cell === "C2")).toEqual([]);
    expect(j.explanation[0].frist).toMatchObject({ ok: true, end: "2026-06-30", text: "46203" });
  });
});
