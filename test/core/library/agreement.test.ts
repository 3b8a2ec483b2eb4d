/**
 * The library's own checks (lintTemplate, used when a user library is imported) and the rule
 * engine share one vocabulary (src/core/lexicon.ts, value/placeholder.ts): a template mistake the
 * lint names is also what the engine flags once the template is written into a table.
 */
import { validate } from "../../../src/core/engine";
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import { lintTemplate } from "../../../src/core/library/quality";
import type { Template } from "../../../src/core/library/schema";
import { gridFor, tableTemplates } from "./render";

const type = BUILTIN_LIBRARY.types.find((t) => t.id === "training")!;
const base = tableTemplates(type, "common");
const rulesFor = (templates: Template[]) =>
  new Set(validate([gridFor(type, "common", templates)], { disabledRules: ["cost.unit-cost-times-quantity"] }).findings.map((f) => f.rule));

const MUTATIONS: { what: string; id: string; change: Partial<Template>; lint: keyof Template; rule: string }[] = [
  { what: "a cost written as a floor", id: "training.cost1", change: { operator: "≥" }, lint: "operator", rule: "cost.direction" },
  { what: "a low satisfaction target", id: "training.sat1", change: { value: 60 }, lint: "value", rule: "range.satisfaction-low" },
  { what: "a placeholder in the name", id: "training.qty1", change: { name: "XX培训人次" }, lint: "name", rule: "placeholder.text" },
  { what: "a pass rate as a benefit", id: "training.soc1", change: { name: "培训考核达标率" }, lint: "name", rule: "relevance.quality-as-benefit" },
  { what: "budget execution as an output", id: "training.qty2", change: { name: "预算执行率", unit: "%", value: 100, operator: "=" }, lint: "name", rule: "relevance.execution-as-output" },
  { what: "satisfaction outside its block", id: "training.sat2", change: { level1: "效益", level2: "社会效益" }, lint: "level2", rule: "relevance.satisfaction-misplaced" },
  {
    what: "a vague qualitative target",
    id: "training.soc1",
    change: { kind: "qualitative", operator: null, value: null, unit: null, text: "进一步提升" },
    lint: "text",
    rule: "vague.qualitative",
  },
];

describe("the library lint and the rule engine agree", () => {
  const baseline = rulesFor(base);

  it.each(MUTATIONS)("on $what", ({ id, change, lint, rule }) => {
    const original = base.find((t) => t.id === id)!;
    expect(lintTemplate(original).map((i) => i.field)).not.toContain(lint);
    expect(baseline.has(rule)).toBe(false);
    const mutated = { ...original, ...change } as Template;
    expect(lintTemplate(mutated).map((i) => i.field)).toContain(lint);
    expect(rulesFor(base.map((t) => (t.id === id ? mutated : t)))).toContain(rule);
  });
});
