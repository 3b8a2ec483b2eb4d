/**
 * A small domain lexicon for relevance: words that belong to a field of work. An indicator that
 * uses a domain's words in a project whose texts never mention that domain is likely pasted from
 * another project's template (游客人数增长率 in an IT-maintenance project).
 */
import { memoize } from "../memo";

export interface Domain {
  id: string;
  zh: string;
  en: string;
  /** words distinctive enough that their presence places an indicator in the domain */
  words: string[];
  /**
   * broader words by which a project's name, department or purpose says it works in the domain (a
   * 党校 training project speaks of 党校 and 教育, not of 课时): they never place an indicator there
   */
  context: string[];
}

export const DOMAINS: readonly Domain[] = [
  { id: "tourism", zh: "旅游", en: "tourism", words: ["游客", "旅游", "景区", "景点", "门票", "客流", "接待人次", "民宿"], context: ["文旅", "文化旅游"] },
  { id: "commerce", zh: "商贸", en: "commerce", words: ["商业活动", "销售收入", "销售额", "营业收入", "招商", "商户", "营业额", "交易额"], context: ["商贸", "商务", "消费", "市场监管"] },
  {
    id: "agriculture",
    zh: "农业",
    en: "agriculture",
    words: ["农作物", "亩产", "种植", "养殖", "畜禽", "农田", "灌溉", "农户增收", "耕地", "粮食产量"],
    context: ["农业", "农村", "畜牧", "农产品", "粮食", "农田", "养殖", "种植", "乡村振兴"],
  },
  {
    id: "education",
    zh: "教育",
    en: "education",
    words: ["学生", "学校", "教师", "课时", "入学率", "升学", "教育系统", "在校生", "毕业生"],
    context: ["教育", "教学", "党校", "助学", "学校", "学生", "校园", "小学", "中学", "高中", "幼儿园", "义务教育"],
  },
  {
    id: "health",
    zh: "卫生健康",
    en: "health",
    words: ["患者", "诊疗", "病床", "门诊", "住院", "疫苗", "卫生系统", "医疗机构", "就诊"],
    context: ["卫生", "医疗", "医院", "疾病", "健康", "疫情", "防疫", "免疫", "传染病"],
  },
  { id: "energy", zh: "节能", en: "energy saving", words: ["能耗", "节能", "碳排放", "用电量", "单位建筑面积能耗"], context: ["能源", "节约"] },
  {
    id: "water",
    zh: "水利",
    en: "water works",
    words: ["堤防", "护岸", "河道治理", "水库", "灌区", "节水改造", "饮水工程", "供水工程", "防洪"],
    context: ["水利", "饮水", "供水", "河流", "水库", "灌区", "防洪", "水毁", "河道"],
  },
  { id: "transport", zh: "交通", en: "transport", words: ["公路里程", "通车", "客运量", "货运量", "公交", "路面硬化", "路面维修"], context: ["交通", "公路", "道路", "运输"] },
  {
    id: "environment",
    zh: "生态环境",
    en: "environment",
    words: ["空气质量", "PM2.5", "污水处理", "垃圾处理", "水质达标", "植被", "森林覆盖率"],
    context: ["生态", "环境", "环保", "污染", "林场", "造林", "森林", "涵养林", "绿化", "水源", "垃圾", "环卫"],
  },
  {
    id: "culture",
    zh: "文化体育",
    en: "culture and sport",
    words: ["演出", "观众", "图书借阅", "文物", "赛事", "健身"],
    context: ["文化", "文物", "博物馆", "纪念馆", "图书馆", "体育", "赛事", "演出", "送戏", "非遗"],
  },
];

/** The longest word of a domain found in a text (0 when none). */
function matchLength(d: Domain, text: string): number {
  return Math.max(0, ...d.words.filter((w) => text.includes(w)).map((w) => w.length));
}

/**
 * The domains an indicator name belongs to, the most specific first: "教育系统单位建筑面积能耗增幅"
 * is about energy (单位建筑面积能耗) in the education system, not about education.
 */
export function domainsOf(text: string): readonly Domain[] {
  return domainMemo(text);
}

/** Indicator names recur in every table of a batch: their domains, worked out once (issue 7). */
const domainMemo = memoize(findDomains, { capacity: 20_000, maxKeyLength: 100 });

function findDomains(text: string): readonly Domain[] {
  return DOMAINS.map((d) => ({ d, n: matchLength(d, text) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((x) => x.d);
}
