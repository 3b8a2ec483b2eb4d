/** duplicate: the same 三级 indicator twice in one table. */
import { labelKey } from "../text";
import { nameOf } from "./indicators";
import type { Hit, TableRule } from "./types";

const sameIndicator: TableRule = {
  id: "duplicate.indicator",
  category: "duplicate",
  severity: "warning",
  title: { zh: "同一张表中重复的三级指标", en: "The same level-3 indicator twice in one table" },
  message: {
    zh: (p) => `三级指标“${p.name}”与 ${p.first} 重复。`,
    en: (p) => `the indicator "${p.name}" repeats ${p.first}.`,
  },
  example: { bad: "项目管理：项目质量可控性（两次）", good: "只保留一次", source: "seed 002 公积金信息专网及驻场服务费" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    const first = new Map<string, string>();
    for (const ind of table.indicators) {
      if (!ind.name) continue;
      const k = labelKey(ind.name.text);
      const prev = first.get(k);
      if (prev) hits.push({ place: ind.name, value: ind.name.text, indicator: nameOf(ind), params: { cell: ind.name.address, name: ind.name.text, first: prev } });
      else first.set(k, ind.name.address);
    }
    return hits;
  },
};

export const duplicateRules: TableRule[] = [sameIndicator];
