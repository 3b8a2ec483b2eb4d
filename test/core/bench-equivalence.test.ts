/**
 * The engine's complete output on the benchmark's synthetic workbooks (bench/generate.ts), pinned by
 * digest: speed work on the engine (issue 7) must not change a single table, finding or message.
 * test/fixtures/bench-digests.json was written by the engine before that work; for each workbook it
 * holds a digest of the recognised tables and, per rule, the number of findings and a digest of
 * them (every field, message and fix included), so a failure names the rules whose output moved.
 *
 * A deliberate change of recognition or of a rule changes these digests too: once the seed findings
 * (seed-findings.test.ts) are reviewed, rewrite this file with
 *   UPDATE_BENCH_DIGESTS=1 npx jest test/core/bench-equivalence
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { GENERATOR_VERSION, generateWorkbook, toGrids, type Layout } from "../../bench/generate";
import { validate, type Report } from "../../src/core/engine";
import type { Lang } from "../../src/core/finding";

const FIXTURE = path.join(__dirname, "..", "fixtures", "bench-digests.json");

interface Digest {
  tables: number;
  tablesDigest: string;
  findings: number;
  ignored: number;
  sheetsWithoutTables: number;
  /** rule id -> "count digest" */
  rules: Record<string, string>;
  /** digest of the whole findings list in order */
  order: string;
}

interface FixtureFile {
  generatorVersion: number;
  workbooks: Record<string, Digest>;
}

const CASES: { name: string; tables: number; seed: number; layout: Layout; lang: Lang }[] = [
  { name: "1000 tables, mixed layout, zh", tables: 1000, seed: 7, layout: "mixed", lang: "zh" },
  { name: "1000 tables, mixed layout, en", tables: 1000, seed: 1001, layout: "mixed", lang: "en" },
  { name: "300 tables, stacked, zh", tables: 300, seed: 11, layout: "stacked", lang: "zh" },
  { name: "300 tables, one per sheet, zh", tables: 300, seed: 12, layout: "one-per-sheet", lang: "zh" },
];

const sha = (x: unknown) => createHash("sha1").update(JSON.stringify(x)).digest("hex").slice(0, 16);

function digest(report: Report): Digest {
  const byRule = new Map<string, unknown[]>();
  for (const f of report.findings) {
    const list = byRule.get(f.rule) ?? [];
    list.push(f);
    byRule.set(f.rule, list);
  }
  const rules: Record<string, string> = {};
  for (const id of [...byRule.keys()].sort()) {
    const list = byRule.get(id) as unknown[];
    rules[id] = `${list.length} ${sha(list)}`;
  }
  return {
    tables: report.tables.length,
    tablesDigest: sha(report.tables),
    findings: report.findings.length,
    ignored: report.ignored.length,
    sheetsWithoutTables: report.sheetsWithoutTables.length,
    rules,
    order: sha(report.findings.map((f) => `${f.rule}|${f.sheet}|${f.cell}|${f.key}`)),
  };
}

function run(c: (typeof CASES)[number]): Digest {
  return digest(validate(toGrids(generateWorkbook(c.tables, c.seed, c.layout)), { lang: c.lang }));
}

const update = process.env.UPDATE_BENCH_DIGESTS === "1";

describe("the engine on the synthetic benchmark workbooks", () => {
  if (update) {
    it("writes test/fixtures/bench-digests.json", () => {
      const out: FixtureFile = { generatorVersion: GENERATOR_VERSION, workbooks: {} };
      for (const c of CASES) out.workbooks[c.name] = run(c);
      writeFileSync(FIXTURE, JSON.stringify(out, null, 2) + "\n");
    });
    return;
  }
  const expected = JSON.parse(readFileSync(FIXTURE, "utf8")) as FixtureFile;

  it("uses the generator the digests were taken with", () => {
    // a new generator version makes new workbooks: rewrite the digests (see the top of this file)
    expect(`bench/generate.ts version ${GENERATOR_VERSION}`).toBe(`bench/generate.ts version ${expected.generatorVersion}`);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s: the same tables and findings as before", (_name, c) => {
    const want = expected.workbooks[c.name];
    const got = run(c);
    const changed = [...new Set([...Object.keys(want.rules), ...Object.keys(got.rules)])]
      .filter((id) => want.rules[id] !== got.rules[id])
      .map((id) => `  ${id}: ${want.rules[id] ?? "none"} -> ${got.rules[id] ?? "none"}`);
    if (changed.length) throw new Error(`findings changed, by rule (count digest):\n${changed.join("\n")}`);
    expect(got).toEqual(want);
  });
});
