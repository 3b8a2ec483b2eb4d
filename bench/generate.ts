/**
 * Synthetic workbooks for the benchmarks, shaped like the seed tables.
 *
 * Every table starts from a real seed table (examples/seeds, laid out by tools/examples exactly
 * as the example workbooks are) and is varied the way a department's submissions vary:
 *
 *   framework   common (seed 000), core-2021 (seed 000 tables regrouped with 成本 as its own
 *               一级), evaluation (seed 001, 半年/全年 columns) and four-goal (seed 002)
 *   layout      departments of 3–30 tables; two in three stack their tables on one sheet (one
 *               blank row between tables), one in three puts each table on its own sheet
 *   money unit  seed-000 tables declare 单位：万元 or 单位：元 (amounts converted); seed 001 is in
 *               万元, seed 002 in 元, as published
 *   names       a project name per table; the output/benefit indicator names take one of a few
 *               qualifiers, so some tables of a workbook share an indicator list (copy-paste)
 *   mistakes    a known share of tables (MISTAKE_SHARE) gets one injected mistake, recorded with
 *               its cell and the rule family that must report it; the seeds' own real mistakes
 *               stay in every copy
 *
 * The same workbook comes out as Grids in memory (exactly what src/host/xlsx/readWorkbook gives
 * back for the file) and as an .xlsx file written with exceljs's streaming writer, styled like a
 * real submission (宋体, thin borders, wrapped text). Everything is deterministic: the same
 * scale gives the same workbook.
 *
 *   npx ts-node --transpile-only bench/generate.ts [tables...]   writes bench/out/tables-<n>.xlsx
 */
import { existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellRange, CellValue, Grid } from "../src/core/grid";
import { exampleTables, type ExampleTable } from "../tools/examples/seedTables";

/** Bump when the output changes, so cached files in bench/out are rebuilt. */
export const GENERATOR_VERSION = 4;
export const SCALES = [10, 100, 1000, 5000] as const;
/** Share of tables that get one injected mistake. */
export const MISTAKE_SHARE = 0.2;
/** The repository root, from the source (bench/) or from a bundle (build/bench/). */
export function repoRoot(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) if (existsSync(path.join(dir, "package.json"))) return dir;
  return process.cwd();
}
export const OUT_DIR = path.join(repoRoot(), "bench", "out");

export type FrameworkKind = "common" | "core-2021" | "evaluation" | "four-goal";
export type MistakeKind = "cost-operator" | "placeholder" | "rate-over-100" | "missing-value" | "duplicate" | "no-unit" | "budget-sum";

/** The rule family (`family.name` prefix) that must report each kind of mistake. */
export const MISTAKE_FAMILY: Record<MistakeKind, string> = {
  "cost-operator": "cost",
  placeholder: "placeholder",
  "rate-over-100": "range",
  "missing-value": "missing",
  duplicate: "duplicate",
  "no-unit": "unit",
  "budget-sum": "budget-sum",
};

export interface InjectedMistake {
  kind: MistakeKind;
  family: string;
  sheet: string;
  row: number;
  col: number;
  /** the value before and after */
  before: CellValue;
  after: CellValue;
}

export interface GeneratedTable {
  sheet: string;
  framework: FrameworkKind;
  unit: "元" | "万元";
  project: string;
  titleRow: number;
  headerRow: number;
  lastRow: number;
  indicatorRows: number;
}

export interface SheetData {
  name: string;
  /** dense rows from A1; null for blank */
  cells: CellValue[][];
  formats: (string | null)[][];
  merges: CellRange[];
  /** sheet rows that are titles (bold, large), table rows (bordered) */
  titleRows: number[];
  tableRows: [number, number, number][]; // [first, last, width]
  headerRows: number[];
}

export interface GeneratedWorkbook {
  tables: number;
  sheets: SheetData[];
  meta: GeneratedTable[];
  mistakes: InjectedMistake[];
  indicatorRows: number;
  cells: number;
}

// ---------------------------------------------------------------------------------------------
// deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// templates

/** A table as a block of rows from its title, column A first; merges relative to the block. */
interface Block {
  framework: FrameworkKind;
  project: string;
  rows: CellValue[][];
  formats: (string | null)[][];
  merges: CellRange[]; // rows 0-based within the block, cols 1-based
  /** block row of the indicator header */
  header: number;
  width: number;
  /** columns (1-based) of the 三级 name and of the (full-year) value in the indicator grid */
  nameCol: number;
  valueCol: number;
  /** the 财政资金 amount (seed 000 shape), block coordinates */
  fiscal?: { row: number; col: number };
  /** rows in the header block holding money amounts (converted for 元) */
  amountRows: number[];
}

const compact = (v: CellValue): string => (typeof v === "string" ? v.replace(/\s/g, "") : "");

function templateBlock(t: ExampleTable, framework: FrameworkKind): Block {
  const offset = t.firstRow - t.titleRow; // title (and subtitle) rows above rows[0]
  const rows: CellValue[][] = [[t.title]];
  const formats: (string | null)[][] = [[null]];
  if (t.subtitle) {
    rows.push([t.subtitle]);
    formats.push([null]);
  }
  for (let i = 0; i < t.rows.length; i++) {
    rows.push(t.rows[i].slice());
    formats.push(t.numberFormats[i].slice());
  }
  const merges: CellRange[] = [];
  if (t.width > 1) {
    merges.push({ top: 0, left: 1, bottom: 0, right: t.width });
    if (t.subtitle) merges.push({ top: 1, left: 1, bottom: 1, right: t.width });
  }
  for (const m of t.merges) merges.push({ ...m, top: m.top - t.titleRow, bottom: m.bottom - t.titleRow });
  const header = t.headerRow - t.titleRow;
  const hdr = rows[header].map(compact);
  const nameCol = hdr.findIndex((h) => h === "三级指标") + 1;
  let valueCol = 0;
  hdr.forEach((h, i) => {
    if (/指标值$|目标值$/.test(h) && !/确定依据/.test(h)) valueCol = i + 1;
  });
  let fiscal: Block["fiscal"];
  const amountRows: number[] = [];
  for (let r = offset; r < header; r++) {
    const row = rows[r];
    row.forEach((v, i) => {
      if (/^其中[:：]?财政资金$/.test(compact(v)) && typeof row[i + 1] === "number") fiscal = { row: r, col: i + 2 };
    });
    if (compact(row[0]).startsWith("预算规模")) amountRows.push(r);
  }
  if (!nameCol || !valueCol) throw new Error(`${t.title}: no 三级指标/指标值 column`);
  return { framework, project: t.projectName, rows, formats, merges, header, width: t.width, nameCol, valueCol, fiscal, amountRows };
}

/** Level-2 keys of the core-2021 framework, in order under each level-1. */
const CORE_LAYOUT: [string, [string, RegExp][]][] = [
  ["成本指标", [["经济成本指标", /成本/], ["社会成本指标", /^$/], ["生态环境成本指标", /^$/]]],
  ["产出指标", [["数量指标", /数量/], ["质量指标", /质量/], ["时效指标", /时效/]]],
  ["效益指标", [["经济效益指标", /经济效益/], ["社会效益指标", /社会效益/], ["生态效益指标", /生态|环境/], ["可持续影响指标", /可持续/]]],
  ["满意度指标", [["服务对象满意度指标", /满意/]]],
];

/**
 * A seed-000 table regrouped into the core-2021 framework: its cost indicators move under a 成本
 * 一级 (经济成本), the empty 社会成本/生态环境成本 rows are added, labels are written the 2021 way.
 */
function coreBlock(base: Block): Block {
  const gridRows = base.rows.slice(base.header + 1);
  const gridFormats = base.formats.slice(base.header + 1);
  let l2 = "";
  const byL2 = new Map<string, { cells: CellValue[]; formats: (string | null)[] }[]>();
  gridRows.forEach((row, i) => {
    const a = compact(row[0] ?? null);
    const b = compact(row[1] ?? null);
    // a 二级 label may sit in column A (a shifted row) or B
    if (b) l2 = b;
    else if (a && !/^(产出|效益|效果|满意度)(指标)?$/.test(a)) l2 = a;
    if (a === "满意度指标" && !b) l2 = "满意度";
    if (row.length <= base.nameCol - 1 || row[base.nameCol - 1] === null) return;
    const list = byL2.get(l2) ?? [];
    list.push({ cells: row.slice(base.nameCol - 1), formats: gridFormats[i].slice(base.nameCol - 1) });
    byL2.set(l2, list);
  });
  const used = new Set<string>();
  const take = (re: RegExp): { cells: CellValue[]; formats: (string | null)[] }[] => {
    if (re.source === "^$") return [];
    const out: { cells: CellValue[]; formats: (string | null)[] }[] = [];
    for (const [k, list] of byL2) {
      if (used.has(k) || !re.test(k)) continue;
      used.add(k);
      out.push(...list);
    }
    return out;
  };
  const rows = base.rows.slice(0, base.header + 1).map((r) => r.slice());
  const formats = base.formats.slice(0, base.header + 1).map((r) => r.slice());
  const merges = base.merges.filter((m) => m.top <= base.header);
  for (const [l1, l2s] of CORE_LAYOUT) {
    const l1Top = rows.length;
    for (const [l2Label, re] of l2s) {
      const items = take(re);
      const l2Top = rows.length;
      const n = Math.max(1, items.length);
      for (let k = 0; k < n; k++) {
        const it = items[k];
        const row: CellValue[] = [rows.length === l1Top ? l1 : null, k === 0 ? l2Label : null, ...(it?.cells ?? [])];
        rows.push(row);
        formats.push([null, null, ...(it?.formats ?? [])]);
      }
      if (n > 1) merges.push({ top: l2Top, left: 2, bottom: l2Top + n - 1, right: 2 });
    }
    if (rows.length - l1Top > 1) merges.push({ top: l1Top, left: 1, bottom: rows.length - 1, right: 1 });
  }
  return { ...base, framework: "core-2021", rows, formats, merges };
}

interface TemplateSet {
  common: Block[];
  "core-2021": Block[];
  evaluation: Block[];
  "four-goal": Block[];
}

let templates: TemplateSet | undefined;

export function templateSet(): TemplateSet {
  if (templates) return templates;
  const all = exampleTables();
  const common = all.filter((t) => t.file === "seed000.xlsx").map((t) => templateBlock(t, "common"));
  templates = {
    common,
    "core-2021": common.map(coreBlock),
    evaluation: all.filter((t) => t.file === "seed001.xlsx").map((t) => templateBlock(t, "evaluation")),
    "four-goal": all.filter((t) => t.file === "seed002.xlsx").map((t) => templateBlock(t, "four-goal")),
  };
  return templates;
}

/** Framework of table i: common 35%, core-2021 25%, four-goal 30%, evaluation 10%, interleaved. */
const FRAMEWORK_CYCLE: FrameworkKind[] = (
  "common four-goal core-2021 common evaluation four-goal common core-2021 four-goal common " +
  "core-2021 four-goal common evaluation core-2021 four-goal common four-goal core-2021 common"
).split(" ") as FrameworkKind[];

const UNITS = [
  "市直管理部", "城东分中心", "城西分中心", "东台管理部", "大丰管理部", "射阳管理部", "建湖管理部", "阜宁管理部",
  "滨海管理部", "响水管理部", "下花园办事处", "怀来管理部", "怀安管理部", "宣化管理部", "蔚县管理部", "涿鹿管理部",
  "市教育局", "市卫生健康委", "市文化广电旅游局", "市交通运输局", "市农业农村局", "市民政局", "市司法局", "市图书馆",
  "市档案馆", "市疾控中心", "市第一中学", "市人民医院", "市体育中心", "市园林绿化中心", "市公路养护中心", "市信息中心",
];
/** Qualifiers of the output/benefit indicator names; "" keeps the seed's own names. */
const QUALIFIERS = [
  "", "社区", "线上", "窗口", "基层", "年度", "专项", "重点", "农村", "城区", "企业", "学校",
  "新增", "常态化", "集中", "上门", "入户", "网格", "重点人群", "街道",
];
/** Counts in target values vary from project to project (≥3次 -> ≥7次); money and rates do not. */
const COUNT_VALUE = /^([≥≤=<>]?\s*)(\d+)(\s*(?:次|个|人|项|件|场|期|台|套|条|户|册|人次|笔|批|家|所))$/;
const PLACEHOLDERS = ["XX", "待定", "n%", "**"];

// ---------------------------------------------------------------------------------------------
// one table

interface Instance {
  block: Block;
  unit: "元" | "万元";
  project: string;
  mistake?: { kind: MistakeKind; row: number; col: number; before: CellValue; after: CellValue };
  indicatorRows: number;
}

function cloneBlock(b: Block): Block {
  return { ...b, rows: b.rows.map((r) => r.slice()), formats: b.formats.map((r) => r.slice()), merges: b.merges.map((m) => ({ ...m })) };
}

/** Insert a row at block row `at` (after the title), shifting everything below. */
function insertRow(b: Block, at: number, row: CellValue[]): void {
  b.rows.splice(at, 0, row);
  b.formats.splice(at, 0, row.map(() => null));
  for (const m of b.merges) {
    if (m.top >= at) m.top++;
    if (m.bottom >= at) m.bottom++;
  }
  b.header++;
  if (b.fiscal && b.fiscal.row >= at) b.fiscal = { ...b.fiscal, row: b.fiscal.row + 1 };
  b.amountRows = b.amountRows.map((r) => (r >= at ? r + 1 : r));
}

function replaceText(v: CellValue, from: string, to: string): CellValue {
  return typeof v === "string" && from && v.includes(from) ? v.split(from).join(to) : v;
}

interface IndicatorSlot {
  row: number;
  l1: string;
  l2: string;
  name: string;
  value: CellValue;
}

/** The indicator rows of a block with their (continued) 一级/二级 labels. */
function indicatorSlots(b: Block): IndicatorSlot[] {
  const out: IndicatorSlot[] = [];
  let l1 = "";
  let l2 = "";
  for (let r = b.header + 1; r < b.rows.length; r++) {
    const row = b.rows[r];
    const a = compact(row[0] ?? null);
    const c2 = compact(row[1] ?? null);
    if (a) {
      l1 = a;
      l2 = "";
    }
    if (c2) l2 = c2;
    const name = row[b.nameCol - 1];
    if (typeof name !== "string" || name.trim() === "") continue;
    // a row whose labels are shifted is left alone
    if (b.nameCol >= 2 && a && !c2 && row[b.nameCol - 2] === null) continue;
    out.push({ row: r, l1, l2, name, value: row[b.valueCol - 1] ?? null });
  }
  return out;
}

function isSpecific(s: IndicatorSlot): boolean {
  return /^(产出|效益|效果|成本)/.test(s.l1) && !/满意/.test(s.name) && !/满意/.test(s.l2);
}

function tryMistake(b: Block, kind: MistakeKind, slots: IndicatorSlot[], rnd: () => number): Instance["mistake"] | undefined {
  const set = (row: number, col: number, after: CellValue): Instance["mistake"] => {
    const before = b.rows[row][col - 1] ?? null;
    while (b.rows[row].length < col) {
      b.rows[row].push(null);
      b.formats[row].push(null);
    }
    b.rows[row][col - 1] = after;
    return { kind, row, col, before, after };
  };
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
  const str = (v: CellValue) => (typeof v === "string" ? v : "");
  switch (kind) {
    case "cost-operator": {
      const s = pick(slots.filter((x) => /成本/.test(x.l2 + x.l1) && /^(≤|<)\s*\d/.test(str(x.value))));
      return s && set(s.row, b.valueCol, str(s.value).replace(/^(≤|<)/, "≥"));
    }
    case "placeholder": {
      const s = pick(slots.filter((x) => /^(≥|≤|=)?\s*\d/.test(str(x.value))));
      return s && set(s.row, b.valueCol, pick(PLACEHOLDERS) ?? "XX");
    }
    case "rate-over-100": {
      const s = pick(slots.filter((x) => /率$/.test(x.name) && /^(≥|=)?\s*\d+(\.\d+)?%$/.test(str(x.value)) && !/满意/.test(x.name)));
      return s && set(s.row, b.valueCol, "=120%");
    }
    case "missing-value": {
      const s = pick(slots.filter((x) => str(x.value) !== "" && isSpecific(x)));
      return s && set(s.row, b.valueCol, null);
    }
    case "duplicate": {
      const i = slots.findIndex((x, k) => k > 0 && isSpecific(x) && isSpecific(slots[k - 1]) && x.l2 === slots[k - 1].l2 && x.name !== slots[k - 1].name);
      return i > 0 ? set(slots[i].row, b.nameCol, slots[i - 1].name) : undefined;
    }
    case "no-unit": {
      const s = pick(slots.filter((x) => /^(≥|≤|=)\s*\d+\s*(次|个|人|项|件|场|期|台|套|条|户|册|人次)$/.test(str(x.value))));
      return s && set(s.row, b.valueCol, str(s.value).replace(/\s*(次|个|人|项|件|场|期|台|套|条|户|册|人次)$/, ""));
    }
    case "budget-sum": {
      if (!b.fiscal) return undefined;
      const v = b.rows[b.fiscal.row][b.fiscal.col - 1];
      if (typeof v !== "number" || v <= 0) return undefined;
      return set(b.fiscal.row, b.fiscal.col, Math.round(v * 0.8 * 100) / 100);
    }
  }
}

const MISTAKE_ORDER: MistakeKind[] = ["placeholder", "cost-operator", "rate-over-100", "missing-value", "duplicate", "no-unit", "budget-sum"];

function makeInstance(i: number, rnd: () => number, withMistake: boolean, mistakeTurn: number): Instance {
  const fw = FRAMEWORK_CYCLE[i % FRAMEWORK_CYCLE.length];
  const list = templateSet()[fw];
  const b = cloneBlock(list[Math.floor(rnd() * list.length)]);
  const unitName = UNITS[Math.floor(rnd() * UNITS.length)];
  const project = `${unitName}${b.project}`;
  // names: project, title
  for (const row of b.rows.slice(0, b.header)) for (let c = 0; c < row.length; c++) row[c] = replaceText(row[c], b.project, project);
  const q = QUALIFIERS[Math.floor(rnd() * QUALIFIERS.length)];
  const slots = indicatorSlots(b);
  if (q) for (const s of slots) if (isSpecific(s) && !/^[A-Za-z0-9]/.test(s.name)) b.rows[s.row][b.nameCol - 1] = `${q}${s.name}`;
  for (const s of slots) {
    const m = typeof s.value === "string" ? COUNT_VALUE.exec(s.value) : null;
    if (m && Number(m[2]) > 0) b.rows[s.row][b.valueCol - 1] = `${m[1]}${Math.max(1, Math.round(Number(m[2]) * (0.5 + 2.5 * rnd())))}${m[3]}`;
  }

  // money unit: seed-000 tables say which; 元 converts the header amounts
  let unit: "元" | "万元" = fw === "four-goal" ? "元" : "万元";
  if (fw === "common" || fw === "core-2021") {
    unit = rnd() < 0.5 ? "元" : "万元";
    if (unit === "元") {
      for (const r of b.amountRows) {
        b.rows[r] = b.rows[r].map((v) => (typeof v === "number" ? Math.round(v * 10000 * 100) / 100 : v));
        b.formats[r] = b.formats[r].map((f, k) => (typeof b.rows[r][k] === "number" ? "#,##0.00" : f));
      }
    }
    const unitRow: CellValue[] = new Array<CellValue>(b.width).fill(null);
    unitRow[b.width - 1] = `单位：${unit}`;
    insertRow(b, 1, unitRow);
  }

  let mistake: Instance["mistake"];
  if (withMistake) {
    const fresh = indicatorSlots(b);
    for (let k = 0; k < MISTAKE_ORDER.length && !mistake; k++) mistake = tryMistake(b, MISTAKE_ORDER[(mistakeTurn + k) % MISTAKE_ORDER.length], fresh, rnd);
  }
  return { block: b, unit, project, mistake, indicatorRows: b.rows.length - b.header - 1 };
}

// ---------------------------------------------------------------------------------------------
// sheets

const DEPARTMENT_SIZES = [4, 12, 7, 20, 3, 30, 9, 15, 6, 25];
const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

class SheetBuilder {
  readonly cells: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly merges: CellRange[] = [];
  readonly titleRows: number[] = [];
  readonly tableRows: [number, number, number][] = [];
  readonly headerRows: number[] = [];

  constructor(readonly name: string) {}

  /** Place a block with its title at the next free row (after one blank row); returns its sheet title row. */
  place(b: Block): number {
    if (this.cells.length) {
      this.cells.push([]);
      this.formats.push([]);
    }
    const top = this.cells.length + 1;
    for (let r = 0; r < b.rows.length; r++) {
      this.cells.push(b.rows[r].slice());
      this.formats.push(b.formats[r].slice());
    }
    for (const m of b.merges) this.merges.push({ top: m.top + top, left: m.left, bottom: m.bottom + top, right: m.right });
    this.titleRows.push(top);
    this.tableRows.push([top + 1, top + b.rows.length - 1, b.width]);
    this.headerRows.push(top + b.header);
    return top;
  }

  /** Rectangular, trailing blank rows and columns dropped, as a reader sees the used range. */
  build(): SheetData {
    let width = 0;
    for (const r of this.cells) for (let c = r.length - 1; c >= 0; c--) if (r[c] !== null && r[c] !== undefined) {
      width = Math.max(width, c + 1);
      break;
    }
    const cells = this.cells.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
    const formats = this.formats.map((r, i) => Array.from({ length: width }, (_, c) => (cells[i][c] === null ? null : r[c] ?? null)));
    while (cells.length && cells[cells.length - 1].every((v) => v === null)) {
      cells.pop();
      formats.pop();
    }
    const merges = [...this.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    return { name: this.name, cells, formats, merges, titleRows: this.titleRows, tableRows: this.tableRows, headerRows: this.headerRows };
  }
}

export type Layout = "mixed" | "one-per-sheet" | "stacked";

/** A workbook of `n` tables: departments stacked or one table per sheet ("mixed"), or all one way. */
export function generateWorkbook(n: number, seed = 7, layout: Layout = "mixed"): GeneratedWorkbook {
  const rnd = mulberry32(seed * 1_000_003 + n);
  const sheets: SheetData[] = [];
  const meta: GeneratedTable[] = [];
  const mistakes: InjectedMistake[] = [];
  const mistakeEvery = Math.round(1 / MISTAKE_SHARE);
  let made = 0;
  let dept = 0;
  let mistakeTurn = 0;
  while (made < n) {
    const size = Math.min(DEPARTMENT_SIZES[dept % DEPARTMENT_SIZES.length], n - made);
    const stacked = layout === "mixed" ? dept % 3 !== 2 : layout === "stacked";
    const deptName = `${String(dept + 1).padStart(3, "0")} 部门`;
    let builder = stacked ? new SheetBuilder(`${deptName}绩效目标`) : undefined;
    for (let k = 0; k < size; k++, made++) {
      const withMistake = made % mistakeEvery === mistakeEvery - 1;
      const inst = makeInstance(made, rnd, withMistake, mistakeTurn);
      if (withMistake) mistakeTurn++;
      if (!stacked) builder = new SheetBuilder(`${String(made + 1).padStart(4, "0")} ${inst.project}`.replace(INVALID_SHEET_CHARS, "-").slice(0, 31));
      const sb = builder as SheetBuilder;
      const top = sb.place(inst.block);
      meta.push({
        sheet: sb.name,
        framework: inst.block.framework,
        unit: inst.unit,
        project: inst.project,
        titleRow: top,
        headerRow: top + inst.block.header,
        lastRow: top + inst.block.rows.length - 1,
        indicatorRows: inst.indicatorRows,
      });
      if (inst.mistake) {
        const m = inst.mistake;
        mistakes.push({ kind: m.kind, family: MISTAKE_FAMILY[m.kind], sheet: sb.name, row: top + m.row, col: m.col, before: m.before, after: m.after });
      }
      if (!stacked) sheets.push(sb.build());
    }
    if (stacked && builder) sheets.push(builder.build());
    dept++;
  }
  let cells = 0;
  for (const s of sheets) for (const r of s.cells) cells += r.length;
  return { tables: n, sheets, meta, mistakes, indicatorRows: meta.reduce((a, t) => a + t.indicatorRows, 0), cells };
}

/** The workbook as the xlsx reader returns it: one Grid per sheet, from A1. */
export function toGrids(wb: GeneratedWorkbook): Grid[] {
  return wb.sheets.map((s) => ({
    sheet: s.name,
    origin: { row: 1, col: 1 },
    cells: s.cells,
    numberFormats: s.formats,
    merges: s.merges,
    hidden: false,
  }));
}

// ---------------------------------------------------------------------------------------------
// .xlsx

const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10 }, border: BORDERS, alignment: { vertical: "middle", wrapText: true } };
const HEAD: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10, bold: true }, border: BORDERS, alignment: { vertical: "middle", horizontal: "center", wrapText: true } };
const TITLE: Partial<ExcelJS.Style> = { font: { name: FONT, size: 14, bold: true }, alignment: { vertical: "middle", horizontal: "center" } };

export function xlsxPath(n: number): string {
  return path.join(OUT_DIR, `tables-${n}-v${GENERATOR_VERSION}.xlsx`);
}

/** Write the workbook with exceljs's streaming writer (shared strings and styles, as Excel saves). */
export async function writeXlsx(wb: GeneratedWorkbook, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
  writer.creator = "Jixiao bench/generate.ts";
  writer.created = new Date(Date.UTC(2024, 0, 1));
  writer.modified = writer.created;
  for (const s of wb.sheets) {
    const ws = writer.addWorksheet(s.name, { properties: { defaultRowHeight: 15 } });
    const widths = [12, 14, 24, 30, 14, 14, 12];
    ws.columns = widths.map((w) => ({ width: w }));
    const role = new Map<number, "title" | "head" | "body">();
    for (const [first, last] of s.tableRows) for (let r = first; r <= last; r++) role.set(r, "body");
    for (const r of s.headerRows) role.set(r, "head");
    for (const r of s.titleRows) role.set(r, "title");
    const widthAt = new Map<number, number>();
    for (const [first, last, w] of s.tableRows) for (let r = first; r <= last; r++) widthAt.set(r, w);
    for (const m of s.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    for (let r = 0; r < s.cells.length; r++) {
      const rowNo = r + 1;
      const row = ws.getRow(rowNo);
      const kind = role.get(rowNo);
      const w = kind === "title" ? 1 : widthAt.get(rowNo) ?? 0;
      const vals = s.cells[r];
      for (let c = 0; c < Math.max(w, vals.length); c++) {
        const v = vals[c] ?? null;
        if (v === null && c >= w) continue;
        const cell = row.getCell(c + 1);
        const style = kind === "title" ? TITLE : kind === "head" || (kind === "body" && c === 0 && typeof v === "string") ? HEAD : kind === "body" ? BODY : undefined;
        const f = s.formats[r][c];
        // style objects are shared between cells: never mutate one (cell.numFmt = … would)
        if (style || f) cell.style = f ? { ...style, numFmt: f } : (style as Partial<ExcelJS.Style>);
        if (v !== null) cell.value = v;
      }
      row.commit();
    }
    ws.commit();
  }
  await writer.commit();
  renameSync(tmp, file);
}

/** Whether a finding list reports an injected mistake: its rule family on its row (and cell; a budget
 * mismatch is reported on the 预算数 cell of the row whose 财政资金 was changed). */
export function mistakeFound(m: InjectedMistake, findings: readonly { rule: string; sheet: string; row: number; col: number }[]): boolean {
  return findings.some(
    (f) => f.sheet === m.sheet && f.row === m.row && (f.col === m.col || m.kind === "budget-sum") && f.rule.startsWith(`${m.family}.`),
  );
}

/** The .xlsx of `n` tables under bench/out, written if it is not there yet. */
export async function ensureXlsx(n: number, wb?: GeneratedWorkbook): Promise<string> {
  const file = xlsxPath(n);
  if (existsSync(file) && statSync(file).size > 0) return file;
  await writeXlsx(wb ?? generateWorkbook(n), file);
  return file;
}

/**
 * A batch of `count` one-table workbooks under bench/out/batch-<count>-v<n>/ (a bureau's folder of
 * submissions), written if not there yet; seeds 1..count, so the files differ.
 */
export async function ensureBatch(count: number): Promise<string[]> {
  const dir = path.join(OUT_DIR, `batch-${count}-v${GENERATOR_VERSION}`);
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `${String(i + 1).padStart(4, "0")}.xlsx`));
  for (let i = 0; i < count; i++) {
    if (existsSync(files[i]) && statSync(files[i]).size > 0) continue;
    await writeXlsx(generateWorkbook(1, i + 1), files[i]);
  }
  return files;
}

// run directly (not when bundled into bench/run.ts)
if (require.main === module && /generate\.[jt]s$/.test(process.argv[1] ?? "")) {
  const scales = process.argv.slice(2).map(Number).filter((x) => x > 0);
  (async () => {
    for (const n of scales.length ? scales : SCALES) {
      const t0 = Date.now();
      const wb = generateWorkbook(n);
      const t1 = Date.now();
      const file = xlsxPath(n);
      await writeXlsx(wb, file);
      process.stdout.write(
        `${path.relative(process.cwd(), file)}: ${wb.tables} tables, ${wb.sheets.length} sheets, ${wb.indicatorRows} indicator rows, ` +
          `${wb.cells} cells, ${wb.mistakes.length} injected mistakes; generated in ${t1 - t0} ms, written in ${Date.now() - t1} ms ` +
          `(${(statSync(file).size / 1e6).toFixed(1)} MB)\n`,
      );
    }
  })().catch((e: unknown) => {
    process.stderr.write(`generate: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
