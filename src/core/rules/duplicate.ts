/** duplicate: the same 三级 indicator twice in one table. */
import { labelKey } from "../text";
import { nameOf } from "./indicators";
import { defineRule } from "./types";

const sameIndicator = defineRule({
  id: "duplicate.indicator",
  category: "duplicate",
  severity: "warning",
  title: { zh: "同一张表中重复的三级指标", en: "The same level-3 indicator twice in one table" },
  messages: {
    default: { zh: "三级指标“{name}”与 {first} 重复。", en: 'the indicator "{name}" repeats {first}.' },
  },
  why: { zh: "重复的指标多半是复制时留下的，汇总时会被算两次。", en: "A repeated indicator is usually left over from copying, and is counted twice when tables are collected." },
  howToFix: { zh: "删去重复的一行，或把它改成另一项指标。", en: "Delete the repeated row, or make it a different indicator." },
  fixable: "no",
  example: { bad: "项目管理：项目质量可控性（两次）", good: "只保留一次", from: { seed: "002", table: "公积金信息专网及驻场服务费" } },
  check: ({ table }, report) => {
    const first = new Map<string, string>();
    for (const ind of table.indicators) {
      if (!ind.name) continue;
      const k = labelKey(ind.name.text);
      const prev = first.get(k);
      if (prev) report({ place: ind.name, value: ind.name.text, indicator: nameOf(ind), params: { name: ind.name.text, first: prev } });
      else first.set(k, ind.name.address);
    }
  },
});

export const duplicateRules = [sameIndicator];
