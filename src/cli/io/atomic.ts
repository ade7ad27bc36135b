import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { InputError } from "../errors";
import { writeErrorMessage } from "./fs-errors";

/** Temporary files being written right now; removed by removeTempFiles on SIGINT/SIGTERM. */
const pending = new Set<string>();

/** Remove every temporary file still being written (the signal handlers call this). */
export function removeTempFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/**
 * Write `data` to `path` so that readers see either the old file or the complete new one:
 * write a temporary file in the same directory (same filesystem, so rename is atomic),
 * fsync it, then rename it over the target. On failure, and on Ctrl-C / SIGTERM (rst.ts),
 * the temporary file is removed. Errors are Norwegian and name the user's path, not ours.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const target = resolve(path);
  const tmp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  let fd: number | undefined;
  pending.add(tmp);
  try {
    if (safeIsDirectory(target)) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    fd = openSync(tmp, "wx", 0o644);
    const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    rmSync(tmp, { force: true });
    throw new InputError(writeErrorMessage(path, err));
  } finally {
    pending.delete(tmp);
  }
}

function safeIsDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Refuse to overwrite the input: the CLI never changes the file it reads. */
export function assertNotSamePath(input: string, output: string, option: string): void {
  if (resolve(input) === resolve(output) || sameFile(input, output)) {
    throw new InputError(
      `${option} kan ikke være samme fil som inndatafilen («${output}»). Velg et annet filnavn.`,
    );
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false; // one of them does not exist yet
  }
}
