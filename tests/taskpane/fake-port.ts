/**
 * A fake ExcelPort for the tabs' reducer and controller tests in Node: the workbook is a
 * GridWorkbook in memory, validation is core's real validateWorkbook, and each call can be held
 * (gate) so a test can act while a check is "running".
 */
import type { GridWorkbook } from "../../src/core/grid";
import { validateWorkbook } from "../../src/core/plan";
import type {
  CellSheet,
  ColumnMapping,
  ExcelPort,
  Notice,
  SheetChange,
  SheetTable,
  WriteSheetResult,
} from "../../src/excel/port";

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export interface FakePort extends ExcelPort {
  wb: GridWorkbook;
  calls: string[];
  /** When set, checkAndMark and readDocument wait for it before reading. */
  gate: Deferred | null;
  /** Fail the next call of this method with this error. */
  failNext: Partial<Record<keyof ExcelPort, unknown>>;
  /** The callback of the last watchSheet: call it as Excel's onChanged would (no rows: unknown). */
  fireChange(rows?: number[], source?: "Local" | "Remote"): void;
  /** The `change` each checkAndMark got (undefined: a whole check). */
  changes: (SheetChange | undefined)[];
  watching: string[];
  written: { name: string; table: SheetTable; beside: boolean }[];
  inserted: CellSheet[];
  sheetNames: string[];
  saved: { mapping?: ColumnMapping; live?: boolean };
  notices: Notice[];
  /** What reactivateFormulas reports. */
  formulas: { reentered: number; sheets: { sheet: string; cells: number }[] };
}

/** Resolves once the pending promise callbacks have run (a controller's awaits). */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));

export function fakePort(wb: GridWorkbook): FakePort {
  let onChange: ((rows: number[], info: { source: "Local" | "Remote" }) => void) | null = null;
  const port: FakePort = {
    wb,
    calls: [],
    gate: null,
    failNext: {},
    watching: [],
    written: [],
    inserted: [],
    sheetNames: wb.sheets.map((g) => g.sheet),
    saved: {},
    notices: [],
    formulas: { reentered: 0, sheets: [] },
    changes: [],
    fireChange: (rows = [], source = "Local") => onChange?.(rows, { source }),
    availability: () => ({ ok: true }),
    async checkAndMark(opts, change) {
      port.calls.push("checkAndMark");
      port.changes.push(change);
      const gate = port.gate;
      if (gate) await gate.promise;
      fail("checkAndMark");
      // Read at the end of the wait, as Excel reads when the batch syncs.
      const result = validateWorkbook(structuredClone(port.wb), opts);
      return { result, workbook: port.wb, marked: result.problems.filter((p) => p.cell !== "").length };
    },
    async readDocument() {
      port.calls.push("readDocument");
      if (port.gate) await port.gate.promise;
      fail("readDocument");
      return structuredClone(port.wb);
    },
    async removeMarks() {
      port.calls.push("removeMarks");
      fail("removeMarks");
      return 3;
    },
    async anyMarks() {
      port.calls.push("anyMarks");
      return false;
    },
    async goToCell(sheet, address) {
      port.calls.push(`goToCell ${sheet}!${address}`);
      fail("goToCell");
    },
    async writeSheet(name, table, opts = {}): Promise<WriteSheetResult> {
      port.calls.push("writeSheet");
      fail("writeSheet");
      const taken = port.sheetNames.includes(name);
      if (taken && !opts.beside)
        return { kind: "exists", existing: name, freeName: `${name} (2)`, reason: "not-ours" };
      const sheet = taken ? `${name} (2)` : name;
      port.sheetNames.push(sheet);
      port.written.push({ name: sheet, table, beside: opts.beside ?? false });
      return { kind: "written", sheet, note: null };
    },
    async sheetName(name) {
      port.calls.push("sheetName");
      fail("sheetName");
      const taken = port.sheetNames.includes(name);
      return { taken, freeName: taken ? `${name} (2)` : name };
    },
    async insertSheet(sheet) {
      port.calls.push("insertSheet");
      fail("insertSheet");
      const name = port.sheetNames.includes(sheet.name) ? `${sheet.name} (2)` : sheet.name;
      port.sheetNames.push(name);
      port.inserted.push(sheet);
      return { sheet: name };
    },
    async reactivateFormulas() {
      port.calls.push("reactivateFormulas");
      fail("reactivateFormulas");
      return port.formulas;
    },
    async watchSheet(sheet, cb) {
      port.calls.push(`watchSheet ${sheet}`);
      port.watching.push(sheet);
      onChange = cb;
      return async () => {
        port.watching = port.watching.filter((s) => s !== sheet);
        if (onChange === cb) onChange = null;
      };
    },
    async notify(notice) {
      port.notices.push(notice);
    },
    onNotice: () => () => {},
    settings: {
      mapping: async () => port.saved.mapping ?? {},
      saveMapping: async (m) => void (port.saved.mapping = m),
      liveChecks: async () => port.saved.live ?? false,
      saveLiveChecks: async (on) => void (port.saved.live = on),
    },
  };
  function fail(method: keyof ExcelPort) {
    if (method in port.failNext) {
      const e = port.failNext[method];
      delete port.failNext[method];
      throw e;
    }
  }
  return port;
}
