/**
 * Writes the app icons into public/: a 3×3 grid of rounded squares (the
 * centre one orange, like the active cell) on ConvLab blue (#1f4e79).
 *   icon-192.png, icon-512.png   rounded tile on a transparent background
 *   icon-maskable-512.png        full-bleed tile, grid inside the maskable safe zone
 * Pure Node: shapes are rasterised with 4×4 supersampling and written as RGBA
 * PNGs with zlib and a hand-rolled CRC-32. Run: node scripts/make-icons.mjs
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x4e, 0x79];
const CELL = [0xf4, 0xf6, 0xf9];
const ACTIVE = [0xe6, 0x9f, 0x00];
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes `rgba` (size × size pixels, 4 bytes each) as a PNG file. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether point (px, py) lies in the rounded square at (x, y) of side `side` and corner radius `r`. */
function inRoundedSquare(px, py, x, y, side, r) {
  if (px < x || py < y || px > x + side || py > y + side) return false;
  const cx = Math.min(Math.max(px, x + r), x + side - r);
  const cy = Math.min(Math.max(py, y + r), y + side - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/**
 * Draws the icon at `size` px. Shapes are given in fractions of the size:
 * the tile (null for full bleed) and the area the 3×3 grid fills.
 */
function drawIcon(size, { tileRadius, gridInset }) {
  const shapes = [];
  if (tileRadius !== null) shapes.push({ x: 0, y: 0, side: 1, r: tileRadius, color: BLUE });
  const gridSide = 1 - gridInset * 2;
  const gap = gridSide * 0.08;
  const cell = (gridSide - gap * 2) / 3;
  for (let row = 0; row < 3; row += 1) {
    for (let col = 0; col < 3; col += 1) {
      const x = gridInset + col * (cell + gap);
      const y = gridInset + row * (cell + gap);
      shapes.push({ x, y, side: cell, r: cell * 0.22, color: row === 1 && col === 1 ? ACTIVE : CELL });
    }
  }

  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const u = (px + (sx + 0.5) / SAMPLES) / size;
          const v = (py + (sy + 0.5) / SAMPLES) / size;
          let color = tileRadius === null ? BLUE : null;
          for (const s of shapes) if (inRoundedSquare(u, v, s.x, s.y, s.side, s.r)) color = s.color;
          if (color === null) continue;
          sum[0] += color[0];
          sum[1] += color[1];
          sum[2] += color[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      rgba[offset] = Math.round(sum[0] / covered);
      rgba[offset + 1] = Math.round(sum[1] / covered);
      rgba[offset + 2] = Math.round(sum[2] / covered);
      rgba[offset + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
    }
  }
  return encodePng(size, rgba);
}

const outputs = {
  'public/icon-192.png': drawIcon(192, { tileRadius: 0.18, gridInset: 0.17 }),
  'public/icon-512.png': drawIcon(512, { tileRadius: 0.18, gridInset: 0.17 }),
  // The maskable safe zone is the central circle of radius 0.4: a grid of side 0.52 fits in it.
  'public/icon-maskable-512.png': drawIcon(512, { tileRadius: null, gridInset: 0.24 }),
};
for (const [path, png] of Object.entries(outputs)) {
  writeFileSync(new URL(`../${path}`, import.meta.url), png);
  console.log(`${path} ${png.length} bytes`);
}
