// Draws resources/icon.png (512×512 RGBA): a white padlock on a blue rounded square.
// Plain Node (zlib) so the icon can be regenerated anywhere: `node resources/generate-icon.mjs`.
// Replace it with a designer's icon at any time; electron-builder derives .ico/.icns from it.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling per pixel for smooth edges
const BLUE = [0x1f, 0x5f, 0xd6];
const WHITE = [0xff, 0xff, 0xff];

const inRoundRect = (x, y, left, top, right, bottom, r) => {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** Colour at a point, or null for transparent. */
function shade(x, y) {
  if (!inRoundRect(x, y, 16, 16, 496, 496, 104)) return null;
  // Shackle: a ring, upper half plus legs down into the body.
  const dx = x - 256;
  const dy = y - 210;
  const dist = Math.hypot(dx, dy);
  const onShackle = dist >= 68 && dist <= 104 && (y <= 210 || (y <= 260 && Math.abs(dx) >= 68));
  // Body with a keyhole cut out.
  const inBody = inRoundRect(x, y, 136, 240, 376, 420, 28);
  const keyhole = Math.hypot(x - 256, y - 310) <= 26 || (Math.abs(x - 256) <= 11 && y >= 310 && y <= 372);
  if ((inBody && !keyhole) || onShackle) return WHITE;
  return BLUE;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
      }
    }
    const o = row + 1 + px * 4;
    if (a) { raw[o] = Math.round(r / a); raw[o + 1] = Math.round(g / a); raw[o + 2] = Math.round(b / a); }
    raw[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
