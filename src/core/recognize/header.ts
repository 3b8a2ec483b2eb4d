/**
 * Finding the indicator grid's header row by its words (lexicon.ts GRID_HEADER_WORDS), in any
 * column of the sheet: a row whose cells name an indicator column and a target-value column, with
 * a second row under a value header that spans periods (指标值 over 半年 / 全年). Which column is
 * the indicator's name is decided by the strength of the words; columns before it whose header is
 * a weaker word (绩效指标, 评价内容) are kept as candidates for label columns or a side label, which
 * the grid's contents decide (see refineHeader in labelColumns.ts).
 */
import type { ColumnRole, IndicatorHeader, RowFieldRole } from "../model";
import { GRID_HEADER_WORDS, PERIOD_SUBHEADERS, VALUE_ROLES, type Strength } from "../lexicon";
import { rowFieldRole } from "./headerBlock";
import { valueLikeness } from "./indicatorGrid";
import type { SheetView } from "./sheet";
import { memoize } from "../memo";

/**
 * Every header word above contains one of these characters, and a label key keeps the CJK characters
 * of its text: a cell whose text has none of them is no header, without working out its key. Keep it
 * in step with GRID_HEADER_WORDS (test/core/recognize.header-chars.test.ts tries every synonym).
 */
export const HEADER_CHARS = /[指口值单符权据准级评向注年重分因执纠累能况容平式]/;

/** Every ROW_FIELD_LABELS word contains one of these (项目名称, 预算数, 年度目标, 单位名称). */
const ROW_FIELD_CHARS = /[名预目资金]/;

interface RoleMatch {
  role: ColumnRole;
  strength: Strength;
}

function matchRole(key: string): RoleMatch | undefined {
  for (const w of GRID_HEADER_WORDS) if (w.pattern.test(key)) return { role: w.role, strength: w.strength };
  // a note in brackets after the header word: 三级指标(具体指标), 指标名称（必填）; a column letter: 年初目标值(A), 实际完成值(B
  const bare = key.replace(TRAILING_NOTE, "").replace(TRAILING_LETTER, "");
  if (bare !== key && bare) return matchRole(bare);
  return undefined;
}
const TRAILING_NOTE = /\([^()]*\)$/;
const TRAILING_LETTER = /\(?[A-Z](\/[A-Z])?\)?$/;

/** Roles of the short keys seen so far: findHeaders asks for every filled cell of a sheet (issue 7). */
const roleMatch = memoize(matchRole, { capacity: 50_000, maxKeyLength: 40 });

export function roleOfHeader(key: string): ColumnRole | undefined {
  return roleMatch(key)?.role;
}

/** "级指标": a level header whose digit was lost (a line break, a copy): the first level the row lacks. */
const LEVEL_WITHOUT_DIGIT = /^级(绩效)?指标(名称)?$/;

interface Candidate extends IndicatorHeader {
  /** the columns whose header names the indicator, with the strength of the word */
  nameCandidates: { col: number; strength: Strength }[];
  /** header cells that name no role (a place, a year), for a grid whose targets stand one column a place */
  unnamed: number[];
}

/**
 * Whether a row can start a header: two filled cells, one of them with a header's or a row
 * field's character. A row without one never opens a candidate, so the search below would find
 * nothing in it; data rows are skipped before their column list and closures are made (issue 17).
 */
function mayHoldHeader(view: SheetView, row: number): boolean {
  let filled = 0;
  let marked = false;
  for (let c = view.firstFilled(row); c !== undefined; c = view.firstFilled(row, c + 1)) {
    filled++;
    if (!marked) {
      const text = view.text(row, c);
      marked = HEADER_CHARS.test(text) || ROW_FIELD_CHARS.test(text);
    }
    if (marked && filled >= 2) return true;
  }
  return false;
}

/**
 * Header rows in the view: rows with at least three roles (two, both named plainly: 指标名称 | 指标值) among them a name (三级/指标名称 or an
 * 一级/二级 column) and a target value. Several headers on one row (tables side by side: a second
 * 一级 column) are returned separately, each with its own column span.
 */
export function findHeaders(view: SheetView): IndicatorHeader[] {
  const out: IndicatorHeader[] = [];
  for (let row = view.top; row <= view.bottom; row++) {
    if (!mayHoldHeader(view, row)) continue;
    const cols = view.filledColumns(row);
    let current: Candidate | null = null;
    const flush = () => {
      const c = current as Candidate | null;
      if (c && !hasValueColumn(c) && (c.nameCandidates.length || c.columns.level1 !== undefined)) {
        const places = placeColumns(view, c);
        if (places.length) {
          c.columns.value = places[0];
          c.placeColumns = places;
          const f = view.field(row, places[0]);
          if (f) c.labels.value = f;
          c.right = Math.max(c.right, ...places);
        }
      }
      if (c && isUsable(c)) out.push(finish(view, c));
      current = null;
    };
    for (const col of cols) {
      const text = view.text(row, col);
      const headerLike = HEADER_CHARS.test(text);
      if (!headerLike && !ROW_FIELD_CHARS.test(text)) {
        if (current && text.length <= 20) current.unnamed.push(col);
        continue;
      }
      const key = view.key(row, col);
      let m = headerLike ? roleMatch(key) : undefined;
      if (!m && LEVEL_WITHOUT_DIGIT.test(key)) {
        const free = (["level1", "level2", "level3"] as const).find((r) => !current?.columns[r] && !laterHasRole(view, row, col, r));
        if (free) m = { role: free, strength: 2 };
      }
      if (!m) {
        if (current && text.length <= 20) current.unnamed.push(col);
        const field = rowFieldRole(key);
        if (field && current === null) {
          // a flat list that repeats its project's fields on every row: 单位名称 | 项目名称 | 预算数 | …
          current = newCandidate(row, col);
        }
        if (field && current) (current.rowFields ??= {})[field] ??= col;
        continue;
      }
      const { role, strength } = m;
      // a second 一级 column on the same row starts a table to the right
      if (current && role === "level1" && (current.columns.level1 !== undefined || current.columns.level3 !== undefined)) flush();
      if (!current) current = newCandidate(row, col);
      if (role === "level3") {
        current.nameCandidates.push({ col, strength });
      } else if (current.columns[role] === undefined) {
        current.columns[role] = col;
        const f = view.field(row, col);
        if (f) current.labels[role] = f;
      } else if (role === "weight" && current.nameCandidates.length && (current.columns.weight as number) < Math.min(...current.nameCandidates.map((n) => n.col))) {
        // 权重 | 二级指标 | 分值 | 三级指标 | … | 分值: the points left of the names are the levels' (merged down
        // with them), the row's own are the ones right of the name
        current.columns.weight = col;
        const f = view.field(row, col);
        if (f) current.labels.weight = f;
      } else if (role === "level2" || VALUE_ROLES.includes(role as never)) {
        // 二级 | 三级 | 指标值 again without an 一级: a second block of the same table (中期 beside 年度);
        // read as a table of its own to the right, which gets the 一级 in force on each row
        flush();
        current = newCandidate(row, col);
        current.columns[role] = col;
        const f = view.field(row, col);
        if (f) current.labels[role] = f;
      }
      current.right = col;
    }
    flush();
  }
  return mergeStacked(out);
}

/**
 * A grid with no target column but one column a place (三级指标 | 指标解释 | 西坪镇尧山村 | 桃舟乡吾培村 …):
 * the first of the unnamed header cells right of the name whose cells below read as targets.
 */
function placeColumns(view: SheetView, c: Candidate): number[] {
  const after = Math.max(...roleColumns(c), ...c.nameCandidates.map((x) => x.col));
  const cols = c.unnamed.filter((col) => col > after);
  return cols.filter((col) => {
    let seen = 0;
    let like = 0;
    for (let r = c.row + 1; r <= Math.min(view.bottom, c.row + 4); r++) {
      const t = view.text(r, col);
      if (!t) continue;
      seen++;
      if (valueLikeness(t) >= 1) like++;
    }
    return seen > 0 && like * 2 >= seen;
  });
}

/**
 * A header row right above another over the same columns is one header in two rows (绩效指标 |
 * 年度指标值 | 实际完成值 | 分值 | 得分 over 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位):
 * each column takes the lower row's role where it has one, the upper row's where the lower is empty.
 */
function mergeStacked(headers: IndicatorHeader[]): IndicatorHeader[] {
  const out: IndicatorHeader[] = [];
  const byRow = new Map<number, IndicatorHeader[]>();
  for (const h of headers) {
    const above = byRow.get(h.row - 1)?.find((o) => o.subRow === undefined && o.left <= h.right && o.right >= h.left);
    const mine = byRow.get(h.row);
    if (mine) mine.push(h);
    else byRow.set(h.row, [h]);
    if (!above) {
      out.push(h);
      continue;
    }
    const taken = new Set(roleColumns(h));
    const merged: IndicatorHeader = { ...h, row: above.row, subRow: h.row, columns: { ...h.columns }, labels: { ...h.labels } };
    for (const [role, col] of Object.entries(above.columns) as [keyof IndicatorHeader["columns"], number][]) {
      if (taken.has(col) || merged.columns[role] !== undefined) continue;
      merged.columns[role] = col;
      const f = above.labels[role];
      if (f) merged.labels[role] = f;
    }
    merged.left = Math.min(...roleColumns(merged));
    merged.right = Math.max(h.right, above.right);
    out[out.indexOf(above)] = merged;
    // the merged header stands on the upper row: the lower row's header is gone
    const lower = byRow.get(h.row) as IndicatorHeader[];
    lower.splice(lower.indexOf(h), 1);
    const upper = byRow.get(above.row) as IndicatorHeader[];
    upper[upper.indexOf(above)] = merged;
  }
  return out;
}

/** Whether a later cell of the row has this role (so that 级指标 before 二级指标 takes 一级, not 二级). */
function laterHasRole(view: SheetView, row: number, col: number, role: ColumnRole): boolean {
  for (const c of view.filledColumns(row, col + 1)) if (roleMatch(view.key(row, c))?.role === role) return true;
  return false;
}

function newCandidate(row: number, col: number): Candidate {
  return { row, columns: {}, labels: {}, left: col, right: col, nameCandidates: [], unnamed: [] };
}

function hasValueColumn(h: Pick<IndicatorHeader, "columns">): boolean {
  return VALUE_ROLES.some((r) => h.columns[r] !== undefined);
}

function isUsable(h: Candidate): boolean {
  const roles = Object.keys(h.columns).length + (h.nameCandidates.length ? 1 : 0);
  const hasName = h.nameCandidates.length > 0 || h.columns.level1 !== undefined || h.columns.level2 !== undefined;
  // two columns only when both words say so (三级指标 / 指标名称 | 指标值): the plainest list of targets
  // (and nothing else on the row: 具体指标 | 教师满意度 | ≥95% is an indicator row)
  const plainPair = roles === 2 && h.unnamed.length === 0 && !h.placeColumns && h.nameCandidates.some((n) => n.strength >= 2);
  return (roles >= 3 || plainPair) && hasName && hasValueColumn(h);
}

/**
 * The name column is the strongest candidate (the rightmost of equals: 绩效指标 | 指标 | … names the
 * indicator in 指标); weaker candidates before it become label candidates, resolved by the grid's cells.
 */
function finish(view: SheetView, c: Candidate): IndicatorHeader {
  const h: IndicatorHeader = { row: c.row, columns: c.columns, labels: c.labels, left: c.left, right: c.right };
  if (c.placeColumns) h.placeColumns = c.placeColumns;
  if (c.rowFields) h.rowFields = c.rowFields;
  // the name stands right of the 一级/二级 columns: a name word before them is a side label (绩效指标 | 一级指标 | …)
  const levelsEnd = Math.max(h.columns.level1 ?? -1, h.columns.level2 ?? -1);
  const beforeLevels = c.nameCandidates.filter((x) => x.col < levelsEnd).map((x) => x.col);
  c.nameCandidates = c.nameCandidates.filter((x) => x.col > levelsEnd);
  // no name column but a 指标内容 / 指标说明 one beside the 一级/二级: it names the indicators
  if (!c.nameCandidates.length && h.columns.description !== undefined && (h.columns.level1 !== undefined || h.columns.level2 !== undefined)) {
    c.nameCandidates.push({ col: h.columns.description, strength: 1 });
    delete h.columns.description;
    delete h.labels.description;
  }
  if (c.nameCandidates.length) {
    const best = c.nameCandidates.reduce((a, b) => (b.strength >= a.strength ? b : a));
    h.columns.level3 = best.col;
    const f = view.field(c.row, best.col);
    if (f) h.labels.level3 = f;
    beforeLevels.push(...c.nameCandidates.filter((x) => x.col < best.col).map((x) => x.col));
  }
  if (beforeLevels.length) h.labelCandidates = beforeLevels;
  readLevelSubHeader(view, h);
  if (h.subRow === undefined) readSubHeader(view, h);
  if (h.subRow === undefined) joinSplitWords(view, h);
  h.left = Math.min(...roleColumns(h));
  return h;
}

export function roleColumns(h: Pick<IndicatorHeader, "columns">): number[] {
  return Object.values(h.columns).filter((c): c is number => c !== undefined);
}

/**
 * Whether column `col` lies under the header cell at (`row`, `headCol`) spanning several columns: the
 * cell itself, the empty cells right of it, and the cells that repeat its word (a merge written out).
 */
function underHeaderCell(view: SheetView, row: number, headCol: number, col: number): boolean {
  const key = view.key(row, headCol);
  const lo = Math.min(col, headCol);
  const hi = Math.max(col, headCol);
  for (let c = lo; c <= hi; c++) {
    if (c === headCol) continue;
    const k = view.key(row, c);
    if (k !== key && (c < headCol || !view.isEmpty(row, c))) return false;
  }
  return true;
}

/**
 * A value header over two or more columns with the periods on the row below (指标值 | — over
 * 半年 | 全年, 2021年实际实现值 | 预期2022年实现值): the columns take the periods' roles and the grid
 * starts under the second row. Only cells under the value header and its empty neighbours count.
 */
function readSubHeader(view: SheetView, h: IndicatorHeader): void {
  const valueCol = h.columns.value ?? h.columns.halfValue ?? h.columns.midValue;
  if (valueCol === undefined) return;
  const below = h.row + 1;
  const subs = view.filledColumns(below, h.left, view.right);
  if (subs.length === 0) return;
  const found: [ColumnRole, number][] = [];
  for (const col of subs) {
    const key = view.key(below, col);
    const role = PERIOD_SUBHEADERS.find(([, re]) => re.test(key))?.[0];
    // a sub-header sits under the value header or under the empty cells right of it
    if (!role || !underHeaderCell(view, h.row, valueCol, col)) return;
    found.push([role, col]);
  }
  if (!found.some(([r]) => VALUE_ROLES.includes(r as never))) return;
  const group = view.field(h.row, valueCol);
  for (const r of VALUE_ROLES)
    if (h.columns[r] === valueCol) {
      delete h.columns[r];
      delete h.labels[r];
    }
  for (const [role, col] of found) {
    if (h.columns[role] !== undefined) continue;
    h.columns[role] = col;
    const f = view.field(below, col);
    if (f) h.labels[role] = f;
    h.right = Math.max(h.right, col);
  }
  if (group && !h.labels.value) h.labels.value = group;
  h.subRow = below;
}

/**
 * A name header over the level columns, the levels on the row below (指标名称 | — over 二级指标 |
 * 三级指标): the columns take the levels' roles and the grid starts under the second row. Every
 * filled cell of that row within the header is a level word under the name header or the empty
 * cells right of it.
 */
function readLevelSubHeader(view: SheetView, h: IndicatorHeader): void {
  const nameCol = h.columns.level3;
  if (nameCol === undefined || h.columns.level1 !== undefined || h.columns.level2 !== undefined) return;
  const below = h.row + 1;
  const subs = view.filledColumns(below, h.left, h.right);
  if (subs.length < 2) return;
  const found: [ColumnRole, number][] = [];
  for (const col of subs) {
    // a header over both rows, written again in the second (a merge written out), is no level
    if (view.key(below, col) === view.key(h.row, col) && col !== nameCol) continue;
    const role = roleMatch(view.key(below, col))?.role;
    if (!underHeaderCell(view, h.row, nameCol, col) || (role !== "level1" && role !== "level2" && role !== "level3") || found.some(([r]) => r === role)) return;
    found.push([role, col]);
  }
  if (!found.some(([r]) => r === "level3")) return;
  delete h.columns.level3;
  delete h.labels.level3;
  for (const [role, col] of found) {
    h.columns[role] = col;
    const f = view.field(below, col);
    if (f) h.labels[role] = f;
  }
  h.subRow = below;
}

/**
 * Header words split over two rows, as a cell with a line break comes out of a PDF or a scan
 * (年度 | 实际 over 指标值 | 完成值): when every filled cell of the row below, within the header,
 * joins the cell above it into a header word, the columns take the joined words' roles and the
 * grid starts under the second row. A role another column already has is left alone (then nothing
 * is joined).
 */
function joinSplitWords(view: SheetView, h: IndicatorHeader): void {
  const below = h.row + 1;
  const subs = view.filledColumns(below, h.left, h.right);
  if (subs.length === 0) return;
  const joined: [ColumnRole, number][] = [];
  for (const col of subs) {
    const upper = view.key(h.row, col);
    const m = upper ? roleMatch(upper + view.key(below, col)) : undefined;
    if (!m) return;
    const other = h.columns[m.role];
    if (other !== undefined && other !== col) return;
    joined.push([m.role, col]);
  }
  for (const [role, col] of joined) {
    for (const r of Object.keys(h.columns) as ColumnRole[])
      if (h.columns[r] === col && r !== role) {
        delete h.columns[r];
        delete h.labels[r];
      }
    h.columns[role] = col;
    const f = view.field(h.row, col);
    if (f) h.labels[role] = f;
  }
  h.subRow = below;
}

export type { RowFieldRole };
