/**
 * Reading the corpus (examples/corpus/targets: real tables from 12 provinces, built into .xlsx with
 * their merged cells): for every table, every field of the hand-written expectation in
 * test/fixtures/corpus-reading.json — project, title, goal, money unit, budget figures, framework,
 * header row, and each indicator row's 一级, 二级, name and value (operator and unit where they
 * have columns of their own). `npx ts-node --transpile-only tools/corpusScore.ts` prints the score.
 *
 * The tables of blind rounds 4 (targets 35-37, self-evaluation 12-13, monitoring 01) and 5
 * (self-evaluation 14-15) are held to their blind expectations too; what the reader still misreads
 * in them is listed in KNOWN_MISSES (nothing in round 5's).
 */
import { checkFile, checkSelfEvalFile, EXPECTATIONS, SELF_EVAL_EXPECTATIONS, tablesOf, type Check } from "../../tools/corpusScore";
import { CORPUS_FILES } from "../helpers/examples";

const misses = (checks: Check[]) => checks.filter((c) => !c.ok).map((c) => `${c.what}: expected ${JSON.stringify(c.expected)}, read ${JSON.stringify(c.actual)}`);

/**
 * Blind round 4: the fields the reader still misreads, file by file, each with its general cause
 * (examples/corpus/README.md, the tables' notes in the fixtures). Exactly these: any other miss
 * fails, and so does a listed file with no miss left — a fix that reads them takes its entry out.
 */
const KNOWN_MISSES: Record<string, RegExp> = {
  // 该项目支出上级资金 0 is taken as the fiscal part of the total (the blind expectation has no fiscal money)
  "targets/35_hunan_xiangtan_huanwei_wupaoche.tsv": /^table 1 budget\.fiscal:/,
  // blind round 6: read as the common framework — its 二级 are the common ones (数量/质量/时效/成本, 社会效益, 可持续影响),
  // its 一级 目标完成程度 / 项目实施效益 the lexicon's words for 产出 / 效益; the blind expectation says "other" (no 产出/效益 words)
  "targets/38_heilongjiang_daqing_tushuguan_yuedutuiguang_TEMPLATE.tsv": /^table 1 framework:/,
  // blind round 6: read as common (二级 数量/质量/时效/成本/社会效益 目标, 投入 the one 一级 it does not know); the expectation says
  // "other" (时效/成本 under 投入). Its goal is the 项目总体绩效目标(长期目标), taken when no year's goal is given (docs/domain.md); the expectation has none
  "targets/39_unnamed_fanben_gongce_tishenggaizao_TEMPLATE.tsv": /^table 1 (framework|goal):/,
  // 单位自筹 0 is counted as 其他资金 (the 其他资金 row is empty)
  "targets/37_shanxi_yongji_wenwubaohu_OCR_TRUNCATED.tsv": /^table 1 budget\.other:/,
  // no 项目名称 field: 单位名称 (the department) is taken as the project; 年初预算资金总额, the only budget column (beside 实际投入资金额), is read as 年初 and not as the year's budget
  "self-evaluation/13_hunan_nanyue_minzongju_zhonglieci_TRUNCATED.tsv": /^table 1 (project|execution\.(initial|budget)):/,
};

/** The misses not listed for the file; and a listed file must still have one (else its entry goes). */
function expectOnlyKnownMisses(file: string, checks: Check[], known: RegExp | undefined): void {
  const all = misses(checks);
  expect(all.filter((m) => !known?.test(m))).toEqual([]);
  if (known) expect([file, all.length > 0 ? "misses left" : "no miss left: take its KNOWN_MISSES entry out"]).toEqual([file, "misses left"]);
}

describe("reading the corpus tables", () => {
  it("has an expectation for every target table of the corpus", () => {
    expect(EXPECTATIONS.map((e) => e.file)).toEqual(CORPUS_FILES.filter((f) => f.startsWith("targets/")).map((f) => f.replace(/\.xlsx$/, ".tsv")));
    expect(EXPECTATIONS.length).toBeGreaterThanOrEqual(37);
  });

  it.each(EXPECTATIONS.map((e) => [e.file, e] as const))("%s reads as expected", async (file, e) => {
    const checks = checkFile(e, await tablesOf(e.file));
    expect(checks.length).toBeGreaterThan(10);
    expectOnlyKnownMisses(file, checks, KNOWN_MISSES[file]);
  });
});

/**
 * The self-evaluation tables written blind in test/fixtures/corpus-selfeval-reading.json. What a scan's
 * text recognition garbled in a header beyond reading is listed, with the garbled word; everything
 * else must read as expected (a fix that reads more fails here too: take the entry out).
 */
const GARBLED: Record<string, RegExp> = {
  // the actual column's header reads 年成值全完值 (全年完成值 scrambled)
  "self-evaluation/07_chongqing_kexuecheng_rongmeiti_zhengti_OCR_TRUNCATED.tsv": /^table 1 row \d+ actual:/,
  // 万兀 for 万元; 考值参分 for 参考分值 (the weight column); 指标L for 指标1 (an unused template row)
  "self-evaluation/08_ningxia_yinchuan_liuzhong_gongyongjingfei_OCR_TRUNCATED.tsv": /^table 1 (moneyUnit|indicator rows|row \d+ weight):/,
};

describe("reading the corpus self-evaluation and monitoring tables", () => {
  it("has an expectation for every monitoring table of the corpus", () => {
    const monitoring = CORPUS_FILES.filter((f) => f.startsWith("monitoring/")).map((f) => f.replace(/\.xlsx$/, ".tsv"));
    expect(monitoring.length).toBeGreaterThanOrEqual(1);
    expect(SELF_EVAL_EXPECTATIONS.map((e) => e.file).filter((f) => f.startsWith("monitoring/"))).toEqual(monitoring);
  });

  it.each(SELF_EVAL_EXPECTATIONS.map((e) => [e.file, e] as const))("%s reads as expected", async (file, e) => {
    const checks = checkSelfEvalFile(e, await tablesOf(e.file));
    // a monitoring table's indicators give level1, level2, name and value only
    expect(checks.length).toBeGreaterThan(file.startsWith("monitoring/") ? 10 : 30);
    const garbled = GARBLED[file];
    expectOnlyKnownMisses(file, checks.filter((c) => c.ok || !garbled?.test(`${c.what}:`)), KNOWN_MISSES[file]);
    if (garbled) expect(misses(checks).length).toBeGreaterThan(0);
  });

  it("lists in KNOWN_MISSES only files of the corpus expectations", () => {
    const files = [...EXPECTATIONS, ...SELF_EVAL_EXPECTATIONS].map((e) => e.file);
    for (const f of Object.keys(KNOWN_MISSES)) expect([f, files.includes(f)]).toEqual([f, true]);
  });
});
