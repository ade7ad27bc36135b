/**
 * File-system errors in Norwegian, naming the user's path (never our temporary file), and
 * recognising spreadsheet files that are not .xlsx by their signature.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { dirname } from "node:path";

export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Why `path` could not be read. */
export function readErrorMessage(path: string, err: unknown): string {
  const code = errnoCode(err);
  switch (code) {
    case "ENOENT":
      return `Kunne ikke lese «${path}»: filen finnes ikke.`;
    case "EACCES":
    case "EPERM":
      return `Kunne ikke lese «${path}»: ingen lesetilgang til filen. Sjekk tilgangen, eller kopier filen et sted du har tilgang.`;
    case "EISDIR":
      return `Kunne ikke lese «${path}»: det er en mappe, ikke en fil.`;
    case "ENOTDIR":
      return `Kunne ikke lese «${path}»: en del av stien er ikke en mappe.`;
    case "EMFILE":
    case "ENFILE":
      return `Kunne ikke lese «${path}»: for mange åpne filer. Prøv igjen.`;
    case "EIO":
      return `Kunne ikke lese «${path}»: lesefeil på disken.`;
    default:
      return `Kunne ikke lese «${path}»${code ? ` (${code})` : ""}.`;
  }
}

/** Why `path` could not be written (the message names the user's path and its folder). */
export function writeErrorMessage(path: string, err: unknown): string {
  const code = errnoCode(err);
  const dir = dirname(path);
  switch (code) {
    case "ENOENT":
      return `Kunne ikke skrive «${path}»: mappen «${dir}» finnes ikke. Opprett den først, eller velg en annen mappe.`;
    case "EACCES":
    case "EPERM":
      return `Kunne ikke skrive «${path}»: ingen skrivetilgang til «${dir}» eller til filen. Velg en mappe du kan skrive i.`;
    case "EISDIR":
      return `Kunne ikke skrive «${path}»: det er en mappe. Oppgi et filnavn, f.eks. «${path.replace(/\/+$/, "")}/resultat»`;
    case "ENOTDIR":
      return `Kunne ikke skrive «${path}»: en del av stien er en fil, ikke en mappe.`;
    case "ENOSPC":
      return `Kunne ikke skrive «${path}»: det er ikke plass på disken.`;
    case "EROFS":
      return `Kunne ikke skrive «${path}»: «${dir}» er skrivebeskyttet.`;
    case "EEXIST":
      return `Kunne ikke skrive «${path}»: filen ble laget av noen andre samtidig. Prøv igjen.`;
    default:
      return `Kunne ikke skrive «${path}»${code ? ` (${code})` : ""}.`;
  }
}

/**
 * A zip-based spreadsheet that is not .xlsx (OpenDocument .ods, Apple Numbers), from the first
 * bytes: the advice to give, or null. .ods stores "mimetype" first, uncompressed; .numbers
 * stores "Index/…" entries.
 */
export function otherSpreadsheetAdvice(path: string, head: Uint8Array): string | null {
  const text = Buffer.from(head).toString("latin1");
  if (text.includes("application/vnd.oasis.opendocument.spreadsheet"))
    return `Kunne ikke lese «${path}»: det er et OpenDocument-regneark (.ods, f.eks. fra LibreOffice), ikke .xlsx. Åpne den og lagre som Excel-arbeidsbok (.xlsx).`;
  if (text.includes("application/vnd.oasis.opendocument"))
    return `Kunne ikke lese «${path}»: det er et OpenDocument-dokument, ikke et Excel-regneark (.xlsx).`;
  if (/Index\/(Document|Metadata|Tables)/.test(text) || text.includes("Metadata/DocumentIdentifier"))
    return `Kunne ikke lese «${path}»: det er et Apple Numbers-dokument, ikke .xlsx. Eksporter det fra Numbers som Excel (.xlsx).`;
  return null;
}

/** The first `n` bytes of a file (empty on any error; the caller's own read reports it). */
export function fileHead(path: string, n = 512): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } catch {
    return new Uint8Array(0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
