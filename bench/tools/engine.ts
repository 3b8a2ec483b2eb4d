/**
 * The engine alone on one generated workbook, for before/after comparisons and profiles:
 *
 *   npx esbuild bench/tools/engine.ts --bundle --platform=node --outfile=build/bench/engine.js --external:exceljs
 *   node --expose-gc build/bench/engine.js 1000 5          # median wall and CPU time of 5 runs
 *   node --cpu-prof build/bench/engine.js 1000 1           # then: node bench/tools/profsum.js *.cpuprofile
 *
 * CPU time (process.cpuUsage, this process only) is steadier than wall time on a busy machine.
 */
import { createHash } from "node:crypto";
import { PerformanceObserver } from "node:perf_hooks";
import { validate } from "../../src/core/engine";
import { generateWorkbook, toGrids } from "../generate";
import { median } from "../parts/util";

const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const grids = toGrids(generateWorkbook(n));
const warm = toGrids(generateWorkbook(100, 99));
validate(warm);
validate(warm);
let gcMs = 0;
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
const wall: number[] = [];
const cpu: number[] = [];
let findings = 0;
let digest = "";
for (let i = 0; i < runs; i++) {
  gc();
  obs.observe({ entryTypes: ["gc"] });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = validate(grids);
  findings = report.findings.length;
  digest = createHash("sha1").update(JSON.stringify(report)).digest("hex").slice(0, 12);
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
setTimeout(() => process.stdout.write(
  `validate ${n} tables: wall ${median(wall).toFixed(0)} ms, cpu ${median(cpu).toFixed(0)} ms (min wall ${Math.min(...wall).toFixed(0)}, min cpu ${Math.min(...cpu).toFixed(0)}) (runs: ${wall.map((x) => x.toFixed(0)).join(" ")}); gc ${(gcMs / runs).toFixed(0)} ms/run (in the timed runs), heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB; ${findings} findings, report sha1 ${digest}\n`,
), 50);
