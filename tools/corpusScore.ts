/**
 * How well Jixiao reads the corpus: every field of test/fixtures/corpus-reading.json (written by hand
 * from the published tables, examples/corpus/) against what the reader gets from the corpus workbooks.
 *
 *   npx ts-node --transpile-only tools/corpusScore.ts        a score per file and every miss
 *
 * test/core/recognize.corpus.test.ts asserts that nothing is missed.
 */
import { readFileSync } from "fs";
import * as path from "path";
import type { TargetTable } from "../src/core/model";
import { recognizeWorkbook } from "../src/core/recognize";
import { readModelOf } from "../src/core/readModel";
import { readWorkbookGrids } from "../src/host/xlsx/readWorkbook";

interface ExpectedIndicator {
  row: number;
  level1: string | null;
  level2: string | null;
  name: string | null;
  value: string | null;
  operator?: string | null;
  unit?: string | null;
  previous?: string | null;
}

interface ExpectedTable {
  title: string | null;
  project: string | null;
  moneyUnit: string | null;
  budget: { total: number | null; fiscal: number | null; other: number | null; carryOver: number | null };
  framework: string | null;
  header: number;
  goal: string | null;
  term?: string;
  indicators: ExpectedIndicator[];
}

export interface Expectation {
  file: string;
  complete: boolean;
  tables: ExpectedTable[];
}

export interface Check {
  file: string;
  /** "table 1 project", "table 1 row 12 level2" */
  what: string;
  expected: unknown;
  actual: unknown;
  ok: boolean;
}

const ROOT = path.resolve(__dirname, "..");
export const EXPECTATIONS: Expectation[] = JSON.parse(readFileSync(path.join(ROOT, "test", "fixtures", "corpus-reading.json"), "utf8"));

function workbookOf(file: string): string {
  return path.join(ROOT, "examples", "corpus", file.replace(/\.tsv$/, ".xlsx"));
}

export async function tablesOf(file: string): Promise<TargetTable[]> {
  const { grids } = await readWorkbookGrids(readFileSync(workbookOf(file)));
  return recognizeWorkbook(grids);
}

/** A file's list of checks and the way to add one: a field expected and read, equal or not. */
function checker(file: string): { checks: Check[]; add: (what: string, expected: unknown, actual: unknown) => void } {
  const checks: Check[] = [];
  const add = (what: string, expected: unknown, actual: unknown) =>
    void checks.push({ file, what, expected, actual, ok: JSON.stringify(expected ?? null) === JSON.stringify(actual ?? null) });
  return { checks, add };
}

/** Every field of one file's expectation against the tables read. */
export function checkFile(e: Expectation, tables: TargetTable[]): Check[] {
  const { checks, add } = checker(e.file);
  add("tables", e.tables.length, tables.length);
  e.tables.forEach((x, i) => {
    const t = tables[i];
    const at = `table ${i + 1}`;
    if (!t) {
      add(`${at} missing`, x.project, null);
      return;
    }
    const m = readModelOf(t);
    add(`${at} title`, x.title, m.title);
    add(`${at} project`, x.project, m.project);
    add(`${at} moneyUnit`, x.moneyUnit, m.moneyUnit);
    for (const k of ["total", "fiscal", "other", "carryOver"] as const) add(`${at} budget.${k}`, x.budget[k], m.budget[k]);
    add(`${at} framework`, x.framework, t.framework.matched ? t.framework.id : null);
    add(`${at} header`, x.header, t.header?.row);
    add(`${at} goal`, x.goal, t.texts.goals[0]?.text ?? null);
    if (x.term) add(`${at} term`, x.term, t.term);
    add(`${at} indicators`, x.indicators.length, t.indicators.length);
    x.indicators.forEach((xi, j) => {
      const ind = t.indicators[j];
      const r = `${at} row ${xi.row}`;
      if (!ind) {
        add(`${r} missing`, xi.name, null);
        return;
      }
      add(`${r} row`, xi.row, ind.row);
      add(`${r} level1`, xi.level1, ind.level1?.text ?? null);
      add(`${r} level2`, xi.level2, ind.level2?.text ?? null);
      add(`${r} name`, xi.name, ind.name?.text ?? null);
      add(`${r} value`, xi.value, ind.value?.text ?? null);
      if ("operator" in xi) add(`${r} operator`, xi.operator, ind.operator?.text ?? null);
      if ("unit" in xi) add(`${r} unit`, xi.unit, ind.unit?.text ?? null);
      if ("previous" in xi) add(`${r} previous`, xi.previous, ind.priorValue?.text ?? null);
    });
  });
  return checks;
}

/**
 * The self-evaluation and monitoring tables' expectations (test/fixtures/corpus-selfeval-reading.json,
 * format in its note): a self-evaluation gives execution and each indicator's actual, weight and
 * score; a monitoring table gives budget instead, and its indicators level1, level2, name and value.
 */
export interface SelfEvalExpectation {
  file: string;
  complete: boolean;
  tables: {
    kind: string;
    project: string | null;
    moneyUnit: string | null;
    execution?: Record<"initial" | "budget" | "spent" | "rate" | "weight" | "score", number | null>;
    budget?: Record<"total" | "fiscal" | "other", number | null>;
    indicators: {
      row: number;
      level1: string | null;
      level2: string | null;
      name: string | null;
      value: string | null;
      actual?: string | null;
      weight?: number | null;
      score?: number | null;
    }[];
  }[];
}

export const SELF_EVAL_EXPECTATIONS: SelfEvalExpectation[] = JSON.parse(readFileSync(path.join(ROOT, "test", "fixtures", "corpus-selfeval-reading.json"), "utf8")).files;

/** Every field of a self-evaluation or monitoring file's expectation; indicators are matched by their row. */
export function checkSelfEvalFile(e: SelfEvalExpectation, tables: TargetTable[]): Check[] {
  const { checks, add } = checker(e.file);
  add("tables", e.tables.length, tables.length);
  e.tables.forEach((x, i) => {
    const t = tables[i];
    const at = `table ${i + 1}`;
    if (!t) return add(`${at} missing`, x.project, null);
    const m = readModelOf(t);
    add(`${at} kind`, x.kind, m.kind);
    add(`${at} project`, x.project, m.project);
    add(`${at} moneyUnit`, x.moneyUnit, m.moneyUnit);
    if (x.execution) for (const k of ["initial", "budget", "spent", "rate", "weight", "score"] as const) add(`${at} execution.${k}`, x.execution[k], m.execution?.[k] ?? null);
    if (x.budget) for (const k of ["total", "fiscal", "other"] as const) add(`${at} budget.${k}`, x.budget[k], m.budget[k]);
    add(`${at} indicator rows`, x.indicators.map((xi) => xi.row), m.indicators.map((mi) => mi.row));
    for (const xi of x.indicators) {
      const mi = m.indicators.find((r) => r.row === xi.row);
      const r = `${at} row ${xi.row}`;
      if (!mi) {
        add(`${r} missing`, xi.name, null);
        continue;
      }
      add(`${r} level1`, xi.level1, mi.level1);
      add(`${r} level2`, xi.level2, mi.level2);
      add(`${r} name`, xi.name, mi.name);
      add(`${r} value`, xi.value, mi.value);
      if ("actual" in xi) add(`${r} actual`, xi.actual, mi.actual ?? null);
      if ("weight" in xi) add(`${r} weight`, xi.weight, mi.weight);
      if ("score" in xi) add(`${r} score`, xi.score, mi.score ?? null);
    }
  });
  return checks;
}

export async function scoreCorpus(): Promise<Check[]> {
  const out: Check[] = [];
  for (const e of EXPECTATIONS) out.push(...checkFile(e, await tablesOf(e.file)));
  for (const e of SELF_EVAL_EXPECTATIONS) out.push(...checkSelfEvalFile(e, await tablesOf(e.file)));
  return out;
}

async function main(): Promise<void> {
  const checks = await scoreCorpus();
  const files = [...new Set(checks.map((c) => c.file))];
  let ok = 0;
  for (const f of files) {
    const mine = checks.filter((c) => c.file === f);
    const good = mine.filter((c) => c.ok).length;
    ok += good;
    process.stdout.write(`${String(Math.round((100 * good) / mine.length)).padStart(3)}%  ${good}/${mine.length}  ${f}\n`);
    for (const c of mine.filter((x) => !x.ok)) process.stdout.write(`        ${c.what}: expected ${JSON.stringify(c.expected)}, read ${JSON.stringify(c.actual)}\n`);
  }
  process.stdout.write(`\nreading score: ${ok}/${checks.length} fields (${((100 * ok) / checks.length).toFixed(1)}%) over ${files.length} tables\n`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
