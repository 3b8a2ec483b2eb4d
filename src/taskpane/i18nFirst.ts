/**
 * The texts of the pane's first view (tabs, the 校验 toolbar, progress, the empty state, the
 * entry's error): the part of the pane's catalogue (i18n.ts, which holds these too) that the first
 * chunk carries (issue 17). Components of the first view take `t` from here, every other part of
 * the pane from i18n.ts; a key missing here does not compile in the first view.
 */
import { say, type Catalogue, type Lang } from "../core/i18n";

export const FIRST_TEXT = {
  appName: { zh: "绩效 Jixiao", en: "Jixiao" },
  "error.generic": { zh: "出错了：{message}", en: "Something went wrong: {message}" },
  "tab.validate": { zh: "校验", en: "Validate" },
  "tab.templates": { zh: "指标库", en: "Templates" },
  "tab.settings": { zh: "设置", en: "Settings" },
  "tabs.label": { zh: "功能", en: "Views" },
  "toolbar.label": { zh: "校验操作", en: "Checking" },
  "validate.scope": { zh: "校验范围", en: "Check" },
  "validate.runActive": { zh: "校验本表", en: "Check sheet" },
  "validate.runAll": { zh: "校验工作簿", en: "Check workbook" },
  "validate.clear": { zh: "清除标记", en: "Clear marks" },
  "group.label": { zh: "分组", en: "Group" },
  "progress.reading": { zh: "正在读取工作表…", en: "Reading sheets…" },
  "progress.checking": { zh: "正在校验…", en: "Checking…" },
  "progress.marking": { zh: "正在标记单元格…", en: "Marking cells…" },
  "progress.clearing": { zh: "正在清除标记…", en: "Clearing marks…" },
  "progress.count": { zh: "{done}/{total}", en: "{done}/{total}" },
  "progress.rechecking": { zh: "正在重新校验修改过的工作表…", en: "Checking the edited sheets again…" },
  "validate.cancel": { zh: "取消", en: "Cancel" },
  "validate.stale": { zh: "工作簿在校验后被修改过。", en: "The workbook changed after the check." },
  "validate.staleAuto": { zh: "工作簿已修改，稍后自动重新校验。", en: "The workbook changed; it will be checked again in a moment." },
  "validate.rerun": { zh: "重新校验", en: "Re-check" },
  "validate.hint": {
    zh: "点击“校验本表”检查工作簿中的预算绩效目标表：找到每一张表，把问题标在单元格上，并在这里列出。",
    en: "Click Check sheet to check the budget performance target tables in this workbook: every table is found, every problem is marked on its cell and listed here.",
  },
} as const satisfies Catalogue;

export type FirstKey = keyof typeof FIRST_TEXT;

/** The first view's text for `key` in `lang`, with `{name}` placeholders filled (as i18n.ts's `t`). */
export function t(lang: Lang, key: FirstKey, params?: Record<string, string | number>): string {
  return say(FIRST_TEXT, lang, key, params);
}
