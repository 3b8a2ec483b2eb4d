/**
 * What the columns before the indicator's name hold, decided by their cells (the header words alone
 * cannot tell: 评价内容 holds 二级 labels in one template and names in another, 绩效指标 is a side
 * label in one and the name column in another):
 *   - a column with at most one text over the whole grid that is no indicator label (绩效指标,
 *     项目年度绩效目标(定量指标), written once and merged down) is a side label, not a level;
 *   - the others are label columns: 二级 where their labels mostly mean 二级 (数量指标, 质量指标), 一级
 *     where they mean 一级, and by position (nearest the name 二级) where their labels mean nothing known.
 */
import type { IndicatorHeader } from "../model";
import { normaliseForParsing } from "../text";
import { roleColumns } from "./header";
import { TOTAL_ROW } from "../lexicon";
import type { SheetView } from "./sheet";

interface ColumnEvidence {
  col: number;
  filled: number;
  distinct: Set<string>;
  level1: number;
  level2: number;
}

function evidence(view: SheetView, col: number, top: number, bottom: number): ColumnEvidence {
  const e: ColumnEvidence = { col, filled: 0, distinct: new Set(), level1: 0, level2: 0 };
  for (let r = top; r <= bottom; r++) {
    const k = view.key(r, col);
    if (!k || TOTAL_ROW.test(k)) continue;
    e.filled++;
    e.distinct.add(k);
    const ms = view.meanings(r, col);
    if (ms.some((m) => m.level === 1)) e.level1++;
    if (ms.some((m) => m.level === 2)) e.level2++;
  }
  return e;
}

/** Settle label columns and the side label of a header whose grid runs from `top` to `bottom`. */
export function refineHeader(view: SheetView, h: IndicatorHeader, top: number, bottom: number, bandLeft: number): void {
  spreadMergedLevels(view, h, top, bottom);
  nameOverLabelsAndNames(view, h, top, bottom);
  directionAsOperator(view, h, top, bottom);
  const nameCol = h.columns.level3;
  const firstRole = Math.min(...roleColumns(h));
  // candidates: weaker name words before the name, and unnamed columns between the grid's first filled column and the name
  const candidates = new Set<number>(h.labelCandidates ?? []);
  const limit = nameCol ?? firstRole;
  const rowFields = new Set(Object.values(h.rowFields ?? {}));
  for (let c = Math.max(view.left, bandLeft); c < limit; c++) {
    if (c === h.columns.level1 || c === h.columns.level2 || rowFields.has(c)) continue;
    if (view.isEmpty(h.row, c) && c < firstRole && !anyFilled(view, c, top, bottom)) continue;
    if (!view.isEmpty(h.row, c) && view.key(h.row, c) && c < firstRole) candidates.add(c);
    else if (c > firstRole && c < limit && view.isEmpty(h.row, c) && anyFilled(view, c, top, bottom)) candidates.add(c);
    // a column with no header of its own before the grid's first (绩效指标 | — | 二级指标 | 三级指标, the 一级 labels
    // in the unheaded column): its cells decide, when they read as labels
    else if (c < firstRole && view.isEmpty(h.row, c) && (h.subRow === undefined || view.isEmpty(h.subRow, c)) && holdsLabels(view, c, top, bottom)) candidates.add(c);
  }
  const sorted = [...candidates].sort((a, b) => b - a); // nearest the name first
  for (const c of sorted) {
    const e = evidence(view, c, top, bottom);
    const known = e.level1 + e.level2;
    if (e.distinct.size <= 1 && known === 0) {
      // written once over the grid, or nothing: a side label (the leftmost one is kept)
      if (c < (h.columns.level1 ?? h.columns.level2 ?? limit)) h.sideLabel = h.sideLabel === undefined ? c : Math.min(h.sideLabel, c);
      continue;
    }
    if (e.level2 >= e.level1 && e.level2 > 0 && h.columns.level2 === undefined) setLevel(view, h, "level2", c);
    else if (e.level1 > 0 && h.columns.level1 === undefined) setLevel(view, h, "level1", c);
    else if (h.columns.level2 === undefined && (h.columns.level1 === undefined || h.columns.level1 < c)) setLevel(view, h, "level2", c);
    else if (h.columns.level1 === undefined) setLevel(view, h, "level1", c);
  }
  delete h.labelCandidates;
  h.left = Math.min(...roleColumns(h));
}

/** Whether a column's cells in the grid read as labels: short texts, not numbers, each over a block of rows (merged down). */
function holdsLabels(view: SheetView, col: number, top: number, bottom: number): boolean {
  let filled = 0;
  const distinct = new Set<string>();
  for (let r = top; r <= bottom; r++) {
    const t = view.text(r, col);
    if (!t) continue;
    if (t.length > 16 || /^[\d.,%\s]+$/.test(t)) return false;
    filled++;
    distinct.add(t);
  }
  // (merged down: blank under each label, or the label written again on each row of its block)
  return filled > 0 && (filled < bottom - top + 1 || distinct.size < filled);
}

function anyFilled(view: SheetView, col: number, top: number, bottom: number): boolean {
  for (let r = top; r <= bottom; r++) if (!view.isEmpty(r, col)) return true;
  return false;
}

function setLevel(view: SheetView, h: IndicatorHeader, role: "level1" | "level2", col: number): void {
  h.columns[role] = col;
  const f = view.field(h.row, col);
  if (f) h.labels[role] = f;
}

/**
 * A level header merged over several columns (一级指标 over A:B, the side label 绩效指标 in A below it
 * and the 一级 labels in B): the level is the covered column whose cells mean that level, the others
 * candidates for a side label.
 */
function spreadMergedLevels(view: SheetView, h: IndicatorHeader, top: number, bottom: number): void {
  for (const role of ["level1", "level2"] as const) {
    const col = h.columns[role];
    if (col === undefined) continue;
    const m = view.grid.merges?.find((g) => g.top <= h.row && g.bottom >= h.row && g.left === col && g.right > col);
    if (!m) continue;
    const level = role === "level1" ? 1 : 2;
    let best = col;
    let bestScore = -1;
    for (let c = col; c <= m.right; c++) {
      if (Object.values(h.columns).includes(c) && c !== col) continue;
      let score = 0;
      for (let r = top; r <= bottom; r++) if (view.meanings(r, c).some((x) => x.level === level)) score++;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    if (best === col) continue;
    h.columns[role] = best;
    h.labelCandidates = [...(h.labelCandidates ?? []), ...Array.from({ length: best - col }, (_, k) => col + k)];
  }
}

/**
 * A name header over two columns, the 二级 labels in the first and the names in the second (评价内容 |
 * 绩效内容 | — | 参考标准 over 产出 | 数量目标 | 目标1:提升改造公厕数量 | 计划标准): the first is the 二级
 * column, the one right of it, with no header of its own, the names'.
 */
function nameOverLabelsAndNames(view: SheetView, h: IndicatorHeader, top: number, bottom: number): void {
  const nameCol = h.columns.level3;
  if (nameCol === undefined || h.columns.level2 !== undefined) return;
  // the names' column: the first right of the labels' cells (which may be drawn over two columns)
  const next = 1 + Math.max(nameCol, ...(view.grid.merges ?? []).filter((m) => m.left === nameCol && m.top >= top && m.bottom <= bottom).map((m) => m.right));
  if (Object.values(h.columns).includes(next) || !view.isEmpty(h.row, next) || (h.subRow !== undefined && !view.isEmpty(h.subRow, next))) return;
  const labels = evidence(view, nameCol, top, bottom);
  const names = evidence(view, next, top, bottom);
  if (labels.filled < 2 || labels.level2 * 2 < labels.filled || names.filled <= labels.filled) return;
  h.columns.level2 = nameCol;
  h.columns.level3 = next;
  if (h.labels.level3) h.labels.level2 = h.labels.level3;
  h.right = Math.max(h.right, next);
}

/** What an operator column holds: ≥ ≤ = and their spellings, 是/否, 定性/定量. */
const OPERATOR_CELL = /^(≥|≤|=|>|<|是\/否|定性|定量)$/;

/** A 指标方向 column that holds ≥ / ≤ / = (Fujian) is the rows' operator column, not 正向/反向. */
function directionAsOperator(view: SheetView, h: IndicatorHeader, top: number, bottom: number): void {
  const col = h.columns.direction;
  if (col === undefined || h.columns.operator !== undefined) return;
  let seen = 0;
  let ops = 0;
  for (let r = top; r <= bottom; r++) {
    const t = normaliseForParsing(view.text(r, col)).replace(/\s/g, "");
    if (!t) continue;
    seen++;
    if (OPERATOR_CELL.test(t)) ops++;
  }
  if (seen === 0 || ops * 2 < seen) return;
  h.columns.operator = col;
  if (h.labels.direction) h.labels.operator = h.labels.direction;
  delete h.columns.direction;
  delete h.labels.direction;
}
