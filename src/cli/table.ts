/** Longest quoted cell text («…») kept whole in a message. */
export const QUOTE_MAX = 120;

/**
 * Cut quoted cell text («…») in a message to a readable length: a 100 000-character cell is
 * shown as its first QUOTE_MAX characters and «…», not quoted whole.
 */
export function shortenQuotes(message: string, max = QUOTE_MAX): string {
  if (message.length <= max + 40) return message;
  return message.replace(/«([^«»]*)»/g, (whole, inner: string) =>
    inner.length > max ? `«${inner.slice(0, max).trimEnd()}…»` : whole,
  );
}

/** 12345 → "12 345" (counts in messages). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** Plain-text tables for the terminal: columns padded to the widest cell, numbers right-aligned. */
export type Align = "left" | "right";

export function renderTable(headers: string[], rows: string[][], align: Align[] = []): string {
  // A loop, not Math.max(...rows): a spread of 200 000 rows overflows the call stack.
  const widths = headers.map((h) => h.length);
  for (const r of rows)
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], (r[i] ?? "").length);
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
  const out = [line(headers), rule];
  for (const r of rows) out.push(line(r));
  return out.join("\n") + "\n";
}
