/**
 * saxes over the bytes of one zip entry, decoded and fed in chunks, so a big sheet never exists
 * as one JavaScript string. Handlers get local tag names (a namespace prefix such as "x:" is
 * dropped) and attribute values as saxes decodes them.
 */
import { SaxesParser } from "saxes";

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  text?(text: string): void;
  close(name: string): void;
}

const CHUNK = 1 << 16;

export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Parse `bytes` (UTF-8 XML); throws at the first XML error or a handler's error. */
export function parseXml(bytes: Uint8Array, h: XmlHandlers): void {
  parseXmlStream((sink) => sink(bytes), h);
}

/**
 * Parse the XML that `feed` passes to its sink piece by piece (a piece may end inside a
 * character or a tag); throws at the first XML error or a handler's error.
 */
export function parseXmlStream(feed: (sink: (bytes: Uint8Array) => void) => void, h: XmlHandlers): void {
  parseXmlTags(feed, {
    openTag: (tag) => h.open(localName(tag.name), tag.attributes, tag.isSelfClosing),
    text: h.text,
    closeTag: (tag) => h.close(localName(tag.name)),
  });
}

/** A tag as saxes gives it: `name` as written (with any prefix: see localName). */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
  isSelfClosing: boolean;
}

/** Handlers called by saxes itself, without a layer between (the sheet's hundreds of thousands of tags). */
export interface XmlTagHandlers {
  openTag(tag: XmlTag): void;
  text?(text: string): void;
  closeTag(tag: XmlTag): void;
}

/** parseXmlStream with handlers that take saxes's tags as they are. */
export function parseXmlTags(feed: (sink: (bytes: Uint8Array) => void) => void, h: XmlTagHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on("opentag", h.openTag as (tag: unknown) => void);
  parser.on("closetag", h.closeTag as (tag: unknown) => void);
  const onText = h.text;
  if (onText) {
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  // no "error" handler: saxes then throws at the first well-formedness error
  const decoder = new TextDecoder("utf-8");
  feed((bytes) => {
    for (let i = 0; i < bytes.length; i += CHUNK)
      parser.write(decoder.decode(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), { stream: true }));
  });
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  parser.close();
}
