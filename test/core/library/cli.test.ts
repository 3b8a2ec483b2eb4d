/** jixiao library and jixiao recommend, called through their run() handlers. */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { run as library } from "../../../src/cli/commands/library";
import { run as recommend } from "../../../src/cli/commands/recommend";
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import { readWorkbookGrids } from "../../../src/host/xlsx/readWorkbook";
import { examplePath } from "../../helpers/examples";

function io(lang: "zh" | "en" = "zh") {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), lang }, out, err };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), "jixiao-lib-"));

describe("jixiao library", () => {
  it("lists the project types with template counts", async () => {
    const c = io();
    expect(await library([], c.io)).toBe(0);
    expect(c.out[0]).toBe(`指标库：${BUILTIN_LIBRARY.types.length} 个项目类型，${BUILTIN_LIBRARY.templates.length} 个指标模板`);
    expect(c.out.some((l) => /publicity\s+宣传（Publicity and outreach）\s+15 个模板/.test(l))).toBe(true);
    const e = io("en");
    expect(await library(["--type", "training"], e.io)).toBe(0);
    expect(e.out.join("\n")).toContain("training.cost1");
    expect(e.out.join("\n")).toContain("≤450元/人·天");
  });

  it("exports JSON to stdout and a file, and .xlsx that imports back unchanged", async () => {
    const c = io();
    expect(await library(["--format", "json"], c.io)).toBe(0);
    expect(JSON.parse(c.out.join("\n")).templates).toHaveLength(BUILTIN_LIBRARY.templates.length);
    const dir = tmp();
    const x = io();
    expect(await library(["--format", "xlsx", "--out", path.join(dir, "lib.xlsx")], x.io)).toBe(0);
    const { grids } = await readWorkbookGrids(readFileSync(path.join(dir, "lib.xlsx")));
    expect(grids.map((g) => g.sheet)).toEqual(["templates", "types"]);
    expect(grids[0].cells).toHaveLength(BUILTIN_LIBRARY.templates.length + 1);
    const back = io();
    expect(await library(["--import", path.join(dir, "lib.xlsx"), "--format", "json", "--out", path.join(dir, "lib.json")], back.io)).toBe(0);
    expect(back.err.join("\n")).toMatch(/0 个错误，0 个警告/);
    expect(back.err.join("\n")).not.toMatch(/替换/);
    expect(JSON.parse(readFileSync(path.join(dir, "lib.json"), "utf8"))).toEqual(JSON.parse(c.out.join("\n")));
  });

  it("reports a user library's errors by row and field, merges the valid part and exits 1", async () => {
    const dir = tmp();
    const sample = BUILTIN_LIBRARY.templates.find((t) => t.id === "training.cost1")!;
    writeFileSync(path.join(dir, "mine.json"), JSON.stringify({ format: "jixiao-library", version: 1, types: [], templates: [{ ...sample, id: "mine.a" }, { ...sample, id: "mine.b", basis: "上级要求" }] }));
    const c = io("en");
    expect(await library(["--import", path.join(dir, "mine.json"), "--format", "json"], c.io)).toBe(1);
    expect(c.err.join("\n")).toContain("error: template #2 (mine.b) field basis: expected one of: 计划标准");
    expect(JSON.parse(c.out.join("\n")).templates).toHaveLength(BUILTIN_LIBRARY.templates.length + 1);
  });

  it("exits 2 with a clear message for usage errors", async () => {
    for (const args of [["--format", "csv"], ["--format", "xlsx"], ["--bogus"], ["--type", "nope"], ["--import", "/nonexistent/lib.json"], ["--out"]]) {
      const c = io();
      expect([args.join(" "), await library(args, c.io)]).toEqual([args.join(" "), 2]);
      expect(c.err.length).toBeGreaterThan(0);
    }
  });
});

describe("jixiao recommend", () => {
  it("prints the top project types and templates for every table", async () => {
    const c = io();
    expect(await recommend([examplePath("seed002.xlsx"), "--top", "3"], c.io)).toBe(0);
    const text = c.out.join("\n");
    expect(text).toMatch(/政府购买服务（劳务）经费\s+\[four-goal\]\n\s+项目类型：聘用人员\/劳务派遣 \(hired-staff\)/);
    expect(text).toContain("产出/成本  聘用人员经费总额  ≤12210000元");
    expect(c.out.filter((l) => /\[four-goal\]$/.test(l))).toHaveLength(12);
  });

  it("gives JSON with types and templates per table", async () => {
    const c = io("en");
    expect(await recommend(["--format", "json", examplePath("seed000.xlsx")], c.io)).toBe(0);
    const r = JSON.parse(c.out.join("\n"));
    expect(r.files[0].tables).toHaveLength(17);
    expect(r.files[0].tables[0]).toMatchObject({ project: "宣传费", framework: "common", types: [expect.objectContaining({ id: "publicity" }), expect.anything(), expect.anything()] });
    expect(r.files[0].tables[0].templates.length).toBe(8);
  });

  it("applies jixiao.config.json as check does: a table without a declared unit gets the configured one", async () => {
    // seed 000's 宣传费 declares no money unit: its cost template stays a blank to fill…
    const cost = async (args: string[]) => {
      const c = io();
      expect(await recommend(["--format", "json", "--top", "30", examplePath("seed000.xlsx"), ...args], c.io)).toBe(0);
      const t = JSON.parse(c.out.join("\n")).files[0].tables[0];
      return t.templates.find((x: { name: string }) => x.name === "宣传总成本");
    };
    expect(await cost([])).toMatchObject({ value: null, hint: "≤__万元（预算数）" });
    // …until the configuration says amounts are in 万元: then the budget (25) is the ceiling
    const dir = tmp();
    writeFileSync(path.join(dir, "jixiao.config.json"), JSON.stringify({ moneyUnit: "万元", framework: "core-2021" }));
    const c = io();
    expect(await recommend(["--format", "json", "--config", path.join(dir, "jixiao.config.json"), examplePath("seed000.xlsx")], c.io)).toBe(0);
    expect(JSON.parse(c.out.join("\n")).files[0].tables.every((t: { framework: string }) => t.framework === "core-2021")).toBe(true);
    expect(await cost(["--config", path.join(dir, "jixiao.config.json")])).toMatchObject({ value: "≤25万元" });
    // a broken configuration is a usage error, as in check
    writeFileSync(path.join(dir, "bad.json"), "{ moneyUnit: 万 }");
    const bad = io();
    expect(await recommend(["--config", path.join(dir, "bad.json"), examplePath("seed000.xlsx")], bad.io)).toBe(2);
    expect(bad.err.join("\n")).toContain("bad.json");
  });

  it("exits 2 for a missing or unreadable file and for usage errors", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "fake.xlsx"), "not a workbook");
    for (const args of [[], ["--top", "0", "a.xlsx"], [path.join(dir, "none.xlsx")], [path.join(dir, "fake.xlsx")]]) {
      const c = io();
      expect(await recommend(args, c.io)).toBe(2);
      expect(c.err.length).toBeGreaterThan(0);
    }
  });
});
