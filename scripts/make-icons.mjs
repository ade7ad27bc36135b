#!/usr/bin/env node
// Draws the add-in icons (a calm blue rounded square with a white bar chart) and writes them as PNG
// files in assets/. No image library: the PNG chunks (IHDR, IDAT, IEND) and their CRC32 are encoded
// here and the pixel data is deflated with Node's zlib.
// Usage: node scripts/make-icons.mjs [outDir]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

const BLUE = [0x2b, 0x6c, 0xb0]; // calm blue background
const BLUE_DARK = [0x1f, 0x56, 0x92]; // bottom of the subtle vertical gradient
const WHITE = [0xff, 0xff, 0xff];
const SUBSAMPLES = 4; // 4×4 samples per pixel for smooth rounded corners

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function insideRoundedSquare(x, y, size) {
  const margin = size <= 24 ? 0 : size * 0.03;
  const r = size * 0.2;
  const lo = margin;
  const hi = size - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The glyph: three rising bars on a baseline, edges snapped to whole pixels so 16 px stays crisp. */
function glyphRects(size) {
  const px = (f) => Math.round(f * size);
  const base = px(0.78);
  const barW = Math.max(2, px(0.14));
  const gap = Math.max(1, px(0.07));
  const total = 3 * barW + 2 * gap;
  const left = Math.round((size - total) / 2);
  const tops = [0.52, 0.38, 0.22].map(px);
  const rects = tops.map((top, i) => ({
    x0: left + i * (barW + gap),
    x1: left + i * (barW + gap) + barW,
    y0: top,
    y1: base,
  }));
  const lineH = Math.max(1, px(0.045));
  rects.push({
    x0: left - Math.max(1, px(0.05)),
    x1: left + total + Math.max(1, px(0.05)),
    y0: base + Math.max(1, px(0.03)),
    y1: base + Math.max(1, px(0.03)) + lineH,
  });
  return rects;
}

export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const rects = glyphRects(size);
  for (let y = 0; y < size; y++) {
    const t = y / Math.max(1, size - 1);
    const bg = BLUE.map((c, i) => Math.round(c + (BLUE_DARK[i] - c) * t));
    for (let x = 0; x < size; x++) {
      let cover = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          if (insideRoundedSquare(x + (sx + 0.5) / SUBSAMPLES, y + (sy + 0.5) / SUBSAMPLES, size)) cover++;
        }
      }
      const alpha = cover / (SUBSAMPLES * SUBSAMPLES);
      const inGlyph = rects.some((r) => x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1);
      const color = inGlyph ? WHITE : bg;
      const o = (y * size + x) * 4;
      rgba[o] = color[0];
      rgba[o + 1] = color[1];
      rgba[o + 2] = color[2];
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const outDir = resolve(process.argv[2] ?? join(root, "assets"));
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`${file} (${size}×${size})`);
  }
}
