/**
 * Build the playground (Node, esbuild): the pane and the rendered workbook as ES modules with
 * lazy chunks (indicator library, exceljs), index.html with its CSP, and the example workbooks
 * copied next to it, so the output directory is a static site. Used by `npm run playground`
 * and the end-to-end tests; takes a couple of seconds.
 */
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import * as path from "path";
import { PLAYGROUND_CSP } from "../../src/playground/csp";

export const REPO = path.resolve(__dirname, "..", "..");

export interface BuildOptions {
  outDir: string;
  minify?: boolean;
  /** rebuild on change (returns the esbuild context; dispose() it to stop) */
  watch?: boolean;
}

export interface BuildResult {
  outDir: string;
  /** bytes per output file (relative path) */
  files: Record<string, number>;
  context?: esbuild.BuildContext;
}

function esbuildOptions(outDir: string, minify: boolean): esbuild.BuildOptions {
  return {
    absWorkingDir: REPO,
    entryPoints: { playground: path.join(REPO, "src/playground/index.tsx") },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["es2020", "chrome100"],
    jsx: "automatic",
    minify,
    sourcemap: "linked",
    chunkNames: "chunks/[name]-[hash]",
    define: { "process.env.NODE_ENV": JSON.stringify(minify ? "production" : "development") },
    logLevel: "warning",
    // exceljs's browser build without its core-js polyfills (the same library; the page's targets
    // have every built-in they add): 85 KB less to load and run before a file can be read
    alias: { exceljs: "exceljs/dist/exceljs.bare.min.js" },
    metafile: true,
    legalComments: "linked",
  };
}

function writeStatic(outDir: string): void {
  const html = readFileSync(path.join(REPO, "src/playground/playground.html"), "utf8").replace("%CSP%", PLAYGROUND_CSP);
  writeFileSync(path.join(outDir, "index.html"), html);
  // the tab's icon (the add-in's): without it the browser asks for /favicon.ico and logs a 404
  copyFileSync(path.join(REPO, "assets", "icon-32.png"), path.join(outDir, "icon-32.png"));
  const examples = path.join(outDir, "examples");
  mkdirSync(examples, { recursive: true });
  for (const f of readdirSync(path.join(REPO, "examples"))) {
    if (f.endsWith(".xlsx")) copyFileSync(path.join(REPO, "examples", f), path.join(examples, f));
  }
}

function sizes(meta: esbuild.Metafile | undefined, outDir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [file, o] of Object.entries(meta?.outputs ?? {})) out[path.relative(outDir, path.resolve(REPO, file))] = o.bytes;
  return out;
}

export async function buildPlayground(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const opts = esbuildOptions(outDir, options.minify ?? true);
  if (options.watch) {
    const context = await esbuild.context({
      ...opts,
      plugins: [{ name: "static", setup: (b) => b.onEnd(() => writeStatic(outDir)) }],
    });
    await context.rebuild();
    await context.watch();
    return { outDir, files: {}, context };
  }
  const result = await esbuild.build(opts);
  writeStatic(outDir);
  return { outDir, files: sizes(result.metafile, outDir) };
}
