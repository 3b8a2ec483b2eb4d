/**
 * TARGET FOR THE REWRITTEN READER: what is read from every indicator row of the 30 seed tables.
 *
 * test/fixtures/seed-reading.json is the hand-checked truth, one entry per table in the order of
 * test/fixtures/seed-recognition.json (seed000-stacked.xlsx 17, seed001.xlsx 1, seed002.xlsx 12).
 * For every indicator row it pins the sheet row, the 一级 and 二级 label texts in force for that row
 * (as written, continued down through blank and merged cells), the 三级 name, the target value as
 * displayed and, for seed 001's 半年/全年 columns, the half-year value (`value` is the 全年 text).
 *
 * It was checked against examples/seeds/*.txt and the workbook cells, not copied from a reader.
 * Where a seed row is shifted or a label sits in the wrong column, the entry's `notes` says what
 * was read as meant (the label's meaning in force; name and value where they actually are).
 * Do not edit the fixture to make a reader pass: fix the reader, or, if the truth is wrong,
 * correct it with a reason from the seed text.
 */
import { recognizeWorkbook } from "../../src/core/recognize";
import type { IndicatorRow, TargetTable } from "../../src/core/model";
import { loadExampleGrids } from "../helpers/examples";
import expected from "../fixtures/seed-reading.json";

type Expected = (typeof expected)[number];

interface Reading {
  row: number;
  level1: string | null;
  level2: string | null;
  name: string | null;
  value: string | null;
  half: string | null;
}

function readingOf(x: IndicatorRow): Reading {
  return {
    row: x.row,
    level1: x.level1?.text ?? null,
    level2: x.level2?.text ?? null,
    name: x.name?.text ?? null,
    value: x.value?.text ?? null,
    half: x.halfValue?.text ?? null,
  };
}

function expectedReading(e: Expected["indicators"][number]): Reading {
  return {
    row: e.row,
    level1: e.level1 ?? null,
    level2: e.level2 ?? null,
    name: e.name ?? null,
    value: e.value ?? null,
    half: "half" in e && typeof e.half === "string" ? e.half : null,
  };
}

describe("target: reading every indicator row of the 30 seed tables (seed-reading.json)", () => {
  let actual: { file: string; t: TargetTable }[] = [];
  beforeAll(async () => {
    actual = [];
    for (const file of ["seed000-stacked.xlsx", "seed001.xlsx", "seed002.xlsx"]) {
      for (const t of recognizeWorkbook(await loadExampleGrids(file))) actual.push({ file, t });
    }
  });

  it("has one expectation per table, 17 + 1 + 12, in reading order", () => {
    expect(expected).toHaveLength(30);
    expect(actual.map((a) => [a.file, a.t.sheet, a.t.rangeA1])).toEqual(expected.map((e) => [e.file, e.sheet, e.range]));
  });

  it.each(expected.map((e, i) => [i + 1, e.project, e] as [number, string, Expected]))("table %i %s", (i, _name, e) => {
    const { t } = actual[i - 1];
    expect({ sheet: t.sheet, range: t.rangeA1, project: t.projectName?.text }).toEqual({ sheet: e.sheet, range: e.range, project: e.project });
    expect(t.indicators.map(readingOf)).toEqual(e.indicators.map(expectedReading));
  });
});
