/**
 * npm run bench [-- --quick] [-- --only engine,reader,cli,batch,host,pane,playground]
 *
 * Measures the engine, the CLI, the Excel host (on the fake object model), the task pane bundle
 * and the playground, all in one run, each figure the median of several runs; prints progress and
 * a table on stderr, writes every figure to bench/out/results[-quick].json, and ends by printing one
 * line of JSON on stdout with the keys of issues 7 and 17. A part whose code has not landed yet prints null
 * and says why on stderr.
 *
 * Measurements run in child processes (this same bundle with `--child …`, the CLI bundle, a
 * load-only script) so that one figure's garbage and JIT state never leak into another's.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { validate } from "../src/core/engine";
import { ensureBatch, ensureXlsx, generateWorkbook, mistakeFound, OUT_DIR, repoRoot, toGrids } from "./generate";
import { hostPart } from "./parts/host";
import { buildPane, paneLanded, panePart, playgroundPart, type PaneBuild } from "./parts/pane";
import { median, round, type PartResult } from "./parts/util";

const ROOT = repoRoot();
const SELF = process.argv[1];
const QUICK = process.argv.includes("--quick");
const ONLY = (() => {
  const i = process.argv.indexOf("--only");
  return i >= 0 ? new Set(process.argv[i + 1].split(",")) : undefined;
})();

const log = (s: string) => process.stderr.write(s + "\n");

// ---------------------------------------------------------------------------------------------
// child: the engine, one timed run

/** One engine run, in its own process. */
interface EngineRun {
  tables: number;
  seed: number;
  sheets: number;
  indicatorRows: number;
  cells: number;
  validateMs: number;
  validateCpuMs: number;
  jsonMb: number;
  /** the same values as JSON, written for the clean-heap JSON.parse child (the parent deletes it) */
  jsonFile: string;
  /** JSON.parse in this process right after validate, on a heap full of its garbage (for the record) */
  jsonParseDirtyMs: number;
  peakRssMb: number;
  recognisedTables: number;
  findings: number;
  mistakes: number;
  mistakesFound: number;
}

/** Peak RSS of this process: VmHWM on Linux (getrusage's maxrss there includes the parent's at fork). */
function peakMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS / 1024;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * validate on `seeds.length` workbooks of `n` tables, one per seed, in a fresh process. The JIT is
 * warmed first on two other workbooks (100 tables each): V8 needs many calls before the engine's
 * code is fully optimised, and two or three warm-up runs still leave the 100-table figure 2-3x
 * above its steady state; ten do. Each timed workbook is new to the engine (its own seed), so its
 * strings meet the engine's memo caches for the first time, as any new workbook's would. After
 * each run the same values are written as JSON for a child of their own to time JSON.parse on a
 * clean heap (childJsonParse); JSON.parse here, right after validate, is kept for the record.
 */
function childEngine(n: number, seeds: number[]): EngineRun[] {
  const warm = [toGrids(generateWorkbook(100, 99)), toGrids(generateWorkbook(100, 98))];
  for (let i = 0; i < 10; i++) validate(warm[i % 2]);
  const out: EngineRun[] = [];
  for (const seed of seeds) {
    const wb = generateWorkbook(n, seed);
    const grids = toGrids(wb);
    gc();
    validate(warm[0]); // once more right before the timed run, after the full GC
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = validate(grids);
    const validateMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const peakRssMb = peakMb();

    const json = JSON.stringify(grids.map((g) => g.cells));
    const jsonFile = path.join(OUT_DIR, `grids-${process.pid}-${n}-${seed}.json`);
    writeFileSync(jsonFile, json);
    const parses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const back = JSON.parse(json) as unknown[];
      parses.push(performance.now() - t);
      if (back.length !== grids.length) throw new Error("JSON round trip lost sheets");
    }
    out.push({
      tables: n,
      seed,
      sheets: wb.sheets.length,
      indicatorRows: wb.indicatorRows,
      cells: wb.cells,
      validateMs,
      validateCpuMs: (c.user + c.system) / 1000,
      jsonMb: Buffer.byteLength(json) / 1e6,
      jsonFile,
      jsonParseDirtyMs: median(parses),
      peakRssMb,
      recognisedTables: report.tables.length,
      findings: report.findings.length,
      mistakes: wb.mistakes.length,
      mistakesFound: wb.mistakes.filter((m) => mistakeFound(m, report.findings)).length,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// child: JSON.parse of a file's text on a clean heap (the cost of merely receiving the data)

/** JSON.parse of the file's text, in a fresh process, a full GC before each of 5 runs: wall and CPU ms. */
function childJsonParse(file: string): { ms: number[]; cpuMs: number[]; medianMs: number; medianCpuMs: number } {
  const text = readFileSync(file, "utf8");
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t = performance.now();
    const back = JSON.parse(text) as unknown[];
    ms.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    if (!Array.isArray(back)) throw new Error("not an array");
  }
  return { ms, cpuMs, medianMs: median(ms), medianCpuMs: median(cpuMs) };
}

// ---------------------------------------------------------------------------------------------
// child: the CLI's reader, timed in process as the floors are (bench/floors)

async function childReader(file: string, runs: number): Promise<{ ms: number[]; cpuMs: number[]; medianMs: number; medianCpuMs: number; way: string | null; sheets: number }> {
  const fast = await import("../src/host/xlsx/fastReadWorkbook");
  const bytes = readFileSync(file);
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let sheets = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t = performance.now();
    const r = await fast.readWorkbookGridsFast(bytes);
    ms.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    sheets = r.grids.length;
  }
  return { ms, cpuMs, medianMs: median(ms), medianCpuMs: median(cpuMs), way: fast.lastReader, sheets };
}

// ---------------------------------------------------------------------------------------------
// child: where the CLI's time goes on one file (one run, in process, for the record)

async function childCliBreakdown(file: string): Promise<Record<string, number>> {
  const { readWorkbookGridsFast } = await import("../src/host/xlsx/fastReadWorkbook");
  const { toJson } = await import("../src/cli/format");
  const t0 = performance.now();
  const { grids } = await readWorkbookGridsFast(readFileSync(file));
  const t1 = performance.now();
  gc(); // as the CLI does for a large file (src/cli/gc.ts)
  const t2 = performance.now();
  const report = validate(grids, { lang: "zh" });
  const t3 = performance.now();
  const json = toJson([{ file, tables: report.tables, findings: report.findings }]);
  const t4 = performance.now();
  return { readMs: t1 - t0, gcMs: t2 - t1, validateMs: t3 - t2, toJsonMs: t4 - t3, jsonMb: json.length / 1e6 };
}

// ---------------------------------------------------------------------------------------------
// parent helpers

interface ChildRun {
  wallMs: number;
  peakMb: number;
  code: number | null;
  stdout: string;
}

/** Run a node child, timing it from spawn to exit and reading its peak RSS through the probe. */
function runNode(args: string[], opts: { keepStdout?: boolean } = {}): Promise<ChildRun> {
  const probe = path.join(OUT_DIR, `probe-${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["-r", path.join(ROOT, "bench", "children", "rss-probe.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, JIXIAO_BENCH_PROBE: probe, NO_COLOR: "1" },
      stdio: ["ignore", opts.keepStdout ? "pipe" : "ignore", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = performance.now() - t0;
      let peakMb = NaN;
      try {
        const line = readFileSync(probe, "utf8").trim().split("\n").pop() ?? "{}";
        peakMb = (JSON.parse(line) as { peakMb: number }).peakMb;
        rmSync(probe, { force: true });
      } catch {
        /* the probe did not run */
      }
      if (code !== 0 && code !== 1) log(`  child ${args.join(" ")} exited ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
      resolve({ wallMs, peakMb, code, stdout });
    });
  });
}

async function runChild<T>(args: string[]): Promise<T> {
  const r = await runNode(["--expose-gc", SELF, "--child", ...args], { keepStdout: true });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`child ${args.join(" ")} gave no result (exit ${r.code})`);
  }
}

function build(): void {
  const r = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`npm run build:cli failed: ${r.stderr.toString().trim()}`);
}

// ---------------------------------------------------------------------------------------------
// parts

interface EngineScale {
  tables: number;
  runs: number;
  indicatorRows: number;
  cells: number;
  jsonMb: number;
  validateMs: number;
  validateCpuMs: number;
  msPer1kRows: number;
  cpuMsPer1kRows: number;
  jsonParseMs: number;
  jsonParseCpuMs: number;
  jsonParseDirtyMs: number;
  vsJsonParse: number;
  vsJsonParseCpu: number;
  vsJsonParseDirty: number;
  peakRssMb: number;
  validateRuns: number[];
  recognisedTables: string;
  injectedMistakesFound: string;
}

async function enginePart(): Promise<PartResult> {
  const scales = [10, 100, 1000, 5000, 20000];
  const runsAt: Record<number, number> = QUICK ? { 10: 5, 100: 5, 1000: 3, 5000: 2, 20000: 1 } : { 10: 9, 100: 9, 1000: 5, 5000: 5, 20000: 3 };
  const byScale: Record<string, EngineScale> = {};
  for (const n of scales) {
    // seed 7 is the workbook written to bench/out and checked by the CLI; the others vary it
    const seeds = Array.from({ length: runsAt[n] }, (_, i) => (i === 0 ? 7 : 1000 + i));
    const runs = await runChild<EngineRun[]>(["engine", String(n), seeds.join(",")]);
    // JSON.parse of each run's values, each in a fresh process: a clean heap, as a receiver has
    const parses: { medianMs: number; medianCpuMs: number }[] = [];
    for (const r of runs) {
      parses.push(await runChild<{ medianMs: number; medianCpuMs: number }>(["jsonparse", r.jsonFile]));
      rmSync(r.jsonFile, { force: true });
    }
    const med = (f: (r: EngineRun, i: number) => number) => median(runs.map(f));
    const f: EngineScale = {
      tables: n,
      runs: runs.length,
      indicatorRows: med((r) => r.indicatorRows),
      cells: med((r) => r.cells),
      jsonMb: round(med((r) => r.jsonMb), 2),
      validateMs: round(med((r) => r.validateMs), 1),
      validateCpuMs: round(med((r) => r.validateCpuMs), 1),
      msPer1kRows: round(med((r) => (r.validateMs / r.indicatorRows) * 1000), 2),
      cpuMsPer1kRows: round(med((r) => (r.validateCpuMs / r.indicatorRows) * 1000), 2),
      jsonParseMs: round(median(parses.map((p) => p.medianMs)), 1),
      jsonParseCpuMs: round(median(parses.map((p) => p.medianCpuMs)), 1),
      jsonParseDirtyMs: round(med((r) => r.jsonParseDirtyMs), 1),
      vsJsonParse: round(med((r, i) => r.validateMs / parses[i].medianMs), 2),
      vsJsonParseCpu: round(med((r, i) => r.validateCpuMs / parses[i].medianCpuMs), 2),
      vsJsonParseDirty: round(med((r) => r.validateMs / r.jsonParseDirtyMs), 2),
      // after the first run the process holds one workbook, its report and the warm-up workbooks
      peakRssMb: round(runs[0].peakRssMb, 0),
      validateRuns: runs.map((r) => round(r.validateMs, 0)),
      recognisedTables: `${Math.min(...runs.map((r) => r.recognisedTables))}/${n}`,
      injectedMistakesFound: runs.map((r) => `${r.mistakesFound}/${r.mistakes}`).join(" "),
    };
    byScale[n] = f;
    log(
      `  engine ${String(n).padStart(5)} tables ${String(f.indicatorRows).padStart(6)} rows: validate ${f.validateMs} ms (cpu ${f.validateCpuMs}), ` +
        `${f.msPer1kRows} ms/1k rows; JSON.parse on a clean heap ${f.jsonParseMs} ms (right after validate: ${f.jsonParseDirtyMs}), ` +
        `ratio ${f.vsJsonParse} (cpu ${f.vsJsonParseCpu}); peak RSS ${f.peakRssMb} MB; tables ${f.recognisedTables}; injected mistakes found ${f.injectedMistakesFound}`,
    );
    if (runs.some((r) => r.recognisedTables !== n)) log(`  WARNING: the engine did not recognise every generated table`);
  }
  const top = byScale[5000];
  const linearity = top.msPer1kRows / byScale[100].msPer1kRows;
  const at20k = byScale[20000].msPer1kRows / byScale[1000].msPer1kRows;
  log(`  engine linearity: per-row time at 5000 tables / at 100 tables = ${round(linearity, 2)}; at 20000 / at 1000 = ${round(at20k, 2)}`);
  return {
    keys: {
      engine_ms_per_1k_rows_at_100k: top.msPer1kRows,
      engine_vs_jsonparse: top.vsJsonParse,
      engine_ms_per_1k_rows_at_400k: byScale[20000].msPer1kRows,
    },
    details: {
      byScale,
      linearity: round(linearity, 3),
      perRow20000vs1000: round(at20k, 3),
      validateMsAt5000: top.validateMs,
      validateCpuMsAt5000: top.validateCpuMs,
      peakRssMbAt5000: top.peakRssMb,
      vsJsonParseIs: "validate wall time / JSON.parse wall time of the same values in a fresh process (clean heap), per run, median; vsJsonParseCpu the same in CPU time; vsJsonParseDirty against JSON.parse in the engine's process right after validate (the figure issue 7 reported)",
    },
  };
}

/** [tables, runs] of the CLI part. */
function cliPlan(): [number, number][] {
  return QUICK ? [[5000, 1]] : [[100, 5], [1000, 5], [5000, 3]];
}

async function cliPart(): Promise<PartResult> {
  const cli = path.join(ROOT, "build", "jixiao.js");
  const loadOnly = path.join(ROOT, "bench", "children", "load-only.js");
  const plan = cliPlan();
  const byScale: Record<string, unknown> = {};
  let overhead5000 = NaN;
  let peak5000 = NaN;
  let cli5000 = NaN;
  for (const [n, runs] of plan) {
    const file = await ensureXlsx(n);
    const load: ChildRun[] = [];
    const check: ChildRun[] = [];
    for (let i = 0; i < runs; i++) {
      load.push(await runNode([loadOnly, file]));
      check.push(await runNode([cli, "check", file, "--format", "json"]));
    }
    const bad = check.find((r) => r.code !== 0 && r.code !== 1);
    if (bad) throw new Error(`the CLI failed on ${path.basename(file)} (exit ${bad.code})`);
    const loadMs = median(load.map((r) => r.wallMs));
    const cliMs = median(check.map((r) => r.wallMs));
    const peak = Math.max(...check.map((r) => r.peakMb));
    const overhead = (cliMs - loadMs) / loadMs;
    // where the time goes, in one process (skipped by --quick)
    const breakdown = QUICK ? {} : await runChild<Record<string, number>>(["cli-breakdown", file]);
    byScale[n] = {
      file: path.relative(ROOT, file),
      loadMs: round(loadMs, 0),
      cliMs: round(cliMs, 0),
      overhead: round(overhead, 3),
      cliPeakMb: round(peak, 0),
      loadPeakMb: round(Math.max(...load.map((r) => r.peakMb)), 0),
      loadRuns: load.map((r) => round(r.wallMs, 0)),
      cliRuns: check.map((r) => round(r.wallMs, 0)),
      inProcess: Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, round(v, 1)])),
    };
    log(
      `  cli ${String(n).padStart(5)} tables  exceljs load alone ${round(loadMs, 0)} ms  jixiao check ${round(cliMs, 0)} ms  ` +
        `overhead ${round(overhead * 100, 1)}%  peak ${round(peak, 0)} MB` +
        (QUICK ? "" : `  (in process: ${Object.entries(breakdown).map(([k, v]) => `${k} ${round(v, 0)}`).join(", ")})`),
    );
    if (n === 5000) {
      overhead5000 = overhead;
      peak5000 = peak;
      cli5000 = cliMs;
    }
  }
  return {
    keys: { cli_overhead_vs_load: round(overhead5000, 3), cli_peak_mb_at_5000_tables: round(peak5000, 0), cli_ms_at_5000_tables: round(cli5000, 0) },
    details: {
      byScale,
      overheadIs: "(jixiao check wall time - exceljs load wall time) / exceljs load wall time, at 5000 tables",
      cliMsIs: "jixiao check file.xlsx --format json, the whole process from spawn to exit (median), stdout to /dev/null",
    },
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The CLI's reader on the 5,000-table workbook against the floors of bench/floors (each in a
 * process of its own, timed the same way: the file's bytes in memory, a full GC before each run,
 * median of the runs): unzip alone, and unzip plus the least extractor that puts every cell into
 * rows[r][c] with its style.
 */
async function readerPart(): Promise<PartResult> {
  const file = await ensureXlsx(5000);
  const runs = QUICK ? 5 : 7;
  type Timed = { medianMs: number; medianCpuMs: number; runs?: number[]; ms?: number[] };
  const floor = async (script: string): Promise<Timed> => {
    const r = await runNode(["--expose-gc", path.join(ROOT, "bench", "floors", script), file, String(runs)], { keepStdout: true });
    return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as Timed;
  };
  const inflate = await floor("inflate-only.js");
  const extractor = await floor("min-extractor.js");
  const reader = await runChild<Timed & { way: string | null; sheets: number }>(["reader", file, String(runs)]);
  const ratio = reader.medianMs / extractor.medianMs;
  log(
    `  reader at 5000 tables: ${round(reader.medianMs, 0)} ms (cpu ${round(reader.medianCpuMs, 0)}, ${reader.way}); floors: inflate only ${round(inflate.medianMs, 0)} ms, ` +
      `minimal extractor ${round(extractor.medianMs, 0)} ms (cpu ${round(extractor.medianCpuMs, 0)}); reader / extractor ${round(ratio, 2)}`,
  );
  return {
    keys: { reader_vs_min_extractor: round(ratio, 2) },
    details: {
      file: path.relative(ROOT, file),
      readerMs: round(reader.medianMs, 1),
      readerCpuMs: round(reader.medianCpuMs, 1),
      readerRuns: (reader.ms ?? []).map((x) => round(x, 0)),
      readerWay: reader.way,
      inflateOnlyMs: round(inflate.medianMs, 1),
      inflateOnlyRuns: inflate.runs,
      minExtractorMs: round(extractor.medianMs, 1),
      minExtractorCpuMs: round(extractor.medianCpuMs, 1),
      minExtractorRuns: extractor.runs,
      readerVsInflate: round(reader.medianMs / inflate.medianMs, 2),
    },
  };
}

/** A bureau's folder: 500 one-table workbooks checked by one `jixiao check … --format json`. */
async function batchPart(): Promise<PartResult> {
  const files = await ensureBatch(500);
  const cli = path.join(ROOT, "build", "jixiao.js");
  const runs: ChildRun[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) runs.push(await runNode([cli, "check", ...files, "--format", "json"]));
  const bad = runs.find((r) => r.code !== 0 && r.code !== 1);
  if (bad) throw new Error(`the CLI failed on the batch (exit ${bad.code})`);
  const ms = median(runs.map((r) => r.wallMs));
  const perSecond = files.length / (ms / 1000);
  // one small file alone: what a process pays to start and check it
  const single: ChildRun[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i++) single.push(await runNode([cli, "check", files[0], "--format", "json"]));
  const help: ChildRun[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i++) help.push(await runNode([cli, "--help"]));
  log(
    `  batch of ${files.length} one-table files in one process: ${round(ms, 0)} ms, ${round(perSecond, 0)} files/s, peak ${round(Math.max(...runs.map((r) => r.peakMb)), 0)} MB; ` +
      `one file alone ${round(median(single.map((r) => r.wallMs)), 0)} ms; jixiao --help ${round(median(help.map((r) => r.wallMs)), 0)} ms`,
  );
  return {
    keys: { batch_files_per_s: round(perSecond, 0) },
    details: {
      files: files.length,
      ms: round(ms, 0),
      runs: runs.map((r) => round(r.wallMs, 0)),
      peakMb: round(Math.max(...runs.map((r) => r.peakMb)), 0),
      oneFileMs: round(median(single.map((r) => r.wallMs)), 0),
      helpMs: round(median(help.map((r) => r.wallMs)), 0),
    },
  };
}

// ---------------------------------------------------------------------------------------------

const KEYS = [
  "engine_ms_per_1k_rows_at_100k",
  "engine_vs_jsonparse",
  "cli_overhead_vs_load",
  "cli_peak_mb_at_5000_tables",
  "syncs_read_50_sheets",
  "syncs_mark_1000_findings",
  "pane_initial_kb_gz",
  "playground_first_result_ms",
  // issue 17
  "reader_vs_min_extractor",
  "cli_ms_at_5000_tables",
  "batch_files_per_s",
  "engine_ms_per_1k_rows_at_400k",
] as const;

function machine(): Record<string, unknown> {
  const lscpu = spawnSync("lscpu", [], { encoding: "utf8" });
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    cpu: os.cpus()[0]?.model ?? "unknown",
    lscpu: lscpu.status === 0 ? lscpu.stdout.split("\n").slice(0, 10).map((l) => l.replace(/\s+/g, " ").trim()) : null,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });
  log(`jixiao bench${QUICK ? " --quick" : ""}: ${JSON.stringify(machine())}`);
  const want = (name: string) => !ONLY || ONLY.has(name);
  const ctx = { root: ROOT, quick: QUICK, log };

  // Untimed preparation first, while the pane's production build (the slowest step) runs beside it:
  // the CLI bundle, the .xlsx files, the host's sync counts. Timed parts run after, one at a time.
  let paneBuild: Promise<PaneBuild> | undefined;
  if (want("pane") && !paneLanded(ROOT)) {
    paneBuild = buildPane(ROOT, log);
    paneBuild.catch(() => undefined); // reported by the pane part
  }
  if (want("cli") || want("batch")) build();
  if (want("cli")) for (const [n] of cliPlan()) await ensureXlsx(n);
  if (want("reader")) await ensureXlsx(5000);
  if (want("batch")) await ensureBatch(500);

  const parts: [string, () => Promise<PartResult>][] = [
    ["host", () => hostPart(ctx)],
    ["pane", () => panePart(ctx, paneBuild)],
    ["playground", () => playgroundPart(ctx)],
    ["engine", enginePart],
    ["reader", readerPart],
    ["cli", cliPart],
    ["batch", batchPart],
  ];
  const keys: Record<string, number | null> = Object.fromEntries(KEYS.map((k) => [k, null]));
  const details: Record<string, unknown> = {};
  for (const [name, part] of parts) {
    if (!want(name)) continue;
    const p0 = performance.now();
    log(`${name}:`);
    try {
      const r = await part();
      Object.assign(keys, r.keys);
      details[name] = { ...r.details, seconds: round((performance.now() - p0) / 1000, 1) };
      if (r.missing) log(`  ${name}: null — ${r.missing}`);
    } catch (e) {
      log(`  ${name} failed: ${(e as Error).stack ?? String(e)}`);
      details[name] = { error: (e as Error).message };
    }
  }
  const seconds = round((performance.now() - t0) / 1000, 1);
  const file = path.join(OUT_DIR, QUICK ? "results-quick.json" : "results.json");
  const record = { at: new Date().toISOString(), quick: QUICK, seconds, machine: machine(), loadAverage: os.loadavg().map((x) => round(x, 2)), keys, details };
  writeFileSync(file, JSON.stringify(record, null, 2) + "\n");
  log(`done in ${seconds} s (load average ${os.loadavg().map((x) => round(x, 1)).join(" ")}); details in ${path.relative(process.cwd(), file)}`);
  const line: Record<string, number | null> = {};
  for (const k of KEYS) line[k] = typeof keys[k] === "number" && Number.isFinite(keys[k]) ? keys[k] : null;
  process.stdout.write(JSON.stringify(line) + "\n");
}

async function child(): Promise<void> {
  const [, kind, ...args] = process.argv.slice(process.argv.indexOf("--child"));
  let out: unknown;
  if (kind === "engine") out = childEngine(Number(args[0]), args[1].split(",").map(Number));
  else if (kind === "cli-breakdown") out = await childCliBreakdown(args[0]);
  else if (kind === "jsonparse") out = childJsonParse(args[0]);
  else if (kind === "reader") out = await childReader(args[0], Number(args[1]));
  else throw new Error(`unknown child ${kind}`);
  process.stdout.write(JSON.stringify(out) + "\n");
}

(process.argv.includes("--child") ? child() : main()).catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

