/** copy-paste: the same indicator list reused across different projects of one workbook. */
import { isSatisfactionName } from "../lexicon";
import type { TargetTable } from "../model";
import { labelKey } from "../text";
import { defineWorkbookRule } from "./types";

/** 产出 and 效益 indicators are project-specific; management and satisfaction blocks repeat legitimately. */
function specificNames(t: TargetTable): Set<string> {
  const out = new Set<string>();
  for (const i of t.indicators) {
    if (!i.name) continue;
    if (i.level1?.key !== "产出" && i.level1?.key !== "效益" && i.level1?.key !== "成本") continue;
    if (isSatisfactionName(i.name.text)) continue;
    out.add(labelKey(i.name.text));
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

export const THRESHOLD = 0.6;

/**
 * The tables after table i (ascending) that may reach THRESHOLD with it: those sharing a name with
 * it among the rarest few of each (prefix filtering, as in set-similarity joins). Comparing every
 * pair instead took 12.5 million comparisons at 5,000 tables (issue 7).
 *
 * Why nothing is lost: jaccard(a, b) >= t needs k = |a ∩ b| >= t·|a ∪ b| >= t·|a|, so k >= ⌈t·|a|⌉.
 * Order all names by how few tables use them and let w be the first common name: the k − 1 other
 * common names come after it in a, so w is among the first |a| − k + 1 <= |a| − ⌈t·|a|⌉ + 1 names of
 * a (its prefix), and likewise of b. So two tables that reach t share a name of their prefixes.
 * ⌈t·|a|⌉ is taken a hair low, so that floating point can only lengthen a prefix, never shorten it.
 */
function similarLaterTables(names: readonly Set<string>[]): (i: number) => number[] {
  const use = new Map<string, number>();
  for (const set of names) if (set.size >= 3) for (const n of set) use.set(n, (use.get(n) ?? 0) + 1);
  const order = (a: string, b: string) => (use.get(a) as number) - (use.get(b) as number) || (a < b ? -1 : a > b ? 1 : 0);
  const prefixes = names.map((set) => {
    if (set.size < 3) return [];
    const shared = Math.max(1, Math.ceil(THRESHOLD * set.size - 1e-6));
    return [...set].sort(order).slice(0, set.size - shared + 1);
  });
  const index = new Map<string, number[]>(); // name -> tables (ascending) with it in their prefix
  prefixes.forEach((prefix, j) => {
    for (const n of prefix) {
      const list = index.get(n);
      if (list) list.push(j);
      else index.set(n, [j]);
    }
  });
  return (i) => {
    const out = new Set<number>();
    for (const n of prefixes[i]) for (const j of index.get(n) as number[]) if (j > i) out.add(j);
    return [...out].sort((a, b) => a - b);
  };
}

const reused = defineWorkbookRule({
  id: "copy-paste.reused-indicators",
  category: "copy-paste",
  severity: "warning",
  title: { zh: "不同项目使用了相同或几乎相同的指标", en: "Different projects with the same or nearly the same indicators" },
  messages: {
    identical: {
      zh: "项目“{project}”的产出和效益指标与{others}完全相同，疑似照搬；请按本项目的实际内容设置指标。",
      en: 'the output and benefit indicators of "{project}" are identical to those of {others}; they look copied — set indicators for this project\'s own work.',
    },
    similar: {
      zh: "项目“{project}”的产出和效益指标与{others}几乎相同，疑似照搬；请按本项目的实际内容设置指标。",
      en: 'the output and benefit indicators of "{project}" are nearly identical to those of {others}; they look copied — set indicators for this project\'s own work.',
    },
  },
  why: { zh: "产出和效益指标应反映本项目的工作；不同项目用同一套指标，说明指标是照搬的。", en: "Output and benefit indicators describe the project's own work; the same set in different projects shows they were copied." },
  howToFix: { zh: "按本项目实际的产出和效果重新设置指标。", en: "Set indicators for what this project actually delivers and achieves." },
  fixable: "no",
  example: { bad: "“宣传费”和“大宗印刷费”两张表的产出、效益指标完全相同", good: "各项目按自己的实际内容设置指标", from: { illustration: "no such mistake in the seeds" } },
  check: ({ tables }, report) => {
    const names = tables.map(specificNames);
    const projects = tables.map((t) => labelKey(t.projectName?.text ?? ""));
    const similar = similarLaterTables(names);
    const grouped = new Set<number>();
    for (let i = 0; i < tables.length; i++) {
      if (grouped.has(i) || names[i].size < 3) continue;
      const group = [i];
      let identical = true;
      for (const j of similar(i)) {
        if (grouped.has(j)) continue;
        if (projects[i] && projects[i] === projects[j]) continue; // the same project in two places is not copy-paste
        if (tables[i].kind !== tables[j].kind) continue; // a self-evaluation repeats its target table's indicators
        const s = jaccard(names[i], names[j]);
        if (s >= THRESHOLD) {
          group.push(j);
          if (s < 1) identical = false;
        }
      }
      if (group.length < 2) continue;
      group.forEach((g) => grouped.add(g));
      // report once, on the later tables, naming the others
      for (const g of group.slice(1)) {
        const t = tables[g];
        const first = t.indicators.find((x) => x.name && (x.level1?.key === "产出" || x.level1?.key === "效益"))?.name;
        if (!first) continue;
        const others = group.filter((x) => x !== g).map((x) => `“${tables[x].projectName?.text ?? tables[x].id}”（${tables[x].sheet}）`);
        report({
          place: first,
          table: t,
          value: first.text,
          messageId: identical ? "identical" : "similar",
          params: { project: t.projectName?.text ?? t.id, others: { zh: others.join("、"), en: others.join(", ") } },
        });
      }
    }
  },
});

export const copyPasteRules = [reused];
