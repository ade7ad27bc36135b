/** A tiny zip reader for tests (central directory + inflateRaw), enough to open .docx/.xlsx files. */
import { inflateRawSync } from "node:zlib";

export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const compSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const lName = buf.readUInt16LE(local + 26);
    const lExtra = buf.readUInt16LE(local + 28);
    const data = buf.subarray(local + 30 + lName + lExtra, local + 30 + lName + lExtra + compSize);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);

export interface DocxParagraph {
  style: string;
  text: string;
  boldText: string;
  hasBullet: boolean;
  pageBreakBefore: boolean;
}

/** The body paragraphs of word/document.xml in order: style, text of the runs (w:br → "\n"), bold runs' text. */
export function docxParagraphs(documentXml: string): DocxParagraph[] {
  const body = documentXml.slice(documentXml.indexOf("<w:body>"));
  const out: DocxParagraph[] = [];
  for (const m of body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? "";
    let text = "";
    let boldText = "";
    for (const r of p.matchAll(/<w:r>[\s\S]*?<\/w:r>|<w:r [\s\S]*?<\/w:r>/g)) {
      const run = r[0];
      let t = "";
      for (const piece of run.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g))
        t += piece[0] === "<w:br/>" ? "\n" : decode(piece[1]);
      text += t;
      if (/<w:b\/>|<w:b w:val="true"\/>/.test(run)) boldText += t;
    }
    out.push({
      style,
      text,
      boldText,
      hasBullet: p.includes("<w:numPr>"),
      pageBreakBefore: p.includes("<w:pageBreakBefore"),
    });
  }
  return out;
}
