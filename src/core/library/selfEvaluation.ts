/**
 * "新建自评表": the 绩效自评表 of a project made from its target table, in the layout of the
 * 财政部 template (财预〔2020〕10号 附件 项目支出绩效自评表): the project, the budget-execution
 * block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) with the table's money, the
 * 年度总体目标, and every indicator with its 年度指标值 copied and empty 实际完成值 / 得分 /
 * 偏差原因 cells for the unit to fill. 分值 are spread by the default scheme (预算执行率 10, 产出 50,
 * 效益 30, 满意度 10), evenly within each part, so that the checks of the self-evaluation family
 * hold once the unit fills in consistent values.
 */
import { isSatisfactionName } from "../lexicon";
import { sheetRows } from "./sheetRows";
import type { ColumnRole, IndicatorRow, MoneyUnit, TargetTable } from "../model";
import { safeSheetName, type NewTable } from "./newTable";

/** The parts of a self-evaluation and their points (财预〔2020〕10号 default). */
export interface PointsScheme {
  execution: number;
  output: number;
  benefit: number;
  satisfaction: number;
}

export const DEFAULT_POINTS: PointsScheme = { execution: 10, output: 50, benefit: 30, satisfaction: 10 };

export interface SelfEvaluationSpec {
  points?: PointsScheme;
  year?: number;
  sheet?: string;
  /** the money unit to assume where the target table declares none (the configuration's moneyUnit, the pane's 默认金额单位); else none is written */
  moneyUnit?: MoneyUnit;
}

type Part = "output" | "benefit" | "satisfaction";

/** Which part of the points a row belongs to, by its 一级 (成本, 决策 and 过程 count with the outputs). */
function partOf(ind: IndicatorRow): Part {
  const l1 = ind.level1?.key ?? "";
  if (l1 === "满意度" || ind.level2?.key === "服务对象满意度" || ind.level2?.key === "满意度" || isSatisfactionName(ind.name?.text ?? "")) return "satisfaction";
  if (l1 === "效益" || l1 === "影响力") return "benefit";
  return "output";
}

/** `total` points over `n` rows in whole points, the remainder to the first rows: 50 over 3 = 17, 17, 16. */
function spread(total: number, n: number): number[] {
  if (n === 0) return [];
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

/** The points of each indicator row of a target table under a scheme; a part without rows gives its points to the others. */
export function spreadPoints(rows: readonly IndicatorRow[], scheme: PointsScheme = DEFAULT_POINTS): number[] {
  const parts: Part[] = rows.map(partOf);
  const present = (["output", "benefit", "satisfaction"] as const).filter((p) => parts.includes(p));
  const grid = 100 - scheme.execution;
  const stated = present.reduce((a, p) => a + scheme[p], 0);
  // the parts present share the grid's points in the scheme's proportions, in whole points
  const shares = new Map<Part, number>();
  let left = grid;
  present.forEach((p, i) => {
    const share = i === present.length - 1 ? left : Math.round((scheme[p] * grid) / (stated || 1));
    shares.set(p, share);
    left -= share;
  });
  const out = new Array<number>(rows.length).fill(0);
  for (const p of present) {
    const idx = parts.map((x, i) => (x === p ? i : -1)).filter((i) => i >= 0);
    spread(shares.get(p) as number, idx.length).forEach((w, k) => (out[idx[k]] = w));
  }
  return out;
}

/** A 一级 label without the points the target table gave it: 产出指标(40-50)分 -> 产出指标, (50分) -> "". */
function withoutPoints(text: string): string {
  return text.replace(/\s*[(（]?\s*\d+(?:\.\d+)?(?:\s*[-–~～至]\s*\d+(?:\.\d+)?)?\s*分?\s*[)）]?\s*分?\s*$/, (m) => (/分/.test(m) ? "" : m)).trim();
}

/** The 一级 label of a block with the points it is given: 产出指标(50分) (a label given only as points takes its meaning's name). */
function level1Label(ind: IndicatorRow, points: number): string | null {
  const l1 = ind.level1;
  if (!l1) return null;
  const name = withoutPoints(l1.text) || (l1.key ? `${l1.key}指标` : "");
  return name ? `${name}(${points}分)` : null;
}

/** A formula a made sheet holds where a spreadsheet keeps a figure right by itself (A1 text without "="); the cell's value is its result as made. */
export interface SheetFormula {
  row: number;
  col: number;
  formula: string;
}

/** A made self-evaluation: the new sheet's cells, and the formulas of its 执行率, execution 得分 and 总分 (written by the CLI; a host may write them too). */
export interface SelfEvaluationTable extends NewTable {
  formulas: SheetFormula[];
}

const col = (c: number) => String.fromCharCode(64 + c);

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** The self-evaluation of a target table, as cells and merges from A1 (columns A–I, the side label in A). */
export function selfEvaluationGrid(t: TargetTable, spec: SelfEvaluationSpec = {}): SelfEvaluationTable {
  const scheme = spec.points ?? DEFAULT_POINTS;
  const width = 9;
  // a table that never says 元 or 万元 is not given one by guessing: the self-evaluation says what the target said
  const unit = t.moneyUnit.unit ?? spec.moneyUnit ?? null;
  const { cells, formats, merges, row } = sheetRows(width);
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  const project = t.projectName?.text ?? t.title?.text ?? t.sheet;
  const year = spec.year ? `（${spec.year}年度）` : "";

  merge(row([`项目支出绩效自评表${year}`]), 1, cells.length, width);
  merge(row(["项目名称", project]), 2, cells.length, width);
  const agencies = t.texts.agencies ?? [];
  const nameRow = row(["主管部门", t.department?.text ?? agencies[0]?.text ?? null, null, null, null, "实施单位", agencies[1]?.text ?? agencies[0]?.text ?? null]);
  merge(nameRow, 2, nameRow, 5);
  merge(nameRow, 7, nameRow, width);

  // the budget-execution block: the table's money in the 年初 and 全年 columns, the rest to fill
  const head = row([unit ? `项目资金（${unit}）` : "项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  const b = t.budget;
  const total = (b.total ?? b.currentYear)?.value ?? null;
  const fiscal = b.fiscal?.value ?? (b.fiscalParts.length ? b.fiscalParts.reduce((a, x) => a + x.value, 0) : total);
  const money = (v: number | null) => [v, v, null];
  const first = row([null, "年度资金总额", ...money(total), scheme.execution, null, null], [null, null, "0.00", "0.00", "0.00", null, "0.00%", null]);
  row([null, "其中：当年财政拨款", ...money(fiscal), "—", null, "—"], [null, null, "0.00", "0.00", "0.00"]);
  row([null, "上年结转资金", ...money(b.carryOver?.value ?? null), "—", null, "—"], [null, null, "0.00", "0.00", "0.00"]);
  const last = row([null, "其他资金", ...money(b.other?.value ?? null), "—", null, "—"], [null, null, "0.00", "0.00", "0.00"]);
  merge(head, 1, last, 1);
  for (let r = first; r <= last; r++) merge(r, 8, r, width);
  merge(head, 8, head, width);

  const goalHead = row(["年度总体目标", "预期目标", null, null, null, "实际完成情况"]);
  const goalText = row([null, t.texts.goals.map((g) => g.text).join("\n") || null]);
  merge(goalHead, 1, goalText, 1);
  merge(goalHead, 2, goalHead, 5);
  merge(goalHead, 6, goalHead, width);
  merge(goalText, 2, goalText, 5);
  merge(goalText, 6, goalText, width);

  const headerRow = row(["绩效指标", ...HEADER]);
  const columns: Partial<Record<ColumnRole, number>> = { level1: 2, level2: 3, level3: 4, value: 5, actual: 6, weight: 7, score: 8, reason: 9 };
  const rows = t.indicators.filter((i) => i.name || i.value);
  const points = spreadPoints(rows, scheme);
  const gridTop = cells.length + 1;
  let l1Start = gridTop;
  let l2Start = gridTop;
  rows.forEach((ind, i) => {
    const prev = rows[i - 1];
    const newL1 = i === 0 || ind.level1?.address !== prev.level1?.address;
    const newL2 = newL1 || ind.level2?.address !== prev.level2?.address;
    const r = cells.length + 1;
    if (newL1) {
      merge(l1Start, 2, r - 1, 2);
      l1Start = r;
    }
    if (newL2) {
      merge(l2Start, 3, r - 1, 3);
      l2Start = r;
    }
    const target = ind.parsed?.raw ?? ind.value?.text ?? null;
    const blockPoints = () => {
      let sum = 0;
      for (let k = i; k < rows.length && (k === i || rows[k].level1?.address === ind.level1?.address); k++) sum += points[k];
      return sum;
    };
    row([null, newL1 ? level1Label(ind, blockPoints()) : null, newL2 ? (ind.level2?.text ?? null) : null, ind.name?.text ?? null, target, null, points[i], null, null]);
  });
  const end = cells.length;
  if (rows.length) {
    merge(l1Start, 2, end, 2);
    merge(l2Start, 3, end, 3);
    merge(gridTop, 1, end, 1);
  }
  const totalRow = row(["总分", null, null, null, null, null, 100, null, null]);
  merge(totalRow, 1, totalRow, 6);
  // 执行率 = 全年执行数 ÷ 全年预算数, its 得分 = 分值 × 执行率 (at most 分值), the 总分's 分值 and 得分 the sums: empty until there is something to compute
  const [budgetC, spentC, weightC, rateC, scoreC] = [4, 5, 6, 7, 8].map(col);
  const at = (c: string, r: number) => `${c}${r}`;
  const gridWeights = rows.length ? `SUM(${at(col(columns.weight as number), gridTop)}:${at(col(columns.weight as number), end)})+` : "";
  const gridScores = `${at(col(columns.score as number), gridTop)}:${at(col(columns.score as number), end)}`;
  const formulas: SheetFormula[] = [
    { row: first, col: 7, formula: `IF(OR(${at(budgetC, first)}="",${at(spentC, first)}="",N(${at(budgetC, first)})=0),"",${at(spentC, first)}/${at(budgetC, first)})` },
    { row: first, col: 8, formula: `IF(${at(rateC, first)}="","",MIN(${at(weightC, first)},ROUND(${at(weightC, first)}*${at(rateC, first)},2)))` },
    { row: totalRow, col: columns.weight as number, formula: `${gridWeights}${at(weightC, first)}` },
    ...(rows.length ? [{ row: totalRow, col: columns.score as number, formula: `IF(COUNT(${gridScores})=0,"",SUM(${gridScores})+N(${at(scoreC, first)}))` }] : []),
  ];
  const sheet = safeSheetName(spec.sheet ?? `${project}自评`);
  return { sheet, cells, merges, numberFormats: formats, headerRow, columns, skipped: [], formulas };
}
