/**
 * User-facing text is written with no-break spaces (U+00A0, U+202F) in numbers and U+2212 as
 * the minus sign (src/core/format.ts). Tests that compare such text by hand spell it with plain
 * spaces and "-"; plain() maps a string, or every string inside an array or object, to that spelling.
 */
export function plain<T>(x: T): T {
  if (typeof x === "string") return x.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-") as T;
  if (Array.isArray(x)) return x.map((v: unknown) => plain(v)) as T;
  if (x !== null && typeof x === "object")
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)])) as T;
  return x;
}
