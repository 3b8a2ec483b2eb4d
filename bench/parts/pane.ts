/**
 * The task pane and the playground.
 *
 *   pane        `webpack --mode production` (the add-in's own build, webpack.config.js) into
 *               bench/out/pane-dist; the initial JavaScript is every local script that
 *               taskpane.html loads (Office.js comes from Microsoft's CDN and is not counted), each
 *               gzipped with zlib's default level 6 as a web server would; lazily loaded chunks are
 *               listed for the record. The build is reused while its inputs are unchanged.
 *   playground  the playground's own build (tools/playground/build.ts, minified) served by its own
 *               static server; headless Chromium (/usr/bin/chromium, playwright-core) opens
 *               index.html?example=seed000-stacked.xlsx in a fresh browser context (empty cache)
 *               each run. A script injected before the page's own clicks 校验 as soon as the button
 *               is enabled and records performance.now() (ms since navigation start) when the first
 *               result summary appears.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { median, round, type PartContext, type PartResult } from "./util";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const EXAMPLE = "seed000-stacked.xlsx";

function listFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out);
    else out.push(p);
  }
  return out;
}

/** A hash of everything the pane build reads: sources, assets, manifest, config, lockfile. */
function paneInputsHash(root: string): string {
  const h = createHash("sha1");
  const files = [
    ...listFiles(path.join(root, "src")),
    ...listFiles(path.join(root, "assets")),
    ...["webpack.config.js", "manifest.xml", "package-lock.json", "tsconfig.json"].map((f) => path.join(root, f)),
  ]
    .filter((f) => existsSync(f))
    .sort();
  for (const f of files) h.update(path.relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function paneLanded(root: string): string | undefined {
  if (!existsSync(path.join(root, "webpack.config.js"))) return "webpack.config.js has not landed yet";
  if (!existsSync(path.join(root, "src", "taskpane", "index.tsx"))) return "the task pane entry (src/taskpane/index.tsx) has not landed yet";
  return undefined;
}

export interface PaneBuild {
  outDir: string;
  reused: boolean;
  seconds: number;
}

/** Build the pane (or reuse the last build when its inputs are unchanged). Start early: it takes a while. */
export function buildPane(root: string, log: (s: string) => void): Promise<PaneBuild> {
  const outDir = path.join(root, "bench", "out", "pane-dist");
  const stamp = path.join(root, "bench", "out", "pane-dist.inputs");
  const hash = paneInputsHash(root);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash && existsSync(path.join(outDir, "taskpane.html"))) {
    return Promise.resolve({ outDir, reused: true, seconds: 0 });
  }
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
    const child = spawn(process.execPath, [webpack, "--mode", "production", "--output-path", outDir], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`webpack --mode production failed (exit ${code}): ${err.trim().split("\n").slice(-5).join(" | ")}`));
      writeFileSync(stamp, hash);
      const seconds = (performance.now() - t0) / 1000;
      log(`  pane: production build in ${round(seconds, 1)} s`);
      resolve({ outDir, reused: false, seconds });
    });
  });
}

const gz = (file: string): number => gzipSync(readFileSync(file)).length;

export async function panePart(ctx: PartContext, build?: Promise<PaneBuild>): Promise<PartResult> {
  const missing = paneLanded(ctx.root);
  if (missing) return { keys: { pane_initial_kb_gz: null }, details: { landed: false }, missing };
  const b = await (build ?? buildPane(ctx.root, ctx.log));
  const html = readFileSync(path.join(b.outDir, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
  const local = scripts.filter((s) => !/^(https?:)?\/\//.test(s));
  const initial = local.map((s) => {
    const file = path.join(b.outDir, s.replace(/^\.?\//, ""));
    return { file: s, bytes: statSync(file).size, gzip: gz(file) };
  });
  const initialNames = new Set(initial.map((i) => path.basename(i.file)));
  const lazy = readdirSync(b.outDir)
    .filter((f) => f.endsWith(".js") && !initialNames.has(f))
    .map((f) => ({ file: f, bytes: statSync(path.join(b.outDir, f)).size, gzip: gz(path.join(b.outDir, f)) }));
  const kb = initial.reduce((a, i) => a + i.gzip, 0) / 1024;
  ctx.log(
    `  pane initial JS ${round(kb, 1)} KB gzipped (${initial.map((i) => `${i.file} ${round(i.bytes / 1024, 0)} KB raw`).join(", ")}); ` +
      `not counted: Office.js from the CDN${lazy.length ? `; other chunks ${lazy.map((l) => `${l.file} ${round(l.gzip / 1024, 1)} KB gz`).join(", ")}` : ""}`,
  );
  return {
    keys: { pane_initial_kb_gz: round(kb, 1) },
    details: { initial, otherChunks: lazy, external: scripts.filter((s) => !local.includes(s)), buildReused: b.reused, buildSeconds: round(b.seconds, 1), gzipLevel: 6 },
  };
}

// ---------------------------------------------------------------------------------------------

/** Runs in the page before its own scripts: click 校验 when it is enabled, note when a result shows. */
const PROBE = `(() => {
  const w = window;
  w.__bench = { clickedAt: null, firstResultAt: null };
  const check = () => {
    const b = w.__bench;
    if (b.clickedAt === null) {
      const btn = document.querySelector('[data-action="validate"]');
      if (btn && !btn.disabled && btn.getAttribute("aria-disabled") !== "true") {
        b.clickedAt = performance.now();
        btn.click();
      }
    }
    if (b.clickedAt !== null && b.firstResultAt === null && document.querySelector('[data-testid="summary"]')) {
      b.firstResultAt = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  const start = () => { obs.observe(document, { childList: true, subtree: true, attributes: true }); check(); };
  if (document.documentElement) start(); else document.addEventListener("DOMContentLoaded", start);
})();`;

interface PlaygroundModule {
  buildPlayground(o: { outDir: string; minify?: boolean }): Promise<{ outDir: string; files: Record<string, number> }>;
}
interface ServerModule {
  startStaticServer(mounts: { prefix: string; dir: string }[], port?: number, host?: string): Promise<{ url: string; close(): Promise<void> }>;
}

export async function playgroundPart(ctx: PartContext): Promise<PartResult> {
  const dir = path.join(ctx.root, "tools", "playground");
  if (!existsSync(path.join(dir, "build.ts")) || !existsSync(path.join(dir, "server.ts"))) {
    return { keys: { playground_first_result_ms: null }, details: { landed: false }, missing: "the playground (tools/playground/build.ts, server.ts) has not landed yet" };
  }
  if (!existsSync(CHROMIUM)) {
    return { keys: { playground_first_result_ms: null }, details: { chromium: CHROMIUM }, missing: `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` };
  }
  // the playground's own build and server, as `npm run playground` and the e2e tests use them
  const { buildPlayground } = (await import("../../tools/playground/build")) as PlaygroundModule;
  const { startStaticServer } = (await import("../../tools/playground/server")) as ServerModule;
  const { chromium } = await import("playwright-core");

  const outDir = path.join(ctx.root, "bench", "out", "playground-dist");
  mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  const built = await buildPlayground({ outDir, minify: true });
  const buildSeconds = (performance.now() - t0) / 1000;
  const server = await startStaticServer([{ prefix: "/", dir: outDir }]);
  const profile = mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-chromium-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const runs = ctx.quick ? 3 : 7;
  const first: number[] = [];
  const ready: number[] = [];
  const requests = new Set<string>();
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
      await context.addInitScript({ content: PROBE });
      context.on("request", (r) => requests.add(new URL(r.url()).origin));
      const page = await context.newPage();
      await page.goto(`${server.url}index.html?example=${EXAMPLE}`);
      await page.waitForFunction(() => (window as unknown as { __bench?: { firstResultAt: number | null } }).__bench?.firstResultAt != null, undefined, { timeout: 60_000 });
      const b = await page.evaluate(() => (window as unknown as { __bench: { clickedAt: number; firstResultAt: number } }).__bench);
      first.push(b.firstResultAt);
      ready.push(b.clickedAt);
      await context.close();
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const ms = median(first);
  const initialJs = Object.entries(built.files)
    .filter(([f]) => f.endsWith(".js"))
    .reduce((a, [, bytes]) => a + bytes, 0);
  ctx.log(
    `  playground first result ${round(ms, 0)} ms after navigation start (validate button ready at ${round(median(ready), 0)} ms; ` +
      `runs ${first.map((x) => round(x, 0)).join(", ")}; build ${round(buildSeconds, 1)} s)`,
  );
  return {
    keys: { playground_first_result_ms: round(ms, 0) },
    details: {
      example: EXAMPLE,
      runs: first.map((x) => round(x, 1)),
      readyMs: round(median(ready), 1),
      validateToResultMs: round(ms - median(ready), 1),
      origins: [...requests],
      buildSeconds: round(buildSeconds, 1),
      jsBytesAllChunks: initialJs,
    },
  };
}
