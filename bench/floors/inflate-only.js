// Floor 1: unzip alone. Every entry of the .xlsx inflated with zlib, nothing parsed.
//   node --expose-gc bench/floors/inflate-only.js file.xlsx [runs]   -> one JSON line
"use strict";
const { readFileSync } = require("node:fs");
const { inflateAll, time, median } = require("./zip");

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const buf = readFileSync(file);
const { ms, cpu, result } = time(runs, () => inflateAll(buf));
const bytes = result.reduce((a, e) => a + e.data.length, 0);
process.stdout.write(JSON.stringify({ floor: "inflate-only", file, runs: ms.map((x) => Math.round(x * 10) / 10), medianMs: median(ms), medianCpuMs: median(cpu), entries: result.length, inflatedMb: bytes / 1e6 }) + "\n");
