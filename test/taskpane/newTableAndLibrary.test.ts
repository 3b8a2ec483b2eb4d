/**
 * The pane's "new table from template" and user library, against the memory host: a table on a
 * new sheet that the check finds at once, its undo (refused when the sheet was edited, unless
 * confirmed), and a user library imported from JSON or .xlsx, kept in the workbook and back when
 * the workbook is opened again.
 */
import ExcelJS from "exceljs";
import { validate } from "../../src/core/engine";
import { gridFromRows } from "../../src/core/grid";
import { BUILTIN_LIBRARY } from "../../src/core/library/data";
import { exportLibraryJson, libraryToRows } from "../../src/core/library/io";
import { newTableGrid } from "../../src/core/library/newTable";
import type { Library, Template } from "../../src/core/library/schema";
import { MemoryHost, MemoryWorkbook } from "../../src/host/memory";
import { SETTINGS_KEY, USER_LIBRARY_MAX_CHARS, parseWorkbookSettings } from "../../src/host/types";
import { compactLibraryJson, effectiveLibrary, loadLibrary, templatesForNewTable } from "../../src/taskpane/state/library";
import { readLibraryFile, type PickedFile } from "../../src/taskpane/state/libraryFile";
import { PaneSession } from "../../src/taskpane/state/session";

const noYield = () => Promise.resolve();

async function setup(wb?: MemoryWorkbook) {
  const workbook = wb ?? new MemoryWorkbook();
  if (!wb) workbook.addSheet("Sheet1");
  const host = new MemoryHost(workbook);
  const session = new PaneSession(host, { yieldToUi: noYield });
  await session.start();
  return { host, session, workbook };
}

function trainingTable(framework: "common" | "core-2021" | "evaluation" | "four-goal" = "common") {
  const templates = templatesForNewTable(BUILTIN_LIBRARY, "training", framework);
  return { table: newTableGrid({ framework, projectName: "业务培训费", templates, moneyUnit: "万元", budget: { total: 12 } }), templates };
}

const OWN: Template = {
  id: "own.kiosk1",
  projectTypes: ["own-kiosk"],
  frameworks: ["common"],
  level1: "产出",
  level2: "数量",
  name: "自助终端布设数量",
  description: "年内布设的政务服务自助终端台数",
  kind: "quantitative",
  operator: "≥",
  value: 20,
  unit: "台",
  fill: "default",
  basis: "计划标准",
  keywords: ["自助终端"],
  note: "",
};
const OWN_LIBRARY: Library = {
  types: [{ id: "own-kiosk", zh: "自助终端", en: "Self-service kiosks", keywords: ["自助终端", "一体机"], description: "政务服务自助终端的购置与布设" }],
  templates: [OWN],
};

function picked(name: string, data: string | Buffer): PickedFile {
  const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return {
    name,
    size: buf.length,
    text: async () => buf.toString("utf8"),
    arrayBuffer: async () => buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer,
  };
}

describe("PaneSession.createTable", () => {
  it("creates the table on a new sheet, checks it (one table, the chosen framework) and offers undo", async () => {
    const { host, session, workbook } = await setup();
    const { table } = trainingTable("core-2021");
    const result = await session.createTable(table, 9);
    expect(result?.sheet).toBe("业务培训费");
    const s = session.getState();
    expect(s.report?.tables).toHaveLength(1);
    expect(s.report?.tables[0].framework.id).toBe("core-2021");
    expect(s.report?.tables[0].sheet).toBe("业务培训费");
    expect(s.notice).toMatchObject({ kind: "success", key: "newTable.created", place: "new-table", historyId: s.history[0].id, params: { sheet: "业务培训费", n: 9 } });
    expect(s.history.map((h) => h.kind)).toEqual(["sheet"]);
    // 指标库 now targets the new table (its sheet is the active one)
    expect(s.activeSheet).toBe("业务培训费");
    expect(s.stale).toBe(false);
    expect(workbook.activeSheet?.name).toBe("业务培训费");
    // user-filled values are marked for the user to fill in
    expect(host.marks().some((m) => m.sheet === "业务培训费")).toBe(true);

    expect(await session.undoCreateTable()).toBe(true);
    expect(workbook.sheets.map((x) => x.name)).toEqual(["Sheet1"]);
    expect(session.getState().notice).toMatchObject({ key: "newTable.removed" });
    expect(session.getState().history).toEqual([]);
  });

  it("keeps an edited new sheet and deletes it only when the user confirms", async () => {
    const { host, session, workbook } = await setup();
    const { table } = trainingTable();
    const r = await session.createTable(table);
    // after the echo of Jixiao's own writes (a few seconds)
    const now = Date.now() + 4000;
    const clock = jest.spyOn(Date, "now").mockReturnValue(now);
    host.userEdit(r!.sheet, "E20", "我的值");
    clock.mockRestore();
    expect(await session.undoCreateTable()).toBe(false);
    expect(session.getState().history[0].edited).toBe(true);
    expect(session.getState().notice).toMatchObject({ kind: "warning", key: "newTable.edited", force: true, historyId: session.getState().history[0].id });
    expect(workbook.sheetByName(r!.sheet)).toBeDefined();
    expect(await session.undoCreateTable(true)).toBe(true);
    expect(workbook.sheetByName(r!.sheet)).toBeUndefined();
  });

  it("never touches a sheet that already has the name", async () => {
    const wb = new MemoryWorkbook();
    const mine = wb.addSheet("业务培训费");
    wb.patchCell(mine, 1, 1, { value: "我的表" });
    const { session } = await setup(wb);
    const before = JSON.stringify(wb.snapshot().sheets[0]);
    const r = await session.createTable(trainingTable().table);
    expect(r?.sheet).toBe("业务培训费 (2)");
    expect(JSON.stringify(wb.snapshot().sheets[0])).toBe(before);
  });
});

describe("user library in the pane", () => {
  it("imports a JSON library, keeps it in the workbook settings and finds it after reopening", async () => {
    const lib = await loadLibrary();
    const read = await readLibraryFile(picked("own.json", exportLibraryJson(OWN_LIBRARY)), lib);
    expect(read.ok && read.result.ok).toBe(true);
    if (!read.ok) return;
    const { session, workbook } = await setup();
    expect(await session.setUserLibrary(compactLibraryJson(read.result.library))).toBe(true);
    expect(parseWorkbookSettings(workbook.settings.get(SETTINGS_KEY)).userLibrary).toBeDefined();

    // the workbook opened again: a new host and session over the same document
    const again = new PaneSession(new MemoryHost(MemoryWorkbook.fromSnapshot(workbook.snapshot())), { yieldToUi: noYield });
    await again.start();
    const eff = effectiveLibrary(lib, again.getState().settings.userLibrary);
    expect(eff.library.templates.find((t) => t.id === OWN.id)).toEqual(OWN);
    expect(eff.library.templates.length).toBe(BUILTIN_LIBRARY.templates.length + 1);
    expect(eff.userIds.has(OWN.id)).toBe(true);
    expect(lib.searchTemplates("自助终端", eff.library)[0].id).toBe(OWN.id);
    expect(templatesForNewTable(eff.library, "own-kiosk", "common").map((t) => t.id)).toContain(OWN.id);

    // removing it
    expect(await again.setUserLibrary(null)).toBe(true);
    expect(again.getState().settings.userLibrary).toBeUndefined();
    expect(effectiveLibrary(lib, again.getState().settings.userLibrary).library).toBe(lib.library);
  });

  it("reads an .xlsx library (templates and types sheets) with exceljs", async () => {
    const lib = await loadLibrary();
    const rows = libraryToRows(OWN_LIBRARY);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("templates").addRows(rows.templates.map((r) => r.map((v) => (v === null ? undefined : v))));
    wb.addWorksheet("types").addRows(rows.types);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await readLibraryFile(picked("own.xlsx", buf), lib);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.result.issues).toEqual([]);
      expect(read.result.library.templates[0]).toEqual(OWN);
      expect(read.result.library.types[0].id).toBe("own-kiosk");
    }
  });

  it("reports bad rows by row and field, refuses oversized files and unreadable ones", async () => {
    const lib = await loadLibrary();
    const bad = { ...OWN, id: "own.bad", unit: null };
    const read = await readLibraryFile(picked("bad.json", JSON.stringify({ format: "jixiao-library", version: 1, types: OWN_LIBRARY.types, templates: [OWN, bad] })), lib);
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.result.library.templates.map((t) => t.id)).toEqual([OWN.id]);
      const lines = read.result.issues.map((i) => lib.formatIssue(i, "zh"));
      expect(lines).toContainEqual(expect.stringMatching(/模板第 2 项.*own\.bad.*字段 unit/));
    }
    expect(await readLibraryFile({ ...picked("big.json", "{}"), size: lib.limits.maxJsonChars + 1 }, lib)).toMatchObject({ ok: false, error: "tooLarge" });
    expect(await readLibraryFile(picked("x.xlsx", "not a zip"), lib)).toMatchObject({ ok: false, error: "unreadable" });
    const polluted = await readLibraryFile(picked("p.json", '{"format":"jixiao-library","version":1,"templates":[],"__proto__":{"x":1}}'), lib);
    expect(polluted.ok && polluted.result.ok).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("a stored library is untrusted: wrong types and oversized text are dropped, invalid entries left out", async () => {
    expect(parseWorkbookSettings({ userLibrary: 5 }).userLibrary).toBeUndefined();
    expect(parseWorkbookSettings({ userLibrary: "x".repeat(USER_LIBRARY_MAX_CHARS + 1) }).userLibrary).toBeUndefined();
    const lib = await loadLibrary();
    const eff = effectiveLibrary(lib, JSON.stringify({ format: "jixiao-library", version: 1, types: [], templates: [OWN, { id: "x" }] }));
    expect(eff.user?.templates.map((t) => t.id)).toEqual([OWN.id]);
    expect(eff.issues.some((i) => i.severity === "error")).toBe(true);
    const junk = effectiveLibrary(lib, "not json");
    expect(junk.library.templates.length).toBe(BUILTIN_LIBRARY.templates.length);
  });
});

describe("PaneSession.createSelfEvaluation (新建自评表)", () => {
  it("makes the target table's self-evaluation on a new sheet, checks it as a self-evaluation, and undoes it", async () => {
    const { session, workbook } = await setup();
    const { table } = trainingTable();
    await session.createTable(table, 9);
    const target = session.getState().report?.tables.find((t) => t.kind === "target");
    expect(target).toBeDefined();
    const made = await session.createSelfEvaluation(target!);
    expect(made?.sheet).toBe("业务培训费自评");
    const s = session.getState();
    const selfEval = s.report?.tables.find((t) => t.sheet === "业务培训费自评");
    expect([selfEval?.kind, selfEval?.projectName?.text, selfEval?.indicators.length]).toEqual(["self-evaluation", "业务培训费", target!.indicators.filter((i) => i.name || i.value).length]);
    expect(s.notice).toMatchObject({ kind: "success", key: "selfEval.created", place: "insert", params: { name: "业务培训费", sheet: "业务培训费自评" } });
    // the unit has still to fill in what was achieved and the scores
    expect(s.report?.findings.filter((f) => f.sheet === "业务培训费自评" && f.rule === "self-evaluation.unscored")).toHaveLength(2);
    expect(await session.undoCreateTable()).toBe(true);
    expect(workbook.sheets.map((x) => x.name)).toEqual(["Sheet1", "业务培训费"]);
  });
  it("writes the 默认金额单位 setting where the target table declares no unit (and no unit without it), as the CLI takes the configuration's", async () => {
    const { session } = await setup();
    const target = validate([
      gridFromRows("Sheet1", [
        ["项目支出绩效目标表"],
        ["项目名称", "社区健康教育"],
        ["预算数", 20],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "讲座场次", "≥12场"],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"],
      ]),
    ]).tables[0];
    await session.createSelfEvaluation(target);
    const plain = session.getState().report?.tables.find((t) => t.kind === "self-evaluation");
    expect(plain?.moneyUnit.declared).toBe(false);
    await session.updateSettings({ moneyUnit: "元" });
    const made = await session.createSelfEvaluation(target);
    const withUnit = session.getState().report?.tables.find((t) => t.sheet === made?.sheet);
    expect([withUnit?.kind, withUnit?.moneyUnit.unit, withUnit?.moneyUnit.declared]).toEqual(["self-evaluation", "元", true]);
  });
});
