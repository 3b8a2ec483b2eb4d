/** placeholder: 是/否, n, n%, XX, ××, *, 待定, 请填写 … left in a value or a name. */
import { toA1 } from "../grid";
import { placeholderInName } from "../value/placeholder";
import { tidy } from "../text";
import { answersYesNo, nameOf, nextTableTop, valueCells } from "./indicators";
import { isInstruction } from "./selfEvaluation";
import type { Hit, TableRule } from "./types";


/** A sample row of a template: …… */
const LEFTOVER_ROW = /^[.…。·]+$/;

const value: TableRule = {
  id: "placeholder.value",
  category: "placeholder",
  severity: "error",
  title: { zh: "指标值是未替换的占位符", en: "A target value left as a placeholder" },
  message: {
    zh: (p) => `指标“${p.name}”的指标值“${p.value}”是占位符，请填写实际目标值。`,
    en: (p) => `the target of "${p.name}" is the placeholder "${p.value}"; enter the real target.`,
  },
  example: { bad: "游客人数增长率 | n%", good: "系统运行正常率 | ≥99%", source: "seed 002 住房公积金管理系统维护费" },
  check: ({ table }) => {
    const hits: Hit[] = [];
    for (const ind of table.indicators)
      for (const v of valueCells(ind))
        if (v.parsed.kind === "placeholder" && !answersYesNo(ind, v.text))
          hits.push({ place: v.field, value: v.field.text, indicator: nameOf(ind), params: { cell: v.field.address, name: nameOf(ind), value: v.text } });
    return hits;
  },
};

const text: TableRule = {
  id: "placeholder.text",
  category: "placeholder",
  severity: "error",
  title: { zh: "项目名称或指标名称是占位符", en: "A project or indicator name left as a placeholder" },
  message: {
    zh: (p) =>
      p.prompt
        ? `“${p.value}”中留着模板的填写提示“${p.prompt}”${p.count ? `（共 ${p.count} 个指标名称如此）` : ""}，请删去，目标写在指标值里。`
        : `“${p.value}”是占位符，请填写实际内容。`,
    en: (p) =>
      p.prompt
        ? `"${p.value}" still holds the template's prompt "${p.prompt}"${p.count ? ` (as do ${p.count} indicator names in all)` : ""}; remove it and give the target in the value.`
        : `"${p.value}" is a placeholder; fill in the real text.`,
  },
  example: { bad: "项目名称：XX项目；苗木成活率(≥**%)", good: "项目名称：公积金政策宣传费；苗木成活率", source: "corpus 16 (宁夏): 苗木成活率(≥**%), 项目总投入(≥**万元)" },
  check: ({ table, options }) => {
    const hits: Hit[] = [];
    const prompts: Hit[] = [];
    const extra = new Set(options.placeholderWords);
    const fields = [table.projectName, ...table.indicators.map((i) => i.name)];
    for (const f of fields) {
      if (!f) continue;
      const t = f.text.trim();
      const found = placeholderInName(t, [...extra]);
      if (found?.kind === "placeholder") hits.push({ place: f, value: t, params: { cell: f.address, value: t, prompt: "", count: "" } });
      // a template's prompt left inside a name: 苗木成活率(≥**%), 项目总投入(≥**万元)
      else if (found?.kind === "prompt") prompts.push({ place: f, value: t, params: { cell: f.address, value: t, prompt: found.prompt, count: "" } });
    }
    // the same leftover in many names is one problem: said once, on the first, with how many
    if (prompts.length > 2) prompts[0].params.count = prompts.length;
    return [...hits, ...(prompts.length > 2 ? [prompts[0]] : prompts)];
  },
};

const templateLeft: TableRule = {
  id: "placeholder.template-text",
  category: "placeholder",
  severity: "error",
  title: { zh: "模板的填写说明或示例留在了表中", en: "The template's instructions or sample rows left in the table" },
  message: {
    zh: (p) => (p.label ? `“${p.value}”是模板留下的${p.label}，请改为本项目的内容。` : `“${p.value}”是模板的填写说明，请改为本项目的实际内容。`),
    en: (p) => (p.label ? `"${p.value}" is the template's ${p.labelEn}; replace it with this project's own.` : `"${p.value}" is the template's instruction; replace it with this project's own text.`),
  },
  example: { bad: "年度目标完成情况：对照年度目标，说明相关任务目标的完成情况(100字以内)", good: "年度目标完成情况：工资按月足额发放，社保按时缴纳。", source: "corpus self-evaluation 01 (四川 青神), 02 (……), 04 (二级指标“具体指标”)" },
  check: ({ table, tables, grid }) => {
    const hits: Hit[] = [];
    for (const i of table.issues) {
      if (i.kind !== "leftover") continue;
      const sample = LEFTOVER_ROW.test(i.text);
      hits.push({ place: i, value: i.text, params: { value: i.text, label: sample ? "示例行" : "示例名称", labelEn: sample ? "sample row" : "sample label" } });
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
        hits.push({ place: { row: r, col, address: toA1(r, col) }, value: text, params: { value: text, label: "", labelEn: "" } });
      }
    }
    return hits;
  },
};

export const placeholderRules: TableRule[] = [value, text, templateLeft];
