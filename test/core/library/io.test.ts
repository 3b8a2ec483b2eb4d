/** User libraries: JSON and spreadsheet round trips, validation messages that name row and field, hostile input. */
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import {
  exportLibraryJson,
  formatIssue,
  importLibraryJson,
  importLibraryRows,
  libraryToRows,
  mergeLibraries,
  TEMPLATE_COLUMNS,
} from "../../../src/core/library/io";
import { LIMITS, type Template } from "../../../src/core/library/schema";

const sample: Template = BUILTIN_LIBRARY.templates.find((t) => t.id === "training.cost1")!;

const file = (templates: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: "jixiao-library", version: 1, types: [], templates, ...extra });

describe("JSON", () => {
  it("round-trips the built-in library unchanged", () => {
    const r = importLibraryJson(exportLibraryJson(BUILTIN_LIBRARY, "内置指标库"));
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.library).toEqual(BUILTIN_LIBRARY);
  });

  it("names the template and field of each error, keeps the valid ones", () => {
    const bad = { ...sample, id: "mine.cost1", operator: "≥≥", unit: null };
    const noValue = { ...sample, id: "mine.qty1", level2: "数量", name: "培训人数", unit: "人", value: null, fill: "default" };
    const wrongPlace = { ...sample, id: "mine.x", level1: "产出", level2: "满意度", frameworks: ["common"] };
    const r = importLibraryJson(file([sample, bad, noValue, wrongPlace]));
    expect(r.ok).toBe(false);
    expect(r.library.templates.map((t) => t.id)).toEqual(["training.cost1"]);
    const errs = r.issues.filter((i) => i.severity === "error");
    expect(errs.find((i) => i.row === 2 && i.field === "operator")).toMatchObject({ id: "mine.cost1", section: "templates" });
    // cross-field checks (unit needed) run once the fields themselves are valid
    expect(importLibraryJson(file([{ ...bad, operator: "≤" }])).issues.map((i) => [i.row, i.field])).toEqual([[1, "unit"]]);
    expect(errs.find((i) => i.row === 3 && i.field === "value")?.zh).toMatch(/缺少默认指标值/);
    expect(errs.find((i) => i.row === 4 && i.field === "level2")?.en).toMatch(/not a level-1\/level-2 pair/);
    expect(formatIssue(errs.find((i) => i.row === 3)!, "zh")).toMatch(/^错误：模板第 3 项（mine\.qty1）字段 value：/);
    expect(formatIssue(errs.find((i) => i.row === 3)!, "en")).toMatch(/^error: template #3 \(mine\.qty1\) field value: /);
  });

  it("warns (without rejecting) about mistakes the rules report (docs/rules.md) in a user template", () => {
    const costUp = { ...sample, id: "mine.cost", operator: "≥" };
    const r = importLibraryJson(file([costUp]));
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([expect.objectContaining({ severity: "warning", row: 1, field: "operator", id: "mine.cost" })]);
  });

  it("rejects ≥100% and rates above 100% in the schema", () => {
    const r = importLibraryJson(file([{ ...sample, id: "a.b", level2: "质量", name: "完成率", operator: "≥", value: 100, unit: "%" }, { ...sample, id: "a.c", level2: "质量", name: "合格率", operator: "=", value: 120, unit: "%" }]));
    expect(r.issues.map((i) => [i.row, i.field, i.en])).toEqual([
      [1, "operator", "a rate cannot exceed 100%: write =100%"],
      [2, "value", "a percentage lies between 0 and 100"],
    ]);
  });

  it("rejects duplicate ids and unknown fields", () => {
    const r = importLibraryJson(file([sample, sample, { ...sample, id: "z.z", colour: "red" }]));
    expect(r.issues.map((i) => [i.row, i.field ?? "", i.en])).toEqual([
      [2, "id", 'duplicate template id "training.cost1"'],
      [3, "", "unknown field(s): colour"],
    ]);
  });

  it.each([
    ["__proto__", `{"format":"jixiao-library","version":1,"types":[],"templates":[{"__proto__":{"polluted":true}}]}`],
    ["constructor", `{"format":"jixiao-library","version":1,"types":[],"templates":[{"constructor":{"prototype":{"polluted":true}}}]}`],
    ["prototype", `{"prototype":1,"format":"jixiao-library","version":1,"types":[],"templates":[]}`],
  ])("refuses %s keys and pollutes nothing", (key, text) => {
    const r = importLibraryJson(text);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ section: "file", severity: "error" });
    expect(r.issues[0].en).toMatch(/forbidden key "(__proto__|constructor|prototype)"/);
    expect(text).toContain(key);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("refuses oversized, deeply nested, malformed and wrongly shaped input with one clear message", () => {
    expect(importLibraryJson("x".repeat(LIMITS.maxJsonChars + 1)).issues[0].en).toMatch(/too large/);
    expect(importLibraryJson(`{"templates":${"[".repeat(50)}${"]".repeat(50)}}`).issues[0].en).toMatch(/nested too deeply/);
    expect(importLibraryJson("{not json").issues[0].en).toMatch(/not valid JSON/);
    expect(importLibraryJson("[]").issues[0].en).toMatch(/must be an object/);
    expect(importLibraryJson(`{"format":"other","version":2,"templates":{}}`).issues.map((i) => i.field)).toEqual(["format", "version", "templates"]);
    const many = file(new Array(LIMITS.maxTemplates + 1).fill(0));
    expect(importLibraryJson(many).issues[0].en).toMatch(/too many templates/);
    expect(() => importLibraryJson(undefined as unknown as string)).not.toThrow();
  });

  it("rejects control characters and over-long text", () => {
    const r = importLibraryJson(file([{ ...sample, id: "a.d", name: "培训\u0007人数" }, { ...sample, id: "a.e", description: "长".repeat(201) }]));
    expect(r.issues.map((i) => [i.row, i.field])).toEqual([
      [1, "name"],
      [2, "description"],
    ]);
  });
});

describe("spreadsheet rows", () => {
  it("round-trips the built-in library through rows", () => {
    const sheets = libraryToRows(BUILTIN_LIBRARY);
    expect(sheets.templates[0]).toEqual([...TEMPLATE_COLUMNS]);
    expect(sheets.templates).toHaveLength(BUILTIN_LIBRARY.templates.length + 1);
    const r = importLibraryRows(sheets);
    expect(r.issues).toEqual([]);
    expect(r.library).toEqual(BUILTIN_LIBRARY);
  });

  it("reads Chinese headers, numbers stored as text and 12-31 deadlines, and names sheet rows in messages", () => {
    const header = ["编号", "项目类型", "指标体系", "一级指标", "二级指标", "三级指标", "指标解释", "指标类型", "运算符", "指标值", "计量单位", "填写方式", "完成时限", "指标值确定依据"];
    const rows = [
      header,
      ["mine.qty1", "training", "common,four-goal", "产出", "数量", "培训期数", "举办期数", "quantitative", "≥", "4", "期", "", "", "计划标准"],
      [],
      ["mine.time1", "training", "common", "产出", "时效", "完成时间", "完成时间", "deadline", "", "", "", "", "11-30", "计划标准"],
      ["mine.bad", "training", "common", "产出", "数量", "参训人数", "人数", "quantitative", "≥", "很多", "人", "", "", "上级要求"],
    ];
    const r = importLibraryRows({ templates: rows }, { templates: 3 });
    expect(r.library.templates.map((t) => [t.id, t.value, t.deadline])).toEqual([
      ["mine.qty1", 4, undefined],
      ["mine.time1", null, { month: 11, day: 30 }],
    ]);
    // row 5 of the rows = sheet row 7 (the rows start at sheet row 3)
    expect(r.issues.map((i) => [i.row, i.field])).toEqual([
      [7, "value"],
      [7, "basis"],
    ]);
    expect(formatIssue(r.issues[0], "zh")).toMatch(/^错误：模板第 7 行（mine\.bad）字段 value：类型错误/);
    expect(formatIssue(r.issues[1], "en")).toMatch(/^error: template row 7 \(mine\.bad\) field basis: expected one of: 计划标准/);
  });

  it("needs the key columns and bounds the number of rows", () => {
    expect(importLibraryRows({ templates: [["name", "value"]] }).issues[0].en).toMatch(/lacks column\(s\): id, level1, level2/);
    expect(importLibraryRows({ templates: [] }).issues[0].en).toMatch(/empty/);
    expect(importLibraryRows({ templates: new Array(LIMITS.maxRows + 1).fill(["id"]) }).issues[0].en).toMatch(/too many rows/);
  });

  it("does not let a __proto__ header reach an object", () => {
    const r = importLibraryRows({ templates: [["id", "level1", "level2", "name", "__proto__"], ["a.b", "产出", "数量", "人数", "x"]] });
    expect(r.ok).toBe(false);
    expect(Object.prototype).not.toHaveProperty("x");
  });
});

describe("mergeLibraries", () => {
  it("adds user templates, replaces same ids and reports what changed", () => {
    const mine: Template = { ...sample, id: "mine.cost1", name: "外聘讲师课酬" };
    const changed: Template = { ...sample, value: 350 };
    const r = mergeLibraries(BUILTIN_LIBRARY, { types: [], templates: [mine, changed] });
    expect(r.library.templates).toHaveLength(BUILTIN_LIBRARY.templates.length + 1);
    expect(r.library.templates.find((t) => t.id === sample.id)?.value).toBe(350);
    expect(r.replaced).toEqual(["training.cost1"]);
    // an identical copy of a built-in template is not a replacement
    expect(mergeLibraries(BUILTIN_LIBRARY, { types: [], templates: [sample] }).replaced).toEqual([]);
    expect(mergeLibraries(BUILTIN_LIBRARY, { types: [], templates: [{ ...mine, projectTypes: ["nowhere"] }] }).unknownTypes).toEqual(["nowhere"]);
  });
});
