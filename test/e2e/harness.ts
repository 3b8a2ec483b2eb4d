/**
 * What the end-to-end suites share: the playground built and served locally, Debian's Chromium
 * (or CHROMIUM_PATH; never a downloaded browser) with a fresh profile, every request recorded,
 * and the checks run inside the page (contrast, axe-core).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildPlayground, REPO } from "../../tools/playground/build";
import { startStaticServer, type StaticServer } from "../../tools/playground/server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const IN_CI = process.env.CI === "true";
export const ARTIFACTS = path.join(REPO, "test-artifacts");
export { REPO };

export interface Harness {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  /** every URL the page asked for */
  requests: string[];
  /** page errors, console errors and CSP violations */
  problems: string[];
  close(): Promise<void>;
}

export async function startHarness(viewport = { width: 1280, height: 800 }): Promise<Harness> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-site-"));
  const profile = mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-profile-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  await buildPlayground({ outDir, minify: true });
  const server = await startStaticServer([{ prefix: "/", dir: outDir }]);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: "zh-CN",
    timeout: 30_000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  context.setDefaultTimeout(15_000);
  const requests: string[] = [];
  const problems: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  return {
    server,
    context,
    page,
    requests,
    problems,
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      for (const d of [outDir, profile]) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** Wait until the pane has nothing running. */
export const busyDone = (page: Page) => page.waitForSelector('[data-testid="pane"][data-busy=""]');

/**
 * Until the page's CSS transitions and animations have ended: a view fading in (Fluent UI's motion)
 * has its colours half-way for a moment, which a contrast check taken then reports (a flaky failure
 * of the new-table form's contrast).
 */
export const animationsDone = (page: Page) =>
  page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // (one that never ends — a spinner — is not waited for)
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)))
        .map((a) => a.finished.catch(() => undefined)),
    ).then(() => undefined),
  );

/** A count button's number (data-count="error" …). */
export const badge = async (page: Page, what: string) => Number(await page.getAttribute(`[data-count="${what}"]`, "data-n"));

/**
 * Text in the pane whose contrast with its background is below WCAG AA (4.5:1, or 3:1 for large
 * text), as "ratio text" lines. Backgrounds are found by walking up to the first opaque one.
 */
export async function lowContrast(page: Page): Promise<string[]> {
  await animationsDone(page);
  return page.$eval('[data-testid="pane-frame"]', (root) => {
    type Rgb = { r: number; g: number; b: number; a: number };
    const parse = (c: string): Rgb => {
      const m = (c.match(/[\d.]+/g) ?? ["0", "0", "0"]).map(Number);
      return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 };
    };
    const lum = (c: Rgb) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    const background = (el: Element | null): Rgb => {
      for (; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll("*"))) {
      if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? "").trim())) continue;
      if ((el as HTMLElement).closest("[disabled], [aria-disabled='true']")) continue; // WCAG exempts inactive controls
      const cs = getComputedStyle(el);
      // not drawn: hidden itself or inside something hidden (the 指标库 view kept mounted while another is shown)
      if (cs.visibility === "hidden" || cs.display === "none" || el.getClientRects().length === 0) continue;
      const [a, b] = [lum(parse(cs.color)), lum(background(el))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (Number(cs.fontWeight) >= 700 && size >= 18.66);
      if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)} ${(el.textContent ?? "").trim().slice(0, 40)}`);
    }
    return out;
  });
}

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core run inside the page over the pane (WCAG 2 A/AA rules, contrast included): the serious
 * and critical violations, as "rule: target (summary)" lines.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await animationsDone(page);
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  // evaluated by the browser's debugger protocol, not by a script tag: the page's CSP stays as it is
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(
      // Tabster's focus sentinels (<i data-tabster-dummy>, Fluent UI's arrow-key groups) are focusable and
      // aria-hidden by design: they hand the focus on at once and are never read out
      { include: [['[data-testid="pane-frame"]']], exclude: [["[data-tabster-dummy]"]] },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] },
    );
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(" ")} (${(n.failureSummary ?? "").split("\n").slice(0, 2).join(" ")})`));
  });
}

/** Is the element entirely inside the pane's visible area (no scrolling needed to see it)? */
export async function visibleInPane(page: Page, selector: string): Promise<{ visible: boolean; top: number; bottom: number; paneBottom: number }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const frame = document.querySelector('[data-testid="pane-frame"]');
    if (!el || !frame) return { visible: false, top: -1, bottom: -1, paneBottom: -1 };
    const a = el.getBoundingClientRect();
    const b = frame.getBoundingClientRect();
    const paneBottom = Math.min(b.bottom, window.innerHeight);
    return { visible: a.top >= b.top && a.bottom <= paneBottom, top: Math.round(a.top), bottom: Math.round(a.bottom), paneBottom: Math.round(paneBottom) };
  }, selector);
}

/** What has the keyboard focus, described by its data attributes. */
export function focused(page: Page): Promise<{ tag: string; row: string | null; action: string | null; entry: string | null; tab: string | null; current: string | null; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      row: el?.getAttribute("data-row") ?? null,
      action: el?.getAttribute("data-action") ?? null,
      entry: el?.closest("[data-entry]")?.getAttribute("data-entry") ?? null,
      tab: el?.getAttribute("data-tab") ?? null,
      current: el?.getAttribute("aria-current") ?? null,
      text: (el?.textContent ?? "").trim().slice(0, 60),
    };
  });
}

/**
 * Press `key` until `done` says so (at most `max` times). True when it did; else the focus trail,
 * so a failing walk says where the focus went.
 */
export async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 40): Promise<true | string[]> {
  const trail: string[] = [];
  for (let i = 0; i < max; i++) {
    if (await done()) return true;
    await page.keyboard.press(key);
    const f = await focused(page);
    trail.push(`${f.tag}${f.action ? `[${f.action}]` : ""}${f.tab ? `{${f.tab}}` : ""}${f.row ? `(${f.row.slice(0, 24)})` : ""} ${f.text.slice(0, 16)}`);
  }
  return (await done()) ? true : trail;
}
