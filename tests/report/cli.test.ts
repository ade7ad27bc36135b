import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grid } from "../../src/core/grid";
import { main } from "../../src/cli/rst";
import { nameFromFile } from "../../src/cli/commands/report";
import { gridFromValues } from "../../src/core/grid";
import { REGISTER_HEADER, seedWorkbook } from "../melding/fixtures";
import { docxParagraphs, unzip } from "./zip";
import { plain } from "../plain";

const dir = mkdtempSync(join(tmpdir(), "rst-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeXlsx(path: string, grids: Grid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheet);
    g.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value !== null) ws.getCell(r + 1, c + 1).value = cell.value;
      }),
    );
  }
  writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

const seedFile = join(dir, "vestfold.xlsx");
const evilFile = join(dir, "arlig-melding-2025-telemark.xlsx");

beforeAll(async () => {
  await writeXlsx(seedFile, seedWorkbook().sheets);
  await writeXlsx(evilFile, [
    gridFromValues("Tiltaksregister", [
      REGISTER_HEADER,
      ["", "=1+1", 100_000, "+47 22 00 00 00", "Oppstart 2026", "-5", "@SUM(A1:A2)", "\tinnrykk", 2025],
      [
        "",
        "OBS plan Øvre Telemark",
        "600 000",
        "Notodden kommune og Notodden sykehus",
        "Pågående",
        "Engangstildeling",
        "",
        "",
        2025,
      ],
    ]),
  ]);
});

describe("rst report", () => {
  it("writes the Word report for the seed workbook, input untouched", async () => {
    const before = sha(seedFile);
    const out = join(dir, "vestfold.docx");
    const r = await run("report", seedFile, "--year", "2025", "--out", out);
    expect(r.code).toBe(0);
    expect(plain(r.stdout)).toContain(
      "Skrev årlig melding 2025 for Helsefelleskap Vestfold (8 tiltak, 1 linje med forskuttert overforbruk, sum 14 240 000 kr)",
    );
    const texts = docxParagraphs(unzip(readFileSync(out)).get("word/document.xml")!.toString("utf8")).map(
      (p) => plain(p.text),
    );
    expect(texts).toContain("Sum: 8 400 000");
    expect(texts).toContain(
      "Status for prosjektet: Planlegging - For full finansering må 250 000 av tildeling for 2026 benyttes",
    );
    expect(sha(seedFile)).toBe(before);
  });

  it("writes CSV, and a copy of the workbook with the report as an Excel table", async () => {
    const csv = join(dir, "vestfold.csv");
    expect((await run("report", seedFile, "--year", "2025", "--out", csv)).code).toBe(0);
    expect(readFileSync(csv, "utf8").split("\r\n")[1]).toContain(";8400000;");

    const before = sha(seedFile);
    const xlsx = join(dir, "vestfold-med-melding.xlsx");
    expect((await run("report", seedFile, "--year", "2025", "--out", xlsx)).code).toBe(0);
    expect(sha(seedFile)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "Handlingsplan 2026",
      "RST",
      "Årlig melding",
      "Årlig melding 2025",
    ]);
    // our bookkeeping of the sheets we made, out of the user's sight
    expect(wb.getWorksheet("RST_Eierskap")?.state).toBe("veryHidden");
    const ws = wb.getWorksheet("Årlig melding 2025")!;
    expect(ws.getCell("A1").value).toBe("Årlig melding 2025 – Helsefelleskap Vestfold");
    expect(ws.getRow(3).values).toEqual([
      undefined,
      "Nr",
      "Navn på tiltak",
      "Beskrivelse",
      "Sum",
      "Avtale mellom",
      "Status for prosjektet",
      "Planlagt varighet for tilskuddsmidler",
      "Foreløpige resultater",
      "Mulighet for spredning",
    ]);
    expect(ws.getCell("B4").value).toBe(
      "Vitality - utvikling og bredding av tjenestemodell for integrerte helsetjenester for eldre",
    );
    expect(ws.getCell("D4").value).toBe(8_400_000);
    expect(ws.getCell("D4").numFmt).toBe("#,##0");
    expect(ws.getCell("D13").value).toBe(14_240_000);
    expect(ws.getCell("B3").font?.bold).toBe(true);
    const sheetXml = unzip(readFileSync(xlsx));
    const tables = [...sheetXml.keys()].filter((k) => /^xl\/tables\/table\d+\.xml$/.test(k));
    expect(tables).toHaveLength(1);
    const tableXml = sheetXml.get(tables[0])!.toString("utf8");
    expect(tableXml).toContain('ref="A3:I13"');
    expect(tableXml).toContain("TableStyleMedium2");
    expect(tableXml).toContain('name="Arlig_melding_2025"');

    // Running again on the copy replaces the sheet instead of adding a second one.
    const again = join(dir, "vestfold-med-melding-2.xlsx");
    expect((await run("report", xlsx, "--year", "2025", "--out", again)).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    expect(wb2.worksheets.filter((w) => w.name.startsWith("Årlig melding 2025"))).toHaveLength(1);

    // Once the user has typed into the generated sheet, it is kept and the new one goes beside it.
    const typed = join(dir, "vestfold-med-merknad.xlsx");
    wb2.getWorksheet("Årlig melding 2025")!.getCell("B20").value = "Min merknad til HSØ";
    writeFileSync(typed, new Uint8Array((await wb2.xlsx.writeBuffer()) as ArrayBuffer));
    const third = join(dir, "vestfold-med-melding-3.xlsx");
    const r3 = await run("report", typed, "--year", "2025", "--out", third);
    expect(r3.code).toBe(0);
    expect(r3.stderr).toContain(
      "Arket «Årlig melding 2025» er endret siden det ble laget, så det er beholdt; skrev «Årlig melding 2025 (2)» ved siden av.",
    );
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.readFile(third);
    expect(wb3.getWorksheet("Årlig melding 2025")!.getCell("B20").value).toBe("Min merknad til HSØ");
    expect(wb3.getWorksheet("Årlig melding 2025 (2)")!.getCell("D13").value).toBe(14_240_000);
  });

  it("never replaces a user's sheet named like the report (a register called «Årlig melding 2025»)", async () => {
    const own = join(dir, "register-som-rapport.xlsx");
    const reg = seedWorkbook().sheets.find((g) => g.sheet === "Årlig melding")!;
    // the user's register with a row for another year that must survive
    const rows = reg.rows.map((r) => r.map((c) => c.value));
    rows.push(["", "Tiltak fra 2024", 50_000, "", "Avsluttet", "", "", "", 2024]);
    await writeXlsx(own, [gridFromValues("Årlig melding 2025", rows)]);
    const out = join(dir, "register-som-rapport-ut.xlsx");
    const r = await run("report", own, "--year", "2025", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "Arket «Årlig melding 2025» er ikke laget av RST-verktøy, så det er beholdt; skrev «Årlig melding 2025 (2)» ved siden av.",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const kept = wb.getWorksheet("Årlig melding 2025")!;
    expect(kept.rowCount).toBe(rows.length);
    expect(kept.getCell(rows.length, 2).value).toBe("Tiltak fra 2024");
    expect(wb.getWorksheet("Årlig melding 2025 (2)")!.getCell("A1").value).toContain("Årlig melding 2025");

    // again on the copy: our «(2)» is replaced, the user's sheet still kept, no «(3)»
    const again = join(dir, "register-som-rapport-ut-2.xlsx");
    expect((await run("report", out, "--year", "2025", "--out", again)).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(again);
    expect(wb2.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "Årlig melding 2025",
      "Årlig melding 2025 (2)",
    ]);
  });

  it("keeps formula-like register text as text in the sheet (no formula written)", async () => {
    const xlsx = join(dir, "telemark-med-melding.xlsx");
    const r = await run("report", evilFile, "--year", "2025", "--out", xlsx);
    expect(r.code).toBe(0);
    // name from the file name; the unclear status is a warning naming the cell
    expect(plain(r.stdout)).toContain("for Helsefelleskap Telemark");
    expect(r.stderr).toContain("Advarsel (Tiltaksregister!E2)");
    const files = unzip(readFileSync(xlsx));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("Årlig melding 2025")!;
    expect(ws.getCell("B4").value).toBe("=1+1");
    expect(ws.getCell("B4").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("E4").value).toBe("+47 22 00 00 00");
    expect(ws.getCell("G4").value).toBe("-5");
    expect(ws.getCell("H4").value).toBe("@SUM(A1:A2)");
    const sheetPaths = [...files.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k));
    for (const p of sheetPaths) expect(files.get(p)!.toString("utf8")).not.toContain("<f>");

    const csv = join(dir, "telemark.csv");
    expect((await run("report", evilFile, "--year", "2025", "--out", csv)).code).toBe(0);
    const line = readFileSync(csv, "utf8").split("\r\n")[1];
    // (the workbook reader trims cell text, so the leading tab is gone before the CSV; csv.test.ts covers tabs)
    expect(line).toBe(";'=1+1;;100000;'+47 22 00 00 00;Oppstart 2026;'-5;'@SUM(A1:A2);innrykk");
  });

  it("merges several workbooks into the region document", async () => {
    const out = join(dir, "region.docx");
    const r = await run("report", evilFile, seedFile, "--year", "2025", "--out", out);
    expect(r.code).toBe(0);
    expect(plain(r.stdout)).toContain(
      "med 2 helsefellesskap (Helsefelleskap Telemark, Helsefelleskap Vestfold)",
    );
    const paras = docxParagraphs(unzip(readFileSync(out)).get("word/document.xml")!.toString("utf8"));
    expect(paras[0].text).toBe("Vedlegg til årlig melding 2025 for Helse Sør-Øst RHF");
    expect(paras.filter((p) => p.style === "Heading1").map((p) => p.text)).toEqual([
      "Helsefelleskap Telemark",
      "Helsefelleskap Vestfold",
    ]);
  });

  it("bad usage and unreadable input exit 2, output never the input", async () => {
    const before = sha(seedFile);
    expect((await run("report", seedFile, "--year", "2025", "--out", seedFile)).code).toBe(2);
    expect(sha(seedFile)).toBe(before);
    const multi = await run("report", seedFile, evilFile, "--year", "2025", "--out", join(dir, "x.csv"));
    expect(multi.code).toBe(2);
    expect(multi.stderr).toContain("bare som Word");
    const noYear = await run("report", seedFile, "--out", join(dir, "x.docx"));
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain("--year");
    expect((await run("report", seedFile, "--year", "2025", "--out", join(dir, "x.pdf"))).code).toBe(2);
    expect(
      (await run("report", join(dir, "finnes-ikke.xlsx"), "--year", "2025", "--out", join(dir, "x.docx")))
        .code,
    ).toBe(2);
    expect(existsSync(join(dir, "x.docx"))).toBe(false);
  });

  it("a workbook without a register: exit 1, nothing written", async () => {
    const empty = join(dir, "tom.xlsx");
    await writeXlsx(empty, [gridFromValues("Ark1", [["Hei"]])]);
    const out = join(dir, "tom.docx");
    const r = await run("report", empty, "--year", "2025", "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Fant ikke arket");
    expect(existsSync(out)).toBe(false);
  });

  it("names from file names", () => {
    expect(nameFromFile("/x/arlig-melding-2025-vestfold.xlsx")).toBe("Helsefelleskap Vestfold");
    expect(nameFromFile("Tiltaksregister_Vestre_Viken.xlsx")).toBe("Helsefelleskap Vestre Viken");
  });
});

describe("rst reconcile", () => {
  it("lists the seed's differences and exits 1", async () => {
    const r = await run("reconcile", seedFile, "--year", "2025");
    expect(r.code).toBe(1);
    expect(plain(r.stdout)).toContain("4 differanser");
    expect(plain(r.stdout)).toMatch(/Partnerskapskonferanse 2025\s+150 000\s+50 000\s+–/);
    expect(plain(r.stdout)).toContain("overført til 2026 1 810 030");
  });

  it("--format json gives amounts as numbers", async () => {
    const r = await run("reconcile", seedFile, "--year", "2025", "--format", "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.differences.map((d: { register: number; ledger: number }) => [d.register, d.ledger])).toEqual([
      [8_400_000, 4_200_000],
      [980_000, 700_000],
      [150_000, 50_000],
      [250_000, 0],
    ]);
    // 4 not in the ledger, and «Partnerskapskonferanse 2025» not in the plan
    expect(j.unmatched).toHaveLength(5);
  });

  const agreeing = [
    [
      "",
      "Vitality - utvikling og bredding av tjenestemodell for integrerte helsetjenester for eldre",
      4_200_000,
      "SiV",
      "Pågående",
      "",
      "",
      "",
      2025,
    ],
    ["", "Digital møteserie for fastleger", 700_000, "SiV", "Pågående", "", "", "", 2025],
    [
      "",
      "Behandlingsavklaring - 2-årig prosjektstilling iverksettes",
      3_000_000,
      "SiV",
      "Pågående",
      "",
      "",
      "",
      2025,
    ],
  ];

  it("exits 0 when every register row agrees with the ledger and the plan, and every 2025 allocation is in the register", async () => {
    const ok = join(dir, "ok.xlsx");
    const wb = seedWorkbook();
    wb.sheets[2] = gridFromValues("Årlig melding", [REGISTER_HEADER, ...agreeing]);
    // the ledger without «Partnerskapskonferanse» (50 000 in 2025), which the plan does not have
    wb.sheets[1] = {
      ...wb.sheets[1],
      rows: wb.sheets[1].rows.filter((r) => r[1].text !== "Partnerskapskonferanse"),
    };
    await writeXlsx(ok, wb.sheets);
    const r = await run("reconcile", ok, "--year", "2025");
    expect(plain(r.stdout)).toContain("Ingen differanser: summene i meldingen stemmer");
    expect(r.code).toBe(0);
  });

  it("a ledger allocation missing from the register is no all-clear: exit 1, named", async () => {
    const f = join(dir, "missing.xlsx");
    const wb = seedWorkbook();
    wb.sheets[2] = gridFromValues("Årlig melding", [REGISTER_HEADER, ...agreeing]);
    await writeXlsx(f, wb.sheets);
    const r = await run("reconcile", f, "--year", "2025");
    expect(r.code).toBe(1);
    expect(plain(r.stdout)).not.toContain("summene i meldingen stemmer");
    expect(plain(r.stdout)).toContain("1 post er ikke avstemt");
    expect(plain(r.stdout)).toContain(
      "«Partnerskapskonferanse» (50 000 i 2025) – ikke funnet i årlig melding",
    );
  });

  it("a register row the plan does not have is listed, not passed as agreeing", async () => {
    const f = join(dir, "noplan.xlsx");
    const wb = seedWorkbook();
    wb.sheets[2] = gridFromValues("Årlig melding", [
      REGISTER_HEADER,
      ...agreeing,
      ["", "Partnerskapskonferanse", 50_000, "", "", "", "", "", 2025],
    ]);
    await writeXlsx(f, wb.sheets);
    const r = await run("reconcile", f, "--year", "2025");
    expect(r.code).toBe(1);
    expect(plain(r.stdout)).toContain(
      "«Partnerskapskonferanse» (50 000) – ikke funnet i handlingsplanen («Handlingsplan 2026»)",
    );
  });
});
