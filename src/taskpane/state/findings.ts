/**
 * Plain helpers over findings for the pane: counts, the severity filter, what each table is
 * called, and an id per finding. Grouping and list order: entries.ts.
 */
import { SEVERITIES, countBySeverity as countEach, type Category, type Finding, type Severity } from "../../core/finding";
import type { TargetTable } from "../../core/model";
import { tableName } from "../../core/readModel";

export interface Filters {
  /** severities shown; all three by default */
  severities: Severity[];
  /** categories shown; empty means every category */
  categories: Category[];
}

export const ALL_FILTERS: Filters = { severities: [...SEVERITIES], categories: [] };

export interface Counts extends Record<Severity, number> {
  total: number;
}

/** The count of each severity and of all (core/finding's counts). */
export function countBySeverity(findings: readonly Finding[]): Counts {
  return { ...countEach(findings), total: findings.length };
}

export function applyFilters(findings: readonly Finding[], filters: Filters): Finding[] {
  const sev = new Set(filters.severities);
  const cat = new Set(filters.categories);
  return findings.filter((f) => sev.has(f.severity) && (cat.size === 0 || cat.has(f.category)));
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
 * An id for each finding that is unique in a report. `key` identifies a finding for ignoring
 * (rule, sheet, cell, value); two findings of one rule on one cell differ by message.
 */
export function findingId(f: Finding): string {
  return `${f.key}\u0001${f.message}`;
}
