/** Small pure pieces of the pane and the playground: texts, settings, theme, and the sheet drawing. */
import { validate } from "../../src/core/engine";
import { CATEGORIES } from "../../src/core/finding";
import { RULES } from "../../src/core/rules";
import { MemoryHost } from "../../src/host/memory";
import { marksFromFindings } from "../../src/host/types";
import { cssColor, drawSheet, edgeBorders, styleToCss } from "../../src/playground/drawnSheet";
import { CATEGORY_NAMES, MESSAGES, langFromLocale, t, type MessageKey } from "../../src/taskpane/i18n";
import { isRuleEnabled, setRuleEnabled } from "../../src/taskpane/state/settings";
import { themeFromBackground } from "../../src/taskpane/theme";
import { loadExampleGrids } from "../helpers/examples";

describe("i18n", () => {
  it("has every text in both languages, non-empty, with the same placeholders", () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    const keys = Object.keys(MESSAGES.zh) as MessageKey[];
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect([k, MESSAGES.en[k].trim() !== "", MESSAGES.zh[k].trim() !== ""]).toEqual([k, true, true]);
      expect([k, holes(MESSAGES.en[k])]).toEqual([k, holes(MESSAGES.zh[k])]);
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("zh", "summary.error", { n: 3 })).toBe("错误 3");
    expect(t("en", "summary.error", { n: 3 })).toBe("3 errors");
    expect(t("en", "nav.position", { i: 1 })).toBe("1 of {n}");
  });

  it("says one in the singular in English (1 error, 1 table; 11 tables on 11 other sheets)", () => {
    expect(t("en", "summary.error", { n: 1 })).toBe("1 error");
    expect(t("en", "summary.tables", { n: 1 })).toBe("1 table");
    expect(t("en", "summary.tablesList", { n: 1 })).toBe("1 table found");
    expect(t("en", "scope.moreElsewhere", { n: 1, sheets: 1 })).toBe("1 more table on 1 other sheet was not checked.");
    expect(t("en", "scope.moreElsewhere", { n: 11, sheets: 11 })).toBe("11 more tables on 11 other sheets were not checked.");
    expect(t("en", "templates.inserted", { n: 1, sheet: "S" })).toBe("1 row inserted on sheet S.");
  });

  it("names every category in both languages", () => {
    for (const c of CATEGORIES) {
      expect(CATEGORY_NAMES[c].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(CATEGORY_NAMES[c].en).toMatch(/^[A-Z]/);
    }
  });

  it("follows Office's display language: English for en-*, Chinese otherwise", () => {
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("en-GB")).toBe("en");
    expect(langFromLocale("zh-CN")).toBe("zh");
    expect(langFromLocale("zh-TW")).toBe("zh");
    expect(langFromLocale(undefined)).toBe("zh");
    expect(langFromLocale("fr-FR")).toBe("zh");
  });
});

describe("theme", () => {
  it("is dark on Office's dark backgrounds", () => {
    expect(themeFromBackground("#FFFFFF")).toBe("light");
    expect(themeFromBackground("#E6E6E6")).toBe("light");
    expect(themeFromBackground("#262626")).toBe("dark");
    expect(themeFromBackground("#000000")).toBe("dark");
    expect(themeFromBackground("")).toBe("light");
    expect(themeFromBackground("nonsense")).toBe("light");
  });
});

describe("rules on/off", () => {
  const ids = ["vague.qualitative", "vague.satisfaction", "cost.direction"];

  it("reads rule ids and families like the engine", () => {
    expect(isRuleEnabled([], "vague.qualitative")).toBe(true);
    expect(isRuleEnabled(["vague"], "vague.qualitative")).toBe(false);
    expect(isRuleEnabled(["vague.qualitative"], "vague.satisfaction")).toBe(true);
    expect(isRuleEnabled(["vag"], "vague.qualitative")).toBe(true);
  });

  it("switches one rule of a family that is off as a whole", () => {
    expect(setRuleEnabled(["vague"], "vague.qualitative", true, ids)).toEqual(["vague.satisfaction"]);
    expect(setRuleEnabled([], "cost.direction", false, ids)).toEqual(["cost.direction"]);
    expect(setRuleEnabled(["vague.satisfaction"], "vague.qualitative", false, ids)).toEqual(["vague"]);
    expect(setRuleEnabled(["vague"], "vague.qualitative", false, ids)).toEqual(["vague"]);
  });

  it("works over the real registry", () => {
    const id = RULES[0].id;
    const off = setRuleEnabled([], id, false);
    expect(isRuleEnabled(off, id)).toBe(false);
    expect(isRuleEnabled(setRuleEnabled(off, id, true), id)).toBe(true);
  });
});

describe("playground sheet drawing", () => {
  it("converts colours and formats", () => {
    expect(cssColor("FF1F4E79")).toBe("#1F4E79");
    expect(cssColor("#abcdef")).toBe("#ABCDEF");
    expect(cssColor("red")).toBeUndefined();
    expect(styleToCss({ fill: "FFFFC000", font: { bold: true, size: 11, color: "FF0000FF" }, horizontalAlignment: "center", verticalAlignment: "center", wrapText: true })).toEqual({
      backgroundColor: "#FFC000",
      fontWeight: "600",
      fontSize: "11pt",
      color: "#0000FF",
      textAlign: "center",
      verticalAlign: "middle",
      whiteSpace: "pre-wrap",
    });
    const thin = { style: "thin", color: "FF000000" };
    // each edge once: right and bottom (own or the neighbour's), left/top only on the first column/row
    expect(edgeBorders({ top: thin, left: thin }, { left: thin }, undefined, false, false)).toEqual({ borderRight: "1px solid #000000" });
    expect(edgeBorders({ top: thin, left: thin, bottom: { style: "medium" } }, undefined, undefined, true, true)).toEqual({
      borderBottom: "2px solid #000000",
      borderLeft: "1px solid #000000",
      borderTop: "1px solid #000000",
    });
  });

  it("draws merges as spans, marks from the conditional formats, the selection, and nothing after clearing", async () => {
    const grids = await loadExampleGrids("seed000-stacked.xlsx");
    const host = MemoryHost.fromGrids(grids);
    const sheet = host.workbook.sheets[0];
    const plain = drawSheet(host.workbook, sheet);
    expect(plain.marked).toBe(0);
    const merge = sheet.merges.find((m) => m.bottom > m.top || m.right > m.left)!;
    const top = plain.rows[merge.top - 1].cells[merge.left - 1]!;
    expect(top.rowSpan).toBe(merge.bottom - merge.top + 1);
    expect(top.colSpan).toBe(merge.right - merge.left + 1);
    if (merge.right > merge.left) expect(plain.rows[merge.top - 1].cells[merge.left]).toBeNull();

    const report = validate(grids);
    const marks = marksFromFindings(report.findings);
    await host.applyMarks(marks);
    await host.selectCell(marks[0].sheet, marks[0].cell);
    const drawn = drawSheet(host.workbook, sheet, { marks: host.marks(), selection: host.view().selection?.address });
    expect(drawn.marked).toBe(marks.length);
    const cells = drawn.rows.flatMap((r) => r.cells).filter((c) => c !== null);
    for (const m of marks) {
      const c = cells.find((x) => x!.address === m.cell)!;
      expect(c.mark?.severity).toBe(m.severity);
      expect(c.mark?.message).toBe(m.message);
    }
    expect(cells.filter((c) => c!.selected).map((c) => c!.address)).toEqual([marks[0].cell]);
    // a cell inside a merge (not its top-left) draws the merge selected, as Excel does
    const tall = sheet.merges.find((m) => m.bottom > m.top)!;
    const inside = `${String.fromCharCode(64 + tall.left)}${tall.bottom}`;
    const withMerge = drawSheet(host.workbook, sheet, { selection: inside });
    expect(withMerge.rows.flatMap((r) => r.cells).filter((c) => c?.selected).map((c) => c!.address)).toEqual([`${String.fromCharCode(64 + tall.left)}${tall.top}`]);

    await host.clearMarks();
    expect(drawSheet(host.workbook, sheet).marked).toBe(0);
  });

  it("uses the file's column widths where it has them", () => {
    const host = MemoryHost.fromGrids([{ sheet: "S", origin: { row: 1, col: 1 }, cells: [["短", "a much longer piece of text"]] }]);
    const d = drawSheet(host.workbook, host.workbook.sheets[0], { columnWidths: [20] });
    expect(d.widths[0]).toBe(145);
    expect(d.widths[1]).toBeGreaterThan(d.widths[2]);
  });
});
