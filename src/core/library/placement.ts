/**
 * Where a template goes in each framework. A template names its 一级/二级 by the keys of
 * frameworks/data.ts; where a framework has no such pair, the equivalent position is used:
 *   产出/成本 ↔ 成本/经济成本 (core-2021 makes cost its own 一级),
 *   满意度/服务对象满意度 ↔ 效益/服务对象满意度 (the four-goal framework puts satisfaction under 效果),
 *   效益/可持续影响 → 影响力/长效管理 (four-goal has no 可持续影响).
 */
import { LIBRARY_FRAMEWORKS, frameworkById } from "../frameworks/data";
import type { FrameworkId } from "../model";

export interface Placement {
  level1: string;
  level2: string;
}

const EQUIVALENTS: [Placement, Placement][] = [
  [{ level1: "产出", level2: "成本" }, { level1: "成本", level2: "经济成本" }],
  [{ level1: "满意度", level2: "服务对象满意度" }, { level1: "效益", level2: "服务对象满意度" }],
  [{ level1: "效益", level2: "可持续影响" }, { level1: "影响力", level2: "长效管理" }],
];

function has(fw: FrameworkId, p: Placement): boolean {
  const a = frameworkById(fw).level1.find((x) => x.key === p.level1);
  return !!a && a.level2.some((b) => b.key === p.level2);
}

/** The 一级/二级 a template with this position takes in `fw`, or undefined when it has no place there. */
export function placementIn(level1: string, level2: string, fw: FrameworkId): Placement | undefined {
  const p = { level1, level2 };
  if (has(fw, p)) return p;
  for (const [a, b] of EQUIVALENTS) {
    if (a.level1 === level1 && a.level2 === level2 && has(fw, b)) return b;
    // one way only for 可持续影响 -> 长效管理: a 长效管理 template is not a 可持续影响 one
    if (b.level1 === level1 && b.level2 === level2 && a.level2 !== "可持续影响" && has(fw, a)) return a;
  }
  return undefined;
}

/** Every framework in which the position has a place. */
export function frameworksFor(level1: string, level2: string): FrameworkId[] {
  return LIBRARY_FRAMEWORKS.filter((f) => placementIn(level1, level2, f.id)).map((f) => f.id);
}

/** The 一级 key a 二级 key belongs to when it is unambiguous (satisfaction: 满意度). */
export function defaultLevel1(level2: string): string | undefined {
  if (level2 === "服务对象满意度") return "满意度";
  const parents = new Set<string>();
  for (const f of LIBRARY_FRAMEWORKS) for (const a of f.level1) if (a.level2.some((b) => b.key === level2)) parents.add(a.key);
  return parents.size === 1 ? [...parents][0] : undefined;
}
