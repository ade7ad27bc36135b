/**
 * The zip layer of the lean reader: the central directory is read here and only the entries
 * asked for are inflated. Every failure becomes the one-line Norwegian InputError the CLI shows.
 *
 * An ordinary archive's ordinary entries (deflated or stored, no zip64, not encrypted) are read
 * here and inflated by Node's own zlib: native code, about ten times faster than fflate's
 * JavaScript inflate on a first (not yet compiled) run, which is every run of `rst`. Anything
 * else — a zip64 or damaged archive, an entry zlib cannot inflate to the size the directory
 * names — goes through fflate exactly as before, so what is read, and the error for a damaged
 * file, stay fflate's. fflate is loaded only then (loading it is ~10 ms, a tenth of reading a
 * small plan).
 */
import { inflateRawSync } from "node:zlib";
import type * as Fflate from "fflate";
import { InputError } from "../../errors";

let fflate: typeof Fflate | undefined;

function unzipSync(data: Uint8Array, opts: Fflate.UnzipOptions): Fflate.Unzipped {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, synchronously (see above)
  fflate ??= require("fflate") as typeof Fflate;
  return fflate.unzipSync(data, opts);
}

export interface ZipArchive {
  /** Entry names as stored (a leading "/" removed, as exceljs does), directories left out. */
  readonly names: ReadonlySet<string>;
  /** Inflate one entry; undefined when the archive has no such entry. */
  read(name: string): Uint8Array | undefined;
}

export function corrupt(path: string, reason: string): InputError {
  return new InputError(
    `Kunne ikke lese «${path}»: filen er skadet eller ikke en gyldig .xlsx-fil (${reason}).`,
  );
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0] : String(err);
}

/** Where an entry's data is, from the central directory (method 0 stored, 8 deflated). */
interface Located {
  /** As fflate decodes it: UTF-8 when the entry says so (flag bit 11), else Latin-1. */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const u16 = (d: Uint8Array, i: number): number => d[i] | (d[i + 1] << 8);
const u32 = (d: Uint8Array, i: number): number => (u16(d, i) | (u16(d, i + 2) << 16)) >>> 0;

/**
 * The central directory's entries in order, as fflate's unzipSync walks them; undefined when
 * the archive is not the plain kind this reads (zip64, no end record): fflate reads those.
 */
function centralDirectory(d: Uint8Array): Located[] | undefined {
  let e = d.length - 22;
  while (e >= 0 && u32(d, e) !== 0x06054b50) {
    if (d.length - e > 65558) return undefined;
    e--;
  }
  if (e < 0) return undefined;
  if (e >= 20 && u32(d, e - 20) === 0x07064b50) return undefined; // zip64
  const count = u16(d, e + 8);
  let p = u32(d, e + 16);
  const out: Located[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > d.length || u32(d, p) !== 0x02014b50) return undefined;
    const flags = u16(d, p + 8);
    const nameBytes = d.subarray(p + 46, p + 46 + u16(d, p + 28));
    out.push({
      name: flags & 2048 ? new TextDecoder().decode(nameBytes) : latin1(nameBytes),
      // encrypted entries (flag bit 0) are left to fflate, as are unusual methods
      method: flags & 1 ? -1 : u16(d, p + 10),
      compressedSize: u32(d, p + 20),
      size: u32(d, p + 24),
      localHeader: u32(d, p + 42),
    });
    p += 46 + u16(d, p + 28) + u16(d, p + 30) + u16(d, p + 32);
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** The entry inflated by zlib, or undefined when it is not an ordinary one (then fflate reads it). */
function inflateNative(d: Uint8Array, at: Located): Uint8Array | undefined {
  const { method, compressedSize, size, localHeader } = at;
  if ((method !== 0 && method !== 8) || size === 0xffffffff || compressedSize === 0xffffffff)
    return undefined;
  if (localHeader + 30 > d.length || u32(d, localHeader) !== 0x04034b50) return undefined;
  const start = localHeader + 30 + u16(d, localHeader + 26) + u16(d, localHeader + 28);
  if (start + compressedSize > d.length) return undefined;
  const raw = d.subarray(start, start + compressedSize);
  if (method === 0) return size === compressedSize ? raw.slice() : undefined;
  try {
    // one output chunk of the named size; more than that is not what the directory says
    const out = inflateRawSync(raw, { chunkSize: Math.max(64, size), maxOutputLength: Math.max(1, size) });
    // a plain Uint8Array over the same memory, as fflate gives (not a Buffer)
    return out.length === size ? new Uint8Array(out.buffer, out.byteOffset, out.length) : undefined;
  } catch {
    return undefined;
  }
}

export function openZip(data: Uint8Array, path: string): ZipArchive {
  const stored = new Map<string, string>(); // name without leading "/" → name in the archive
  const where = new Map<string, Located>(); // name in the archive → its data
  const directory = centralDirectory(data);
  const list = (name: string): void => {
    if (!name.endsWith("/")) stored.set(name.startsWith("/") ? name.slice(1) : name, name);
  };
  if (directory) {
    for (const at of directory) {
      where.set(at.name, at);
      list(at.name);
    }
  } else {
    try {
      unzipSync(data, { filter: (f) => (list(f.name), false) });
    } catch (err) {
      throw corrupt(path, reasonOf(err));
    }
  }
  return {
    names: new Set(stored.keys()),
    read(name: string): Uint8Array | undefined {
      const raw = stored.get(name);
      if (raw === undefined) return undefined;
      const at = where.get(raw);
      const fast = at && inflateNative(data, at);
      if (fast) return fast;
      try {
        return unzipSync(data, { filter: (f) => f.name === raw })[raw];
      } catch (err) {
        throw corrupt(path, reasonOf(err));
      }
    },
  };
}
