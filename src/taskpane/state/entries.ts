/**
 * The findings list as the pane shows it: findings that say the same thing collapsed into one
 * entry, entries grouped by severity (errors first) or by table, then by category, and the order
 * in which next/previous and the keyboard walk through them. Plain functions over plain records.
 *
 * Collapsed into one entry:
 * - the same finding repeated (the same rule and the same sentence but for the quoted cell text and
 *   cell references): 预算数没有注明金额单位 in 17 tables, 缺少满意度指标 in 3;
 * - one shifted block: structure.label-misplaced on adjacent rows of one table (一级 in B, 二级 in C
 *   and three 二级 in A are one mistake: the block was pasted one column off);
 * - one indicator's value columns: the same rule on the same indicator row (半年 and 全年 both
 *   written ≥ on a cost indicator).
 */
import { CATEGORIES, SEVERITIES, compareSeverity, type Category, type Finding, type Severity } from "../../core/finding";
import type { TargetTable } from "../../core/model";
import { tableName } from "../../core/readModel";
import { findingId, tableLabels, type Filters } from "./findings";

export type EntryKind = "single" | "repeat" | "block" | "periods";

export interface Entry {
  /** findingId of the lead */
  id: string;
  /** the first member in engine order: its message stands for the entry */
  lead: Finding;
  /** every finding the entry stands for, in engine order, the lead first */
  members: Finding[];
  /** the most severe member's */
  severity: Severity;
  category: Category;
  kind: EntryKind;
  /** the tables (ids) the members belong to, in order of appearance; "" for findings of no table */
  tables: string[];
}

export type GroupBy = "severity" | "table";

export interface CategoryBlock {
  /** "error/cost", "table:Sheet1!A1:F20/cost" */
  key: string;
  category: Category;
  severity: Severity;
  entries: Entry[];
  /** findings in the block */
  count: number;
}

export interface EntryGroup {
  /** "error", "table:Sheet1!A1:F20", "sheet:Sheet2" */
  key: string;
  /** severity groups */
  severity?: Severity;
  /** table groups: the table id, null for findings of no table */
  table?: string | null;
  sheet?: string;
  /** table groups: the table's label */
  name?: string;
  categories: CategoryBlock[];
  /** findings in the group */
  count: number;
}

/** Cell references inside a message (“（B8）”, “与 C31 重复”): masked when comparing sentences. */
const CELL_REF = /\$?\b[A-Z]{1,3}\$?[1-9][0-9]{0,6}\b/g;

/** The sentence of a finding without what differs between repeats: its own quoted cell text and cell references. */
export function repeatSentence(f: Finding): string {
  let m = f.message;
  const v = f.value;
  if (v) m = m.split(`“${v}”`).join("“…”").split(`"${v}"`).join('"…"');
  return m.replace(CELL_REF, "#");
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

export interface CollapseOptions {
  /** collapse repeats across tables (severity grouping); false keeps each table's own (table grouping) */
  acrossTables?: boolean;
}

/** Findings -> entries, in the engine's order of their leads. */
export function collapseFindings(findings: readonly Finding[], options: CollapseOptions = {}): Entry[] {
  const across = options.acrossTables ?? true;
  const uf = new UnionFind(findings.length);
  const kinds = new Map<number, Set<EntryKind>>();
  const note = (i: number, k: EntryKind) => {
    const s = kinds.get(i) ?? new Set<EntryKind>();
    s.add(k);
    kinds.set(i, s);
  };
  const joinBy = (key: (f: Finding) => string | null, kind: EntryKind) => {
    const first = new Map<string, number>();
    findings.forEach((f, i) => {
      const k = key(f);
      if (k === null) return;
      const j = first.get(k);
      if (j === undefined) first.set(k, i);
      else {
        uf.union(j, i);
        note(i, kind);
        note(j, kind);
      }
    });
  };
  // one indicator's value columns (半年/全年): same table, rule, row and indicator
  joinBy((f) => (f.table && f.indicator ? `${f.table}\u0000${f.rule}\u0000${f.sheet}\u0000${f.row}\u0000${f.indicator}` : null), "periods");
  // the same sentence repeated
  joinBy((f) => `${across ? "" : (f.table ?? f.sheet)}\u0000${f.rule}\u0000${f.severity}\u0000${repeatSentence(f)}`, "repeat");
  // one shifted block: misplaced labels on adjacent rows of a table
  const misplaced = findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.rule === "structure.label-misplaced" && f.table)
    .sort((a, b) => (a.f.table! < b.f.table! ? -1 : a.f.table! > b.f.table! ? 1 : a.f.row - b.f.row));
  for (let k = 1; k < misplaced.length; k++) {
    const [a, b] = [misplaced[k - 1], misplaced[k]];
    if (a.f.table === b.f.table && a.f.sheet === b.f.sheet && b.f.row - a.f.row <= 1) {
      uf.union(a.i, b.i);
      note(a.i, "block");
      note(b.i, "block");
    }
  }

  const byRoot = new Map<number, number[]>();
  findings.forEach((_f, i) => {
    const r = uf.find(i);
    const list = byRoot.get(r);
    if (list) list.push(i);
    else byRoot.set(r, [i]);
  });
  const entries: Entry[] = [];
  for (const idx of [...byRoot.values()].sort((a, b) => a[0] - b[0])) {
    const members = idx.map((i) => findings[i]);
    const lead = members[0];
    const ks = new Set<EntryKind>();
    for (const i of idx) for (const k of kinds.get(i) ?? []) ks.add(k);
    const kind: EntryKind = members.length === 1 ? "single" : ks.has("block") ? "block" : ks.has("repeat") ? "repeat" : "periods";
    const tables: string[] = [];
    for (const m of members) {
      const t = m.table ?? "";
      if (!tables.includes(t)) tables.push(t);
    }
    entries.push({
      id: findingId(lead),
      lead,
      members,
      severity: members.map((m) => m.severity).sort(compareSeverity)[0],
      category: lead.category,
      kind,
      tables,
    });
  }
  return entries;
}

function categoryBlocks(prefix: string, entries: readonly Entry[]): CategoryBlock[] {
  const out: CategoryBlock[] = [];
  for (const c of CATEGORIES) {
    const es = entries.filter((e) => e.category === c);
    if (es.length === 0) continue;
    out.push({
      key: `${prefix}/${c}`,
      category: c,
      severity: es.map((e) => e.severity).sort(compareSeverity)[0],
      entries: es,
      count: es.reduce((n, e) => n + e.members.length, 0),
    });
  }
  return out;
}

/**
 * Findings -> groups: by severity (errors first; repeats collapsed across tables), or by table (in
 * the tables' order, findings of no table last, one group per sheet; repeats collapsed inside a
 * table); inside a group by category in the vocabulary's order.
 */
export function groupEntries(findings: readonly Finding[], tables: readonly TargetTable[], by: GroupBy): EntryGroup[] {
  if (by === "severity") {
    const entries = collapseFindings(findings, { acrossTables: true });
    const groups: EntryGroup[] = [];
    for (const sev of SEVERITIES) {
      const es = entries.filter((e) => e.severity === sev);
      if (es.length === 0) continue;
      groups.push({ key: sev, severity: sev, categories: categoryBlocks(sev, es), count: es.reduce((n, e) => n + e.members.length, 0) });
    }
    return groups;
  }
  const entries = collapseFindings(findings, { acrossTables: false });
  const labels = tableLabels(tables);
  const byTable = new Map<string, Entry[]>();
  for (const e of entries) {
    const k = e.lead.table ? `table:${e.lead.table}` : `sheet:${e.lead.sheet}`;
    const list = byTable.get(k);
    if (list) list.push(e);
    else byTable.set(k, [e]);
  }
  const groups: EntryGroup[] = [];
  const make = (key: string, table: string | null, sheet: string, name: string, es: Entry[]): EntryGroup => ({
    key,
    table,
    sheet,
    name,
    categories: categoryBlocks(key, es),
    count: es.reduce((n, e) => n + e.members.length, 0),
  });
  for (const t of tables) {
    const key = `table:${t.id}`;
    const es = byTable.get(key);
    if (!es) continue;
    byTable.delete(key);
    groups.push(make(key, t.id, t.sheet, labels.get(t.id) ?? tableName(t), es));
  }
  for (const [key, es] of byTable) {
    const noTable = key.startsWith("sheet:");
    groups.push(make(key, noTable ? null : key.slice("table:".length), es[0].lead.sheet, noTable ? es[0].lead.sheet : key.slice("table:".length), es));
  }
  return groups;
}

/** The entries in list order, leaving out those in collapsed groups or category blocks. */
export function entryOrder(groups: readonly EntryGroup[], collapsed: ReadonlySet<string> = new Set()): Entry[] {
  const out: Entry[] = [];
  for (const g of groups) {
    if (collapsed.has(g.key)) continue;
    for (const c of g.categories) if (!collapsed.has(c.key)) out.push(...c.entries);
  }
  return out;
}

/** The group and category block keys an entry sits under. */
export function keysOf(groups: readonly EntryGroup[], entryId: string): string[] {
  for (const g of groups) for (const c of g.categories) if (c.entries.some((e) => e.id === entryId)) return [g.key, c.key];
  return [];
}

/** The entry a finding belongs to. */
export function entryOf(entries: readonly Entry[], f: Finding): Entry | undefined {
  const id = findingId(f);
  return entries.find((e) => e.members.some((m) => findingId(m) === id));
}

/**
 * The entry for a cell the user selected in the sheet: the current one when it has a member on
 * that cell (several findings may share it), else the first in list order, else undefined.
 */
export function entryAtCell(entries: readonly Entry[], sheet: string, cell: string, currentId?: string): Entry | undefined {
  const at = (e: Entry) => e.members.some((m) => m.sheet === sheet && m.cell === cell);
  const current = currentId ? entries.find((e) => e.id === currentId) : undefined;
  if (current && at(current)) return current;
  return entries.find(at);
}

/** The entry after (1) or before (-1) the current one, wrapping; from an end when there is none. */
export function stepEntry(order: readonly Entry[], currentId: string | undefined, dir: 1 | -1): Entry | undefined {
  if (order.length === 0) return undefined;
  const i = currentId === undefined ? -1 : order.findIndex((e) => e.id === currentId);
  if (i < 0) return dir === 1 ? order[0] : order[order.length - 1];
  return order[(i + dir + order.length) % order.length];
}

/**
 * After a re-check, the entry to keep selected: the same lead if it is still listed, else the entry
 * that holds one of the old members, else the first after the old position that survived.
 */
export function reselectEntry(before: readonly Entry[], after: readonly Entry[], currentId: string | undefined): string | undefined {
  if (currentId === undefined || after.length === 0) return undefined;
  if (after.some((e) => e.id === currentId)) return currentId;
  const i = before.findIndex((e) => e.id === currentId);
  if (i < 0) return undefined;
  const memberIds = new Set(before[i].members.map(findingId));
  const holder = after.find((e) => e.members.some((m) => memberIds.has(findingId(m))));
  if (holder) return holder.id;
  const ids = new Map<string, string>();
  for (const e of after) for (const m of e.members) ids.set(findingId(m), e.id);
  for (let j = i + 1; j < before.length; j++) {
    for (const m of before[j].members) {
      const hit = ids.get(findingId(m));
      if (hit) return hit;
    }
  }
  // the old entry was the last: the one that now stands last
  return after[after.length - 1].id;
}

/** Severity filter by the count badges: one severity, or all. */
export function severityFilter(filters: Filters): Severity | null {
  return filters.severities.length === 1 ? filters.severities[0] : null;
}
