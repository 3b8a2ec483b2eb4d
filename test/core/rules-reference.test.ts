import { readFileSync } from "node:fs";
import { CATEGORIES } from "../../src/core/finding";
import { placeholders } from "../../src/core/i18n";
import { RULES } from "../../src/core/rules";
import { FRAMEWORKS } from "../../src/core/frameworks/data";
import { RULES_DOC, rulesDoc } from "../../tools/gen-rules-doc";

describe("the rule registry and its reference", () => {
  it("docs/rules.md is generated from the registry and the framework catalogue (run `npm run docs:rules` when this fails)", () => {
    expect(readFileSync(RULES_DOC, "utf8")).toBe(rulesDoc());
  });

  it("lists every framework with every 一级 and 二级 label of the catalogue", () => {
    const doc = rulesDoc();
    for (const f of FRAMEWORKS) {
      expect(doc).toContain(`### \`${f.id}\` — ${f.zh}`);
      for (const a of f.level1) {
        expect({ framework: f.id, level1: a.key, found: doc.includes(`**${a.key}** (${a.en};`) }).toEqual({ framework: f.id, level1: a.key, found: true });
        for (const b of a.level2) expect({ framework: f.id, level2: b.key, found: doc.includes(`| ${b.key} (${b.en}) |`) }).toEqual({ framework: f.id, level2: b.key, found: true });
      }
    }
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

  it("covers every category (src/core/finding.ts CATEGORIES, docs/domain.md \"Categories\")", () => {
    expect(new Set(RULES.map((r) => r.category))).toEqual(new Set(CATEGORIES));
  });
});
