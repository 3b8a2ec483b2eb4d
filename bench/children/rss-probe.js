// Preloaded into a child (node -r bench/children/rss-probe.js …): on exit, append the process's
// peak resident set size and its uptime to the file named by JIXIAO_BENCH_PROBE as one JSON line.
// The peak is the kernel's high-water mark, so synchronous work between timer ticks counts too:
// VmHWM from /proc/self/status on Linux (per address space, so it starts afresh at exec), else
// getrusage's maxrss (which on Linux also counts the forking parent's RSS: only a fallback).
"use strict";
const { appendFileSync, readFileSync } = require("node:fs");

function peakMb() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}

const out = process.env.JIXIAO_BENCH_PROBE;
if (out) {
  process.on("exit", (code) => {
    appendFileSync(out, JSON.stringify({ peakMb: peakMb(), uptimeMs: process.uptime() * 1000, code }) + "\n");
  });
}
module.exports = { peakMb };
