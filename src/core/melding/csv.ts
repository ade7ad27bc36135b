/**
 * CSV for Norwegian Excel: UTF-8 with BOM, ";" between fields, RFC 4180 quoting, CRLF line ends.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell starting with = + - @ TAB or CR gets a
 * leading apostrophe so Excel shows it as text instead of evaluating it. Numbers are exempt, but
 * only real numbers we format ourselves and only when the written text is a pure number
 * (/^-?\d+(,\d+)?$/, decimal comma): "-250000" stays a number Excel can sum. A text cell that merely
 * looks like a number ("-5" typed as text) is text and gets the apostrophe.
 */
import { reportTable, type Report } from "./report";

const BOM = "\uFEFF";
const SEP = ";";
const EOL = "\r\n";
const PURE_NUMBER = /^-?\d+(,\d+)?$/;
const DANGEROUS_START = /^[=+\-@\t\r]/;

/** A number as Norwegian Excel reads it from CSV: plain digits, decimal comma, no thousands separator. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  const s = Number.isInteger(value) ? value.toFixed(0) : String(Math.round(value * 100) / 100);
  return s.replace(".", ",");
}

/** One field, injection-neutralised and quoted as RFC 4180 requires. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") {
    text = csvNumber(value);
    if (!PURE_NUMBER.test(text) && text !== "") text = neutralise(text);
  } else {
    text = neutralise(value);
  }
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function neutralise(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [headers.map(csvField).join(SEP), ...rows.map((r) => r.map(csvField).join(SEP))];
  return BOM + lines.join(EOL) + EOL;
}

/** The report table (Nr, HSØ fields, sums as plain numbers) as CSV. */
export function reportCsv(report: Report): string {
  const t = reportTable(report);
  return toCsv(t.headers, t.rows);
}
