/**
 * A compact way to write templates that a reviewer can read row by row:
 *
 *   ["数量", "宣传活动场次", "≥[12]场", "组织进社区、进企业等线下宣传活动的场次", 计划]
 *
 * Columns: 二级 (or "一级/二级"), 三级 name, target, description (计算口径), basis, note?, keywords?
 * Target spellings:
 *   "≥90%"        a default value
 *   "≥[40]人"     a blank the user fills in; 40 is the example shown as a hint
 *   "≤{预算}万元"  a cost ceiling taken from the project budget, converted to the table's money unit
 *   "12月31日前"   a deadline in the project year ("6月底前" for the end of a month)
 *   "~健全"       a qualitative answer (only in management blocks: 决策, 过程, 投入与目标管理, 影响力)
 */
import { defaultLevel1, frameworksFor } from "../placement";
import type { Basis, ProjectType, Template, TemplateOperator } from "../schema";

export const 计划: Basis = "计划标准";
export const 历史: Basis = "历史标准";
export const 行业: Basis = "行业标准";
export const 预算: Basis = "预算支出标准";

export type Row = [level: string, name: string, target: string, description: string, basis: Basis, note?: string, keywords?: string[]];

const CODES: Record<string, string> = {
  数量: "qty",
  质量: "qual",
  时效: "time",
  成本: "cost",
  经济效益: "econ",
  社会效益: "soc",
  生态效益: "eco",
  可持续影响: "sus",
  服务对象满意度: "sat",
  经济成本: "ecost",
  社会成本: "scost",
  生态环境成本: "ecocost",
  项目立项: "approval",
  绩效目标: "goal",
  资金投入: "input",
  资金管理: "fund",
  组织实施: "impl",
  投入管理: "inmgmt",
  财务管理: "fin",
  项目管理: "proj",
  资产管理: "asset",
  长效管理: "longterm",
  人力资源: "hr",
  部门协助: "coop",
  配套设施: "facility",
  信息共享: "share",
  其它: "other",
};

const QUANT = /^(≥|≤|=|>|<)(?:\[(\d+(?:\.\d+)?)\]|\{预算\}|(\d+(?:\.\d+)?))(.+)$/;
const DEADLINE = /^(\d{1,2})月(?:(\d{1,2})日|底)前$/;

type Target = Pick<Template, "kind" | "operator" | "value" | "unit" | "fill"> & Partial<Pick<Template, "example" | "derive" | "deadline" | "text">>;

export function parseTarget(target: string): Target {
  const q = QUANT.exec(target);
  if (q) {
    const operator = q[1] as TemplateOperator;
    const unit = q[4];
    if (q[2] !== undefined) return { kind: "quantitative", operator, value: null, unit, fill: "user", example: Number(q[2]) };
    if (q[3] === undefined) return { kind: "quantitative", operator, value: null, unit, fill: "default", derive: "budget" };
    return { kind: "quantitative", operator, value: Number(q[3]), unit, fill: "default" };
  }
  const d = DEADLINE.exec(target);
  if (d) {
    const deadline = d[2] ? { month: Number(d[1]), day: Number(d[2]) } : { month: Number(d[1]) };
    return { kind: "deadline", operator: null, value: null, unit: null, fill: "default", deadline };
  }
  if (target.startsWith("~")) return { kind: "qualitative", operator: null, value: null, unit: null, fill: "default", text: target.slice(1) };
  throw new Error(`cannot read target "${target}"`);
}

function defaultNote(type: ProjectType, t: Target): string {
  if (t.derive === "budget") return "默认取项目预算数作为上限，插入时按本表金额单位（元/万元）换算；有分项成本时按分项填写。";
  if (t.fill === "user") return `请按本项目${type.id === "general" ? "" : `（${type.zh}）`}年度计划填写数值，示例值仅供参考。`;
  if (t.kind === "deadline") return "默认按项目年度计划时限填写，可按实际进度提前。";
  if (t.kind === "qualitative") return "管理类共性指标，按评价标准填写定性结论。";
  return "默认值为常用标准，可按本项目实际调整。";
}

/** Turn one type's rows into templates with stable ids (type.code + running number). */
export function defineTemplates(type: ProjectType, rows: Row[], projectTypes: string[] = [type.id]): Template[] {
  const counters = new Map<string, number>();
  return rows.map(([level, name, target, description, basis, note, keywords]) => {
    const [l1, l2] = level.includes("/") ? level.split("/") : [defaultLevel1(level), level];
    if (!l1) throw new Error(`no 一级 for 二级 ${level} (${name})`);
    const code = CODES[l2];
    if (!code) throw new Error(`unknown 二级 ${l2} (${name})`);
    const n = (counters.get(code) ?? 0) + 1;
    counters.set(code, n);
    const t = parseTarget(target);
    const frameworks = frameworksFor(l1, l2);
    const out: Template = {
      id: `${type.id}.${code}${n}`,
      projectTypes,
      frameworks,
      level1: l1,
      level2: l2,
      name,
      description,
      kind: t.kind,
      operator: t.operator,
      value: t.value,
      unit: t.unit,
      fill: t.fill,
      basis,
      keywords: keywords ?? [],
      note: note ?? defaultNote(type, t),
    };
    if (t.example !== undefined) out.example = t.example;
    if (t.derive) out.derive = t.derive;
    if (t.deadline) out.deadline = t.deadline;
    if (t.text !== undefined) out.text = t.text;
    return out;
  });
}
