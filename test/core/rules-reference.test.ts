import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CATEGORIES } from "../../src/core/finding";
import { RULES } from "../../src/core/rules";
import { renderRulesReference } from "../../src/core/rules/reference";

describe("the rule registry and its reference", () => {
  it("docs/rules.md is generated from the registry (run `npm run docs:rules` when this fails)", () => {
    const onDisk = readFileSync(path.join(__dirname, "..", "..", "docs", "rules.md"), "utf8");
    expect(onDisk).toBe(renderRulesReference() + "\n");
  });

  it("gives every rule a unique family.name id, a known category and both languages", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
      expect(r.id.split(".")[0]).toBe(r.category);
      expect(CATEGORIES).toContain(r.category);
      expect(r.title.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.title.en).toMatch(/[a-z]/);
      const zh = r.message.zh({ cell: "E13", value: "≥90%", name: "指标" });
      const en = r.message.en({ cell: "E13", value: "≥90%", name: "指标" });
      // the location is the finding's own field, placed by each surface: not in the message
      expect(zh).not.toContain("E13");
      expect(en).not.toContain("E13");
      expect(zh.length).toBeGreaterThan(4);
      expect(en.length).toBeGreaterThan(4);
    }
  });

  it("gives every rule a bad example and its fixed version for the reference", () => {
    for (const r of RULES) {
      expect({ id: r.id, bad: !!r.example?.bad, good: !!r.example?.good, source: !!r.example?.source }).toEqual({ id: r.id, bad: true, good: true, source: true });
    }
  });

  it("covers every category of RULES.md", () => {
    expect(new Set(RULES.map((r) => r.category))).toEqual(new Set(CATEGORIES));
  });
});
