/** Every text the CLI prints, in Chinese (default) and English. */
type Msg = { zh: string; en: string };

export const CLI_TEXT = {
  usage: {
    zh: `用法：jixiao <命令> [选项]

命令：
  check [文件.xlsx ...]   校验绩效目标表（不给文件时校验自带的示例工作簿；可写 文件夹/*.xlsx）
      --format text|json  输出格式（默认 text）
      --lang zh|en        输出语言（默认中文）
      --annotate <目录>   把标注了问题的副本写入该目录（不会改动原文件）
      --fix <目录>        把自动修正后的副本写入该目录（不会改动原文件）
      --report <文件.xlsx> 把整批文件的审核汇总（文件、表格、问题清单）写成一个工作簿
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
  help                    显示本帮助

退出码：0 没有错误级问题（read：全部文件已读出）；1 存在错误级问题；2 用法错误或文件无法读取。`,
    en: `Usage: jixiao <command> [options]

Commands:
  check [file.xlsx ...]   check target tables (without files: the bundled example workbook; folder/*.xlsx works)
      --format text|json  output format (default text)
      --lang zh|en        output language (default Chinese)
      --annotate <dir>    write copies with every finding marked into <dir> (inputs are never changed)
      --fix <dir>         write copies with unambiguous fixes applied into <dir> (inputs are never changed)
      --report <file.xlsx> write one review workbook for the whole batch (files, tables, findings)
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
  help                    show this help

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
  total: { zh: "共 {0} 个文件：错误 {1}，警告 {2}，建议 {3}；{4} 个文件无法读取", en: "{0} {0|file|files}: {1} {1|error|errors}, {2} {2|warning|warnings}, {3} {3|suggestion|suggestions}; {4} unreadable" },
  severity_error: { zh: "错误", en: "error" },
  severity_warning: { zh: "警告", en: "warning" },
  severity_info: { zh: "建议", en: "suggestion" },
  untitled: { zh: "（无标题）", en: "(untitled)" },
  summarySheet: { zh: "校验结果", en: "Findings" },
  summaryHeader: { zh: "工作表|单元格|严重程度|类别|规则|说明", en: "Sheet|Cell|Severity|Category|Rule|Message" },
  readUsage: {
    zh: `用法：jixiao read [文件.xlsx ...] [--format json|csv|xlsx] [--out 文件] [--lang zh|en] [--config 文件]

把每个文件中每张绩效目标表读到的内容汇总输出：表格所在位置、项目名称、指标体系、金额单位、预算数，
以及每个指标（一级、二级指标，名称，指标值及其运算符、数值、计量单位，权重，确定依据）。
不给文件时读取自带的示例工作簿；可写 文件夹/*.xlsx。

  --format json       （默认）{"files":[{"file","tables":[…]}]}，输出到屏幕或 --out 文件
  --format csv        每个指标一行，表格信息逐行重复；UTF-8（带 BOM，Excel 可直接打开）
  --format xlsx       工作簿：“指标”表每个指标一行，“表格”表每张表一行；需要 --out
  --out <文件>        写入该文件；已有同名文件时另存为“文件名 (2)”，从不覆盖
  --lang zh|en        表头和提示的语言（默认中文）
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
  --lang zh|en        language of headers and messages (default Chinese)
  --config <file>     configuration (default: jixiao.config.json in the current directory; moneyUnit, framework as for check)

Examples:
  jixiao read submissions/*.xlsx --format xlsx --out indicators.xlsx
  jixiao read a.xlsx --format csv > indicators.csv

Exit codes: 0 every file read; 2 usage error or an unreadable file (the other files are still read).`,
  },
  readBadFormat: { zh: "--format 只能是 json、csv 或 xlsx，而不是“{0}”", en: "--format must be json, csv or xlsx, not \"{0}\"" },
  readXlsxNeedsOut: { zh: "--format xlsx 需要 --out <文件.xlsx>", en: "--format xlsx needs --out <file.xlsx>" },
  readOutMismatch: { zh: "--out {0} 与 --format {1} 不符；请用 .{1} 文件名", en: "--out {0} does not fit --format {1}; use a .{1} file name" },
  readNoTables: { zh: "{0}：没有找到绩效目标表", en: "{0}: no target table found" },
  readNoIndicators: { zh: "{0}：表“{1}”（{2}）没有读到指标，汇总中只占一行", en: "{0}: no indicator read from table \"{1}\" ({2}); it keeps one row" },
  readCannotWrite: { zh: "{0}：无法写入（{1}）", en: "{0}: cannot be written ({1})" },
  readWrote: { zh: "已写入 {0}：{1} 张表的 {2} 个指标", en: "Wrote {2} {2|indicator|indicators} of {1} {1|table|tables} to {0}" },
  readColumns: {
    zh: "文件|工作表|区域|项目名称|标题|指标体系|金额单位|预算数|财政资金|其他资金|上年结转|行|单元格|一级指标|二级指标|指标名称|指标值|运算符|数值|计量单位|权重|指标值确定依据|期间",
    en: "file|sheet|range|project|title|framework|moneyUnit|budget.total|budget.fiscal|budget.other|budget.carryOver|row|cell|level1|level2|name|value|operator|number|unit|weight|basis|period",
  },
  readTableColumns: {
    zh: "文件|工作表|区域|项目名称|标题|指标体系|金额单位|预算数|财政资金|其他资金|上年结转|指标数",
    en: "file|sheet|range|project|title|framework|moneyUnit|budget.total|budget.fiscal|budget.other|budget.carryOver|indicators",
  },
  readIndicatorsSheet: { zh: "指标", en: "Indicators" },
  readTablesSheet: { zh: "表格", en: "Tables" },
  configInvalid: { zh: "配置文件 {0} 有误：{1}", en: "Configuration {0} is invalid: {1}" },
} satisfies Record<string, Msg>;

export type CliTextKey = keyof typeof CLI_TEXT;

/**
 * A message with its arguments: {0} is the first; {0|error|errors} is the singular or the plural
 * word as argument 0 is 1 or not (English; Chinese needs none).
 */
export function fillText(template: string, args: readonly (string | number)[]): string {
  return template
    .replace(/\{(\d)\|([^|}]*)\|([^}]*)\}/g, (_, i: string, one: string, many: string) => (Number(args[Number(i)]) === 1 ? one : many))
    .replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

export function t(lang: "zh" | "en", key: CliTextKey, ...args: (string | number)[]): string {
  return fillText(CLI_TEXT[key][lang], args);
}
