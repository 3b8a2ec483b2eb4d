#!/usr/bin/env node
/**
 * Draws Jixiao's icons (add-in icon and ribbon buttons) as PNG files in assets/, using only Node:
 * shapes are rasterised with 4x4 supersampling and written as RGBA PNGs through zlib.
 *
 *   node tools/make-icons.js          # writes assets/*.png
 *   node tools/make-icons.js --check  # exits 1 if a committed icon differs from what it would draw
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

// ------------------------------------------------------------------------------ PNG

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA bytes (size*size*4) -> PNG file bytes. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

// ------------------------------------------------------------------------------ drawing

function hex(color, alpha = 1) {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Signed distance to a rounded rectangle (unit coordinates). */
function sdRoundRect(px, py, x, y, w, h, r) {
  const cx = x + w / 2;
  const cy = y + h / 2;
  const qx = Math.abs(px - cx) - (w / 2 - r);
  const qy = Math.abs(py - cy) - (h / 2 - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

function sdSegment(px, py, ax, ay, bx, by) {
  const pax = px - ax;
  const pay = py - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
  return Math.hypot(pax - bax * h, pay - bay * h);
}

/** Shapes: each returns true when the unit point is inside. */
const shape = {
  roundRect: (x, y, w, h, r) => (px, py) => sdRoundRect(px, py, x, y, w, h, r) <= 0,
  ring: (x, y, w, h, r, t) => (px, py) => Math.abs(sdRoundRect(px, py, x + t / 2, y + t / 2, w - t, h - t, Math.max(0, r - t / 2))) <= t / 2,
  circle: (cx, cy, r) => (px, py) => Math.hypot(px - cx, py - cy) <= r,
  stroke: (points, width) => (px, py) => {
    for (let i = 0; i + 1 < points.length; i++) {
      if (sdSegment(px, py, points[i][0], points[i][1], points[i + 1][0], points[i + 1][1]) <= width / 2) return true;
    }
    return false;
  },
};

/** Rasterise layers [{ inside, color }] at `size` px with 4x4 supersampling. */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = (x + (sx + 0.5) / S) / size;
          const py = (y + (sy + 0.5) / S) / size;
          // composite layers bottom to top for this sample (premultiplied)
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (!layer.inside(px, py)) continue;
            const [lr, lg, lb, la] = layer.color;
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = S * S;
      const alpha = a / n;
      const i = (y * size + x) * 4;
      out[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      out[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      out[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------ the icons

const TEAL = "#0E7C66";
const INK = "#4A4F55";
const WHITE = "#FFFFFF";
const RED = "#C42B1C";
const AMBER = "#D4A017";

/** The add-in: a teal tile with three rising white bars (a performance chart). */
function addinIcon() {
  return [
    { inside: shape.roundRect(0.04, 0.04, 0.92, 0.92, 0.2), color: hex(TEAL) },
    { inside: shape.roundRect(0.2, 0.56, 0.15, 0.24, 0.03), color: hex(WHITE) },
    { inside: shape.roundRect(0.425, 0.4, 0.15, 0.4, 0.03), color: hex(WHITE) },
    { inside: shape.roundRect(0.65, 0.22, 0.15, 0.58, 0.03), color: hex(WHITE) },
  ];
}

/** A sheet: outlined page with two rule lines. */
function sheet() {
  return [
    { inside: shape.roundRect(0.1, 0.08, 0.64, 0.8, 0.08), color: hex(WHITE) },
    { inside: shape.ring(0.1, 0.08, 0.64, 0.8, 0.08, 0.08), color: hex(INK) },
    { inside: shape.stroke([[0.24, 0.34], [0.6, 0.34]], 0.07), color: hex(INK) },
    { inside: shape.stroke([[0.24, 0.52], [0.5, 0.52]], 0.07), color: hex(INK) },
  ];
}

/** 校验本表: the sheet with a teal check badge. */
function validateIcon() {
  return [
    ...sheet(),
    { inside: shape.circle(0.7, 0.7, 0.27), color: hex(TEAL) },
    { inside: shape.stroke([[0.58, 0.7], [0.67, 0.79], [0.83, 0.6]], 0.08), color: hex(WHITE) },
  ];
}

/** 指标库: three book spines on a shelf, one leaning. */
function libraryIcon() {
  const lean = (px, py) => {
    // a rectangle rotated about its bottom-left corner
    const a = -0.35;
    const ox = 0.6;
    const oy = 0.86;
    const dx = px - ox;
    const dy = py - oy;
    const rx = dx * Math.cos(a) - dy * Math.sin(a);
    const ry = dx * Math.sin(a) + dy * Math.cos(a);
    return sdRoundRect(rx, ry, 0, -0.68, 0.17, 0.68, 0.03) <= 0;
  };
  return [
    { inside: shape.roundRect(0.1, 0.16, 0.18, 0.7, 0.03), color: hex(TEAL) },
    { inside: shape.roundRect(0.33, 0.26, 0.18, 0.6, 0.03), color: hex(AMBER) },
    { inside: lean, color: hex(RED) },
    { inside: shape.stroke([[0.15, 0.32], [0.23, 0.32]], 0.05), color: hex(WHITE) },
    { inside: shape.stroke([[0.38, 0.4], [0.46, 0.4]], 0.05), color: hex(WHITE) },
    { inside: shape.stroke([[0.06, 0.9], [0.94, 0.9]], 0.06), color: hex(INK) },
  ];
}

/** 清除标记: the sheet with a red badge holding a white cross. */
function clearIcon() {
  return [
    ...sheet(),
    { inside: shape.circle(0.7, 0.7, 0.27), color: hex(RED) },
    { inside: shape.stroke([[0.61, 0.61], [0.79, 0.79]], 0.08), color: hex(WHITE) },
    { inside: shape.stroke([[0.79, 0.61], [0.61, 0.79]], 0.08), color: hex(WHITE) },
  ];
}

const ICONS = [
  { name: "icon", draw: addinIcon, sizes: [16, 32, 64, 80, 128] },
  { name: "validate", draw: validateIcon, sizes: [16, 32, 64, 80] },
  { name: "library", draw: libraryIcon, sizes: [16, 32, 64, 80] },
  { name: "clear", draw: clearIcon, sizes: [16, 32, 64, 80] },
];

function main() {
  const check = process.argv.includes("--check");
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  let differs = 0;
  for (const icon of ICONS) {
    for (const size of icon.sizes) {
      const file = path.join(dir, `${icon.name}-${size}.png`);
      const png = encodePng(size, render(size, icon.draw()));
      if (check) {
        if (!fs.existsSync(file) || !fs.readFileSync(file).equals(png)) {
          console.error(`differs: ${path.relative(process.cwd(), file)}`);
          differs++;
        }
      } else {
        fs.writeFileSync(file, png);
      }
    }
  }
  if (check && differs) process.exit(1);
  if (!check) console.log(`wrote ${ICONS.reduce((n, i) => n + i.sizes.length, 0)} icons to ${path.relative(process.cwd(), dir)}/`);
}

if (require.main === module) main();

module.exports = { encodePng, render, ICONS };
