/**
 * The zip layer of the lean reader: fflate reads the central directory and inflates only the
 * entries asked for. Every failure becomes the one-line Norwegian InputError the CLI shows.
 */
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

export function openZip(data: Uint8Array, path: string): ZipArchive {
  const stored = new Map<string, string>(); // name without leading "/" → name in the archive
  try {
    unzipSync(data, {
      filter: (f) => {
        if (!f.name.endsWith("/")) stored.set(f.name.startsWith("/") ? f.name.slice(1) : f.name, f.name);
        return false;
      },
    });
  } catch (err) {
    throw corrupt(path, reasonOf(err));
  }
  return {
    names: new Set(stored.keys()),
    read(name: string): Uint8Array | undefined {
      const raw = stored.get(name);
      if (raw === undefined) return undefined;
      try {
        return unzipSync(data, { filter: (f) => f.name === raw })[raw];
      } catch (err) {
        throw corrupt(path, reasonOf(err));
      }
    },
  };
}
