/**
 * Every rule in the registry has a positive and a negative test in test/core/rules/<family>.test.ts:
 * an `expectFinding(…, "rule.id", …)` and an `expectNone(…, "rule.id")` call.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { RULES } from "../../../src/core/rules";

const DIR = __dirname;

function calls(fn: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".test.ts") && f !== path.basename(__filename))) {
    const text = readFileSync(path.join(DIR, file), "utf8");
    for (const m of text.matchAll(new RegExp(`${fn}\\([^;]*?"([a-z-]+\\.[a-z0-9-]+)"`, "g"))) {
      const list = out.get(m[1]) ?? [];
      list.push(file);
      out.set(m[1], list);
    }
  }
  return out;
}

describe("rule tests", () => {
  const positive = calls("expectFinding");
  const negative = calls("expectNone");

  it.each(RULES.map((r) => [r.id, r.category] as const))("%s has a positive and a negative test in its family's file", (id, category) => {
    expect(positive.get(id)?.length ?? 0).toBeGreaterThan(0);
    expect(negative.get(id)?.length ?? 0).toBeGreaterThan(0);
    const file = `${category.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}.test.ts`;
    expect(positive.get(id)).toContain(file);
    expect(negative.get(id)).toContain(file);
  });

  it("tests only rules that exist", () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of [...positive.keys(), ...negative.keys()]) expect(ids).toContain(id);
  });
});
