/**
 * What a rule is: an id, a category, a severity, its message templates in both languages, what it
 * says to the reader of the reference (why, how to fix, a bad example from the seeds or the corpus),
 * whether it can fix, and a check over the model. Rules are written with `defineRule` /
 * `defineWorkbookRule`, which type each hit's parameters by the placeholders of its template: a
 * parameter missing or misspelt does not compile. The engine fills the templates.
 */
import type { FrameworkDef } from "../frameworks/data";
import type { Category, Severity } from "../finding";
import type { CellValue, Grid } from "../grid";
import { LANGS, placeholders, type Bilingual, type Lang, type ParamValue, type PlaceholderNames } from "../i18n";
import type { MoneyUnit, Place, TargetTable } from "../model";

export type { Bilingual, ParamValue } from "../i18n";

export type Params = Record<string, ParamValue>;

/** A rule's message templates by id; a rule with one message calls it `default`. */
export type Messages = Readonly<Record<string, Bilingual>>;

/**
 * Where the rule's example comes from: a seed table (examples/seeds/NNN.txt, by project), a corpus
 * table (examples/corpus: `targets 02`, `self-evaluation 03`), a regulation, or an illustration made
 * up for the reference (saying why: no such mistake in the seeds …).
 */
export type Source =
  | { seed: "000" | "001" | "002"; table?: string }
  | { corpus: string; note?: string }
  | { regulation: string; note?: string }
  | { reference: string; note?: string }
  | { illustration: string };

/**
 * Whether the rule's findings carry a fix: `no`; `yes`, unambiguous, applied as it is; `confirm`,
 * likely but not certain (all or some of its fixes): hosts ask first and the CLI wants --yes.
 */
export type Fixable = "no" | "yes" | "confirm";

/** What every hit carries besides its message: where, what it quotes, and an optional fix. */
export interface HitBase {
  place: Place;
  /** the cell text the finding quotes (and its ignore key) */
  value?: string;
  /** the 三级 indicator concerned */
  indicator?: string;
  /** the table, for workbook-wide rules that report on another table */
  table?: TargetTable;
  /** the sheet, for workbook-wide rules that report on a sheet without a table */
  sheet?: string;
  /** `place` is the cell to change unless the fix names another one (the 运算符 column of the row) */
  fix?: { value: CellValue; label: Bilingual; confirm?: boolean; place?: Place & { raw?: CellValue } };
  /** overrides the rule's severity for this hit (e.g. a milder case) */
  severity?: Severity;
}

/** A hit as the engine sees it: which message, with which parameters. */
export interface Hit extends HitBase {
  messageId?: string;
  params?: Params;
}

type ParamsOfMessage<B extends Bilingual> = { [K in PlaceholderNames<B["zh"]> | PlaceholderNames<B["en"]>]: ParamValue };

type WithParams<B extends Bilingual> = [PlaceholderNames<B["zh"]> | PlaceholderNames<B["en"]>] extends [never]
  ? { params?: Record<string, never> }
  : { params: ParamsOfMessage<B> };

/** One hit of a rule with messages M: a message id (optional for `default`) and exactly its parameters. */
export type HitOf<M extends Messages> = {
  [K in keyof M & string]: HitBase & (K extends "default" ? { messageId?: K } : { messageId: K }) & WithParams<M[K]>;
}[keyof M & string];

/** The lowest 总分 of each grade of a self-evaluation (差 below 中): 财预〔2020〕10号 gives 90 / 80 / 60. */
export interface GradeBands {
  优: number;
  良: number;
  中: number;
}

export interface RuleOptions {
  lang: Lang;
  /** unit to assume where a table declares none; undefined means "say so" */
  defaultMoneyUnit?: MoneyUnit;
  placeholderWords: string[];
  /** a self-evaluation's grades (the configuration's gradeBands); undefined: 90 / 80 / 60 */
  gradeBands?: GradeBands;
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

interface RuleInfo<M extends Messages = Messages> {
  /** "family.name" */
  id: string;
  category: Category;
  severity: Severity;
  /** what the rule checks, in the reviewer's words */
  title: Bilingual;
  /** the message templates (see i18n.format): what is wrong and what is expected, never where */
  messages: M;
  /** why a reviewer cares, for the reference */
  why: Bilingual;
  /** what the author should do, for the reference */
  howToFix: Bilingual;
  fixable: Fixable;
  /** a bad example and its fixed version, for docs/rules.md */
  example: { bad: string; good: string; from: Source | readonly Source[] };
}

/** How a check reports a hit (a check may also return its hits). */
export type Reporter<M extends Messages> = (hit: HitOf<M>) => void;

export interface TableRuleDef<M extends Messages> extends RuleInfo<M> {
  check(ctx: TableContext, report: Reporter<M>): readonly HitOf<M>[] | void;
}

export interface WorkbookRuleDef<M extends Messages> extends RuleInfo<M> {
  check(ctx: WorkbookContext, report: Reporter<M>): readonly HitOf<M>[] | void;
}

export interface TableRule extends RuleInfo {
  scope: "table";
  check(ctx: TableContext, report: (hit: Hit) => void): readonly Hit[] | void;
}

export interface WorkbookRule extends RuleInfo {
  scope: "workbook";
  check(ctx: WorkbookContext, report: (hit: Hit) => void): readonly Hit[] | void;
}

export type Rule = TableRule | WorkbookRule;

/** A rule that sees one table (and its grid) at a time. */
export function defineRule<const M extends Messages>(def: TableRuleDef<M>): TableRule {
  return { ...def, scope: "table", check: def.check as TableRule["check"] };
}

/** A rule that sees the whole workbook at once (tables across sheets, sheets without a table). */
export function defineWorkbookRule<const M extends Messages>(def: WorkbookRuleDef<M>): WorkbookRule {
  return { ...def, scope: "workbook", check: def.check as WorkbookRule["check"] };
}

/** The hits of a rule on one context: those it reported, then those it returned. */
export function hitsOf<C>(check: (ctx: C, report: (hit: Hit) => void) => readonly Hit[] | void, ctx: C): readonly Hit[] {
  const reported: Hit[] = [];
  const returned = check(ctx, (h) => void reported.push(h));
  if (!returned) return reported;
  return reported.length ? [...reported, ...returned] : returned;
}

/** The placeholders a rule's message needs, in either language (for the rule tester). */
export function placeholdersOf(rule: Rule, messageId = "default"): string[] {
  const m = rule.messages[messageId];
  if (!m) return [];
  return [...new Set(LANGS.flatMap((l) => placeholders(m[l])))];
}
