/**
 * The layering of src/ (docs/ARCHITECTURE.md) is enforced by ESLint (eslint.config.mjs LAYERS).
 * These tests run ESLint's Node API on planted snippets: a forbidden import in each layer must be
 * reported, an allowed one must not. They replace the old regex purity test of src/core.
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
let eslint: ESLint;
let layers: Record<string, unknown>;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  layers = (await import(join(root, "eslint.config.mjs"))).LAYERS;
}, 60_000);

/** The boundary rules' messages for `code` as if it were the file `path` (which need not exist). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages
    .filter((m) =>
      ["@typescript-eslint/no-restricted-imports", "layers/dynamic-import", "no-restricted-globals"].includes(
        m.ruleId ?? "",
      ),
    )
    .map((m) => `${m.line}: ${m.message}`);
}

const ok = async (path: string, code: string) => expect(await boundaryErrors(path, code)).toEqual([]);
const caught = async (path: string, code: string, count = 1) => {
  const errors = await boundaryErrors(path, code);
  expect(errors, code).toHaveLength(count);
  return errors;
};

describe("every folder of src/ has a layer", () => {
  it("lists each folder", () => {
    const folders = readdirSync(join(root, "src")).filter((n) =>
      statSync(join(root, "src", n)).isDirectory(),
    );
    expect(folders.sort()).toEqual(Object.keys(layers).sort());
  });
});

describe("src/core is pure", () => {
  it.each([
    ['import { readWorkbook } from "../excel";', "src/core/amount.ts"],
    ['import { readWorkbook } from "../../excel/read";', "src/core/plan/funding.ts"],
    ['import { x } from "../../../excel/read";', "src/core/plan/rules/budget.ts"],
    ['import ExcelJS from "exceljs";', "src/core/grid.ts"],
    ['import { Button } from "@fluentui/react-components";', "src/core/grid.ts"],
    ['import * as React from "react";', "src/core/grid.ts"],
    ['import { readFileSync } from "node:fs";', "src/core/grid.ts"],
    ['import { readFileSync } from "fs";', "src/core/grid.ts"],
    ['import type { ExcelPort } from "../excel/port";', "src/core/grid.ts"],
    ['import { App } from "../taskpane/App";', "src/core/grid.ts"],
    ['export { x } from "../cli/table";', "src/core/grid.ts"],
    ['export const m = () => import("../excel/read");', "src/core/grid.ts"],
    ['import { x } from "../../tests/corpus/x";', "src/core/grid.ts"],
  ])("catches %s", async (code, path) => {
    const [error] = await caught(path, code);
    expect(error).toMatch(/src\/core may (use|import) only/);
  });

  it.each([
    ["export const a = process.env.HOME;", "process"],
    ["export const a = Buffer.from('x');", "Buffer"],
    ["export const a = () => Excel.run(async () => 1);", "Excel"],
    ["export const a = Office.context;", "Office"],
    ["export const a = window.location;", "window"],
    ["export const a = document.title;", "document"],
    ["export const a = CustomFunctions;", "CustomFunctions"],
  ])("catches the global in %s", async (code, name) => {
    const [error] = await caught("src/core/grid.ts", code);
    expect(error).toContain(`'${name}'`);
  });

  it("allows core, zod and relative imports inside core", async () => {
    await ok(
      "src/core/plan/rules/budget.ts",
      'import * as z from "zod/mini";\nimport { a } from "../../grid";\nimport { b } from "../types";\nimport { c } from "./x";\nexport const d = [z, a, b, c];',
    );
  });
});

describe("the other layers", () => {
  it("functions: core only", async () => {
    await ok("src/functions/impl.ts", 'import { a } from "../core/amount";\nexport const b = a;');
    await caught("src/functions/impl.ts", 'import { a } from "../excel/read";\nexport const b = a;');
    await caught("src/functions/impl.ts", 'import ExcelJS from "exceljs";\nexport const b = ExcelJS;');
  });

  it("excel: core and zod, never the pane, the CLI or React", async () => {
    await ok(
      "src/excel/port.ts",
      'import { a } from "../core/grid";\nimport * as z from "zod/mini";\nexport const b = [a, z];',
    );
    await caught("src/excel/write-cells.ts", 'import { a } from "../taskpane/ui";\nexport const b = a;');
    await caught("src/excel/write-cells.ts", 'import * as React from "react";\nexport const b = React;');
    await caught("src/excel/fake/host.ts", 'import { a } from "../../cli/table";\nexport const b = a;');
  });

  it("taskpane: core, React and Fluent; only types from the port, except in the composition root", async () => {
    await ok(
      "src/taskpane/kontroll/state.ts",
      'import type { ExcelPort } from "../../excel/port";\nimport { a } from "../../core/plan";\nimport * as React from "react";\nimport { Button } from "@fluentui/react-components";\nexport type P = ExcelPort;\nexport const b = [a, React, Button];',
    );
    const [value] = await caught(
      "src/taskpane/kontroll/state.ts",
      'import { officeExcelPort } from "../../excel/port";\nexport const b = officeExcelPort;',
    );
    expect(value).toMatch(/only types from src\/excel\/port/);
    await caught(
      "src/taskpane/App.tsx",
      'import { readWorkbook } from "../excel/read";\nexport const b = readWorkbook;',
    );
    await caught("src/taskpane/App.tsx", 'import ExcelJS from "exceljs";\nexport const b = ExcelJS;');
    await caught("src/taskpane/App.tsx", 'import { program } from "commander";\nexport const b = program;');
    await ok(
      "src/taskpane/index.tsx",
      'import { officeExcelPort } from "../excel/port";\nexport const b = officeExcelPort;',
    );
  });

  it("commands: the port (types, and the value loaded on first click) and core, not the pane's folder", async () => {
    await ok(
      "src/commands/commands.ts",
      'import type { ExcelPort } from "../excel/port";\nexport type P = ExcelPort;\nexport const p = () => import("../excel/port");',
    );
    await caught("src/commands/commands.ts", 'export const p = () => import("../taskpane/actions");');
    await caught("src/commands/commands.ts", 'import { a } from "../taskpane/state";\nexport const b = a;');
    await caught("src/commands/commands.ts", 'export const p = () => import("../excel/read");');
  });

  it("cli: core, node and its own packages, not Office or the pane", async () => {
    await ok(
      "src/cli/commands/validate.ts",
      'import { readFileSync } from "node:fs";\nimport ExcelJS from "exceljs";\nimport { Command } from "commander";\nimport { a } from "../../core/plan";\nexport const b = [readFileSync, ExcelJS, Command, a];',
    );
    await caught(
      "src/cli/commands/validate.ts",
      'import { a } from "../../excel/read";\nexport const b = a;',
    );
    await caught(
      "src/cli/commands/validate.ts",
      'import { Button } from "@fluentui/react-components";\nexport const b = Button;',
    );
  });
});
