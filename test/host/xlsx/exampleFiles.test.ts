/** The reader on the real example workbooks of examples/ (built from the seeds). */
import { readFileSync } from "fs";
import { formatAt, gridColumnCount, valueAt } from "../../../src/core/grid";
import { isDateFormat, isPercentFormat, textAt } from "../../../src/core/cellDisplay";
import { readWorkbookGrids } from "../../../src/host/xlsx/readWorkbook";
import { exampleTablesIn } from "../../../tools/examples/seedTables";
import { EXAMPLE_FILES, examplePath } from "../../helpers/examples";

describe.each(EXAMPLE_FILES)("reading %s", (file) => {
  it("gives one visible grid per sheet, sized to its content, with parallel number formats", async () => {
    const { grids, sheets } = await readWorkbookGrids(readFileSync(examplePath(file)));
    expect(sheets.every((s) => s.visibility === "visible")).toBe(true);
    const tables = exampleTablesIn(file);
    for (const g of grids) {
      const onSheet = tables.filter((t) => t.sheet === g.sheet);
      expect(g.origin).toEqual({ row: 1, col: 1 });
      expect(g.cells.length).toBe(Math.max(...onSheet.map((t) => t.lastRow)));
      expect(gridColumnCount(g)).toBeLessThanOrEqual(Math.max(8, ...onSheet.map((t) => t.width)));
      expect(g.numberFormats?.length).toBe(g.cells.length);
      g.cells.forEach((row, i) => expect(g.numberFormats?.[i].length).toBe(row.length));
      expect(g.merges?.length).toBeGreaterThan(0);
    }
  });
});

describe("reading example values", () => {
  it("reads spending-plan percentages as fractions with a % format", async () => {
    const { grids } = await readWorkbookGrids(readFileSync(examplePath("seed000.xlsx")));
    const g = grids[0];
    expect(valueAt(g, 6, 2)).toBe(0.1);
    expect(isPercentFormat(formatAt(g, 6, 2))).toBe(true);
    expect(textAt(g, 6, 2)).toBe("10%");
  });

  it("reads 开始时间 as a date serial that displays as the date typed", async () => {
    const { grids } = await readWorkbookGrids(readFileSync(examplePath("seed002.xlsx")));
    const g = grids[0];
    expect(valueAt(g, 7, 1)).toBe("开始时间");
    expect(valueAt(g, 7, 2)).toBe(43831);
    expect(isDateFormat(formatAt(g, 7, 2))).toBe(true);
    expect(textAt(g, 7, 4)).toBe("2020-12-31");
  });
});
