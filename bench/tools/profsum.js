// summarise a .cpuprofile: self time by function, and inclusive time
const fs = require("fs");
const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const self = new Map(), incl = new Map();
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
let total = 0;
for (const n of prof.nodes) {
  const t = dt.get(n.id) ?? 0; total += t;
  self.set(key(n), (self.get(key(n)) ?? 0) + t);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) { const k = key(byId.get(id)); if (seen.has(k)) continue; seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, t]) => `${(t / 1000).toFixed(0).padStart(7)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${name}`).join("\n");
if (!(process.argv[3] ?? "").startsWith("--")) console.log(`total ${(total / 1000).toFixed(0)} ms\n-- self --\n${top(self, Number(process.argv[3] ?? 25))}\n-- inclusive --\n${top(incl, Number(process.argv[4] ?? 40))}`);
// node profsum.js file.cpuprofile --under fnA,fnB,...  : time attributed to the nearest listed ancestor
if (process.argv[3] === "--under") {
  const names = process.argv[4].split(",");
  const acc = new Map();
  for (const n of prof.nodes) {
    const t = dt.get(n.id) ?? 0;
    if (!t) continue;
    let label = "(other)";
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const cf = byId.get(id).callFrame;
      const nm = cf.functionName;
      if (names.includes(nm) || names.includes(`${nm}:${cf.lineNumber + 1}`)) { label = `${nm}:${cf.lineNumber + 1}`; break; }
    }
    acc.set(label, (acc.get(label) ?? 0) + t);
  }
  console.log("-- under --\n" + [...acc].sort((a, b) => b[1] - a[1]).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(7)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`).join("\n"));
}
// node profsum.js file.cpuprofile --lines fnName[:line] : self-time ticks by source line in that function
if (process.argv[3] === "--lines") {
  const [nm, ln] = process.argv[4].split(":");
  const lines = new Map();
  for (const n of prof.nodes) {
    const cf = n.callFrame;
    if (cf.functionName !== nm || (ln && cf.lineNumber + 1 !== Number(ln))) continue;
    for (const p of n.positionTicks ?? []) lines.set(p.line, (lines.get(p.line) ?? 0) + p.ticks);
  }
  const src = fs.existsSync(process.argv[5] ?? "") ? fs.readFileSync(process.argv[5], "utf8").split("\n") : [];
  console.log([...lines].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([l, t]) => `${String(t).padStart(6)} ticks  line ${l}  ${(src[l - 1] ?? "").trim().slice(0, 150)}`).join("\n"));
}
// node profsum.js file.cpuprofile --inside fn:line : self time of everything called under that frame
if (process.argv[3] === "--inside") {
  const [nm, ln] = process.argv[4].split(":");
  const acc = new Map();
  let sum = 0;
  for (const n of prof.nodes) {
    const t = dt.get(n.id) ?? 0;
    if (!t) continue;
    let inside = false;
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const cf = byId.get(id).callFrame;
      if (cf.functionName === nm && (!ln || cf.lineNumber + 1 === Number(ln))) { inside = true; break; }
    }
    if (!inside) continue;
    sum += t;
    acc.set(key(n), (acc.get(key(n)) ?? 0) + t);
  }
  console.log(`inside ${process.argv[4]}: ${(sum / 1000).toFixed(0)} ms\n` + [...acc].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, t]) => `${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`).join("\n"));
}
// node profsum.js file.cpuprofile --files bundle.js : self time by source file of an esbuild bundle
// (its "// src/…" markers), V8's own entries ((garbage collector), natives) by name
if (process.argv[3] === "--files") {
  const bundle = process.argv[4];
  const marks = [];
  fs.readFileSync(bundle, "utf8").split("\n").forEach((l, i) => {
    const m = /^\/\/ ((?:src|bench|tools|node_modules)\/\S+)/.exec(l);
    if (m) marks.push([i + 1, m[1]]);
  });
  const fileOf = (line) => {
    let lo = 0, hi = marks.length - 1, r = "?";
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (marks[mid][0] <= line) { r = marks[mid][1]; lo = mid + 1; } else hi = mid - 1; }
    return r;
  };
  const name = require("path").basename(bundle);
  const acc = new Map();
  for (const n of prof.nodes) {
    const t = dt.get(n.id) ?? 0;
    if (!t) continue;
    const cf = n.callFrame;
    const k = cf.url.endsWith(name) ? fileOf(cf.lineNumber + 1) : cf.functionName || cf.url || "(native)";
    acc.set(k, (acc.get(k) ?? 0) + t);
  }
  console.log(`total ${(total / 1000).toFixed(0)} ms\n-- self by file --\n${top(acc, 40)}`);
}
