/** Findings: plain typed records that flatten into a table and serialise to JSON unchanged. */
import type { CellValue } from "./grid";
import type { Lang } from "./i18n";

export type { Lang } from "./i18n";

/** The severities, most severe first: the one order every list, mark and count follows. */
export const SEVERITIES = ["error", "warning", "info"] as const;

export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  "structure",
  "missing",
  "placeholder",
  "value-format",
  "unit",
  "range",
  "cost",
  "budget-sum",
  "spending-plan",
  "consistency",
  "duplicate",
  "relevance",
  "copy-paste",
  "vague",
  "self-evaluation",
  "monitoring",
] as const;

export type Category = (typeof CATEGORIES)[number];

/** The categories as people read them in the pane, the CLI and reports. */
export const CATEGORY_NAMES: Readonly<Record<Category, Readonly<Record<Lang, string>>>> = {
  structure: { zh: "表格结构", en: "Structure" },
  missing: { zh: "缺少内容", en: "Missing" },
  placeholder: { zh: "占位符", en: "Placeholder" },
  "value-format": { zh: "指标值格式", en: "Value format" },
  unit: { zh: "计量单位", en: "Unit" },
  range: { zh: "数值范围", en: "Range" },
  cost: { zh: "成本指标", en: "Cost" },
  "budget-sum": { zh: "预算合计", en: "Budget sum" },
  "spending-plan": { zh: "资金支出计划", en: "Spending plan" },
  consistency: { zh: "前后一致", en: "Consistency" },
  duplicate: { zh: "重复指标", en: "Duplicate" },
  relevance: { zh: "相关性", en: "Relevance" },
  "copy-paste": { zh: "照搬照抄", en: "Copy-paste" },
  vague: { zh: "表述模糊", en: "Vague" },
  "self-evaluation": { zh: "绩效自评", en: "Self-evaluation" },
  monitoring: { zh: "绩效监控", en: "Monitoring" },
};

export const SEVERITY_NAMES: Readonly<Record<Severity, Readonly<Record<Lang, string>>>> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "建议", en: "Suggestion" },
};

/** A category's display name (表格结构 / Structure): the one name every surface shows. */
export function categoryName(lang: Lang, category: Category): string {
  return CATEGORY_NAMES[category]?.[lang] ?? category;
}

/** A severity's display name (错误 / Error): the one name every surface shows. */
export function severityName(lang: Lang, severity: Severity): string {
  return SEVERITY_NAMES[severity]?.[lang] ?? severity;
}

/** A change a host can apply: put `value` into `cell` (which held `previous`). */
export interface Fix {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  value: CellValue;
  previous: CellValue;
  /** short description of the change in the user's language */
  label: string;
  /** true when the change is likely but not certain (the cost operator): hosts ask first */
  confirm?: boolean;
}

export interface Finding {
  /** "family.name" */
  rule: string;
  category: Category;
  severity: Severity;
  sheet: string;
  /** "E13" */
  cell: string;
  row: number;
  col: number;
  message: string;
  fix?: Fix;
  /** the table the finding belongs to ("Sheet1!A5:F30"), when it belongs to one */
  table?: string;
  /** the 三级 indicator name, when the finding concerns an indicator row */
  indicator?: string;
  /** the cell text the message quotes */
  value?: string;
  /** stable key for ignoring: rule + sheet + cell + value */
  key: string;
}

export function findingKey(rule: string, sheet: string, cell: string, value?: string): string {
  return `${rule}|${sheet}|${cell}|${value ?? ""}`;
}

/** A severity's place in SEVERITIES: lower is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Most severe first (for sort). */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

/** The most severe of some severities: `info` for none. */
export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = "info";
  for (const s of severities) if (SEVERITY_RANK[s] < SEVERITY_RANK[worst]) worst = s;
  return worst;
}

/** How many findings of each severity. */
export function countBySeverity(findings: Iterable<Finding>): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Findings by the table they belong to (its id), in their order; those of no table under "". */
export function findingsByTable(findings: Iterable<Finding>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = f.table ?? "";
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}
