/**
 * Property tests: the reader reads a table by its evidence (words, what the cells hold), not by
 * positions. Each real seed table of the example workbooks is laid out the way other provinces'
 * templates lay it out, and the read model (readModelOf) must be the one of the seed:
 *
 *   1. the header block starting columns LEFT of the grid (columns inserted before the grid rows),
 *      or WIDER than it (columns inserted inside or right of the block, its cells merged over them);
 *   2. a side-label column before the grid (绩效指标 written once, merged down), the header block
 *      keeping its columns;
 *   3. the money unit in the title line (金额单位：万元 in the title row's last column, or a unit line
 *      above or under the title) instead of where the seed declares it; a seed without a unit gets it;
 *   4. the 一级/二级 labels repeated on every indicator row, merges removed (system exports);
 *   5. the value header split over two rows (指标值 over 半年 / 全年, or over 年度).
 *
 * What legitimately changes is undone before comparing: the table's `range` is left out, every
 * cell address (each indicator's `cell` and `row`, the budget's `cell`) is mapped back to the seed's
 * coordinates. Where a seed table sits is found with the reader itself (recognizeTables: header row,
 * range, label columns), never hard-coded.
 *
 * A failure prints the shrunk counterexample (the seed sheet and the transformation's parameters);
 * FC_RUNS=500 npx jest test/robustness/layoutProperties searches harder.
 */
import fc from "fast-check";
import { parseA1, rangeToA1, toA1, valueAt, type CellRange, type CellRef, type CellValue, type Grid } from "../../src/core/grid";
import type { MoneyUnit, TargetTable } from "../../src/core/model";
import { recognizeTables } from "../../src/core/recognize";
import { readModelOf, type ReadIndicator, type ReadTable } from "../../src/core/readModel";
import { loadExampleGrids } from "../helpers/examples";

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 50) };

const SEED_FILES = ["seed000.xlsx", "seed001.xlsx", "seed002.xlsx"] as const;

interface Seed {
  /** "seed000.xlsx!01 宣传费": what a counterexample names */
  id: string;
  grid: Grid;
  /** the one table the reader finds on the sheet */
  table: TargetTable;
}

const seeds = new Map<string, Seed>();

beforeAll(async () => {
  for (const file of SEED_FILES) {
    for (const grid of await loadExampleGrids(file)) {
      const tables = recognizeTables(grid);
      if (tables.length !== 1 || !tables[0].header) throw new Error(`${file}!${grid.sheet}: expected one table with a header, got ${tables.length}`);
      seeds.set(`${file}!${grid.sheet}`, { id: `${file}!${grid.sheet}`, grid, table: tables[0] });
    }
  }
});

function seedIds(filter: (s: Seed) => boolean = () => true): string[] {
  const ids = [...seeds.values()].filter(filter).map((s) => s.id);
  if (ids.length === 0) throw new Error("no seed table fits");
  return ids;
}

function seedOf(id: string): Seed {
  const s = seeds.get(id);
  if (!s) throw new Error(`unknown seed ${id}`);
  return s;
}

function headerOf(t: TargetTable): NonNullable<TargetTable["header"]> {
  if (!t.header) throw new Error(`${t.id}: no header`);
  return t.header;
}

/* ---------------------------------------------------------------------------------------------
 * A sheet being re-laid out: cells, number formats and merges in sheet coordinates, and the way
 * back from the new coordinates to the seed's (null for a cell the layout added).
 * ------------------------------------------------------------------------------------------- */

type Back = (row: number, col: number) => CellRef | null;

class Layout {
  readonly sheet: string;
  readonly origin: CellRef;
  cells: CellValue[][];
  formats: (string | null)[][];
  merges: CellRange[];
  back: Back = (row, col) => ({ row, col });

  constructor(g: Grid) {
    this.sheet = g.sheet;
    this.origin = { ...g.origin };
    const width = Math.max(0, ...g.cells.map((r) => r.length));
    this.cells = g.cells.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null));
    this.formats = g.cells.map((_, i) => Array.from({ length: width }, (_, j) => g.numberFormats?.[i]?.[j] ?? null));
    this.merges = (g.merges ?? []).map((m) => ({ ...m }));
  }

  get bottom(): number {
    return this.origin.row + this.cells.length - 1;
  }

  get left(): number {
    return this.origin.col;
  }

  get(row: number, col: number): CellValue {
    return this.cells[row - this.origin.row]?.[col - this.origin.col] ?? null;
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.get(row, col);
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  set(row: number, col: number, v: CellValue, format: string | null = null): void {
    const i = row - this.origin.row;
    const j = col - this.origin.col;
    if (i < 0 || i >= this.cells.length || j < 0) throw new Error(`set outside the sheet: ${toA1(row, col)}`);
    while (this.cells[i].length <= j) this.cells[i].push(null);
    while (this.formats[i].length <= j) this.formats[i].push(null);
    this.cells[i][j] = v;
    this.formats[i][j] = format;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col);
  }

  private then(step: Back): void {
    const prev = this.back;
    this.back = (row, col) => {
      const p = step(row, col);
      return p ? prev(p.row, p.col) : null;
    };
  }

  /**
   * Insert `k` empty columns after sheet column `after` in the rows fromRow..toRow (only there: the
   * other rows keep their columns). Merges in those rows move with their cells; one that spans the
   * insertion point, or ends at `after` when `extend`, grows over the new columns. With `extend`, a
   * filled cell at `after` is merged over the new columns too (a wider template: the same cells,
   * drawn wider).
   */
  insertColumns(fromRow: number, toRow: number, after: number, k: number, extend: boolean): void {
    const j = after - this.origin.col + 1;
    if (j < 0) throw new Error(`insertColumns before the sheet: ${after}`);
    const unmergedFilled: number[] = [];
    for (let r = fromRow; r <= toRow; r++) if (extend && after >= this.origin.col && !this.isEmpty(r, after) && !this.mergeAt(r, after)) unmergedFilled.push(r);
    for (let r = fromRow; r <= toRow; r++) {
      const i = r - this.origin.row;
      if (i < 0 || i >= this.cells.length) continue;
      while (this.cells[i].length < j) this.cells[i].push(null);
      while (this.formats[i].length < j) this.formats[i].push(null);
      this.cells[i].splice(j, 0, ...Array<CellValue>(k).fill(null));
      this.formats[i].splice(j, 0, ...Array<string | null>(k).fill(null));
    }
    for (const m of this.merges) {
      if (m.bottom < fromRow || m.top > toRow) continue;
      if (m.top < fromRow || m.bottom > toRow) throw new Error(`merge ${rangeToA1(m)} crosses the rows ${fromRow}–${toRow}`);
      if (m.left > after) {
        m.left += k;
        m.right += k;
      } else if (m.right > after || (extend && m.right === after)) m.right += k;
    }
    for (const r of unmergedFilled) this.merges.push({ top: r, left: after, bottom: r, right: after + k });
    this.then((row, col) => {
      if (row < fromRow || row > toRow || col <= after) return { row, col };
      return col <= after + k ? null : { row, col: col - k };
    });
  }

  /** Insert an empty row before sheet row `before`; a merge over the insertion point grows over it. */
  insertRow(before: number): void {
    const i = before - this.origin.row;
    if (i < 0 || i > this.cells.length) throw new Error(`insertRow outside the sheet: ${before}`);
    const width = Math.max(0, ...this.cells.map((r) => r.length));
    this.cells.splice(i, 0, Array<CellValue>(width).fill(null));
    this.formats.splice(i, 0, Array<string | null>(width).fill(null));
    for (const m of this.merges) {
      if (m.top >= before) {
        m.top++;
        m.bottom++;
      } else if (m.bottom >= before) m.bottom++;
    }
    this.then((row, col) => (row === before ? null : { row: row > before ? row - 1 : row, col }));
  }

  grid(): Grid {
    return { sheet: this.sheet, origin: { ...this.origin }, cells: this.cells, numberFormats: this.formats, merges: this.merges };
  }
}

/* ---------------------------------------------------------------------------------------------
 * Comparing read models
 * ------------------------------------------------------------------------------------------- */

type Comparable = Omit<ReadTable, "range">;

function readModels(grid: Grid): ReadTable[] {
  return recognizeTables(grid).map(readModelOf);
}

/** A read model in the seed's coordinates: no range, every cell mapped back ("new:E3" and a negative row for what the layout added). */
function inSeedCoordinates(t: ReadTable, back: Back): Comparable {
  const cellBack = (a: string | null): string | null => {
    if (a === null || a === "") return a;
    const p = parseA1(a);
    const q = back(p.row, p.col);
    return q ? toA1(q.row, q.col) : `new:${a}`;
  };
  const rowBack = (ind: ReadIndicator): number => {
    const col = ind.cell ? parseA1(ind.cell).col : 1;
    return back(ind.row, col)?.row ?? -ind.row;
  };
  const { range: _range, ...rest } = t;
  return {
    ...rest,
    budget: { ...t.budget, cell: cellBack(t.budget.cell) },
    indicators: t.indicators.map((ind) => ({ ...ind, row: rowBack(ind), cell: cellBack(ind.cell) ?? "" })),
  };
}

const identity: Back = (row, col) => ({ row, col });

function seedModel(seed: Seed): Comparable {
  return inSeedCoordinates(readModelOf(seed.table), identity);
}

function laidOutModels(layout: Layout): Comparable[] {
  return readModels(layout.grid()).map((t) => inSeedCoordinates(t, layout.back));
}

/**
 * The first difference between two read models, as a short line ('[0].indicators[3].level2: expected
 * "数量指标", got null'), so that a failing property names what the reader got wrong, not a 200-line diff.
 */
function firstDifference(expected: unknown, actual: unknown, path = ""): string | undefined {
  if (Object.is(expected, actual)) return undefined;
  if (typeof expected !== "object" || typeof actual !== "object" || expected === null || actual === null) {
    return `${path || "(root)"}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length !== actual.length) {
    // name what one side has and the other has not
    const json = (xs: unknown[]) => new Set(xs.map((x) => JSON.stringify(x)));
    const [e, a] = [json(expected), json(actual)];
    const extra = actual.filter((x) => !e.has(JSON.stringify(x)));
    const missing = expected.filter((x) => !a.has(JSON.stringify(x)));
    const first = (xs: unknown[]) => (xs.length ? ` (first ${JSON.stringify(xs[0])})` : "");
    return `${path}: ${expected.length} expected, ${actual.length} read; ${extra.length} extra${first(extra)}, ${missing.length} missing${first(missing)}`;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const k of keys) {
    const d = firstDifference((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], Array.isArray(expected) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return undefined;
}

/**
 * The laid-out sheet reads as the seed: `adjust` the seed's model for what the transformation means
 * to change (a unit it adds), `compare` what both models are compared on (all of them unless said).
 */
function expectSameRead(seed: Seed, layout: Layout, opts: { adjust?: (m: Comparable) => Comparable; compare?: (m: Comparable) => Comparable } = {}): void {
  const { adjust = (m) => m, compare = (m) => m } = opts;
  const expected = [compare(adjust(seedModel(seed)))];
  const actual = laidOutModels(layout).map(compare);
  const d = firstDifference(expected, actual);
  if (d) throw new Error(`${seed.id}: ${d}`);
  expect(actual).toEqual(expected);
}

/** Indicators without their period (5: compared on their own). */
function withoutPeriods(m: Comparable): Comparable {
  return { ...m, indicators: m.indicators.map(({ period: _p, ...ind }) => ind) };
}

/* ---------------------------------------------------------------------------------------------
 * The transformations
 * ------------------------------------------------------------------------------------------- */

/** The header block's rows: from the table's top to the row above the indicator header. */
function blockRows(t: TargetTable): { top: number; bottom: number } {
  return { top: t.range.top, bottom: headerOf(t).row - 1 };
}

/** 1a. `k` empty columns before the grid rows (header row to the sheet's end); the block optionally stretched to the grid's new right edge. */
function blockLeftOfGrid(seed: Seed, k: number, stretch: boolean): Layout {
  const t = seed.table;
  const l = new Layout(seed.grid);
  const b = blockRows(t);
  l.insertColumns(b.bottom + 1, l.bottom, l.left - 1, k, false);
  if (stretch) l.insertColumns(b.top, b.bottom, t.range.right, k, true);
  return l;
}

/** 1b. `k` columns inserted in the header block's rows after its column `after`, the cells there merged over them. */
function blockWider(seed: Seed, after: number, k: number): Layout {
  const b = blockRows(seed.table);
  const l = new Layout(seed.grid);
  l.insertColumns(b.top, b.bottom, after, k, true);
  return l;
}

/** 2. A side-label column before the grid rows, its word once (header row or first grid row) merged down to the grid's end. */
function sideLabelColumn(seed: Seed, word: string, onHeaderRow: boolean, widenBlock: boolean): Layout {
  const t = seed.table;
  const h = headerOf(t);
  const l = new Layout(seed.grid);
  l.insertColumns(h.row, l.bottom, l.left - 1, 1, false);
  const at = onHeaderRow ? h.row : (h.subRow ?? h.row) + 1;
  const col = l.left;
  l.set(at, col, word);
  if (t.range.bottom > at) l.merges.push({ top: at, left: col, bottom: t.range.bottom, right: col });
  if (widenBlock) l.insertColumns(t.range.top, h.row - 1, t.range.right, 1, true);
  return l;
}

/** A money unit declared in a label or a line: 单位：万元, (万元), （元）, 金额单位:元. */
const UNIT_DECLARATION = /\s*(?:[(（]\s*(?:金额)?(?:单位\s*[:：]\s*)?(?:亿元|万元|元)\s*[)）]|(?:金额)?单位\s*[:：]\s*(?:亿元|万元|元))/g;

const UNIT_SPELLINGS = [(u: string) => `金额单位：${u}`, (u: string) => `单位：${u}`, (u: string) => `单位:${u}`, (u: string) => `（单位：${u}）`, (u: string) => `金额单位:${u}`];

type UnitPlace = "title-row" | "line-above" | "line-under-title";

/**
 * 3. The money unit in the title line: every declaration in the header block removed (项目资金 (万元)
 * -> 项目资金), the unit written in the last column of the title row (the title's merge shortened to
 * make room), or on a line of its own above the block or under the title.
 */
function unitInTitleLine(seed: Seed, unitText: string, place: UnitPlace): Layout {
  const t = seed.table;
  const b = blockRows(t);
  const l = new Layout(seed.grid);
  for (let r = b.top; r <= b.bottom; r++)
    for (let c = l.left; c <= t.range.right; c++) {
      const v = l.get(r, c);
      if (typeof v !== "string" || v.length > 40) continue;
      const stripped = v.replace(UNIT_DECLARATION, "");
      if (stripped !== v) l.set(r, c, stripped.trim() === "" ? null : stripped, l.formats[r - l.origin.row][c - l.origin.col]);
    }
  const right = t.range.right;
  const titleRow = t.title?.row ?? b.top;
  if (place === "title-row") {
    const m = l.mergeAt(titleRow, right);
    if (m) {
      if (m.left === right) l.merges.splice(l.merges.indexOf(m), 1);
      else m.right = right - 1;
    }
    if (!l.isEmpty(titleRow, right)) throw new Error(`${seed.id}: the title row's last cell ${toA1(titleRow, right)} is not free`);
    l.set(titleRow, right, unitText);
  } else {
    const row = place === "line-above" ? b.top : titleRow + 1;
    l.insertRow(row);
    l.set(row, right, unitText);
  }
  return l;
}

type Repeat = "both" | "level1" | "level2";

/**
 * 4. The 一级/二级 labels repeated on every indicator row, as system exports write them: a blank
 * cell of the 一级/二级 column of an indicator row gets the label the seed's row continues (read by
 * the reader from that same column), and the merges of those columns over the grid rows are removed.
 * Rows the seed writes wrongly (shifted, a name in a label column: a recognition issue on the row)
 * are left as they are: an export writes its rows where they belong, the seeds' mistakes are pasted.
 */
function repeatLabels(seed: Seed, which: Repeat): Layout {
  const t = seed.table;
  const h = headerOf(t);
  const l = new Layout(seed.grid);
  const roles = which === "both" ? (["level1", "level2"] as const) : ([which] as const);
  const gridTop = (h.subRow ?? h.row) + 1;
  const wrongRows = new Set(t.issues.map((i) => i.row));
  for (const role of roles) {
    const col = h.columns[role];
    if (col === undefined) continue;
    for (const ind of t.indicators) {
      if (ind.shift !== 0 || wrongRows.has(ind.row)) continue;
      const ref = ind[role];
      if (!ref || ref.col !== col || !l.isEmpty(ind.row, col)) continue;
      l.set(ind.row, col, valueAt(seed.grid, ref.row, ref.col));
    }
    l.merges = l.merges.filter((m) => !(m.left === col && m.right === col && m.top >= gridTop));
  }
  return l;
}

/**
 * 5. The value header over two rows: 指标值 on the header row over the value column(s) (merged over
 * both for 半年 | 全年), the periods on a row inserted under it, the other header cells merged down
 * over both rows; everything below moves one row down.
 */
function splitValueHeader(seed: Seed, subs: readonly string[]): Layout {
  const t = seed.table;
  const h = headerOf(t);
  const l = new Layout(seed.grid);
  const valueCols = [h.columns.halfValue, h.columns.value].filter((c): c is number => c !== undefined);
  if (valueCols.length !== subs.length) throw new Error(`${seed.id}: ${valueCols.length} value columns, ${subs.length} sub-headers`);
  const [first, last] = [valueCols[0], valueCols[valueCols.length - 1]];
  if (last - first !== valueCols.length - 1) throw new Error(`${seed.id}: value columns not side by side`);
  const sub = h.row + 1;
  l.insertRow(sub);
  for (let c = l.left; c <= t.range.right; c++) {
    if (c >= first && c <= last) continue;
    if (l.isEmpty(h.row, c)) continue;
    const m = l.mergeAt(h.row, c);
    if (m) m.bottom = Math.max(m.bottom, sub);
    else l.merges.push({ top: h.row, left: c, bottom: sub, right: c });
  }
  l.set(h.row, first, "指标值");
  for (let c = first + 1; c <= last; c++) l.set(h.row, c, null);
  if (last > first) l.merges.push({ top: h.row, left: first, bottom: h.row, right: last });
  subs.forEach((s, i) => l.set(sub, first + i, s));
  return l;
}

/* ---------------------------------------------------------------------------------------------
 * The properties
 * ------------------------------------------------------------------------------------------- */

const seedArb = (filter?: (s: Seed) => boolean) => fc.constantFrom(...seedIds(filter));

function blockWidth(s: Seed): number {
  return s.table.range.right - s.grid.origin.col + 1;
}

describe("the reader reads a seed table the same however the template lays it out", () => {
  it("the transformations keep the seed when they insert nothing (the harness itself)", () => {
    for (const seed of seeds.values()) {
      const l = new Layout(seed.grid);
      expectSameRead(seed, l);
    }
  });

  describe("1. the header block starts left of the grid, or is wider than it", () => {
    it("columns inserted before the grid rows (the block starts 1–3 columns left of the grid)", () => {
      fc.assert(
        fc.property(seedArb(), fc.integer({ min: 1, max: 3 }), fc.boolean(), (id, k, stretch) => {
          const seed = seedOf(id);
          expectSameRead(seed, blockLeftOfGrid(seed, k, stretch));
        }),
        RUNS,
      );
    });

    it("the block wider than the grid: columns inserted inside or right of it, its cells merged over them", () => {
      const arb = seedArb().chain((id) => fc.tuple(fc.constant(id), fc.integer({ min: 0, max: blockWidth(seedOf(id)) - 1 }), fc.integer({ min: 1, max: 3 })));
      fc.assert(
        fc.property(arb, ([id, offset, k]) => {
          const seed = seedOf(id);
          // offset counted from the block's right edge, so that shrinking goes to "wider to the right"
          const after = seed.table.range.right - offset;
          expectSameRead(seed, blockWider(seed, after, k));
        }),
        RUNS,
      );
    });
  });

  it("2. a side-label column before the grid: 绩效指标 once, merged down over the grid rows", () => {
    fc.assert(
      fc.property(seedArb(), fc.constantFrom("绩效指标", "年度绩效指标"), fc.boolean(), fc.boolean(), (id, word, onHeaderRow, widenBlock) => {
        const seed = seedOf(id);
        expectSameRead(seed, sideLabelColumn(seed, word, onHeaderRow, widenBlock));
      }),
      RUNS,
    );
  });

  describe("3. the money unit in the title line", () => {
    const places = fc.constantFrom<UnitPlace>("title-row", "line-above", "line-under-title");

    it("a declared unit moved from the block to the title line: the same unit, the same amounts", () => {
      fc.assert(
        fc.property(seedArb((s) => s.table.moneyUnit.declared), fc.constantFrom(...UNIT_SPELLINGS), places, (id, spell, place) => {
          const seed = seedOf(id);
          const unit = seed.table.moneyUnit.unit as string;
          expectSameRead(seed, unitInTitleLine(seed, spell(unit), place));
        }),
        RUNS,
      );
    });

    it("an undeclared unit written in the title line becomes the table's money unit", () => {
      fc.assert(
        fc.property(seedArb((s) => !s.table.moneyUnit.declared), fc.constantFrom<MoneyUnit>("万元", "元", "亿元"), fc.constantFrom(...UNIT_SPELLINGS), places, (id, unit, spell, place) => {
          const seed = seedOf(id);
          expectSameRead(seed, unitInTitleLine(seed, spell(unit), place), { adjust: (m) => ({ ...m, moneyUnit: unit }) });
        }),
        RUNS,
      );
    });
  });

  it("4. the 一级/二级 labels repeated on every indicator row, merges removed (system exports)", () => {
    fc.assert(
      fc.property(seedArb(), fc.constantFrom<Repeat>("both", "level1", "level2"), (id, which) => {
        const seed = seedOf(id);
        expectSameRead(seed, repeatLabels(seed, which));
      }),
      RUNS,
    );
  });

  describe("5. the value header split over two rows", () => {
    const twoPeriods = (s: Seed) => headerOf(s.table).columns.halfValue !== undefined && headerOf(s.table).columns.value !== undefined;
    const halfFull = fc.constantFrom(["半年", "全年"] as const, ["半年（程）", "全年（程）"] as const, ["半年度", "全年度"] as const);

    it("指标值 over 半年 | 全年 (seed 001): the same indicators, values, levels and names", () => {
      fc.assert(
        fc.property(seedArb(twoPeriods), halfFull, (id, subs) => {
          const seed = seedOf(id);
          const layout = splitValueHeader(seed, subs);
          expectSameRead(seed, layout, { compare: withoutPeriods });
          // both value columns still read as periods (each row two entries), whatever their names
          expect(laidOutModels(layout)[0].indicators.every((i) => i.period !== undefined)).toBe(true);
        }),
        RUNS,
      );
    });

    it("指标值 over 半年 | 全年 (seed 001): the same period for each entry, where both give one", () => {
      fc.assert(
        fc.property(seedArb(twoPeriods), halfFull, (id, subs) => {
          const seed = seedOf(id);
          const expected = seedModel(seed).indicators;
          const actual = laidOutModels(splitValueHeader(seed, subs))[0]?.indicators ?? [];
          expect(actual).toHaveLength(expected.length);
          const differ = expected
            .map((e, i) => ({ i, cell: e.cell, expected: e.period, read: actual[i].period }))
            .filter((p) => p.expected !== undefined && p.read !== undefined && p.expected !== p.read);
          if (differ.length) throw new Error(`${seed.id}: ${differ.length} periods differ, first ${JSON.stringify(differ[0])}`);
        }),
        RUNS,
      );
    });

    // (a sub-header row under a one-column value header, 指标值 over 年度, is the header's second row)
    it("指标值 over 年度 (single-value seeds): the same read model", () => {
      fc.assert(
        fc.property(seedArb((s) => !twoPeriods(s) && headerOf(s.table).columns.value !== undefined), fc.constantFrom("年度", "全年", "年度指标值"), (id, sub) => {
          const seed = seedOf(id);
          expectSameRead(seed, splitValueHeader(seed, [sub]), { compare: withoutPeriods });
        }),
        RUNS,
      );
    });
  });
});
