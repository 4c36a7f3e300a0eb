// Draws the toolbar icons (a flag on a rounded square) as PNGs with no dependencies.
// Run once: node scripts/make-icons.mjs (outputs are committed in public/icons).
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const pixel = (u, v) => {
  const r = 0.18, inCorner = (cx, cy) => (u - cx) ** 2 + (v - cy) ** 2 > r * r;
  if ((u < r && v < r && inCorner(r, r)) || (u > 1 - r && v < r && inCorner(1 - r, r)) || (u < r && v > 1 - r && inCorner(r, 1 - r)) || (u > 1 - r && v > 1 - r && inCorner(1 - r, 1 - r))) return [0, 0, 0, 0];
  const pole = u > 0.24 && u < 0.32 && v > 0.18 && v < 0.84;
  const flag = u >= 0.32 && u < 0.78 && v > 0.2 && v < 0.52 && !(u > 0.62 && Math.abs(v - 0.36) < (u - 0.62) * 0.9);
  if (pole || flag) return [255, 255, 255, 255];
  return [178, 106, 0, 255];
};
mkdirSync('public/icons', { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${s}.png`, png(s, pixel));
console.log('icons written');
