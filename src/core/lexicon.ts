/**
 * The domain's vocabulary, as data, one entry a word (docs/domain.md "Reading the grid"): which
 * header text gives a grid column which role, which label in the header block means which field,
 * which lines are titles, side labels and footers — matched on a label key (src/core/text.ts labelKey:
 * no whitespace, half-width brackets, no trailing colon) — and the words the rules and the template
 * linter share (satisfaction, vague wording). The reader decides by these words and by what the cells
 * under them hold, never by a column position or a province. Placeholders live with the value parser
 * (src/core/value/placeholder.ts), frameworks with theirs (src/core/frameworks/data.ts).
 */
import type { ColumnRole } from "./model";

/** How sure a header word makes a column's role: 3 the template's own term, 1 a word that is also used for other things. */
export type Strength = 1 | 2 | 3;

export interface HeaderWord {
  role: ColumnRole;
  strength: Strength;
  pattern: RegExp;
}

/** A value column's header may carry a unit or a note in brackets: 指标值(单位), 目标值（含单位）. */
const NOTE = String.raw`(\(.*\))?`;

export const GRID_HEADER_WORDS: readonly HeaderWord[] = [
  { role: "level1", strength: 3, pattern: /^一级(绩效)?(指标)?(名称)?$/ },
  { role: "level2", strength: 3, pattern: /^二级(绩效)?(指标)?(名称)?$/ },
  { role: "level3", strength: 3, pattern: /^三级(绩效)?(指标)?(名称)?$/ },
  { role: "level3", strength: 2, pattern: /^(指标名称|具体指标|绩效指标名称|指标项|指标名)$/ },
  // words that name the indicator column in some templates and a side label or a label column in others
  { role: "level3", strength: 1, pattern: /^(指标|绩效指标|年度绩效指标|评价内容|评价指标|评价要点|考核指标|考核内容|绩效内容)$/ },
  { role: "description", strength: 3, pattern: /^(绩效指标描述|指标描述|指标解释|指标说明|指标值说明|指标内容|指标定义|计算口径|指标值内容|指标说明及计算方法|(指标内容(\/|及|或))?计算(公式|方法))$/ },
  { role: "halfValue", strength: 3, pattern: new RegExp(String.raw`^半年(\(程\))?(度)?(指标值|目标值|值)?${NOTE}$`) },
  { role: "midValue", strength: 3, pattern: new RegExp(String.raw`^中期(绩效)?(指标值|目标值|值)?${NOTE}$`) },
  { role: "priorValue", strength: 3, pattern: /^(\d{4}年|上年|上一年|去年)(度)?(实际)?((实现|完成|执行)值|水平)$/ },
  {
    role: "value",
    strength: 3,
    pattern: new RegExp(
      String.raw`^((全年|年度|本年|当年|年初)(\(程\))?(度)?)?(绩效)?(指标值|目标值|数值|指标目标值|指标值及单位)${NOTE}$|^(预期|计划)(\d{4}年)?(目标值|实现值|完成值|指标值)$|^\d{4}年(度)?(绩效)?(目标值|指标值|预期值|计划值)${NOTE}$|^(全年|年度)$|^(本年度?|当年|年度)?(计划|预期|目标)水平$`,
    ),
  },
  { role: "unit", strength: 3, pattern: /^(计量单位|度量单位|单位|指标单位)$/ },
  { role: "operator", strength: 3, pattern: /^(运算符(号)?|计算符号|指标性质|符号|比较符|指标值类型)$/ },
  { role: "direction", strength: 3, pattern: /^(指标方向(性)?|方向)$/ },
  { role: "weight", strength: 3, pattern: /^(权重|分值|指标权重|权重分值|指标分值|参考分值|标准分值)(\(%\)|\(分\))?$/ },
  {
    role: "basis",
    strength: 3,
    pattern: /^(指标值确定依据|取值依据|指标值设定依据|确定依据|指标值来源|指标值依据|设定依据|评(价|分)标准|绩效标准|指标标准或依据|指标标准|指标设定依据|目标值确定依据|考核标准|度量标准|参考标准)$/,
  },
  { role: "note", strength: 3, pattern: /^(备注|备注说明)$/ },
  // monitoring (绩效运行监控表): what was done by the middle of the year, what the year will reach, the correction
  {
    role: "progress",
    strength: 3,
    pattern: /^(\d{1,2}[-—至~]\d{1,2}月(执行|完成|实际完成)(情况|数|值)?|截至\d{1,2}月(底)?(执行|完成)(情况|数|值)?|(上半年|半年度?)(指标)?(执行|完成)(情况|数|值)|累计完成(值|情况)?|当前完成(值|情况)?)$/,
  },
  { role: "forecast", strength: 3, pattern: /^(全年预计完成(情况|值|数)?|预计全年完成(情况|值|数)?|全年预计(执行数|完成值)?|预计年底完成(情况|值)?)$/ },
  { role: "correction", strength: 3, pattern: /^(纠偏措施|完成目标可能性|偏差纠正措施)$/ },
  // self-evaluation (绩效自评表): what was achieved, the points it scored, why it fell short
  { role: "actual", strength: 3, pattern: /^(实际完成值|完成值|全年完成值|全年实际值|实际值|实际完成情况|实际完成|年度实际完成值|全年实际完成值|实际完成指标值|完成情况|全年完成情况|实际完成数)$/ },
  { role: "score", strength: 3, pattern: /^(得分|实际得分|自评得分|评价得分|指标得分)(\(分\))?$/ },
  {
    role: "reason",
    strength: 3,
    // 偏差原因, 未完成原因分析, 偏差原因分析及改进措施, 未完成原因及拟采取的改进措施, 产生差异的原因及改进措施 …
    pattern: /^(产生)?(偏差|差异|未完成|未达成|未达标|扣分)(的)?原因(分析|说明)?((及|和|与|、)(拟采取的)?(改进|整改|纠偏)(措施|建议))?$|^原因分析$/,
  },
];

/** Roles of the value columns: each is one period of the same target. */
export const VALUE_ROLES = ["value", "halfValue", "midValue"] as const;
export type ValueRole = (typeof VALUE_ROLES)[number];

/** The period a value column stands for, as shown in the read model. */
export const PERIOD_OF: Record<ValueRole, string> = { value: "全年", halfValue: "半年", midValue: "中期" };

/**
 * Sub-headers under a value header spanning two or more columns (指标值 over 半年 / 全年,
 * 2021年实际实现值 / 预期2022年实现值, 中期 / 年度): the role each gives its column.
 */
export const PERIOD_SUBHEADERS: readonly [ColumnRole, RegExp][] = [
  ["halfValue", /^半年(\(程\))?(度)?(指标值|目标值|值)?$/],
  ["midValue", /^中期(目标|指标值|目标值|值)?$/],
  ["priorValue", /^(\d{4}年|上年|上一年|去年)(度)?(实际)?(实现|完成|执行)值$/],
  ["value", /^((全年|年度|本年|当年)(\(程\))?(度)?(目标|指标值|目标值|值)?|(预期|计划)(\d{4}年)?(目标值|实现值|完成值|指标值)?)$/],
];

/** Text of a first column that labels the whole grid beside it, written once and merged down (绩效指标, 绩 效 指 标). */
export const SIDE_LABEL = /^(绩效指标|年度绩效指标|绩效目标|年度绩效目标|绩|绩效|指标|项目年度绩效目标.*|绩效指标体系)$/;

/** A form title: 项目支出绩效目标表, 项目支出目标申报表, …绩效评价指标表, …绩效目标批复表 (checked on keys of at most 80 characters). */
export const TITLE = /(绩效|目标).*表(\(.*\))?$|绩效目标(申报|评价|批复|申请)?表/;

/**
 * Lines that end a table below its grid: who filled it in, who checked it, stamps, dates and notes
 * (填表人：, 经办人及联系电话:…, 审核意见, 财政资金管理科室(盖章), 上报时间:, 注：).
 */
export const FOOTER =
  /^(填表人|填报人|经办人|联系人|联系电话|负责人|单位负责人|财务负责人|项目负责人签字|审核人|审核|审核意见|复核人|制表人|制表|上报时间|填报时间|填报日期|填表日期|报送日期|日期|注|说明|填报说明|填表说明)([:：及(（]|$)|\(盖章\)|（盖章）|盖章\)|^.{0,16}(审核|初审|审批|复核|审查|审定)意见$/;

/** The number of a document's section: 第一部分, 二、, （三）, (四). */
export const SECTION_NUMBER = /^(第[一二三四五六七八九十]+(部分|章|节)|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/;

/** A total row of a weighted table (总分 | … | 100): not an indicator. */
export const TOTAL_ROW = /^(总分|合计|总计|分值合计|权重合计|得分合计)$/;

/**
 * The closing fields of a self-evaluation table under its grid (评价结论, 存在问题, 改进措施, 其他需要
 * 说明事项, 偏差大或目标未完成原因分析 …): they end the grid, like a footer.
 */
export const TRAILER = /^(评价结论|自评结论|存在问题|改进措施|问题及改进措施|其他需要说明(的)?事项|其他需说明事项|偏差大或目标未完成原因分析|改进措施及结果应用方案|结果应用|主要问题|整改措施)$/;

/** Points stated in a label: 产出指标(70分), 预算执行情况(10分), 年度绩效目标 98分). */
export const POINTS_IN_LABEL = /[(（]?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]?$/;

/** Column headers of a self-evaluation's budget-execution block (资金情况: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分). */
export const EXECUTION_COLUMNS: readonly ["initial" | "budget" | "spent" | "progress" | "forecast" | "rate" | "weight" | "score" | "reason", RegExp][] = [
  ["initial", /^年初预算(数|资金|资金总额|金额)?$/],
  ["budget", /^(全年预算(数)?|调整后预算(数)?|调整预算(数)?|年度预算(数)?|预算数|全年(调整)?预算(数)?)$/],
  ["spent", /^(全年执行(数)?|预算执行(数)?|执行数|实际支出(数)?|全年实际支出|实际投入(资金)?(额|金额|数)?|实际使用(资金)?(额|金额|数)?)$/],
  // a monitoring table's money: spent so far (1-6月执行数) and what the year will spend (全年预计执行数)
  ["progress", /^(\d{1,2}[-—至~]\d{1,2}月(执行数|支出数|实际支出|执行金额)|截至\d{1,2}月(底)?(执行数|支出数))$/],
  ["forecast", /^(全年预计(执行数|支出数|执行金额)|预计全年(执行数|支出数))$/],
  ["rate", /^(执行率|预算执行率|资金执行率)$/],
  ["weight", /^(执行率)?(分值|权重)$/],
  ["score", /^(执行率)?得分$/],
  ["reason", /^((产生)?(偏差|差异)(的)?)?原因(说明|分析)?$|^说明$/],
];

/* ---------------------------------------------------------------------------------------------
 * The header block: label -> field. A label key may end in a money unit, "(万元)" or
 * "(单位:万元)": the unit is read off first (UNIT_SUFFIX) and the rest matched here.
 * ------------------------------------------------------------------------------------------- */

/** A money unit written at the end of a label: 预算金额(元), 资金情况(单位:万元), 项目资金 (万元). */
export const UNIT_SUFFIX = /\((金额)?(单位[:：]?)?(亿元|万元|元)\)$/;

export type AmountRole =
  | "total"
  | "projectTotal"
  | "midTermTotal"
  | "fullYearPlanned"
  | "halfYear"
  | "currentYear"
  | "fiscal"
  | "fiscalPart"
  | "otherSource"
  | "carryOver"
  | "other"
  | "use"
  | "previousTotal";

/** Amount labels, first match wins (其中：财政拨款 is fiscal, not a total). */
export const AMOUNT_LABELS: readonly [AmountRole, RegExp][] = [
  ["midTermTotal", /^中期(资金|预算)(总额|总量|数)$/],
  [
    "total",
    /^(其中[:：]?)?(预算数|资金总额|总额|年度资金总额|年度金额|年度财政资金总额|财政资金总额|项目资金总额|项目总金额|预算总额|项目预算数|年度预算数|项目预算总额|预算资金总额|项目总预算|总预算|预算金额合计|项目资金合计|年度本级预算金额|本级预算金额|项目金额|当年预算|当年预算数|本年预算|本年预算数|预算申报数|申报数|(本次)?下达(的)?中央预算内投资|中央预算内投资|(区|县|市|省)?级?支出预算总量|支出预算总量|预算总量|项目预算金额|预算金额|年度预算金额|年度资金|资金总量|项目资金|项目资金申请|资金情况|资金来源|项目预算|预算安排|年度预算安排|本年度预算|申请金额|申请资金|资金规模|项目资金规模|资金额度|项目总金额\(本年\))$/,
  ],
  ["projectTotal", /^(项目总投资|总投资|项目总投资额|计划总投资)$/],
  ["fullYearPlanned", /^全年(\(程\))?预算(数|金额)$/],
  ["halfYear", /^半年(\(程\))?(计划)?(执行数|预算数|支出数)$/],
  ["currentYear", /^(项目)?本年度(金额|预算|预算数|资金)$/],
  ["fiscal", /^(其中[:：,]?)?(当年|本年|本年度)?(市级|县级|区级|本级|省级|市|县|区)?财政(资金|拨款|拨款资金|性资金|拨款\(补助\)|安排资金)(\(小计\)|小计)?$/],
  [
    "fiscalPart",
    /^(其中[:：]?)?(当年|本年|本年度)?(一般公共预算(资金|拨款)?|政府性基金(预算)?(资金|拨款)?|财政专户管理资金|中央补助(安排|资金)?|中央(财政)?资金|省级财政(安排|资金)|省级补助(资金)?|市级财政(安排)|(该项目支出)?上级(补助)?资金|上级补助)$/,
  ],
  ["otherSource", /^(国有资本经营预算(资金)?|社会保险基金预算(资金)?)$/],
  ["carryOver", /^(其中[:：]?)?(上年结转(资金)?|结转资金|上年结余(资金)?|结转结余(资金)?)$/],
  ["other", /^(其中[:：]?)?(其他资金|其它资金|其他|其它|自有资金|单位自有资金|单位资金|社会资金|其他来源资金|自筹资金|单位自筹|社会资本|银行贷款|事业收入|经营(性)?收入|其他收入|事业基金弥补(收支)?差额)$/],
  ["previousTotal", /^上年度项目总金额$/],
  // what a department-wide table's money is spent on: 资金总额 = 基本支出 + 项目支出
  ["use", /^(其中[:：]?)?(基本支出|项目支出)$/],
];

/**
 * A money label with qualifiers the list above does not spell out (中期市财政预算, 本年度申请市财政预算资金,
 * 年度资金申请总额): the qualifiers taken off one after another — the term, 申请/申报, the government level,
 * 财政 — and what is left read as a total (中期 → the medium-term total).
 */
/** The government level, alternatives in brackets included: 市级, 本级, 市县(区), 县(市、区). */
const GOVERNMENT_LEVEL_QUALIFIER = /^(本级|((省|市|县|区|州|盟|旗|乡|镇)(级)?(\([^()]*\))?)+)/;

/** A money label that opens with a government level (中央财政资金, 省级财政资金, 市县(区)财政资金, 其中:本级财政拨款). */
export function namesGovernmentLevel(key: string): boolean {
  const k = key.replace(/^其中[:：]?/, "");
  return k.startsWith("中央") || GOVERNMENT_LEVEL_QUALIFIER.test(k);
}
const AMOUNT_QUALIFIERS: readonly RegExp[] = [
  /^(本年度|年度|当年|本年)/,
  /(申请|申报)/,
  GOVERNMENT_LEVEL_QUALIFIER,
];
const AMOUNT_CORE = /^(预算|预算资金|预算数|预算金额|预算总额|资金|资金总额|资金总额|总额|资金额)$/;
/** What is left of a fiscal label once its qualifiers are off (年度市级财政拨款, 市县(区)财政资金). */
const FISCAL_CORE = /^财政(资金|拨款|拨款资金|安排资金)$/;
/** The term of a label for the whole project's money: 中期资金总额, 实施期资金总额. */
const WHOLE_TERM = /^(中期|中长期|实施期|项目期)/;

export function qualifiedAmountRole(key: string): AmountRole | undefined {
  let k = key.replace(/^其中[:：]?/, "");
  const mid = WHOLE_TERM.exec(k);
  if (mid) k = k.slice(mid[0].length);
  let changed = !!mid;
  let level = false;
  for (const q of AMOUNT_QUALIFIERS) {
    const next = k.replace(q, "");
    if (next !== k) [k, changed, level] = [next, true, level || q === GOVERNMENT_LEVEL_QUALIFIER];
  }
  if (!changed) return undefined;
  if (FISCAL_CORE.test(k)) return mid ? undefined : "fiscal";
  // one government level's money among others (中央资金 | 省级资金 | 市级资金 | 县级资金): a part of the fiscal money
  if (level && k === "资金") return mid ? undefined : "fiscalPart";
  k = k.replace(/^财政/, "");
  if (!AMOUNT_CORE.test(k)) return undefined;
  return mid ? "midTermTotal" : "total";
}

/** The word that opens a label of the year's amount (年度资金总额, 本年度申请…): the year's, not the whole project's. */
export const YEAR_AMOUNT_LABEL = /^(其中[:：]?)?(本年度|年度|当年|本年)/;

/** The project's name; a department-wide table (部门整体) names its department instead. */
export const PROJECT_LABEL = /^(项目名称|项目支出名称|专项\(项目\)名称|专项名称|专项资金名称|二级项目名称|二级项目|项目\(专项\)名称|资金名称|专项资金\(项目\)名称)$/;
/** A higher-level project that a 二级项目 belongs to: a name only when the table gives no other. */
export const PARENT_PROJECT_LABEL = /^(一级项目名称|一\*?级项目名称|所属一级项目|一级项目)$/;
export const DEPARTMENT_LABEL = /^(部门\(单位\)名称|部门名称|单位名称|预算单位|预算单位名称|预算部门|部门\(单位\)|申报单位|申报部门)$/;
export const PROJECT_CODE_LABEL = /^(项目编码|项目代码|项目编号)$/;

/** The year's goal (年度绩效目标, 总体目标 …); the older forms split it into the services to be provided and the effect (预期提供的公共产品和服务 | 预期效果). */
export const GOAL_LABEL =
  /^(项目|部门)?(本年度|年度|当年|本年|总体|整体|总|中期|中长期|长期|实施期)?(滚动)?(主要)?(整体|总体)?(绩效)?目标(和成果|及成果|与成果|和任务)?(\(.*\))?$|^年度(总体)?(绩效)?目标(\(文字\))?$|^(项目)?(年度)?绩效总目标$|^预期提供的公共产品和服务(的数量|的数量和质量|情况)?$|^预期(达到的)?效果$/;
/** The column header over the goal's text in a 年度总体目标 block (年度总体目标 | 预期目标 | 实际完成情况, the texts below). */
export const GOAL_COLUMN_HEADER = /^(预期目标|年初设定目标|年初绩效目标|年初目标|设定目标|年度预期目标)$/;
/** The word that opens a label of one term (中期资金总额, 长期绩效指标, 年度目标): a table's term is 中期 or 年度. */
export const TERM_WORD = /^(中期|中长期|长期|年度|当年|本年)/;
export const termOfWord = (word: string): "中期" | "年度" => (/^(中|长)/.test(word) ? "中期" : "年度");

/** The goal of the whole project period: 中期目标, 中期滚动目标(2019年--2021年), 长期目标, and 项目总目标 beside a 年度 one. */
export const MID_TERM_GOAL_LABEL = /^(项目)?(中期|中长期|长期|实施期)(滚动)?(绩效)?目标|^(项目)?总(体)?目标$/;
export const GOAL_N_LABEL = /^目标\d+$/;
export const BACKGROUND_LABEL =
  /^(项目概况|立项依据|项目立项依据|立项必要性|项目立项必要性|项目设立的必要性|实施可行性|项目配套制度措施|保证项目实施的制度措施|项目简介|项目内容|基本情况|项目基本情况|项目总体情况|项目总体概况|总体概况|项目支出明细|政策依据|项目实施依据|项目审批)$/;
export const START_LABEL = /^(开始时间|起始时间|项目开始时间|开始日期|项目开始日期|起始日期)$/;
export const END_LABEL = /^(结束时间|完成时间|项目结束时间|截止时间|结束日期|项目完成日期|完成日期|项目结束日期|截止日期)$/;
/** The label of a block listing what the money is for, one line an item: 项目构成, 项目预算成本构成 | 金额 | 测算依据. */
export const COMPOSITION_LABEL = /^(项目构成|(项目)?(预算)?(成本|支出)?构成)$/;
/** The column of a composition block that holds each item's amount (else its last column). */
export const COMPOSITION_AMOUNT_HEADER = /^(金额|预算金额|预算数|申请金额|预算资金|资金)$/;
/**
 * Column headers of a money table that gives each source for several years (项目 | 上年度预算安排 |
 * 上年度实际执行 | 本年度申请金额): the years gone by, and this year's money, the table's.
 */
export const PAST_YEAR_MONEY_HEADER = /^(上年度?|上一年度?|以前年度|前两?年|\d{4}年度?)(的)?(预算|实际|执行|决算|安排|支出|金额|资金)/;
export const THIS_YEAR_MONEY_HEADER = /^(本年度?|当年度?|\d{4}年度?)?(的)?(申请|申报|预算|安排|计划)(预算)?(金额|资金|数|额|安排)$/;
export const PERIOD_LABEL = /^(项目期|项目周期|实施期|项目实施期|项目支出实施期|实施周期|项目期限|项目起止时间|起止时间|项目实施周期|实施年限)$/;

/** The weight a weighted table keeps for 预算执行率 outside its indicators (Sichuan: 预算执行率权重(%) 10, indicators 90). */
export const EXECUTION_WEIGHT_LABEL = /^预算执行率(权重|分值)(\(%\)|\(分\))?$/;

/** The bodies behind a project (主管部门, 实施单位, 填报单位 …): who the project is for, by name. */
export const AGENCY_LABEL =
  /^(主管部门|项目主管部门|主管预算部门|业务主管部门|主管部门及代码|主管单位|项目主管单位|项目单位|实施单位|项目实施单位|项目执行单位|组织实施单位|填报单位|编制单位|绩效编制单位|单位信息|下达地方或单位|单位\(盖章\)|填报单位\(盖章\))$/;

/**
 * Other labels of header blocks: never a value, and the end of a search for one to the right
 * (主管部门 | 实施单位 …; an empty field beside them is not the project's name).
 */
export const OTHER_FIELD_LABEL =
  /^(单位编码|主管部门|项目主管部门|主管预算部门|业务主管部门|主管部门及代码|实施单位|项目实施单位|组织实施单位|监督管理单位|项目类型|项目级次|项目负责人|项目负责人及电话|项目负责人\/联系电话|项目责任人|责任人|联系人|联系电话|经办人|项目经办人|项目经办人电话|归口业务科室|是否政府采购|项目属性|项目分类|项目口径|项目来源|资金性质|资金用途|编制单位|绩效编制单位|填报单位|单位信息|单位\(盖章\)|下达地方或单位|其他依据|需要说明的其他问题|预算规模及资金用途|资金支出计划.*|项目实施计划|项目实施内容|项目构成|备注|收入|支出|小计|项目类别|部门预算|实施期)$|^.{0,12}(完成情况|完成情况综述)$/;

/** Fields of a flat list given on every row (单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 …). */
export const ROW_FIELD_LABELS: readonly ["project" | "department" | "budget" | "goal", RegExp][] = [
  ["project", PROJECT_LABEL],
  ["department", DEPARTMENT_LABEL],
  ["budget", /^(预算数|资金总额|年度资金总额|项目金额|预算金额|当年预算)(\((万元|元)\))?$/],
  ["goal", /^(年度目标|绩效目标|年度绩效目标|项目绩效目标)$/],
];

/* ---------------------------------------------------------------------------------------------
 * Words the rules and the template linter share.
 * ------------------------------------------------------------------------------------------- */

/** An indicator about satisfaction, by its name: 群众满意度, 服务对象满意率. */
export function isSatisfactionName(name: string): boolean {
  return /满意/.test(name);
}

/** What may stand under a satisfaction block: satisfaction, and its measures (认可度, 好评率, 投诉率, 评价, 信任度). */
export const SATISFACTION_MEASURE = /满意|认可|好评|投诉|评价|信任/;

/**
 * Words that make a qualitative target unmeasurable (明显提高, 进一步改善, 较高, 有效): the rules report a
 * target made of them, and the template linter refuses a template whose target text uses them.
 */
export const VAGUE_WORDS = /明显|显著|进一步|较高|较大|较好|较强|有效|大幅|逐步|有所|不断|提高|提升|改善|增强|扩大|降低|加强|良好|保障|有利|积极/;
