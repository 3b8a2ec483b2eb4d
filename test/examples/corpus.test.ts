/**
 * The corpus workbooks in examples/corpus/ are what `npm run examples` builds from the TSV
 * files beside them (tools/examples/corpusLayout.ts): one per TSV, one sheet "Sheet1",
 * TSV grid line N on sheet row N and TSV column k in column k, merges where the original
 * table merges, amounts and weights as numbers and every 指标值 as text, and building
 * again gives the same cells.
 */
import { existsSync } from "fs";
import * as path from "path";
import { formatAt, rangeToA1, valueAt, type CellRange, type Grid } from "../../src/core/grid";
import { isDateFormat } from "../../src/core/cellDisplay";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";
import { dateSerial } from "../../tools/examples/cellTyping";
import { CORPUS_SHEET_NAME, corpusTsvFiles, corpusWorkbookSpecs, layoutCorpusTable, readCorpusTsv } from "../../tools/examples/corpusLayout";
import { workbookBytes } from "../../tools/examples/writeWorkbook";
import { CORPUS_DIR, CORPUS_FILES, loadCorpusGrids } from "../helpers/examples";

const F = {
  linyi: "targets/01_shandong_linyi_xiaoxuegongyong.xlsx",
  tianjin: "targets/02_tianjin_district_bingmeifangzhi.xlsx",
  ningjin: "targets/03_hebei_ningjin_gaozhongzhuxuejin.xlsx",
  wugui: "targets/05_chongqing_tongnan_wugui_huizongxiangmuku.xlsx",
  yipin: "targets/07_chongqing_banan_yipin_zhengtimubiao.xlsx",
  mata: "targets/08_sichuan_jingyan_mata_cunzuganbu.xlsx",
  ganzi: "targets/09_sichuan_ganzi_shichangjianguan_shipinanquan.xlsx",
  huangshi: "targets/11_hubei_huangshi_dangxiao_zhutiban.xlsx",
  gansu: "targets/14_gansu_jiayuguan_bowuguan_mianfeikaifang_OCR.xlsx",
  baodi: "targets/15_tianjin_baodi_xuqinfenwu_TRUNCATED.xlsx",
  luan: "targets/17_anhui_luan_nongyenongcun_zhijian_TRUNCATED.xlsx",
  qingshen: "self-evaluation/01_sichuan_qingshen_gongzixingzhichu.xlsx",
  yongde: "self-evaluation/03_yunnan_yongde_minglangzhongxue_yingyang.xlsx",
  sanzhong: "self-evaluation/04_hubei_huangshi_sanzhong_xiaoyuanweixiu.xlsx",
};

async function sheet(file: string): Promise<Grid> {
  const grids = await loadCorpusGrids(file);
  expect(grids).toHaveLength(1);
  return grids[0];
}

function hasMerge(grid: Grid, m: CellRange): boolean {
  return (grid.merges ?? []).some((g) => g.top === m.top && g.left === m.left && g.bottom === m.bottom && g.right === m.right);
}

/** Expect these merges (A1 ranges) on the sheet. */
async function expectMerges(file: string, ranges: string[]): Promise<void> {
  const g = await sheet(file);
  const present = new Set((g.merges ?? []).map(rangeToA1));
  for (const r of ranges) expect([file, r, present.has(r)]).toEqual([file, r, true]);
}

const tsvOf = (xlsx: string): string => xlsx.replace(/\.xlsx$/, ".tsv");

describe("corpus workbooks: files", () => {
  it("keeps the TSV files and the README in the repository", () => {
    expect(existsSync(path.join(CORPUS_DIR, "README.md"))).toBe(true);
    expect(corpusTsvFiles().length).toBeGreaterThanOrEqual(53);
    expect(corpusTsvFiles().filter((f) => f.startsWith("self-evaluation/")).length).toBeGreaterThanOrEqual(15);
    expect(corpusTsvFiles().filter((f) => f.startsWith("monitoring/")).length).toBeGreaterThanOrEqual(1);
  });

  it("has one workbook per TSV, and CORPUS_FILES lists them", () => {
    expect(CORPUS_FILES).toEqual(corpusTsvFiles().map((f) => f.replace(/\.tsv$/, ".xlsx")));
    for (const f of CORPUS_FILES) expect([f, existsSync(path.join(CORPUS_DIR, f))]).toEqual([f, true]);
  });

  it.each(CORPUS_FILES.map((f) => [f]))("%s opens with one sheet named Sheet1", async (f) => {
    const grids = await loadCorpusGrids(f);
    expect(grids.map((g) => g.sheet)).toEqual([CORPUS_SHEET_NAME]);
  });

  it("loadCorpusGrids takes the path with .xlsx, .tsv or no extension", async () => {
    const a = await loadCorpusGrids(F.tianjin);
    expect(await loadCorpusGrids(tsvOf(F.tianjin))).toEqual(a);
    expect(await loadCorpusGrids(F.tianjin.replace(/\.xlsx$/, ""))).toEqual(a);
  });
});

describe("corpus workbooks: TSV line N is sheet row N, column k is column k", () => {
  it.each(CORPUS_FILES.map((f) => [f]))("%s", async (f) => {
    const g = await sheet(f);
    expect(g.origin).toEqual({ row: 1, col: 1 });
    const src = readCorpusTsv(tsvOf(f));
    expect(src.comments[0]).toMatch(/^source: /);
    expect(g.cells.length).toBe(src.lines.length);
    src.lines.forEach((cells, i) => {
      const row = i + 1;
      const width = Math.max(cells.length, g.cells[i]?.length ?? 0);
      for (let col = 1; col <= width; col++) {
        const raw = cells[col - 1] ?? "";
        const v = valueAt(g, row, col);
        if (raw.trim() === "") {
          expect([row, col, v]).toEqual([row, col, null]);
        } else if (typeof v === "number") {
          const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
          const expected = iso ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : Number(raw.trim().replace(/,/g, ""));
          expect([row, col, v]).toEqual([row, col, expected]);
        } else {
          expect([row, col, v]).toEqual([row, col, raw]);
        }
      }
    });
  });

  it("spot checks by row number", async () => {
    const tj = await sheet(F.tianjin);
    expect(valueAt(tj, 14, 4)).toBe("人工成本");
    expect(valueAt(tj, 14, 5)).toBe("≤620万/月");
    const cq = await sheet("targets/04_chongqing_banan_shengdengshan_dangzhibushuji.xlsx");
    expect([1, 2, 3, 4].map((c) => valueAt(cq, 21, c))).toEqual([null, "成本指标", "20万元", "100%"]);
    expect(valueAt(cq, 25, 4)).toBe("≧95%");
    const hb = await sheet(F.huangshi);
    expect(valueAt(hb, 14, 2)).toBe("产出指标"); // where the copy has it, not moved up
    expect(valueAt(hb, 9, 5)).toBe("2021年实际实现值");
  });

  it("keeps the [TRUNCATED…] markers as they are in the TSV", async () => {
    const g = await sheet(F.baodi);
    expect(valueAt(g, 12, 4)).toBe("完工项目县规模养殖场畜禽粪污处理[TRUNCATED]");
    expect(String(valueAt(g, 13, 1))).toMatch(/^\[TRUNCATED: stored copy ends here/);
  });
});

describe("corpus workbooks: merges", () => {
  it("merges the title and the lines above the table across the table width", async () => {
    await expectMerges(F.linyi, ["A1:E1", "A2:E2"]);
    await expectMerges(F.mata, ["A1:L1", "A2:L2"]); // 金额单位:元
    await expectMerges(F.wugui, ["A1:F1", "A2:F2"]); // 表十二, then the title
  });

  it("merges a side label down over the grid", async () => {
    await expectMerges(F.tianjin, ["A6:A17"]);
    await expectMerges(F.wugui, ["A10:A15"]);
    await expectMerges(F.huangshi, ["A8:A22"]); // footer row 23 stays apart
    await expectMerges(F.luan, ["A12:A19"]);
    await expectMerges(F.qingshen, ["A17:A20"]);
    await expectMerges(F.sanzhong, ["A12:A20"]);
  });

  it("merges 一级 and 二级 labels down over their blocks, a 二级 never past its 一级", async () => {
    await expectMerges(F.linyi, ["A10:A13", "A14:A17"]);
    await expectMerges(F.tianjin, ["B7:B14", "B15:B16", "C7:C9", "C11:C13"]);
    await expectMerges(F.ningjin, ["A3:A9", "B4:B5", "B6:B7"]);
    await expectMerges(F.gansu, ["A28:A30", "A31:A33", "A34:A36"]);
    await expectMerges(F.luan, ["B13:B19", "C13:C15", "C16:C18", "F13:F15", "F16:F18"]); // 中期 and 年度 二级
    await expectMerges(F.yongde, ["A14:A17", "A18:A21", "A22:A23", "B22:B23"]);
    await expectMerges(F.baodi, ["B8:B12", "C8:C10", "C11:C12"]);
    const g = await sheet(F.tianjin);
    expect(valueAt(g, 15, 3)).toBe("社会效益指标");
    expect(hasMerge(g, { top: 14, left: 3, bottom: 15, right: 3 })).toBe(false);
  });

  it("merges the label column of a grid header without 三级/指标名称 (一级指标 | 二级指标 | 绩效标准 | …: 二级 labels under 一级, names under 二级)", async () => {
    const f = "targets/36_hubei_ezhou_binhu_bangonglou_OCR_TRUNCATED.xlsx";
    await expectMerges(f, ["A12:A13", "A14:A16", "A17:A18", "A10:D10", "E10:E11"]);
    const g = await sheet(f);
    expect((g.merges ?? []).some((m) => m.left === 2 && m.top >= 12)).toBe(false); // the names, one a row
    const { block } = layoutCorpusTable(readCorpusTsv("targets/36_hubei_ezhou_binhu_bangonglou_OCR_TRUNCATED.tsv"));
    expect([block.headerRow, block.nameColumn, block.gridFirst, block.gridLast]).toEqual([11, 2, 12, 18]);
  });

  it("merges a side label 本年度 绩效指标 down over the grid", async () => {
    await expectMerges("targets/35_hunan_xiangtan_huanwei_wupaoche.xlsx", ["A8:A18", "B9:B13", "B14:B18"]);
  });

  it("merges the project columns of a flat Sichuan export down over the project's rows", async () => {
    await expectMerges(F.mata, ["A5:A12", "B5:B12", "C5:C12", "D5:D12"]);
    const g = await sheet(F.mata);
    expect((g.merges ?? []).some((m) => m.left === 5 || m.left === 6)).toBe(false); // 一级/二级 repeated on every row
  });

  it("merges two-row grid headers as the template does", async () => {
    await expectMerges(F.huangshi, ["E8:F8", "B8:B9", "C8:C9", "D8:D9", "G8:G9"]);
    await expectMerges(F.yongde, ["A12:C12", "D12:F12", "G12:G13", "H12:H13", "I12:I13", "J12:J13"]);
  });

  it("merges header-block labels down over their sub-labels and values right to the edge", async () => {
    await expectMerges(F.linyi, ["A5:A7", "C5:E5", "C6:E6", "C7:E7", "B3:E3", "B8:E8"]);
    await expectMerges(F.tianjin, ["B3:E3", "D4:E4", "B5:E5"]);
    await expectMerges(F.luan, ["A7:A9", "C7:D7", "F7:H7", "A10:A11", "B10:D10", "E10:H10", "B5:D5", "F5:H5"]);
    await expectMerges(F.ganzi, ["D2:G2", "B4:G4"]); // empty values after 项目名称: and 预算执行率权重(%):
  });

  it("keeps the columns of a budget sub-table apart", async () => {
    const g = await sheet(F.yongde);
    // 全年执行数 (column E) is empty in rows 6-7: not swallowed by the amount left of it
    expect(valueAt(g, 6, 5)).toBeNull();
    expect((g.merges ?? []).some((m) => m.top === 6 && m.left === 4 && m.right > 4)).toBe(false);
    await expectMerges(F.yongde, ["A5:A9", "H6:J6"]);
  });

  it("merges 总分 / 合计 labels right up to the score", async () => {
    await expectMerges(F.ningjin, ["A10:E10"]);
    await expectMerges(F.yongde, ["A25:G25"]);
    await expectMerges(F.qingshen, ["B20:H20"]);
  });

  it("never hides a value under a merge, and merges never overlap", async () => {
    for (const f of CORPUS_FILES) {
      const g = await sheet(f);
      const merges = g.merges ?? [];
      for (const m of merges) {
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) expect([f, r, c, valueAt(g, r, c)]).toEqual([f, r, c, null]);
      }
      merges.forEach((a, i) =>
        merges.slice(i + 1).forEach((b) => {
          const overlap = a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
          expect([f, rangeToA1(a), rangeToA1(b), overlap]).toEqual([f, rangeToA1(a), rangeToA1(b), false]);
        }),
      );
    }
  });
});

describe("corpus workbooks: cell types as staff type them", () => {
  it("writes header-block amounts as numbers with the decimals shown", async () => {
    const ly = await sheet(F.linyi);
    expect(valueAt(ly, 5, 3)).toBe(438.768);
    expect(formatAt(ly, 5, 3)).toBe("0.000");
    const tj = await sheet(F.tianjin);
    expect(valueAt(tj, 4, 4)).toBe(5652);
    const mt = await sheet(F.mata);
    expect(valueAt(mt, 4, 3)).toBe(8827620.53);
    expect(formatAt(mt, 4, 3)).toBe("#,##0.00");
    expect(valueAt(mt, 5, 3)).toBe(3309840);
    const qs = await sheet(F.qingshen);
    expect(valueAt(qs, 12, 3)).toBe(238.93);
    expect(valueAt(qs, 12, 6)).toBe("100.00%");
  });

  it("writes ISO dates in the header block as dates, other dates and 万元 amounts as text", async () => {
    const gs = await sheet(F.gansu);
    expect(valueAt(gs, 8, 2)).toBe(dateSerial(2023, 1, 1));
    expect(isDateFormat(formatAt(gs, 8, 2))).toBe(true);
    expect(valueAt(gs, 10, 2)).toBe("20万元");
    expect(valueAt(gs, 11, 2)).toBe(0);
    const hb = await sheet(F.huangshi);
    expect(valueAt(hb, 4, 2)).toBe("164万元");
    const cq = await sheet("targets/04_chongqing_banan_shengdengshan_dangzhibushuji.xlsx");
    expect(valueAt(cq, 7, 2)).toBe("2022年1月1日");
  });

  it("writes weights and scores as numbers", async () => {
    const wg = await sheet(F.wugui);
    expect([11, 12, 13, 14, 15].map((r) => valueAt(wg, r, 3))).toEqual([20, 10, 20, 20, 20]);
    const nj = await sheet(F.ningjin);
    expect(valueAt(nj, 3, 6)).toBe(20);
    expect(valueAt(nj, 10, 6)).toBe(100);
    const yd = await sheet(F.yongde);
    expect([valueAt(yd, 16, 8), valueAt(yd, 16, 9), valueAt(yd, 25, 9)]).toEqual([10, 7, 96]);
  });

  it("keeps every other grid cell as text exactly as written", async () => {
    const nj = await sheet(F.ningjin);
    expect(valueAt(nj, 4, 5)).toBe("2100");
    const yp = await sheet(F.yipin);
    expect(valueAt(yp, 6, 6)).toBe("100");
    const mt = await sheet(F.mata);
    expect(valueAt(mt, 9, 9)).toBe("230");
    for (const f of CORPUS_FILES) {
      const { block } = layoutCorpusTable(readCorpusTsv(tsvOf(f)));
      const g = await sheet(f);
      const header = (c: number): string => {
        for (let r = block.headerTop; r <= block.headerBottom; r++) {
          const v = valueAt(g, r, c);
          if (v !== null) return String(v).replace(/\s/g, "");
        }
        return "";
      };
      for (let r = block.gridFirst; r <= block.gridLast; r++) {
        for (let c = 1; c <= block.width; c++) {
          const v = valueAt(g, r, c);
          if (typeof v === "number") expect([f, r, c, header(c)]).toEqual([f, r, c, expect.stringMatching(/权重|分值|得分|预算数/)]);
          else expect([f, r, c, v === null || typeof v === "string"]).toEqual([f, r, c, true]);
        }
      }
    }
  });
});

describe("corpus workbooks: the build is deterministic", () => {
  it("building again gives identical bytes and the committed files' cells and merges", async () => {
    const specs = corpusWorkbookSpecs();
    expect(specs.map((s) => s.file)).toEqual(CORPUS_FILES.map((f) => `corpus/${f}`));
    for (const spec of specs) {
      const a = await workbookBytes(spec);
      const b = await workbookBytes(spec);
      expect(a.equals(b)).toBe(true);
      const rebuilt = (await readWorkbookGrids(a)).grids;
      expect([spec.file, rebuilt]).toEqual([spec.file, await loadCorpusGrids(spec.file.replace(/^corpus\//, ""))]);
    }
  });
});
