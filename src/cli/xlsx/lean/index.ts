/**
 * The lean reader: an .xlsx file → the neutral grid model without exceljs. fflate inflates only
 * the parts asked for and saxes streams their XML, so reading costs about what unzipping and
 * tokenising costs (see bench/). The grid equals the exceljs adapter's (../read.ts) cell for
 * cell — tests/lean/differential.test.ts proves it — except where sheet.ts says exceljs misreads.
 *
 * Sheets are read when first used: `wb.sheets` lists every worksheet (hidden ones too; chart
 * sheets are left out as exceljs leaves them out), and a sheet's XML is inflated and parsed the
 * first time its `rows` or `merges` are read. A command that looks only at the plan and the RST
 * sheet reads only those two (plus shared strings and styles). A sheet that cannot be read throws
 * the same one-line InputError as a file that cannot be opened.
 */
import type { Area, Grid, GridCell, GridWorkbook } from "../../../core/grid";
import { InputError } from "../../errors";
import { readChecked } from "./file";
import {
  type CellStyle,
  parseRels,
  parseSharedStrings,
  parseStyles,
  parseWorkbook,
  type WorkbookPart,
} from "./parts";
import { parseSheet } from "./sheet";
import type { ReadOptions } from "./types";
import { corrupt, openZip, type ZipArchive } from "./zip";

export type { ReadOptions, ReadProgress } from "./types";

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0] : String(err);
}

/** Run a parse step; any failure but our own InputError becomes the "skadet" message. */
function guarded<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw corrupt(path, reasonOf(err));
  }
}

function once<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

/**
 * A grid whose rows and merges are read on first use. Once read, both become plain data
 * properties, so the hot loops in core read a field, not a getter.
 */
function lazyGrid(sheet: string, load: () => { rows: GridCell[][]; merges: Area[] }): Grid {
  const grid = { sheet } as Grid;
  const materialise = (): void => {
    const { rows, merges } = load();
    Object.defineProperty(grid, "rows", {
      value: rows,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(grid, "merges", {
      value: merges,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  Object.defineProperty(grid, "rows", {
    get: () => (materialise(), grid.rows),
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(grid, "merges", {
    get: () => (materialise(), grid.merges),
    enumerable: true,
    configurable: true,
  });
  return grid;
}

/** The worksheet parts in workbook order, resolved as exceljs resolves them (WorkbookXform.reconcile). */
function worksheetParts(
  zip: ZipArchive,
  path: string,
  workbook: WorkbookPart,
): { name: string; part: string; rels: string }[] {
  const relBytes = zip.read("xl/_rels/workbook.xml.rels");
  const rels = relBytes ? guarded(path, () => parseRels(relBytes)) : new Map<string, string>();
  const out: { name: string; part: string; rels: string }[] = [];
  for (const s of workbook.sheets) {
    const target = s.rId === undefined ? undefined : rels.get(s.rId);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
    const m = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(part);
    if (!m || !zip.names.has(part)) continue; // chart sheets and missing parts
    out.push({ name: s.name, part, rels: `xl/worksheets/_rels/sheet${m[1]}.xml.rels` });
  }
  return out;
}

export function readWorkbookLean(path: string, opts: ReadOptions = {}): GridWorkbook {
  const data = readChecked(path);
  const zip = openZip(data, path);
  const wbBytes = zip.read("xl/workbook.xml");
  const workbook: WorkbookPart = wbBytes
    ? guarded(path, () => parseWorkbook(wbBytes))
    : { sheets: [], date1904: false }; // exceljs, too, finds no sheets then
  const sharedStrings = once(() => {
    const bytes = zip.read("xl/sharedStrings.xml");
    return bytes ? guarded(path, () => parseSharedStrings(bytes)) : [];
  });
  const styles = once((): CellStyle[] => {
    const bytes = zip.read("xl/styles.xml");
    return bytes ? guarded(path, () => parseStyles(bytes)) : [];
  });

  const sheets: Grid[] = [];
  for (const ws of worksheetParts(zip, path, workbook)) {
    if (opts.sheets && !opts.sheets.includes(ws.name)) continue;
    sheets.push(
      lazyGrid(ws.name, () => {
        const bytes = zip.read(ws.part);
        if (!bytes) throw corrupt(path, `${ws.part} mangler`);
        // inflated whole: fflate's one-shot inflate is faster than its streaming one, and peak
        // memory is set by the grid and the validation, not by this buffer (bench/)
        return guarded(path, () =>
          parseSheet((sink) => sink(bytes), {
            name: ws.name,
            sharedStrings: sharedStrings(),
            styles: styles(),
            date1904: workbook.date1904,
            rels: () => {
              const r = zip.read(ws.rels);
              return r ? parseRels(r) : new Map();
            },
            onProgress: opts.onProgress,
            corrupt: (reason) => corrupt(path, reason),
          }),
        );
      }),
    );
  }
  return { sheets };
}

/** Read every sheet now (tests, and callers that want all errors at once). */
export function readAll(wb: GridWorkbook): GridWorkbook {
  for (const g of wb.sheets) void g.rows;
  return wb;
}
