/** What a rule is: an id, a category, a severity, bilingual texts, and a check over the model. */
import type { FrameworkDef } from "../frameworks/data";
import type { Category, Lang, Severity } from "../finding";
import type { CellValue, Grid } from "../grid";
import type { MoneyUnit, Place, TargetTable } from "../model";

export type Params = Record<string, string | number>;

export interface Bilingual<T = string> {
  zh: T;
  en: T;
}

/** One problem found by a rule, before it becomes a Finding. */
export interface Hit {
  place: Place;
  params: Params;
  /** the cell text the message quotes */
  value?: string;
  /** the 三级 indicator concerned */
  indicator?: string;
  /** the table id, for workbook-wide rules that report on another table */
  table?: TargetTable;
  /** the sheet, for workbook-wide rules that report on a sheet without a table */
  sheet?: string;
  /** `place` is the cell to change unless the fix names another one (the 运算符 column of the row) */
  fix?: { value: CellValue; label: Bilingual; confirm?: boolean; place?: Place & { raw?: CellValue } };
  /** overrides the rule's severity for this hit (e.g. a milder case) */
  severity?: Severity;
}

export interface RuleOptions {
  lang: Lang;
  /** unit to assume where a table declares none; undefined means "say so" */
  defaultMoneyUnit?: MoneyUnit;
  placeholderWords: string[];
}

export interface TableContext {
  table: TargetTable;
  /** every table of the workbook, in sheet order */
  tables: readonly TargetTable[];
  framework: FrameworkDef;
  grid: Grid;
  options: RuleOptions;
}

export interface WorkbookContext {
  tables: readonly TargetTable[];
  grids: readonly Grid[];
  options: RuleOptions;
}

interface RuleBase {
  /** "family.name" */
  id: string;
  category: Category;
  severity: Severity;
  /** what the rule checks, in the reviewer's words */
  title: Bilingual;
  message: Bilingual<(p: Params) => string>;
  /** a bad example from the seeds and its fixed version, for docs/rules.md */
  example?: { bad: string; good?: string; source: string };
}

export interface TableRule extends RuleBase {
  scope?: "table";
  check(ctx: TableContext): Hit[];
}

export interface WorkbookRule extends RuleBase {
  scope: "workbook";
  check(ctx: WorkbookContext): Hit[];
}

export type Rule = TableRule | WorkbookRule;
