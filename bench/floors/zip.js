// The zip reading both floors share: the central directory walked, every entry inflated with zlib.
// No checks beyond what finding the data needs: this is the least any reader must do.
"use strict";
const { inflateRawSync } = require("node:zlib");

/** [{ name, data }] for every file entry, inflated. */
function inflateAll(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const lp = buf.readUInt32LE(p + 42);
    const start = lp + 30 + buf.readUInt16LE(lp + 26) + buf.readUInt16LE(lp + 28);
    if (!name.endsWith("/")) {
      const raw = buf.subarray(start, start + csize);
      out.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    }
    p = next;
  }
  return out;
}

/** Runs `work` `runs` times (a full GC before each when --expose-gc): wall and CPU times in ms. */
function time(runs, work) {
  const ms = [];
  const cpu = [];
  let result;
  for (let i = 0; i < runs; i++) {
    if (global.gc) global.gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = work();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms, cpu, result };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

module.exports = { inflateAll, time, median };
