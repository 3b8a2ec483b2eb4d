/**
 * Every piece of text the task pane (and the playground around it) shows, in Chinese (the
 * default) and English. Components call `t(lang, key, params)`; nothing else holds UI text.
 * Finding messages come from the rule registry already in the user's language.
 */
import type { Category, Lang, Severity } from "../core/finding";

const zh = {
  appName: "绩效 Jixiao",
  "tab.validate": "校验",
  "tab.templates": "指标库",
  "tab.settings": "设置",
  "tabs.label": "功能",

  // validate view
  "validate.run": "校验",
  "validate.rerun": "重新校验",
  "validate.scope": "校验范围",
  "validate.scope.active": "当前工作表",
  "validate.scope.all": "整个工作簿",
  "validate.clear": "清除标记",
  "validate.cleared": "标记已清除，工作簿已恢复原样。",
  "validate.cancel": "取消",
  "validate.cancelled": "已取消，保留上一次的结果。",
  "validate.stale": "工作簿在校验后被修改过。",
  "validate.hint": "点击“校验”检查工作簿中的预算绩效目标表：找到每一张表，把问题标在单元格上，并在这里列出。",
  "progress.reading": "正在读取工作表…",
  "progress.checking": "正在校验…",
  "progress.marking": "正在标记单元格…",
  "progress.clearing": "正在清除标记…",
  "progress.count": "{done}/{total}",
  "summary.label": "校验结果",
  "summary.errors": "错误 {n}",
  "summary.warnings": "警告 {n}",
  "summary.infos": "建议 {n}",
  "summary.tables": "找到 {n} 张表",
  "summary.ignored": "已忽略 {n} 条",
  "summary.noTableSheets": "未找到表的工作表：{sheets}",
  "filter.label": "筛选",
  "filter.severity": "严重程度",
  "filter.category": "类别",
  "filter.allCategories": "全部类别",
  "filter.shown": "显示 {shown} / {total} 条",
  "filter.reset": "显示全部",
  "nav.previous": "上一条",
  "nav.next": "下一条",
  "nav.position": "第 {i} 条，共 {n} 条",
  "nav.keyboardHint": "在列表中用 ↑/↓ 或 J/K 切换问题，Enter 定位单元格。",
  "list.label": "问题列表",
  "list.ungrouped": "工作簿",
  "list.count": "{n} 条",
  "finding.cell": "单元格",
  "finding.indicator": "指标",
  "finding.value": "内容",
  "finding.fix": "修正：{label}",
  "finding.fixConfirm": "确定要修改 {cell}？{label}",
  "finding.fixApplied": "已修改 {cell}。",
  "finding.undo": "撤销修改",
  "finding.undone": "已撤销对 {cell} 的修改。",
  "finding.ignore": "忽略",
  "finding.ignoreReason": "忽略原因（可选）",
  "finding.ignoreConfirm": "确认忽略",
  "finding.ignoreCancel": "取消",
  "finding.ignored": "已忽略。此决定保存在工作簿中。",
  "finding.unignore": "恢复",
  "finding.select": "定位到 {cell}",
  "ignored.title": "已忽略的问题（{n}）",
  "ignored.reason": "原因：{reason}",
  "ignored.none": "没有忽略的问题。",
  "empty.noTable.title": "此处没有找到绩效目标表",
  "empty.noTable.body":
    "绩效从表头行识别指标表：同一行里有“一级指标”“二级指标”“三级指标”和“指标值”（或“目标值”“全年指标值”）。表头上方通常还有项目名称、预算数/资金总额、财政资金、绩效目标等。",
  "empty.noTable.tip": "请检查表头文字是否完整、是否在其他工作表上，或切换到“整个工作簿”。",
  "empty.clean.title": "没有发现问题",
  "empty.clean.body":
    "已检查 {n} 张表：结构与一级/二级指标、必填内容、占位符、指标值格式与单位、数值范围、成本指标、预算合计、资金支出计划、前后一致、重复、相关性、照搬照抄和模糊表述。",
  "empty.filtered": "没有符合筛选条件的问题。",
  "error.generic": "出错了：{message}",
  "error.conflict": "{cell} 在校验后被修改过，没有改动。请重新校验。",
  "error.protected": "工作表受保护，无法修改。",
  "error.readFile": "无法打开文件：{message}",
  "marks.skipped": "以下工作表受保护，无法显示标记（问题仍列在这里）：{sheets}",
  "marks.clearSkipped": "以下工作表受保护，标记未能清除：{sheets}",

  // templates
  "templates.title": "指标库",
  "templates.search": "搜索指标",
  "templates.searchPlaceholder": "如：培训人次、满意度、运维",
  "templates.table": "插入到",
  "templates.noTables": "请先校验，找到一张绩效目标表后即可按项目推荐并插入指标。",
  "templates.recommended": "为“{project}”推荐",
  "templates.types": "项目类型",
  "templates.results": "{n} 个指标",
  "templates.none": "没有匹配的指标。",
  "templates.preview": "预览",
  "templates.insert": "插入",
  "templates.inserted": "已在工作表“{sheet}”插入 {n} 行。",
  "templates.undoInsert": "撤销插入",
  "templates.insertUndone": "已撤销插入。",
  "templates.notReady": "指标库正在建设中：模板、推荐和插入功能完成后会出现在这里。",
  "templates.loading": "正在加载指标库…",
  "templates.level": "{level1} / {level2}",
  "templates.basis": "依据：{basis}",
  "templates.note": "说明：{note}",
  "templates.target": "指标值：{target}",
  "templates.userFills": "（待填写，例如 {example}）",

  // settings
  "settings.title": "设置",
  "settings.language": "界面语言",
  "settings.language.zh": "中文",
  "settings.language.en": "English",
  "settings.framework": "指标体系",
  "settings.framework.auto": "自动识别（按表中的指标名称）",
  "settings.framework.help": "按表中一级/二级指标自动识别；若识别有误，可为整个工作簿指定。",
  "settings.rules": "校验规则",
  "settings.rules.help": "关闭的规则不再检查。设置保存在工作簿中，同事打开时一样生效。",
  "settings.rules.enableAll": "全部开启",
  "settings.keepMarks": "保存时保留标记",
  "settings.keepMarks.help": "默认在保存前清除标记，使保存的工作簿不带任何高亮。",
  "settings.saved": "设置已保存。",

  // playground
  "pg.title": "绩效 Jixiao 演示",
  "pg.subtitle": "任务窗格与浏览器中的工作簿（数据只在本机处理）",
  "pg.example": "示例工作簿",
  "pg.open": "打开 .xlsx 文件",
  "pg.sheet": "工作表",
  "pg.loading": "正在加载工作簿…",
  "pg.grid": "工作表 {sheet}",
  "pg.selection": "选中：{cell}",
  "pg.blank": "空白工作簿",
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: "Jixiao",
  "tab.validate": "Validate",
  "tab.templates": "Templates",
  "tab.settings": "Settings",
  "tabs.label": "Views",

  "validate.run": "Validate",
  "validate.rerun": "Re-check",
  "validate.scope": "Check",
  "validate.scope.active": "This sheet",
  "validate.scope.all": "Whole workbook",
  "validate.clear": "Clear marks",
  "validate.cleared": "Marks cleared; the workbook is as it was.",
  "validate.cancel": "Cancel",
  "validate.cancelled": "Cancelled; the previous result is kept.",
  "validate.stale": "The workbook changed after the check.",
  "validate.hint":
    "Click Validate to check the budget performance target tables in this workbook: every table is found, every problem is marked on its cell and listed here.",
  "progress.reading": "Reading sheets…",
  "progress.checking": "Checking…",
  "progress.marking": "Marking cells…",
  "progress.clearing": "Clearing marks…",
  "progress.count": "{done}/{total}",
  "summary.label": "Result",
  "summary.errors": "{n} errors",
  "summary.warnings": "{n} warnings",
  "summary.infos": "{n} suggestions",
  "summary.tables": "{n} tables found",
  "summary.ignored": "{n} ignored",
  "summary.noTableSheets": "Sheets without a table: {sheets}",
  "filter.label": "Filter",
  "filter.severity": "Severity",
  "filter.category": "Category",
  "filter.allCategories": "All categories",
  "filter.shown": "Showing {shown} of {total}",
  "filter.reset": "Show all",
  "nav.previous": "Previous",
  "nav.next": "Next",
  "nav.position": "{i} of {n}",
  "nav.keyboardHint": "In the list, ↑/↓ or J/K move between problems; Enter selects the cell.",
  "list.label": "Problems",
  "list.ungrouped": "Workbook",
  "list.count": "{n}",
  "finding.cell": "Cell",
  "finding.indicator": "Indicator",
  "finding.value": "Value",
  "finding.fix": "Fix: {label}",
  "finding.fixConfirm": "Change {cell}? {label}",
  "finding.fixApplied": "{cell} changed.",
  "finding.undo": "Undo change",
  "finding.undone": "The change to {cell} was undone.",
  "finding.ignore": "Ignore",
  "finding.ignoreReason": "Reason (optional)",
  "finding.ignoreConfirm": "Ignore it",
  "finding.ignoreCancel": "Cancel",
  "finding.ignored": "Ignored. The decision is stored in the workbook.",
  "finding.unignore": "Restore",
  "finding.select": "Go to {cell}",
  "ignored.title": "Ignored problems ({n})",
  "ignored.reason": "Reason: {reason}",
  "ignored.none": "Nothing is ignored.",
  "empty.noTable.title": "No target table found here",
  "empty.noTable.body":
    "Jixiao finds an indicator table by its header row: one row holding 一级指标 (level-1), 二级指标 (level-2), 三级指标 (level-3 indicator) and 指标值 (target value; also 目标值 or 全年指标值). Above it there is usually the project name, the budget (预算数/资金总额), fiscal funds and the performance goal.",
  "empty.noTable.tip": "Check that the header texts are complete, whether the table is on another sheet, or switch to Whole workbook.",
  "empty.clean.title": "No problems found",
  "empty.clean.body":
    "{n} tables checked: structure and level-1/level-2 labels, required fields, placeholders, target value format and units, ranges, cost indicators, budget sums, spending plan, consistency, duplicates, relevance, copy-paste and vague wording.",
  "empty.filtered": "No problem matches the filters.",
  "error.generic": "Something went wrong: {message}",
  "error.conflict": "{cell} changed after the check and was left alone. Re-check first.",
  "error.protected": "The sheet is protected and cannot be changed.",
  "error.readFile": "Cannot open the file: {message}",
  "marks.skipped": "These sheets are protected, so their problems are listed here but not marked: {sheets}",
  "marks.clearSkipped": "These sheets are protected and their marks could not be cleared: {sheets}",

  "templates.title": "Indicator library",
  "templates.search": "Search indicators",
  "templates.searchPlaceholder": "e.g. trainees, satisfaction, maintenance",
  "templates.table": "Insert into",
  "templates.noTables": "Validate first: once a target table is found, indicators are recommended for its project and can be inserted.",
  "templates.recommended": "Recommended for “{project}”",
  "templates.types": "Project types",
  "templates.results": "{n} indicators",
  "templates.none": "No indicator matches.",
  "templates.preview": "Preview",
  "templates.insert": "Insert",
  "templates.inserted": "{n} rows inserted on sheet {sheet}.",
  "templates.undoInsert": "Undo insertion",
  "templates.insertUndone": "Insertion undone.",
  "templates.notReady": "The indicator library is being built: templates, recommendations and insertion will appear here.",
  "templates.loading": "Loading the library…",
  "templates.level": "{level1} / {level2}",
  "templates.basis": "Basis: {basis}",
  "templates.note": "Note: {note}",
  "templates.target": "Target: {target}",
  "templates.userFills": "(to fill in, e.g. {example})",

  "settings.title": "Settings",
  "settings.language": "Language",
  "settings.language.zh": "中文",
  "settings.language.en": "English",
  "settings.framework": "Indicator framework",
  "settings.framework.auto": "Detect from each table's labels",
  "settings.framework.help": "Detected from each table's level-1/level-2 labels; choose one for the whole workbook if detection is wrong.",
  "settings.rules": "Rules",
  "settings.rules.help": "Rules switched off are not checked. Settings are stored in the workbook, so colleagues get the same checks.",
  "settings.rules.enableAll": "Turn all on",
  "settings.keepMarks": "Keep marks when saving",
  "settings.keepMarks.help": "By default marks are cleared before saving, so the saved workbook carries no highlight.",
  "settings.saved": "Settings saved.",

  "pg.title": "Jixiao playground",
  "pg.subtitle": "The task pane beside a workbook in your browser (nothing leaves this machine)",
  "pg.example": "Example workbook",
  "pg.open": "Open an .xlsx file",
  "pg.sheet": "Sheet",
  "pg.loading": "Loading the workbook…",
  "pg.grid": "Sheet {sheet}",
  "pg.selection": "Selected: {cell}",
  "pg.blank": "Blank workbook",
};

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

export type Params = Record<string, string | number>;

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.zh[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m));
}

export const CATEGORY_NAMES: Record<Category, Record<Lang, string>> = {
  structure: { zh: "表格结构", en: "Structure" },
  missing: { zh: "缺少内容", en: "Missing" },
  placeholder: { zh: "占位符", en: "Placeholder" },
  "value-format": { zh: "指标值格式", en: "Value format" },
  unit: { zh: "计量单位", en: "Unit" },
  range: { zh: "数值范围", en: "Range" },
  cost: { zh: "成本指标", en: "Cost" },
  "budget-sum": { zh: "预算合计", en: "Budget sum" },
  "spending-plan": { zh: "资金支出计划", en: "Spending plan" },
  consistency: { zh: "前后一致", en: "Consistency" },
  duplicate: { zh: "重复指标", en: "Duplicate" },
  relevance: { zh: "相关性", en: "Relevance" },
  "copy-paste": { zh: "照搬照抄", en: "Copy-paste" },
  vague: { zh: "表述模糊", en: "Vague" },
};

export const SEVERITY_NAMES: Record<Severity, Record<Lang, string>> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "建议", en: "Suggestion" },
};

export function categoryName(lang: Lang, c: Category): string {
  return CATEGORY_NAMES[c][lang];
}

export function severityName(lang: Lang, s: Severity): string {
  return SEVERITY_NAMES[s][lang];
}

/** Office's display language ("zh-CN", "en-US", "en-GB" …) to the pane's language: English for en-*, Chinese otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  if (!locale) return "zh";
  return /^en\b/i.test(locale) ? "en" : "zh";
}
