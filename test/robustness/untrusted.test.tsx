/**
 * Imported libraries, configuration and the settings stored in a workbook are untrusted: whatever
 * they hold, parsing never throws, never pollutes a prototype (__proto__, constructor, prototype
 * keys at any depth), stays within its size limits, and text from a workbook or a library reaches
 * the pane as text, never as HTML.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { parseConfig } from "../../src/core/config";
import { validate } from "../../src/core/engine";
import type { Finding } from "../../src/core/finding";
import type { CellValue } from "../../src/core/grid";
import { importLibraryJson, importLibraryRows, TEMPLATE_COLUMNS } from "../../src/core/library/io";
import { LIMITS } from "../../src/core/library/schema";
import { main } from "../../src/cli/main";
import { parseMarksRecord, parseWorkbookSettings } from "../../src/host/types";
import { FindingItem } from "../../src/taskpane/components/FindingItem";

const FORBIDDEN = ["__proto__", "constructor", "prototype"];

/** JSON text with forbidden keys at random depths (built as text: an object literal cannot hold an own __proto__). */
const hostileJson: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v) ?? "null"),
    tie("object"),
    tie("array"),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...FORBIDDEN, "format", "version", "templates", "types", "rules", "lang", "ignored", "frameworkOverride", "sheets"), fc.string({ maxLength: 6 })), tie("value")), { maxLength: 4 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`),
  array: fc.array(tie("value"), { maxLength: 3 }).map((xs) => `[${xs.join(",")}]`),
})).value;

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTO_NAMES = Object.getOwnPropertyNames(Array.prototype).sort();

function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO_NAMES);
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
}

/** No own forbidden key anywhere in a parsed result. */
function expectClean(value: unknown, seen = new Set<unknown>()): void {
  if (!value || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  for (const k of Object.getOwnPropertyNames(value)) {
    expect(FORBIDDEN).not.toContain(k);
    expectClean((value as Record<string, unknown>)[k], seen);
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  expect(proto === Object.prototype || proto === Array.prototype || proto === null).toBe(true);
}

const POLLUTERS = [
  '{"__proto__": {"polluted": true, "isAdmin": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"rules": {"__proto__": {"polluted": "off"}}, "lang": "en"}',
  '{"format": "jixiao-library", "version": 1, "types": [], "templates": [{"__proto__": {"polluted": 1}, "id": "x"}]}',
  '{"ignored": [{"key": "k", "__proto__": {"polluted": 1}}], "frameworkOverride": {"__proto__": "core-2021", "constructor": "common"}}',
  '[{"__proto__": []}]',
];

describe("configuration (jixiao.config.json)", () => {
  it("never throws, never pollutes, and answers with a config or one message", () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, fc.string(), fc.constantFrom(...POLLUTERS)), (text) => {
        const r = parseConfig(text);
        if (r.ok) expectClean(r.config);
        else {
          expect(typeof r.message).toBe("string");
          expect(r.message.split("\n")).toHaveLength(1);
        }
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a file over 1 MB before parsing it", () => {
    const r = parseConfig(`{"placeholderWords": ["${"x".repeat(1_100_000)}"]}`);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/1 MB/) });
  });

  it("the CLI with a hostile config file: one clear line, exit 2, nothing polluted", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-config-"));
    try {
      const bad = path.join(dir, "bad.json");
      writeFileSync(bad, '{"__proto__": {"polluted": true}, "rules": {"constructor": "off", "x.y": "loud"}}');
      let err = "";
      const code = await main(["check", "--config", bad, path.join(__dirname, "..", "..", "examples", "seed001.xlsx")], { out: () => undefined, err: (s) => (err += s + "\n"), lang: "zh" });
      expect(code).toBe(2);
      expect(err.trim().split("\n")).toHaveLength(1);
      expect(err).toMatch(/配置文件.*rules\.x\.y/);
      expectNoPollution();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("user libraries (JSON and spreadsheet rows)", () => {
  it("JSON: never throws, never pollutes; a forbidden key anywhere rejects the file", () => {
    fc.assert(
      fc.property(fc.oneof(hostileJson, fc.string(), fc.constantFrom(...POLLUTERS)), (text) => {
        const r = importLibraryJson(text);
        expectClean(r.library);
        const forbidden = FORBIDDEN.some((k) => text.includes(`"${k}":`));
        if (forbidden) expect(r.ok).toBe(false);
        for (const i of r.issues) expect(typeof i.zh === "string" && typeof i.en === "string").toBe(true);
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });

  it("JSON: size limit, deep nesting and huge arrays give one clear issue", () => {
    const tooBig = importLibraryJson(" ".repeat(LIMITS.maxJsonChars + 1));
    expect(tooBig.ok).toBe(false);
    expect(tooBig.issues[0].en).toMatch(/too large/);
    const deep = importLibraryJson("[".repeat(100_000) + "]".repeat(100_000));
    expect(deep.ok).toBe(false);
    expect(deep.issues).toHaveLength(1);
    const many = importLibraryJson(JSON.stringify({ format: "jixiao-library", version: 1, types: [], templates: new Array(LIMITS.maxTemplates + 1).fill({}) }));
    expect(many.ok).toBe(false);
    expect(many.issues[0].en).toMatch(/too many templates/);
    expectNoPollution();
  });

  it("rows: hostile headers and cells never throw or pollute", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.constantFrom(...FORBIDDEN, "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")"), fc.double(), fc.boolean());
    const header = fc.shuffledSubarray([...TEMPLATE_COLUMNS, ...FORBIDDEN, "toString", "hasOwnProperty"], { minLength: 1 });
    fc.assert(
      fc.property(header, fc.array(fc.array(cell, { maxLength: 30 }), { maxLength: 6 }), fc.option(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 4 }), { nil: undefined }), (h, rows, types) => {
        const r = importLibraryRows({ templates: [h, ...rows], types });
        expectClean(r.library);
        expectNoPollution();
      }),
      { numRuns: 200 },
    );
    const tooMany = importLibraryRows({ templates: new Array<CellValue[]>(LIMITS.maxRows + 1).fill(["id"]) });
    expect(tooMany.ok).toBe(false);
  });

  it("an .xlsx library far out at column XFD is read without padding every row to it", async () => {
    // rows used to be padded with origin.col - 1 empty cells each: 5,000 rows at XFD took 1.2 GB
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-lib-"));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("templates");
      ["id", "level1", "level2", "name"].forEach((c, i) => (ws.getCell(1, 16_380 + i).value = c));
      for (let r = 2; r <= 300; r++) ["id", "level1", "level2", "name"].forEach((c, i) => (ws.getCell(r, 16_380 + i).value = `${c}${r}`));
      const file = path.join(dir, "lib.xlsx");
      await wb.xlsx.writeFile(file);
      const before = process.memoryUsage().heapUsed;
      let err = "";
      const code = await main(["library", "--import", file, "--format", "json"], { out: () => undefined, err: (s) => (err += s + "\n"), lang: "en" });
      expect(code).toBe(1); // the rows are incomplete templates: named row by row
      expect(err).toMatch(/row 2/);
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the library command never writes its inputs", () => {
  it("refuses --out equal to an imported file (also through another path to it), which stays byte-identical", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-libout-"));
    try {
      const file = path.join(dir, "mine.json");
      const text = JSON.stringify({ format: "jixiao-library", version: 1, types: [], templates: [] });
      writeFileSync(file, text);
      for (const out of [file, path.join(dir, ".", "mine.json")]) {
        let err = "";
        const code = await main(["library", "--import", file, "--format", "json", "--out", out], { out: () => undefined, err: (s) => (err += s + "\n"), lang: "zh" });
        expect(code).toBe(2);
        expect(err).toMatch(/覆盖/);
        expect(readFileSync(file, "utf8")).toBe(text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("settings stored in a workbook (anyone can edit a file)", () => {
  it("parseWorkbookSettings and parseMarksRecord never throw or pollute, whatever is stored", () => {
    const stored = fc.oneof(hostileJson, fc.string(), fc.constantFrom(...POLLUTERS), fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined));
    fc.assert(
      fc.property(stored, (v) => {
        const s = parseWorkbookSettings(v);
        expectClean(s);
        expect(Array.isArray(s.ignored) && Array.isArray(s.disabledRules)).toBe(true);
        const m = parseMarksRecord(v);
        if (m) expectClean(m);
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });
});

describe("text from a workbook reaches the pane as text", () => {
  const HOSTILE = ['<img src=x onerror="alert(1)">', "<script>alert(1)</script>", "javascript:alert(1)", "<iframe src=//evil>"];

  /** Attribute names of every element that start with "on" (values are skipped: escaped text may say anything). */
  function eventAttributes(html: string): string[] {
    const out: string[] = [];
    for (const tag of html.matchAll(/<[a-z][\w-]*((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
      for (const a of tag[1].matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)) if (/^on/i.test(a[1])) out.push(a[1]);
    }
    return out;
  }

  function render(f: Finding): string {
    return renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <FindingItem finding={f} lang="zh" selected disabled={false} onSelect={() => undefined} onFix={() => undefined} onIgnore={() => undefined} tabbable id="f1" />
      </FluentProvider>,
    );
  }

  it("findings quoting hostile cells render escaped (messages, values, fix labels, the table's names)", () => {
    const cells: CellValue[][] = [
      ["项目名称", HOSTILE[0]],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", HOSTILE[1], HOSTILE[0]],
      [null, null, HOSTILE[3], "≥ 90 ％"],
      [null, "质量指标", "合格率", HOSTILE[2]],
    ];
    const report = validate([{ sheet: HOSTILE[1], origin: { row: 1, col: 1 }, cells }]);
    expect(report.findings.length).toBeGreaterThan(0);
    const quoting = report.findings.filter((f) => HOSTILE.some((h) => f.message.includes(h) || f.value === h || f.indicator === h));
    expect(quoting.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      const html = render(f);
      expect(html).not.toMatch(/<(img|script|iframe)\b/i);
      expect(eventAttributes(html)).toEqual([]);
    }
    // and the hostile text is there, as text
    const html = render(quoting[0]);
    expect(html).toMatch(/&lt;(img|script|iframe)/);
  });

  it("a finding built entirely from hostile strings renders escaped", () => {
    const f: Finding = {
      rule: "vague.qualitative",
      category: "vague",
      severity: "error",
      sheet: HOSTILE[1],
      cell: "A1",
      row: 1,
      col: 1,
      message: HOSTILE.join(" "),
      value: HOSTILE[0],
      indicator: HOSTILE[3],
      key: "k",
      fix: { sheet: HOSTILE[1], cell: "A1", row: 1, col: 1, value: HOSTILE[1], previous: null, label: HOSTILE[0] },
    };
    const html = render(f);
    expect(html).not.toMatch(/<(img|script|iframe)\b/i);
    expect(eventAttributes(html)).toEqual([]);
    expect(html).toContain("&lt;img");
    // the check itself sees an event attribute when there is one
    expect(eventAttributes('<div title="a onclick=x"><img src="x" onerror="y"></div>')).toEqual(["onerror"]);
  });
});
