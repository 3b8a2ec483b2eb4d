/**
 * Every real table of the corpus and the seeds reads the same when its sheet is laid out the ways
 * users' copies of it are: moved down and right (rows and columns before it), stacked twice on one
 * sheet (two submissions pasted into one), and with every merged cell of a column written out on
 * each of its rows (what system exports and "unmerge and fill" give). Compared: each table's kind,
 * project, money unit, budget, framework and every indicator's levels, name, target, unit and weight.
 */
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import type { Grid } from "../../src/core/grid";
import { recognizeWorkbook } from "../../src/core/recognize";
import { readModelOf } from "../../src/core/readModel";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";

const ROOT = path.join(__dirname, "..", "..");
const corpus = (dir: string) =>
  readdirSync(path.join(ROOT, "examples", "corpus", dir))
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => `corpus/${dir}/${f}`);
const FILES = [...corpus("targets"), ...corpus("self-evaluation"), ...corpus("monitoring"), "seed000-stacked.xlsx", "seed001.xlsx", "seed002.xlsx"];

const width = (g: Grid) => Math.max(0, ...g.cells.map((r) => r.length));
const blankRows = (n: number, w: number) => Array.from({ length: n }, () => new Array(w).fill(null));

/** `dr` empty rows above and `dc` empty columns left of everything. */
function moved(g: Grid, dr: number, dc: number): Grid {
  const w = width(g);
  const pad = <T>(r: readonly T[] | undefined) => [...new Array(dc).fill(null), ...(r ?? []), ...new Array(w - (r?.length ?? 0)).fill(null)];
  return {
    ...g,
    cells: [...blankRows(dr, w + dc), ...g.cells.map(pad)],
    numberFormats: g.numberFormats && [...blankRows(dr, w + dc), ...g.numberFormats.map(pad)],
    merges: g.merges?.map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc })),
  };
}

/** The sheet twice, one under the other, `gap` empty rows between. */
function twice(g: Grid, gap: number): Grid {
  const w = width(g);
  const n = g.cells.length + gap;
  return {
    ...g,
    cells: [...g.cells, ...blankRows(gap, w), ...g.cells],
    numberFormats: g.numberFormats && [...g.numberFormats, ...blankRows(gap, w), ...g.numberFormats],
    merges: [...(g.merges ?? []), ...(g.merges ?? []).map((m) => ({ ...m, top: m.top + n, bottom: m.bottom + n }))],
  };
}

/** Each merge within one column written out: its value on every row, the merge gone. */
function writtenOut(g: Grid): Grid {
  const cells = g.cells.map((r) => [...r]);
  const vertical = (g.merges ?? []).filter((m) => m.left === m.right);
  for (const m of vertical) {
    const v = cells[m.top - g.origin.row]?.[m.left - g.origin.col] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = cells[r - g.origin.row];
      if (row) row[m.left - g.origin.col] = v;
    }
  }
  return { ...g, cells, merges: (g.merges ?? []).filter((m) => m.left !== m.right) };
}

/**
 * Column `k` made two columns wide, as templates draw a wide column: an empty column after it and
 * each of its cells merged over both (a merge that already reaches `k` grows by one).
 */
function widened(g: Grid, k: number): Grid {
  const at = k - g.origin.col + 1;
  const insert = <T>(r: readonly T[] | undefined) => {
    const x: (T | null)[] = [...(r ?? [])];
    while (x.length < at) x.push(null);
    x.splice(at, 0, null);
    return x;
  };
  const merges = (g.merges ?? []).map((m) => (m.left > k ? { ...m, left: m.left + 1, right: m.right + 1 } : m.right >= k ? { ...m, right: m.right + 1 } : m));
  g.cells.forEach((r, i) => {
    const row = i + g.origin.row;
    const v = r[k - g.origin.col];
    const inMerge = (g.merges ?? []).some((m) => m.top <= row && m.bottom >= row && m.left <= k && m.right >= k);
    if (!inMerge && v !== null && v !== undefined && v !== "") merges.push({ top: row, bottom: row, left: k, right: k + 1 });
  });
  return { ...g, cells: g.cells.map(insert), numberFormats: g.numberFormats?.map(insert), merges };
}

/**
 * The columns whose widening changes what is read, and why. A row moved sideways (a page break's
 * shifted row) moves by the table's columns, a wide one counting once (shiftedColumn), so the seeds'
 * shifted rows read the same. Known, not wanted: a change elsewhere fails the test, and so does one
 * of these reading the same again (then take it off the list).
 */
const WIDENING_CHANGES: Record<string, number[]> = {
  // the copy's last line, a lone 公共服务 where the OCR copy is cut off: with column B wide it is no longer taken for a name
  "corpus/self-evaluation/07_chongqing_kexuecheng_rongmeiti_zhengti_OCR_TRUNCATED.xlsx": [2],
};

function reading(grids: Grid[]): string[] {
  return recognizeWorkbook(grids).map((t) => {
    const m = readModelOf(t);
    return JSON.stringify({
      kind: m.kind,
      project: m.project,
      unit: m.moneyUnit,
      budget: [m.budget.total, m.budget.fiscal, m.budget.other, m.budget.carryOver],
      framework: m.framework,
      indicators: m.indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.unit, i.weight, i.period ?? null]),
    });
  });
}

const gridsOf = async (file: string) => (await readWorkbookGrids(readFileSync(path.join(ROOT, "examples", file)))).grids;

describe("the corpus and seed tables read the same however the sheet is laid out", () => {
  it.each(FILES)("%s", async (file) => {
    const grids = await gridsOf(file);
    const base = reading(grids);
    expect(base.length).toBeGreaterThan(0);
    expect(reading(grids.map((g) => moved(g, 3, 2)))).toEqual(base);
    expect(reading(grids.map((g) => twice(g, 3))).sort()).toEqual([...base, ...base].sort());
    expect(reading(grids.map(writtenOut))).toEqual(base);
  });
});

describe("the corpus and seed tables read the same with any column drawn two columns wide", () => {
  it.each(FILES)("%s", async (file) => {
    const grids = await gridsOf(file);
    const base = reading(grids);
    const first = grids[0].origin.col;
    const last = first + Math.max(...grids.map(width)) - 1;
    const changed: number[] = [];
    for (let k = first; k <= last; k++) if (JSON.stringify(reading(grids.map((g) => widened(g, k)))) !== JSON.stringify(base)) changed.push(k);
    expect(changed).toEqual(WIDENING_CHANGES[file] ?? []);
  });
});

/**
 * Columns `a` and `a + 1` exchanged from row `top` to `bottom` (header and grid), their one-column
 * merges with them; undefined when a wider merge crosses them there.
 */
function swapped(g: Grid, a: number, top: number, bottom: number): Grid | undefined {
  const inRows = (m: { top: number; bottom: number }) => m.bottom >= top && m.top <= bottom;
  if ((g.merges ?? []).some((m) => inRows(m) && m.left <= a + 1 && m.right >= a && m.left !== m.right)) return undefined;
  const at = a - g.origin.col;
  const swap = <T>(r: readonly T[] | undefined, i: number): T[] | undefined => {
    if (!r) return undefined;
    const row = i + g.origin.row;
    const x = [...r];
    if (row < top || row > bottom) return x;
    while (x.length < at + 2) x.push(null as T);
    [x[at], x[at + 1]] = [x[at + 1], x[at]];
    return x;
  };
  const merges = (g.merges ?? []).map((m) => (inRows(m) && m.left === m.right && (m.left === a || m.left === a + 1) ? { ...m, left: 2 * a + 1 - m.left, right: 2 * a + 1 - m.left } : m));
  return { ...g, cells: g.cells.map((r, i) => swap(r, i) ?? []), numberFormats: g.numberFormats?.map((r, i) => swap(r ?? undefined, i) ?? []), merges };
}

/** The swaps that change what is read, as WIDENING_CHANGES: seed 001's page-break rows (56, 80, 84), moved by one column, read otherwise once two columns are exchanged. */
const SWAP_CHANGES: Record<string, number[]> = { "seed001.xlsx": [4] };

/** What is read, each table's entries in an order of their own (two value columns exchanged list their periods the other way). */
const readingInAnyOrder = (grids: Grid[]) =>
  recognizeWorkbook(grids).map((t) => {
    const m = readModelOf(t);
    const entries = m.indicators.map((i) => JSON.stringify([i.level1, i.level2, i.name, i.value, i.unit, i.weight, i.period ?? null])).sort();
    return JSON.stringify({ kind: m.kind, project: m.project, budget: m.budget.total, framework: m.framework, entries });
  });

describe("the corpus and seed tables read the same with two neighbouring columns right of the names exchanged (templates order them differently)", () => {
  it.each(FILES)("%s", async (file) => {
    const grids = await gridsOf(file);
    const tables = recognizeWorkbook(grids);
    const base = readingInAnyOrder(grids);
    const changed: number[] = [];
    for (const t of tables) {
      const h = t.header;
      const g = grids.find((x) => x.sheet === t.sheet);
      if (!h || h.columns.level3 === undefined || !g || tables.filter((x) => x.sheet === t.sheet).length > 1) continue;
      const cols = Object.values(h.columns).filter((c): c is number => c !== undefined && c > (h.columns.level3 as number)).sort((x, y) => x - y);
      for (let k = 0; k + 1 < cols.length; k++) {
        if (cols[k + 1] !== cols[k] + 1) continue;
        const s = swapped(g, cols[k], h.row, t.range.bottom);
        if (s && JSON.stringify(readingInAnyOrder(grids.map((x) => (x === g ? s : x)))) !== JSON.stringify(base)) changed.push(cols[k]);
      }
    }
    expect(changed).toEqual(SWAP_CHANGES[file] ?? []);
  });
});

/**
 * Above the grid, each name label (项目名称, 单位名称, 项目支出名称 …) and the value right of it written
 * as one cell, "项目名称：value" — as a table typed in Word or a form filled in one box is.
 */
function namesInline(g: Grid, headerRow: number): Grid {
  const cells = g.cells.map((r, i) => {
    const x = [...r];
    if (i + g.origin.row >= headerRow) return x;
    for (let c = 0; c + 1 < x.length; c++) {
      const v = x[c];
      if (typeof v !== "string" || !/名称\s*$/.test(v)) continue;
      let d = c + 1;
      while (d < x.length && (x[d] === null || x[d] === undefined || x[d] === "")) d++;
      const value = x[d];
      if (d >= x.length || value === null || value === undefined || (typeof value === "string" && /名称\s*$/.test(value))) continue;
      x[c] = `${v}：${String(value)}`;
      x[d] = null;
      c = d;
    }
    return x;
  });
  return { ...g, cells };
}

describe("the corpus and seed tables read the same with 项目名称：… written in one cell", () => {
  it.each(FILES)("%s", async (file) => {
    const grids = await gridsOf(file);
    const tables = recognizeWorkbook(grids);
    const base = reading(grids);
    const inline = grids.map((g) => {
      const t = tables.find((x) => x.sheet === g.sheet && x.header);
      return t?.header ? namesInline(g, t.header.row) : g;
    });
    expect(reading(inline)).toEqual(base);
  });
});
