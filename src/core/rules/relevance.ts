/**
 * relevance: an indicator in the wrong place (a satisfaction name under 效益, a non-satisfaction
 * indicator under 满意度, 预算执行率 as an output, 合格率 as a benefit, a cost outside 成本) or one
 * unrelated to the project (游客人数增长率 in an IT maintenance project).
 */
import type { IndicatorRow, TargetTable } from "../model";
import { SATISFACTION_MEASURE } from "../lexicon";
import { domainsOf, type Domain } from "./domains";
import { isSatisfaction, isUnderCost, looksLikeCost, nameOf, valueCells } from "./indicators";
import type { Hit, TableRule } from "./types";

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

function hit(ind: IndicatorRow, params: Record<string, string>): Hit {
  const place = ind.name ?? ind.value;
  return { place: place as NonNullable<typeof place>, value: ind.name?.text, indicator: nameOf(ind), params: { cell: (place as { address: string }).address, name: nameOf(ind), where: where(ind), ...params } };
}

const satisfactionOutside: TableRule = {
  id: "relevance.satisfaction-misplaced",
  category: "relevance",
  severity: "warning",
  title: { zh: "满意度指标没有放在满意度指标下", en: "A satisfaction indicator outside the satisfaction block" },
  message: {
    zh: (p) => `“${p.name}”是满意度指标，却放在“${p.where}”下；应放在满意度指标（服务对象满意度）下。`,
    en: (p) => `"${p.name}" is a satisfaction indicator but sits under "${p.where}"; move it under satisfaction.`,
  },
  example: { bad: "效果目标 / 社会效益：群众满意度 95%", good: "效果目标 / 满意度：群众满意度 ≥95%", source: "seed 002 公积金信息专网及驻场服务费" },
  check: ({ table }) =>
    table.indicators.filter((i) => isSatisfaction(nameOf(i)) && !isUnderSatisfaction(i) && (i.level1 || i.level2)).map((i) => hit(i, {})),
};

const nonSatisfactionInside: TableRule = {
  id: "relevance.not-satisfaction",
  category: "relevance",
  severity: "warning",
  title: { zh: "满意度指标下放了不是满意度的指标", en: "A non-satisfaction indicator under satisfaction" },
  message: {
    zh: (p) => `“${p.name}”不是满意度指标，却放在“${p.where}”下。`,
    en: (p) => `"${p.name}" is not a satisfaction indicator but sits under "${p.where}".`,
  },
  example: { bad: "满意度指标 / 服务对象满意度：宣传册发放数量 ≥1000份", good: "移到产出指标 / 数量指标", source: "illustration (no such mistake in the seeds)" },
  check: ({ table }) =>
    table.indicators.filter((i) => i.name && isUnderSatisfaction(i) && !SATISFACTION_MEASURE.test(nameOf(i))).map((i) => hit(i, {})),
};

const executionAsOutput: TableRule = {
  id: "relevance.execution-as-output",
  category: "relevance",
  severity: "warning",
  title: { zh: "预算执行率、资金到位率等写成了产出指标", en: "预算执行率 / 资金到位率 used as an output" },
  message: {
    zh: (p) => `“${p.name}”反映预算执行而不是项目产出，不应作为产出指标（${p.where}）。`,
    en: (p) => `"${p.name}" measures budget execution, not the project's output; it is not an output indicator (${p.where}).`,
  },
  example: { bad: "产出指标 / 质量指标：预算执行率 =100%", good: "过程 / 资金管理：预算执行率 =100%（种子 001）", source: "illustration; the fixed form is from the seeds" },
  check: ({ table }) =>
    table.indicators
      .filter((i) => (i.level1?.key ?? impliedLevel1(i)) === "产出" && /预算执行率|资金到位率|资金支付率|资金支出率|支出进度|资金执行率|资金拨付率|资金下达率/.test(nameOf(i)))
      .map((i) => hit(i, {})),
};

const qualityAsBenefit: TableRule = {
  id: "relevance.quality-as-benefit",
  category: "relevance",
  severity: "warning",
  title: { zh: "合格率、完成率等写成了效益指标", en: "A pass or completion rate used as a benefit" },
  message: {
    zh: (p) => `“${p.name}”是产出质量/数量指标，不是效益指标（${p.where}）。`,
    en: (p) => `"${p.name}" is an output quality or quantity measure, not a benefit (${p.where}).`,
  },
  example: { bad: "效益指标 / 可持续影响指标：综合服务平台运营设备日检查合格率 =100%", good: "产出指标 / 质量指标：综合服务平台运营设备日检查合格率 =100%", source: "seed 001" },
  check: ({ table }) =>
    table.indicators.filter((i) => i.level1?.key === "效益" && /合格率|验收|完成率|完工率|达标率/.test(nameOf(i)) && !isSatisfaction(nameOf(i))).map((i) => hit(i, {})),
};

const costOutside: TableRule = {
  id: "relevance.cost-outside-cost",
  category: "relevance",
  severity: "warning",
  title: { zh: "成本（金额）指标放在了成本指标以外", en: "A cost (amount) indicator outside the cost block" },
  message: {
    zh: (p) => `“${p.name}”（${p.value}）是成本指标，却放在“${p.where}”下；应放在成本指标下。`,
    en: (p) => `"${p.name}" (${p.value}) is a cost but sits under "${p.where}"; move it under cost.`,
  },
  example: { bad: "过程 / 组织实施：盐城广播电视台宣传费 =60万元", good: "产出 / 成本指标：盐城广播电视台宣传费 ≤60万元", source: "seed 001（分页处）" },
  check: ({ table }) =>
    table.indicators
      .filter((i) => (i.level1 || i.level2) && !isUnderCost(i) && looksLikeCost(nameOf(i)) && valueCells(i).some((v) => v.parsed.unitInfo?.dimension === "money" || v.parsed.unitInfo?.dimension === "money-rate"))
      .map((i) => hit(i, { value: i.value?.text ?? i.halfValue?.text ?? "" })),
};

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

const unrelated: TableRule = {
  id: "relevance.unrelated",
  category: "relevance",
  severity: "warning",
  title: { zh: "与项目内容无关的指标（疑似套用其他项目模板）", en: "An indicator unrelated to the project (likely copied from another template)" },
  message: {
    zh: (p) => `“${p.name}”属于${p.domain}领域，而项目“${p.project}”的名称、用途和目标中没有相关内容，疑似套用了其他项目的指标。`,
    en: (p) => `"${p.name}" belongs to ${p.domainEn}, but nothing in the name, purpose or goals of "${p.project}" concerns it; it looks copied from another project's template.`,
  },
  example: { bad: "住房公积金管理系统维护费：游客人数增长率 n%", good: "系统运行正常率 ≥99%", source: "seed 002 住房公积金管理系统维护费" },
  check: ({ table }) => {
    const text = projectText(table);
    const identity = identityText(table);
    const hits: Hit[] = [];
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
      if (foreign.length) hits.push(hit(ind, { domain: foreign[0].zh, domainEn: foreign[0].en, project: table.projectName?.text ?? "" }));
    }
    return hits;
  },
};

export const relevanceRules: TableRule[] = [satisfactionOutside, nonSatisfactionInside, executionAsOutput, qualityAsBenefit, costOutside, unrelated];
