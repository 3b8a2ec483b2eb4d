import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CATEGORIES } from "../../src/core/finding";
import { placeholders } from "../../src/core/i18n";
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
      expect(Object.keys(r.messages).length).toBeGreaterThan(0);
      for (const [id, m] of Object.entries(r.messages)) {
        expect(m.zh).toMatch(/[\u4e00-\u9fa5]/);
        expect(m.en).toMatch(/[a-z]{3}/);
        // the same placeholders in both languages: a parameter the one needs the other says too
        expect({ rule: r.id, id, placeholders: placeholders(m.en).sort() }).toEqual({ rule: r.id, id, placeholders: placeholders(m.zh).sort() });
        // the location is the finding's own field, placed by each surface: not in the message
        expect(placeholders(m.zh)).not.toContain("cell");
      }
    }
  });

  it("gives every rule why, how to fix, whether it fixes, and a bad example with its fixed version and source for the reference", () => {
    for (const r of RULES) {
      expect({ id: r.id, why: !!(r.why.zh && r.why.en), howToFix: !!(r.howToFix.zh && r.howToFix.en), fixable: ["no", "yes", "confirm"].includes(r.fixable) }).toEqual({
        id: r.id,
        why: true,
        howToFix: true,
        fixable: true,
      });
      const from = [r.example.from].flat();
      expect({ id: r.id, bad: !!r.example.bad, good: !!r.example.good, source: from.length > 0 }).toEqual({ id: r.id, bad: true, good: true, source: true });
    }
  });

  it("covers every category of RULES.md", () => {
    expect(new Set(RULES.map((r) => r.category))).toEqual(new Set(CATEGORIES));
  });
});
