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

/** Rows drawn at a time: a 20 000-row plan would otherwise be 140 000 table cells. */
export const WINDOW_ROWS = 500;

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

  // Which rows are drawn: WINDOW_ROWS from `start`, moved to the selection when it is outside.
  const [start, setStart] = React.useState(0);
  const [windowFor, setWindowFor] = React.useState<string | null>(null);
  if (selKey !== windowFor) {
    setWindowFor(selKey);
    if (selArea && (selArea.top < start || selArea.top >= start + WINDOW_ROWS))
      setStart(Math.max(0, selArea.top - 50));
  }

  const [draft, setDraft] = React.useState<string | null>(null);
  const activeAddress = selArea ? a1(selArea.top, selArea.left) : "";
  const activeText = selArea && sheet ? (sheet.rows[selArea.top]?.[selArea.left]?.text ?? "") : "";
  React.useEffect(() => setDraft(null), [selKey, version]);

  if (!sheet) return <p>Arbeidsboken er tom.</p>;
  const { master, covered } = mergeLookup(sheet);
  let width = 0;
  for (const r of sheet.rows) if (r.length > width) width = r.length;
  const total = sheet.rows.length;
  const from = Math.min(start, Math.max(0, total - 1));
  const to = Math.min(total, from + WINDOW_ROWS);
  // A merge that starts above the drawn rows: its master is drawn on the first drawn row.
  const clipped = new Map<number, { area: Area; master: number }>();
  if (from > 0)
    for (const m of sheet.merges)
      if (m.top < from && m.bottom >= from) clipped.set(m.left, { area: { ...m, top: from }, master: m.top });

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
            {sheet.rows.slice(from, to).map((row, i) => {
              const r = from + i;
              return (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {Array.from({ length: width }, (_, c) => {
                    const cut = r === from ? clipped.get(c) : undefined;
                    if (!cut && covered.has(`${r}:${c}`)) return null;
                    const m = cut?.area ?? master.get(`${r}:${c}`);
                    const cell = (cut ? sheet.rows[cut.master]?.[c] : row[c]) ?? { text: "" };
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
              );
            })}
          </tbody>
        </table>
      </div>
      {total > WINDOW_ROWS && (
        <nav className="grid-window" aria-label="Rader">
          <button
            type="button"
            disabled={from === 0}
            onClick={() => setStart(Math.max(0, from - WINDOW_ROWS))}
          >
            Forrige {WINDOW_ROWS}
          </button>
          <span>
            Viser rad {from + 1}–{to} av {total}
          </span>
          <button type="button" disabled={to >= total} onClick={() => setStart(to)}>
            Neste {WINDOW_ROWS}
          </button>
        </nav>
      )}
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
