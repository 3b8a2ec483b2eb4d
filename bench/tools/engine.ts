/**
 * The engine alone on generated workbooks, for before/after comparisons and profiles. Warms the
 * JIT as the benchmark does (ten runs on two other 100-table workbooks), then times `runs` runs,
 * each on a workbook of its own seed.
 *
 *   npx esbuild bench/tools/engine.ts --bundle --platform=node --outfile=build/bench/engine.js --external:exceljs
 *   node --expose-gc build/bench/engine.js 1000 5              # median wall and CPU time of 5 runs
 *   node --expose-gc build/bench/engine.js 5000 1 --profile    # bench/out/prof/engine-5000.cpuprofile of the timed run
 *   node bench/tools/profsum.js bench/out/prof/engine-5000.cpuprofile [--under|--inside|--lines …]
 *   node --expose-gc build/bench/engine.js 5000 1 --alloc      # bench/out/prof/engine-5000.heapprofile (sampled allocations)
 *   node bench/tools/allocsum.js bench/out/prof/engine-5000.heapprofile   # bytes allocated by function
 *
 * CPU time (process.cpuUsage, this process only) is steadier than wall time on a busy machine. The
 * garbage collector's pauses during each validate are summed from perf_hooks' gc entries (minor:
 * scavenges; major: mark-compact, incremental marking steps included).
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { constants as perfConstants, PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import * as path from "node:path";
import { validate } from "../../src/core/engine";
import { generateWorkbook, OUT_DIR, toGrids } from "../generate";
import { median } from "../parts/util";

const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 3);
const profile = process.argv.includes("--profile");
const alloc = process.argv.includes("--alloc");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function post<T>(session: Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));
}

(async () => {
  const warm = [toGrids(generateWorkbook(100, 99)), toGrids(generateWorkbook(100, 98))];
  for (let i = 0; i < 10; i++) validate(warm[i % 2]);
  const session = new Session();
  if (profile || alloc) session.connect();
  if (alloc) await post(session, "HeapProfiler.enable");
  if (profile) {
    await post(session, "Profiler.enable");
    await post(session, "Profiler.setSamplingInterval", { interval: 100 }); // µs: ten times the default, for line figures
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  const gcIn = (from: number, to: number) => {
    let minor = 0;
    let major = 0;
    for (const e of gcs) {
      if (e.startTime < from || e.startTime > to) continue;
      const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) minor += e.duration;
      else major += e.duration;
    }
    return { minor, major };
  };
  const gcMinor: number[] = [];
  const gcMajor: number[] = [];
  const digests: string[] = [];
  for (let i = 0; i < runs; i++) {
    const grids = toGrids(generateWorkbook(n, i === 0 ? 7 : 1000 + i));
    gc();
    validate(warm[0]);
    if (profile) await post(session, "Profiler.start");
    if (alloc) await post(session, "HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = validate(grids);
    const t1 = performance.now();
    wall.push(t1 - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (alloc) {
      const { profile: p } = await post<{ profile: unknown }>(session, "HeapProfiler.stopSampling");
      mkdirSync(path.join(OUT_DIR, "prof"), { recursive: true });
      writeFileSync(path.join(OUT_DIR, "prof", `engine-${n}${runs > 1 ? `-${i}` : ""}.heapprofile`), JSON.stringify(p));
    }
    if (profile) {
      const { profile: p } = await post<{ profile: unknown }>(session, "Profiler.stop");
      mkdirSync(path.join(OUT_DIR, "prof"), { recursive: true });
      writeFileSync(path.join(OUT_DIR, "prof", `engine-${n}${runs > 1 ? `-${i}` : ""}.cpuprofile`), JSON.stringify(p));
    }
    await new Promise((r) => setTimeout(r, 100)); // the observer's entries of this run
    const g = gcIn(t0, t1);
    gcMinor.push(g.minor);
    gcMajor.push(g.major);
    digests.push(`${report.findings.length} findings ${createHash("sha1").update(JSON.stringify(report)).digest("hex").slice(0, 12)}`);
  }
  process.stdout.write(
    `validate ${n} tables: wall ${median(wall).toFixed(0)} ms, cpu ${median(cpu).toFixed(0)} ms ` +
      `(min wall ${Math.min(...wall).toFixed(0)}, min cpu ${Math.min(...cpu).toFixed(0)}; runs ${wall.map((x) => x.toFixed(0)).join(" ")}); ` +
      `gc pauses ${median(gcMinor).toFixed(0)} ms minor, ${median(gcMajor).toFixed(0)} ms major; ` +
      `reports: ${digests.join(", ")}\n`,
  );
})();
