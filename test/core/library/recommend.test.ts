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
    if (process.env.JIXIAO_SHOW_RECOMMEND) console.log(`${hits}/30 (${inputs[0].source})\n${rows.join("\n")}`);
    expect(hits).toBeGreaterThanOrEqual(27);
  });
});
