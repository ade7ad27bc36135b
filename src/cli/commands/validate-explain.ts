/** `rst validate --explain`: how each plan row's Økonomi and Frist were read, as text and as JSON. */
import { formatNok } from "../../core/amount";
import { STANDING_NB, type RowExplanation } from "../../core/plan";
import type { ExplanationJson } from "../json-schemas";

/** The rows' readings for --format json (the contract in json-schemas.ts). */
export function explanationJson(rows: readonly RowExplanation[]): ExplanationJson {
  return rows.map((r) => ({
    row: r.row,
    nr: r.nr,
    okonomi: r.okonomi && {
      cell: r.okonomi.cell,
      text: r.okonomi.text,
      kind: r.okonomi.reading.kind,
      reason: r.okonomi.reading.reason,
      sources: [...r.okonomi.reading.sources],
      rstForYear: r.okonomi.rstForYear,
      amounts: r.okonomi.reading.amounts.map((a) => ({
        value: a.value,
        years: [...a.years],
        yearLabel: a.yearLabel,
        source: a.source,
        text: a.text,
        clause: a.clause,
        standing: a.standing ?? "counts",
        note: a.note,
      })),
    },
    frist: r.frist && {
      cell: r.frist.cell,
      text: r.frist.text,
      ok: r.frist.ok,
      start: r.frist.start,
      end: r.frist.end,
      granularity: r.frist.granularity,
      label: r.frist.label,
    },
  }));
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** «Slik ble cellene lest»: one block per measure row. */
export function explanationText(rows: readonly RowExplanation[], planYear: number): string {
  const out: string[] = ["Slik ble cellene lest:", ""];
  for (const r of rows) {
    if (!r.okonomi && !r.frist) continue;
    out.push(`Rad ${r.row}${r.nr ? ` (${r.nr})` : ""}`);
    if (r.frist) out.push(`  Frist ${r.frist.cell}: «${oneLine(r.frist.text)}» → ${r.frist.label}`);
    if (r.okonomi) {
      const o = r.okonomi;
      if (Number(/\d+$/.exec(o.cell)?.[0]) !== r.row) {
        out.push(
          `  Økonomi ${o.cell}: sammenslått celle, lest og talt med én gang (på rad ${/\d+$/.exec(o.cell)?.[0]})`,
        );
        out.push("");
        continue;
      }
      out.push(`  Økonomi ${o.cell}: «${oneLine(o.text)}»`);
      if (o.reading.kind !== "amounts") {
        out.push(`    Ingen beløp lest: ${o.reading.reason ?? ""}`);
        if (o.reading.sources.length > 0) out.push(`    Kilder nevnt: ${o.reading.sources.join(", ")}`);
      }
      for (const a of o.reading.amounts) {
        const counts = a.standing ? `teller for ${planYear}: ${STANDING_NB[a.standing]}` : "";
        out.push(
          `    ${formatNok(a.value)} kr · ${a.yearLabel} · ${a.source} · ${counts} · fra «${a.clause}»`,
        );
        if (a.note) out.push(`      ${a.note}`);
      }
      out.push(`    RST for ${planYear}: ${formatNok(o.rstForYear)} kr`);
    }
    out.push("");
  }
  return out.join("\n");
}
