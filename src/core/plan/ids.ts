/** Measure numbers: "1", "1.2", "1.2.3" (a trailing dot is fine). */
// Read by hand, without zod: this module is on the path of every `rst validate`, and loading
// zod costs more than the whole validation of a small plan (tests/core/plan/ids.test.ts checks
// the reading against a zod schema).

/** A plan id as written: trimmed (any white space), digits separated by dots, one trailing dot allowed. */
const ID_SYNTAX = /^\d+(\.\d+)*\.?$/;
const ID_MESSAGE = "Nr må være tall skilt med punktum, f.eks. «1», «1.2» eller «1.2.3».";

export type PlanIdParse = { ok: true; id: string; parts: number[] } | { ok: false; reason: string };

/** Dotted numbers read by hand: this runs for every row, and avoids regex, split and map. */
function fastParse(text: string): { id: string; parts: number[] } | null {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  if (end > start && text.charCodeAt(end - 1) === 46) end--; // one trailing dot
  if (start === end) return null;
  // exactly as many slots as parts (an array grown by push keeps room for 16: ~10 MB of a
  // 100 000-row plan's ids)
  let count = 1;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 46) count++;
  const parts: number[] = new Array<number>(count);
  let k = 0;
  let n = 0;
  let digits = 0;
  let leadingZero = false;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      if (digits === 0 && ch === 48 && i + 1 < end && text.charCodeAt(i + 1) !== 46) leadingZero = true;
      n = n * 10 + (ch - 48);
      digits++;
    } else if (ch === 46 && digits > 0) {
      parts[k++] = n;
      n = 0;
      digits = 0;
    } else return null;
  }
  if (digits === 0) return null;
  parts[k] = n;
  return { id: leadingZero ? parts.join(".") : text.slice(start, end), parts };
}

export function parsePlanId(text: string): PlanIdParse {
  // Fast path for the common case; the rest (white space other than ASCII) by the syntax.
  const fast = fastParse(text);
  if (fast) return { ok: true, id: fast.id, parts: fast.parts };
  const trimmed = text.trim();
  if (!ID_SYNTAX.test(trimmed)) return { ok: false, reason: ID_MESSAGE };
  const parts = trimmed.replace(/\.$/, "").split(".").map(Number);
  // Normalised form: "01.2" and "1.2" are the same id.
  return { ok: true, id: parts.join("."), parts };
}

/** -1, 0, 1 in reading order: 1.2 < 1.2.1 < 1.3 < 2. */
export function compareIds(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * True when `next` may directly follow `prev` without skipping a number:
 * a first child (1.2 → 1.2.1), the next sibling (1.2.1 → 1.2.2) or the next sibling of
 * an ancestor, starting again at 1 below it (1.2.3 → 1.3, 1.3.1 or 2.1.1).
 */
export function followsWithoutGap(prev: readonly number[], next: readonly number[]): boolean {
  let i = 0;
  while (i < prev.length && i < next.length && prev[i] === next[i]) i++;
  if (i === next.length) return false; // same id or an ancestor: not a step forward
  let rest: number;
  if (i === prev.length)
    rest = i; // next goes deeper below prev: all further levels start at 1
  else {
    if (next[i] !== prev[i] + 1) return false;
    rest = i + 1;
  }
  for (let k = rest; k < next.length; k++) if (next[k] !== 1) return false;
  return true;
}
