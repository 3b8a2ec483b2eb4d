/** The built-in library: valid data, enough of it, every 一级/二级 covered, none of the mistakes the rules report (docs/rules.md). */
import { FRAMEWORKS, LIBRARY_FRAMEWORKS } from "../../../src/core/frameworks/data";
import { BUILTIN_LIBRARY, PROJECT_TYPES } from "../../../src/core/library/data";
import { placementIn } from "../../../src/core/library/placement";
import { lintTemplate } from "../../../src/core/library/quality";
import { renderValue } from "../../../src/core/library/render";
import { LibraryFileSchema, ProjectTypeSchema, TemplateSchema } from "../../../src/core/library/schema";
import { skeleton, skeletonGrid } from "../../../src/core/library/skeleton";
import { toLibraryFile } from "../../../src/core/library/io";
import { parseValue } from "../../../src/core/value/parse";

const { types, templates } = BUILTIN_LIBRARY;
const real = templates.filter((t) => !t.projectTypes.includes("general"));

describe("library data", () => {
  it("validates against the schema", () => {
    for (const t of types) expect(ProjectTypeSchema.safeParse(t).success).toBe(true);
    const bad = templates.map((t) => [t.id, TemplateSchema.safeParse(t)] as const).filter(([, r]) => !r.success);
    expect(bad.map(([id, r]) => `${id}: ${r.error?.issues.map((i) => i.message).join("; ")}`)).toEqual([]);
    expect(LibraryFileSchema.safeParse(toLibraryFile(BUILTIN_LIBRARY)).success).toBe(true);
  });

  it("has at least 30 project types and 300 templates, unique ids, every type used", () => {
    expect(PROJECT_TYPES.length).toBeGreaterThanOrEqual(30);
    expect(templates.length).toBeGreaterThanOrEqual(300);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(new Set(types.map((t) => t.id)).size).toBe(types.length);
    const typeIds = new Set(types.map((t) => t.id));
    for (const t of templates) for (const id of t.projectTypes) expect(typeIds.has(id)).toBe(true);
    for (const ty of PROJECT_TYPES) expect(real.filter((t) => t.projectTypes.includes(ty.id)).length).toBeGreaterThanOrEqual(8);
  });

  it("covers the project types the issue lists", () => {
    const zh = PROJECT_TYPES.map((t) => t.zh).join("|");
    for (const w of ["宣传", "培训", "会议", "聘用人员", "劳务派遣", "人事代理", "奖励绩效工资", "房屋租赁", "物业管理", "大厅", "办公运转", "信息系统运维", "网络专线", "系统开发升级", "设备购置", "家具购置", "印刷", "审计", "法律顾问", "帮扶", "工程建设", "维修改造", "保障性住房", "公租房", "清洁取暖", "车辆运行", "专家评审", "政务服务", "疫情防控", "课题研究", "补助发放", "贷款管理", "档案管理", "执法检查"])
      expect(zh).toContain(w);
  });

  it.each(LIBRARY_FRAMEWORKS.map((f) => [f.id, f] as const))("has templates for every 一级/二级 of %s", (id, fw) => {
    const empty: string[] = [];
    for (const a of fw.level1)
      for (const b of a.level2) {
        const n = templates.filter((t) => t.frameworks.includes(id) && placementIn(t.level1, t.level2, id)?.level1 === a.key && placementIn(t.level1, t.level2, id)?.level2 === b.key).length;
        if (n === 0) empty.push(`${a.key}/${b.key}`);
      }
    expect(empty).toEqual([]);
  });

  it("gives every project type the required output, cost and satisfaction indicators", () => {
    for (const ty of PROJECT_TYPES) {
      const own = real.filter((t) => t.projectTypes.includes(ty.id));
      for (const l2 of ["数量", "质量", "时效", "成本", "服务对象满意度"]) expect([ty.id, l2, own.some((t) => t.level2 === l2)]).toEqual([ty.id, l2, true]);
      // one budget-derived total at most: a second total would add up past the budget
      expect(own.filter((t) => t.derive === "budget")).toHaveLength(1);
    }
  });

  it("has a skeleton per framework with every 一级/二级", () => {
    for (const fw of FRAMEWORKS) {
      const rows = skeleton(fw.id);
      expect(rows).toHaveLength(fw.level1.reduce((n, a) => n + a.level2.length, 0));
      expect(skeletonGrid(fw.id)).toHaveLength(rows.length);
    }
    expect(skeletonGrid("common")[0]).toEqual(["产出指标", "数量指标"]);
    expect(skeletonGrid("four-goal").find((r) => r[1] === "满意度")).toBeDefined();
  });
});

describe("no template carries a mistake the rules report (docs/rules.md)", () => {
  it("passes the direct checks (cost ≤ money, satisfaction ≥ %, rates, placement, placeholders, vague words)", () => {
    const problems = templates.flatMap((t) => lintTemplate(t).map((l) => `${t.id} ${t.name} [${l.field}] ${l.zh}`));
    expect(problems).toEqual([]);
  });

  it("writes cost with ≤ and a money unit", () => {
    const costs = templates.filter((t) => t.level2 === "成本" || t.level1 === "成本");
    expect(costs.length).toBeGreaterThanOrEqual(60);
    for (const t of costs) {
      expect([t.id, t.operator]).toEqual([t.id, "≤"]);
      expect([t.id, /^(元|万元|亿元)(\/|$)/.test(t.unit ?? "")]).toEqual([t.id, true]);
    }
  });

  it("writes satisfaction with ≥ and %, at least 80%", () => {
    const sat = templates.filter((t) => /满意/.test(t.name));
    expect(sat.length).toBeGreaterThanOrEqual(34);
    for (const t of sat) {
      expect([t.id, t.operator, t.unit, t.level2]).toEqual([t.id, "≥", "%", "服务对象满意度"]);
      expect(t.value).toBeGreaterThanOrEqual(80);
    }
  });

  it("never writes ≥100% or a rate above 100%", () => {
    for (const t of templates) {
      if (t.unit !== "%") continue;
      const n = t.value ?? t.example ?? 0;
      expect([t.id, n <= 100]).toEqual([t.id, true]);
      if (n === 100) expect([t.id, t.operator]).toEqual([t.id, "="]);
    }
  });

  it("has no placeholder and no vague wording in names, values and texts", () => {
    const placeholder = /^(n%?|x+|×+|\*+)$|xx|××|某某|待定|待填|请填写|tbd/i;
    const vague = /明显|显著|进一步|较高|较大|较好|大幅|逐步|有所|不断|有效|良好/;
    for (const t of templates) {
      for (const s of [t.name, t.description, t.note, t.text ?? ""]) expect([t.id, placeholder.test(s)]).toEqual([t.id, false]);
      for (const s of [t.name, t.text ?? ""]) expect([t.id, s, vague.test(s)]).toEqual([t.id, s, false]);
    }
  });

  it("keeps qualitative answers to the management blocks", () => {
    for (const t of templates.filter((x) => x.kind === "qualitative")) expect(["决策", "过程", "投入与目标管理", "影响力"]).toContain(t.level1);
  });

  it("renders every value into text the value parser reads as intended", () => {
    for (const t of templates) {
      const v = renderValue(t, { moneyUnit: "万元", budgetYuan: 1_000_000, year: 2024, useExamples: true });
      expect([t.id, v.text !== null]).toEqual([t.id, true]);
      const p = parseValue(v.text as string);
      const kind = t.kind === "deadline" ? "date" : t.kind;
      expect([t.id, v.text, p.kind]).toEqual([t.id, v.text, kind]);
      if (t.kind === "quantitative") {
        expect([t.id, p.op]).toEqual([t.id, t.operator]);
        expect([t.id, p.unitInfo]).not.toEqual([t.id, null]);
      }
    }
  });
});
