/**
 * Draws the add-in's icons (two speech bubbles: the union in red, the administration in blue,
 * talking) and writes them as PNG files at the sizes Office asks for. Node built-ins only:
 * `npx tsx scripts/draw-icons.ts` rewrites addin/assets/icon-<size>.png.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** The sizes the manifest uses: ribbon 16/32/80, IconUrl 32, HighResolutionIconUrl 64, store 128. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];
const UNION_RED: Rgba = [200, 16, 46, 255];
const ADMIN_BLUE: Rgba = [31, 78, 121, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Signed distance from (x, y) to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRect(
  x: number,
  y: number,
  cx: number,
  cy: number,
  hw: number,
  hh: number,
  r: number,
): number {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Whether (x, y) is inside the triangle a, b, c. */
function inTriangle(x: number, y: number, [ax, ay, bx, by, cx, cy]: readonly number[]): boolean {
  const side = (px: number, py: number, qx: number, qy: number) =>
    (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax as number, ay as number, bx as number, by as number);
  const d2 = side(bx as number, by as number, cx as number, cy as number);
  const d3 = side(cx as number, cy as number, ax as number, ay as number);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

const back = (x: number, y: number, grow = 0) =>
  roundedRect(x, y, 0.4, 0.36, 0.34 + grow, 0.25 + grow, 0.13) < 0 ||
  inTriangle(x, y, [0.2, 0.5, 0.38, 0.5, 0.14, 0.8]);
const front = (x: number, y: number, grow = 0) =>
  roundedRect(x, y, 0.6, 0.62, 0.34 + grow, 0.25 + grow, 0.13) < 0 ||
  inTriangle(x, y, [0.62 - grow, 0.76, 0.82 + grow, 0.76, 0.88 + grow, 1 - 0.02 + grow]);

/** The colour of the icon at a point of the unit square (detail shows only where there are pixels for it). */
function colourAt(x: number, y: number, size: number): Rgba {
  if (front(x, y)) {
    const dots = size >= 32 && [0.44, 0.6, 0.76].some((dx) => Math.hypot(x - dx, y - 0.62) < 0.055);
    return dots ? WHITE : ADMIN_BLUE;
  }
  // A gap around the front bubble keeps the two apart at every size.
  if (front(x, y, 0.06)) return CLEAR;
  return back(x, y) ? UNION_RED : CLEAR;
}

/** Renders the icon at `size` px with 4×4 supersampling; RGBA rows. */
export function renderIcon(size: number): Buffer {
  const n = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Colours are summed weighted by alpha, so edges blend towards transparent, not towards black.
      let [r, g, b, alpha] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          alpha += ca;
        }
      }
      const i = (py * size + px) * 4;
      out.set(alpha ? [r, g, b].map((c) => Math.round(c / alpha)) : [0, 0, 0], i);
      out[i + 3] = Math.round(alpha / (n * n));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let j = 0; j < 8; j++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering, zlib-deflated). */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of ICON_SIZES) {
  const file = `addin/assets/icon-${size}.png`;
  writeFileSync(file, encodePng(size, renderIcon(size)));
  console.log(`wrote ${file}`);
}
