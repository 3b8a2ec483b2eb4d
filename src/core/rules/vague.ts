/** vague: qualitative targets with no measurable content where a number is possible. */
import type { IndicatorRow } from "../model";
import { MANAGEMENT_LEVEL1 } from "../frameworks/data";
import { VAGUE_WORDS } from "../lexicon";
import { answersYesNo, atValue, isSatisfaction, nameOf, valueCells } from "./indicators";
import { defineRule } from "./types";

/** The value cells of a row worth reporting: the full-year one alone when both columns say the same. */
function distinctValueCells(ind: IndicatorRow) {
  const cells = valueCells(ind);
  if (cells.length === 2 && cells[0].field.text === cells[1].field.text) return cells.filter((c) => !c.half);
  return cells;
}

/** a timeliness target that only says "on time" (及时, 按时完成): a deadline or a rate is possible */
const ON_TIME = /^(?:及时|按时|按期|准时|如期)(?:完成|缴纳|支付|发放|到位|办理|响应|举办)?$/;

/** What a qualitative target could say instead. */
const ADVICE = {
  timely: { zh: "建议写明完成时限（如“12月31日前”）或及时率（如 ≥95%）。", en: "give a deadline (e.g. 12月31日前) or an on-time rate (e.g. ≥95%)." },
  number: { zh: "建议改为可量化的目标（如提高的百分点、达到的数值）。", en: "give a number (percentage points, a level to reach)." },
};

const qualitative = defineRule({
  id: "vague.qualitative",
  category: "vague",
  severity: "info",
  title: { zh: "指标值只有定性描述，没有可衡量的内容", en: "A qualitative target with nothing measurable" },
  messages: {
    default: { zh: "指标“{name}”的指标值“{value}”无法衡量；{advice}", en: 'the target "{value}" of "{name}" cannot be measured; {advice}' },
    yesNo: { zh: "指标“{name}”的指标值“{value}”只回答了是或否，无法衡量；{advice}", en: 'the target "{value}" of "{name}" only answers yes or no and cannot be measured; {advice}' },
  },
  why: { zh: "“明显提高”“及时”之类的目标无法判断是否完成；能量化的应当量化。", en: "Targets such as 明显提高 or 及时 cannot be judged met or missed; what can be measured should be." },
  howToFix: { zh: "改为可衡量的目标：百分比、数值、完成时限或及时率。", en: "Give something measurable: a percentage, a number, a deadline or an on-time rate." },
  fixable: "no",
  example: { bad: "提高工作积极性 | 明显提高", good: "职工考核优秀率 | ≥30%", from: { seed: "000", table: "预留奖励绩效工资" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      if (MANAGEMENT_LEVEL1.has(ind.level1?.key ?? "")) continue;
      if (isSatisfaction(nameOf(ind))) continue;
      for (const v of distinctValueCells(ind)) {
        // a yes/no answer to an output or benefit question (项目实施是否产生经济价值 | 否): nothing to measure
        const yesNo = v.parsed.kind === "placeholder" && answersYesNo(ind, v.text);
        if (v.parsed.kind !== "qualitative" && !yesNo) continue;
        const timely = ON_TIME.test(v.field.text.replace(/\s/g, ""));
        if (timely || yesNo || VAGUE_WORDS.test(v.field.text))
          report({ ...atValue(ind, v), messageId: yesNo ? "yesNo" : "default", params: { name: nameOf(ind), value: v.text, advice: timely ? ADVICE.timely : ADVICE.number } });
      }
    }
  },
});

const satisfaction = defineRule({
  id: "vague.satisfaction",
  category: "vague",
  severity: "warning",
  title: { zh: "满意度指标没有写百分比", en: "A satisfaction indicator without a percentage" },
  messages: {
    default: { zh: "满意度指标“{name}”写作“{value}”；满意度应写成百分比下限，如 ≥90%。", en: 'satisfaction indicator "{name}" reads "{value}"; give a floor in %, e.g. ≥90%.' },
  },
  why: { zh: "满意度是通过调查得出的百分比，“提高”“较高”无法与调查结果对照。", en: "Satisfaction is measured by survey as a percentage; 提高 or 较高 cannot be compared with the result." },
  howToFix: { zh: "写成百分比下限，如 ≥90%。", en: "Give a floor in %, e.g. ≥90%." },
  fixable: "no",
  example: { bad: "缴存职工满意度 | 提高", good: "缴存职工满意度 | ≥90%", from: { seed: "001" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      if (!isSatisfaction(nameOf(ind))) continue;
      for (const v of distinctValueCells(ind)) if (v.parsed.kind === "qualitative") report({ ...atValue(ind, v), params: { name: nameOf(ind), value: v.text } });
    }
  },
});

/** Text compared without spaces and punctuation. */
const bare = (t: string) => t.replace(/[\s,，.。;；:：、()（）“”"'!！?？]/g, "");

const restatesName = defineRule({
  id: "vague.restates-name",
  category: "vague",
  severity: "warning",
  title: { zh: "指标值只是重复了指标名称", en: "A target that only repeats the indicator's name" },
  messages: {
    default: { zh: "指标“{name}”的指标值“{value}”只是重复了指标名称，没有说明要达到什么程度。", en: 'the target "{value}" of "{name}" only repeats the name; it does not say what is to be reached.' },
  },
  why: {
    zh: "指标值要写出衡量的标准；把名称再写一遍，等于没有目标，自评时也无从判断完成与否。",
    en: "A target states the level to reach; the name written again is no target, and the self-evaluation cannot judge it met or missed.",
  },
  howToFix: { zh: "写出可衡量的目标，如“带动农民增收 | 户均增收≥2000元”。", en: "Give a measurable target, e.g. 带动农民增收 | 户均增收≥2000元." },
  fixable: "no",
  example: { bad: "带动农民增收 | 农民增收", good: "带动农民增收 | 户均增收≥2000元", from: { corpus: "self-evaluation 10", note: "安徽 霍邱 科技特派员" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators) {
      // (bare only takes characters out: a name of fewer than 4 is shorter bare; the name is made bare
      // only for a row with a qualitative value, issue 17)
      if (nameOf(ind).length < 4) continue;
      let name: string | undefined;
      for (const v of distinctValueCells(ind)) {
        if (v.parsed.kind !== "qualitative") continue;
        name ??= bare(nameOf(ind));
        if (name.length < 4) break;
        const value = bare(v.text);
        // the whole name again, most of it (带动农民增收 | 农民增收) or its end (科技特派员创业能力提升 | 创业能力提升);
        // not a short answer (预算编制合理性 | 合理)
        if (value === name || (value.length >= 4 && name.includes(value) && (value.length * 5 >= name.length * 3 || name.endsWith(value))))
          report({ ...atValue(ind, v), params: { name: nameOf(ind), value: v.text } });
      }
    }
  },
});

export const vagueRules = [satisfaction, qualitative, restatesName];
