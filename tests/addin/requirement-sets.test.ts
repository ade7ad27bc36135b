/**
 * Every Excel API member the add-in uses is inside the requirement sets it declares, or behind
 * a guard (src/excel/requirements.ts). The TypeScript checker resolves each property access in
 * src/ to its declaration in @types/office-js and reads the "[Api set: ExcelApi 1.N]" there, so
 * a new call above the declared set fails this test until it is declared or guarded.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { GUARDED, MIN_EXCEL_API } from "../../src/excel/requirements";

const root = resolve(__dirname, "../..");
const OFFICE_DTS = `${sep}@types${sep}office-js${sep}index.d.ts`;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
  });
}

/** src/ files that can touch Office.js: they name Excel (the fake host and the preview implement their own). */
function officeFiles(): string[] {
  return files(join(root, "src")).filter((f) => {
    const rel = relative(root, f).split(sep).join("/");
    if (rel.startsWith("src/excel/fake/") || rel.startsWith("src/preview/")) return false;
    return /\bExcel\b|RequestContext/.test(readFileSync(f, "utf8"));
  });
}

function minor(version: string): number {
  return Number(version.split(".")[1]);
}

function inExcelNamespace(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent)
    if (ts.isModuleDeclaration(n) && n.name.getText() === "Excel") return true;
  return false;
}

function apiSet(decl: ts.Declaration): number | null {
  for (const tag of ts.getJSDocTags(decl)) {
    const text =
      typeof tag.comment === "string" ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? "");
    const m = /\[Api set: ExcelApi (\d+)\.(\d+)/.exec(text);
    if (m) return Number(m[2]);
  }
  return null;
}

interface Use {
  file: string;
  line: number;
  member: string;
  set: number;
}

function excelMembersUsed(): Use[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const roots = officeFiles();
  const program = ts.createProgram(roots, { ...parsed!.options, noEmit: true });
  const checker = program.getTypeChecker();
  const out: Use[] = [];
  for (const file of roots) {
    const sf = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          if (!decl.getSourceFile().fileName.split("/").join(sep).endsWith(OFFICE_DTS)) continue;
          if (!inExcelNamespace(decl)) continue;
          const set = apiSet(decl);
          if (set === null) continue;
          const parent = decl.parent as ts.Node & { name?: ts.Identifier };
          const owner = parent.name?.getText() ?? "?";
          out.push({
            file: relative(root, file).split(sep).join("/"),
            line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
            member: `${owner}.${node.name.text}`,
            set,
          });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

describe("Excel requirement sets", () => {
  const uses = excelMembersUsed();

  it("finds the Excel API members the adapter uses (the scan works)", () => {
    const members = new Set(uses.map((u) => u.member));
    // Members we know are used, from src/excel: a scan that finds none of them is broken.
    for (const m of [
      "Worksheet.getRanges",
      "Range.getCellProperties",
      "Range.getSpecialCellsOrNullObject",
      "Worksheet.notes",
    ])
      expect(members, m).toContain(m);
    expect(uses.find((u) => u.member === "Range.getCellProperties")?.set).toBe(9);
    expect(uses.find((u) => u.member === "Worksheet.notes")?.set).toBe(18);
  });

  it("every member above the declared ExcelApi is listed as guarded, in a file that calls its guard", () => {
    const min = minor(MIN_EXCEL_API);
    const problems: string[] = [];
    for (const u of uses) {
      if (u.set <= min) continue;
      const guarded = Object.entries(GUARDED).find(
        ([version, g]) => minor(version) >= u.set && g.members.includes(u.member),
      );
      if (!guarded) {
        problems.push(
          `${u.file}:${u.line} ${u.member} needs ExcelApi 1.${u.set} (declared 1.${min}, not guarded)`,
        );
        continue;
      }
      const text = readFileSync(join(root, u.file), "utf8");
      if (!new RegExp(`\\b${guarded[1].guard}\\(`).test(text))
        problems.push(
          `${u.file}:${u.line} ${u.member} is guarded by ${guarded[1].guard}(), which the file never calls`,
        );
    }
    expect(problems).toEqual([]);
  });

  it("manifest.xml declares exactly MIN_EXCEL_API, and nothing is listed as guarded that the minimum already covers", () => {
    const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
    const sets = [...manifest.matchAll(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/g)].map((m) => m[1]);
    expect(sets).toEqual([MIN_EXCEL_API]);
    for (const version of Object.keys(GUARDED)) expect(minor(version)).toBeGreaterThan(minor(MIN_EXCEL_API));
    // The declared minimum is needed: something at exactly that set is used.
    expect(uses.some((u) => u.set === minor(MIN_EXCEL_API))).toBe(true);
  });
});
