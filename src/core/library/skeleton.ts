/**
 * The skeleton of each framework: every 一级/二级 pair in order, with the labels a table of that
 * framework writes (产出指标/数量指标 in the common framework, 产出目标/数量 in the four-goal one).
 */
import { frameworkById } from "../frameworks/data";
import type { FrameworkId } from "../model";

export interface SkeletonRow {
  level1: string;
  level2: string;
  level1Label: string;
  level2Label: string;
  /** the framework requires an indicator in this 二级 */
  required: boolean;
}

/** How a framework's tables write a label. */
export function labelFor(fw: FrameworkId, level: 1 | 2, key: string): string {
  if (fw === "four-goal") {
    if (level === 1) return key === "投入与目标管理" ? key : `${key === "效益" ? "效果" : key}目标`;
    return key === "服务对象满意度" ? "满意度" : key;
  }
  return `${key}指标`;
}

export function skeleton(fw: FrameworkId): SkeletonRow[] {
  const out: SkeletonRow[] = [];
  for (const a of frameworkById(fw).level1)
    for (const b of a.level2)
      out.push({ level1: a.key, level2: b.key, level1Label: labelFor(fw, 1, a.key), level2Label: labelFor(fw, 2, b.key), required: a.required && b.required });
  return out;
}

/** The empty indicator grid of a framework: one row per 二级, 一级 written on the first row of its group. */
export function skeletonGrid(fw: FrameworkId): string[][] {
  let last = "";
  return skeleton(fw).map((r) => {
    const row = [r.level1 === last ? "" : r.level1Label, r.level2Label];
    last = r.level1;
    return row;
  });
}
