/**
 * jixiao check as a batch tool (issue 12): a grand total after the per-file sections, --summary
 * (one line a file), the same totals in the JSON; --help for every command, after any option; the
 * configuration checked against the rule catalogue, families and ids meaning the same.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { displayWidth } from "../../src/cli/format";
import type { Finding } from "../../src/core/finding";
import { RULES } from "../../src/core/rules";
import { EX, run } from "../helpers/cli";

const tmp = () => mkdtempSync(path.join(tmpdir(), "jixiao-batch-"));

type Totals = { files: number; checked: number; unreadable: number; tables: number; error: number; warning: number; info: number; filesWithErrors: number };
type Json = { files: { file: string; tables: unknown[]; findings: Finding[]; error?: unknown }[]; totals: Totals };

describe("the batch's grand total", () => {
  const dir = tmp();
  const missing = path.join(dir, "缺失.xlsx");
  const files = [EX("seed000-stacked.xlsx"), EX("seed001.xlsx"), EX("seed002.xlsx"), missing];
  let json: Json;
  let expected: Totals;
  beforeAll(async () => {
    json = JSON.parse((await run(["check", ...files, "--format", "json"])).out) as Json;
    const read = json.files.filter((f) => !f.error);
    const n = (sev: string) => read.reduce((k, f) => k + f.findings.filter((x) => x.severity === sev).length, 0);
    expected = { files: 4, checked: 3, unreadable: 1, tables: 30, error: n("error"), warning: n("warning"), info: n("info"), filesWithErrors: read.filter((f) => f.findings.some((x) => x.severity === "error")).length };
  });

  it("is in the JSON as totals", () => {
    expect(json.totals).toEqual(expected);
    expect(expected.error).toBeGreaterThan(0);
  });

  it("ends the text report, after the per-file sections", async () => {
    const r = await run(["check", ...files]);
    expect(r.code).toBe(1);
    const e = expected;
    const lines = r.out.trimEnd().split("\n");
    expect(lines[lines.length - 1]).toBe(`合计：4 个文件（3 个已检查，1 个无法读取），30 张表；错误 ${e.error}，警告 ${e.warning}，建议 ${e.info}；${e.filesWithErrors} 个文件有错误`);
    expect(r.err).toContain("文件不存在");
    const en = await run(["check", ...files, "--lang", "en"]);
    expect(en.out.trimEnd().split("\n").pop()).toBe(`Total: 4 files (3 checked, 1 unreadable), 30 tables; ${e.error} errors, ${e.warning} warnings, ${e.info} suggestions; ${e.filesWithErrors} files with errors`);
  });

  it("--summary prints one line a file, then the total", async () => {
    const r = await run(["check", ...files, "--summary"]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(files.length + 2);
    const shown = (f: string) => path.relative(process.cwd(), f) || f;
    json.files.slice(0, 3).forEach((f, i) => {
      const c = (sev: string) => f.findings.filter((x) => x.severity === sev).length;
      expect(lines[i]).toMatch(new RegExp(`^${shown(files[i]).replace(/[.()]/g, "\\$&")} +${f.tables.length} 张表  错误 ${c("error")}，警告 ${c("warning")}，建议 ${c("info")}$`));
    });
    expect(lines[3]).toMatch(/ +无法读取$/);
    expect(lines[4]).toBe("");
    expect(lines[5]).toMatch(/^合计：4 个文件/);
    // the counts line up
    expect(new Set(lines.slice(0, 3).map((l) => displayWidth(l.slice(0, l.indexOf("错误"))))).size).toBe(1);
    const bad = await run(["check", EX("seed001.xlsx"), "--summary", "--format", "json"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--summary");
  });

  it("100 files end with one total line (batch of the same submission)", async () => {
    const many = Array.from({ length: 100 }, () => EX("seed001.xlsx"));
    const r = await run(["check", ...many, "--summary", "--lang", "en"]);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(102);
    expect(lines[101]).toMatch(/^Total: 100 files \(100 checked, 0 unreadable\), 100 tables; \d+ errors, .*; 100 files with errors$/);
  });
});

describe("--help", () => {
  it.each([
    ["check", "用法：jixiao check"],
    ["read", "用法：jixiao read"],
    ["library", "用法：jixiao library"],
    ["recommend", "用法：jixiao recommend"],
  ])("jixiao %s --help, also after options and files", async (cmd, head) => {
    for (const args of [[cmd, "--help"], [cmd, "-h"], [cmd, EX("seed001.xlsx"), "--format", "json", "--help"], ["help", cmd]]) {
      const r = await run(args);
      expect({ args, code: r.code, err: r.err }).toEqual({ args, code: 0, err: "" });
      expect(r.out.startsWith(head)).toBe(true);
    }
    const en = await run([cmd, "--lang", "en", "--help"]);
    expect(en.out).toMatch(new RegExp(`^Usage: jixiao ${cmd}`));
  });

  it("check's help names every option check takes", async () => {
    const { out } = await run(["check", "--help"]);
    for (const opt of ["--format", "--summary", "--annotate", "--fix", "--yes", "--report", "--config", "--lang"]) expect(out).toContain(opt);
    expect((await run(["help", "frobnicate"])).code).toBe(2);
  });
});

describe("configuration: every rule id and family checked, the more specific entry winning", () => {
  async function withConfig(config: unknown, args: string[]): Promise<{ code: number; out: string; err: string }> {
    const dir = tmp();
    const file = path.join(dir, "jixiao.config.json");
    writeFileSync(file, JSON.stringify(config));
    return run(["check", "--config", file, ...args]);
  }
  const findings = async (config: unknown) => (JSON.parse((await withConfig(config, [EX("seed001.xlsx"), "--format", "json"])).out) as Json).files[0].findings;

  it("an unknown rule id is a usage error naming the nearest id", async () => {
    const r = await withConfig({ rules: { "vague.qualitativ": "off" } }, [EX("seed001.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("rules 中的“vague.qualitativ”不是规则编号或规则族；是不是“vague.qualitative”？");
    const family = await withConfig({ rules: { vage: "error" } }, [EX("seed001.xlsx"), "--lang", "en"]);
    expect(family.code).toBe(2);
    expect(family.err).toContain('"vage" in rules is no rule id or rule family; did you mean "vague"?');
    const none = await withConfig({ rules: { zzzzzzzz: "off" } }, [EX("seed001.xlsx")]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("规则族有：structure、");
  });

  it("says what is wrong with the file's shape in the user's language", async () => {
    expect((await withConfig({ moneyUnit: "千元" }, [EX("seed001.xlsx")])).err).toContain("moneyUnit 只能是 元、万元、亿元");
    expect((await withConfig({ moneyUnit: "千元" }, [EX("seed001.xlsx"), "--lang", "en"])).err).toContain("moneyUnit must be one of 元, 万元, 亿元");
    expect((await withConfig({ placeholderWord: ["待核实"] }, [EX("seed001.xlsx")])).err).toContain("没有配置项“placeholderWord”；可用的配置项：rules、framework、moneyUnit、placeholderWords、gradeBands、lang；是不是“placeholderWords”？");
    expect((await withConfig({ rules: { vague: "loud" } }, [EX("seed001.xlsx")])).err).toContain("rules.vague 只能是 off、error、warning、info");
    expect((await withConfig({ placeholderWords: "待核实" }, [EX("seed001.xlsx")])).err).toContain("placeholderWords 应为数组");
  });

  it('"vague": "error" makes every vague finding an error', async () => {
    const plain = (await findings({})).filter((f) => f.rule.startsWith("vague."));
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.some((f) => f.severity !== "error")).toBe(true);
    const strict = (await findings({ rules: { vague: "error" } })).filter((f) => f.rule.startsWith("vague."));
    expect(strict.map((f) => f.cell)).toEqual(plain.map((f) => f.cell));
    expect(new Set(strict.map((f) => f.severity))).toEqual(new Set(["error"]));
  });

  it('"vague": "off" with "vague.qualitative": "warning" keeps that one rule, as a warning', async () => {
    const plain = await findings({});
    const vagueRules = new Set(RULES.filter((r) => r.id.startsWith("vague.")).map((r) => r.id));
    expect(vagueRules.size).toBeGreaterThan(1);
    const kept = await findings({ rules: { vague: "off", "vague.qualitative": "warning" } });
    const vague = kept.filter((f) => vagueRules.has(f.rule));
    expect(vague.length).toBe(plain.filter((f) => f.rule === "vague.qualitative").length);
    expect(vague.length).toBeGreaterThan(0);
    expect(new Set(vague.map((f) => f.rule))).toEqual(new Set(["vague.qualitative"]));
    expect(new Set(vague.map((f) => f.severity))).toEqual(new Set(["warning"]));
    // and the other way round: the family on, one rule off
    const without = await findings({ rules: { "vague.qualitative": "off" } });
    expect(without.filter((f) => f.rule === "vague.qualitative")).toEqual([]);
    expect(without.filter((f) => f.rule === "vague.satisfaction")).toEqual(plain.filter((f) => f.rule === "vague.satisfaction"));
  });
});
