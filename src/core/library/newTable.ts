/**
 * "New table from template": a complete target table as cells and merges — title, money unit,
 * project name, budget block, spending plan, goal, and the indicator grid of a framework with the
 * chosen templates placed in their 一级/二级 (unused 二级 left as empty rows).
 */
import type { CellRange, CellValue } from "../grid";
import { sheetRows } from "./sheetRows";
import type { ColumnRole, FrameworkId, MoneyUnit } from "../model";
import { moneyFactor } from "../value/units";
import { placementIn } from "./placement";
import { rowValues } from "./insert";
import { renderValue, type RenderContext } from "./render";
import type { Template } from "./schema";
import { skeleton } from "./skeleton";

export interface NewTableSpec {
  framework: FrameworkId;
  projectName: string;
  templates: readonly Template[];
  /** amounts in `moneyUnit` */
  budget?: { total: number; fiscal?: number; other?: number };
  moneyUnit?: MoneyUnit;
  year?: number;
  /** 资金用途 */
  purpose?: string;
  /** 绩效目标 */
  goal?: string;
  /** cumulative spending plan at 3月底, 6月底, 9月底, 12月底 as fractions (0.25 = 25%) */
  spendingPlan?: [number, number, number, number];
  /** sheet name for the new sheet (default: the project name, cut to Excel's 31 characters) */
  sheet?: string;
  /** previews: write the templates' examples into user-filled values */
  useExamples?: boolean;
}

export interface NewTable {
  sheet: string;
  /** cells from A1 */
  cells: CellValue[][];
  /** merged areas, 1-based sheet coordinates */
  merges: CellRange[];
  /** number formats parallel to cells where one matters ("0%" for the spending plan) */
  numberFormats: (string | null)[][];
  /** 1-based row of the indicator header */
  headerRow: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** templates that have no place in the framework */
  skipped: Template[];
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ] */
export function safeSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31);
  return s || "绩效目标表";
}

export function newTableGrid(spec: NewTableSpec): NewTable {
  const evaluation = spec.framework === "evaluation";
  const columns: Partial<Record<ColumnRole, number>> = evaluation
    ? { level1: 1, level2: 2, level3: 3, description: 4, halfValue: 5, value: 6, basis: 7 }
    : { level1: 1, level2: 2, level3: 3, description: 4, value: 5, basis: 6 };
  const width = evaluation ? 7 : 6;
  const unit = spec.moneyUnit ?? "万元";
  const { cells, formats, merges, row } = sheetRows(width);
  const mergeRight = (r: number, from: number) => {
    if (from < width) merges.push({ top: r, left: from, bottom: r, right: width });
  };

  // "智慧校园信息化运维项目" is already a 项目: no "…项目项目绩效目标表"
  const title = row([`${spec.projectName}${/项目$/.test(spec.projectName.trim()) ? "" : "项目"}绩效目标表`]);
  mergeRight(title, 1);
  const unitRow = row([]);
  cells[unitRow - 1][width - 1] = `单位：${unit}`;
  const nameRow = row(["项目名称", spec.projectName]);
  mergeRight(nameRow, 2);
  const total = spec.budget?.total ?? null;
  const fiscal = spec.budget?.fiscal ?? total;
  const other = spec.budget?.other ?? (total !== null && fiscal !== null ? Number((total - fiscal).toFixed(6)) : null);
  row(["预算数", total, "其中：财政资金", fiscal, "其他资金", other]);
  const purposeRow = row(["资金用途", spec.purpose ?? ""]);
  mergeRight(purposeRow, 2);
  const spendingPlan = spec.spendingPlan ?? [0.25, 0.5, 0.75, 1];
  const spendingPlanHead = row(["资金支出计划（%）", "3月底", "6月底", "9月底", "12月底"]);
  const spendingPlanValues = row([null, ...spendingPlan], [null, "0%", "0%", "0%", "0%"]);
  merges.push({ top: spendingPlanHead, left: 1, bottom: spendingPlanValues, right: 1 });
  const goalRow = row(["绩效目标", spec.goal ?? ""]);
  mergeRight(goalRow, 2);
  const headerRow = row(
    evaluation
      ? ["一级指标", "二级指标", "三级指标", "绩效指标描述", "半年（程）指标值", "全年（程）指标值", "指标值确定依据"]
      : ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
  );

  const ctx: RenderContext = {
    moneyUnit: unit,
    budgetYuan: total !== null ? total * moneyFactor(unit) : undefined,
    year: spec.year,
    useExamples: spec.useExamples,
  };
  const skipped = spec.templates.filter((t) => !placementIn(t.level1, t.level2, spec.framework));
  const rows = skeleton(spec.framework);
  let l1Start = 0;
  rows.forEach((s, i) => {
    const placed = spec.templates.filter((t) => {
      const p = placementIn(t.level1, t.level2, spec.framework);
      return p?.level1 === s.level1 && p.level2 === s.level2;
    });
    const first = cells.length + 1;
    if (i === 0 || rows[i - 1].level1 !== s.level1) l1Start = first;
    if (placed.length === 0) row([i === 0 || rows[i - 1].level1 !== s.level1 ? s.level1Label : null, s.level2Label]);
    placed.forEach((t, j) => {
      const labels = { level1: first === l1Start && j === 0 ? s.level1Label : undefined, level2: j === 0 ? s.level2Label : undefined };
      const v = renderValue(t, ctx);
      const h = evaluation ? renderValue(t, ctx, true) : undefined;
      row(rowValues(columns, 1, width, t, v, h, labels));
    });
    const last = cells.length;
    if (last > first) merges.push({ top: first, left: 2, bottom: last, right: 2 });
    if (i === rows.length - 1 || rows[i + 1].level1 !== s.level1) {
      if (last > l1Start) merges.push({ top: l1Start, left: 1, bottom: last, right: 1 });
    }
  });
  return { sheet: safeSheetName(spec.sheet ?? spec.projectName), cells, merges, numberFormats: formats, headerRow, columns, skipped };
}
