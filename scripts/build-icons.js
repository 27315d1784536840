#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a green check on a red badge with a gold
 * ring — the colours of a commendation certificate. Plain Node (zlib) so that the icons can be
 * rebuilt anywhere without an image library: npm run icons
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.resolve(__dirname, '..', 'assets');

const GOLD = [242, 183, 5];
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 65]; // Excel green

/** Distance from point p to segment ab, all in unit coordinates. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [
  [0.27, 0.53],
  [0.44, 0.69],
  [0.75, 0.34],
];

function checkDistance(x, y) {
  return Math.min(
    segmentDistance(x, y, ...CHECK[0], ...CHECK[1]),
    segmentDistance(x, y, ...CHECK[1], ...CHECK[2]),
  );
}

/** Colour (RGBA) of one sample point in unit coordinates. */
function sample(x, y, size) {
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r > 0.5) return [0, 0, 0, 0];
  // Small icons get a thicker check so that it still reads at 16 px.
  const stroke = size <= 16 ? 0.085 : 0.07;
  const d = checkDistance(x, y);
  if (d <= stroke) return [...GREEN, 255];
  if (d <= stroke + (size <= 16 ? 0.06 : 0.045)) return [...WHITE, 255];
  if (r > 0.41) return [...GOLD, 255];
  return [...RED, 255];
}

/** Renders an RGBA buffer with 4×4 supersampling (anti-aliased edges). */
function render(size) {
  const ss = 4;
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          // Premultiply so that transparent samples do not darken the edge.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      data[i] = a ? Math.round(r / a) : 0;
      data[i + 1] = a ? Math.round(g / a) : 0;
      data[i + 2] = a ? Math.round(b / a) : 0;
      data[i + 3] = Math.round(a / (ss * ss));
    }
  }
  return data;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filter). */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

module.exports = { encodePng, render, SIZES };
if (require.main === module) main();
