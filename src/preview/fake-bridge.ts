/**
 * Bridges the fake Excel host to the preview: the grid's view model (from the fake's own
 * document data), selecting and typing like a user, and window.__fakeExcel for the e2e tests.
 */
import { a1, parseArea, type Area } from "../core/grid";
import { renderValue, type FakeExcel, type FakeSheetData } from "../excel/fake";
import type { PreviewHost, PreviewSheet } from "./model";

function toPreviewSheet(s: FakeSheetData): PreviewSheet {
  const merges: Area[] = (s.merges ?? []).map((m) => parseArea(m));
  const width = Math.max(0, ...s.cells.map((r) => r.length), ...merges.map((m) => m.right + 1));
  const height = Math.max(s.cells.length, ...merges.map((m) => m.bottom + 1));
  const rows = [];
  for (let r = 0; r < height; r++) {
    const row = [];
    for (let c = 0; c < width; c++) {
      const address = a1(r, c);
      const value = s.cells[r]?.[c] ?? null;
      row.push({
        text: s.text?.[r]?.[c] ?? renderValue(value, s.numberFormats?.[address]),
        fill: s.fills?.[address] ?? null,
        note: s.notes?.[address] ?? null,
      });
    }
    rows.push(row);
  }
  return { name: s.name, rows, merges };
}

export function previewHost(fake: FakeExcel): PreviewHost {
  const listeners = new Set<() => void>();
  let cache: { version: number; sheets: PreviewSheet[] } | null = null;
  let local = 0;
  let seen = -1;
  const version = () => fake.syncCount + local;
  const bump = () => {
    local++;
    listeners.forEach((l) => l());
  };
  // Every change made through Excel.run ends in a sync: poll the counter instead of patching the fake.
  setInterval(() => {
    if (version() !== seen) {
      seen = version();
      listeners.forEach((l) => l());
    }
  }, 150);

  return {
    sheets() {
      if (!cache || cache.version !== version()) {
        const data = fake.toData();
        cache = {
          version: version(),
          sheets: data.sheets.filter((s) => (s.visibility ?? "Visible") === "Visible").map(toPreviewSheet),
        };
      }
      return cache.sheets;
    },
    selection: () => fake.getSelection() ?? null,
    select(sheet, address) {
      // Through the API, as a click in Excel would move the selection — on a context of its own,
      // outside Excel.run, so the user's click does not count as the add-in's last action.
      const ctx = fake.newContext();
      ctx.workbook.worksheets.getItem(sheet).getRange(address).select();
      void ctx.sync().then(bump);
    },
    edit(sheet, address, text) {
      void fake.editCell(sheet, address, text);
      bump();
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
  };
}

/** window.__fakeExcel: the fake itself plus a few helpers for the e2e tests. */
export function exposeForTests(fake: FakeExcel, preview: PreviewHost): void {
  const api = Object.assign(fake, {
    getSheetNames: () => fake.sheetNames(),
    getTexts: (sheet: string) =>
      preview
        .sheets()
        .find((s) => s.name === sheet)
        ?.rows.map((r) => r.map((c) => c.text)) ?? [],
  });
  (window as unknown as { __fakeExcel: typeof api }).__fakeExcel = api;
}
