/**
 * A CPU profile of the playground's first result, for finding where the time goes:
 *   npx esbuild bench/tools/playground-profile.ts --bundle --platform=node --outfile=build/bench/pgprof.js \
 *     --external:exceljs --external:playwright-core --external:esbuild && node build/bench/pgprof.js
 * writes bench/out/prof/playground.cpuprofile (summarise with bench/tools/profsum.js) and prints
 * resource timings.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { buildPlayground } from "../../tools/playground/build";
import { startStaticServer } from "../../tools/playground/server";
import { repoRoot } from "../generate";

(async () => {
  const root = repoRoot();
  const outDir = path.join(root, "bench", "out", "playground-dist");
  await buildPlayground({ outDir, minify: process.argv[2] !== "--no-minify" });
  const server = await startStaticServer([{ prefix: "/", dir: outDir }]);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await page.goto(`${server.url}index.html?example=seed000-stacked.xlsx`);
  await page.waitForSelector('[data-action="validate"]:not([disabled])');
  const ready = await page.evaluate(() => performance.now());
  await page.click('[data-action="validate"]');
  await page.waitForSelector('[data-testid="summary"]');
  const done = await page.evaluate(() => performance.now());
  const { profile } = await cdp.send("Profiler.stop");
  mkdirSync(path.join(root, "bench", "out", "prof"), { recursive: true });
  writeFileSync(path.join(root, "bench", "out", "prof", "playground.cpuprofile"), JSON.stringify(profile));
  const res = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => {
      const r = e as PerformanceResourceTiming;
      return `${r.name.split("/").pop()} start ${r.startTime.toFixed(0)} end ${r.responseEnd.toFixed(0)} ${r.transferSize} B`;
    }),
  );
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return `domContentLoaded ${n.domContentLoadedEventEnd.toFixed(0)} load ${n.loadEventEnd.toFixed(0)}`;
  });
  console.log(`ready ${ready.toFixed(0)} ms, first result ${done.toFixed(0)} ms; ${nav}\n${res.join("\n")}`);
  await browser.close();
  await server.close();
})();
