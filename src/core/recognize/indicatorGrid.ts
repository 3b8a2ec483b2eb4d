/**
 * Reading the indicator grid below its header row: 一级/二级 labels (continued down through
 * blank and merged cells), 三级 rows with every field at its cell, and rows or labels that a page
 * break or a careless paste moved into the wrong column (placed where they belong and reported).
 */
import type { CellRange } from "../grid";
import { frameworkById, type FrameworkDef } from "../frameworks/data";
import { detectFramework, isCutLabel, parentsOf, suggestLabel, type LabelMeaning, type SeenLabel } from "../frameworks/labels";
import type { ColumnRole, Field, FrameworkId, IndicatorHeader, IndicatorRow, LabelBlock, LabelRef, RecognitionIssue } from "../model";
import { normaliseForParsing } from "../text";
import { isSatisfactionName, POINTS_IN_LABEL, TOTAL_ROW } from "../lexicon";
import type { SheetView } from "./sheet";
import { memoize, memoizeByObject } from "../memo";

/** Roles that hold the data of a row (everything right of the 一级/二级 labels). */
const DATA_ROLES: ColumnRole[] = [
  "level3",
  "description",
  "priorValue",
  "halfValue",
  "midValue",
  "value",
  "unit",
  "operator",
  "direction",
  "weight",
  "basis",
  "note",
  "actual",
  "score",
  "reason",
  "progress",
  "forecast",
  "correction",
];

/** The standard qualitative answers written as target values (充分, 规范, 及时, 明显提高 …). */
const QUALITATIVE_ANSWER =
  /^(明显|显著|进一步|较|有所|大幅|逐步|不断|持续|全面|稳步)?(提高|提升|改善|降低|下降|增强|扩大|有效|有利|高|好|优|大)$|^(充分|规范|合理|明确|科学|合规|健全|有效|完备|可控|完善|一致|全面|及时|保障|良好|正常|达标|按时|序时进度|到位|准确|稳定|安全|是|否|高|好|优|满意|显著|明显|较高|合格|完成|无|有|已完成|按期完成)$/;

/** How much a text looks like a target value: 2 number-like, 1 a qualitative answer, 0 neutral, −1 prose. */
export function valueLikeness(text: string): number {
  if (!text) return 0;
  return likeness(text);
}
// names and values recur in every table: each text is judged once (issue 7)
const likeness = memoize((text: string) => likenessOf(text), { capacity: 20_000, maxKeyLength: 64 });

function likenessOf(text: string): number {
  // a numbered name (指标2:灌区节水改造面积) is a name: its number is no value
  const t = normaliseForParsing(text).replace(/\s/g, "").replace(ENUMERATION, "");
  if (/\d/.test(t) && t.length <= 24 && /^[^，。；,;]*$/.test(t) && cjkCount(t) < 7) return 2;
  if (/^[≥≤=<>]/.test(t)) return 2;
  if (/^(n|N|x|X|xx|XX|××|\*+)%?$/.test(t)) return 2;
  if (QUALITATIVE_ANSWER.test(t)) return 1;
  if (t.length > 12) return -1;
  return 0;
}

/** A row of a template left as it was: ……, …, ... */
const LEFTOVER = /^[.…。·]{2,}$|^…$/;
/** A template's wording for a label still to be chosen (具体指标, XX指标). */
const PLACEHOLDER_LABEL = /^(具体指标|具体二级指标|XX指标|xx指标|××指标|二级指标名称)$/;

/** A label no framework knows, by its form: short and ending like one (制度指标, 计划管理指标, 影响力目标). */
function looksLikeLabel(key: string): boolean {
  return key.length <= 12 && /(指标|目标|类)$/.test(key);
}

/** The number a template puts before a name: 指标1:, 目标1:, 1., 2、, (3), and 指标1 glued to the name or alone (指标1工程资金金额, 指标2) */
const ENUMERATION = /^(指标|目标|第)?\d{1,2}[:：、.．)）]|^[(（]\d{1,2}[)）]|^(指标|目标)\d{1,2}(?=[\u4e00-\u9fff]|$)/;

const BARE_ENUMERATION = /^(指标|目标|第)?\d{1,2}[:：、.．)）]?$|^[(（]\d{1,2}[)）]$/;

function cjkCount(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

interface Columns {
  level1?: number;
  level2?: number;
  level3?: number;
}

/** A label cell found in a row, with the level it was read as. */
interface FoundLabel {
  col: number;
  text: string;
  meaning: LabelMeaning | null;
  /** the column it belongs in */
  expectedCol: number | undefined;
}

/** The 一级 of a neighbouring block, for a block that has no 一级 column (年度 beside 中期). */
export interface InheritedLevels {
  level1At(row: number): LabelRef | null;
  framework: FrameworkId;
}

export interface GridReadResult {
  indicators: IndicatorRow[];
  blocks: LabelBlock[];
  issues: RecognitionIssue[];
  framework: { id: FrameworkId; score: number; overridden: boolean; matched: boolean };
}

/** Labels in the label columns of the grid rows, for framework detection. */
/** A label seen in the grid, with its cell. */
type PlacedLabel = SeenLabel & { row: number; col: number };

function seenLabels(view: SheetView, header: IndicatorHeader, top: number, bottom: number, right: number): PlacedLabel[] {
  const out: PlacedLabel[] = [];
  const labelColumns = labelColumnsOf(header);
  for (let r = top; r <= bottom; r++) {
    for (const [c, level] of labelColumns) {
      const t = view.text(r, c);
      if (!t) continue;
      // a label written again on each row of its block (a merged cell written out) counts once
      if (level !== 0 && r > top && sameAsAbove(view, r, c)) continue;
      const meanings = view.meanings(r, c);
      // every text of an 一级/二级 column counts (an unknown one against every framework); a name only when it is a
      // label standing alone in its row (as the rows are read below: 社会成本指标 with a value beside it is a name)
      if (level === 0 && !(meanings.length && view.rowIsEmpty(r, c + 1, right))) continue;
      out.push({ text: t, column: level, meanings, row: r, col: c });
    }
  }
  return out;
}

/** The 一级, 二级 and 三级 columns that a header has, with the level each is read as (三级: 0). */
function labelColumnsOf(header: IndicatorHeader): [number, 0 | 1 | 2][] {
  const cols = header.columns;
  const out: [number, 0 | 1 | 2][] = [];
  if (cols.level1 !== undefined) out.push([cols.level1, 1]);
  if (cols.level2 !== undefined) out.push([cols.level2, 2]);
  if (cols.level3 !== undefined) out.push([cols.level3, 0]);
  return out;
}

/** Pick the meaning of a label in a column under a framework; null when the framework does not know it. */
function meaningIn(fw: FrameworkDef, ms: LabelMeaning[], columnLevel: 0 | 1 | 2): LabelMeaning | null {
  const inFw = ms.filter((m) =>
    m.level === 1 ? fw.level1.some((a) => a.key === m.key) : fw.level1.some((a) => a.level2.some((b) => b.key === m.key)),
  );
  if (inFw.length === 0) return null;
  return inFw.find((m) => m.level === columnLevel) ?? inFw[0];
}

/**
 * The grid's columns as its header draws them: a header cell merged over two sheet columns (a wide
 * 三级指标 column) is one column. A row moved sideways (a page break) moves by these columns, so a
 * shift counts columns of the table, not of the sheet.
 */
function columnsOfHeader(view: SheetView, header: IndicatorHeader): number[] {
  const row = header.subRow ?? header.row;
  const covered = new Set<number>();
  for (const m of view.grid.merges ?? []) {
    if (m.top > row || m.bottom < row || m.right === m.left) continue;
    for (let c = m.left + 1; c <= m.right; c++) covered.add(c);
  }
  const out: number[] = [];
  for (let c = header.left; c <= view.right; c++) if (!covered.has(c)) out.push(c);
  return out;
}
/** A header's columns and each one's place among them, worked out once per header. */
const axisOf = memoizeByObject((header: IndicatorHeader, view: SheetView) => {
  const cols = columnsOfHeader(view, header);
  return { cols, index: new Map(cols.map((c, i) => [c, i])) };
});

/** The sheet column `shift` table columns from `col` (left of the grid: a column before header.left). */
function shiftedColumn(view: SheetView, header: IndicatorHeader, col: number, shift: number): number {
  if (shift === 0) return col;
  const { cols, index } = axisOf(header, view);
  const i = index.get(col);
  if (i === undefined) return col + shift;
  const j = i + shift;
  if (j < 0) return header.left + j;
  return j < cols.length ? cols[j] : cols[cols.length - 1] + (j - cols.length + 1);
}

/** How many table columns `col` stands from `from` (negative: to the left). */
function columnDistance(view: SheetView, header: IndicatorHeader, from: number, col: number): number {
  const { index } = axisOf(header, view);
  const a = index.get(from);
  const b = index.get(col);
  return a === undefined || b === undefined ? col - from : b - a;
}

function readRoleCells(view: SheetView, row: number, header: IndicatorHeader, shift: number, skip?: Set<number>): Partial<Record<ColumnRole, Field>> {
  const out: Partial<Record<ColumnRole, Field>> = {};
  for (const role of DATA_ROLES) {
    const c = header.columns[role];
    if (c === undefined) continue;
    const col = shiftedColumn(view, header, c, shift);
    if (col < header.left || skip?.has(col)) continue;
    const f = view.field(row, col);
    if (f) out[role] = f;
  }
  return out;
}

/**
 * The text readRoleCells would give a role ("" where it gives no field): for the scores below,
 * which read a row several times and need no Field objects.
 */
function roleText(view: SheetView, row: number, header: IndicatorHeader, role: ColumnRole, shift: number, skip?: Set<number>): string {
  const c = header.columns[role];
  if (c === undefined) return "";
  const col = shiftedColumn(view, header, c, shift);
  if (col < header.left || skip?.has(col)) return "";
  return view.text(row, col);
}

/** What budget staff write in the 三级 and 指标值 cells of a template row they do not use: "/", 无, —, 不适用. */
const NOT_APPLICABLE = /^(\/|\\|无|—+|-+|－+|－|不适用|无此项|暂无|\/\/)$/;

/**
 * A row whose 三级 name and values are all blank or "not applicable" marks, at least one of them a
 * mark ("生态效益指标 | / | /"): an unused 二级 of the template, not an indicator.
 */
function isNotApplicableRow(view: SheetView, row: number, header: IndicatorHeader, labelCols: Set<number>): boolean {
  if (header.columns.level3 === undefined) return false;
  let marks = 0;
  for (const role of ["level3", "value", "halfValue"] as const) {
    let t = normaliseForParsing(roleText(view, row, header, role, 0, labelCols)).replace(/\s/g, "");
    // the template's numbering before the mark: 指标1:/
    if (role === "level3") t = t.replace(ENUMERATION, "");
    if (!t) continue;
    if (!NOT_APPLICABLE.test(t)) return false;
    marks++;
  }
  return marks > 0;
}

/**
 * A row that does not read as written: no name, a label or a value where the name goes, prose where
 * the value goes. (A proper name with its value left empty is a missing value, not a moved row.)
 */
function readsBadly(view: SheetView, row: number, header: IndicatorHeader, labelCols: Set<number>): boolean {
  const name = roleText(view, row, header, "level3", 0, labelCols);
  const value = roleText(view, row, header, "value", 0, labelCols);
  const valueIsProse = !!value && valueLikeness(value) === -1;
  return !name || valueLikeness(name) >= 1 || view.meanings(row, header.columns.level3 as number).length > 0 || valueIsProse;
}

/** Most of the row's cells say what the header row says in the same columns (三个以上: 一级指标 | 二级指标 | 三级指标 …). */
function repeatsHeader(view: SheetView, r: number, header: IndicatorHeader, filled: readonly number[]): boolean {
  if (filled.length < 3) return false;
  let same = 0;
  for (const c of filled) if (view.key(r, c) === view.key(header.row, c) || (header.subRow !== undefined && view.key(r, c) === view.key(header.subRow, c))) same++;
  return same >= 3 && same * 5 >= filled.length * 3;
}

/** An 一级/二级 cell that repeats the one above it: the label in force, written on every row. */
function repeatedLabel(view: SheetView, r: number, c: number, cols: Columns): boolean {
  return (c === cols.level1 || c === cols.level2) && sameAsAbove(view, r, c);
}

/** The cell repeats the one above it (a label written on every row of its block). */
function sameAsAbove(view: SheetView, r: number, c: number): boolean {
  return view.text(r, c) !== "" && view.text(r, c) === view.text(r - 1, c);
}

function spansGrid(m: CellRange | undefined, header: IndicatorHeader): boolean {
  if (!m) return false;
  const c = header.columns;
  const first = c.level1 ?? c.level2 ?? c.level3;
  const last = c.value ?? c.halfValue ?? c.midValue;
  return first !== undefined && last !== undefined && m.left <= first && m.right >= last;
}

/** How much better than where it stands a row must read shifted when no label moved with it. */
const SHIFT_MARGIN = 1.75;

/** Score how well a row reads with its data cells shifted by `shift` columns. */
function scoreShift(
  view: SheetView,
  row: number,
  header: IndicatorHeader,
  right: number,
  shift: number,
  labelCols: Set<number>,
  labelOffsets: number[],
): number {
  let score = shift === 0 ? 0.5 : 0;
  const name = roleText(view, row, header, "level3", shift);
  if (header.columns.level3 !== undefined) {
    const nameCol = shiftedColumn(view, header, header.columns.level3, shift);
    if (!name) score -= 1;
    else if (labelCols.has(nameCol) || view.meanings(row, nameCol).length) score -= 3;
    else if (valueLikeness(name) === 2) score -= 3;
    else if (valueLikeness(name) === 1) score -= 2;
    else score += 2;
  }
  for (const role of ["value", "halfValue"] as const) {
    if (header.columns[role] === undefined) continue;
    const t = roleText(view, row, header, role, shift);
    const like = valueLikeness(t);
    if (!t) score -= 1;
    else if (like === 2) score += 2;
    else if (like === 1) score += 1;
    else if (like === -1) score -= 2;
  }
  if (labelOffsets.includes(shift) && shift !== 0) score += 1;
  // cells that no role reads after the shift are lost: a wrong shift
  const covered = (c: number) => DATA_ROLES.some((role) => header.columns[role] !== undefined && shiftedColumn(view, header, header.columns[role] as number, shift) === c);
  const firstData = shiftedColumn(view, header, Math.min(...DATA_ROLES.map((r) => header.columns[r] ?? Infinity)), shift);
  for (let c = Math.max(header.left, firstData); c <= right; c++) {
    if (!view.isEmpty(row, c) && !labelCols.has(c) && !covered(c)) score -= 2;
  }
  // text left in a label column that is not a label, when the shift leaves the name elsewhere
  for (const c of [header.columns.level2]) {
    if (c === undefined || c >= firstData) continue;
    const t = view.text(row, c);
    if (t && !view.meanings(row, c).length && !looksLikeLabel(view.key(row, c))) score -= 1;
  }
  return score;
}

/** A text in a label column that is no label of the framework (a name written there, or an unknown label). */
interface UnknownText {
  col: number;
  text: string;
}

/** What the label columns of one row hold (step 1). */
interface RowLabels {
  found: FoundLabel[];
  unknownTexts: UnknownText[];
  /** the columns of `found` */
  labelCols: Set<number>;
  /** how far each label that is in the wrong column sits from its own */
  labelOffsets: number[];
}

/** A row without labels (most rows): one shared reading, never changed, instead of a set and three lists a row (issue 17). */
const NO_COLUMNS: Set<number> = new Set();
const NO_LABELS: RowLabels = { found: [], unknownTexts: [], labelCols: NO_COLUMNS, labelOffsets: [] };

/** Whether a row holds data, and how far its data moved (step 2). */
interface RowData {
  notApplicable: boolean;
  hasData: boolean;
  shift: number;
  cells: Partial<Record<ColumnRole, Field>>;
}

/**
 * One indicator grid being read, row by row: the 一级 and 二级 in force, the label block the rows
 * go into, and what was read and reported so far. Each row goes through the steps in order —
 * rows that are no indicator (skipRow), the labels of the row (labelsOf), its data and any shift
 * (dataOf), the labels applied left to right (applyLabel, applyUnknownText), a shift reported
 * (reportShift), and the indicator itself (addIndicator).
 */
class GridReading {
  readonly issues: RecognitionIssue[] = [];
  readonly indicators: IndicatorRow[] = [];
  readonly blocks: LabelBlock[] = [];
  private level1: LabelRef | null = null;
  private level2: LabelRef | null = null;
  private block: LabelBlock | null = null;
  private pendingBlock = false;
  private readonly cols: Columns;
  private readonly firstDataCol: number;
  /** a column `shift` table columns along (shiftedColumn) */
  private shifted(col: number, shift: number): number {
    return shiftedColumn(this.view, this.header, col, shift);
  }
  private readonly labelColumns: [number, 0 | 1 | 2][];
  /** 一级 | 指标名称 | … with no 二级 column: a 二级 written in the name column may stand there for the row's 二级 */
  private readonly level2InNameColumn: boolean;

  constructor(
    private readonly view: SheetView,
    private readonly header: IndicatorHeader,
    private readonly right: number,
    private readonly fw: FrameworkDef,
    private readonly inherit: InheritedLevels | undefined,
  ) {
    this.cols = header.columns;
    this.firstDataCol = Math.min(...DATA_ROLES.map((r) => header.columns[r] ?? Infinity));
    this.labelColumns = labelColumnsOf(header);
    this.level2InNameColumn = header.columns.level1 !== undefined && header.columns.level2 === undefined && header.columns.level3 !== undefined;
  }

  readRow(r: number): void {
    const { view, header, right } = this;
    if (view.rowIsEmpty(r, header.left, right)) return;
    const filled = view.filledColumns(r, header.left, right);
    if (this.skipRow(r, filled)) return;
    // a block beside another one (年度 beside 中期) has no 一级 column of its own: the one in force beside it
    const inherited = this.inherit?.level1At(r);
    if (inherited && inherited.address !== this.level1?.address) {
      this.level1 = inherited;
      this.level2 = null;
      this.pendingBlock = true;
    }
    const labels = this.labelsOf(r);
    const data = this.dataOf(r, filled, labels);
    if (labels === NO_LABELS) {
      // (most rows: no label, nothing to apply)
      if (data.shift !== 0) this.reportShift(r, labels.found, data.shift, data.cells.level3);
      if (!data.notApplicable) this.addIndicator(r, data.cells.level3, data);
      return;
    }

    // 3. apply labels and unknown texts left to right, so that an unknown 一级 in column A does not
    //    wipe out the known 二级 written beside it in column B ("厂口目标 | 时效 | …")
    const events: ({ col: number; found: FoundLabel } | { col: number; unknown: UnknownText })[] = [];
    for (const f of labels.found) events.push({ col: f.col, found: f });
    for (const u of labels.unknownTexts) events.push({ col: u.col, unknown: u });
    if (events.length > 1) events.sort((a, b) => a.col - b.col);
    let name = data.cells.level3;
    let nameMoved = false;
    for (const e of events) {
      if ("found" in e) this.applyLabel(r, e.found, data.shift);
      else {
        const moved = this.applyUnknownText(r, e.unknown, data, name === undefined);
        if (moved) {
          name = moved;
          nameMoved = true;
        }
      }
    }
    if (data.shift !== 0 && !nameMoved) this.reportShift(r, labels.found, data.shift, name);
    if (!data.notApplicable) this.addIndicator(r, name, data);
  }

  /** Rows that hold no indicator and change no label: the template's ……, the header printed again, a note across the grid. */
  private skipRow(r: number, filled: readonly number[]): boolean {
    const { view, header, cols } = this;
    // the template's …… left in a row of its own
    // (the 一级/二级 labels repeated on every row of a system export beside it)
    const unlabelled = filled.filter((c) => c !== cols.level1 && c !== cols.level2 && c !== header.sideLabel);
    const leftover = filled.every((c) => LEFTOVER.test(view.text(r, c)))
      ? filled[0]
      : unlabelled.length > 0 && unlabelled.every((c) => LEFTOVER.test(view.text(r, c))) && filled.every((c) => unlabelled.includes(c) || c === header.sideLabel || sameAsAbove(view, r, c))
        ? unlabelled[0]
        : undefined;
    if (leftover !== undefined) {
      this.issues.push({ ...view.place(r, leftover), kind: "leftover", text: view.text(r, leftover) });
      return true;
    }
    // the column header printed again (on each printed page, or under a merged two-row header written out)
    if (repeatsHeader(view, r, header, filled)) return true;
    // one text merged across the grid's label and value columns: a note or a heading line, no indicator
    return filled.length === 1 && spansGrid(view.mergeAt(r, filled[0]), header);
  }

  /** 1. labels in the 一级/二级/三级 columns. */
  private labelsOf(r: number): RowLabels {
    const { view, cols, fw, right } = this;
    const found: FoundLabel[] = [];
    const unknownTexts: UnknownText[] = [];
    for (const [c, level] of this.labelColumns) {
      const t = view.text(r, c);
      if (!t) continue;
      const ms = view.meanings(r, c);
      if (ms.length === 0) {
        if (level !== 0) unknownTexts.push({ col: c, text: t });
        continue;
      }
      const meaning = meaningIn(fw, ms, level);
      // in the 三级 column a known label is only a label when the rest of the row is empty — or, in a grid
      // with an 一级 column and no 二级 one, when it is a 二级 of the framework: the row's 二级, its name not
      // written (一级 | 指标名称 | 指标值 with 成本 | 年度预算220万元); a satisfaction 二级 (服务对象满意度) is
      // as often the indicator's own name
      if (level === 0 && !view.rowIsEmpty(r, c + 1, right) && !(this.level2InNameColumn && meaning?.level === 2 && !isSatisfactionName(t))) continue;
      const expectedCol = meaning ? (meaning.level === 1 ? cols.level1 : cols.level2) : level === 0 ? undefined : c;
      found.push({ col: c, text: t, meaning, expectedCol });
    }
    if (found.length === 0 && unknownTexts.length === 0) return NO_LABELS;
    const labelCols = found.length ? new Set(found.map((f) => f.col)) : NO_COLUMNS;
    const labelOffsets = found.filter((f) => f.expectedCol !== undefined && f.expectedCol !== f.col).map((f) => columnDistance(view, this.header, f.expectedCol as number, f.col));
    return { found, unknownTexts, labelCols, labelOffsets };
  }

  /** 2. is the row's data shifted? (an unused template row marked "/" or 无 holds no data) */
  private dataOf(r: number, filled: readonly number[], { labelCols, labelOffsets }: RowLabels): RowData {
    const { view, header, cols, right } = this;
    const notApplicable = isNotApplicableRow(view, r, header, labelCols);
    let hasData = false;
    if (!notApplicable)
      for (let c = view.firstFilled(r, header.left, right); c !== undefined && !hasData; c = view.firstFilled(r, c + 1, right))
        hasData = !labelCols.has(c) && !repeatedLabel(view, r, c, cols);
    let shift = 0;
    // a row with nothing but short texts in the 一级/二级 columns is a row of labels (one cut short: 数量指), never a shifted indicator
    const onlyLabelText = filled.every((c) => (c === cols.level1 || c === cols.level2) && (labelCols.has(c) || view.text(r, c).length <= 8 || isCutLabel(view.key(r, c))));
    // a 二级 standing in the name column of a grid with no 二级 column is where it belongs: nothing moved
    const level2InNameColumn = this.level2InNameColumn && labelCols.has(cols.level3 as number);
    if (hasData && !onlyLabelText && !level2InNameColumn && header.columns.level3 !== undefined && (labelOffsets.length > 0 || readsBadly(view, r, header, labelCols))) {
      let best = scoreShift(view, r, header, right, 0, labelCols, labelOffsets);
      for (const s of [-1, 1, -2]) {
        if (s > 0 && !labelOffsets.includes(s)) continue;
        // no cell of the row can have moved out of the table (left of its first column, or off the sheet)
        if (DATA_ROLES.some((role) => header.columns[role] !== undefined && shiftedColumn(view, header, header.columns[role] as number, s) < header.left)) continue;
        const sc = scoreShift(view, r, header, right, s, labelCols, labelOffsets);
        // with no label moved along, only a clearly better reading moves the row (a name that holds a
        // quantity, 饲料库120平米, reads a little like a value where it stands)
        if (sc > best + (labelOffsets.length ? 0.01 : SHIFT_MARGIN)) {
          best = sc;
          shift = s;
        }
      }
    }
    return { notApplicable, hasData, shift, cells: readRoleCells(view, r, header, shift, labelCols) };
  }

  private startBlock(row: number): void {
    if (this.block) this.block.bottom = row - 1;
    this.block = { level1: this.level1, level2: this.level2, rows: [], top: row, bottom: row };
    this.blocks.push(this.block);
    this.pendingBlock = false;
  }

  /** A new 一级 or 二级 from a label cell, opening a block. */
  private setLevel(colLevel: 1 | 2, ref: LabelRef, r: number): void {
    if (colLevel === 1) {
      this.level1 = ref;
      this.level2 = null;
    } else this.level2 = ref;
    this.startBlock(r);
  }

  /** 3a. a label of some framework in a label column. */
  private applyLabel(r: number, f: FoundLabel, shift: number): void {
    const { view, cols, fw } = this;
    if (shift !== 0 && f.col >= this.shifted(this.firstDataCol, shift) && f.col !== cols.level1 && f.col !== cols.level2) return;
    const ref: LabelRef = { row: r, col: f.col, address: view.place(r, f.col).address, text: f.text, key: f.meaning?.key ?? null };
    if (!f.meaning) {
      // known in another framework only: read it by its column and report it
      const colLevel = f.col === cols.level1 ? 1 : 2;
      this.issues.push({ ...view.place(r, f.col), kind: "unknown-label", text: f.text, level: colLevel, key: null, suggestion: suggestLabel(f.text, colLevel, fw) });
      this.setLevel(colLevel, ref, r);
      return;
    }
    // a label moved with its whole row is reported once, as the shifted row
    const movedWithRow = shift !== 0 && f.expectedCol !== undefined && columnDistance(view, this.header, f.expectedCol, f.col) === shift;
    if (f.expectedCol !== undefined && f.expectedCol !== f.col && !movedWithRow) {
      this.issues.push({ ...view.place(r, f.col), kind: "label-misplaced", text: f.text, level: f.meaning.level, key: f.meaning.key, expectedCol: f.expectedCol });
    }
    if (f.meaning.level === 1) {
      const key = f.meaning.key;
      // the 一级 of the block in force, written lower down (a merged cell centred on its rows, or
      // repeated): the 二级 stays, and rows above it that had no 一级 get it
      // (the 二级 cell may hold a name moved there with its row: data, not a new 二级)
      // (a 二级 repeated from the row above, as system exports write it, is the same 二级 going on)
      const level2Written =
        cols.level2 !== undefined && !view.isEmpty(r, cols.level2) && !sameAsAbove(view, r, cols.level2) && !(shift !== 0 && cols.level2 >= this.shifted(this.firstDataCol, shift));
      const level2 = this.level2;
      const sameBlock = level2 !== null && !level2Written && (this.level1?.key === key || (this.level1 === null && level2.key !== null && parentsOf(fw, level2.key).includes(key)));
      if (sameBlock && this.level1 === null) adoptLevel1(this.blocks, this.indicators, ref, fw);
      this.level1 = ref;
      if (!sameBlock) this.level2 = null;
      else if (this.block) {
        this.block.level1 = ref;
        return;
      }
    } else {
      this.level2 = ref;
      const parents = parentsOf(fw, f.meaning.key);
      if (this.level1?.key && !parents.includes(this.level1.key)) {
        this.issues.push({ ...view.place(r, f.col), kind: "level2-wrong-parent", text: f.text, level: 2, key: f.meaning.key, parent: this.level1.text });
      } else if (!this.level1 && parents.length === 1) {
        // a 二级 before any 一级: its 一级 is implied
        this.level1 = null;
      }
    }
    this.startBlock(r);
  }

  /**
   * 3b. text in a label column that is no label: a name written there (returned: the row's name, when
   * it has none), or an unknown label.
   */
  private applyUnknownText(r: number, u: UnknownText, data: RowData, nameMissing: boolean): Field | undefined {
    const { view, cols, fw } = this;
    if (data.shift !== 0 && u.col >= this.shifted(this.firstDataCol, data.shift)) return undefined; // read as data
    // the label of the row above written again (a merged cell written out): the same block goes on
    // (the template's 具体指标 left on every row is reported on every row)
    if (repeatedLabel(view, r, u.col, cols) && !PLACEHOLDER_LABEL.test(view.key(r, u.col))) return undefined;
    const looksLikeLabel = u.text.length <= 8 && !/[，,。；;]/.test(u.text);
    if (nameMissing && data.hasData && (u.text.length > 4 || !looksLikeLabel) && !isCutLabel(view.key(r, u.col))) {
      this.issues.push({ ...view.place(r, u.col), kind: "name-misplaced", text: u.text, expectedCol: cols.level3 });
      return view.field(r, u.col);
    }
    const colLevel = u.col === cols.level1 ? 1 : 2;
    // the template's own wording for a label to fill in (具体指标): left as it was
    // (the label's points alone, (50分), is no unknown label: its 二级 labels tell what the block is)
    const pointsOnly = view.key(r, u.col).replace(POINTS_IN_LABEL, "") === "";
    if (PLACEHOLDER_LABEL.test(view.key(r, u.col))) this.issues.push({ ...view.place(r, u.col), kind: "leftover", text: u.text, level: colLevel });
    else if (!pointsOnly) this.issues.push({ ...view.place(r, u.col), kind: "unknown-label", text: u.text, level: colLevel, key: null, suggestion: suggestLabel(u.text, colLevel, fw) });
    this.setLevel(colLevel, { row: r, col: u.col, address: view.place(r, u.col).address, text: u.text, key: null }, r);
    return undefined;
  }

  /** 4. a shifted row, anchored on the first moved cell: the label that moved with the row (成本指标 in the 一级 column), else the name. */
  private reportShift(r: number, found: FoundLabel[], shift: number, name: Field | undefined): void {
    const { header, view } = this;
    const movedLabel = found.find((f) => f.expectedCol !== undefined && columnDistance(view, header, f.expectedCol, f.col) === shift);
    const anchor = movedLabel ? movedLabel.col : shiftedColumn(view, header, header.columns.level3 ?? header.left, shift);
    this.issues.push({
      ...this.view.place(r, anchor),
      kind: "row-shifted",
      text: name?.text ?? "",
      shift,
      expectedCol: movedLabel ? movedLabel.expectedCol : header.columns.level3,
      level: movedLabel?.meaning?.level,
      key: movedLabel ? movedLabel.text : undefined,
    });
  }

  /** 5. the indicator row, when the row holds one. */
  private addIndicator(r: number, name: Field | undefined, { cells, shift }: RowData): void {
    const { view } = this;
    const hasIndicator = !!(name || cells.value || cells.halfValue || cells.midValue || cells.description);
    if (!hasIndicator) return;
    // the template's numbering with nothing after it (指标2: left unused) and nothing else in the row
    if (name && BARE_ENUMERATION.test(view.key(name.row, name.col)) && !cells.value && !cells.halfValue && !cells.midValue && !cells.description && !cells.actual && !cells.score) return;
    // 总分 | … | 100 at the foot of a weighted table
    if (name && TOTAL_ROW.test(view.key(name.row, name.col)) && !cells.value && !cells.halfValue) return;

    if (!this.block || this.pendingBlock) this.startBlock(r);
    this.pendingBlock = false;
    this.indicators.push({
      row: r,
      level1: this.level1,
      level2: this.level2,
      name,
      description: cells.description,
      value: cells.value,
      halfValue: cells.halfValue,
      midValue: cells.midValue,
      priorValue: cells.priorValue,
      unit: cells.unit,
      operator: cells.operator,
      direction: cells.direction,
      note: cells.note,
      actual: cells.actual,
      score: cells.score,
      reason: cells.reason,
      progress: cells.progress,
      forecast: cells.forecast,
      correction: cells.correction,
      weight: cells.weight,
      basis: cells.basis,
      shift,
    });
    this.block?.rows.push(r);
  }

  /** The last block runs to the grid's foot; indicators given in parts are marked. */
  finish(bottom: number): void {
    if (this.block) this.block.bottom = bottom;
    markParts(this.indicators);
  }
}

export function readIndicatorGrid(
  view: SheetView,
  header: IndicatorHeader,
  top: number,
  bottom: number,
  right: number,
  frameworkOverride?: FrameworkId,
  inherit?: InheritedLevels,
): GridReadResult {
  const seen = seenLabels(view, header, top, bottom, right);
  const detected = detectFramework(seen, { halfYearColumn: header.columns.halfValue !== undefined });
  const fwId = frameworkOverride ?? inherit?.framework ?? detected.id;
  const fw = frameworkById(fwId);
  const reading = new GridReading(view, header, right, fw, inherit);
  for (let r = top; r <= bottom; r++) reading.readRow(r);
  reading.finish(bottom);
  const { indicators, blocks, issues } = reading;
  // a name written in a label column (read as the row's name) is no label for or against a framework
  const names = new Set(issues.filter((i) => i.kind === "name-misplaced").map((i) => `${i.row},${i.col}`));
  const matched = !!frameworkOverride || frameworkMatches(fw, names.size ? seen.filter((l) => !names.has(`${l.row},${l.col}`)) : seen);
  return { indicators, blocks, issues, framework: { id: fwId, score: detected.score, overridden: !!frameworkOverride, matched } };
}

const hasTarget = (i: IndicatorRow) => !!(i.value || i.halfValue || i.midValue);
const hasPoints = (i: IndicatorRow) => !!(i.weight || i.score);

/**
 * Indicators given in parts: a row with points but no target, in the same 一级/二级 block as the rows right
 * under it that have targets but no points (★补助家畜家禽养殖数量 | 10 over 猪养殖数量 | 80头, 牛养殖数量 | 3头 …).
 */
function markParts(rows: IndicatorRow[]): void {
  for (let i = 0; i < rows.length; i++) {
    const p = rows[i];
    if (hasTarget(p) || !hasPoints(p)) continue;
    const parts: IndicatorRow[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const q = rows[j];
      if (q.level2?.address !== p.level2?.address || q.level1?.address !== p.level1?.address || !hasTarget(q) || hasPoints(q)) break;
      parts.push(q);
    }
    if (parts.length === 0) continue;
    p.parts = parts.map((q) => q.row);
    for (const q of parts) q.partOf = p.row;
    i += parts.length;
  }
}

/** Blocks read before any 一级 whose 二级 belong to this 一级 take it (and so do their rows). */
function adoptLevel1(blocks: LabelBlock[], indicators: IndicatorRow[], ref: LabelRef, fw: FrameworkDef): void {
  for (const b of blocks) {
    if (b.level1 !== null || !b.level2?.key || !parentsOf(fw, b.level2.key).includes(ref.key as string)) continue;
    b.level1 = ref;
    const rows = new Set(b.rows);
    for (const ind of indicators) if (ind.level1 === null && rows.has(ind.row)) ind.level1 = ref;
  }
}

/**
 * Whether a table's labels are the framework's: most of its 一级/二级 labels known to it. A table
 * without any such label (a flat list) matches none.
 */
function frameworkMatches(fw: FrameworkDef, seen: SeenLabel[]): boolean {
  // labels in the 一级/二级 columns, or standing alone in the name column (an outline in one column: 一、产出指标 / （一）数量指标 / 1.…)
  const levelled = seen.filter((l) => l.column !== 0 || (l.meanings ?? []).length > 0);
  if (levelled.length === 0) return false;
  const known = levelled.filter((l) => (l.meanings ?? []).some((m) => meaningIn(fw, [m], l.column) !== null)).length;
  return known * 2 >= levelled.length;
}
