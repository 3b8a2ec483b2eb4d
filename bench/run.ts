/**
 * npm run bench [-- --quick] [-- --only engine,cli,host,pane,playground]
 *
 * Measures the engine, the CLI, the Excel host (on the fake object model), the task pane bundle
 * and the playground, all in one run, each figure the median of several runs; prints progress and
 * a table on stderr, writes every figure to bench/out/results[-quick].json, and ends by printing one
 * line of JSON on stdout with the keys of issue 7. A part whose code has not landed yet prints null
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
import { ensureXlsx, generateWorkbook, mistakeFound, OUT_DIR, repoRoot, toGrids } from "./generate";
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
  jsonParseMs: number;
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
 * each run, JSON.parse of the same values serialised as JSON, median of 5.
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
    const parses: number[] = [];
    for (let i = 0; i < 5; i++) {
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
      jsonParseMs: median(parses),
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
// child: where the CLI's time goes on one file (one run, in process, for the record)

async function childCliBreakdown(file: string): Promise<Record<string, number>> {
  const ExcelJS = (await import("exceljs")).default;
  const { worksheetToGrid } = await import("../src/host/xlsx/worksheetToGrid");
  const { toJson } = await import("../src/cli/format");
  const t0 = performance.now();
  let wb: InstanceType<typeof ExcelJS.Workbook> | null = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const t1 = performance.now();
  const grids = wb.worksheets.map((ws) => worksheetToGrid(ws));
  wb = null; // as in the CLI, the workbook model is garbage once the grids are read
  const t2 = performance.now();
  const report = validate(grids, { lang: "zh" });
  const t3 = performance.now();
  const json = toJson([{ file, tables: report.tables, findings: report.findings }]);
  const t4 = performance.now();
  return { exceljsLoadMs: t1 - t0, toGridsMs: t2 - t1, validateMs: t3 - t2, toJsonMs: t4 - t3, jsonMb: json.length / 1e6 };
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
  jsonParseMs: number;
  vsJsonParse: number;
  peakRssMb: number;
  validateRuns: number[];
  recognisedTables: string;
  injectedMistakesFound: string;
}

async function enginePart(): Promise<PartResult> {
  const scales = [10, 100, 1000, 5000];
  const runsAt: Record<number, number> = QUICK ? { 10: 5, 100: 5, 1000: 3, 5000: 2 } : { 10: 9, 100: 9, 1000: 5, 5000: 5 };
  const byScale: Record<string, EngineScale> = {};
  for (const n of scales) {
    // seed 7 is the workbook written to bench/out and checked by the CLI; the others vary it
    const seeds = Array.from({ length: runsAt[n] }, (_, i) => (i === 0 ? 7 : 1000 + i));
    const runs = await runChild<EngineRun[]>(["engine", String(n), seeds.join(",")]);
    const med = (f: (r: EngineRun) => number) => median(runs.map(f));
    const f: EngineScale = {
      tables: n,
      runs: runs.length,
      indicatorRows: med((r) => r.indicatorRows),
      cells: med((r) => r.cells),
      jsonMb: round(med((r) => r.jsonMb), 2),
      validateMs: round(med((r) => r.validateMs), 1),
      validateCpuMs: round(med((r) => r.validateCpuMs), 1),
      msPer1kRows: round(med((r) => (r.validateMs / r.indicatorRows) * 1000), 2),
      jsonParseMs: round(med((r) => r.jsonParseMs), 1),
      vsJsonParse: round(med((r) => r.validateMs / r.jsonParseMs), 2),
      // after the first run the process holds one workbook, its report and the warm-up workbooks
      peakRssMb: round(runs[0].peakRssMb, 0),
      validateRuns: runs.map((r) => round(r.validateMs, 0)),
      recognisedTables: `${Math.min(...runs.map((r) => r.recognisedTables))}/${n}`,
      injectedMistakesFound: runs.map((r) => `${r.mistakesFound}/${r.mistakes}`).join(" "),
    };
    byScale[n] = f;
    log(
      `  engine ${String(n).padStart(5)} tables ${String(f.indicatorRows).padStart(6)} rows: validate ${f.validateMs} ms (cpu ${f.validateCpuMs}), ` +
        `${f.msPer1kRows} ms/1k rows; JSON.parse ${f.jsonParseMs} ms, ratio ${f.vsJsonParse}; peak RSS ${f.peakRssMb} MB; ` +
        `tables ${f.recognisedTables}; injected mistakes found ${f.injectedMistakesFound}`,
    );
    if (runs.some((r) => r.recognisedTables !== n)) log(`  WARNING: the engine did not recognise every generated table`);
  }
  const top = byScale[5000];
  const linearity = top.msPer1kRows / byScale[100].msPer1kRows;
  log(`  engine linearity: per-row time at 5000 tables / at 100 tables = ${round(linearity, 2)}`);
  return {
    keys: { engine_ms_per_1k_rows_at_100k: top.msPer1kRows, engine_vs_jsonparse: top.vsJsonParse },
    details: { byScale, linearity: round(linearity, 3), validateMsAt5000: top.validateMs, peakRssMbAt5000: top.peakRssMb },
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
    }
  }
  return {
    keys: { cli_overhead_vs_load: round(overhead5000, 3), cli_peak_mb_at_5000_tables: round(peak5000, 0) },
    details: { byScale, overheadIs: "(jixiao check wall time - exceljs load wall time) / exceljs load wall time, at 5000 tables" },
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
] as const;

function machine(): Record<string, unknown> {
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    cpu: os.cpus()[0]?.model ?? "unknown",
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
  if (want("cli")) {
    build();
    for (const [n] of cliPlan()) await ensureXlsx(n);
  }

  const parts: [string, () => Promise<PartResult>][] = [
    ["host", () => hostPart(ctx)],
    ["pane", () => panePart(ctx, paneBuild)],
    ["playground", () => playgroundPart(ctx)],
    ["engine", enginePart],
    ["cli", cliPart],
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
  else throw new Error(`unknown child ${kind}`);
  process.stdout.write(JSON.stringify(out) + "\n");
}

(process.argv.includes("--child") ? child() : main()).catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

