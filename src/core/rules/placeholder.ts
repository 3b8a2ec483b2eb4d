/** placeholder: 是/否, n, n%, XX, ××, *, 待定, 请填写 … left in a value or a name. */
import { toA1 } from "../grid";
import { placeholderInName } from "../value/placeholder";
import { tidy } from "../text";
import { memoize } from "../memo";
import { answersYesNo, atValue, nextTableTop, quoteValue, valueCells } from "./indicators";
import { isInstruction } from "./selfEvaluation";
import type { Place } from "../model";
import { defineRule } from "./types";


/** placeholderInName with no words of the workbook's own, remembered: names recur in every table (issue 17). */
const plainPlaceholderInName = memoize((name: string) => placeholderInName(name), { capacity: 20_000, maxKeyLength: 64 });

/** A sample row of a template: …… */
const LEFTOVER_ROW = /^[.…。·]+$/;

const value = defineRule({
  id: "placeholder.value",
  category: "placeholder",
  severity: "error",
  title: { zh: "指标值是未替换的占位符", en: "A target value left as a placeholder" },
  messages: {
    default: { zh: "指标“{name}”的指标值“{value}”是占位符，请填写实际目标值。", en: 'the target of "{name}" is the placeholder "{value}"; enter the real target.' },
  },
  why: { zh: "n、XX、待定之类的占位符说明目标还没有定，评审时会被退回。", en: "A placeholder (n, XX, 待定 …) means the target was never set; a reviewer sends the table back." },
  howToFix: { zh: "填写实际的目标值（运算符 + 数值 + 单位）。", en: "Enter the real target: operator, number and unit." },
  fixable: "no",
  example: { bad: "游客人数增长率 | n%", good: "系统运行正常率 | ≥99%", from: { seed: "002", table: "住房公积金管理系统维护费" } },
  check: ({ table }, report) => {
    for (const ind of table.indicators)
      for (const v of valueCells(ind))
        if (v.parsed.kind === "placeholder" && !answersYesNo(ind, v.text)) report({ ...atValue(ind, v), params: quoteValue(ind, v) });
  },
});

const text = defineRule({
  id: "placeholder.text",
  category: "placeholder",
  severity: "error",
  title: { zh: "项目名称或指标名称是占位符", en: "A project or indicator name left as a placeholder" },
  messages: {
    default: { zh: "“{value}”是占位符，请填写实际内容。", en: '"{value}" is a placeholder; fill in the real text.' },
    prompt: {
      zh: "“{value}”中留着模板的填写提示“{prompt}”，请删去，目标写在指标值里。",
      en: '"{value}" still holds the template\'s prompt "{prompt}"; remove it and give the target in the value.',
    },
    prompts: {
      zh: "“{value}”中留着模板的填写提示“{prompt}”（共 {count} 个指标名称如此），请删去，目标写在指标值里。",
      en: '"{value}" still holds the template\'s prompt "{prompt}" (as do {count} indicator names in all); remove it and give the target in the value.',
    },
  },
  why: { zh: "名称里留着 XX、** 或模板的填写提示，说明表格是照模板交上来的，没有按本项目填写。", en: "A name still holding XX, ** or the template's prompt shows the template was handed in without being filled in for the project." },
  howToFix: { zh: "写上实际的项目或指标名称；名称里的“(≥**%)”之类提示删去，目标写在指标值列。", en: "Write the real project or indicator name; delete prompts such as (≥**%) from names and give the target in the value column." },
  fixable: "no",
  example: {
    bad: "项目名称：XX项目；苗木成活率(≥**%)",
    good: "项目名称：公积金政策宣传费；苗木成活率",
    from: { corpus: "16", note: "宁夏: 苗木成活率(≥**%), 项目总投入(≥**万元)" },
  },
  check: ({ table, options }, report) => {
    const prompts: { place: Place; value: string; prompt: string }[] = [];
    const extra = [...new Set(options.placeholderWords)];
    const fields = [table.projectName, ...table.indicators.map((i) => i.name)];
    for (const f of fields) {
      if (!f) continue;
      const t = f.text.trim();
      const found = extra.length ? placeholderInName(t, extra) : plainPlaceholderInName(t);
      if (found?.kind === "placeholder") report({ place: f, value: t, params: { value: t } });
      // a template's prompt left inside a name: 苗木成活率(≥**%), 项目总投入(≥**万元)
      else if (found?.kind === "prompt") prompts.push({ place: f, value: t, prompt: found.prompt });
    }
    // the same leftover in many names is one problem: said once, on the first, with how many
    if (prompts.length > 2) {
      const [first] = prompts;
      report({ place: first.place, value: first.value, messageId: "prompts", params: { value: first.value, prompt: first.prompt, count: prompts.length } });
    } else for (const p of prompts) report({ place: p.place, value: p.value, messageId: "prompt", params: { value: p.value, prompt: p.prompt } });
  },
});

const templateLeft = defineRule({
  id: "placeholder.template-text",
  category: "placeholder",
  severity: "error",
  title: { zh: "模板的填写说明或示例留在了表中", en: "The template's instructions or sample rows left in the table" },
  messages: {
    default: { zh: "“{value}”是模板的填写说明，请改为本项目的实际内容。", en: '"{value}" is the template\'s instruction; replace it with this project\'s own text.' },
    sample: { zh: "“{value}”是模板留下的{label}，请改为本项目的内容。", en: '"{value}" is the template\'s {label}; replace it with this project\'s own.' },
  },
  why: { zh: "留着的填写说明或示例行说明这一栏没有按本项目填写。", en: "An instruction or sample row left in place shows the field was never filled in for the project." },
  howToFix: { zh: "删去说明文字或示例，填写本项目的实际内容。", en: "Delete the instruction or sample and write the project's own content." },
  fixable: "no",
  example: {
    bad: "年度目标完成情况：对照年度目标，说明相关任务目标的完成情况(100字以内)",
    good: "年度目标完成情况：工资按月足额发放，社保按时缴纳。",
    from: { corpus: "self-evaluation 01 (四川 青神), 02 (……), 04", note: "04: 二级指标“具体指标”" },
  },
  check: ({ table, tables, grid }, report) => {
    for (const i of table.issues) {
      if (i.kind !== "leftover") continue;
      const sample = LEFTOVER_ROW.test(i.text);
      report({ place: i, value: i.text, messageId: "sample", params: { value: i.text, label: sample ? { zh: "示例行", en: "sample row" } : { zh: "示例名称", en: "sample label" } } });
    }
    // the instructions may stand anywhere in the table and the closing fields under it (评价结论 …),
    // within the table's columns
    const next = nextTableTop(tables, table);
    const bottom = Math.min(table.range.bottom + 8, next === undefined ? Infinity : next - 1, grid.origin.row + grid.cells.length - 1);
    for (let r = table.range.top; r <= bottom; r++) {
      const row = grid.cells[r - grid.origin.row];
      if (!row) continue;
      for (let col = table.range.left; col <= table.range.right; col++) {
        const v = row[col - grid.origin.col];
        if (typeof v !== "string" || v.length > 300 || !isInstruction(v)) continue;
        const text = tidy(v);
        report({ place: { row: r, col, address: toA1(r, col) }, value: text, params: { value: text } });
      }
    }
  },
});

export const placeholderRules = [value, text, templateLeft];
