/** 12345 → "12 345" (counts in messages). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** Plain-text tables for the terminal: columns padded to the widest cell, numbers right-aligned. */
export type Align = "left" | "right";

export function renderTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const text = c ?? "";
        const last = i === cells.length - 1;
        if (align[i] === "right") return text.padStart(widths[i]);
        return last ? text : text.padEnd(widths[i]);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(headers), rule, ...rows.map(line)].join("\n") + "\n";
}
