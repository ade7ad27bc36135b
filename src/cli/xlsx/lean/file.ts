/** The checks on an input file that give a clear Norwegian message instead of a zip error. */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { InputError } from "../../errors";
import { fileHead, otherSpreadsheetAdvice, readErrorMessage } from "../../io/fs-errors";

/** The file's bytes, after the checks that give a clear message instead of a zip error. */
export function readChecked(path: string): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`Kunne ikke lese «${path}»: det er en mappe, ikke en fil.`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(readErrorMessage(path, err));
  }
  if (size === 0) throw new InputError(`Kunne ikke lese «${path}»: filen er tom.`);
  const head = readHead(path, 8);
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new InputError(
      `Kunne ikke lese «${path}»: filen er kryptert eller i gammelt .xls-format. Fjern passordet eller lagre den som .xlsx i Excel.`,
    );
  }
  if (!(head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
    throw new InputError(`Kunne ikke lese «${path}»: filen er ikke en Excel-arbeidsbok (.xlsx).`);
  }
  const other = otherSpreadsheetAdvice(path, fileHead(path));
  if (other) throw new InputError(other);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InputError(readErrorMessage(path, err));
  }
}

function readHead(path: string, n: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    throw new InputError(readErrorMessage(path, err));
  }
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } catch (err) {
    throw new InputError(readErrorMessage(path, err));
  } finally {
    closeSync(fd);
  }
}
