/** Reading 一级/二级 labels: which level and key a written label can mean, and framework detection. */
import { labelKey } from "../text";
import type { FrameworkId } from "../model";
import { FRAMEWORKS, type FrameworkDef, type Level1Def, type Level2Def } from "./data";
import { memoize } from "../memo";

export interface LabelMeaning {
  level: 1 | 2;
  key: string;
}

const SUFFIXES = ["", "指标", "目标", "类指标"];

function buildLexicon(): Map<string, LabelMeaning[]> {
  const lex = new Map<string, LabelMeaning[]>();
  const add = (name: string, m: LabelMeaning) => {
    for (const suf of SUFFIXES) {
      const k = name + suf;
      const list = lex.get(k) ?? [];
      if (!list.some((x) => x.level === m.level && x.key === m.key)) list.push(m);
      lex.set(k, list);
    }
  };
  for (const fw of FRAMEWORKS) {
    for (const a of fw.level1) {
      for (const n of a.names) add(n, { level: 1, key: a.key });
      for (const b of a.level2) for (const n of b.names) add(n, { level: 2, key: b.key });
    }
  }
  return lex;
}

const LEXICON = buildLexicon();

/** Every meaning a written label can have ("成本指标" -> 一级 成本 or 二级 成本). Empty when unknown. */
export function labelMeanings(text: string): LabelMeaning[] {
  return meaningsOfKey(labelKey(text));
}

/** labelMeanings of a text whose labelKey is `key`. */
export function meaningsOfKey(key: string): LabelMeaning[] {
  if (!key) return [];
  const direct = LEXICON.get(key);
  if (direct) return direct;
  if (key.length > 40) return [];
  return canonicalMeanings(key);
}
const canonicalMeanings = memoize((key: string) => meaningsOfCanonical(key), { capacity: 20_000 });

/**
 * The ways templates write a framework's labels in other words (docs/domain.md "Frameworks"), undone one
 * at a time: tags and scores in brackets (数量指标(必填硬性指标), 成本指标(0-20)分, 数量指标(或建筑规模指标)),
 * 值 for 指标 (产出值, 数量值), a 预期 / 项目 / 年度 prefix (预期产出指标, 项目效益指标), a trailing 等
 * (服务对象满意度指标等), alternatives (社会公众或服务对象满意度指标), and a 二级 prefixed by its 一级 (产出数量指标). Each step is tried on what the
 * steps before it left.
 */
const CANONICAL_STEPS: ((k: string) => string)[] = [
  // the outline's numbering before a label written in one column: 一、产出指标, 1.数量指标, 第一部分
  (k) => k.replace(/^(第?[一二三四五六七八九十]+(部分)?[、.．:]?|\d{1,2}[、.．])(?=[\u4e00-\u9fff(])/, ""),
  (k) => k.replace(/\([^()]*\)/g, "").replace(/\d+(-\d+)?分$/, "").replace(/分$/, ""),
  (k) => k.replace(/等$/, ""),
  // two names for one label (社会公众或服务对象满意度指标): the last is the framework's
  (k) => k.replace(/^.*或/, ""),
  (k) => k.replace(/值$/, "指标"),
  (k) => k.replace(/^(预期|项目|年度|本年|主要)/, ""),
];

function meaningsOfCanonical(key: string): LabelMeaning[] {
  let k = key;
  for (const step of CANONICAL_STEPS) {
    const next = step(k);
    if (next === k || !next) continue;
    k = next;
    const found = LEXICON.get(k);
    if (found) return found;
  }
  // a 二级 written with its 一级 before it: 产出数量指标, 效益社会效益指标
  const parent = /^(产出|效益|效果|满意度)(.+)$/.exec(k);
  if (parent) {
    const inner = LEXICON.get(parent[2])?.filter((m) => m.level === 2);
    if (inner?.length) return inner;
  }
  return [];
}

export function isKnownLabel(text: string): boolean {
  return labelMeanings(text).length > 0;
}

/** The start of a label cut short (社会公众或服务对象满意度指, a page or copy ending inside the cell). */
export function isCutLabel(key: string): boolean {
  if (key.length < 2) return false;
  // cut inside the closing 指标, the commonest case, also for labels only known in other words
  if (meaningsOfKey(`${key}标`).length || meaningsOfKey(`${key}指标`).length) return true;
  for (const k of LEXICON.keys()) if (k.length > key.length && k.startsWith(key)) return true;
  return false;
}

/** All label spellings, for suggestions. */
export function knownLabelSpellings(level?: 1 | 2): string[] {
  const out: string[] = [];
  for (const [k, ms] of LEXICON) if (!level || ms.some((m) => m.level === level)) out.push(k);
  return out;
}

function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  const d: number[] = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= B.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (A[i - 1] === B[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[B.length];
}

/** The closest known label within one or two edits ("厂口目标" -> "产出目标"), or undefined. */
export function suggestLabel(text: string, level?: 1 | 2, fw?: FrameworkDef): string | undefined {
  const k = labelKey(text);
  if (k.length < 2) return undefined;
  // the same unknown labels recur in every table of a batch: each is measured once per framework and level (issue 7)
  if (k.length > 30) return closestLabel(k, level, fw);
  const memoKey = `${level ?? 0}${k}`;
  let memo = suggestions.get(fw ?? NO_FRAMEWORK);
  if (!memo) suggestions.set(fw ?? NO_FRAMEWORK, (memo = new Map()));
  const known = memo.get(memoKey);
  if (known !== undefined) return known ?? undefined;
  const found = closestLabel(k, level, fw);
  if (memo.size >= 10_000) memo.clear();
  memo.set(memoKey, found ?? null);
  return found;
}

const NO_FRAMEWORK = {} as FrameworkDef;
const suggestions = new WeakMap<FrameworkDef, Map<string, string | null>>();

function closestLabel(k: string, level?: 1 | 2, fw?: FrameworkDef): string | undefined {
  const candidates: string[] = [];
  if (fw) {
    for (const a of fw.level1) {
      if (!level || level === 1) for (const n of a.names) candidates.push(n, n + "指标", n + "目标");
      if (!level || level === 2) for (const b of a.level2) for (const n of b.names) candidates.push(n, n + "指标");
    }
  } else {
    candidates.push(...knownLabelSpellings(level));
  }
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(k, c);
    if (dist < bestD || (dist === bestD && best !== undefined && c.length === k.length && best.length !== k.length)) {
      bestD = dist;
      best = c;
    }
  }
  const limit = k.length >= 4 ? 2 : 1;
  return bestD <= limit ? best : undefined;
}

export function level1Def(fw: FrameworkDef, key: string | null | undefined): Level1Def | undefined {
  return key ? fw.level1.find((a) => a.key === key) : undefined;
}

export function level2Def(fw: FrameworkDef, level1Key: string | null | undefined, key: string): Level2Def | undefined {
  const a = level1Def(fw, level1Key);
  return a?.level2.find((b) => b.key === key);
}

/** The 一级 keys that contain this 二级 key in the framework. */
export function parentsOf(fw: FrameworkDef, level2Key: string): string[] {
  return fw.level1.filter((a) => a.level2.some((b) => b.key === level2Key)).map((a) => a.key);
}

export function frameworkHas(fw: FrameworkDef, m: LabelMeaning): boolean {
  if (m.level === 1) return fw.level1.some((a) => a.key === m.key);
  return fw.level1.some((a) => a.level2.some((b) => b.key === m.key));
}

/** Labels seen in a table, with the column level they were written in (1 or 2), for detection. */
export interface SeenLabel {
  text: string;
  /** the column it stands in: 1 for the 一级 column, 2 for the 二级 column, 0 elsewhere */
  column: 0 | 1 | 2;
  /** labelMeanings(text), when the caller has it already */
  meanings?: LabelMeaning[];
}

/**
 * Detect the framework of a table from its labels. Each framework scores the labels it knows
 * (at the level of the column they stand in) and loses for labels it does not know.
 * Distinctive labels (决策/过程, 投入与目标管理/影响力, 成本 as 一级 with 经济成本) decide.
 */
export function detectFramework(labels: SeenLabel[], hints: { halfYearColumn?: boolean } = {}): {
  id: FrameworkId;
  score: number;
} {
  let best: { id: FrameworkId; score: number } = { id: "common", score: -Infinity };
  // each label's meanings once, not once per framework
  const read = labels.map((l) => {
    const ms = l.meanings ?? labelMeanings(l.text);
    const atLevel = ms.filter((m) => l.column === 0 || m.level === l.column);
    return { ms, candidates: atLevel.length ? atLevel : ms };
  });
  const costLevel2 = read.some((r) => r.ms.some((m) => m.level === 2 && ["经济成本", "社会成本", "生态环境成本"].includes(m.key)));
  for (const fw of FRAMEWORKS) {
    let score = 0;
    for (const { ms, candidates } of read) {
      if (ms.length === 0) continue;
      const fits = candidates.some((m) => frameworkHas(fw, m));
      score += fits ? 1 : -1;
      // distinctive: 成本 written as an 一级 next to 经济成本 is core-2021; as 二级 it is not
      if (fw.id === "core-2021" && ms.some((m) => m.level === 2 && ["经济成本", "社会成本", "生态环境成本"].includes(m.key)))
        score += 2;
      if (fw.id === "evaluation" && ms.some((m) => m.level === 1 && (m.key === "决策" || m.key === "过程"))) score += 2;
      if (fw.id === "four-goal" && ms.some((m) => (m.level === 1 && (m.key === "投入与目标管理" || m.key === "影响力")) || m.key === "长效管理"))
        score += 2;
    }
    if (fw.id === "evaluation" && hints.halfYearColumn) score += 0.5;
    // core-2021 is recognised by its cost 二级 (经济成本 …), not by 成本 alone in the 一级 column
    if (fw.id === "core-2021" && !costLevel2) score -= 3;
    // prefer common on ties: it is listed first and only replaced by a strictly better score
    if (score > best.score) best = { id: fw.id, score };
  }
  return best;
}
