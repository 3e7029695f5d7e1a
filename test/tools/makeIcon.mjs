#!/usr/bin/env node
// Writes client/media/icon.png (128x128 RGBA): the network glyph of
// client/media/network.svg (one box on top, two below, joined by a bus) in white on
// Docker blue. A PNG by hand (signature, IHDR, zlib-deflated IDAT, IEND; see the PNG
// spec, section 5) so no image library is needed. Re-run after changing the drawing:
//   node test/tools/makeIcon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const OUT = fileURLToPath(new URL('../../client/media/icon.png', import.meta.url));

/** Signed distance to a rounded box centred at (cx, cy) with half sizes (hx, hy) and radius r. */
function roundedBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
/** Distance to the segment (ax, ay)-(bx, by). */
function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

// The SVG's 24-unit grid scaled to 128 px with a small margin.
const s = 4.6, o = 64 - 12 * s;
const P = (v) => o + v * s;
const stroke = 1.8 * s;
function glyph(x, y) {
  const boxes = [
    [12, 5, 3, 2.5],
    [5.5, 19, 3, 2.5],
    [18.5, 19, 3, 2.5],
  ].map(([cx, cy, hx, hy]) => Math.abs(roundedBox(x, y, P(cx), P(cy), hx * s, hy * s, s)) - stroke / 2);
  const lines = [
    [12, 7.5, 12, 12],
    [5.5, 12, 18.5, 12],
    [5.5, 12, 5.5, 16.5],
    [18.5, 12, 18.5, 16.5],
  ].map(([ax, ay, bx, by]) => segment(x, y, P(ax), P(ay), P(bx), P(by)) - stroke / 2);
  return Math.min(...boxes, ...lines);
}

const background = [0x1d, 0x63, 0xed];
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5, py = y + 0.5;
    // Coverage from signed distances gives cheap anti-aliasing.
    const bg = Math.max(0, Math.min(1, 0.5 - roundedBox(px, py, 64, 64, 62, 62, 22)));
    const fg = Math.max(0, Math.min(1, 0.5 - glyph(px, py)));
    const i = row + 1 + x * 4;
    for (let c = 0; c < 3; c++) raw[i + c] = Math.round(background[c] * (1 - fg) + 255 * fg);
    raw[i + 3] = Math.round(255 * bg);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(OUT, png);
console.log(`wrote ${OUT} (${png.length} bytes)`);
