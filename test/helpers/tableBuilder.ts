/**
 * Small, real-shaped target tables for rule tests. Each template copies the layout of a seed:
 *
 * - "common"     seed 000 (张家口): 项目编码/项目名称, 预算规模及资金用途 | 预算数 | 其中：财政资金 | 其他资金,
 *                资金支出计划（%） with 3月底/6月底/10月底/12月底, 绩效目标 | 目标1…, then
 *                一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据.
 *                A row is [一级, 二级, 三级, 指标值, 指标值确定依据 = "计划标准", 绩效指标描述 = null].
 * - "evaluation" seed 001 (盐城): 项目名称/开始时间/完成时间, 项目实施内容, the 项目资金 block (资金总额,
 *                财政拨款 小计, 一般公共预算资金, 其他资金, 支出 半年/全年), 年度目标, then
 *                一级指标 | 二级指标 | 三级指标 | 半年（程）指标值 | 全年（程）指标值.
 *                A row is [一级, 二级, 三级, 半年, 全年].
 * - "four-goal"  seed 002 (郑州): 项目名称, 开始/结束时间, 项目总金额 | 项目本年度金额, 项目实施计划, 项目构成
 *                (经济科目名称 | 预算金额（元）), 项目总目标, 年度绩效目标, then 一级指标 | 二级指标 | 三级指标 | 目标值.
 *                A row is [一级, 二级, 三级, 目标值].
 *
 * A `header` replaces the indicator header (operator, unit and weight columns …); its rows are then
 * written exactly as given. Blank 一级/二级 cells continue the label above, as in the seeds.
 *
 *   const t = buildTableInfo({ template: "common", budget: 25, rows: [["产出指标", "成本指标", "制作成本", "≥25万元"]] });
 *   t.grid; t.cell(0, "value") // "E10": the 指标值 cell of the first indicator row
 */
import { toA1, type CellRange, type CellValue, type Grid } from "../../src/core/grid";
import type { MoneyUnit } from "../../src/core/model";

export type Template = "common" | "evaluation" | "four-goal";
/** An indicator row: [一级, 二级, 三级, value, …] in the template's order, or cells written as they are. */
export type Row = CellValue[] | { asIs: CellValue[] };

/** A row written cell for cell from column A, ignoring the template's column order (shifted rows). */
export function asIs(...cells: CellValue[]): Row {
  return { asIs: cells };
}
type Role = "level1" | "level2" | "level3" | "description" | "value" | "halfValue" | "basis" | "operator" | "unit" | "weight";

export interface TableSpec {
  template: Template;
  sheet?: string;
  title?: string | null;
  project?: string | null;
  /** 预算数 / 资金总额 / 项目总金额, in `unit` */
  budget?: number | null;
  /** 其中：财政资金 / 财政拨款; defaults to the budget */
  fiscal?: number | null;
  /** 其他资金 (common: written only when given) */
  other?: number | null;
  /** the declared money unit; null declares none (seed 000). Default 万元, four-goal 元. */
  unit?: MoneyUnit | null;
  /** 资金用途 text (common) */
  purpose?: string;
  /** common: cumulative shares under `planHeaders` (null leaves a cell empty); null leaves the plan empty */
  plan?: (number | null)[] | null;
  planHeaders?: string[];
  /** 目标1, 目标2 … (common); 年度目标 (evaluation); 项目总目标, 年度绩效目标 (four-goal) */
  goals?: string[];
  /** 项目实施计划 (four-goal) */
  implementationPlan?: string;
  /** 项目实施内容 (evaluation) */
  implementationContent?: string;
  /** 项目构成 (four-goal): [经济科目名称, 预算金额]; defaults to one item of the whole budget */
  components?: [string, number][];
  /** 项目本年度金额 (four-goal); defaults to the budget */
  currentYear?: number | null;
  /** 半年（程）计划执行数 (evaluation) */
  halfYearBudget?: number | null;
  start?: string;
  end?: string;
  /** a different indicator header; rows are then written cell for cell */
  header?: string[];
  rows: Row[];
}

export interface BuiltTable {
  grid: Grid;
  /** sheet row of the indicator header */
  headerRow: number;
  /** sheet row of rows[i] */
  rowOf(i: number): number;
  /** 1-based column of a role in the indicator grid */
  col(role: Role): number;
  /** A1 address of rows[i] in a role's column: cell(0, "value") */
  cell(i: number, role: Role): string;
  /** A1 address of a header-block cell by its label ("预算数", "项目实施计划" …): the value next to it */
  valueOf(label: string): string;
  /** A1 address of the first cell whose text is `text` */
  find(text: string): string;
}

const HEADERS: Record<Template, string[]> = {
  common: ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"],
  evaluation: ["一级指标", "二级指标", "三级指标", "半年（程） 指标值", "全年（程） 指标值"],
  "four-goal": ["一级指标", "二级指标", "三级指标", "目标值"],
};

const ROLE_OF_HEADER: [RegExp, Role][] = [
  [/^一级/, "level1"],
  [/^二级/, "level2"],
  [/^(三级|指标名称)/, "level3"],
  [/描述|解释|说明/, "description"],
  [/^半年/, "halfValue"],
  [/指标值$|目标值$|^全年/, "value"],
  [/依据/, "basis"],
  [/运算符|指标性质|计算符号|指标方向/, "operator"],
  [/单位/, "unit"],
  [/权重|分值/, "weight"],
];

/** The clean rows of each template: every required 一级/二级 filled, values well formed. */
export const CLEAN_ROWS: Record<Template, CellValue[][]> = {
  common: [
    ["产出指标", "数量指标", "宣传次数", "≥9次"],
    [null, "质量指标", "宣传工作完成率", "≥90%"],
    [null, "时效指标", "宣传完成时间", "2020年12月底前"],
    [null, "成本指标", "宣传总成本", "≤25万元"],
    ["效益指标", "经济效益指标"],
    [null, "社会效益指标", "政策知晓率", "≥80%"],
    [null, "生态效益指标"],
    [null, "可持续影响指标"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ],
  evaluation: [
    ["决策", "项目立项", "立项依据充分性", "充分", "充分"],
    [null, "绩效目标", "绩效目标合理性", "合理", "合理"],
    [null, "资金投入", "预算编制科学性", "科学", "科学"],
    ["过程", "资金管理", "资金使用合规性", "合规", "合规"],
    [null, "组织实施", "管理制度健全性", "健全", "健全"],
    ["产出指标", "成本指标", "物业费总成本", "≤30万元", "≤62.01万元"],
    [null, "数量指标", "物业服务面积", "≥13915平方米", "≥13915平方米"],
    [null, "质量指标", "工单办结率", "=100%", "=100%"],
    [null, "时效指标", "工单处理时限", "≤2工作日", "≤2工作日"],
    ["效益指标", "社会效益指标", "群众咨询便捷度提升率", "≥5%", "≥10%"],
    ["满意度指标", "满意度指标", "物业服务满意度", "≥95%", "≥95%"],
  ],
  "four-goal": [
    ["投入与目标管理", "投入管理", "预算执行率", "=100%"],
    [null, "财务管理", "资金使用规范性", "合规"],
    [null, "项目管理", "项目管理制度健全性", "健全"],
    [null, "资产管理"],
    ["产出目标", "数量", "发放工资人数", "161人"],
    [null, "质量", "工资足额发放率", "=100%"],
    [null, "时效", "工资发放及时性", "按月及时发放"],
    [null, "成本"],
    ["效果目标", "经济效益"],
    [null, "社会效益", "聘用人员稳定率", "≥95%"],
    [null, "满意度", "聘用人员满意度", "≥95%"],
    ["影响力目标", "长效管理", "长效管理制度健全性", "健全"],
    [null, "人力资源"],
  ],
};

const DEFAULTS: Record<Template, { project: string; budget: number; unit: MoneyUnit; goals: string[] }> = {
  common: { project: "宣传费", budget: 25, unit: "万元", goals: ["加大住房公积金政策宣传力度，扩大社会影响力。"] },
  evaluation: { project: "住房公积金管理业务费用", budget: 62.01, unit: "万元", goals: ["保障业务大厅正常运转，为缴存职工提供优质服务。"] },
  "four-goal": {
    project: "政府购买服务（劳务）经费",
    budget: 12210000,
    unit: "元",
    goals: ["保证聘用人员工资和五险一金等正常发放和缴交。", "发放中心聘用人员工资及五险一金。"],
  },
};

class Sheet {
  cells: CellValue[][] = [];
  formats: (string | null)[][] = [];
  merges: CellRange[] = [];
  constructor(readonly top: number) {}
  /** append a row; returns its sheet row */
  add(values: CellValue[], formats: Record<number, string> = {}): number {
    this.cells.push(values.map((v) => (v === undefined ? null : v)));
    const f: (string | null)[] = values.map(() => null);
    for (const [i, fmt] of Object.entries(formats)) f[Number(i)] = fmt;
    this.formats.push(f);
    return this.top + this.cells.length - 1;
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
}

function headerRoles(header: string[]): Role[] {
  return header.map((h) => ROLE_OF_HEADER.find(([re]) => re.test(h))?.[1] ?? "description");
}

/** rows[i] as the cells of the indicator grid, left to right */
function gridRow(template: Template, custom: boolean, r: Row): CellValue[] {
  if (!Array.isArray(r)) return r.asIs.slice();
  if (custom || template !== "common") return r.slice();
  const [l1 = null, l2 = null, l3 = null, value = null, basis, description = null] = r;
  const b = basis !== undefined ? basis : l3 !== null || value !== null ? "计划标准" : null;
  return [l1, l2, l3, description, value, b];
}

function writeHeaderBlock(s: Sheet, spec: TableSpec, width: number): void {
  const d = DEFAULTS[spec.template];
  const project = spec.project === undefined ? d.project : spec.project;
  const budget = spec.budget === undefined ? d.budget : spec.budget;
  const fiscal = spec.fiscal === undefined ? budget : spec.fiscal;
  const unit = spec.unit === undefined ? d.unit : spec.unit;
  const goals = spec.goals ?? d.goals;
  const titleText = spec.title === undefined ? `${project ?? ""}项目绩效目标表` : spec.title;

  if (spec.template === "common") {
    if (titleText !== null) s.merge(s.add([titleText]), 1, s.top + s.cells.length - 1, width);
    if (unit) {
      const r = new Array<CellValue>(width).fill(null);
      r[width - 1] = `单位：${unit}`;
      s.add(r);
    }
    const nameRow = s.add(["项目编码", null, null, "项目名称", project]);
    s.merge(nameRow, 5, nameRow, width);
    const budgetRow: CellValue[] = ["预算规模及资金用途", "预算数", budget, "其中：财政资金", fiscal, "其他资金"];
    if (spec.other !== undefined) budgetRow.push(spec.other);
    s.add(budgetRow, { 2: "0.00", 4: "0.00" });
    const purposeRow = s.add([null, spec.purpose ?? "用于住房公积金政策宣传、业务工作宣传。"]);
    s.merge(purposeRow, 2, purposeRow, width);
    const headers = spec.planHeaders ?? ["3月底", "6月底", "10月底", "12月底"];
    const plan = spec.plan === undefined ? [0.1, 0.3, 0.6, 1] : spec.plan;
    const planHead = s.add(["资金支出计划（%）", headers[0], null, ...headers.slice(1)]);
    const shares = headers.map((_, i) => (plan ? (plan[i] ?? null) : null));
    const fmt: Record<number, string> = {};
    [1, 3, 4, 5, 6, 7].slice(0, headers.length).forEach((c) => (fmt[c] = "0%"));
    s.add([null, shares[0], null, ...shares.slice(1)], fmt);
    s.merge(planHead, 1, planHead + 1, 1);
    const goalRows = goals.length ? goals : [""];
    goalRows.forEach((g, i) => {
      const r = s.add([i === 0 ? "绩效目标" : null, `目标${i + 1}`, g || null]);
      s.merge(r, 3, r, width);
    });
    return;
  }

  if (spec.template === "evaluation") {
    if (titleText !== null) s.merge(s.add([spec.title === undefined ? "盐城市市本级项目预算绩效目标表" : titleText]), 1, s.top + s.cells.length - 1, width);
    s.add(["项目名称", project, "主管部门", "盐城市住房公积金管理中心"]);
    s.add(["开始时间", spec.start ?? "2022年", "完成时间", spec.end ?? "2022年"]);
    if (spec.implementationContent !== undefined) s.merge(s.add(["项目实施内容", spec.implementationContent]), 2, s.top + s.cells.length - 1, width);
    s.add([unit ? `项目资金 (${unit})` : "项目资金", "收入", null, null, "全年（程） 预算数"]);
    s.add([null, null, "资金总额", null, budget], { 4: "0.00" });
    s.add([null, null, "财政拨款", "小计", null, fiscal], { 5: "0.00" });
    s.add([null, null, null, "一般公共预算资金", null, fiscal], { 5: "0.00" });
    s.add([null, "其他资金", null, spec.other ?? 0]);
    s.add(["支出", "项目名称", "半年（程） 计划执行数", "全年（程） 预算数"]);
    s.add([null, null, project, spec.halfYearBudget === undefined ? (budget === null ? null : budget / 2) : spec.halfYearBudget, budget], { 3: "0.00", 4: "0.00" });
    if (goals[0]) s.merge(s.add(["年度目标", goals[0]]), 2, s.top + s.cells.length - 1, width);
    return;
  }

  // four-goal
  if (titleText !== null) {
    s.add([spec.title === undefined ? "郑州住房公积金管理中心机关支出项目绩效目标表" : titleText]);
    s.add(["(2020年)"]);
  }
  s.merge(s.add(["项目名称", project]), 2, s.top + s.cells.length - 1, width);
  s.add(["开始时间", spec.start ?? "2020-01-01", "结束时间", spec.end ?? "2020-12-31"]);
  s.add(["项目总金额", budget, "项目本年度金额", spec.currentYear === undefined ? budget : spec.currentYear], { 1: "0.00", 3: "0.00" });
  if (spec.implementationPlan !== undefined) s.merge(s.add(["项目实施计划", spec.implementationPlan]), 2, s.top + s.cells.length - 1, width);
  s.add(["项目构成"]);
  s.add(["经济科目名称", null, unit ? `预算金额（${unit}）` : "预算金额"]);
  const components = spec.components ?? (budget === null ? [] : [[project ?? "项目", budget] as [string, number]]);
  for (const [name, amount] of components) s.add([name, null, amount], { 2: "0.00" });
  s.add(["备注", "无"]);
  if (goals[0]) s.merge(s.add(["项目总目标", goals[0]]), 2, s.top + s.cells.length - 1, width);
  if (goals[1] ?? goals[0]) s.merge(s.add(["年度绩效目标", goals[1] ?? goals[0]]), 2, s.top + s.cells.length - 1, width);
}

function writeTable(s: Sheet, spec: TableSpec): { headerRow: number; firstRow: number; roles: Role[] } {
  const custom = spec.header !== undefined;
  const header = spec.header ?? HEADERS[spec.template];
  const roles = headerRoles(header);
  writeHeaderBlock(s, spec, header.length);
  const headerRow = s.add(header);
  const firstRow = headerRow + 1;
  // merge each 一级 label down over the rows that continue it, as the seeds do
  let l1Start: number | undefined;
  spec.rows.forEach((r, i) => {
    const cells = gridRow(spec.template, custom, r);
    const row = s.add(cells);
    if (Array.isArray(r) && r[0] !== null && r[0] !== undefined) {
      if (l1Start !== undefined) s.merge(l1Start, 1, row - 1, 1);
      l1Start = row;
    }
    if (i === spec.rows.length - 1 && l1Start !== undefined) s.merge(l1Start, 1, row, 1);
  });
  return { headerRow, firstRow, roles };
}

function toGrid(s: Sheet, sheet: string): Grid {
  const width = Math.max(...s.cells.map((r) => r.length));
  const pad = <T>(r: T[], fill: T) => [...r, ...new Array<T>(width - r.length).fill(fill)];
  return {
    sheet,
    origin: { row: s.top, col: 1 },
    cells: s.cells.map((r) => pad(r, null)),
    numberFormats: s.formats.map((r) => pad(r, null)),
    merges: s.merges,
  };
}

function info(grid: Grid, headerRow: number, firstRow: number, roles: Role[]): BuiltTable {
  const col = (role: Role) => {
    const i = roles.indexOf(role);
    if (i < 0) throw new Error(`the table has no ${role} column`);
    return i + 1;
  };
  const texts = (): { row: number; col: number; text: string }[] =>
    grid.cells.flatMap((r, i) => r.map((v, j) => ({ row: grid.origin.row + i, col: grid.origin.col + j, text: v === null ? "" : String(v) })));
  const find = (text: string) => {
    const hit = texts().find((c) => c.text === text);
    if (!hit) throw new Error(`no cell reads "${text}"`);
    return toA1(hit.row, hit.col);
  };
  return {
    grid,
    headerRow,
    rowOf: (i) => firstRow + i,
    col,
    cell: (i, role) => toA1(firstRow + i, col(role)),
    find,
    valueOf: (label) => {
      const hit = texts().find((c) => c.text === label);
      if (!hit) throw new Error(`no cell reads "${label}"`);
      const next = texts().find((c) => c.row === hit.row && c.col > hit.col && c.text !== "");
      if (!next) throw new Error(`nothing right of "${label}"`);
      return toA1(next.row, next.col);
    },
  };
}

/** One target table on its own sheet, with the addresses of its cells. */
export function buildTableInfo(spec: TableSpec, top = 1): BuiltTable {
  const s = new Sheet(top);
  const { headerRow, firstRow, roles } = writeTable(s, spec);
  return info(toGrid(s, spec.sheet ?? "Sheet1"), headerRow, firstRow, roles);
}

/** One target table on its own sheet. */
export function buildTable(spec: TableSpec): Grid {
  return buildTableInfo(spec).grid;
}

/** Several tables stacked on one sheet (seed 000's single sheet), a blank row between them. */
export function stackTables(sheet: string, specs: TableSpec[]): { grid: Grid; tables: BuiltTable[] } {
  const s = new Sheet(1);
  const placed: { headerRow: number; firstRow: number; roles: Role[] }[] = [];
  for (const spec of specs) {
    if (s.cells.length) s.add([]);
    placed.push(writeTable(s, spec));
  }
  const grid = toGrid(s, sheet);
  return { grid, tables: placed.map((p) => info(grid, p.headerRow, p.firstRow, p.roles)) };
}

/** A clean table of a template with some fields changed. */
export function cleanSpec(template: Template, changes: Partial<TableSpec> = {}): TableSpec {
  return { template, rows: cleanRows(template), ...changes };
}

export function cleanRows(template: Template): Row[] {
  return CLEAN_ROWS[template].map((r) => r.slice());
}

/** `rows` with rows[i] replaced (cells given as a partial: { 3: "≥62.01万元" }). */
export function withCells(rows: Row[], i: number, cells: Record<number, CellValue>): Row[] {
  return rows.map((r, j) => {
    if (!Array.isArray(r)) return r;
    if (j !== i) return r.slice();
    const out = r.slice();
    for (const [k, v] of Object.entries(cells)) out[Number(k)] = v;
    return out;
  });
}
