/**
 * Nothing leaks, nothing runs that should not: a scan of every source file that ships (src/**) for
 * dynamic code (eval, new Function, string timers), HTML injection sinks, network calls and
 * network modules outside an explicit allowlist; no telemetry package among the dependencies;
 * a Content-Security-Policy on every page of the pane.
 *
 * The end-to-end test (test/e2e/playground.test.ts) records every request the running pane makes.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const SRC = path.join(ROOT, "src");

function filesUnder(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.test(name)) out.push(p);
  }
  return out;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");

/** Source without comments, so that prose about eval or fetch does not count (strings stay). */
function code(text: string, file: string): string {
  if (file.endsWith(".html")) return text.replace(/<!--[\s\S]*?-->/g, "");
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const SOURCES = filesUnder(SRC, /\.(ts|tsx|js|mjs|cjs|html)$/).map((f) => ({ file: rel(f), text: code(readFileSync(f, "utf8"), f) }));

interface Pattern {
  name: string;
  re: RegExp;
  /** files where the pattern is allowed, with the reason */
  allow?: Record<string, string>;
}

const DYNAMIC_CODE: Pattern[] = [
  { name: "eval", re: /(^|[^\w.])eval\s*\(/ },
  { name: "new Function", re: /new\s+Function\s*\(/ },
  { name: "Function constructor call", re: /(^|[^\w.])Function\s*\(\s*["'`]/ },
  { name: "string timer", re: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/ },
  { name: "innerHTML/outerHTML", re: /\.(?:inner|outer)HTML\s*=/ },
  { name: "insertAdjacentHTML", re: /insertAdjacentHTML/ },
  { name: "document.write", re: /document\.write/ },
  { name: "dangerouslySetInnerHTML", re: /dangerouslySetInnerHTML/ },
  { name: "javascript: URL", re: /javascript:/i },
  { name: "dynamic import of a URL", re: /import\(\s*["'`]https?:/ },
];

const NETWORK: Pattern[] = [
  {
    name: "fetch",
    re: /(^|[^\w.])fetch\s*\(/,
    allow: { "src/playground/load.ts": "the playground page loads the bundled example workbooks from its own origin (examples/…)" },
  },
  { name: "XMLHttpRequest", re: /XMLHttpRequest/ },
  { name: "sendBeacon", re: /sendBeacon/ },
  { name: "WebSocket", re: /WebSocket/ },
  { name: "EventSource", re: /EventSource/ },
  { name: "importScripts", re: /importScripts/ },
  { name: "new Image (tracking pixel)", re: /new\s+Image\s*\(/ },
  {
    name: "Node network module",
    re: /from\s+["'](?:node:)?(?:http|https|http2|net|tls|dgram|dns)["']|require\(\s*["'](?:node:)?(?:http|https|http2|net|tls|dgram|dns)["']\s*\)/,
    // the playground's static file server (tools/playground/server.ts) is build tooling, not shipped: not scanned
  },
];

/** Hosts a source file may name: Office.js (CSP and its script tag) and the local development servers. */
const ALLOWED_HOSTS = new Set(["appsforoffice.microsoft.com", "ajax.aspnetcdn.com", "localhost", "127.0.0.1"]);

function violations(patterns: Pattern[], sources = SOURCES): string[] {
  const out: string[] = [];
  for (const { file, text } of sources) {
    for (const p of patterns) {
      if (!p.re.test(text)) continue;
      if (p.allow?.[file]) continue;
      const line = text.split("\n").findIndex((l) => p.re.test(l));
      out.push(`${file}:${line + 1}: ${p.name}`);
    }
  }
  return out;
}

describe("the shipped sources (src/**)", () => {
  it("are all scanned", () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    expect(SOURCES.some((s) => s.file.startsWith("src/taskpane/"))).toBe(true);
    expect(SOURCES.some((s) => s.file.endsWith(".html"))).toBe(true);
  });

  it("run no dynamic code and write no HTML from strings", () => {
    expect(violations(DYNAMIC_CODE)).toEqual([]);
  });

  it("make no network call outside the allowlist", () => {
    expect(violations(NETWORK)).toEqual([]);
  });

  it("the scanner finds what it looks for, and ignores comments", () => {
    const bad = [
      "const f = new Function('return 1');",
      "window.eval(x); eval(y)",
      "setTimeout('alert(1)', 10)",
      "el.innerHTML = text",
      "<div dangerouslySetInnerHTML={{ __html: m }} />",
      "await fetch('https://example.com')",
      "navigator.sendBeacon(u, d)",
      "new XMLHttpRequest()",
      'import * as https from "node:https";',
    ].map((t, i) => ({ file: `src/x${i}.ts`, text: code(t, "x.ts") }));
    const hit = new Set(violations([...DYNAMIC_CODE, ...NETWORK], bad).map((v) => v.split(":")[0]));
    expect([...hit].sort()).toEqual(bad.map((b) => b.file).sort());
    const prose = [{ file: "src/ok.ts", text: code("// never eval( or fetch( here\n/* new Function( */ const evaluate = 1; x.refetch(); retrieval(3)", "ok.ts") }];
    expect(violations([...DYNAMIC_CODE, ...NETWORK], prose)).toEqual([]);
  });

  it("allowlist entries still exist (a stale allowlist hides nothing)", () => {
    for (const p of NETWORK) for (const f of Object.keys(p.allow ?? {})) expect(SOURCES.some((s) => s.file === f && p.re.test(s.text))).toBe(true);
  });

  it("name no host but Office.js's and localhost", () => {
    const hosts = new Map<string, string>();
    for (const { file, text } of SOURCES) {
      for (const m of text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) if (!ALLOWED_HOSTS.has(m[1].toLowerCase())) hosts.set(m[1], file);
    }
    expect([...hosts].map(([h, f]) => `${f}: ${h}`)).toEqual([]);
  });

  it("the fetch the playground makes stays on its own origin", () => {
    const load = SOURCES.find((s) => s.file === "src/playground/load.ts")?.text ?? "";
    for (const m of load.matchAll(/fetch\s*\(\s*([^)]*)\)/g)) expect(m[1]).toMatch(/^`examples\//);
  });
});

/**
 * The built pane (dist/, from `npm run build`), when one is present: the bundles include React and
 * Fluent UI, so they are scanned too. Skipped on a fresh clone (CI runs the source scan above).
 */
const DIST = path.join(ROOT, "dist");
const bundles = (() => {
  try {
    // dist/office-js/ is the bundled copy of Office.js itself (JIXIAO_OFFICEJS=bundled): the one allowed exception
    return readdirSync(DIST).filter((n) => n.endsWith(".js")).map((n) => path.join(DIST, n));
  } catch {
    return [];
  }
})();
(bundles.length ? describe : describe.skip)("the built pane (dist/*.js)", () => {
  it("makes no network call and runs no eval; the only Function constructor is webpack's unreachable global shim", () => {
    const found: string[] = [];
    for (const f of bundles) {
      const text = readFileSync(f, "utf8");
      for (const [name, re] of [
        ["fetch", /(^|[^\w.])fetch\s*\(/g],
        ["XMLHttpRequest", /XMLHttpRequest/g],
        ["sendBeacon", /sendBeacon/g],
        ["WebSocket", /new\s+WebSocket/g],
        ["EventSource", /new\s+EventSource/g],
        ["eval", /(^|[^\w.])eval\s*\(/g],
      ] as const) {
        for (const m of text.matchAll(re)) found.push(`${rel(f)}@${m.index}: ${name}`);
      }
      // webpack's runtime: `this || new Function('return this')()` only where globalThis is missing.
      // Two library idioms in lazy chunks are unreachable too (and the pages' CSP has no 'unsafe-eval'):
      // zod's capability probe `try { new Function("") } catch`, never run because the pane sets
      // zod's `jitless` before loading a schema (state/library.ts); and exceljs's setImmediate
      // polyfill `typeof cb != "function" && (cb = new Function("" + cb))`, never given a string.
      const probes = [/try\{return new Function\(""\),!0\}catch/g, /"function"!=typeof (\w)&&\(\1=new Function\(""\+\1\)\)/g];
      const scanned = probes.reduce((t, re) => t.replace(re, ""), text);
      const fns = [...scanned.matchAll(/new Function\(([^)]*)\)/g)].map((m) => m[1]);
      for (const a of fns) if (a !== "'return this'" && a !== '"return this"') found.push(`${rel(f)}: new Function(${a})`);
    }
    expect(found).toEqual([]);
  });
});

describe("dependencies", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; version?: string }> };
  const TELEMETRY = /(^|[/@-])(applicationinsights|sentry|mixpanel|segment|posthog|amplitude|datadog|dd-trace|newrelic|bugsnag|logrocket|react-ga|universal-analytics|google-analytics|gtag|rollbar|honeybadger|fullstory|hotjar|heap-api|opentelemetry|usage-data|telemetry|appcenter)([/-]|$)/i;
  /**
   * Dev-only packages that match, and why they are harmless. office-addin-usage-data 3.x is a
   * no-op ("usage data reporting has been removed"); it comes with the dev-certs / manifest /
   * mock tools and is never bundled.
   */
  const DEV_ALLOW: Record<string, string> = { "office-addin-usage-data": "3.x is a no-op kept for API compatibility; dev tooling only" };

  it("no telemetry package is a dependency", () => {
    const direct = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
    expect(direct.filter((d) => TELEMETRY.test(d))).toEqual([]);
  });

  it("no telemetry package is installed for production, and dev-only ones are known no-ops", () => {
    const found = Object.entries(lock.packages)
      .filter(([k]) => k.startsWith("node_modules/"))
      .map(([k, v]) => ({ name: k.slice(k.lastIndexOf("node_modules/") + "node_modules/".length), dev: v.dev === true, version: v.version ?? "" }))
      .filter((p) => TELEMETRY.test(p.name));
    expect(found.filter((p) => !p.dev)).toEqual([]);
    for (const p of found) expect(DEV_ALLOW[p.name]).toBeDefined();
    const usage = found.find((p) => p.name === "office-addin-usage-data");
    if (usage) expect(Number(usage.version.split(".")[0])).toBeGreaterThanOrEqual(3);
  });
});

/**
 * The facts SECURITY.md states about `npm audit --omit=dev`, pinned so that it stays true: the
 * packages of the production tree that once had advisories are at fixed versions, and the one
 * remaining advisory (uuid < 11.1.1, GHSA-w5hq-g745-h8pq: v3/v5/v6 with a caller's buffer) is
 * reachable only through exceljs, which calls v4() without a buffer.
 */
describe("the production dependency tree (SECURITY.md, npm audit)", () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean; version?: string; dependencies?: Record<string, string> }>;
  };
  const prod = Object.entries(lock.packages).filter(([k, v]) => k.startsWith("node_modules/") && !v.dev);
  const versions = (name: string) => prod.filter(([k]) => k.endsWith(`node_modules/${name}`)).map(([, v]) => v.version ?? "0.0.0");
  const atLeast = (v: string, min: string) => {
    const a = v.split(/[.-]/).map(Number);
    const b = min.split(".").map(Number);
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
    return true;
  };

  it.each([
    ["tmp", ["0.2.4"]], // GHSA-52f5-9888-hmc6
    ["brace-expansion", ["1.1.12", "2.0.2"]], // CVE-2025-5889
    ["minimatch", ["3.1.4", "5.1.9"]], // exceljs#3024: the advisory covers minimatch <= 3.1.3; 5.1.9 checked unaffected there
    ["jszip", ["3.8.0"]], // GHSA-jg8v-48h5-wgxg, CVE-2022-48285
    ["fstream", ["1.0.12"]], // CVE-2019-13173
  ] as const)("%s is at a fixed version", (name, mins) => {
    const vs = versions(name);
    expect(vs.length).toBeGreaterThan(0);
    for (const v of vs) {
      const sameMajor = mins.find((m) => m.split(".")[0] === v.split(".")[0]) ?? mins[0];
      expect(`${name}@${v} ${atLeast(v, sameMajor) ? ">=" : "<"} ${sameMajor}`).toBe(`${name}@${v} >= ${sameMajor}`);
    }
  });

  it("uuid (GHSA-w5hq-g745-h8pq below 11.1.1) is reached only through exceljs, which calls v4() without a buffer", () => {
    const users = prod.filter(([, v]) => v.dependencies?.uuid).map(([k]) => k);
    expect(users).toEqual(["node_modules/exceljs"]);
    const exceljsUses = filesUnder(path.join(ROOT, "node_modules", "exceljs", "lib"), /\.js$/)
      .map((f) => readFileSync(f, "utf8"))
      .flatMap((t) => [...t.matchAll(/uuid\w*\s*\(([^)]*)\)|require\(["']uuid["']\)[^;]*/g)].map((m) => m[0]));
    expect(exceljsUses.length).toBeGreaterThan(0);
    for (const u of exceljsUses) expect(u).toMatch(/^const \{v4: uuidv4\} = require\('uuid'\)$|^uuidv4\(\)$|^require\('uuid'\)$/);
    expect(SOURCES.filter((s) => /["']uuid["']/.test(s.text))).toEqual([]);
  });
});

describe("Content-Security-Policy on every page of the pane", () => {
  const pages = SOURCES.filter((s) => s.file.endsWith(".html"));

  function csp(text: string): Map<string, string[]> {
    const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(text);
    const out = new Map<string, string[]>();
    if (!m) return out;
    for (const d of m[1].split(";").map((x) => x.trim()).filter(Boolean)) {
      const [name, ...values] = d.split(/\s+/);
      out.set(name, values);
    }
    return out;
  }

  it.each(["src/taskpane/taskpane.html", "src/commands/commands.html", "src/playground/playground.html"])("%s has one", (file) => {
    expect(pages.some((p) => p.file === file)).toBe(true);
  });

  it.each(pages.map((p) => [p.file, p] as const))("%s: default-src 'self', no eval, no inline script, no plug-ins, connections to self and Office.js only", (_, page) => {
    let policy = csp(page.text);
    if (page.text.includes('content="%CSP%"')) {
      // the playground fills its policy in at build time from src/playground/csp.ts
      const src = SOURCES.find((s) => s.file === "src/playground/csp.ts")?.text ?? "";
      const joined = [...src.matchAll(/"([a-z-]+-src [^"]*|[a-z-]+ '[^"]*)"/g)].map((m) => m[1]).join("; ");
      policy = csp(`<meta http-equiv="Content-Security-Policy" content="${joined}"`);
    }
    expect(policy.size).toBeGreaterThan(0);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    const script = policy.get("script-src") ?? policy.get("default-src") ?? [];
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script.every((s) => s === "'self'" || /^https:\/\/(appsforoffice\.microsoft\.com|ajax\.aspnetcdn\.com)$/.test(s))).toBe(true);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    const connect = policy.get("connect-src") ?? policy.get("default-src") ?? [];
    expect(connect.every((s) => s === "'self'" || s === "https://appsforoffice.microsoft.com")).toBe(true);
    // no inline script on the page itself (the policy would block it anyway)
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
  });
});
