// Preloaded into a child (node -r bench/children/rss-probe.js …): on exit, append the process's
// peak resident set size (getrusage maxrss, kernel-tracked, so sync work between timer ticks
// counts too) and its own uptime to the file named by JIXIAO_BENCH_PROBE as one JSON line.
"use strict";
const { appendFileSync } = require("node:fs");

const out = process.env.JIXIAO_BENCH_PROBE;
if (out) {
  process.on("exit", (code) => {
    const peakKb = process.resourceUsage().maxRSS;
    appendFileSync(out, JSON.stringify({ peakMb: peakKb / 1024, uptimeMs: process.uptime() * 1000, code }) + "\n");
  });
}
