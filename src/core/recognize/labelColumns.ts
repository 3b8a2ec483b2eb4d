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
import { roleColumns } from "./header";
import { TOTAL_ROW } from "./lexicon";
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

function anyFilled(view: SheetView, col: number, top: number, bottom: number): boolean {
  for (let r = top; r <= bottom; r++) if (!view.isEmpty(r, col)) return true;
  return false;
}

function setLevel(view: SheetView, h: IndicatorHeader, role: "level1" | "level2", col: number): void {
  h.columns[role] = col;
  const f = view.field(h.row, col);
  if (f) h.labels[role] = f;
}
