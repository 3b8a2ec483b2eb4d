// Floor 2: unzip plus the least a reader can do to give grids: the shared strings decoded, and
// every <c> of every worksheet put into rows[r][c] with its style index, scanning the bytes once.
// No merges, number formats, dates, sheet names or validation: a reader doing all that cannot
// be faster than this.
//   node --expose-gc bench/floors/min-extractor.js file.xlsx [runs]   -> one JSON line
"use strict";
const { readFileSync } = require("node:fs");
const { inflateAll, time, median } = require("./zip");

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;

const ENTITY = /&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g;
const decodeXml = (s) =>
  s.indexOf("&") < 0
    ? s
    : s.replace(ENTITY, (m, e) => (e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))));

/** The text of every <t> of every <si>, joined per <si>. */
function sharedStrings(buf) {
  const out = [];
  let i = buf.indexOf("<si>");
  while (i >= 0) {
    const end = buf.indexOf("</si>", i);
    let s = "";
    let t = buf.indexOf("<t", i);
    while (t >= 0 && t < end) {
      const c = buf[t + 2];
      if (c === GT || c === 0x20) {
        const open = buf.indexOf(GT, t) + 1;
        const close = buf.indexOf("</t>", open);
        s += decodeXml(buf.toString("utf8", open, close));
        t = buf.indexOf("<t", close + 4);
      } else t = buf.indexOf("<t", t + 2);
    }
    out.push(s);
    i = buf.indexOf("<si>", end);
  }
  return out;
}

/**
 * One pass over a worksheet's bytes: at each `<c `, its r, s and t attributes are read in place,
 * then its <v> (or inline <t>) text, and the value goes into rows[r][c], the style into styles[r][c].
 */
function sheet(buf, sst) {
  const rows = [];
  const styles = [];
  const n = buf.length;
  let i = buf.indexOf("<sheetData");
  while (i >= 0 && i < n) {
    i = buf.indexOf(LT, i + 1);
    if (i < 0) break;
    if (buf[i + 1] !== 0x63 || buf[i + 2] !== 0x20) continue; // "<c "
    let p = i + 2;
    let col = 0;
    let row = 0;
    let style = 0;
    let type = 0; // first letter of t="…": s, n, b, e, i(nlineStr); "str" as 1
    // attributes up to '>'
    for (;;) {
      const c = buf[p];
      if (c === GT) break;
      if (c === 0x20 && buf[p + 2] === 0x3d) {
        const a = buf[p + 1];
        p += 4; // ' x="'
        if (a === 0x72) {
          while (buf[p] >= 0x41 && buf[p] <= 0x5a) col = col * 26 + buf[p++] - 0x40;
          while (buf[p] >= 0x30 && buf[p] <= 0x39) row = row * 10 + buf[p++] - 0x30;
        } else if (a === 0x73) {
          while (buf[p] !== QUOTE) style = style * 10 + buf[p++] - 0x30;
        } else if (a === 0x74) {
          type = buf[p] === 0x73 && buf[p + 1] === 0x74 ? 1 : buf[p];
        }
        while (buf[p] !== QUOTE) p++;
      }
      p++;
    }
    let value = null;
    if (buf[p - 1] !== 0x2f) {
      // <v>…</v> or <is><t>…</t></is>, then </c>
      let q = p + 1;
      while (!(buf[q] === LT && (buf[q + 1] === 0x76 || (buf[q + 1] === 0x74 && (buf[q + 2] === GT || buf[q + 2] === 0x20)) || (buf[q + 1] === 0x2f && buf[q + 2] === 0x63)))) q++;
      if (buf[q + 1] !== 0x2f) {
        const open = buf.indexOf(GT, q) + 1;
        const close = buf.indexOf(LT, open);
        if (type === 0x73) value = sst[Number(buf.latin1Slice(open, close))];
        else if (type === 0 || type === 0x6e) value = Number(buf.latin1Slice(open, close));
        else value = decodeXml(buf.toString("utf8", open, close));
        q = close;
      }
      i = q;
    } else i = p;
    const r = rows[row - 1] ?? (rows[row - 1] = []);
    r[col - 1] = value;
    (styles[row - 1] ?? (styles[row - 1] = []))[col - 1] = style;
  }
  return { rows, styles };
}

function extract(buf) {
  const entries = inflateAll(buf);
  const ss = entries.find((e) => e.name === "xl/sharedStrings.xml");
  const sst = ss ? sharedStrings(ss.data) : [];
  const sheets = [];
  let cells = 0;
  for (const e of entries) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) continue;
    const s = sheet(e.data, sst);
    for (const r of s.rows) if (r) for (const v of r) if (v !== undefined) cells++;
    sheets.push(s);
  }
  return { sheets: sheets.length, strings: sst.length, cells };
}

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const buf = readFileSync(file);
const { ms, cpu, result } = time(runs, () => extract(buf));
process.stdout.write(JSON.stringify({ floor: "min-extractor", file, runs: ms.map((x) => Math.round(x * 10) / 10), medianMs: median(ms), medianCpuMs: median(cpu), ...result }) + "\n");
