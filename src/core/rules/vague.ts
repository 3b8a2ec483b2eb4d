/** vague: qualitative targets with no measurable content where a number is possible. */
import type { IndicatorRow } from "../model";
import { MANAGEMENT_LEVEL1 } from "../frameworks/data";
import { VAGUE_WORDS } from "../lexicon";
import { answersYesNo, isSatisfaction, nameOf, valueCells } from "./indicators";

/** The value cells of a row worth reporting: the full-year one alone when both columns say the same. */
function distinctValueCells(ind: IndicatorRow) {
  const cells = valueCells(ind);
  if (cells.length === 2 && cells[0].field.text === cells[1].field.text) return cells.filter((c) => !c.half);
  return cells;
}
import type { Hit, TableRule } from "./types";

/** a timeliness target that only says "on time" (及时, 按时完成): a deadline or a rate is possible */
const ON_TIME = /^(?:及时|按时|按期|准时|如期)(?:完成|缴纳|支付|发放|到位|办理|响应|举办)?$/;

const qualitative: TableRule = {
  id: "vague.qualitative",
  category: "vague",
  severity: "info",
  title: { zh: "指标值只有定性描述，没有可衡量的内容", en: "A qualitative target with nothing measurable" },
  message: {
    zh: (p) =>
      `指标“${p.name}”的指标值“${p.value}”${p.yesNo ? "只回答了是或否，" : ""}无法衡量；${p.timely ? "建议写明完成时限（如“12月31日前”）或及时率（如 ≥95%）。" : "建议改为可量化的目标（如提高的百分点、达到的数值）。"}`,
    en: (p) =>
      `the target "${p.value}" of "${p.name}" ${p.yesNo ? "only answers yes or no and " : ""}cannot be measured; ${p.timely ? "give a deadline (e.g. 12月31日前) or an on-time rate (e.g. ≥95%)." : "give a number (percentage points, a level to reach)."}`,
  },
  example: { bad: "提高工作积极性 | 明显提高", good: "职工考核优秀率 | ≥30%", source: "seed 000 预留奖励绩效工资" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      if (MANAGEMENT_LEVEL1.has(ind.level1?.key ?? "")) continue;
      if (isSatisfaction(nameOf(ind))) continue;
      for (const v of distinctValueCells(ind)) {
        // a yes/no answer to an output or benefit question (项目实施是否产生经济价值 | 否): nothing to measure
        const yesNo = v.parsed.kind === "placeholder" && answersYesNo(ind, v.text);
        if (v.parsed.kind !== "qualitative" && !yesNo) continue;
        const timely = ON_TIME.test(v.field.text.replace(/\s/g, ""));
        if (timely || yesNo || VAGUE_WORDS.test(v.field.text))
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, name: nameOf(ind), value: v.text, timely: timely ? "1" : "", yesNo: yesNo ? "1" : "" } });
      }
    }
    return hits;
  },
};

const satisfaction: TableRule = {
  id: "vague.satisfaction",
  category: "vague",
  severity: "warning",
  title: { zh: "满意度指标没有写百分比", en: "A satisfaction indicator without a percentage" },
  message: {
    zh: (p) => `满意度指标“${p.name}”写作“${p.value}”；满意度应写成百分比下限，如 ≥90%。`,
    en: (p) => `satisfaction indicator "${p.name}" reads "${p.value}"; give a floor in %, e.g. ≥90%.`,
  },
  example: { bad: "缴存职工满意度 | 提高", good: "缴存职工满意度 | ≥90%", source: "seed 001" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators) {
      if (!isSatisfaction(nameOf(ind))) continue;
      for (const v of distinctValueCells(ind))
        if (v.parsed.kind === "qualitative")
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, name: nameOf(ind), value: v.text } });
    }
    return hits;
  },
};

export const vagueRules: TableRule[] = [satisfaction, qualitative];
