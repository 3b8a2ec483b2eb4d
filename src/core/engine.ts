/** validate(grids, options) -> Report: recognise every table, run every enabled rule, return findings. */
import { frameworkById } from "./frameworks/data";
import { compareSeverity, findingKey, type Finding, type Lang, type Severity } from "./finding";
import type { CellValue, Grid } from "./grid";
import type { MoneyUnit, TargetTable } from "./model";
import { recognizeTables, type RecognizeOptions } from "./recognize";
import { RULES } from "./rules";
import { format, type ParamValue, type Params } from "./i18n";
import { hitsOf, type GradeBands, type Hit, type Rule, type RuleOptions } from "./rules/types";

export interface ValidateOptions extends RecognizeOptions {
  lang?: Lang;
  /** rule ids (or family prefixes such as "vague") switched off */
  disabledRules?: string[];
  severityOverrides?: Record<string, Severity>;
  /** finding keys the user chose to ignore */
  ignored?: string[];
  defaultMoneyUnit?: MoneyUnit;
  /** a self-evaluation's grade bands (优 / 良 / 中 from these 总分); undefined: 90 / 80 / 60 */
  gradeBands?: GradeBands;
  /** the rules to run instead of the registry's (one rule alone: see runRule) */
  rules?: readonly Rule[];
  /** extra rules (tests, user plug-ins); they run after the built-in ones */
  extraRules?: readonly Rule[];
}

export interface Report {
  tables: TargetTable[];
  findings: Finding[];
  /** findings hidden because the user ignored them */
  ignored: Finding[];
  /** grids that hold no target table */
  sheetsWithoutTables: string[];
}

function isDisabled(id: string, disabled: readonly string[]): boolean {
  return disabled.some((d) => d === id || id.startsWith(d + "."));
}

/** Longest cell text a message quotes in full; a 32,767-character cell is quoted by its start. */
const MAX_QUOTE = 200;

function isLong(v: ParamValue, lang: Lang): boolean {
  const s = typeof v === "object" ? v[lang] : v;
  return typeof s === "string" && s.length > MAX_QUOTE;
}

function quotable(params: Params, lang: Lang): Params {
  // nearly always nothing to shorten: the params as they are
  let long = false;
  for (const k in params) {
    if (isLong(params[k], lang)) {
      long = true;
      break;
    }
  }
  if (!long) return params;
  const out: Params = {};
  for (const [k, p] of Object.entries(params)) {
    const v = typeof p === "object" ? p[lang] : p;
    out[k] = typeof v === "string" && v.length > MAX_QUOTE ? shortened(v) : v;
  }
  return out;
}

/**
 * A text of more than MAX_QUOTE characters (code points, as Array.from counts them) cut to its
 * first MAX_QUOTE / 2 and "…"; a shorter one as it is. Counts only as far as it needs to, with no
 * array of every character (a copy-paste message names hundreds of tables at 20,000, issue 17).
 */
function shortened(v: string): string {
  let points = 0;
  let cut = -1;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
      const d = v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    points++;
    if (points === MAX_QUOTE / 2) cut = i + 1;
    if (points > MAX_QUOTE) return `${v.slice(0, cut)}…`;
  }
  return v;
}

/** An indicator whose name cell is empty is called "(no name)", not “”. */
const NO_NAME_WORDS: Record<Lang, string> = { zh: "（未填名称）", en: "(no name)" };
const QUOTED_NAME = /[“"]\{name\}[”"]/g;

/**
 * The message of a hit, without its location (the Finding's sheet and cell say where; each surface
 * places them): an English sentence starts with a capital.
 */
export function renderMessage(rule: Rule, hit: Pick<Hit, "messageId" | "params">, lang: Lang): string {
  const text = renderText(rule, hit, lang);
  return lang === "en" ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function renderText(rule: Rule, hit: Pick<Hit, "messageId" | "params">, lang: Lang): string {
  const id = hit.messageId ?? "default";
  const message = rule.messages[id];
  if (!message) throw new Error(`rule ${rule.id} has no message ${id}`);
  const params = quotable(hit.params ?? {}, lang);
  if (params.name !== "") return format(message[lang], params, lang);
  return format(message[lang].replace(QUOTED_NAME, "{name}"), { ...params, name: NO_NAME_WORDS[lang] }, lang);
}

function toFinding(rule: Rule, hit: Hit, sheet: string, table: TargetTable | undefined, opts: ValidateOptions, lang: Lang): Finding {
  const severity = opts.severityOverrides?.[rule.id] ?? hit.severity ?? rule.severity;
  const fixPlace: Hit["place"] & { raw?: CellValue } = hit.fix?.place ?? hit.place;
  const fix = hit.fix
    ? {
        sheet,
        cell: fixPlace.address,
        row: fixPlace.row,
        col: fixPlace.col,
        value: hit.fix.value,
        previous: fixPlace.raw ?? null,
        label: hit.fix.label[lang],
        confirm: hit.fix.confirm,
      }
    : undefined;
  const f: Finding = {
    rule: rule.id,
    category: rule.category,
    severity,
    sheet,
    cell: hit.place.address,
    row: hit.place.row,
    col: hit.place.col,
    message: renderMessage(rule, hit, lang),
    key: findingKey(rule.id, sheet, hit.place.address, hit.value),
  };
  if (fix) f.fix = fix;
  if (table) f.table = table.id;
  if (hit.indicator) f.indicator = hit.indicator;
  if (hit.value !== undefined) f.value = hit.value;
  return f;
}

/**
 * Findings in sheet order, then by row, column, severity and rule id (localeCompare). The sheet's
 * position and the rule's rank are looked up once per finding, not once per comparison (issue 7);
 * the order is the same.
 */
function sortFindings(findings: Finding[], grids: readonly Grid[]): void {
  const sheetOrder = new Map(grids.map((g, i) => [g.sheet, i]));
  const ids = [...new Set(findings.map((f) => f.rule))].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  ids.forEach((id, i) => rank.set(id, i > 0 && ids[i - 1].localeCompare(id) === 0 ? (rank.get(ids[i - 1]) as number) : i));
  const keyed = findings.map((f) => ({ f, sheet: sheetOrder.get(f.sheet) ?? 0, rule: rank.get(f.rule) as number }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.f.row - b.f.row || a.f.col - b.f.col || compareSeverity(a.f.severity, b.f.severity) || a.rule - b.rule);
  keyed.forEach((k, i) => (findings[i] = k.f));
}

interface Run {
  lang: Lang;
  ruleOptions: RuleOptions;
  rules: Rule[];
  options: ValidateOptions;
}

function prepare(options: ValidateOptions): Run {
  const lang: Lang = options.lang ?? "zh";
  const ruleOptions: RuleOptions = {
    lang,
    defaultMoneyUnit: options.defaultMoneyUnit,
    placeholderWords: options.placeholderWords ?? [],
    ...(options.gradeBands ? { gradeBands: options.gradeBands } : {}),
  };
  const disabled = options.disabledRules ?? [];
  const rules = [...(options.rules ?? RULES), ...(options.extraRules ?? [])].filter((r) => !isDisabled(r.id, disabled));
  return { lang, ruleOptions, rules, options };
}

/**
 * The findings of the table-scope rules on some tables (each rule sees one table and its grid). A
 * rule's hits are what it reported, then what it returned, as hitsOf gives them, with one report
 * function and one list for the whole run instead of a new list per rule and table (issue 17).
 */
function tableFindings(run: Run, check: readonly TargetTable[], tables: readonly TargetTable[], gridOf: ReadonlyMap<TargetTable, Grid>, into: Finding[]): void {
  const rules = run.rules.filter((r) => r.scope !== "workbook");
  const reported: Hit[] = [];
  const report = (hit: Hit) => void reported.push(hit);
  for (const table of check) {
    const ctx = { table, tables, framework: frameworkById(table.framework.id), grid: gridOf.get(table) as Grid, options: run.ruleOptions };
    for (const rule of rules) {
      const returned = rule.check(ctx, report);
      for (let k = 0; k < reported.length; k++) {
        const hit = reported[k];
        into.push(toFinding(rule, hit, table.sheet, hit.table ?? table, run.options, run.lang));
      }
      if (reported.length) reported.length = 0;
      if (returned) for (const hit of returned) into.push(toFinding(rule, hit, table.sheet, hit.table ?? table, run.options, run.lang));
    }
  }
}

/** The findings of the whole-workbook rules (copy-paste across projects, sheets without a header). */
function workbookFindings(run: Run, tables: readonly TargetTable[], grids: readonly Grid[], into: Finding[]): void {
  for (const rule of run.rules) {
    if (rule.scope !== "workbook") continue;
    for (const hit of hitsOf(rule.check, { tables, grids, options: run.ruleOptions })) {
      const t = hit.table;
      into.push(toFinding(rule, hit, hit.sheet ?? t?.sheet ?? grids[0]?.sheet ?? "", t, run.options, run.lang));
    }
  }
}

/**
 * Findings sorted, one per rule, cell and message, less those the user ignored. After the sort the
 * findings on one cell stand together, so a duplicate is looked for among its cell's findings only,
 * not in a set of every finding's text (issue 17: 1.1 s of 30 at 20,000 tables). Every place's
 * address is toA1 of its row and column, so one cell is one row and column.
 */
function finish(findings: Finding[], grids: readonly Grid[], tables: TargetTable[], sheetsWithoutTables: string[], options: ValidateOptions): Report {
  sortFindings(findings, grids);
  const unique: Finding[] = [];
  for (let i = 0; i < findings.length; ) {
    const f = findings[i];
    let j = i + 1;
    while (j < findings.length && findings[j].row === f.row && findings[j].col === f.col) j++;
    if (j === i + 1) unique.push(f);
    else dedupeCell(findings, i, j, unique);
    i = j;
  }
  const ignoredKeys = new Set(options.ignored ?? []);
  if (ignoredKeys.size === 0) return { tables, findings: unique, ignored: [], sheetsWithoutTables };
  return {
    tables,
    findings: unique.filter((f) => !ignoredKeys.has(f.key)),
    ignored: unique.filter((f) => ignoredKeys.has(f.key)),
    sheetsWithoutTables,
  };
}

/** The first of each rule|sheet|cell|message among findings[from, to) (one row and column), in order. */
function dedupeCell(findings: readonly Finding[], from: number, to: number, into: Finding[]): void {
  if (to - from > 32) {
    // (many findings on one row and column: the same cell on many sheets)
    const seen = new Set<string>();
    for (let i = from; i < to; i++) {
      const f = findings[i];
      const k = `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      into.push(f);
    }
    return;
  }
  const start = into.length;
  for (let i = from; i < to; i++) {
    const f = findings[i];
    let dup = false;
    for (let k = start; k < into.length && !dup; k++) {
      const u = into[k];
      dup = u.rule === f.rule && u.cell === f.cell && u.sheet === f.sheet && u.message === f.message;
    }
    if (!dup) into.push(f);
  }
}

export function validate(grids: readonly Grid[], options: ValidateOptions = {}): Report {
  const run = prepare(options);
  const tables: TargetTable[] = [];
  const gridOf = new Map<TargetTable, Grid>();
  const sheetsWithoutTables: string[] = [];
  for (const g of grids) {
    const found = recognizeTables(g, options);
    if (found.length === 0) sheetsWithoutTables.push(g.sheet);
    for (const t of found) {
      tables.push(t);
      gridOf.set(t, g);
    }
  }
  const findings: Finding[] = [];
  tableFindings(run, tables, tables, gridOf, findings);
  workbookFindings(run, tables, grids, findings);
  return finish(findings, grids, tables, sheetsWithoutTables, options);
}

/**
 * Check again after edits on some sheets: the tables of `changed` sheets are recognised and
 * checked anew, the other tables keep their findings from `previous`, and the whole-workbook rules
 * run over all tables. `grids` holds every sheet of the previous check, the changed ones as they
 * are now; `options` must be those of the previous check (a change of options needs validate).
 * Gives the same report as validate(grids, options).
 */
export function revalidate(previous: Report, grids: readonly Grid[], changed: ReadonlySet<string>, options: ValidateOptions = {}): Report {
  const run = prepare(options);
  const scopeOf = new Map(run.rules.map((r) => [r.id, r.scope]));
  const tables: TargetTable[] = [];
  const gridOf = new Map<TargetTable, Grid>();
  const fresh: TargetTable[] = [];
  const sheetsWithoutTables: string[] = [];
  for (const g of grids) {
    const found = changed.has(g.sheet) ? recognizeTables(g, options) : previous.tables.filter((t) => t.sheet === g.sheet);
    if (found.length === 0) sheetsWithoutTables.push(g.sheet);
    for (const t of found) {
      tables.push(t);
      gridOf.set(t, g);
      if (changed.has(g.sheet)) fresh.push(t);
    }
  }
  const sheets = new Set(grids.map((g) => g.sheet));
  const findings: Finding[] = [...previous.findings, ...previous.ignored].filter(
    (f) => scopeOf.has(f.rule) && scopeOf.get(f.rule) !== "workbook" && sheets.has(f.sheet) && !changed.has(f.sheet),
  );
  tableFindings(run, fresh, tables, gridOf, findings);
  workbookFindings(run, tables, grids, findings);
  return finish(findings, grids, tables, sheetsWithoutTables, options);
}

/** One rule alone on some grids: its findings, as validate gives them with every other rule off. */
export function runRule(rule: Rule, grids: Grid | readonly Grid[], options: Omit<ValidateOptions, "rules" | "extraRules"> = {}): Report {
  return validate(Array.isArray(grids) ? grids : [grids as Grid], { ...options, rules: [rule] });
}
