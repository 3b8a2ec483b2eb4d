/**
 * What the Validate view shows, computed from a Report: counts, filters, findings grouped by
 * table then category, and the order in which next/previous step through them.
 * Plain functions over plain records, so they are tested without a browser.
 */
import { CATEGORIES, SEVERITIES, compareSeverity, type Category, type Finding, type Severity } from "../../core/finding";
import type { TargetTable } from "../../core/model";
import { tableName } from "../../core/readModel";

export interface Filters {
  /** severities shown; all three by default */
  severities: Severity[];
  /** categories shown; empty means every category */
  categories: Category[];
}

export const ALL_FILTERS: Filters = { severities: [...SEVERITIES], categories: [] };

export interface Counts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

export function countBySeverity(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, total: findings.length };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Categories that occur in `findings`, in the vocabulary's order, with their counts. */
export function categoriesPresent(findings: readonly Finding[]): { category: Category; count: number }[] {
  const n = new Map<Category, number>();
  for (const f of findings) n.set(f.category, (n.get(f.category) ?? 0) + 1);
  return CATEGORIES.filter((c) => n.has(c)).map((c) => ({ category: c, count: n.get(c) as number }));
}

export function isFiltered(filters: Filters): boolean {
  return filters.severities.length !== SEVERITIES.length || filters.categories.length > 0;
}

export function applyFilters(findings: readonly Finding[], filters: Filters): Finding[] {
  const sev = new Set(filters.severities);
  const cat = new Set(filters.categories);
  return findings.filter((f) => sev.has(f.severity) && (cat.size === 0 || cat.has(f.category)));
}

export function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export interface CategoryGroup {
  category: Category;
  findings: Finding[];
  /** the most severe finding's severity, for the group's badge */
  severity: Severity;
}

export interface TableGroup {
  /** the table id ("Sheet1!A5:F30"), or null for findings that belong to no table */
  table: string | null;
  sheet: string;
  /** what the pane calls the table (tableLabels), or the sheet for findings of no table */
  name: string;
  categories: CategoryGroup[];
  count: number;
}

/**
 * What the pane calls each table, by id: its name (tableName: the project, else the title, else
 * the sheet); where two tables of the report share a name, "name — sheet", and where they share
 * the sheet too, "name — sheet!A5:F30" (a table named by its sheet alone: "sheet!A5:F30").
 */
export function tableLabels(tables: readonly TargetTable[]): Map<string, string> {
  const label = (t: TargetTable, level: 0 | 1 | 2): string => {
    const name = tableName(t);
    if (level === 0) return name;
    if (name === t.sheet || level === 2) return name === t.sheet ? `${t.sheet}!${t.rangeA1}` : `${name} — ${t.sheet}!${t.rangeA1}`;
    return `${name} — ${t.sheet}`;
  };
  const levels = ([0, 1, 2] as const).map((level) => {
    const labels = tables.map((t) => label(t, level));
    const count = new Map<string, number>();
    for (const l of labels) count.set(l, (count.get(l) ?? 0) + 1);
    return { labels, count };
  });
  const out = new Map<string, string>();
  // the plainest label no other table of the report shares
  tables.forEach((t, i) => {
    const level = levels.find((l, k) => k === 2 || l.count.get(l.labels[i]) === 1)!;
    out.set(t.id, level.labels[i]);
  });
  return out;
}

/**
 * Findings grouped by table (in the tables' order) and inside a table by category (in the
 * vocabulary's order); findings keep their engine order (sheet, row, column) inside a group.
 * Findings with no table come last, one group per sheet.
 */
export function groupFindings(findings: readonly Finding[], tables: readonly TargetTable[]): TableGroup[] {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = f.table ?? `\u0000${f.sheet}`;
    const list = byTable.get(k);
    if (list) list.push(f);
    else byTable.set(k, [f]);
  }
  const groups: TableGroup[] = [];
  const labels = tableLabels(tables);
  const make = (table: string | null, sheet: string, name: string, list: Finding[]): TableGroup => {
    const cats: CategoryGroup[] = [];
    for (const c of CATEGORIES) {
      const fs = list.filter((f) => f.category === c);
      if (fs.length === 0) continue;
      const severity = fs.map((f) => f.severity).sort(compareSeverity)[0];
      cats.push({ category: c, findings: fs, severity });
    }
    return { table, sheet, name, categories: cats, count: list.length };
  };
  for (const t of tables) {
    const list = byTable.get(t.id);
    if (!list) continue;
    byTable.delete(t.id);
    groups.push(make(t.id, t.sheet, labels.get(t.id) ?? tableName(t), list));
  }
  // findings whose table is not in `tables` (or that have none)
  for (const [k, list] of byTable) {
    const noTable = k.startsWith("\u0000");
    groups.push(make(noTable ? null : k, list[0].sheet, noTable ? list[0].sheet : k, list));
  }
  return groups;
}

/** The findings in the order the list shows them: next/previous follow this order. */
export function displayOrder(groups: readonly TableGroup[]): Finding[] {
  const out: Finding[] = [];
  for (const g of groups) for (const c of g.categories) out.push(...c.findings);
  return out;
}

/**
 * An id for each finding that is unique in a report. `key` identifies a finding for ignoring
 * (rule, sheet, cell, value); two findings of one rule on one cell differ by message.
 */
export function findingId(f: Finding): string {
  return `${f.key}\u0001${f.message}`;
}

/**
 * The finding after (dir 1) or before (dir -1) the current one in `order`, wrapping around.
 * With no current finding (or one no longer listed) it starts from the first or the last.
 */
export function step(order: readonly Finding[], currentId: string | undefined, dir: 1 | -1): Finding | undefined {
  if (order.length === 0) return undefined;
  const i = currentId === undefined ? -1 : order.findIndex((f) => findingId(f) === currentId);
  if (i < 0) return dir === 1 ? order[0] : order[order.length - 1];
  return order[(i + dir + order.length) % order.length];
}

/** 1-based position of the current finding in `order`, or 0. */
export function positionOf(order: readonly Finding[], currentId: string | undefined): number {
  if (currentId === undefined) return 0;
  return order.findIndex((f) => findingId(f) === currentId) + 1;
}

/**
 * After a re-check, the finding to keep selected: the same one if it is still there, else the
 * one that now stands where it stood (so "fix, then next" flows), else nothing.
 */
export function reselect(before: readonly Finding[], after: readonly Finding[], currentId: string | undefined): string | undefined {
  if (currentId === undefined || after.length === 0) return undefined;
  if (after.some((f) => findingId(f) === currentId)) return currentId;
  const i = before.findIndex((f) => findingId(f) === currentId);
  if (i < 0) return undefined;
  // the first finding after the old position that survived the re-check
  const ids = new Set(after.map(findingId));
  for (let j = i + 1; j < before.length; j++) if (ids.has(findingId(before[j]))) return findingId(before[j]);
  return undefined;
}
