/** Offer bytes or text as a file download from the task pane (Blob + object URL + <a download>). */
export function downloadFile(data: Uint8Array | string, fileName: string, mimeType: string): void {
  const part: BlobPart = typeof data === "string" ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some webviews start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CSV_MIME = "text/csv;charset=utf-8";

/** "Årlig melding 2025" → "arlig-melding-2025" (ASCII file names travel best). */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/å/g, "a")
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "rapport"
  );
}
