/** The rule registry: every family is one module; the order here is the order of the reference. */
import { budgetSumRules } from "./budgetSum";
import { consistencyRules } from "./consistency";
import { copyPasteRules } from "./copyPaste";
import { duplicateRules } from "./duplicate";
import { relevanceRules } from "./relevance";
import { vagueRules } from "./vague";
import { costRules } from "./cost";
import { missingRules } from "./missing";
import { placeholderRules } from "./placeholder";
import { rangeRules } from "./range";
import { spendingPlanRules } from "./spendingPlan";
import { structureRules } from "./structure";
import type { Rule } from "./types";
import { unitRules } from "./unit";
import { valueFormatRules } from "./valueFormat";
import { selfEvaluationRules } from "./selfEvaluation";
import { monitoringRules } from "./monitoring";

export const RULES: readonly Rule[] = [
  ...structureRules,
  ...missingRules,
  ...placeholderRules,
  ...valueFormatRules,
  ...unitRules,
  ...rangeRules,
  ...costRules,
  ...budgetSumRules,
  ...spendingPlanRules,
  ...consistencyRules,
  ...duplicateRules,
  ...relevanceRules,
  ...copyPasteRules,
  ...vagueRules,
  ...selfEvaluationRules,
  ...monitoringRules,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule, TableRule, WorkbookRule, Hit, Params } from "./types";
