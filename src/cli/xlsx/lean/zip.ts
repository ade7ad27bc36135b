/**
 * The zip layer of the lean reader: fflate reads the central directory and inflates only the
 * entries asked for. Every failure becomes the one-line Norwegian InputError the CLI shows.
 *
 * An ordinary entry (deflated or stored, no zip64 sizes, not encrypted) is inflated by Node's
 * own zlib instead: native code, about ten times faster than fflate's JavaScript inflate on a
 * first (not yet compiled) run, which is every run of `rst`. Anything else — or an entry zlib
 * cannot inflate to the size the directory names — goes through fflate exactly as before, so
 * what is read, and the error for a damaged file, stay fflate's.
 */
import { inflateRawSync } from "node:zlib";
import { unzipSync } from "fflate";
import { InputError } from "../../errors";

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
    out.push({
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
  let index = 0;
  try {
    unzipSync(data, {
      filter: (f) => {
        const at = directory?.[index++];
        if (at && at.compressedSize === f.size && at.size === f.originalSize) where.set(f.name, at);
        if (!f.name.endsWith("/")) stored.set(f.name.startsWith("/") ? f.name.slice(1) : f.name, f.name);
        return false;
      },
    });
  } catch (err) {
    throw corrupt(path, reasonOf(err));
  }
  if (directory && directory.length !== index) where.clear(); // not the directory fflate read
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
