/** Recommendation: the expected project type of each seed table is among the top three for at least 27 of 30. */
import expected from "./expected-types.json";
import { seedInputs } from "./seedInputs";
import { BUILTIN_LIBRARY } from "../../../src/core/library/data";
import { recommendTemplates, recommendTypes, searchTemplates } from "../../../src/core/library/recommend";

type Seed = "000" | "001" | "002";
const EXPECTED = expected as unknown as Record<Seed, Record<string, string>>;

describe("recommendTypes on the 30 seed tables", () => {
  it("puts the expected type in the top three for at least 27 of 30", async () => {
    const inputs = await seedInputs();
    expect(inputs).toHaveLength(30);
    const rows: string[] = [];
    let hits = 0;
    for (const s of inputs) {
      const want = EXPECTED[s.seed][s.projectName];
      expect(want).toBeDefined();
      const top = recommendTypes(s.input, BUILTIN_LIBRARY, 3).map((t) => t.type.id);
      const ok = top.includes(want);
      if (ok) hits++;
      rows.push(`${ok ? "✓" : "✗"} ${s.seed} ${s.projectName}: want ${want}, got ${top.join(", ")}`);
    }
    if (process.env.JIXIAO_SHOW_RECOMMEND) console.log(`${hits}/30\n${rows.join("\n")}`);
    expect(hits).toBeGreaterThanOrEqual(27);
  });
});

describe("recommendTemplates and searchTemplates", () => {
  const input = { projectName: "业务工作培训费", purpose: "用于单位职工培训", goals: ["提高职工综合能力"], indicators: ["培训人数", "参训学员满意度"] };

  it("draws templates from the top types, placed in the table's framework, marking those present", () => {
    const common = recommendTemplates(input, BUILTIN_LIBRARY, { framework: "common" });
    expect(common[0].template.projectTypes).toContain("training");
    expect(common.every((s) => s.template.frameworks.includes("common"))).toBe(true);
    expect(common.find((s) => s.template.name === "参训学员满意度")?.present).toBe(true);
    expect(common.some((s) => s.template.projectTypes.includes("general"))).toBe(false);
    const core = recommendTemplates(input, BUILTIN_LIBRARY, { framework: "core-2021" });
    expect(core.find((s) => s.template.id === "training.cost1")?.placement).toEqual({ level1: "成本", level2: "经济成本" });
    const four = recommendTemplates(input, BUILTIN_LIBRARY, { framework: "four-goal" });
    expect(four.find((s) => s.template.id === "training.sat1")?.placement).toEqual({ level1: "效益", level2: "服务对象满意度" });
    expect(four.some((s) => s.template.id === "general.longterm1")).toBe(true);
  });

  it("is deterministic and needs no text to return nothing", () => {
    expect(recommendTypes(input, BUILTIN_LIBRARY)).toEqual(recommendTypes(input, BUILTIN_LIBRARY));
    expect(recommendTypes({}, BUILTIN_LIBRARY)).toEqual([]);
    expect(recommendTypes({ projectName: "!!!" }, BUILTIN_LIBRARY)).toEqual([]);
  });

  it("finds templates by words in the name, description or type", () => {
    expect(searchTemplates("满意度", BUILTIN_LIBRARY, { limit: 100 }).every((t) => /满意/.test(t.name + t.description))).toBe(true);
    expect(searchTemplates("专线", BUILTIN_LIBRARY)[0].projectTypes).toContain("network-line");
    expect(searchTemplates("清洁取暖", BUILTIN_LIBRARY).some((t) => t.projectTypes.includes("clean-heating"))).toBe(true);
    expect(searchTemplates("   ", BUILTIN_LIBRARY)).toEqual([]);
    // management templates of the evaluation framework do not show up for a common-framework table
    expect(searchTemplates("立项依据充分性", BUILTIN_LIBRARY)[0].id).toBe("general.approval1");
    expect(searchTemplates("立项依据充分性", BUILTIN_LIBRARY, { framework: "common" }).some((t) => t.projectTypes.includes("general"))).toBe(false);
  });
});
