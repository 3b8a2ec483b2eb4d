/**
 * Every piece of text the task pane (and the playground around it) shows, in Chinese (the
 * default) and English: a catalogue (core/i18n.ts) of key -> { zh, en }. Components call
 * `t(lang, key, params)`; nothing else holds UI text. Finding messages come from the rule registry
 * already in the user's language. The first view's texts are written in i18nFirst.ts (the pane's
 * first chunk carries those only) and are part of this catalogue too.
 */
import { CATEGORY_NAMES, SEVERITY_NAMES, categoryName, severityName } from "../core/finding";
import { langFromLocale, say, type Catalogue, type Lang } from "../core/i18n";
import { FIRST_TEXT } from "./i18nFirst";

const TEXT = {
  // the first view's texts (tabs, the 校验 toolbar, progress, the empty state) are in i18nFirst.ts
  ...FIRST_TEXT,

  // validate view
  "group.severity": { zh: "按严重程度分组", en: "Group by severity" },
  "group.table": { zh: "按表分组", en: "Group by table" },
  "validate.scope.active": { zh: "当前工作表", en: "This sheet" },
  "validate.scope.all": { zh: "整个工作簿", en: "Whole workbook" },
  "validate.cleared": { zh: "标记已清除，工作簿已恢复原样。", en: "Marks cleared; the workbook is as it was." },
  "validate.clearedWithChanges": {
    zh: "标记已清除。绩效所做的 {n} 项更改仍在工作簿中，可在下方“更改记录”中撤销。",
    en: "Marks cleared. Jixiao's {n} {n|change is|changes are} still in the workbook; undo {n|it|them} under Changes below.",
  },
  "validate.cancelled": { zh: "已取消，保留上一次的结果。", en: "Cancelled; the previous result is kept." },
  "summary.label": { zh: "校验结果", en: "Result" },
  "summary.error": { zh: "错误 {n}", en: "{n} {n|error|errors}" },
  "summary.warning": { zh: "警告 {n}", en: "{n} {n|warning|warnings}" },
  "summary.info": { zh: "建议 {n}", en: "{n} {n|suggestion|suggestions}" },
  "summary.tables": { zh: "{n} 张表", en: "{n} {n|table|tables}" },
  "summary.tablesList": { zh: "找到 {n} 张表", en: "{n} {n|table|tables} found" },
  "summary.ignored": { zh: "已忽略 {n} 条", en: "{n} ignored" },
  "summary.noTableSheets": { zh: "未找到表的工作表：{sheets}", en: "Sheets without a table: {sheets}" },
  "filter.shown": { zh: "显示 {shown} / {total} 条", en: "Showing {shown} of {total}" },
  "filter.only": { zh: "只看{severity}", en: "Show only: {severity}" },
  "filter.showAll": { zh: "显示全部", en: "Show all" },
  "scope.moreElsewhere": { zh: "另有 {sheets} 个工作表上有 {n} 张表未校验。", en: "{n} more {n|table|tables} on {sheets} other {sheets|sheet|sheets} {n|was|were} not checked." },
  "scope.noneHere": { zh: "当前工作表没有表；另有 {sheets} 个工作表上有 {n} 张表。", en: "No table on this sheet; {sheets} other {sheets|sheet holds|sheets hold} {n} {n|table|tables}." },
  "scope.checkAll": { zh: "校验整个工作簿", en: "Check the whole workbook" },
  "scope.unread": { zh: "另有 {sheets} 个工作表未校验。", en: "{sheets} other {sheets|sheet was|sheets were} not checked." },
  "nav.previous": { zh: "上一条", en: "Previous" },
  "nav.next": { zh: "下一条", en: "Next" },
  "nav.position": { zh: "第 {i} 条，共 {n} 条", en: "{i} of {n}" },
  "nav.count": { zh: "共 {n} 条", en: "{n} {n|item|items}" },
  "nav.keyboardHint": {
    zh: "键盘：列表中 ↑/↓ 或 J/K 切换问题并定位单元格，←/→ 折叠或展开分组，F 修正，I 忽略，Esc 关闭表单；F8/Shift+F8 在窗格任意处切换下一条/上一条。",
    en: "Keyboard: in the list ↑/↓ or J/K move between problems and select their cells, ←/→ collapse or expand a group, F fixes, I ignores, Esc closes a form; F8/Shift+F8 go to the next/previous problem from anywhere in the pane.",
  },
  "list.label": { zh: "问题列表", en: "Problems" },
  "finding.fix": { zh: "修正：{label}", en: "Fix: {label}" },
  "finding.fixMany": { zh: "修正 {n} 处", en: "Fix {n} cells" },
  "finding.fixable": { zh: "可修正", en: "fixable" },
  "finding.fixConfirm": { zh: "确定要修改 {cell}？{label}", en: "Change {cell}? {label}" },
  "finding.fixConfirmMany": { zh: "确定要修改 {cells}？{labels}", en: "Change {cells}? {labels}" },
  "finding.fixApplied": { zh: "已修改 {cell}。", en: "{cell} changed." },
  "finding.undo": { zh: "撤销修改", en: "Undo change" },
  "notice.dismiss": { zh: "关闭提示", en: "Dismiss" },
  "finding.undone": { zh: "已撤销对 {cell} 的修改。", en: "The change to {cell} was undone." },
  "finding.ignore": { zh: "忽略", en: "Ignore" },
  "finding.ignoreMany": { zh: "忽略 {n} 处", en: "Ignore all {n}" },
  "finding.ignoreReason": { zh: "忽略原因（可选）", en: "Reason (optional)" },
  "finding.ignoreConfirm": { zh: "确认忽略", en: "Ignore it" },
  "finding.ignoreCancel": { zh: "取消", en: "Cancel" },
  "finding.ignored": { zh: "已忽略。此决定保存在工作簿中。", en: "Ignored. The decision is stored in the workbook." },
  "finding.ignoredMany": { zh: "已忽略 {n} 处。此决定保存在工作簿中。", en: "{n} ignored. The decision is stored in the workbook." },
  "finding.undoIgnore": { zh: "撤销忽略", en: "Undo ignore" },
  "finding.unignored": { zh: "已恢复 {n} 条问题。", en: "{n} restored." },
  "finding.unignore": { zh: "恢复", en: "Restore" },
  "ignored.title": { zh: "已忽略的问题（{n}）", en: "Ignored problems ({n})" },
  "ignored.reason": { zh: "原因：{reason}", en: "Reason: {reason}" },
  "entry.timesCells": { zh: "×{n} 处", en: "×{n} cells" },
  "entry.timesTables": { zh: "×{n}（{tables} 张表）", en: "×{n} ({tables} {tables|table|tables})" },
  "entry.cells": { zh: "涉及的单元格", en: "Cells concerned" },
  "entry.moreCells": { zh: "另有 {n} 处", en: "{n} more" },
  "history.title": { zh: "更改记录（{n}）", en: "Changes ({n})" },
  "history.fix": { zh: "修改 {cells}：{label}", en: "{cells} changed: {label}" },
  "history.fixMany": { zh: "修改 {n} 处：{cells}", en: "{n} cells changed: {cells}" },
  "history.insert": { zh: "在“{sheet}”插入 {n} 行（{range}）", en: "{n} {n|row|rows} inserted on {sheet} ({range})" },
  "history.sheet": { zh: "新建工作表“{sheet}”（{n} 个指标）", en: "New sheet {sheet} ({n} {n|indicator|indicators})" },
  "history.edited": { zh: "（之后被修改过）", en: "(edited since)" },
  "history.undo": { zh: "撤销", en: "Undo" },
  "empty.noTable.title": { zh: "此处没有找到绩效目标表", en: "No target table found here" },
  "empty.noTable.body": {
    zh: "绩效从表头行识别指标表：同一行里有“一级指标”“二级指标”“三级指标”和“指标值”（或“目标值”“全年指标值”）。表头上方通常还有项目名称、预算数/资金总额、财政资金、绩效目标等。",
    en: "Jixiao finds an indicator table by its header row: one row holding 一级指标 (level-1), 二级指标 (level-2), 三级指标 (level-3 indicator) and 指标值 (target value; also 目标值 or 全年指标值). Above it there is usually the project name, the budget (预算数/资金总额), fiscal funds and the performance goal.",
  },
  "empty.noTable.tip": {
    zh: "请检查表头文字是否完整、是否在其他工作表上，或切换到“整个工作簿”。",
    en: "Check that the header texts are complete, whether the table is on another sheet, or switch to Whole workbook.",
  },
  "empty.clean.title": { zh: "没有发现问题", en: "No problems found" },
  "empty.clean.body": {
    zh: "已检查 {n} 张表：结构与一级/二级指标、必填内容、占位符、指标值格式与单位、数值范围、成本指标、预算合计、资金支出计划、前后一致、重复、相关性、照搬照抄和模糊表述。",
    en: "{n} {n|table|tables} checked: structure and level-1/level-2 labels, required fields, placeholders, target value format and units, ranges, cost indicators, budget sums, spending plan, consistency, duplicates, relevance, copy-paste and vague wording.",
  },
  "error.conflict": { zh: "{cell} 在校验后被修改过，没有改动。请重新校验。", en: "{cell} changed after the check and was left alone. Re-check first." },
  "error.protected": { zh: "工作表受保护，无法修改。", en: "The sheet is protected and cannot be changed." },
  "error.readFile": { zh: "无法打开文件：{message}", en: "Cannot open the file: {message}" },
  "marks.skipped": { zh: "以下工作表受保护，无法显示标记（问题仍列在这里）：{sheets}", en: "These sheets are protected, so their problems are listed here but not marked: {sheets}" },
  "marks.clearSkipped": { zh: "以下工作表受保护，标记未能清除：{sheets}", en: "These sheets are protected and their marks could not be cleared: {sheets}" },
  "marks.adviceSaved": { zh: "标记会随工作簿一起保存，保存前请先“清除标记”。", en: "Marks are saved with the workbook: clear them before saving." },
  "marks.adviceAutoSave": { zh: "此工作簿开启了自动保存，标记显示期间会被保存；检查完请“清除标记”。", en: "AutoSave is on, so marks are saved while shown: clear them when you are done." },
  "marks.adviceKeep": { zh: "已设置保存时保留标记：保存的文件会带有这些标记。", en: "You chose to keep marks when saving: the saved file will carry them." },
  "marks.adviceDismiss": { zh: "知道了，不再提示", en: "Got it, don't show again" },

  // templates
  "templates.title": { zh: "指标库", en: "Indicator library" },
  "templates.search": { zh: "搜索指标", en: "Search indicators" },
  "templates.searchPlaceholder": { zh: "如：培训人次、满意度、运维", en: "e.g. trainees, satisfaction, maintenance" },
  "templates.table": { zh: "插入到", en: "Insert into" },
  "templates.insertTarget": { zh: "插入到：{name}（{where}）", en: "Insert into: {name} ({where})" },
  "templates.targetByCell": { zh: "按选中的单元格", en: "by the selected cell" },
  "templates.targetBySheet": { zh: "当前工作表上的表", en: "the table on this sheet" },
  "templates.targetPicked": { zh: "你选择的表", en: "the table you picked" },
  "templates.otherTable": { zh: "换一张表", en: "Another table" },
  "templates.followSelection": { zh: "跟随选中的单元格", en: "Follow the selected cell" },
  "templates.noTableHere": {
    zh: "当前工作表“{sheet}”上没有已校验的绩效目标表。请选中表中的单元格，或先校验本表。",
    en: "Sheet {sheet} holds no checked target table. Select a cell in a table, or check this sheet first.",
  },
  "templates.checkHere": { zh: "校验本表", en: "Check sheet" },
  "templates.listLabel": { zh: "指标模板", en: "Indicator templates" },
  "templates.keyboardHint": { zh: "↑/↓ 切换模板，空格勾选，Tab 到“插入”。", en: "↑/↓ move between templates, Space ticks one, Tab goes on to Insert." },
  "templates.noTables": {
    zh: "请先校验，找到一张绩效目标表后即可按项目推荐并插入指标。",
    en: "Validate first: once a target table is found, indicators are recommended for its project and can be inserted.",
  },
  "templates.recommended": { zh: "为“{project}”推荐", en: "Recommended for “{project}”" },
  "templates.types": { zh: "项目类型", en: "Project types" },
  "templates.results": { zh: "{n} 个指标", en: "{n} {n|indicator|indicators}" },
  "templates.none": { zh: "没有匹配的指标。", en: "No indicator matches." },
  "templates.preview": { zh: "预览", en: "Preview" },
  "templates.insert": { zh: "插入", en: "Insert" },
  "templates.inserted": { zh: "已在工作表“{sheet}”插入 {n} 行。", en: "{n} {n|row|rows} inserted on sheet {sheet}." },
  "templates.undoInsert": { zh: "撤销插入", en: "Undo insertion" },
  "templates.insertUndone": { zh: "已撤销插入。", en: "Insertion undone." },
  "templates.loading": { zh: "正在加载指标库…", en: "Loading the library…" },
  "templates.basis": { zh: "依据：{basis}", en: "Basis: {basis}" },
  "templates.note": { zh: "说明：{note}", en: "Note: {note}" },
  "templates.present": { zh: "已有", en: "already in the table" },

  // new table from template
  "newTable.title": { zh: "新建绩效目标表", en: "New target table" },
  "newTable.help": {
    zh: "在新的工作表中生成一张完整的绩效目标表：标题、项目名称、预算数、资金支出计划、绩效目标和所选指标体系的全部一级/二级指标，并放入该项目类型的推荐指标。不会改动已有的工作表。",
    en: "Creates a complete target table on a new sheet: title, project name, budget, spending plan, goal and every level-1/level-2 indicator of the chosen framework, with the recommended indicators of the project type placed. Existing sheets are not changed.",
  },
  "newTable.name": { zh: "项目名称", en: "Project name" },
  "newTable.nameRequired": { zh: "请填写项目名称。", en: "Enter the project name." },
  "newTable.framework": { zh: "指标体系", en: "Indicator framework" },
  "newTable.type": { zh: "项目类型", en: "Project type" },
  "newTable.typeHint": { zh: "按项目名称推荐：{type}", en: "Recommended for the name: {type}" },
  "newTable.unit": { zh: "金额单位", en: "Money unit" },
  "newTable.budget": { zh: "预算数（可选）", en: "Budget (optional)" },
  "newTable.budgetInvalid": { zh: "预算数应为不小于 0 的数字。", en: "The budget must be a number of at least 0." },
  "newTable.placed": { zh: "将放入 {n} 个指标。", en: "{n} {n|indicator|indicators} will be placed." },
  "newTable.create": { zh: "新建工作表", en: "Create sheet" },
  "newTable.created": {
    zh: "已新建工作表“{sheet}”（放入 {n} 个指标）并完成校验；待填写的指标值已标出。",
    en: "Sheet {sheet} created ({n} {n|indicator|indicators} placed) and checked; the target values to fill in are marked.",
  },
  "newTable.undo": { zh: "撤销新建", en: "Undo (delete the sheet)" },
  "newTable.removed": { zh: "已删除新建的工作表“{sheet}”。", en: "The new sheet {sheet} was deleted." },
  "newTable.edited": { zh: "工作表“{sheet}”在新建后被修改过，为保护您的内容未删除。", en: "Sheet {sheet} was edited after it was created, so it was kept to protect your work." },
  "newTable.forceRemove": { zh: "仍然删除", en: "Delete anyway" },
  "selfEval.create": { zh: "新建自评表", en: "New self-evaluation" },
  "selfEval.help": {
    zh: "按本表生成项目支出绩效自评表（新工作表）：预算执行情况、各项指标及年度指标值照抄本表，分值按预算执行率 10、产出 50、效益 30、满意度 10 分配，实际完成值、得分和偏差原因待填写。",
    en: "Make this table's project expenditure self-evaluation (绩效自评表) on a new sheet: budget execution, every indicator with its target copied, points spread as budget execution 10, output 50, benefit 30, satisfaction 10; actual values, scores and reasons left to fill in.",
  },
  "selfEval.created": {
    zh: "已为“{name}”新建自评表“{sheet}”（{n} 项指标）并完成校验；请填写实际完成值、得分和偏差原因。",
    en: "Made the self-evaluation “{sheet}” for “{name}” ({n} {n|indicator|indicators}) and checked it; fill in the actual values, scores and reasons.",
  },

  // user library
  "library.title": { zh: "自定义指标库", en: "Your own indicators" },
  "library.help": {
    zh: "导入本单位的指标模板（JSON，或 .xlsx：templates/模板 工作表，格式同 jixiao library 导出），与内置指标库合并后用于推荐、搜索和新建表格，并保存在此工作簿中。",
    en: "Import your organisation's indicator templates (JSON, or .xlsx with a templates sheet, as `jixiao library` exports them). They are merged with the built-in library for recommendations, search and new tables, and stored in this workbook.",
  },
  "library.file": { zh: "导入文件（.json 或 .xlsx）", en: "Import a file (.json or .xlsx)" },
  "library.importing": { zh: "正在导入…", en: "Importing…" },
  "library.imported": { zh: "已导入 {templates} 个模板、{types} 个项目类型。", en: "Imported {templates} {templates|template|templates} and {types} project {types|type|types}." },
  "library.importedWithIssues": {
    zh: "已导入 {templates} 个模板、{types} 个项目类型；{errors} 个错误、{warnings} 个警告（有错误的条目未导入）。",
    en: "Imported {templates} {templates|template|templates} and {types} project {types|type|types}; {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings} (entries with errors were left out).",
  },
  "library.rejected": { zh: "没有导入任何模板（{errors} 个错误）。", en: "Nothing was imported ({errors} {errors|error|errors})." },
  "library.replaced": { zh: "{n} 个内置条目被同编号的自定义条目替换。", en: "{n} built-in {n|entry was|entries were} replaced by your {n|entry|entries} with the same id." },
  "library.unknownTypes": { zh: "模板引用了未定义的项目类型：{types}", en: "Templates refer to undefined project types: {types}" },
  "library.issues": { zh: "导入问题", en: "Import problems" },
  "library.moreIssues": { zh: "另有 {n} 条未列出。", en: "{n} more not shown." },
  "library.current": { zh: "此工作簿的自定义指标：{templates} 个模板、{types} 个项目类型。", en: "Your indicators in this workbook: {templates} {templates|template|templates}, {types} project {types|type|types}." },
  "library.none": { zh: "尚未导入自定义指标。", en: "No indicators of your own imported yet." },
  "library.stored": { zh: "工作簿中保存的自定义指标库有 {n} 个问题，有问题的条目未使用。", en: "The library stored in this workbook has {n} {n|problem|problems}; the entries concerned are not used." },
  "library.remove": { zh: "移除自定义指标库", en: "Remove your library" },
  "library.removed": { zh: "已移除自定义指标库。", en: "Your library was removed." },
  "library.exportUser": { zh: "导出自定义指标（JSON）", en: "Export your indicators (JSON)" },
  "library.exportAll": { zh: "导出全部指标（JSON）", en: "Export the whole library (JSON)" },
  "library.tooLarge": { zh: "文件过大（{size} 字节，最多 {max} 字节）。", en: "The file is too large ({size} bytes, at most {max})." },
  "library.storeTooLarge": { zh: "自定义指标库过大，无法保存在工作簿中（最多 {max} 个字符）。", en: "The library is too large to store in the workbook (at most {max} characters)." },
  "library.readError": { zh: "无法读取文件：{message}", en: "Cannot read the file: {message}" },
  "library.noSheet": { zh: "文件中没有名为 templates 或“模板”的工作表。", en: "The file has no sheet named templates or 模板." },
  "library.custom": { zh: "自定义", en: "custom" },

  // settings
  "settings.language": { zh: "界面语言", en: "Language" },
  "settings.language.zh": { zh: "中文", en: "中文" },
  "settings.language.en": { zh: "English", en: "English" },
  "settings.moneyUnit": { zh: "默认金额单位", en: "Default money unit" },
  "settings.moneyUnit.none": { zh: "不假定（表中没有注明时提示）", en: "None (say so when a table does not declare one)" },
  "settings.moneyUnit.help": {
    zh: "表中没有注明金额单位时按此单位核对预算与成本（与命令行配置的 moneyUnit 相同），设置保存在工作簿中。",
    en: "Budgets and costs of tables that do not declare their money unit are checked in this unit (the CLI configuration's moneyUnit); stored in the workbook.",
  },
  "settings.keyboard": { zh: "键盘操作", en: "Keyboard" },
  "settings.framework": { zh: "指标体系", en: "Indicator framework" },
  "settings.framework.auto": { zh: "自动识别（按表中的指标名称）", en: "Detect from each table's labels" },
  "settings.framework.help": {
    zh: "按表中一级/二级指标自动识别；若识别有误，可为整个工作簿指定。",
    en: "Detected from each table's level-1/level-2 labels; choose one for the whole workbook if detection is wrong.",
  },
  "settings.rules": { zh: "校验规则", en: "Rules" },
  "settings.rules.help": {
    zh: "关闭的规则不再检查。设置保存在工作簿中，同事打开时一样生效。",
    en: "Rules switched off are not checked. Settings are stored in the workbook, so colleagues get the same checks.",
  },
  "settings.rules.enableAll": { zh: "全部开启", en: "Turn all on" },
  "settings.autoRecheck": { zh: "修改后自动重新校验", en: "Re-check automatically after edits" },
  "settings.autoRecheck.help": {
    zh: "开启时，修改单元格后稍等片刻，绩效只重新读取并校验改动过的工作表，结果和标记随之更新。",
    en: "When on, a moment after you edit cells Jixiao reads and checks again only the sheets you changed; the list and the marks follow.",
  },
  "settings.keepMarks": { zh: "保存时保留标记", en: "Keep marks when saving" },
  "settings.keepMarks.help": {
    zh: "关闭时，绩效提醒你在保存前清除标记，保存的文件不带任何高亮；开启表示保存的文件应带着标记（例如发回填报单位）。",
    en: "When off, Jixiao reminds you to clear the marks before saving, so the saved file carries no highlight; turn it on when the saved file should carry them (e.g. to send it back).",
  },

  // playground
  "pg.title": { zh: "绩效 Jixiao 演示", en: "Jixiao playground" },
  "pg.subtitle": { zh: "任务窗格与浏览器中的工作簿（数据只在本机处理）", en: "The task pane beside a workbook in your browser (nothing leaves this machine)" },
  "pg.example": { zh: "示例工作簿", en: "Example workbook" },
  "pg.open": { zh: "打开 .xlsx 文件…", en: "Open an .xlsx file…" },
  "pg.openError": { zh: "无法打开“{name}”：{message} 当前工作簿保持不变。", en: "Cannot open {name}: {message} The open workbook is unchanged." },
  "pg.loading": { zh: "正在加载工作簿…", en: "Loading the workbook…" },
  "pg.grid": { zh: "工作表 {sheet}", en: "Sheet {sheet}" },
  "pg.blank": { zh: "空白工作簿", en: "Blank workbook" },
  "pg.sheets": { zh: "工作表", en: "Sheets" },
  "pg.privacy": { zh: "文件只在浏览器中读取，不会上传。", en: "Files are read in your browser and never uploaded." },
  "pg.ex.seed000-stacked.xlsx": { zh: "张家口 2020：17 张表在同一工作表", en: "Zhangjiakou 2020: 17 tables on one sheet" },
  "pg.ex.seed000.xlsx": { zh: "张家口 2020：每张表一个工作表", en: "Zhangjiakou 2020: one table per sheet" },
  "pg.ex.seed001.xlsx": { zh: "盐城 2022：半年/全年指标值", en: "Yancheng 2022: half-year/full-year targets" },
  "pg.ex.seed002.xlsx": { zh: "郑州 2020：12 张表", en: "Zhengzhou 2020: 12 tables" },
  "pg.file": { zh: "本地文件：{name}", en: "Local file: {name}" },
  "pg.truncated": { zh: "工作表很大，只显示前 {rows} 行、{cols} 列。", en: "A large sheet: only the first {rows} rows and {cols} columns are drawn." },
} as const satisfies Catalogue;

export type MessageKey = keyof typeof TEXT;

/** Every text by language, as the tests and the playground's help read them. */
export const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  zh: Object.fromEntries(Object.entries(TEXT).map(([k, v]) => [k, v.zh])) as Record<MessageKey, string>,
  en: Object.fromEntries(Object.entries(TEXT).map(([k, v]) => [k, v.en])) as Record<MessageKey, string>,
};

export type Params = Record<string, string | number>;

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params` (core/i18n's format). */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return say(TEXT, lang, key, params);
}

export { CATEGORY_NAMES, SEVERITY_NAMES, TEXT, categoryName, langFromLocale, severityName };
