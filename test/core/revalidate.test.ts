/**
 * revalidate: after edits on some sheets, re-check only their tables and keep the rest — and get
 * exactly what a full validate of the edited workbook gives, whole-workbook rules included.
 */
import fc from "fast-check";
import { revalidate, validate, type Report, type ValidateOptions } from "../../src/core/engine";
import type { CellValue, Grid } from "../../src/core/grid";
import { loadExampleGrids } from "../helpers/examples";

function edit(grids: Grid[], sheet: string, row: number, col: number, value: CellValue): Grid[] {
  return grids.map((g) => {
    if (g.sheet !== sheet) return g;
    const cells = g.cells.map((r) => [...r]);
    const i = row - g.origin.row;
    const j = col - g.origin.col;
    while (cells.length <= i) cells.push([]);
    while (cells[i].length <= j) cells[i].push(null);
    cells[i][j] = value;
    return { ...g, cells };
  });
}

function comparable(r: Report) {
  return {
    tables: r.tables.map((t) => t.id),
    findings: r.findings.map((f) => [f.key, f.message, f.severity, f.table ?? ""]),
    ignored: r.ignored.map((f) => f.key),
    sheetsWithoutTables: r.sheetsWithoutTables,
  };
}

describe("revalidate gives what validate gives, re-checking only the edited sheets", () => {
  it("seed 002: a placeholder typed into one project's table is found, the other eleven keep their findings", async () => {
    const grids = await loadExampleGrids("seed002.xlsx");
    const before = validate(grids);
    const sheet = grids[2].sheet;
    const target = before.tables.find((t) => t.sheet === sheet)!.indicators[0].value!;
    const after = edit(grids, sheet, target.row, target.col, "n%");
    const again = revalidate(before, after, new Set([sheet]));
    expect(comparable(again)).toEqual(comparable(validate(after)));
    expect(again.findings.some((f) => f.sheet === sheet && f.cell === target.address && f.rule === "placeholder.value")).toBe(true);
    // the unchanged sheets' tables are the very objects of the previous check (not recognised again)
    const kept = again.tables.filter((t) => t.sheet !== sheet);
    expect(kept.every((t) => before.tables.includes(t))).toBe(true);
    expect(again.tables.filter((t) => t.sheet === sheet).every((t) => !before.tables.includes(t))).toBe(true);
  });

  it("whole-workbook rules see the edit: a sheet whose header is broken is reported, with ignored findings kept apart", async () => {
    const grids = await loadExampleGrids("seed002.xlsx");
    const first = validate(grids);
    const ignored = first.findings.filter((f) => f.sheet === grids[5].sheet).map((f) => f.key);
    const options: ValidateOptions = { ignored };
    const before = validate(grids, options);
    const sheet = grids[0].sheet;
    const header = before.tables.find((t) => t.sheet === sheet)!.header!;
    // the header row loses its 三级指标 and 指标值 labels: no table on the sheet any more
    let after = grids;
    for (const col of Object.values(header.columns)) if (typeof col === "number") after = edit(after, sheet, header.row, col, "内容");
    const again = revalidate(before, after, new Set([sheet]), options);
    expect(comparable(again)).toEqual(comparable(validate(after, options)));
    expect(again.sheetsWithoutTables).toContain(sheet);
    expect(again.ignored.map((f) => f.key).sort()).toEqual([...ignored].sort());
  });

  it("random edits on random sheets of seed 000 (one table per sheet)", async () => {
    const grids = await loadExampleGrids("seed000.xlsx");
    const before = validate(grids);
    const values = fc.constantFrom<CellValue>("n%", "≥100%", "", null, "XX", "明显提高", 0, 993.85, "≤20万元", "满意度", "成本指标", "≥90%");
    fc.assert(
      fc.property(
        fc.array(fc.record({ sheet: fc.nat(grids.length - 1), row: fc.nat(40), col: fc.nat(7), value: values }), { minLength: 1, maxLength: 4 }),
        (edits) => {
          let after = grids;
          const changed = new Set<string>();
          for (const e of edits) {
            const g = grids[e.sheet];
            after = edit(after, g.sheet, g.origin.row + e.row, g.origin.col + e.col, e.value);
            changed.add(g.sheet);
          }
          expect(comparable(revalidate(before, after, changed))).toEqual(comparable(validate(after)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
