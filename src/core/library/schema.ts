/**
 * The indicator library's external shapes as zod schemas: a project type, an indicator template
 * and a library file. Each schema is the single source of truth for its TypeScript type and for
 * the messages a user sees when an imported library is wrong.
 */
import { z } from "zod";
import { FRAMEWORK_IDS } from "../frameworks/ids";
import { isMoneyUnit, MONEY_UNITS } from "../value/units";
import { placementIn } from "./placement";

export { FRAMEWORK_IDS };
export const FrameworkIdSchema = z.enum(FRAMEWORK_IDS);

export const OPERATORS = ["≥", "≤", "=", ">", "<"] as const;
export const OperatorSchema = z.enum(OPERATORS);
export type TemplateOperator = z.infer<typeof OperatorSchema>;

/** 指标值确定依据: the four standards of 财预〔2020〕10号 / 〔2021〕101号. */
export const BASES = ["计划标准", "历史标准", "行业标准", "预算支出标准"] as const;
export const BasisSchema = z.enum(BASES);
export type Basis = z.infer<typeof BasisSchema>;

export const BASIS_EN: Record<Basis, string> = {
  计划标准: "plan standard",
  历史标准: "historical standard",
  行业标准: "industry standard",
  预算支出标准: "budget spending standard",
};

/** How a template's target is written. */
export const TEMPLATE_KINDS = ["quantitative", "deadline", "qualitative"] as const;
export const TemplateKindSchema = z.enum(TEMPLATE_KINDS);

/** Money units a cost template may use (totals): the tables' own; per-unit costs use 元/人, 元/人·天, 万元/年 … */
export { MONEY_UNITS };

/** ids: lower-case ASCII words joined by - or . ("publicity", "publicity.qty1") */
const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
/** text without control characters other than ordinary spaces */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, { message: `至少 ${min} 个字符 / at least ${min} characters` })
    .max(max, { message: `最多 ${max} 个字符 / at most ${max} characters` })
    .refine((s) => !CONTROL.test(s), { message: "含有控制字符 / contains control characters" });

const idSchema = z
  .string()
  .max(80, { message: "最多 80 个字符 / at most 80 characters" })
  .regex(ID, { message: "只能用小写字母、数字、- 和 . / lower-case letters, digits, - and . only" });

export const KeywordsSchema = z.array(text(1, 20)).max(40, { message: "最多 40 个关键词 / at most 40 keywords" });

export const ProjectTypeSchema = z.strictObject({
  /** "publicity" */
  id: idSchema,
  /** "宣传" */
  zh: text(1, 30),
  /** "Publicity and outreach" */
  en: text(1, 60),
  /** words that place a project in this type (宣传, 宣传册, 媒体, 政策解读 …) */
  keywords: KeywordsSchema.min(1, { message: "至少一个关键词 / at least one keyword" }),
  /** what the type covers, in Chinese (also used for matching) */
  description: text(2, 300),
});
export type ProjectType = z.infer<typeof ProjectTypeSchema>;

export const DeadlineSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  /** omitted: the end of the month (6月底前) */
  day: z.number().int().min(1).max(31).optional(),
});

const TemplateObject = z.strictObject({
  /** "publicity.qty1" */
  id: idSchema,
  /** project type ids; "general" for templates that fit any project */
  projectTypes: z.array(idSchema).min(1, { message: "至少一个项目类型 / at least one project type" }).max(40),
  /** the frameworks the template is written for */
  frameworks: z.array(FrameworkIdSchema).min(1, { message: "至少一个指标体系 / at least one framework" }),
  /** 一级 key from frameworks/data.ts ("产出", "效益", "满意度", "成本", "决策" …) */
  level1: text(1, 20),
  /** 二级 key from frameworks/data.ts ("数量", "社会效益", "服务对象满意度" …) */
  level2: text(1, 20),
  /** 三级指标 */
  name: text(2, 40),
  /** 绩效指标描述 / 计算口径 */
  description: text(2, 200),
  kind: TemplateKindSchema,
  /** comparison for quantitative targets; null for deadlines and qualitative targets */
  operator: OperatorSchema.nullable(),
  /** the default number; null when the user fills it in (fill: "user") or it comes from the budget */
  value: z.number().finite().nullable(),
  /** 计量单位: %, 人, 次, 万元, 元/人·天 …; null for deadlines and qualitative targets */
  unit: text(1, 12).nullable(),
  /** "default": the value is a sensible default; "user": a blank the user must fill in */
  fill: z.enum(["default", "user"]),
  /** a typical number shown as a hint (and used to preview the row) when fill is "user" */
  example: z.number().finite().optional(),
  /** the default comes from the project budget (cost totals) */
  derive: z.literal("budget").optional(),
  /** for kind "deadline": the month (and day) to finish by, in the project year */
  deadline: DeadlineSchema.optional(),
  /** for kind "qualitative": the standard answer (充分, 规范, 健全 …) */
  text: text(1, 20).optional(),
  /** 指标值确定依据 */
  basis: BasisSchema,
  keywords: KeywordsSchema,
  /** when to use the template */
  note: text(0, 200),
});

type TemplateShape = z.infer<typeof TemplateObject>;

const PERCENT_UNITS = new Set(["%", "‰"]);

/** Cross-field rules of a template, with messages that name the field. */
function checkTemplate(t: TemplateShape, ctx: z.RefinementCtx<TemplateShape>): void {
  const issue = (path: string, zh: string, en: string) => ctx.addIssue({ code: "custom", path: [path], message: `${zh} / ${en}` });
  if (t.kind === "quantitative") {
    if (t.operator === null) issue("operator", "数值型指标需要运算符（≥ ≤ = > <）", "a quantitative target needs an operator");
    if (t.unit === null) issue("unit", "数值型指标需要计量单位", "a quantitative target needs a unit");
    if (t.derive === "budget") {
      if (t.value !== null) issue("value", "取自预算的指标值应为空（null）", "a value derived from the budget must be null");
      if (!isMoneyUnit(t.unit)) issue("unit", "取自预算的指标应以元、万元或亿元计", "a budget-derived value must be in 元, 万元 or 亿元");
      if (t.operator !== "≤") issue("operator", "取自预算的成本上限应使用 ≤", "a budget-derived cost ceiling takes ≤");
    } else if (t.fill === "user") {
      if (t.value !== null) issue("value", "由用户填写（fill: user）时指标值应为空（null）", "value must be null when the user fills it in");
      if (t.example === undefined) issue("example", "由用户填写时请给出示例值（example）", "give an example when the user fills the value in");
    } else if (t.value === null) {
      issue("value", "缺少默认指标值；若需用户填写请设 fill: \"user\"", "no default value; set fill: \"user\" for a blank");
    }
    const n = t.value ?? t.example;
    if (n !== undefined && n !== null && t.unit && PERCENT_UNITS.has(t.unit)) {
      if (n < 0 || n > (t.unit === "%" ? 100 : 1000)) issue(t.value !== null ? "value" : "example", "百分比应在 0 到 100 之间", "a percentage lies between 0 and 100");
      if (t.unit === "%" && n === 100 && (t.operator === "≥" || t.operator === ">"))
        issue("operator", "比率不能超过 100%，应写 =100%", "a rate cannot exceed 100%: write =100%");
    }
    if (n !== undefined && n !== null && n < 0) issue(t.value !== null ? "value" : "example", "指标值不能为负数；下降请用“≤”或比率", "a target cannot be negative");
    if (t.deadline) issue("deadline", "数值型指标不应有完成时限字段", "a quantitative target has no deadline field");
    if (t.text !== undefined) issue("text", "数值型指标不应有定性答案字段", "a quantitative target has no qualitative text");
  } else {
    if (t.operator !== null) issue("operator", "时限或定性指标不用运算符", "deadlines and qualitative targets take no operator");
    if (t.value !== null) issue("value", "时限或定性指标的 value 应为 null", "value must be null for deadlines and qualitative targets");
    if (t.unit !== null) issue("unit", "时限或定性指标不用计量单位", "deadlines and qualitative targets take no unit");
    if (t.derive) issue("derive", "只有成本金额可以取自预算", "only cost amounts can be derived from the budget");
    if (t.kind === "deadline" && !t.deadline) issue("deadline", "时限指标需要完成月份（deadline.month）", "a deadline needs deadline.month");
    if (t.kind === "qualitative" && !t.text) issue("text", "定性指标需要标准答案（text，如“健全”）", "a qualitative target needs its standard answer (text)");
    if (t.fill === "user") issue("fill", "时限和定性指标不由用户填写数值", "deadlines and qualitative targets are not user-filled numbers");
  }
  for (const fw of t.frameworks) {
    if (!placementIn(t.level1, t.level2, fw))
      issue("level2", `“${t.level1}/${t.level2}”不是指标体系 ${fw} 中的一级/二级指标`, `"${t.level1}/${t.level2}" is not a level-1/level-2 pair of framework ${fw}`);
  }
  if (new Set(t.frameworks).size !== t.frameworks.length) issue("frameworks", "指标体系重复", "a framework is listed twice");
}

export const TemplateSchema = TemplateObject.superRefine(checkTemplate);
export type Template = z.infer<typeof TemplateSchema>;

/** Size limits for user libraries. */
export const LIMITS = {
  /** characters of a JSON library file */
  maxJsonChars: 5_000_000,
  maxTemplates: 5000,
  maxTypes: 200,
  /** rows of an .xlsx sheet */
  maxRows: 5001,
} as const;

export const LIBRARY_FORMAT = "jixiao-library";

/** A library file (built-in export or a user's own library). */
export const LibraryFileSchema = z.strictObject({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(1),
  /** a name for the library ("某某局自定义指标") */
  name: text(0, 100).optional(),
  types: z.array(ProjectTypeSchema).max(LIMITS.maxTypes, { message: `最多 ${LIMITS.maxTypes} 个项目类型 / at most ${LIMITS.maxTypes} project types` }),
  templates: z.array(TemplateSchema).max(LIMITS.maxTemplates, { message: `最多 ${LIMITS.maxTemplates} 个模板 / at most ${LIMITS.maxTemplates} templates` }),
});
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

/** A library in memory: types and templates (built-in, a user's, or merged). */
export interface Library {
  types: ProjectType[];
  templates: Template[];
}
