import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/rst";
import { costModelTemplate } from "../../src/core/cost-model";
import { plain } from "../plain";

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "rst-cost-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const t = costModelTemplate();

async function readBack(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Kostnadsmodell");
  if (!ws) throw new Error("arket mangler");
  return ws;
}

function formulaOf(ws: ExcelJS.Worksheet, address: string) {
  const v = ws.getCell(address).value as ExcelJS.CellFormulaValue;
  return { formula: v?.formula, result: v?.result };
}

describe("rst cost", () => {
  it("writes a workbook whose formulas and cached results are right", async () => {
    const file = join(dir, "kostnadsmodell.xlsx");
    const { code, stdout, stderr } = await run(["cost", "--out", file]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(plain(stdout)).toMatch(/Årskostnad \(kr\)\s+1 194 000\s+1 214 000/);
    expect(plain(stdout)).toMatch(/Kostnad per oppdrag \(kr\)\s+3 142\s+1 734/);
    expect(plain(stdout)).toMatch(/lønner ambulant røntgen seg fra 40 oppdrag/);
    expect(plain(stdout)).toMatch(/\n\s+100\s+11 940\s+1 806 000\n/);
    expect(plain(stdout)).toMatch(/prognose for året 808 995 kr/);

    const ws = await readBack(file);
    const r = t.refs.results;
    expect(formulaOf(ws, r["2024"].annual)).toEqual({
      formula: "COST.ANNUAL(B5,B6:B7,B8:B9,B10:B13)",
      result: 1_194_000,
    });
    expect(formulaOf(ws, r["2018"].annual)).toEqual({
      formula: "COST.ANNUAL(C5,C6:C7,C8:C9,C10:C13)",
      result: 1_214_000,
    });
    expect(Math.round(formulaOf(ws, r["2024"].perMission).result as number)).toBe(3142);
    expect(Math.round(formulaOf(ws, r["2018"].perMission).result as number)).toBe(1734);
    expect(formulaOf(ws, r["2024"].breakEven)).toEqual({
      formula: `COST.BREAKEVEN(${r["2024"].annual},${r["2024"].alternative})`,
      result: 40,
    });
    expect(formulaOf(ws, t.refs.sensitivity[4].perMission).result).toBe(2388);
    expect(formulaOf(ws, t.refs.followUp.forecast)).toEqual({
      formula: "COST.FORECAST(B64,B65,B66)",
      result: 808_995,
    });
    const hint = formulaOf(ws, `D${t.refs.sharing.municipalityRows[0]}`);
    expect(hint.formula).toMatch(/^IF\(OR\(COUNT\(\$B\$51:\$B\$56\)<6/);
    expect(hint.result).toBe("Fyll inn innbyggertall");
    expect(formulaOf(ws, `F${t.refs.sharing.sumRow}`).result).toBe(1_194_000);

    // inputs are plain values with the input fill; text stays text
    const salary = ws.getCell(t.refs.inputs["2024"].salary);
    expect(salary.value).toBe(850_000);
    expect(salary.numFmt).toBe("#,##0");
    expect((salary.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    expect(ws.getCell(r["2024"].annual).font?.bold).toBe(true);
    expect(ws.getCell("A5").value).toBe("Radiograf – lønn inkl. sosiale utgifter");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getColumn("A").width).toBe(46);
    // no temporary files left behind by the atomic write
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("--scenario 2018 --format json: the chosen scenario drives sensitivity; JSON has the figures", async () => {
    const file = join(dir, "k2018.xlsx");
    const { code, stdout } = await run(["cost", "--out", file, "--scenario", "2018", "--format", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.scenario).toEqual({ id: "2018", name: "2018/19-nivå" });
    expect(json.scenarios.map((s: { annual: number }) => s.annual)).toEqual([1_194_000, 1_214_000]);
    expect(json.breakEven).toBe(41);
    expect(json.sensitivity[0]).toEqual({ missions: 100, perMission: 12_140, saving: 3_000_000 - 1_214_000 });
    expect(json.followUp).toEqual({
      budget: 700_000,
      accounted: 808_985,
      deviation: 108_985,
      forecast: 808_995,
      forecastDeviation: 108_995,
    });
    const ws = await readBack(file);
    expect(ws.getCell(t.refs.selector).value).toBe("2018/19-nivå");
    expect(formulaOf(ws, t.refs.selected.annual).result).toBe(1_214_000);
  });

  it.each([
    [["cost"], /--out mangler/],
    [["cost", "--out"], /--out/],
    [["cost", "--out", join(dir, "x.txt")], /\.xlsx/],
    [["cost", "--out", join(dir, "y.xlsx"), "--scenario", "2030"], /2030.*ikke et scenario/],
    [["cost", "--out", join(dir, "z.xlsx"), "--format", "xml"], /xml/],
  ])("usage error %j exits 2 with a Norwegian message and writes nothing", async (args, message) => {
    const { code, stderr, stdout } = await run(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(plain(stdout)).toBe("");
    expect(
      existsSync(join(dir, "x.txt")) || existsSync(join(dir, "y.xlsx")) || existsSync(join(dir, "z.xlsx")),
    ).toBe(false);
  });
});
