// summarise a sampled .heapprofile (HeapProfiler.startSampling): bytes allocated by function, self
// and with callees. Sampled allocations include objects already collected: this is allocation
// pressure (what the garbage collector has to clear), not what stays in memory.
//   node bench/tools/allocsum.js bench/out/prof/engine-5000.heapprofile [top]
const fs = require("fs");
const { head } = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const self = new Map();
const incl = new Map();
let total = 0;
const key = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
(function walk(n, stack) {
  const k = key(n);
  const here = n.selfSize;
  total += here;
  self.set(k, (self.get(k) ?? 0) + here);
  const next = stack.includes(k) ? stack : [...stack, k];
  for (const s of next) incl.set(s, (incl.get(s) ?? 0) + here);
  for (const c of n.children) walk(c, next);
})(head, []);
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 30)).map(([k, v]) => `${(v / 1e6).toFixed(1).padStart(8)} MB ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join("\n");
console.log(`total ${(total / 1e6).toFixed(1)} MB sampled\n-- self --\n${top(self)}\n-- inclusive --\n${top(incl)}`);
