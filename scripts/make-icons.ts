/**
 * Draws the toolbar/store icons (a blue rounded square with a white switch-plug glyph) as PNGs in
 * public/icons, with no image library: a tiny rasteriser and zlib. Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) {
      c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage of the shape at a point in unit coordinates (0..1), 4x4 supersampled by the caller. */
function inside(u: number, v: number): 'bg' | 'fg' | 'none' {
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) {
    return 'none';
  }
  // Two nodes joined by a curved line: a switchboard patch cord.
  const node = (cx: number, cy: number) => (u - cx) ** 2 + (v - cy) ** 2 < 0.11 ** 2;
  const cord = Math.abs(Math.hypot(u - 0.5, v - 0.78) - 0.36) < 0.055 && v < 0.72;
  return node(0.28, 0.62) || node(0.72, 0.62) || cord ? 'fg' : 'bg';
}

for (const size of SIZES) {
  const image = png(size, (x, y) => {
    let bg = 0;
    let fg = 0;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const hit = inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
        bg += hit === 'bg' ? 1 : 0;
        fg += hit === 'fg' ? 1 : 0;
      }
    }
    const alpha = (bg + fg) / 16;
    const mix = bg + fg === 0 ? 0 : fg / (bg + fg);
    const channel = (from: number) => Math.round(from + (255 - from) * mix);
    return [channel(11), channel(101), channel(194), Math.round(alpha * 255)];
  });
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), image);
}
