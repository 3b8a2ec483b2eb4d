/**
 * fast-check arbitraries for the robustness suite: cell values, sheets and workbooks built from
 * the vocabulary of the seed tables (so that target tables are actually found), mixed with noise
 * (random unicode, huge numbers, booleans, errors, full-width digits, markup, very long text).
 */
import fc from "fast-check";
import type { CellRange, CellValue, Grid } from "../../src/core/grid";
import { knownLabelSpellings } from "../../src/core/frameworks/labels";

/** Header words of the indicator grid (docs/domain.md "Reading the grid"), as people type them. */
export const HEADER_WORDS = [
  "一级指标", "二级指标", "三级指标", "一级 指标", "二级绩效指标", "指标名称", "绩效指标", "具体指标",
  "指标值", "全年（程）指标值", "半年（程）指标值", "年度指标值", "目标值", "计划目标值", "半年度目标值",
  "计量单位", "单位", "运算符号", "指标方向", "权重", "分值", "指标值确定依据", "取值依据", "评分标准",
  "绩效指标描述", "指标解释", "指标说明",
];

/** The header block above the grid. */
export const BLOCK_WORDS = [
  "项目名称", "项目编码", "主管部门", "实施单位", "项目类型", "预算数", "资金总额", "预算数（万元）", "项目资金 (万元)",
  "财政资金", "财政拨款", "其中：财政拨款", "一般公共预算资金", "政府性基金预算资金", "其他资金", "上年结转资金",
  "全年（程） 预算数", "半年（程） 计划执行数(万元)", "本年度预算", "资金支出计划", "3月", "6月底", "9月", "12月",
  "第一季度", "第四季度末", "绩效目标", "年度目标", "中长期目标", "项目实施计划", "项目概况", "单位：万元", "（元）",
  "开始时间", "完成时间", "2022年度项目支出绩效目标申报表", "项目支出绩效目标表", "绩效目标申报表",
  "注：本表金额单位为万元", "说明：指标值须量化", "备注",
];

/** Indicator names and target values from the seeds, with their real mistakes. */
export const INDICATOR_WORDS = [
  "立项依据充分性", "资金到位率", "预算执行率", "资金使用合规性", "服务对象满意度", "办事群众满意度", "缴存职工满意度",
  "会议人均经费", "培训人均经费", "工作服人均购置标准", "全中心物业费总成本", "综合服务平台外包人均成本",
  "设备完好率", "系统正常运行率", "按时完成率", "完成及时性", "游客人数增长率", "社会效益", "可持续影响",
  "经济成本", "社会成本", "生态环境成本", "合格率", "覆盖人数", "培训人次", "验收合格率",
];

export const VALUE_WORDS = [
  "≥90%", "=100%", "≤300元/人*天", "=6.03万元/年", "≥62.01万元", "≤5万元", "100%", "90%", "95%以上", "≥ 90 %",
  "$\\geq 90\\%$", "＞＝９０％", "≧95%", "1,003.82", "１，００３．８２", "12210000.00", "25", "0", "-5", "120%", "110％",
  "XX", "xx%", "n", "待定", "—", "/", "无", "充分", "规范", "合理", "明确", "有效", "较好", "逐步提高", "显著提升",
  "2020年12月31日", "2020-12-31", "2022年", "12月底前", "1-12月", "序时进度", "≥1000人次", "≤20天", "=80元/笔",
  "≥0万元", "≤3200元/套", "≥187.26万元", "<p>≥90%</p>", "约100人", "90-95%", "90 95", "1e308", "0.0000001",
  "三个月", "一年", "100万", "2亿元", "=1.146万元", "≤", "%", "万元", "#REF!", "#N/A", "#DIV/0!", "#VALUE!",
];

export const ALL_WORDS = [...HEADER_WORDS, ...BLOCK_WORDS, ...INDICATOR_WORDS, ...VALUE_WORDS, ...knownLabelSpellings()];

/** Text that is not from the vocabulary: unicode of every kind, markup, control characters, long runs. */
export const noiseText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom("", " ", "\u3000", "\n", "\t\r\n", "\u0000", "\ufeff", "\u200b", "𠀀𠀁", "👍🏽", "<b>", "</p><p>", "=SUM(A1:A3)", "'", "''", "\\", "$", "{0}"),
  fc.tuple(fc.constantFrom("9", "９", "万", "%", "≥", "a", " ", "<p>", "，"), fc.integer({ min: 1, max: 2000 })).map(([s, n]) => s.repeat(n)),
);

/** A word from the vocabulary, sometimes decorated (spaces, full width, markup, numbering). */
export const vocabularyText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...ALL_WORDS), fc.constantFrom("", "", "", " ", "：", "1.", "<p>", "\n", "（万元）", "*"), fc.boolean())
  .map(([w, deco, before]) => (before ? deco + w : w + deco));

export const numberValue: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.1, 0.25, 1, 1.5, 100, 1003.82, 43830, 2958465, 2958466, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER),
);

/** Any value Office.js or exceljs could hand over (errors arrive as their text). */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: vocabularyText },
  { weight: 2, arbitrary: noiseText },
  { weight: 2, arbitrary: numberValue },
  { weight: 1, arbitrary: fc.boolean() },
);

/** Values a reader would never produce but a plug-in or a broken host might: NaN, ±Infinity. */
export const hostileCellValue: fc.Arbitrary<CellValue> = fc.oneof(cellValue, fc.constantFrom(NaN, Infinity, -Infinity));

export const numberFormat: fc.Arbitrary<string | null> = fc.constantFrom(null, null, null, "0%", "0.00%", "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "@", "#,##0.00", "0.00", "General", "[$-804]yyyy年m月", "\"%\"0");

/** A table-like block: optional title and header block, a header row of 3–8 header words, then rows. */
const tableRows = (maxRows: number): fc.Arbitrary<CellValue[][]> =>
  fc
    .record({
      title: fc.option(fc.constantFrom("2022年度项目支出绩效目标申报表", "项目支出绩效目标表", "绩效目标表"), { nil: undefined }),
      block: fc.array(fc.array(fc.oneof(fc.constantFrom(...BLOCK_WORDS), cellValue), { maxLength: 6 }), { maxLength: 4 }),
      header: fc.shuffledSubarray(HEADER_WORDS, { minLength: 1, maxLength: 6 }),
      body: fc.array(
        fc.array(
          fc.oneof(
            { weight: 2, arbitrary: fc.constantFrom(...knownLabelSpellings()) },
            { weight: 2, arbitrary: fc.constantFrom(...INDICATOR_WORDS) },
            { weight: 3, arbitrary: fc.constantFrom(...VALUE_WORDS) },
            { weight: 3, arbitrary: cellValue },
          ),
          { maxLength: 8 },
        ),
        { maxLength: maxRows },
      ),
    })
    .map(({ title, block, header, body }) => {
      // a usable header needs a name column and a value column; add them half the time at random places
      const row = [...header];
      if (!row.some((w) => /一级|三级|指标名称|绩效指标|具体指标/.test(w))) row.unshift("三级指标");
      if (!row.some((w) => /指标值|目标值/.test(w))) row.push("指标值");
      return [...(title ? [[title]] : []), ...block, row, ...body];
    });

/** Build a grid: table blocks stacked (and sometimes side by side), plus noise rows, random origin. */
export function gridArbitrary(sheet: fc.Arbitrary<string>, opts: { maxTables?: number; maxRows?: number; hostile?: boolean } = {}): fc.Arbitrary<Grid> {
  const value = opts.hostile ? hostileCellValue : cellValue;
  return fc
    .record({
      sheet,
      origin: fc.record({ row: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1_048_000 })), col: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 16_000 })) }),
      tables: fc.array(tableRows(opts.maxRows ?? 12), { maxLength: opts.maxTables ?? 3 }),
      sideBySide: fc.boolean(),
      noise: fc.array(fc.array(value, { maxLength: 10 }), { maxLength: 6 }),
      noiseAt: fc.nat(),
      ragged: fc.boolean(),
      formats: fc.array(fc.tuple(fc.nat(), fc.nat(), numberFormat), { maxLength: 12 }),
      merges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 6 }),
    })
    .map(({ sheet, origin, tables, sideBySide, noise, noiseAt, ragged, formats, merges }) => {
      let rows: CellValue[][] = [];
      if (sideBySide && tables.length >= 2) {
        const [a, b, ...rest] = tables;
        const width = Math.max(1, ...a.map((r) => r.length)) + 1;
        const h = Math.max(a.length, b.length);
        for (let i = 0; i < h; i++) {
          const left = (a[i] ?? []).slice();
          while (left.length < width) left.push(null);
          rows.push([...left, ...(b[i] ?? [])]);
        }
        for (const t of rest) rows.push([], ...t);
      } else {
        for (const t of tables) rows.push(...t, []);
      }
      const at = rows.length ? noiseAt % (rows.length + 1) : 0;
      rows.splice(at, 0, ...noise);
      // keep origin + size inside the sheet
      const width = Math.max(0, ...rows.map((r) => r.length));
      const row0 = Math.min(origin.row, Math.max(1, 1_048_576 - rows.length + 1));
      const col0 = Math.min(origin.col, Math.max(1, 16_384 - width + 1));
      if (!ragged) rows = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
      const grid: Grid = { sheet, origin: { row: row0, col: col0 }, cells: rows };
      if (rows.length && width) {
        const numberFormats: (string | null)[][] = rows.map((r) => r.map(() => null));
        for (const [i, j, f] of formats) {
          const r = numberFormats[i % rows.length];
          if (r.length) r[j % r.length] = f;
        }
        grid.numberFormats = numberFormats;
        const ms: CellRange[] = [];
        for (const [i, j, h, w] of merges) {
          const top = row0 + (i % rows.length);
          const left = col0 + (j % width);
          // merges may reach past the grid (Excel's used range ignores empty merged cells)
          ms.push({ top, left, bottom: top + h, right: left + w });
        }
        grid.merges = ms;
      }
      return grid;
    });
}

export const sheetName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("Sheet1", "表1", "项目支出绩效目标表", "O'Brien's", "a b", "'quoted'", "附表 2（续）", "预算-2022", "Sheet (2)"),
  fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s) && s.trim() === s && s.length > 0),
);

/** A workbook: 1–4 grids with distinct sheet names (Excel compares names case-insensitively). */
export function workbookArbitrary(opts: { maxSheets?: number; maxTables?: number; maxRows?: number; hostile?: boolean } = {}): fc.Arbitrary<Grid[]> {
  return fc
    .uniqueArray(sheetName, { minLength: 1, maxLength: opts.maxSheets ?? 4, selector: (s) => s.toLowerCase() })
    .chain((names) => fc.tuple(...names.map((n) => gridArbitrary(fc.constant(n), opts))));
}
