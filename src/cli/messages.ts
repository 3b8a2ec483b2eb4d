/**
 * Every text the CLI prints, in Chinese (default) and English: a catalogue (core/i18n.ts) whose
 * placeholders are the arguments' positions: {0} is the first, {0|error|errors} the singular or the
 * plural word as argument 0 is 1 or not (English; Chinese needs none).
 */
import { format, placeholders, type Catalogue, type Lang } from "../core/i18n";
import type { ConfigProblem } from "../core/config";

export const CLI_TEXT = {
  usage: {
    zh: `用法：jixiao <命令> [选项]

命令：
  check [文件.xlsx ...]   校验绩效目标表（不给文件时校验自带的示例工作簿；可写 文件夹/*.xlsx）
      --format text|json  输出格式（默认 text）
      --lang zh|en        输出语言（默认中文；LANG/LC_ALL 是英文时为英文）
      --annotate <目录>   把标注了问题的副本写入该目录（不会改动原文件）
      --fix <目录>        把自动修正后的副本写入该目录（不会改动原文件）
      --report <文件.xlsx> 把整批文件的审核汇总（文件、表格、问题清单）写成一个工作簿
      --summary           每个文件只输出一行（表格数、错误、警告、建议），最后是合计
      --config <文件>     配置文件（默认读取当前目录的 jixiao.config.json）
      --yes               --fix 时也应用需要确认的修正（如成本指标改为 ≤）
  read [文件.xlsx ...]    把每张表读到的内容（项目、预算、每个指标）汇总输出，供建指标库和监控使用
      --format json|csv|xlsx  输出格式（默认 json）；xlsx 需要 --out
      --out <文件>        写入该文件（已有同名文件时另存为“文件名 (2)”，从不覆盖）
      --lang、--config    同 check
  library [--format json|xlsx] [--out 文件] [--type 类型] [--import 自定义指标库]
                          列出或导出指标库（可合并自定义指标库）
  recommend <文件.xlsx> [--top n] [--import 自定义指标库]
                          为每张表推荐项目类型和指标模板
  selfeval <目标表.xlsx> --out <文件.xlsx> [--table n] [--points 10,50,30,10]
                          由绩效目标表生成绩效自评表（新工作簿，每张目标表一页）
  help [命令]             显示本帮助；jixiao <命令> --help 显示该命令的帮助

退出码：0 没有错误级问题（read：全部文件已读出）；1 存在错误级问题；2 用法错误或文件无法读取。`,
    en: `Usage: jixiao <command> [options]

Commands:
  check [file.xlsx ...]   check target tables (without files: the bundled example workbook; folder/*.xlsx works)
      --format text|json  output format (default text)
      --lang zh|en        output language (default Chinese; English when LANG/LC_ALL is an English locale)
      --annotate <dir>    write copies with every finding marked into <dir> (inputs are never changed)
      --fix <dir>         write copies with unambiguous fixes applied into <dir> (inputs are never changed)
      --report <file.xlsx> write one review workbook for the whole batch (files, tables, findings)
      --summary           one line per file (tables, errors, warnings, suggestions), then the totals
      --config <file>     configuration file (default: jixiao.config.json in the current directory)
      --yes               with --fix, also apply fixes that ask for confirmation (cost indicators to ≤)
  read [file.xlsx ...]    everything read from every table (project, budget, each indicator) in one list
      --format json|csv|xlsx  output format (default json); xlsx needs --out
      --out <file>        write to <file> ("name (2)" when it exists; a file is never replaced)
      --lang, --config    as for check
  library [--format json|xlsx] [--out file] [--type id] [--import user-library]
                          list or export the indicator library (merged with a user library)
  recommend <file.xlsx> [--top n] [--import user-library]
                          suggest project types and templates for every table
  selfeval <target.xlsx> --out <file.xlsx> [--table n] [--points 10,50,30,10]
                          make the self-evaluation table (绩效自评表) of each target table, in a new workbook
  help [command]          show this help; jixiao <command> --help shows the command's own

Exit codes: 0 no error-severity finding (read: every file read); 1 error-severity findings; 2 usage error or unreadable input.`,
  },
  unknownCommand: { zh: "未知命令：{0}。运行 jixiao help 查看用法。", en: "Unknown command: {0}. Run jixiao help for usage." },
  unknownOption: { zh: "未知选项：{0}", en: "Unknown option: {0}" },
  optionNeedsValue: { zh: "选项 {0} 需要一个值", en: "Option {0} needs a value" },
  badFormat: { zh: "--format 只能是 text 或 json，而不是“{0}”", en: "--format must be text or json, not \"{0}\"" },
  notFound: { zh: "{0}：文件不存在", en: "{0}: no such file" },
  noMatch: { zh: "{0}：没有与之匹配的文件", en: "{0}: no file matches this pattern" },
  reportNotXlsx: { zh: "--report 需要一个 .xlsx 文件名，而不是“{0}”", en: "--report needs an .xlsx file name, not \"{0}\"" },
  lockFile: { zh: "{0}：这是 Excel 打开工作簿时生成的锁文件，不是工作簿，已跳过", en: "{0}: an Excel lock file (kept while a workbook is open), not a workbook; skipped" },
  isDirectory: { zh: "{0}：这是一个文件夹，请给出 .xlsx 文件（例如 {0}/*.xlsx）", en: "{0}: is a directory; give .xlsx files (e.g. {0}/*.xlsx)" },
  notXlsx: { zh: "{0}：不是 .xlsx 工作簿（可能是改了扩展名的其他文件）", en: "{0}: not an .xlsx workbook (perhaps another file renamed)" },
  corrupt: { zh: "{0}：工作簿已损坏，无法读取", en: "{0}: the workbook is damaged and cannot be read" },
  oldXls: { zh: "{0}：这是旧版 Excel 文件（.xls 格式），请在 Excel 或 WPS 中“另存为” .xlsx 后再校验", en: "{0}: an old-format Excel file (.xls); save it as .xlsx in Excel or WPS and check that" },
  encrypted: { zh: "{0}：工作簿设有打开密码，请先取消密码再校验", en: "{0}: the workbook is password-protected; remove the password first" },
  empty: { zh: "{0}：文件是空的", en: "{0}: the file is empty" },
  farCells: {
    zh: "{0}：工作表“{1}”中有 {2} 个单元格（如 {3}）远离其余内容，没有检查；只检查了 {4}",
    en: "{0}: {2} {2|cell|cells} on sheet \"{1}\" (e.g. {3}) {2|lies|lie} far from the rest and {2|was|were} not checked; only {4} was",
  },
  unreadable: { zh: "{0}：无法读取（{1}）", en: "{0}: cannot be read ({1})" },
  outputIsInput: { zh: "输出目录 {0} 会覆盖输入文件 {1}，已拒绝；请换一个目录", en: "Output {0} would overwrite the input {1}; refused, choose another directory" },
  outputNotDir: { zh: "{0} 不是文件夹", en: "{0} is not a directory" },
  wrote: { zh: "已写入 {0}", en: "Wrote {0}" },
  noTables: { zh: "没有找到绩效目标表（需要一行含“一级指标 / 二级指标 / 三级指标 / 指标值”等表头）", en: "No target table found (Jixiao looks for a header row with 一级指标 / 二级指标 / 三级指标 / 指标值 …)" },
  tablesFound: { zh: "找到 {0} 张表", en: "{0} {0|table|tables} found" },
  summary: { zh: "错误 {0}，警告 {1}，建议 {2}", en: "{0} {0|error|errors}, {1} {1|warning|warnings}, {2} {2|suggestion|suggestions}" },
  clean: { zh: "未发现问题", en: "no problems found" },
  summarySheet: { zh: "校验结果", en: "Findings" },
  summaryHeader: { zh: "工作表|单元格|表格|指标|严重程度|类别|规则|说明", en: "Sheet|Cell|Table|Indicator|Severity|Category|Rule|Message" },
  /** a line of a note on a marked cell: severity, category, message */
  noteLine: { zh: "【{0}·{1}】{2}", en: "[{0} · {1}] {2}" },
  /** the note's first line: who wrote it */
  noteHead: { zh: "Jixiao 校验：", en: "Jixiao check:" },
  wholeWorkbook: { zh: "（整个工作簿）", en: "(whole workbook)" },
  annotateWrote: { zh: "已写入 {0}：标注了 {1} 个单元格（{2} 个问题）", en: "Wrote {0}: {1} {1|cell|cells} marked ({2} {2|finding|findings})" },
  fixWrote: { zh: "已写入 {0}：应用了 {1} 处修正", en: "Wrote {0}: {1} {1|fix|fixes} applied" },
  fixNone: { zh: "已写入 {0}：没有应用任何修正，与原文件相同", en: "Wrote {0}: no fix applied, the same as the input" },
  fixNeedYes: { zh: "另有 {0} 处修正需要确认，加 --yes 一并应用", en: "{0} more {0|fix needs|fixes need} confirmation: add --yes to apply {0|it|them}" },
  fixStale: { zh: "{0} 处未应用（单元格内容与校验时不同）", en: "{0} not applied (the cell no longer holds what was checked)" },
  fixSameCell: { zh: "{0} 处未应用（同一单元格已按另一处修正改过）", en: "{0} not applied (another fix already changed the same cell)" },
  selfevalUsage: {
    zh: `用法：jixiao selfeval <目标表.xlsx> --out <文件.xlsx> [--table n] [--points 10,50,30,10] [--year 年份] [--lang zh|en] [--config 文件]

由绩效目标表生成绩效自评表（财预〔2020〕10号 项目支出绩效自评表格式），与任务窗格“新建自评表”相同：
项目名称、预算执行情况（年初预算数、全年预算数取自目标表，全年执行数待填）、年度总体目标，
每个指标及其年度指标值，按分值方案分配的分值，实际完成值、得分、偏差原因分析留空待填。
每张目标表一页，写入新工作簿；原文件只读不改。

  --out <文件.xlsx>    写入该文件；已有同名文件时另存为“文件名 (2)”，从不覆盖
  --table <n>          只生成第 n 张目标表的自评表（编号同 check）
  --points a,b,c,d     预算执行率、产出、效益、满意度的分值（默认 10,50,30,10，合计 100）
  --year <年份>        标题中的年度，如 2025
  --config <文件>      配置文件（moneyUnit、framework 同 check）

示例：
  jixiao selfeval 项目绩效目标表.xlsx --out 项目绩效自评表.xlsx --year 2025

退出码：0 已生成；2 用法错误、文件无法读取或其中没有绩效目标表。`,
    en: `Usage: jixiao selfeval <target.xlsx> --out <file.xlsx> [--table n] [--points 10,50,30,10] [--year yyyy] [--lang zh|en] [--config file]

Make the self-evaluation table (绩效自评表, the 财预〔2020〕10号 project template) of a target table, as
the pane's 新建自评表 does: the project, the budget-execution block (年初 and 全年 budgets from the
target table, 全年执行数 to fill in), the year's goal, every indicator with its target, points spread
by the scheme, and empty 实际完成值, 得分 and 偏差原因 cells for the unit to fill in.
One sheet per target table, in a new workbook; the input file is only read.

  --out <file.xlsx>    write to <file>; "name (2)" when it exists, a file is never replaced
  --table <n>          only the n-th target table (numbered as by check)
  --points a,b,c,d     points of budget execution, outputs, benefits, satisfaction (default 10,50,30,10; total 100)
  --year <yyyy>        the year in the title, e.g. 2025
  --config <file>      configuration (moneyUnit, framework as for check)

Example:
  jixiao selfeval target.xlsx --out self-evaluation.xlsx --year 2025

Exit codes: 0 made; 2 usage error, an unreadable file, or no target table in it.`,
  },
  selfevalOutNotXlsx: { zh: "--out 需要一个 .xlsx 文件名，而不是“{0}”", en: "--out needs an .xlsx file name, not \"{0}\"" },
  selfevalBadTable: { zh: "--table 需要一个正整数，而不是“{0}”", en: "--table needs a positive whole number, not \"{0}\"" },
  selfevalBadPoints: {
    zh: "--points 需要四个合计为 100 的分值（预算执行率,产出,效益,满意度），如 10,50,30,10，而不是“{0}”",
    en: "--points needs four points adding up to 100 (execution,outputs,benefits,satisfaction), e.g. 10,50,30,10, not \"{0}\"",
  },
  selfevalBadYear: { zh: "--year 需要一个年份，如 2025，而不是“{0}”", en: "--year needs a year such as 2025, not \"{0}\"" },
  selfevalOneFile: { zh: "selfeval 需要且只需要一个目标表文件。运行 jixiao selfeval --help 查看用法。", en: "selfeval takes exactly one target-table file. Run jixiao selfeval --help for usage." },
  selfevalNeedsOut: { zh: "selfeval 需要 --out <文件.xlsx>：自评表写入新工作簿，不改动原文件。", en: "selfeval needs --out <file.xlsx>: the self-evaluation goes into a new workbook, the input is not changed." },
  selfevalNoTarget: { zh: "{0} 中没有读到绩效目标表（有指标的目标表），无法生成自评表。", en: "No target table (with indicators) was read in {0}: there is nothing to make a self-evaluation from." },
  selfevalTableOutOfRange: { zh: "--table {0}：{1} 中只有 {2} 张绩效目标表。", en: "--table {0}: {1} has only {2} target table(s)." },
  selfevalMade: { zh: "“{0}”的自评表：工作表“{1}”，{2} 个指标", en: "Self-evaluation of \"{0}\": sheet \"{1}\", {2} indicators" },
  readUsage: {
    zh: `用法：jixiao read [文件.xlsx ...] [--format json|csv|xlsx] [--out 文件] [--lang zh|en] [--config 文件]

把每个文件中每张绩效目标表读到的内容汇总输出：表格所在位置、项目名称、指标体系、金额单位、预算数，
以及每个指标（一级、二级指标，名称，指标值及其运算符、数值、计量单位，权重，确定依据）。
不给文件时读取自带的示例工作簿；可写 文件夹/*.xlsx。

  --format json       （默认）{"files":[{"file","tables":[…]}]}，输出到屏幕或 --out 文件
  --format csv        每个指标一行，表格信息逐行重复；UTF-8（带 BOM，Excel 可直接打开）
  --format xlsx       工作簿：“指标”表每个指标一行，“表格”表每张表一行；需要 --out
  --out <文件>        写入该文件；已有同名文件时另存为“文件名 (2)”，从不覆盖
  --lang zh|en        表头和提示的语言（默认中文；LANG/LC_ALL 是英文时为英文）
  --config <文件>     配置文件（默认读取当前目录的 jixiao.config.json；moneyUnit、framework 同 check）

示例：
  jixiao read 申报材料/*.xlsx --format xlsx --out 指标汇总.xlsx
  jixiao read a.xlsx --format csv > 指标.csv

退出码：0 全部文件已读出；2 用法错误或有文件无法读取（其余文件照常读出）。`,
    en: `Usage: jixiao read [file.xlsx ...] [--format json|csv|xlsx] [--out file] [--lang zh|en] [--config file]

Everything read from every target table of every file, in one list: where the table is, its
project, framework, money unit and budget, and each indicator (level-1 and level-2 indicator, name,
target value with its operator, number and unit, weight, basis for the target).
Without files it reads the bundled example workbooks; folder/*.xlsx works.

  --format json       (default) {"files":[{"file","tables":[…]}]}, on stdout or into --out
  --format csv        one row per indicator, the table's fields repeated; UTF-8 with a BOM (opens in Excel)
  --format xlsx       a workbook: sheet Indicators, one row per indicator; sheet Tables, one per table; needs --out
  --out <file>        write to <file>; "name (2)" when it exists, a file is never replaced
  --lang zh|en        language of headers and messages (default Chinese; English when LANG/LC_ALL is an English locale)
  --config <file>     configuration (default: jixiao.config.json in the current directory; moneyUnit, framework as for check)

Examples:
  jixiao read submissions/*.xlsx --format xlsx --out indicators.xlsx
  jixiao read a.xlsx --format csv > indicators.csv

Exit codes: 0 every file read; 2 usage error or an unreadable file (the other files are still read).`,
  },
  checkUsage: {
    zh: `用法：jixiao check [文件.xlsx ...] [选项]

校验每个文件中的每张绩效目标表，按文件、表格和严重程度列出问题，最后给出整批的合计。
不给文件时校验自带的示例工作簿；可写 文件夹/*.xlsx（Windows 下 Jixiao 自己展开）。

  --format text|json   输出格式（默认 text）；json 为 {"files":[…],"totals":{…}}
  --summary            每个文件只输出一行（表格数、错误、警告、建议），最后是合计
  --annotate <目录>    写出标注副本：只有有问题的单元格按最严重的问题着色并加批注（原有批注保留），
                       另加“校验结果”工作表；其余单元格、页面设置、打印区域、合并单元格原样不变
  --fix <目录>         写出修正副本：只改报告中可直接修正的单元格（没有可应用的修正时副本与原文件相同）
  --yes                --fix 时也应用需要确认的修正（如成本指标的运算符改为 ≤）
  --report <文件.xlsx> 整批的审核汇总工作簿：汇总（每个文件一行，末行合计）、表格、问题
  --config <文件>      配置文件（默认读取当前目录的 jixiao.config.json）
  --lang zh|en         输出语言（默认中文；LANG/LC_ALL 是英文时为英文）

配置文件示例：{ "rules": { "vague": "off", "vague.qualitative": "warning", "range.at-least-100": "error" },
  "moneyUnit": "万元", "framework": "common", "placeholderWords": ["待核实"] }
rules 中可写规则族（vague）或规则编号（vague.qualitative），值为 off、error、warning 或 info；
两者都写时规则编号优先。写错的编号会被指出（退出码 2），并给出最接近的编号。

输入文件从不改写；输出目录中已有的同名文件也不会被覆盖（另存为“文件名 (2).xlsx”）。

退出码：0 没有错误级问题；1 存在错误级问题；2 用法错误或有文件无法读取。`,
    en: `Usage: jixiao check [file.xlsx ...] [options]

Checks every target table of every file, lists the findings by file, table and severity, and ends
with the totals of the batch. Without files it checks the bundled example workbooks; folder/*.xlsx
works (on Windows Jixiao expands it itself).

  --format text|json   output format (default text); json is {"files":[…],"totals":{…}}
  --summary            one line per file (tables, errors, warnings, suggestions), then the totals
  --annotate <dir>     write annotated copies: only the cells with findings are filled (by their worst
                       finding) and get a note (an existing note is kept), plus a sheet "Findings";
                       every other cell, the page setup, print areas and merges stay as they are
  --fix <dir>          write fixed copies: only the cells the report can fix change (with no fix
                       to apply, the copy is the input as it is)
  --yes                with --fix, also apply the fixes that ask for confirmation (a cost's ≤)
  --report <file.xlsx> one review workbook for the batch: Files (one row each, totals last), Tables, Findings
  --config <file>      configuration (default: jixiao.config.json in the current directory)
  --lang zh|en         output language (default Chinese; English when LANG/LC_ALL is an English locale)

Configuration example: { "rules": { "vague": "off", "vague.qualitative": "warning", "range.at-least-100": "error" },
  "moneyUnit": "万元", "framework": "common", "placeholderWords": ["待核实"] }
A rules entry names a family (vague) or a rule id (vague.qualitative) and says off, error, warning
or info; the rule id wins over its family. A misspelt id is an error (exit code 2) naming the nearest id.

Input files are never written, nor is a file already in an output folder ("name (2).xlsx" instead).

Exit codes: 0 no error-severity finding; 1 error-severity findings; 2 usage error or an unreadable file.`,
  },
  libraryUsage: {
    zh: `用法：jixiao library [--format text|json|xlsx] [--out 文件] [--type 类型] [--import 自定义指标库] [--lang zh|en]

列出或导出内置指标库（可合并自定义指标库）。

  （不加选项）         列出项目类型和每类的模板数
  --type <类型>        列出某一项目类型的模板
  --format json|xlsx   导出指标库；xlsx 需要 --out（“模板”和“项目类型”两张工作表）
  --out <文件>         写入该文件；已有同名文件时另存为“文件名 (2)”，从不覆盖
  --import <文件>      校验一个自定义指标库（.json 或 .xlsx）并合并进输出；可多次使用

退出码：0 成功；2 用法错误或导入的指标库有错误。`,
    en: `Usage: jixiao library [--format text|json|xlsx] [--out file] [--type id] [--import user-library] [--lang zh|en]

Lists or exports the built-in indicator library (merged with a user library).

  (no option)          the project types and their template counts
  --type <id>          one project type's templates
  --format json|xlsx   export the library; xlsx needs --out (sheets templates and types)
  --out <file>         write to <file>; "name (2)" when it exists, a file is never replaced
  --import <file>      validate a user library (.json or .xlsx) and merge it into the output; repeatable

Exit codes: 0 done; 2 usage error or errors in an imported library.`,
  },
  recommendUsage: {
    zh: `用法：jixiao recommend <文件.xlsx> [...] [--format text|json] [--top n] [--import 自定义指标库] [--config 文件] [--lang zh|en]

为每张表推荐项目类型（按项目名称和绩效目标）和表中还没有的指标模板。

  --format text|json   输出格式（默认 text）
  --top <n>            每张表最多推荐 n 个模板（1–100）
  --import <文件>      同时使用一个自定义指标库（.json 或 .xlsx）；可多次使用
  --config <文件>      配置文件（moneyUnit、framework 同 check）

退出码：0 成功；2 用法错误或有文件无法读取。`,
    en: `Usage: jixiao recommend <file.xlsx> [...] [--format text|json] [--top n] [--import user-library] [--config file] [--lang zh|en]

Suggests project types for every table (from its project name and goal) and the templates it lacks.

  --format text|json   output format (default text)
  --top <n>            at most n templates per table (1–100)
  --import <file>      also use a user library (.json or .xlsx); repeatable
  --config <file>      configuration (moneyUnit, framework as for check)

Exit codes: 0 done; 2 usage error or an unreadable file.`,
  },
  // ---- jixiao library ----
  libraryBadFormat: { zh: "--format 只能是 text、json 或 xlsx，而不是“{0}”", en: "--format must be text, json or xlsx, not \"{0}\"" },
  libraryXlsxNeedsOut: { zh: "--format xlsx 需要 --out <文件.xlsx>", en: "--format xlsx needs --out <file.xlsx>" },
  libraryOutIsImport: { zh: "--out {0} 会覆盖导入的文件，已拒绝；请换一个文件名", en: "--out {0} would overwrite an imported file; refused, choose another name" },
  libraryNotFound: { zh: "{0}：文件不存在", en: "{0}: no such file" },
  libraryTooLarge: { zh: "{0}：文件过大", en: "{0}: file too large" },
  libraryUnknownType: { zh: "没有项目类型“{0}”。运行 jixiao library 查看全部类型。", en: "No project type \"{0}\". Run jixiao library to see all types." },
  libraryUnreadable: { zh: "{0}：无法读取（{1}）", en: "{0}: cannot be read ({1})" },
  libraryNoTemplatesSheet: { zh: "{0}：没有名为 templates 或“模板”的工作表", en: "{0}: no sheet named templates or 模板" },
  libraryImported: { zh: "{0}：导入 {1} 个模板、{2} 个项目类型；{3} 个错误，{4} 个警告", en: "{0}: imported {1} {1|template|templates}, {2} project {2|type|types}; {3} {3|error|errors}, {4} {4|warning|warnings}" },
  libraryReplaced: { zh: "替换了内置条目：{0}", en: "Replaced built-in entries: {0}" },
  libraryUnknownTypes: { zh: "模板引用了未定义的项目类型：{0}", en: "Templates refer to undefined project types: {0}" },
  libraryWrote: { zh: "已写入 {0}", en: "Wrote {0}" },
  libraryHeader: { zh: "指标库：{0} 个项目类型，{1} 个指标模板", en: "Indicator library: {0} project types, {1} templates" },
  libraryTypeLine: { zh: "  {0}  {1}（{2}）  {3} 个模板", en: "  {0}  {1} ({2})  {3} templates" },
  libraryHint: { zh: "用 --type <编号> 查看某一类型的模板，--format json|xlsx 导出。", en: "Use --type <id> to list a type's templates, --format json|xlsx to export." },
  // ---- jixiao recommend ----
  recommendNeedFile: { zh: "用法：jixiao recommend <文件.xlsx> [...] [--format text|json] [--top n] [--import 指标库] [--config 配置文件]", en: "Usage: jixiao recommend <file.xlsx> [...] [--format text|json] [--top n] [--import library] [--config file]" },
  recommendBadFormat: { zh: "--format 只能是 text 或 json，而不是“{0}”", en: "--format must be text or json, not \"{0}\"" },
  recommendBadTop: { zh: "--top 应是 1 到 100 之间的整数，而不是“{0}”", en: "--top must be an integer from 1 to 100, not \"{0}\"" },
  recommendNoTables: { zh: "  没有找到绩效目标表", en: "  no target table found" },
  recommendTypes: { zh: "    项目类型：", en: "    project types: " },
  recommendTemplates: { zh: "    推荐指标：", en: "    suggested indicators:" },
  recommendNone: { zh: "      （没有可补充的模板）", en: "      (nothing to add)" },
  recommendUntitled: { zh: "（未命名项目）", en: "(unnamed project)" },
  // ---- batch totals ----
  /** the grand total after the per-file sections */
  totals: {
    zh: "合计：{0} 个文件（{1} 个已检查，{2} 个无法读取），{3} 张表；错误 {4}，警告 {5}，建议 {6}；{7} 个文件有错误",
    en: "Total: {0} {0|file|files} ({1} checked, {2} unreadable), {3} {3|table|tables}; {4} {4|error|errors}, {5} {5|warning|warnings}, {6} {6|suggestion|suggestions}; {7} {7|file|files} with errors",
  },
  totalsFixes: { zh: "修正：应用了 {0} 处", en: "Fixes: {0} applied" },
  totalsFixesNeedYes: { zh: "{0} 处需要确认（加 --yes 应用）", en: "{0} {0|needs|need} confirmation (add --yes)" },
  totalsFixesStale: { zh: "{0} 处未应用（单元格内容与校验时不同）", en: "{0} not applied (the cell no longer holds what was checked)" },
  totalsFixesSameCell: { zh: "{0} 处未应用（同一单元格已按另一处修正改过）", en: "{0} not applied (another fix already changed the same cell)" },
  summaryLine: { zh: "{0} 张表  错误 {1}，警告 {2}，建议 {3}", en: "{0} {0|table|tables}  {1} {1|error|errors}, {2} {2|warning|warnings}, {3} {3|suggestion|suggestions}" },
  summaryUnreadable: { zh: "无法读取", en: "unreadable" },
  summaryNoTables: { zh: "没有找到绩效目标表", en: "no target table found" },
  summaryWithJson: { zh: "--summary 只用于文本输出；--format json 的 totals 已给出合计", en: "--summary is for the text report; --format json gives the totals in \"totals\"" },
  totalRow: { zh: "合计", en: "Total" },
  // ---- the review workbook (--report) ----
  reportSheets: { zh: "汇总|表格|问题", en: "Files|Tables|Findings" },
  reportFilesColumns: { zh: "文件|表格数|错误|警告|建议|说明", en: "File|Tables|Errors|Warnings|Suggestions|Note" },
  reportTablesColumns: { zh: "文件|工作表|区域|名称|指标体系|金额单位|预算数|错误|警告|建议", en: "File|Sheet|Range|Name|Framework|Money unit|Budget|Errors|Warnings|Suggestions" },
  reportFindingsColumns: { zh: "文件|工作表|单元格|表格|指标|严重程度|类别|规则|说明", en: "File|Sheet|Cell|Table|Indicator|Severity|Category|Rule|Message" },
  reportChecked: { zh: "已检查", en: "checked" },
  reportUndeclared: { zh: "未注明", en: "not stated" },
  totalNote: { zh: "{0} 个文件：{1} 个有错误，{2} 个无法读取", en: "{0} {0|file|files}: {1} with errors, {2} unreadable" },
  // ---- configuration problems (src/core/config.ts ConfigProblem) ----
  cfgJson: { zh: "不是有效的 JSON（{0}）", en: "not valid JSON ({0})" },
  cfgTooLarge: { zh: "文件超过 1 MB", en: "the file is larger than 1 MB" },
  cfgUnknownKey: { zh: "没有配置项“{0}”；可用的配置项：{1}", en: "no setting \"{0}\"; the settings are {1}" },
  cfgUnknownRule: { zh: "rules 中的“{0}”不是规则编号或规则族", en: "\"{0}\" in rules is no rule id or rule family" },
  cfgDidYouMean: { zh: "；是不是“{0}”？", en: "; did you mean \"{0}\"?" },
  cfgRuleFamilies: { zh: "；规则族有：{0}（规则编号见 docs/rules.md）", en: "; the rule families are {0} (rule ids in docs/rules.md)" },
  cfgBadValue: { zh: "{0} 只能是 {1}", en: "{0} must be one of {1}" },
  cfgBadType: { zh: "{0} 应为{1}", en: "{0} must be {1}" },
  cfgInvalid: { zh: "{0}：{1}", en: "{0}: {1}" },
  cfgRoot: { zh: "整个文件", en: "the file" },
  type_array: { zh: "数组（[…]）", en: "an array ([…])" },
  type_object: { zh: "对象（{…}）", en: "an object ({…})" },
  type_string: { zh: "文本", en: "text" },
  type_other: { zh: "另一种值", en: "another kind of value" },
  readBadFormat: { zh: "--format 只能是 json、csv 或 xlsx，而不是“{0}”", en: "--format must be json, csv or xlsx, not \"{0}\"" },
  readXlsxNeedsOut: { zh: "--format xlsx 需要 --out <文件.xlsx>", en: "--format xlsx needs --out <file.xlsx>" },
  readOutMismatch: { zh: "--out {0} 与 --format {1} 不符；请用 .{1} 文件名", en: "--out {0} does not fit --format {1}; use a .{1} file name" },
  readNoTables: { zh: "{0}：没有找到绩效目标表", en: "{0}: no target table found" },
  readNoIndicators: { zh: "{0}：表“{1}”（{2}）没有读到指标，汇总中只占一行", en: "{0}: no indicator read from table \"{1}\" ({2}); it keeps one row" },
  readCannotWrite: { zh: "{0}：无法写入（{1}）", en: "{0}: cannot be written ({1})" },
  readWrote: { zh: "已写入 {0}：{1} 张表的 {2} 个指标", en: "Wrote {2} {2|indicator|indicators} of {1} {1|table|tables} to {0}" },
  readColumns: {
    zh: "文件|工作表|区域|项目名称|标题|指标体系|金额单位|预算数|财政资金|其他资金|上年结转|行|单元格|一级指标|二级指标|指标名称|指标值|运算符|数值|计量单位|权重|指标值确定依据|期间|表类型|实际完成值|得分|偏差原因|执行进度|全年预计|纠偏措施",
    en: "file|sheet|range|project|title|framework|moneyUnit|budget.total|budget.fiscal|budget.other|budget.carryOver|row|cell|level1|level2|name|value|operator|number|unit|weight|basis|period|kind|actual|score|reason|progress|forecast|correction",
  },
  readTableColumns: {
    zh: "文件|工作表|区域|项目名称|标题|指标体系|金额单位|预算数|财政资金|其他资金|上年结转|指标数|表类型",
    en: "file|sheet|range|project|title|framework|moneyUnit|budget.total|budget.fiscal|budget.other|budget.carryOver|indicators|kind",
  },
  readIndicatorsSheet: { zh: "指标", en: "Indicators" },
  readTablesSheet: { zh: "表格", en: "Tables" },
  configInvalid: { zh: "配置文件 {0} 有误：{1}", en: "Configuration {0} is invalid: {1}" },
} satisfies Catalogue;

export type CliTextKey = keyof typeof CLI_TEXT;

/** A message with its arguments by position (core/i18n's format; an argument not given reads as ""). */
export function fillText(template: string, args: readonly (string | number)[]): string {
  const params: Record<string, string | number> = {};
  for (const name of placeholders(template)) params[name] = args[Number(name)] ?? "";
  return format(template, params, "zh");
}

export function t(lang: Lang, key: CliTextKey, ...args: (string | number)[]): string {
  return fillText(CLI_TEXT[key][lang], args);
}

/** A list as the language writes one: 元、万元、亿元 / 元, 万元, 亿元. */
export function listText(lang: Lang, items: readonly string[]): string {
  return items.join(lang === "zh" ? "、" : ", ");
}

/** What is wrong with a configuration file, in the user's language (the problem as src/core/config.ts gives it). */
export function configProblemText(lang: Lang, p: ConfigProblem, keys: readonly string[], families: readonly string[]): string {
  const at = p.path || t(lang, "cfgRoot");
  switch (p.code) {
    case "json":
      return t(lang, "cfgJson", p.detail ?? "");
    case "too-large":
      return t(lang, "cfgTooLarge");
    case "unknown-key":
      return t(lang, "cfgUnknownKey", p.key ?? at, listText(lang, keys)) + (p.suggestion ? t(lang, "cfgDidYouMean", p.suggestion) : "");
    case "unknown-rule":
      return t(lang, "cfgUnknownRule", p.key ?? at) + (p.suggestion ? t(lang, "cfgDidYouMean", p.suggestion) : t(lang, "cfgRuleFamilies", listText(lang, families)));
    case "bad-value":
      return t(lang, "cfgBadValue", at, listText(lang, p.allowed ?? []));
    case "bad-type": {
      const key = p.expected === "array" || p.expected === "object" || p.expected === "string" ? (`type_${p.expected}` as const) : "type_other";
      return t(lang, "cfgBadType", at, t(lang, key));
    }
    default:
      return t(lang, "cfgInvalid", at, p.detail ?? "");
  }
}
