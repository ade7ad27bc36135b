/**
 * The displayed text of a number cell, deterministic and close to what Norwegian Excel shows:
 * - General / no format: integers as written ("2026", "410000"); decimals with a comma ("1,5").
 * - Formats with thousands grouping ("#,##0", "# ##0", "#,##0.00"): groups of three separated by
 *   a normal space ("1 194 000"), decimals as the format asks, comma as decimal separator.
 * - Fixed decimals ("0.00"): "3142,11".
 * - Percent ("0%", "0.0%"): "50 %".
 * - Dates are handled by the caller ("dd.mm.yyyy").
 * Currency symbols, colours and conditional sections are ignored: the text is used for
 * parsing, not for layout.
 */
export function formatNumber(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const fmt = firstSection(numFmt);
  if (!fmt || /^general$/i.test(fmt) || fmt === "@") return general(value);
  const percent = fmt.includes("%");
  const decimals = decimalPlaces(fmt);
  const grouped = /#[, ]##0|0[, ]000/.test(fmt);
  const v = percent ? value * 100 : value;
  const body = fixed(v, decimals, grouped);
  return percent ? `${body} %` : body;
}

function firstSection(numFmt?: string): string {
  if (!numFmt) return "";
  // drop quoted literals, colour/condition brackets and escapes before looking at the pattern
  const first = numFmt.split(";")[0] ?? "";
  return first
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "")
    .trim();
}

function decimalPlaces(fmt: string): number {
  const m = /\.([0#?]+)/.exec(fmt);
  return m ? m[1].length : 0;
}

function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Excel's General shows at most ~10 significant digits
  const s = String(Number(value.toPrecision(10)));
  return s.replace(".", ",");
}

function fixed(value: number, decimals: number, grouped: boolean): string {
  const neg = value < 0;
  const s = Math.abs(value).toFixed(decimals);
  const [int, frac] = s.split(".");
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, " ") : int;
  const out = frac ? `${intText},${frac}` : intText;
  return neg && /[1-9]/.test(s) ? `-${out}` : out;
}

/** "31.03.2026", plus " 14:30" when the value has a time of day and the format shows hours. */
export function formatDateSerial(date: Date, numFmt?: string): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  const out = `${dd}.${mm}.${date.getUTCFullYear()}`;
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0;
  if (hasTime && numFmt && /h/i.test(numFmt)) {
    return `${out} ${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
  }
  return out;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A JS Date as exceljs reads it (UTC-based) → Excel serial number in the 1900 date system. */
export function dateToSerial(date: Date): number {
  const serial = (date.getTime() - EXCEL_EPOCH_UTC) / 86_400_000;
  // exceljs round-trips through floating point; snap to whole seconds
  return Math.round(serial * 86_400) / 86_400;
}
