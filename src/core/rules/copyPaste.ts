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
      // report once, on the later tables, naming the others (each table's name made once a group)
      const labels = group.map((x) => `“${tables[x].projectName?.text ?? tables[x].id}”（${tables[x].sheet}）`);
      for (let k = 1; k < group.length; k++) {
        const t = tables[group[k]];
        const first = t.indicators.find((x) => x.name && (x.level1?.key === "产出" || x.level1?.key === "效益"))?.name;
        if (!first) continue;
        const others = labels.filter((_, m) => m !== k);
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

/** The indicators with a target, as written: 二级, name and target, so that two terms' lists compare cell for cell. */
function writtenTargets(t: TargetTable): { key: string; quantity: boolean }[] {
  const out: { key: string; quantity: boolean }[] = [];
  for (const i of t.indicators) {
    if (!i.name || !i.value) continue;
    const level2 = i.level2?.key ?? labelKey(i.level2?.text ?? "");
    out.push({ key: [level2, labelKey(i.name.text), labelKey(i.value.text)].join("|"), quantity: level2 === "数量" || level2 === "成本" });
  }
  return out;
}

/**
 * How many of the shorter list's targets the longer one repeats, when it repeats them all (a copy
 * cut short where the stored table ends still counts), and whether a quantity or a cost is among
 * them; undefined when one target differs.
 */
function repeatedTargets(a: { key: string; quantity: boolean }[], b: { key: string; quantity: boolean }[]): { n: number; quantity: boolean } | undefined {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const left = new Map<string, number>();
  for (const x of long) left.set(x.key, (left.get(x.key) ?? 0) + 1);
  for (const x of short) {
    const k = left.get(x.key) ?? 0;
    if (k === 0) return undefined;
    left.set(x.key, k - 1);
  }
  return { n: short.length, quantity: short.some((x) => x.quantity) };
}

/** Two tables of one project, one for the whole term (中期) and one for the year (年度), in the same workbook. */
function termPairs(tables: readonly TargetTable[]): [TargetTable, TargetTable][] {
  const pairs: [TargetTable, TargetTable][] = [];
  const project = (t: TargetTable) => labelKey(t.projectName?.text ?? "");
  for (const mid of tables) {
    if (mid.term !== "中期" || mid.kind !== "target") continue;
    const year = tables.find((y) => y.term === "年度" && y.kind === "target" && project(y) === project(mid) && (project(y) !== "" || y.sheet === mid.sheet));
    if (year) pairs.push([mid, year]);
  }
  return pairs;
}

const MIN_COPIED_TERM_INDICATORS = 3;

const termCopied = defineWorkbookRule({
  id: "copy-paste.term-targets",
  category: "copy-paste",
  severity: "warning",
  title: { zh: "中期指标与年度指标逐项相同", en: "Medium-term indicators identical to the year's" },
  messages: {
    default: {
      zh: "项目“{project}”的中期指标与年度指标逐项相同（{n} 项，指标值也相同）：中期目标应是整个实施期的产出和效果，不能照抄一年的目标。",
      en: 'the medium-term indicators of "{project}" are the year\'s, one for one ({n}, with the same targets): a medium-term target is what the whole term delivers, not one year\'s copied.',
    },
  },
  why: {
    zh: "中期（多年）绩效目标覆盖整个实施期，资金和产出通常是年度的数倍；与年度指标完全相同，说明中期目标没有另行设置。",
    en: "A medium-term (multi-year) target covers the whole term, whose money and outputs are usually several years'; the same list as the year's shows the medium-term targets were never set.",
  },
  howToFix: { zh: "按整个实施期的总产出、总成本和效果设置中期指标值。", en: "Set the medium-term targets to the whole term's outputs, costs and outcomes." },
  fixable: "no",
  example: {
    bad: "中期（3年）数量指标“安置数量 3”与年度指标“安置数量 3”相同，而中期资金 284500万元、年度 919万元",
    good: "中期指标按三年的总量设置",
    from: { corpus: "targets/32_guangdong_dongguan_zhenjilianwanglu_TRUNCATED.tsv" },
  },
  check: ({ tables }, report) => {
    for (const [mid, year] of termPairs(tables)) {
      const same = repeatedTargets(writtenTargets(mid), writtenTargets(year));
      // rates (合格率 100%, 满意度 ≥90%) may well be the same for the term and the year; quantities and costs not
      if (!same || same.n < MIN_COPIED_TERM_INDICATORS || !same.quantity) continue;
      // a one-year term: the medium-term money is the year's, and so may its targets be
      const midMoney = mid.budget.midTermTotal?.value;
      if (midMoney !== undefined && midMoney === year.budget.total?.value) continue;
      const first = mid.indicators.find((i) => i.name && i.value)?.name;
      if (!first) continue;
      report({ place: first, table: mid, value: first.text, params: { project: mid.projectName?.text ?? "", n: same.n } });
    }
  },
});

export const copyPasteRules = [reused, termCopied];
