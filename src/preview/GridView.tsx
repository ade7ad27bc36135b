import * as React from "react";
import { a1, columnLetters, parseArea, type Area } from "../core/grid";
import type { PreviewHost, PreviewSheet } from "./model";

/** Re-render whenever the fake workbook changes. */
function useHostVersion(host: PreviewHost): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => host.subscribe(() => setVersion((v) => v + 1)), [host]);
  return version;
}

function mergeLookup(sheet: PreviewSheet) {
  const master = new Map<string, Area>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    master.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  return { master, covered };
}

function inArea(area: Area | null, r: number, c: number): boolean {
  return !!area && r >= area.top && r <= area.bottom && c >= area.left && c <= area.right;
}

/** The example workbook drawn like a spreadsheet: sheet tabs, fills, notes as tooltips, merges, selection. */
export function GridView({ host }: { host: PreviewHost }) {
  const version = useHostVersion(host);
  const sheets = host.sheets();
  const selection = host.selection();
  const [shown, setShown] = React.useState<string | null>(null);
  // Follow the selection to its sheet (the task pane's "go to cell").
  const [followed, setFollowed] = React.useState<string | null>(null);
  const selKey = selection ? `${selection.sheet}!${selection.address}` : null;
  if (selKey !== followed) {
    setFollowed(selKey);
    if (selection) setShown(selection.sheet);
  }
  const sheet = sheets.find((s) => s.name === shown) ?? sheets[0];
  const selArea = selection && sheet && selection.sheet === sheet.name ? safeArea(selection.address) : null;

  const tableRef = React.useRef<HTMLTableElement>(null);
  React.useEffect(() => {
    tableRef.current
      ?.querySelector<HTMLElement>("td.selected")
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selKey, sheet?.name]);

  const [draft, setDraft] = React.useState<string | null>(null);
  const activeAddress = selArea ? a1(selArea.top, selArea.left) : "";
  const activeText = selArea && sheet ? (sheet.rows[selArea.top]?.[selArea.left]?.text ?? "") : "";
  React.useEffect(() => setDraft(null), [selKey, version]);

  if (!sheet) return <p>Arbeidsboken er tom.</p>;
  const { master, covered } = mergeLookup(sheet);
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));

  const commit = () => {
    if (draft !== null && selArea) host.edit(sheet.name, activeAddress, draft);
    setDraft(null);
  };

  return (
    <div className="grid-view">
      <form
        className="formula-bar"
        onSubmit={(e) => {
          e.preventDefault();
          commit();
        }}
      >
        <label htmlFor="formula-input" className="address">
          {activeAddress || "–"}
        </label>
        <input
          id="formula-input"
          aria-label={activeAddress ? `Innhold i ${activeAddress}` : "Velg en celle for å redigere"}
          disabled={!selArea}
          value={draft ?? activeText}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => e.key === "Escape" && setDraft(null)}
        />
        <button type="submit" disabled={draft === null}>
          Lagre
        </button>
      </form>
      <div className="grid-scroll" data-testid="grid">
        <table ref={tableRef} className="grid" aria-label={`Arket ${sheet.name}`}>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: width }, (_, c) => (
                <th key={c} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: width }, (_, c) => {
                  if (covered.has(`${r}:${c}`)) return null;
                  const m = master.get(`${r}:${c}`);
                  const cell = row[c] ?? { text: "" };
                  const address = a1(r, c);
                  const selected = inArea(selArea, r, c);
                  return (
                    <td
                      key={c}
                      data-address={address}
                      rowSpan={m ? m.bottom - m.top + 1 : undefined}
                      colSpan={m ? m.right - m.left + 1 : undefined}
                      className={
                        [selected ? "selected" : "", cell.note ? "has-note" : ""].join(" ").trim() ||
                        undefined
                      }
                      style={cell.fill ? { backgroundColor: cell.fill } : undefined}
                      title={cell.note ?? undefined}
                      onClick={() => host.select(sheet.name, address)}
                    >
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sheet-tabs" role="tablist" aria-label="Ark">
        {sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            type="button"
            aria-selected={s.name === sheet.name}
            onClick={() => setShown(s.name)}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}

function safeArea(address: string): Area | null {
  try {
    return parseArea(address);
  } catch {
    return null;
  }
}
