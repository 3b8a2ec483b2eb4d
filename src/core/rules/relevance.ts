/**
 * relevance: an indicator in the wrong place (a satisfaction name under 效益, a non-satisfaction
 * indicator under 满意度, 预算执行率 as an output, 合格率 as a benefit, a cost outside 成本) or one
 * unrelated to the project (游客人数增长率 in an IT maintenance project).
 */
import type { IndicatorRow, TargetTable } from "../model";
import { SATISFACTION_MEASURE } from "../lexicon";
import { domainsOf, type Domain } from "./domains";
import { isSatisfaction, isUnderCost, looksLikeCost, nameOf, valueCells } from "./indicators";
import type { Place } from "../model";
import { defineRule } from "./types";

/** Under 满意度: the 一级 of the common frameworks, or its 二级 (服务对象满意度; 满意度 under 实施效果 in NDRC tables). */
function isUnderSatisfaction(ind: IndicatorRow): boolean {
  return ind.level1?.key === "满意度" || ind.level2?.key === "服务对象满意度" || ind.level2?.key === "满意度";
}

/** The 一级 a row with a 二级 but no 一级 is under (产出数量指标 in a table without an 一级 column): 产出 for 数量/质量/时效. */
function impliedLevel1(ind: IndicatorRow): string | undefined {
  return ["数量", "质量", "时效"].includes(ind.level2?.key ?? "") ? "产出" : undefined;
}

function where(ind: IndicatorRow): string {
  return [ind.level1?.text, ind.level2?.text].filter(Boolean).join(" / ");
}

/** A hit on an indicator's name (its value when it has none), quoting the name and where it stands. */
function hit(ind: IndicatorRow) {
  return { place: (ind.name ?? ind.value) as Place, value: ind.name?.text, indicator: nameOf(ind), params: { name: nameOf(ind), where: where(ind) } };
}

const satisfactionOutside = defineRule({
  id: "relevance.satisfaction-misplaced",
  category: "relevance",
  severity: "warning",
  title: { zh: "满意度指标没有放在满意度指标下", en: "A satisfaction indicator outside the satisfaction block" },
  messages: {
    default: {
      zh: "“{name}”是满意度指标，却放在“{where}”下；应放在满意度指标（服务对象满意度）下。",
      en: '"{name}" is a satisfaction indicator but sits under "{where}"; move it under satisfaction.',
    },
  },
  why: { zh: "满意度有自己的一级/二级指标；放在效益下，满意度一级就显得空缺，效益也被夸大。", en: "Satisfaction has its own level-1/level-2; filed under benefits, the satisfaction block looks empty and the benefits look larger." },
  howToFix: { zh: "把这项指标移到满意度指标（服务对象满意度）下。", en: "Move the indicator under satisfaction (服务对象满意度)." },
  fixable: "no",
  example: { bad: "效果目标 / 社会效益：群众满意度 95%", good: "效果目标 / 满意度：群众满意度 ≥95%", from: { seed: "002", table: "公积金信息专网及驻场服务费" } },
  check: ({ table }) => table.indicators.filter((i) => isSatisfaction(nameOf(i)) && !isUnderSatisfaction(i) && (i.level1 || i.level2)).map(hit),
});

const nonSatisfactionInside = defineRule({
  id: "relevance.not-satisfaction",
  category: "relevance",
  severity: "warning",
  title: { zh: "满意度指标下放了不是满意度的指标", en: "A non-satisfaction indicator under satisfaction" },
  messages: {
    default: { zh: "“{name}”不是满意度指标，却放在“{where}”下。", en: '"{name}" is not a satisfaction indicator but sits under "{where}".' },
  },
  why: { zh: "满意度指标下只应有满意度（满意率）；其他指标放在这里，满意度就没有真正衡量。", en: "Only satisfaction (a satisfaction rate) belongs under satisfaction; anything else there leaves satisfaction unmeasured." },
  howToFix: { zh: "把这项指标移到它所属的产出或效益指标下，满意度下设置满意度指标。", en: "Move the indicator under the output or benefit it belongs to, and measure satisfaction under satisfaction." },
  fixable: "no",
  example: { bad: "满意度指标 / 服务对象满意度：宣传册发放数量 ≥1000份", good: "移到产出指标 / 数量指标", from: { illustration: "no such mistake in the seeds" } },
  check: ({ table }) => table.indicators.filter((i) => i.name && isUnderSatisfaction(i) && !SATISFACTION_MEASURE.test(nameOf(i))).map(hit),
});

const executionAsOutput = defineRule({
  id: "relevance.execution-as-output",
  category: "relevance",
  severity: "warning",
  title: { zh: "预算执行率、资金到位率等写成了产出指标", en: "预算执行率 / 资金到位率 used as an output" },
  messages: {
    default: {
      zh: "“{name}”反映预算执行而不是项目产出，不应作为产出指标（{where}）。",
      en: '"{name}" measures budget execution, not the project\'s output; it is not an output indicator ({where}).',
    },
  },
  why: { zh: "预算执行率说明钱花了多少，不说明做成了什么；作为产出指标，项目的实际产出就没有衡量。", en: "The execution rate says how much was spent, not what was delivered; as an output it leaves the real output unmeasured." },
  howToFix: { zh: "产出指标写实际的数量、质量、时效；预算执行率放在过程（资金管理）下或删去。", en: "Measure the quantity, quality and timeliness delivered as outputs; keep the execution rate under process (资金管理) or drop it." },
  fixable: "no",
  example: { bad: "产出指标 / 质量指标：预算执行率 =100%", good: "过程 / 资金管理：预算执行率 =100%（种子 001）", from: { illustration: "the fixed form is from the seeds" } },
  check: ({ table }) =>
    table.indicators
      .filter((i) => (i.level1?.key ?? impliedLevel1(i)) === "产出" && /预算执行率|资金到位率|资金支付率|资金支出率|支出进度|资金执行率|资金拨付率|资金下达率/.test(nameOf(i)))
      .map(hit),
});

const qualityAsBenefit = defineRule({
  id: "relevance.quality-as-benefit",
  category: "relevance",
  severity: "warning",
  title: { zh: "合格率、完成率等写成了效益指标", en: "A pass or completion rate used as a benefit" },
  messages: {
    default: { zh: "“{name}”是产出质量/数量指标，不是效益指标（{where}）。", en: '"{name}" is an output quality or quantity measure, not a benefit ({where}).' },
  },
  why: { zh: "合格率、完成率衡量的是产出本身，不是产出带来的效益；放在效益下，项目的效益就没有衡量。", en: "Pass and completion rates measure the output itself, not what it brings about; as benefits they leave the real benefits unmeasured." },
  howToFix: { zh: "把它移到产出指标（质量或数量）下，效益指标写项目带来的经济、社会、生态效益。", en: "Move it under outputs (quality or quantity), and measure the economic, social or ecological effect as benefits." },
  fixable: "no",
  example: {
    bad: "效益指标 / 可持续影响指标：综合服务平台运营设备日检查合格率 =100%",
    good: "产出指标 / 质量指标：综合服务平台运营设备日检查合格率 =100%",
    from: { seed: "001" },
  },
  check: ({ table }) =>
    table.indicators.filter((i) => i.level1?.key === "效益" && /合格率|验收|完成率|完工率|达标率/.test(nameOf(i)) && !isSatisfaction(nameOf(i))).map(hit),
});

const costOutside = defineRule({
  id: "relevance.cost-outside-cost",
  category: "relevance",
  severity: "warning",
  title: { zh: "成本（金额）指标放在了成本指标以外", en: "A cost (amount) indicator outside the cost block" },
  messages: {
    default: { zh: "“{name}”（{value}）是成本指标，却放在“{where}”下；应放在成本指标下。", en: '"{name}" ({value}) is a cost but sits under "{where}"; move it under cost.' },
  },
  why: { zh: "金额指标是成本；放在成本指标以外，就不会作为上限与预算核对。", en: "An amount is a cost; outside the cost block it is not checked as a ceiling against the budget." },
  howToFix: { zh: "把它移到成本指标下，并写成上限（≤）。", en: "Move it under cost, written as a ceiling (≤)." },
  fixable: "no",
  example: { bad: "过程 / 组织实施：盐城广播电视台宣传费 =60万元", good: "产出 / 成本指标：盐城广播电视台宣传费 ≤60万元", from: { seed: "001", table: "（分页处）" } },
  check: ({ table }) =>
    table.indicators
      .filter((i) => (i.level1 || i.level2) && !isUnderCost(i) && looksLikeCost(nameOf(i)) && valueCells(i).some((v) => v.parsed.unitInfo?.dimension === "money" || v.parsed.unitInfo?.dimension === "money-rate"))
      .map((i) => {
        const h = hit(i);
        return { ...h, params: { ...h.params, value: i.value?.text ?? i.halfValue?.text ?? "" } };
      }),
});

function joined(fields: ({ text: string } | undefined)[]): string {
  return fields
    .filter(Boolean)
    .map((f) => (f as { text: string }).text)
    .join(" ");
}

/** Everything the table says about its project. */
function projectText(t: TargetTable): string {
  return joined([t.projectName, t.title, t.texts.purpose, ...t.texts.goals, ...t.texts.background, t.texts.implementationPlan, t.texts.implementationContent, t.summary?.goal, t.summary?.indicator]);
}

/** What the project is, in short: its name, title, department and bodies, its purpose (where a domain's broader words count). */
function identityText(t: TargetTable): string {
  return joined([t.projectName, t.title, t.department, ...(t.texts.agencies ?? []), t.texts.purpose]);
}

const unrelated = defineRule({
  id: "relevance.unrelated",
  category: "relevance",
  severity: "warning",
  title: { zh: "与项目内容无关的指标（疑似套用其他项目模板）", en: "An indicator unrelated to the project (likely copied from another template)" },
  messages: {
    default: {
      zh: "“{name}”属于{domain}领域，而项目“{project}”的名称、用途和目标中没有相关内容，疑似套用了其他项目的指标。",
      en: '"{name}" belongs to {domain}, but nothing in the name, purpose or goals of "{project}" concerns it; it looks copied from another project\'s template.',
    },
  },
  why: { zh: "与项目无关的指标（如信息系统维护项目里的游客人数增长率）多半是套用其他项目模板留下的，衡量不了本项目。", en: "An indicator from another field (游客人数增长率 in an IT-maintenance project) is usually left over from another project's template and measures nothing of this one." },
  howToFix: { zh: "删去无关的指标，换成反映本项目产出和效果的指标。", en: "Delete it and measure what this project delivers and achieves." },
  fixable: "no",
  example: { bad: "住房公积金管理系统维护费：游客人数增长率 n%", good: "系统运行正常率 ≥99%", from: { seed: "002", table: "住房公积金管理系统维护费" } },
  check: ({ table }, report) => {
    const text = projectText(table);
    const identity = identityText(table);
    const inProject = new Map<Domain, boolean>(); // whether the project text speaks of a domain
    const concerns = (d: Domain) => {
      let yes = inProject.get(d);
      if (yes === undefined) inProject.set(d, (yes = d.words.some((w) => text.includes(w)) || d.context.some((w) => identity.includes(w))));
      return yes;
    };
    for (const ind of table.indicators) {
      const name = nameOf(ind);
      if (!name) continue;
      const foreign = domainsOf(name).filter((d) => !concerns(d));
      if (foreign.length) {
        const h = hit(ind);
        report({ ...h, params: { ...h.params, domain: { zh: foreign[0].zh, en: foreign[0].en }, project: table.projectName?.text ?? "" } });
      }
    }
  },
});

export const relevanceRules = [satisfactionOutside, nonSatisfactionInside, executionAsOutput, qualityAsBenefit, costOutside, unrelated];
