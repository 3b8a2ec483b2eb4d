/**
 * The indicator frameworks as data (docs/domain.md "Frameworks"; the generated tables: docs/rules.md "Frameworks").
 * Keys are canonical Chinese labels; `names` are the spellings seen in real tables
 * (the 指标 / 目标 suffix is added automatically when matching).
 */
import type { FrameworkId } from "../model";

export interface Level2Def {
  key: string;
  names: string[];
  /** a table that leaves this 二级 without an indicator is incomplete */
  required: boolean;
  en: string;
}

export interface Level1Def {
  key: string;
  names: string[];
  /** the 一级 must carry at least one indicator */
  required: boolean;
  /**
   * a management 一级 (决策, 过程, 投入与目标管理, 影响力, 过程管理): its targets are the qualitative
   * answers 充分 / 规范 / 健全 by design, not vague wording
   */
  management?: true;
  en: string;
  level2: Level2Def[];
}

export interface FrameworkDef {
  id: FrameworkId;
  zh: string;
  en: string;
  source: string;
  level1: Level1Def[];
  /** false for a framework the indicator library writes no templates for (and no new table is made in) */
  library?: false;
}

const l2 = (key: string, en: string, required: boolean, names: string[] = []): Level2Def => ({
  key,
  en,
  required,
  names: [key, ...names],
});

const QUANTITY = (req = true) => l2("数量", "quantity", req);
const QUALITY = (req = true) => l2("质量", "quality", req);
const TIMELINESS = (req = true) => l2("时效", "timeliness", req);
const COST2 = (req = true) => l2("成本", "cost", req);
const ECONOMIC = l2("经济效益", "economic benefit", false);
const SOCIAL = l2("社会效益", "social benefit", false);
const ECOLOGICAL = l2("生态效益", "ecological benefit", false, ["环境效益", "生态环境效益"]);
const SUSTAINABLE = l2("可持续影响", "sustainable impact", false, ["可持续性影响", "可持续发展影响", "可持续发展", "可持续性"]);
const SATISFACTION2 = (req = true) =>
  l2("服务对象满意度", "service-recipient satisfaction", req, ["满意度", "服务对象满意"]);

/**
 * 项目完成指标 is the output 一级 of the older (财预〔2011〕416号 era) forms; 目标完成程度 / 项目实施效益 the two
 * 一级 of forms that group 数量/质量/时效/成本 and the 效益 二级 under those words (大庆 部门预算 form)
 */
const OUTPUT_NAMES = ["产出", "项目完成", "完成", "目标完成程度", "完成程度"];
const BENEFIT_NAMES = ["效益", "效果", "实施效益"];
const SATISFACTION_NAMES = ["满意度"];

export const FRAMEWORKS: readonly FrameworkDef[] = [
  {
    id: "common",
    zh: "通用指标体系（财预〔2015〕88号）",
    en: "Common framework (Cai Yu [2015] No. 88)",
    source: "财预〔2015〕88号",
    level1: [
      {
        key: "产出",
        en: "output",
        names: OUTPUT_NAMES,
        required: true,
        level2: [QUANTITY(), QUALITY(), TIMELINESS(), COST2()],
      },
      {
        key: "效益",
        en: "benefit",
        names: BENEFIT_NAMES,
        required: true,
        level2: [ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE],
      },
      { key: "满意度", en: "satisfaction", names: SATISFACTION_NAMES, required: true, level2: [SATISFACTION2()] },
    ],
  },
  {
    id: "core-2021",
    zh: "共性指标框架（财预〔2021〕101号）",
    en: "Core framework (Cai Yu [2021] No. 101)",
    source: "财预〔2021〕101号",
    level1: [
      {
        key: "成本",
        en: "cost",
        names: ["成本"],
        required: true,
        level2: [
          l2("经济成本", "economic cost", true),
          l2("社会成本", "social cost", false),
          l2("生态环境成本", "ecological cost", false, ["生态成本", "环境成本"]),
        ],
      },
      { key: "产出", en: "output", names: OUTPUT_NAMES, required: true, level2: [QUANTITY(), QUALITY(), TIMELINESS()] },
      {
        key: "效益",
        en: "benefit",
        names: BENEFIT_NAMES,
        required: true,
        level2: [ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE],
      },
      { key: "满意度", en: "satisfaction", names: SATISFACTION_NAMES, required: true, level2: [SATISFACTION2()] },
    ],
  },
  {
    id: "evaluation",
    zh: "评价指标体系（财预〔2020〕10号）",
    en: "Evaluation framework (Cai Yu [2020] No. 10)",
    source: "财预〔2020〕10号",
    level1: [
      {
        key: "决策",
        management: true,
        en: "decision",
        names: ["决策"],
        required: true,
        level2: [
          l2("项目立项", "project approval", true),
          // 项目目标: the Ningxia 自评表's word for it (corpus self-evaluation 08)
          l2("绩效目标", "performance goal", true, ["项目目标"]),
          l2("资金投入", "fund input", true),
        ],
      },
      {
        key: "过程",
        management: true,
        en: "process",
        // 项目管理(25分) for 过程 in provincial 自评表 (corpus self-evaluation 08, with 投入管理 / 财务管理 / 项目实施 under it)
        names: ["过程", "管理", "过程管理", "项目管理"],
        required: true,
        level2: [l2("资金管理", "fund management", true, ["投入管理", "财务管理"]), l2("组织实施", "implementation", true, ["项目实施"])],
      },
      {
        key: "产出",
        en: "output",
        names: OUTPUT_NAMES,
        required: true,
        level2: [QUANTITY(), QUALITY(), TIMELINESS(), COST2()],
      },
      {
        key: "效益",
        en: "benefit",
        names: BENEFIT_NAMES,
        required: true,
        level2: [ECONOMIC, SOCIAL, ECOLOGICAL, SUSTAINABLE],
      },
      { key: "满意度", en: "satisfaction", names: SATISFACTION_NAMES, required: true, level2: [SATISFACTION2()] },
    ],
  },
  {
    id: "four-goal",
    zh: "四目标体系（投入与目标管理/产出/效果/影响力）",
    en: "Four-goal framework (input & management / output / effect / influence)",
    source: "郑州市 2020 年项目支出绩效目标表",
    level1: [
      {
        key: "投入与目标管理",
        management: true,
        en: "input and goal management",
        names: ["投入与目标管理", "投入和目标管理"],
        required: true,
        level2: [
          l2("投入管理", "input management", true),
          l2("财务管理", "financial management", true),
          l2("项目管理", "project management", true),
          l2("资产管理", "asset management", false),
        ],
      },
      {
        key: "产出",
        en: "output",
        names: ["产出"],
        required: true,
        level2: [QUANTITY(), QUALITY(), TIMELINESS(), COST2(false)],
      },
      {
        key: "效益",
        en: "effect",
        names: ["效果", "效益"],
        required: true,
        level2: [ECONOMIC, SOCIAL, ECOLOGICAL, SATISFACTION2()],
      },
      {
        key: "影响力",
        management: true,
        en: "influence",
        names: ["影响力"],
        required: true,
        level2: [
          l2("长效管理", "long-term management", true),
          l2("人力资源", "human resources", false),
          l2("部门协助", "inter-department cooperation", false, ["部门协作", "部门协调"]),
          l2("配套设施", "supporting facilities", false),
          l2("信息共享", "information sharing", false),
          l2("其它", "other", false, ["其他"]),
        ],
      },
    ],
  },
  {
    id: "ndrc-investment",
    zh: "中央预算内投资计划绩效目标（实施效果/过程管理）",
    en: "Central budget investment plan (implementation effect / process management)",
    source: "国家发展改革委 中央预算内投资计划绩效目标表",
    library: false,
    level1: [
      {
        key: "实施效果",
        en: "implementation effect",
        names: ["实施效果"],
        required: true,
        level2: [
          l2("产出", "output", true, []),
          l2("效益", "benefit", false, ["效果"]),
          l2("满意度", "satisfaction", false, ["服务对象满意度"]),
        ],
      },
      {
        key: "过程管理",
        management: true,
        en: "process management",
        names: ["过程管理"],
        required: false,
        level2: [
          l2("计划管理", "plan management", false),
          l2("资金管理", "fund management", false),
          l2("项目管理", "project management", false),
          l2("监督检查", "supervision and inspection", false),
        ],
      },
    ],
  },
];

/** The management 一级 of every framework (决策, 过程, 投入与目标管理, 影响力, 过程管理). */
export const MANAGEMENT_LEVEL1: ReadonlySet<string> = new Set(FRAMEWORKS.flatMap((f) => f.level1.filter((a) => a.management).map((a) => a.key)));

/** The frameworks the indicator library has templates for. */
export const LIBRARY_FRAMEWORKS: readonly FrameworkDef[] = FRAMEWORKS.filter((f) => f.library !== false);

export function frameworkById(id: FrameworkId): FrameworkDef {
  const f = FRAMEWORKS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown framework ${id}`);
  return f;
}
