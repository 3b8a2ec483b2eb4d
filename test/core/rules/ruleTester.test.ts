/**
 * The rule tester (as eslint's RuleTester checks a plugin's rules): every rule, run over the seed
 * and corpus workbooks, reports hits whose message exists and whose every placeholder, in both
 * languages, is filled; only rules that declare a fix give one; and a rule run alone on a grid
 * finds exactly what it finds among all the others.
 */
import { runRule, validate, type Report } from "../../../src/core/engine";
import type { Grid } from "../../../src/core/grid";
import { format, LANGS, placeholders } from "../../../src/core/i18n";
import { RULES } from "../../../src/core/rules";
import { hitsOf, type Hit, type Rule } from "../../../src/core/rules/types";
import { CORPUS_FILES, EXAMPLE_FILES, loadCorpusGrids, loadExampleGrids } from "../../helpers/examples";

/** The rule, recording every hit it reports. */
function recording(rule: Rule, into: Hit[]): Rule {
  const check = (ctx: never) => {
    const hits = hitsOf(rule.check as (c: never, report: (h: Hit) => void) => readonly Hit[] | void, ctx);
    into.push(...hits);
    return hits;
  };
  return { ...rule, check } as Rule;
}

describe("every rule of the registry, on the seed and corpus workbooks", () => {
  const workbooks: { name: string; grids: Grid[] }[] = [];
  const hits = new Map<string, Hit[]>(RULES.map((r) => [r.id, []]));
  const reports = new Map<string, Report>();

  beforeAll(async () => {
    for (const file of EXAMPLE_FILES) workbooks.push({ name: file, grids: await loadExampleGrids(file) });
    for (const file of CORPUS_FILES) workbooks.push({ name: file, grids: await loadCorpusGrids(file) });
    const rules = RULES.map((r) => recording(r, hits.get(r.id) as Hit[]));
    for (const w of workbooks) reports.set(w.name, validate(w.grids, { rules }));
  });

  it("reports hits in every family whose examples come from the seeds or the corpus", () => {
    const families = new Set([...hits].filter(([, list]) => list.length > 0).map(([id]) => id.split(".")[0]));
    const real = RULES.filter((r) => [r.example.from].flat().some((s) => "seed" in s || "corpus" in s)).map((r) => r.category);
    expect([...new Set(real)].filter((f) => !families.has(f))).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s: each hit names a message of the rule and fills all its placeholders in both languages", (_id, rule) => {
    const problems: string[] = [];
    for (const hit of hits.get(rule.id) ?? []) {
      const id = hit.messageId ?? "default";
      const message = rule.messages[id];
      if (!message) {
        problems.push(`${hit.place.address}: no message "${id}"`);
        continue;
      }
      for (const lang of LANGS)
        for (const name of placeholders(message[lang])) {
          const v = hit.params?.[name];
          const filled = typeof v === "object" ? (typeof v.zh === "string" || typeof v.zh === "number") && (typeof v.en === "string" || typeof v.en === "number") : typeof v === "string" || typeof v === "number";
          if (!filled) problems.push(`${hit.place.address}: message "${id}" (${lang}) has no parameter ${name}`);
        }
      for (const lang of LANGS) {
        const text = format(message[lang], hit.params, lang);
        if (/undefined|NaN|\{\w+(\|[^}]*)?\}/.test(text)) problems.push(`${hit.place.address}: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(RULES.map((r) => [r.id, r] as const))("%s: gives a fix only when it says it is fixable, and asks first only when it says so", (_id, rule) => {
    for (const hit of hits.get(rule.id) ?? []) {
      if (!hit.fix) continue;
      expect({ rule: rule.id, fixable: rule.fixable !== "no" }).toEqual({ rule: rule.id, fixable: true });
      if (hit.fix.confirm) expect({ rule: rule.id, fixable: rule.fixable }).toEqual({ rule: rule.id, fixable: "confirm" });
    }
  });

  it("rules that say they fix do fix somewhere in the examples", () => {
    const fixing = new Set(RULES.filter((r) => (hits.get(r.id) ?? []).some((h) => h.fix)).map((r) => r.id));
    expect(RULES.filter((r) => r.fixable !== "no").map((r) => r.id).filter((id) => !fixing.has(id))).toEqual([]);
  });

  it("run alone on a workbook, each rule finds exactly what it finds among the others", () => {
    // the seed workbooks: every rule family has findings there (the corpus adds the self-evaluation ones)
    const sample = workbooks.filter((w) => w.name === "seed001.xlsx" || w.name === "seed002.xlsx" || w.name.startsWith("self-evaluation/02"));
    for (const w of sample) {
      const all = validate(w.grids);
      for (const rule of RULES) {
        const alone = runRule(rule, w.grids).findings;
        expect({ rule: rule.id, file: w.name, findings: alone }).toEqual({ rule: rule.id, file: w.name, findings: all.findings.filter((f) => f.rule === rule.id) });
      }
    }
  });
});
