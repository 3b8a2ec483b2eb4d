/**
 * Workbooks for host tests: a target table the way budget staff format it (merged 一级/二级 labels,
 * borders, fills, fonts, percent formats), plus the things Jixiao must never disturb: the user's own
 * conditional formats, comments and notes, a hidden sheet, a protected sheet.
 */
import type { CellValue } from "../../src/core/grid";
import { parseA1 } from "../../src/core/grid";
import { MemoryWorkbook, cellKey, keyCol, keyRow, parseAddress, type CellStyle, type MemorySheet } from "../../src/host/memory/workbook";

const thin = { style: "Continuous", color: "#000000", weight: "Thin" };
const boxed: CellStyle = { borders: { top: thin, bottom: thin, left: thin, right: thin }, font: { name: "宋体", size: 10 } };
const header: CellStyle = { ...boxed, fill: "#D9E1F2", font: { name: "黑体", size: 11, bold: true }, horizontalAlignment: "Center" };

function put(wb: MemoryWorkbook, sheet: MemorySheet, a1: string, value: CellValue, style: CellStyle = boxed, numberFormat?: string): void {
  const { row, col } = parseA1(a1);
  wb.patchCell(sheet, row, col, { value, style, ...(numberFormat ? { numberFormat } : {}) });
}

/** The indicator table of seed 000 (宣传费), rows 1-14, columns A-F. */
export function addTargetTable(wb: MemoryWorkbook, name: string, options: { protected?: boolean } = {}): MemorySheet {
  const s = wb.addSheet({ name, protected: options.protected ?? false });
  put(wb, s, "A1", "宣传费项目绩效目标表", { font: { name: "黑体", size: 14, bold: true }, horizontalAlignment: "Center" });
  wb.merge(s, parseAddress("A1:F1"));
  put(wb, s, "A2", "项目名称", header);
  put(wb, s, "B2", "宣传费");
  wb.merge(s, parseAddress("B2:F2"));
  put(wb, s, "A3", "预算数（万元）", header);
  put(wb, s, "B3", 12.5, boxed, "0.00");
  put(wb, s, "C3", "其中：财政资金", header);
  put(wb, s, "D3", 12.5, boxed, "0.00");
  put(wb, s, "E3", "其他资金", header);
  put(wb, s, "F3", 0, boxed, "0.00");
  const heads = ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "备注"];
  heads.forEach((h, i) => put(wb, s, `${"ABCDEF"[i]}5`, h, header));
  const rows: CellValue[][] = [
    ["产出指标", "数量指标", "公积金制度等宣传次数", "≥9", "次", null],
    [null, null, "宣传资料发放份数", "≥5000", "份", null],
    [null, "质量指标", "宣传内容准确率", 1, null, null],
    [null, "时效指标", "宣传完成及时率", 0.95, null, null],
    ["效益指标", "社会效益指标", "政策知晓率", "提高", null, null],
    [null, null, "缴存职工覆盖率", 0.93, null, null],
    ["满意度指标", "服务对象满意度指标", "缴存职工满意度", "≥90%", null, null],
    ["成本指标", "经济成本指标", "宣传费", 12.5, "万元", null],
  ];
  rows.forEach((line, i) =>
    line.forEach((v, j) => {
      const a1 = `${"ABCDEF"[j]}${6 + i}`;
      const pct = j === 3 && typeof v === "number" && v <= 1;
      put(wb, s, a1, v, j < 2 ? { ...boxed, verticalAlignment: "Center" } : boxed, pct ? "0%" : undefined);
    }),
  );
  wb.merge(s, parseAddress("A6:A9"));
  wb.merge(s, parseAddress("B6:B7"));
  wb.merge(s, parseAddress("A10:A11"));
  wb.merge(s, parseAddress("B10:B11"));
  // the user's own conditional format over the target values, and a data bar
  wb.addConditionalFormat(s, {
    type: "CellValue",
    ranges: [parseAddress("D6:D13")],
    rule: { formula1: "1", operator: "GreaterThan" },
    format: { fill: "#FF0000", fontColor: "#FFFFFF" },
    stopIfTrue: false,
  });
  wb.addConditionalFormat(s, { type: "DataBar", ranges: [parseAddress("B3")], format: {}, stopIfTrue: false });
  s.comments.set(cellKeyOf("D6"), { author: "审核人", text: "次数偏少，请核实" });
  s.notes.set(cellKeyOf("C13"), { author: "编制人", text: "含印刷与投放" });
  return s;
}

function cellKeyOf(a1: string): number {
  const { row, col } = parseA1(a1);
  return cellKey(row, col);
}

/** A workbook with the target table, a notes sheet and a hidden lookup sheet. */
export function sampleWorkbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  addTargetTable(wb, "绩效目标表");
  const notes = wb.addSheet("填报说明");
  put(wb, notes, "A1", "请按单位填报", {});
  const hidden = wb.addSheet({ name: "Lists", visibility: "hidden" });
  put(wb, hidden, "A1", "产出指标", {});
  wb.settings.set("other.addin", { keep: true });
  return wb;
}

/** `n` sheets, each holding a target table. */
export function manySheets(n: number): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  for (let i = 1; i <= n; i++) addTargetTable(wb, `项目${i}`);
  return wb;
}

/**
 * One sheet holding `count` copies of the target table stacked one below the other (a departmental
 * compilation), 15 rows apart: 6 merged areas each, so 86 tables pass Excel's 512-area limit.
 */
export function stackedTables(count: number, name = "汇总"): MemoryWorkbook {
  const scratch = new MemoryWorkbook();
  const table = addTargetTable(scratch, "t");
  const wb = new MemoryWorkbook();
  const s = wb.addSheet(name);
  for (let t = 0; t < count; t++) {
    const offset = t * 15;
    for (const [key, cell] of table.cells) {
      const row = keyRow(key);
      const col = keyCol(key);
      wb.patchCell(s, row + offset, col, { ...cell, value: typeof cell.value === "string" && row === 2 && col === 2 ? `宣传费${t + 1}` : cell.value });
    }
    for (const m of table.merges) wb.merge(s, { top: m.top + offset, bottom: m.bottom + offset, left: m.left, right: m.right });
  }
  return wb;
}
