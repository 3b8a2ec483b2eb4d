/**
 * The corpus tables (examples/corpus/targets/*.tsv, examples/corpus/self-evaluation/*.tsv,
 * examples/corpus/monitoring/*.tsv) as workbooks: one sheet "Sheet1" per file, styled by writeWorkbook.ts like the seed
 * examples. Grid line N of a TSV (after its `#` lines) is sheet row N and TSV column k is
 * sheet column k — tests elsewhere point at cells by those numbers, so nothing ever moves.
 *
 * What the rows are (found by general rules, in this order):
 *   grid header   the first row with a cell 三级 / 三级指标 / 指标名称 / 指标内容 / 指标; that cell's
 *                 column is the NAME column, the columns left of it are LABEL columns. Without
 *                 such a cell, the first row starting with 一级指标 / 二级指标 headers: the columns
 *                 under them that hold labels (blank below a label, continued down) are the LABEL
 *                 columns and the first that does not (a cell on every grid row) is the NAME
 *                 column — 一级指标 | 二级指标 | 绩效标准 | 当年预期实现值 with 数量指标 … under
 *                 一级 and the names under 二级 (corpus 36).
 *                 A SIDE LABEL is a column-1 header cell starting with 绩 or (本)年度绩效
 *                 (绩效指标, 绩 效 指 标, 绩效指标(90分), 年度绩效目标 98分, 本年度 绩效指标). A row above the
 *                 header whose column 1 starts with 绩效指标 (while the header's column 1 is
 *                 一级指标) is a super-header; a row below it with nothing in the name and
 *                 label columns is a sub-header (2021年实际实现值 / 预期2022年实现值).
 *   grid          the rows after the header, up to the first trailer or note.
 *   trailer       bordered rows after the grid: 总分/合计, 评价结论, 存在问题, 改进措施,
 *                 其他需要说明事项, 偏差…, 财政…(盖章) — and, in a table with a side label,
 *                 any row with column 1 filled.
 *   note          unbordered lines after the table: 注, 备注:, 1. 2. …, 经办人…, 上报时间…, 填表人…,
 *                 项目负责人:, [TRUNCATED…]; everything after the first note is a note.
 *   table start   the first row above the grid header whose first cell names something
 *                 (…名称, 单位信息); the rows between it and the grid header are the
 *                 HEADER BLOCK. Rows above the start are the title (the first one-cell line
 *                 with 表 in it that is not 表十二 / 报表编号), one-cell banners (year, unit,
 *                 编制单位) and multi-cell lines that stay plain text.
 *
 * Merges (never over a value: only a merge's top-left cell may hold one):
 *   - title and one-cell banner lines above the table, and one-cell note lines below it:
 *     across the table width (a long title or note wraps);
 *   - the side label: down from the header to the last grid row (or the row before the next
 *     filled cell of column 1);
 *   - label columns of the grid (一级, 二级, and left of the name column everything else,
 *     e.g. 单位名称/项目名称/预算数/年度目标 of a Sichuan export; also 一级/二级 columns right of
 *     the name column, as in a side-by-side 中期/年度 grid): a filled cell merged down over the
 *     following grid rows whose cell in that column — and in every label column left of it
 *     with a different header (its parents) — is blank. So a 二级 never runs into the next 一级;
 *   - a two-row grid header: an upper cell with a blank cell below it merged down; an upper
 *     cell merged across the following blank upper cells that have lower cells (指标值 over
 *     2021年实际实现值 / 预期2022年实现值);
 *   - header block and trailer rows, in GROUPS (a row with column 1 filled and the rows below
 *     it with column 1 blank): the column-1 label merged down over its group (项目资金 over
 *     年度资金总额 / 财政拨款 / 其他资金). A column is CLAIMED in a group when a group row with
 *     three or more filled cells has a cell there (the columns of a budget sub-table). A value
 *     is merged right over the blank, unclaimed cells after it (the last value of a row thus to
 *     the table's right edge). Column-1 cells and labels (ending in a colon, or a template label
 *     such as 是否政府采购, 项目属性, 项目负责人, 其他资金) never spread: the empty value cell
 *     after a label is merged right instead (项目名称: with nothing after it). A wholly empty
 *     row inside a group is one empty box right of the label;
 *   - a 总分/合计/总计 cell: right over the blank cells up to the next filled cell.
 * A few files need something the rules cannot know; OVERRIDES below says what and why.
 *
 * Cell types follow cellTyping.ts: header block and trailer cells through typeHeaderCell
 * (amounts -> numbers, ISO dates -> date serials, 8,827,620.53 -> 8827620.53 with "#,##0.00",
 * "164万元" stays text); grid cells are text exactly as written, except weight/score columns
 * (权重, 分值, 得分: numbers) and money columns (预算数, 金额: as in the header block).
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import type { CellRange } from "../../src/core/grid";
import { typeHeaderCell, typeScoreCell, typeTextCell, type TypedCell } from "./cellTyping";
import { EXAMPLES_DIR } from "./seedText";
import { displayWidth, sheetFromBlocks, type SheetSpec, type WorkbookSpec } from "./sheetLayout";
import type { CellAlignment, LaidOutTable, PlacedCell, RowRole } from "./tableLayout";

export const CORPUS_DIR = path.join(EXAMPLES_DIR, "corpus");
export const CORPUS_FOLDERS = ["targets", "self-evaluation", "monitoring"] as const;
export const CORPUS_SHEET_NAME = "Sheet1";

export interface CorpusSource {
  /** "targets/01_shandong_linyi_xiaoxuegongyong.tsv" (relative to examples/corpus) */
  file: string;
  /** the `#` lines at the top, without the "# " */
  comments: string[];
  /** lines[N - 1] is grid line N: its cells, by column */
  lines: string[][];
}

export interface CorpusBlock extends LaidOutTable {
  file: string;
  /** sheet rows of the grid header (two rows where the header has a super- or sub-header) */
  headerTop: number;
  headerBottom: number;
  /** the row with the 三级/指标名称 cell */
  headerRow: number;
  /** column of 三级指标 / 指标名称 */
  nameColumn: number;
  /** column 1 holds a vertical side label (绩效指标 …) */
  sideLabel: boolean;
  gridFirst: number;
  gridLast: number;
  /** first sheet row of the lines after the table (notes), if any */
  notesFrom?: number;
}

/** Corpus TSV files, relative to examples/corpus, in folder then name order. */
export function corpusTsvFiles(): string[] {
  return CORPUS_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(CORPUS_DIR, folder))
      .filter((f) => f.endsWith(".tsv"))
      .sort()
      .map((f) => `${folder}/${f}`),
  );
}

export function parseCorpusTsv(file: string, text: string): CorpusSource {
  const all = text.replace(/\r\n?/g, "\n").split("\n");
  const comments: string[] = [];
  let i = 0;
  while (i < all.length && all[i].startsWith("#")) comments.push(all[i++].replace(/^#\s?/, ""));
  const body = all.slice(i);
  while (body.length > 0 && body[body.length - 1].trim() === "") body.pop();
  return { file, comments, lines: body.map((l) => l.split("\t")) };
}

export function readCorpusTsv(file: string): CorpusSource {
  return parseCorpusTsv(file, readFileSync(path.join(CORPUS_DIR, file), "utf8"));
}

/** "targets/01_x.tsv" -> "corpus/targets/01_x.xlsx" (relative to examples/) */
export function corpusWorkbookFile(tsv: string): string {
  return `corpus/${tsv.replace(/\.tsv$/, ".xlsx")}`;
}

// ---------------------------------------------------------------------------------------

const compact = (s: string): string => s.replace(/\s/g, "");

const NAME_HEADER = /^(三级(指标)?|指标名称|指标内容|指标|绩效内容)$/;
const SIDE_LABEL = /^(绩|本?年度绩效)/;
const LEVEL_HEADER = /^(一级|二级)(指标)?$/;
const TABLE_START = /名称|单位信息/;
const TITLE = /表/;
const NOT_TITLE = /^(表[一二三四五六七八九十百\d]+|报表编号)/;
const TRAILER = /^(总分|合计|总计|其他需要说明|评价结论|存在问题|改进措施|偏差|财政.*盖章)/;
const NOTE = /^(注[:：\d]|备注[:：]|\d+[.、．]|经办人|上报时间|填报人|填表人|项目负责人[:：]|财务负责人|审核人|\[TRUNCATED)/;
const TOTAL = /^(总分|合计|总计)$/;
const SCORE_HEADER = /权重|分值|得分/;
const MONEY_HEADER = /^(预算数|预算金额|金额)/;
/** template labels that a table may leave without a value at the end of a row */
const LABELS = new Set(["是否政府采购", "项目属性", "项目负责人", "项目负责人及电话", "项目经办人", "该项目支出上级资金", "其他资金", "其他", "实施单位", "主管部门"]);

type Rows = string[][];

const cellText = (rows: Rows, r: number, c: number): string => rows[r - 1]?.[c - 1] ?? "";
const filled = (rows: Rows, r: number, c: number): boolean => cellText(rows, r, c).trim() !== "";

function filledColumns(rows: Rows, r: number): number[] {
  const out: number[] = [];
  (rows[r - 1] ?? []).forEach((t, k) => {
    if (t.trim() !== "") out.push(k + 1);
  });
  return out;
}

function firstFilled(rows: Rows, r: number): { col: number; text: string } | undefined {
  const c = filledColumns(rows, r)[0];
  return c === undefined ? undefined : { col: c, text: compact(cellText(rows, r, c)) };
}

const isLabel = (text: string): boolean => /[:：]$/.test(text.trim()) || LABELS.has(compact(text));

/** A per-file fix the general rules cannot derive; each says why. */
interface Override {
  why: string;
  /** merges that replace every generated merge they overlap */
  merges: CellRange[];
}

const OVERRIDES: Record<string, Override> = {
  "targets/39_unnamed_fanben_gongce_tishenggaizao_TEMPLATE.tsv": {
    why: "the form's 绩效内容 header covers two columns, the 二级 labels' and the names' (the header row has four words for five kinds of cell; see the file's note)",
    merges: [{ top: 15, left: 3, bottom: 15, right: 4 }],
  },
  "targets/11_hubei_huangshi_dangxiao_zhutiban.tsv": {
    why:
      "the footer row is two signature boxes side by side (财政资金管理科室 | 财政绩效管理科室), and the left one is a column-1 cell, which the rules never spread; " +
      "the copy put the vertically centred 一级 label 产出指标 on row 14 (see the file's note), so the rules would end the 二级 数量指标 on row 13 — but 开设课程数量 (row 14) is still a 数量 row",
    merges: [
      { top: 23, left: 1, bottom: 23, right: 3 },
      { top: 10, left: 3, bottom: 14, right: 3 },
    ],
  },
  "targets/26_chongqing_zhongxian_shengzhudiaochu_quyu_TRUNCATED.tsv": {
    why:
      "the grid header has five cells for six columns: 一级指标 spans columns 1-2, over the side label 绩效指标 (which starts on the first indicator row, below the header) " +
      "and the 一级 column (see the file's note); the rules never merge a header cell across an empty header cell",
    merges: [{ top: 12, left: 1, bottom: 12, right: 2 }],
  },
  "targets/29_hunan_ningxiang_batang_jichusheshi_TRUNCATED.tsv": {
    why:
      "the table has two indicator blocks, each with its own side label down its rows (长期绩效指标 rows 19-29, 年度绩效指标 rows 30-40); " +
      "the rules know side labels starting with 绩 or 年度绩效 only, so the first block's 长期绩效指标 would stay one cell on its header row",
    merges: [{ top: 19, left: 1, bottom: 29, right: 1 }],
  },
  "self-evaluation/07_chongqing_kexuecheng_rongmeiti_zhengti_OCR_TRUNCATED.tsv": {
    why:
      "指标性质 (column D, right of the name column) is one cell down each run of rows (定量指标 rows 9-17, 定性指标 rows 18-21, 定量指标 rows 22-27), " +
      "which the copy shows only in the run's first row (see the file's note); the rules merge only label columns",
    merges: [
      { top: 9, left: 4, bottom: 17, right: 4 },
      { top: 18, left: 4, bottom: 21, right: 4 },
      { top: 22, left: 4, bottom: 27, right: 4 },
    ],
  },
  "self-evaluation/10_anhui_huoqiu_kejiju_tepaiyuan_TRUNCATED.tsv": {
    why:
      "two tables on one sheet: the first table's 总分 row (row 23) is followed by an empty row and the second table's 项目名称 (row 25); " +
      "the rules know one table a file, so they take the empty row into the 总分 row's trailer group and merge A23 down over it while also merging 总分 across — " +
      "the original has 总分 across A-F on its own row (the empty row stays the one empty box B24:I24 the rules give an empty trailer row)",
    merges: [{ top: 23, left: 1, bottom: 23, right: 6 }],
  },
  "self-evaluation/01_sichuan_qingshen_gongzixingzhichu.tsv": {
    why:
      "the 原因 cell (row 12: 1.预算执行率=… 2.年中发生预算调整的… 3.其他资金包括…) speaks of every budget row; the Sichuan 自评表 has one 原因 box down the five budget rows, " +
      "which the copy cannot show (rows 13-16 are blank there)",
    merges: [{ top: 12, left: 9, bottom: 16, right: 11 }],
  },
};

interface Structure {
  headerTop: number;
  headerRow: number;
  headerBottom: number;
  nameColumn: number;
  sideLabel: boolean;
  gridFirst: number;
  gridLast: number;
  /** last bordered row */
  lastRow: number;
  /** first bordered row */
  start: number;
  notesFrom?: number;
}

/** The first row with a 三级 / 指标名称 / 指标内容 / 指标 cell: that row and column. */
function nameHeaderOf(rows: Rows): { headerRow: number; nameColumn: number } | undefined {
  for (let r = 1; r <= rows.length; r++) {
    const c = filledColumns(rows, r).find((k) => NAME_HEADER.test(compact(cellText(rows, r, k))));
    if (c !== undefined) return { headerRow: r, nameColumn: c };
  }
  return undefined;
}

/** The first row whose cells start with one or more 一级 / 二级 headers: that row and those columns. */
function levelHeaderOf(rows: Rows): { headerRow: number; levels: number[] } | undefined {
  for (let r = 1; r <= rows.length; r++) {
    const levels: number[] = [];
    for (const c of filledColumns(rows, r)) {
      if (!LEVEL_HEADER.test(compact(cellText(rows, r, c)))) break;
      levels.push(c);
    }
    if (levels.length > 0) return { headerRow: r, levels };
  }
  return undefined;
}

/**
 * A grid header without a 三级 / 指标名称 column (一级指标 | 二级指标 | 绩效标准 | …, where the 一级
 * column holds 二级 labels and the 二级 column the names): the name column is the first 一级/二级
 * column that holds no labels — a cell in every grid row that has any, where a label column
 * leaves the rows below a label blank — or the column after the last of them.
 */
function nameColumnByContent(rows: Rows, levels: number[], gridFirst: number, gridLast: number): number {
  const gridRows: number[] = [];
  for (let r = gridFirst; r <= gridLast; r++) if (filledColumns(rows, r).length > 0) gridRows.push(r);
  const holdsLabels = (c: number): boolean => gridRows.some((r) => !filled(rows, r, c));
  return levels.find((c) => !holdsLabels(c)) ?? levels[levels.length - 1] + 1;
}

function structureOf(rows: Rows, file: string): Structure {
  const n = rows.length;
  const named = nameHeaderOf(rows);
  const byLevels = named ? undefined : levelHeaderOf(rows);
  if (!named && !byLevels) throw new Error(`${file}: no grid header (三级指标 / 指标名称 / 指标内容 / 指标, or 一级指标 / 二级指标)`);
  const headerRow = named?.headerRow ?? byLevels!.headerRow;
  // provisional for a header without a name column: right of the 一级/二级 columns (settled below)
  let nameColumn = named?.nameColumn ?? byLevels!.levels[byLevels!.levels.length - 1] + 1;
  const sideLabel = nameColumn > 1 && SIDE_LABEL.test(compact(cellText(rows, headerRow, 1)));
  let headerTop = headerRow;
  if (!sideLabel && headerRow > 1 && /^绩效指标/.test(compact(cellText(rows, headerRow - 1, 1))) && /一级/.test(compact(cellText(rows, headerRow, 1)))) {
    headerTop = headerRow - 1;
  }
  let headerBottom = headerRow;
  const below = headerRow + 1;
  if (below <= n && filledColumns(rows, below).length > 0) {
    const labelOrName = filledColumns(rows, below).some((c) => c <= nameColumn && !(sideLabel && c === 1));
    if (!labelOrName) headerBottom = below;
  }

  const isNote = (r: number): boolean => {
    const f = firstFilled(rows, r);
    return f !== undefined && f.col === 1 && NOTE.test(f.text);
  };
  const isTrailer = (r: number): boolean => {
    const f = firstFilled(rows, r);
    if (f === undefined || f.col !== 1) return false;
    return sideLabel || TRAILER.test(f.text);
  };
  let gridLast = headerBottom;
  while (gridLast + 1 <= n && !isNote(gridLast + 1) && !isTrailer(gridLast + 1)) gridLast++;
  let lastRow = gridLast;
  while (lastRow + 1 <= n && !isNote(lastRow + 1)) lastRow++;
  // trailing empty lines are not part of the table
  while (lastRow > gridLast && filledColumns(rows, lastRow).length === 0) lastRow--;

  if (byLevels) nameColumn = nameColumnByContent(rows, byLevels.levels, headerBottom + 1, gridLast);

  let start = headerTop;
  for (let r = 1; r < headerTop; r++) {
    const f = firstFilled(rows, r);
    if (f && TABLE_START.test(f.text)) {
      start = r;
      break;
    }
  }
  return {
    headerTop,
    headerRow,
    headerBottom,
    nameColumn,
    sideLabel,
    gridFirst: headerBottom + 1,
    gridLast,
    lastRow,
    start,
    ...(lastRow < n ? { notesFrom: lastRow + 1 } : {}),
  };
}

function tableWidth(rows: Rows, s: Structure): number {
  let w = 1;
  for (let r = s.start; r <= s.lastRow; r++) w = Math.max(w, ...filledColumns(rows, r));
  return w;
}

/** Header text of each column: the first filled cell of the header rows in that column. */
function columnHeaders(rows: Rows, s: Structure, width: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= width; c++) {
    let t = "";
    for (let r = s.headerTop; r <= s.headerBottom && t === ""; r++) t = compact(cellText(rows, r, c));
    out[c] = t;
  }
  return out;
}

function labelColumnsOf(s: Structure, headers: string[], width: number): number[] {
  const cols: number[] = [];
  for (let c = 1; c <= width; c++) {
    if (s.sideLabel && c === 1) continue;
    if (c < s.nameColumn || (c > s.nameColumn && LEVEL_HEADER.test(headers[c]))) cols.push(c);
  }
  return cols;
}

function gridLabelMerges(rows: Rows, s: Structure, headers: string[], width: number): CellRange[] {
  const merges: CellRange[] = [];
  const labels = labelColumnsOf(s, headers, width);
  for (const c of labels) {
    const parents = labels.filter((p) => p < c && headers[p] !== headers[c]);
    for (let r = s.gridFirst; r <= s.gridLast; r++) {
      if (!filled(rows, r, c)) continue;
      let k = r;
      while (k + 1 <= s.gridLast && !filled(rows, k + 1, c) && parents.every((p) => !filled(rows, k + 1, p))) k++;
      if (k > r) merges.push({ top: r, left: c, bottom: k, right: c });
    }
  }
  return merges;
}

function sideLabelMerge(rows: Rows, s: Structure): CellRange | undefined {
  if (!s.sideLabel) return undefined;
  let k = s.headerTop;
  while (k + 1 <= s.gridLast && !filled(rows, k + 1, 1)) k++;
  return k > s.headerTop ? { top: s.headerTop, left: 1, bottom: k, right: 1 } : undefined;
}

function headerMerges(rows: Rows, s: Structure, width: number): CellRange[] {
  if (s.headerTop === s.headerBottom) return [];
  const merges: CellRange[] = [];
  const top = s.headerTop;
  const low = s.headerBottom;
  for (const c of filledColumns(rows, top)) {
    if (s.sideLabel && c === 1) continue; // merged down with the side label
    if (!filled(rows, low, c)) {
      merges.push({ top, left: c, bottom: low, right: c });
      continue;
    }
    let k = c;
    while (k + 1 <= width && !filled(rows, top, k + 1) && filled(rows, low, k + 1)) k++;
    if (k > c) merges.push({ top, left: c, bottom: top, right: k });
  }
  return merges;
}

/** 总分 / 合计: the label over the blank cells up to the next filled one. */
function totalMerge(rows: Rows, r: number, width: number): CellRange | undefined {
  const f = firstFilled(rows, r);
  if (!f || !TOTAL.test(f.text)) return undefined;
  let k = f.col;
  while (k + 1 <= width && !filled(rows, r, k + 1)) k++;
  return k > f.col ? { top: r, left: f.col, bottom: r, right: k } : undefined;
}

/** Header block and trailer rows: see the module comment (groups, claimed columns). */
function blockMerges(rows: Rows, from: number, to: number, width: number): CellRange[] {
  const merges: CellRange[] = [];
  let r = from;
  while (r <= to) {
    let end = r;
    while (end + 1 <= to && !filled(rows, end + 1, 1)) end++;
    const group: number[] = [];
    for (let k = r; k <= end; k++) group.push(k);
    if (end > r && filled(rows, r, 1)) merges.push({ top: r, left: 1, bottom: end, right: 1 });
    const claimed = new Set<number>();
    for (const k of group) {
      const cols = filledColumns(rows, k);
      if (cols.length >= 3) cols.forEach((c) => claimed.add(c));
    }
    for (const k of group) {
      const total = totalMerge(rows, k, width);
      if (total) {
        merges.push(total);
        continue;
      }
      const cols = filledColumns(rows, k);
      if (cols.length === 0) {
        if (filled(rows, r, 1) && width > 2) merges.push({ top: k, left: 2, bottom: k, right: width });
        continue;
      }
      const free = (c: number): boolean => c <= width && !filled(rows, k, c) && !claimed.has(c);
      for (const c of cols) {
        const label = c === 1 || isLabel(cellText(rows, k, c));
        const left = label ? c + 1 : c;
        if (left > width || (label && filled(rows, k, left))) continue;
        let right = left;
        while (free(right + 1)) right++;
        if (right > left) merges.push({ top: k, left, bottom: k, right });
      }
    }
    r = end + 1;
  }
  return merges;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function applyOverride(file: string, merges: CellRange[]): CellRange[] {
  const o = OVERRIDES[file];
  if (!o) return merges;
  return [...merges.filter((m) => !o.merges.some((x) => overlaps(m, x))), ...o.merges];
}

function assertSound(file: string, cells: PlacedCell[], merges: CellRange[]): void {
  for (const m of merges) {
    for (const c of cells) {
      const inside = c.row >= m.top && c.row <= m.bottom && c.col >= m.left && c.col <= m.right;
      if (inside && (c.row !== m.top || c.col !== m.left)) throw new Error(`${file}: merge would hide a value at row ${c.row}, col ${c.col}`);
    }
  }
  merges.forEach((a, i) => {
    merges.slice(i + 1).forEach((b) => {
      if (overlaps(a, b)) throw new Error(`${file}: overlapping merges at row ${a.top}, col ${a.left} and row ${b.top}, col ${b.left}`);
    });
  });
}

function bannerAlignment(text: string): CellAlignment | undefined {
  const t = compact(text);
  if (/^(金额)?单位[:：]/.test(t)) return { horizontal: "right" };
  if (/^[(（]?\d{4}年|^[(（].*[)）]$/.test(t)) return undefined; // the year or a bracketed subtitle: centred
  return { horizontal: "left" };
}

/** Line counts of the title (14pt bold) and of note lines (11pt) against widths measured for 10pt. */
const TITLE_CHAR_FACTOR = 1.3;
const TITLE_LINE_HEIGHT = 20;
const NOTE_CHAR_FACTOR = 1.1;
const NOTE_LINE_HEIGHT = 15;

export interface CorpusLayout {
  block: CorpusBlock;
  /** the note lines after the table and the multi-cell lines above it (plain text rows) */
  textCells: PlacedCell[];
}

export function layoutCorpusTable(src: CorpusSource): CorpusLayout {
  const rows = src.lines;
  const s = structureOf(rows, src.file);
  const width = tableWidth(rows, s);
  const headers = columnHeaders(rows, s, width);
  const cells: PlacedCell[] = [];
  const textCells: PlacedCell[] = [];
  const merges: CellRange[] = [];
  const roles = new Map<number, RowRole>();

  // above the table: title, banners, plain lines
  let titleRow = 0;
  let firstAbove = 0;
  for (let r = 1; r < s.start; r++) {
    const cols = filledColumns(rows, r);
    if (cols.length === 0) continue;
    firstAbove ||= r;
    const text = cellText(rows, r, cols[0]);
    if (cols.length === 1 && cols[0] === 1) {
      const isTitle = titleRow === 0 && TITLE.test(text) && !NOT_TITLE.test(compact(text));
      if (isTitle) titleRow = r;
      roles.set(r, isTitle ? "title" : "subtitle");
      const alignment = isTitle ? undefined : bannerAlignment(text);
      cells.push({ row: r, col: 1, ...typeTextCell(text), bold: isTitle, ...(alignment ? { alignment } : {}) });
      if (width > 1) merges.push({ top: r, left: 1, bottom: r, right: width });
    } else {
      for (const c of cols) {
        const t = cellText(rows, r, c);
        const right = /^(金额)?单位[:：]/.test(compact(t)) && c > 1;
        textCells.push({ row: r, col: c, ...typeTextCell(t), bold: false, ...(right ? { alignment: { horizontal: "right" } } : {}) });
      }
    }
  }

  const typeAt = (r: number, c: number, role: RowRole): TypedCell => {
    const raw = cellText(rows, r, c);
    if (role === "grid") {
      if (SCORE_HEADER.test(headers[c] ?? "")) return typeScoreCell(raw);
      if (MONEY_HEADER.test(headers[c] ?? "")) return typeHeaderCell(raw, undefined);
      return typeTextCell(raw);
    }
    if (role === "grid-header") return typeTextCell(raw);
    const left = filledColumns(rows, r).filter((k) => k < c).pop();
    return typeHeaderCell(raw, left === undefined ? undefined : cellText(rows, r, left).trim());
  };

  for (let r = s.start; r <= s.lastRow; r++) {
    const role: RowRole = r < s.headerTop || r > s.gridLast ? "header" : r <= s.headerBottom ? "grid-header" : "grid";
    roles.set(r, role);
    for (const c of filledColumns(rows, r)) {
      const bold = role === "grid-header" || (role === "header" && c === 1);
      cells.push({ row: r, col: c, ...typeAt(r, c, role), bold });
    }
  }
  for (let r = s.lastRow + 1; r <= rows.length; r++) {
    const cols = filledColumns(rows, r);
    const line = cols.length === 1 && cols[0] === 1 && width > 1;
    for (const c of cols) {
      textCells.push({ row: r, col: c, ...typeTextCell(cellText(rows, r, c)), bold: false, ...(line ? { alignment: { horizontal: "left", wrapText: true } } : {}) });
    }
    if (line) merges.push({ top: r, left: 1, bottom: r, right: width });
  }

  merges.push(...blockMerges(rows, s.start, s.headerTop - 1, width));
  merges.push(...headerMerges(rows, s, width));
  const side = sideLabelMerge(rows, s);
  if (side) merges.push(side);
  merges.push(...gridLabelMerges(rows, s, headers, width));
  for (let r = s.gridFirst; r <= s.gridLast; r++) {
    const total = totalMerge(rows, r, width);
    if (total && !merges.some((m) => overlaps(m, total))) merges.push(total);
  }
  merges.push(...blockMerges(rows, s.gridLast + 1, s.lastRow, width));
  const finalMerges = applyOverride(src.file, merges);
  assertSound(src.file, [...cells, ...textCells], finalMerges);

  const block: CorpusBlock = {
    file: src.file,
    titleRow: firstAbove || s.start,
    firstRow: s.start,
    lastRow: s.lastRow,
    width,
    labelColumns: s.nameColumn - 1,
    cells,
    merges: finalMerges,
    roles,
    headerTop: s.headerTop,
    headerBottom: s.headerBottom,
    headerRow: s.headerRow,
    nameColumn: s.nameColumn,
    sideLabel: s.sideLabel,
    gridFirst: s.gridFirst,
    gridLast: s.gridLast,
    ...(s.notesFrom !== undefined ? { notesFrom: s.notesFrom } : {}),
  };
  return { block, textCells };
}

export function corpusSheetSpec(src: CorpusSource): SheetSpec<CorpusBlock> {
  const { block, textCells } = layoutCorpusTable(src);
  const sheet = sheetFromBlocks(CORPUS_SHEET_NAME, [block], textCells);
  const room = Math.max(1, sheet.columnWidths.slice(0, block.width).reduce((a, b) => a + b, 0) - 2);
  for (const c of sheet.cells) {
    if (typeof c.value !== "string") continue;
    if (block.roles.get(c.row) === "title") {
      // a long title wraps onto more lines instead of being cut at the table's edge
      const lines = Math.ceil((displayWidth(c.value) * TITLE_CHAR_FACTOR) / room);
      if (lines > 1) {
        c.alignment = { horizontal: "center", wrapText: true };
        sheet.rowHeights.set(c.row, lines * TITLE_LINE_HEIGHT);
      }
    } else if (sheet.textRows.has(c.row) && c.alignment?.wrapText) {
      // a note line below the table, merged across it: as many lines as it needs
      const lines = Math.ceil((displayWidth(c.value) * NOTE_CHAR_FACTOR) / room);
      if (lines > 1) sheet.rowHeights.set(c.row, lines * NOTE_LINE_HEIGHT);
    }
  }
  return sheet;
}

/** Every corpus workbook: "corpus/targets/<name>.xlsx", "corpus/self-evaluation/<name>.xlsx", "corpus/monitoring/<name>.xlsx". */
export function corpusWorkbookSpecs(): WorkbookSpec<CorpusBlock>[] {
  return corpusTsvFiles().map((f) => ({ file: corpusWorkbookFile(f), sheets: [corpusSheetSpec(readCorpusTsv(f))] }));
}
