/**
 * A second thread for `jixiao check` on a batch (issue 17): a folder of small workbooks is checked
 * file by file, each file on its own (the whole-workbook rules see one file), so a worker thread can
 * check some of the files while the main thread checks the others and writes every file's output in
 * the files' order — the same bytes as one thread gives.
 *
 * The worker is the same bundle started again (`new Worker(__filename)`): it reads a file, validates
 * it and sends back what the report prints of it (the findings whole, of each table only what the
 * text and JSON reports show: its id, sheet, range, title, project and framework). It is used only
 * where nothing needs a file's whole model afterwards (no --annotate, --fix or --report), and only
 * from the bundle (the TypeScript sources run in tests have no file a worker can load). JIXIAO_WORKERS=0
 * never starts one, JIXIAO_WORKERS=1 starts one whatever the machine's load.
 */
import { existsSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { validate, type ValidateOptions } from "../core/engine";
import type { Lang } from "../core/i18n";
import type { TargetTable } from "../core/model";
import type { FileResult } from "./format";
import { collectGarbage } from "./gc";
import { readInput } from "./input";

/** Files from this size on hold workbook models worth collecting before validation (see ./gc.ts). */
export const LARGE_FILE_BYTES = 1_000_000;

/** What checking one file gave: the file's result, or why it could not be read. */
export type Checked = { error: { code: string; message: string } } | { result: FileResult; warnings: string[] };

/** Read and validate one file (`shown` is its name in the report). */
export async function checkFile(file: string, shown: string, lang: Lang, options: ValidateOptions): Promise<Checked> {
  const input = await readInput(file, lang);
  if ("error" in input) return { error: input.error };
  const warnings = input.warnings;
  // the reader's garbage of a large file is collected before the engine allocates
  if (statSync(file).size >= LARGE_FILE_BYTES) collectGarbage();
  const checked = validate(input.grids, options);
  input.grids.length = 0; // the grids are the engine's now; nothing here holds them any longer
  return { result: { file: shown, tables: checked.tables, findings: checked.findings, ...(warnings.length ? { warnings } : {}) }, warnings };
}

/** Of a table, what the text and JSON reports print (format.ts: fileJson, fileTextLines). */
function reported(t: TargetTable): TargetTable {
  const slim = { id: t.id, sheet: t.sheet, rangeA1: t.rangeA1, title: t.title && { text: t.title.text }, projectName: t.projectName && { text: t.projectName.text }, framework: { id: t.framework.id } };
  return slim as unknown as TargetTable;
}

interface Job {
  i: number;
  file: string;
  shown: string;
}

interface Done {
  i: number;
  checked: Checked;
}

const ROLE = "jixiao-check-worker";

/** In the worker: check each file the main thread sends, and send back what it gave. */
export function serveChecks(): void {
  const { lang, options } = workerData as { lang: Lang; options: ValidateOptions };
  const port = parentPort;
  if (!port) return;
  port.on("message", (job: Job) => {
    void checkFile(job.file, job.shown, lang, options).then(
      (c) => {
        if ("result" in c) c.result.tables = c.result.tables.map(reported);
        port.postMessage({ i: job.i, checked: c } satisfies Done);
      },
      (e: unknown) => port.postMessage({ i: job.i, failed: (e as Error).message }),
    );
  });
  port.postMessage({ ready: true });
}

/** Whether this thread is a check worker (the bundle, started by CheckWorker). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

/**
 * The main thread's side: a worker that takes files while it is free. Files are handed over only
 * once it has started (a short batch is done before it is ready, and never waits for it), one or two
 * at a time; a file it could not check is checked again on the main thread.
 */
export class CheckWorker {
  private readonly worker: Worker;
  private ready = false;
  private dead = false;
  private readonly outstanding = new Map<number, Job>();
  private readonly results = new Map<number, Checked>();
  /** files it took and then failed: the main thread checks them */
  readonly returned: Job[] = [];
  private wake: (() => void) | undefined;

  /**
   * The worker for a batch, or undefined where one would not help: one core, or no core free (the
   * load average over the cores less one: a second thread then only competes with the first, and
   * pays its own start and warm-up), a short batch, not the bundle.
   */
  static start(fileCount: number, lang: Lang, options: ValidateOptions): CheckWorker | undefined {
    const workers = process.env.JIXIAO_WORKERS;
    if (workers === "0" || fileCount < 4 || cpus().length < 2) return undefined;
    if (workers !== "1" && loadavg()[0] > cpus().length - 1) return undefined;
    if (!__filename.endsWith(".js") || !existsSync(__filename)) return undefined;
    try {
      return new CheckWorker(lang, options);
    } catch {
      return undefined;
    }
  }

  private constructor(lang: Lang, options: ValidateOptions) {
    this.worker = new Worker(__filename, { workerData: { role: ROLE, lang, options }, stdout: false, stderr: false });
    this.worker.on("message", (m: { ready: true } | Done | { i: number; failed: string }) => {
      if ("ready" in m) this.ready = true;
      else {
        const job = this.outstanding.get(m.i);
        this.outstanding.delete(m.i);
        if ("checked" in m) this.results.set(m.i, m.checked);
        else if (job) this.returned.push(job);
      }
      this.notify();
    });
    const fail = () => {
      this.dead = true;
      this.ready = false;
      this.returned.push(...this.outstanding.values());
      this.outstanding.clear();
      this.notify();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", fail);
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Whether it takes another file now (it is running and has fewer than two). */
  get wantsWork(): boolean {
    return this.ready && !this.dead && this.outstanding.size < 2;
  }

  /** Whether it holds files not yet given back. */
  get busy(): boolean {
    return this.outstanding.size > 0;
  }

  give(job: Job): void {
    this.outstanding.set(job.i, job);
    this.worker.postMessage(job);
  }

  /** The result for file i, when the worker has given it back. */
  take(i: number): Checked | undefined {
    const r = this.results.get(i);
    if (r) this.results.delete(i);
    return r;
  }

  /** Until the worker says something (a result, that it is ready, that it failed). */
  next(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  async stop(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}
