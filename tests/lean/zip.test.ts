/**
 * The lean reader's zip layer: Node's zlib inflates ordinary entries, fflate everything else.
 * Either way every entry's bytes are exactly fflate's, and a damaged entry gives the one-line
 * "skadet" InputError.
 */
import { unzipSync, zipSync, strToU8 } from "fflate";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { InputError } from "../../src/cli/errors";
import { openZip } from "../../src/cli/xlsx/lean/zip";
import { EXAMPLE } from "../cli/helpers";

// the real zlib, counted: the fast path must be the one that reads ordinary entries
vi.mock("node:zlib", async (original) => {
  const real = await original<typeof import("node:zlib")>();
  return { ...real, inflateRawSync: vi.fn(real.inflateRawSync) };
});

const FIXTURES = join(__dirname, "fixtures");
const files = [
  EXAMPLE,
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(FIXTURES, f)),
];

function expectSameEntries(data: Uint8Array): void {
  const reference = unzipSync(data);
  const zip = openZip(data, "x.xlsx");
  const names = Object.keys(reference).filter((n) => !n.endsWith("/"));
  expect([...zip.names].sort()).toEqual(names.map((n) => n.replace(/^\//, "")).sort());
  for (const name of names) expect(zip.read(name.replace(/^\//, ""))).toEqual(reference[name]);
}

describe("lean zip layer", () => {
  it.each(files)("%s: every entry equals fflate's", (file) => {
    expectSameEntries(readFileSync(file));
  });

  it("ordinary deflated entries are inflated by zlib, not fflate", () => {
    const spy = vi.mocked(zlib.inflateRawSync);
    spy.mockClear();
    const zip = openZip(readFileSync(EXAMPLE), "x.xlsx");
    zip.read("xl/workbook.xml");
    zip.read("xl/worksheets/sheet1.xml");
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.results.every((r) => r.type === "return")).toBe(true);
  });

  it("stored (uncompressed) entries, empty entries and a leading '/' are read as fflate reads them", () => {
    const data = zipSync({
      "/xl/workbook.xml": [strToU8("<workbook/>"), { level: 0 }],
      "xl/styles.xml": [strToU8("<styleSheet>" + "x".repeat(5000) + "</styleSheet>"), { level: 9 }],
      "xl/empty.xml": [new Uint8Array(0), { level: 6 }],
      "xl/empty-stored.xml": [new Uint8Array(0), { level: 0 }],
      "docProps/": new Uint8Array(0),
    });
    expectSameEntries(data);
    expect(new TextDecoder().decode(openZip(data, "x.xlsx").read("xl/workbook.xml"))).toBe("<workbook/>");
  });

  it("names in UTF-8 and in the old code page are read as fflate reads them", () => {
    const data = zipSync({ "xl/worksheets/ark-ø.xml": strToU8("<a/>"), "xl/plain.xml": strToU8("<b/>") });
    // the plain entry: clear the UTF-8 flag and write its name byte 0xF8 (ø in Latin-1) instead of "a"
    const latin = data.slice();
    let cd = latin.length - 22;
    while (!(
      latin[cd] === 0x50 &&
      latin[cd + 1] === 0x4b &&
      latin[cd + 2] === 0x05 &&
      latin[cd + 3] === 0x06
    ))
      cd--;
    let p = latin[cd + 16] | (latin[cd + 17] << 8) | (latin[cd + 18] << 16) | (latin[cd + 19] << 24);
    for (let i = 0; i < 2; i++) {
      const nameLength = latin[p + 28] | (latin[p + 29] << 8);
      const name = new TextDecoder().decode(latin.subarray(p + 46, p + 46 + nameLength));
      if (name === "xl/plain.xml") {
        latin[p + 9] &= ~0x08; // flag bit 11 off
        latin[p + 46 + 3] = 0xf8;
      }
      p += 46 + nameLength + (latin[p + 30] | (latin[p + 31] << 8)) + (latin[p + 32] | (latin[p + 33] << 8));
    }
    expectSameEntries(data);
    expectSameEntries(latin);
    expect([...openZip(latin, "x.xlsx").names].sort()).toEqual(["xl/worksheets/ark-ø.xml", "xl/ølain.xml"]);
  });

  it("a central directory this reader does not follow is read by fflate, as before", () => {
    const data = zipSync({ "xl/a.xml": strToU8("<a/>"), "xl/b.xml": strToU8("<b/>") });
    const odd = data.slice();
    let cd = odd.length - 22;
    while (!(odd[cd] === 0x50 && odd[cd + 1] === 0x4b && odd[cd + 2] === 0x05 && odd[cd + 3] === 0x06)) cd--;
    const p = odd[cd + 16] | (odd[cd + 17] << 8) | (odd[cd + 18] << 16) | (odd[cd + 19] << 24);
    odd[p] = 0; // the first record's signature
    expectSameEntries(odd);
  });

  it("a damaged deflate stream is the 'skadet' InputError, as before", () => {
    const text = Array.from({ length: 4000 }, (_, i) => `<row r="${i}"><c><v>${i * 7}</v></c></row>`).join(
      "",
    );
    const data = zipSync({ "xl/worksheets/sheet1.xml": strToU8(text) });
    const broken = data.slice();
    for (let i = 60; i < 400; i++) broken[i] ^= 0x5a; // inside the entry's compressed data
    const zip = openZip(broken, "ødelagt.xlsx");
    let err: unknown;
    try {
      zip.read("xl/worksheets/sheet1.xml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(
      /«ødelagt\.xlsx»: filen er skadet eller ikke en gyldig \.xlsx-fil/,
    );
  });

  it("a directory that names a wrong size is read by fflate (the same bytes as before)", () => {
    const data = zipSync({ "a.xml": strToU8("<a>" + "y".repeat(3000) + "</a>") });
    // central directory: uncompressed size at offset 24 of the entry's record
    let cd = data.length - 22;
    while (!(data[cd] === 0x50 && data[cd + 1] === 0x4b && data[cd + 2] === 0x05 && data[cd + 3] === 0x06))
      cd--;
    const dir = data[cd + 16] | (data[cd + 17] << 8) | (data[cd + 18] << 16) | (data[cd + 19] << 24);
    const wrong = data.slice();
    wrong[dir + 24] ^= 1;
    let reference: unknown;
    let referenceErr: unknown;
    try {
      reference = unzipSync(wrong)["a.xml"];
    } catch (e) {
      referenceErr = e;
    }
    const zip = openZip(wrong, "x.xlsx");
    if (referenceErr) expect(() => zip.read("a.xml")).toThrow(InputError);
    else expect(zip.read("a.xml")).toEqual(reference);
  });
});
