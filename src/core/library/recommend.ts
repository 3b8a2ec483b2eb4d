/**
 * Recommendation: which project types a table belongs to, and which templates fit it.
 * Keyword hits (weighted by where they occur: the project name counts most) plus character-bigram
 * TF-IDF similarity between the table's texts and each type's profile (keywords, description,
 * template names). Pure and offline: no network, no model.
 */
import { memoizeByObject } from "../memo";
import type { FrameworkId, TargetTable } from "../model";
import { placementIn, type Placement } from "./placement";
import type { Library, ProjectType, Template } from "./schema";
import { addText, cosine, dice, normalise, weigh, type Vector } from "./similarity";

/** What the recommender reads from a table. */
export interface RecommendInput {
  projectName?: string;
  /** 资金用途 / 项目概况 */
  purpose?: string;
  /** 绩效目标 texts */
  goals?: string[];
  /** 项目实施内容, 立项依据 … */
  background?: string[];
  /** existing 三级 indicator names */
  indicators?: string[];
}

export function inputFromTable(t: TargetTable): RecommendInput {
  const fields = [t.texts.implementationContent, t.texts.implementationPlan, ...t.texts.background];
  return {
    projectName: t.projectName?.text ?? t.title?.text.replace(/项目?(支出)?绩效目标(申报)?表$/, ""),
    purpose: t.texts.purpose?.text,
    goals: t.texts.goals.map((g) => g.text),
    background: fields.filter((f): f is NonNullable<typeof f> => !!f).map((f) => f.text),
    indicators: t.indicators.map((i) => i.name?.text).filter((s): s is string => !!s),
  };
}

export interface TypeSuggestion {
  type: ProjectType;
  /** 0..1, relative to the best type */
  score: number;
  /** keywords found in the table's texts */
  matched: string[];
}

export interface TemplateSuggestion {
  template: Template;
  score: number;
  /** where it goes in the requested framework */
  placement: Placement;
  /** an indicator with (nearly) the same name is already in the table */
  present: boolean;
}

const FIELD_WEIGHTS = { name: 4, purpose: 1.5, goals: 1, background: 0.6, indicators: 1 } as const;
type FieldName = keyof typeof FIELD_WEIGHTS;

function fieldsOf(input: RecommendInput): [FieldName, string][] {
  const out: [FieldName, string][] = [];
  if (input.projectName) out.push(["name", input.projectName]);
  if (input.purpose) out.push(["purpose", input.purpose]);
  for (const g of input.goals ?? []) out.push(["goals", g]);
  for (const b of input.background ?? []) out.push(["background", b]);
  if (input.indicators?.length) out.push(["indicators", input.indicators.join("。")]);
  return out;
}

interface Profile {
  type: ProjectType;
  vector: Vector;
  keywords: { text: string; norm: string; weight: number }[];
}

interface Index {
  profiles: Profile[];
  idf: (g: string) => number;
}

/** Each library's index, built once. */
const buildIndex = memoizeByObject(computeIndex);

function computeIndex(library: Library): Index {
  const byType = new Map<string, Template[]>();
  for (const t of library.templates) for (const id of t.projectTypes) byType.set(id, [...(byType.get(id) ?? []), t]);
  const raw = library.types
    .filter((t) => t.id !== "general")
    .map((type) => {
      const v: Vector = new Map();
      for (const part of type.zh.split("/")) addText(v, part, 3);
      for (const k of type.keywords) addText(v, k, 2);
      addText(v, type.description, 1);
      for (const t of byType.get(type.id) ?? []) addText(v, t.name, 0.4);
      const keywords = [...new Set([...type.keywords, ...type.zh.split("/")])].map((k) => {
        const n = normalise(k);
        // longer keywords are more specific
        return { text: k, norm: n, weight: Math.min([...n].length, 4) / 2 };
      });
      return { type, v, keywords };
    });
  const df = new Map<string, number>();
  for (const r of raw) for (const g of r.v.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const n = raw.length || 1;
  const idf = (g: string) => Math.log(1 + n / (df.get(g) ?? 0.5));
  const index: Index = { profiles: raw.map((r) => ({ type: r.type, vector: weigh(r.v, idf), keywords: r.keywords })), idf };
  return index;
}

function inputVector(input: RecommendInput, idf: (g: string) => number): Vector {
  const v: Vector = new Map();
  for (const [f, s] of fieldsOf(input)) addText(v, s, FIELD_WEIGHTS[f]);
  return weigh(v, idf);
}

/** Project types ranked for the input, best first (score relative to the best, 0..1). */
export function recommendTypes(input: RecommendInput, library: Library, limit = 5): TypeSuggestion[] {
  const { profiles, idf } = buildIndex(library);
  const fields = fieldsOf(input).map(([f, s]) => [f, normalise(s)] as const);
  const v = inputVector(input, idf);
  const scored = profiles.map((p) => {
    let kw = 0;
    const matched: string[] = [];
    for (const k of p.keywords) {
      if (!k.norm) continue;
      let best = 0;
      for (const [f, s] of fields) if (s.includes(k.norm)) best = Math.max(best, FIELD_WEIGHTS[f]);
      if (best > 0) {
        kw += k.weight * best;
        matched.push(k.text);
      }
    }
    return { type: p.type, kw, sim: cosine(v, p.vector), matched };
  });
  const maxKw = Math.max(1e-9, ...scored.map((s) => s.kw));
  const maxSim = Math.max(1e-9, ...scored.map((s) => s.sim));
  const combined = scored.map((s) => ({ ...s, score: 0.55 * (s.kw / maxKw) + 0.45 * (s.sim / maxSim) }));
  combined.sort((a, b) => b.score - a.score || a.type.id.localeCompare(b.type.id));
  const top = combined[0]?.score || 1;
  return combined
    .filter((s) => s.score > 0)
    .slice(0, limit)
    .map((s) => ({ type: s.type, score: Number((s.score / top).toFixed(4)), matched: s.matched }));
}

export interface TemplateOptions {
  /** the table's framework: only templates with a place in it are returned */
  framework?: FrameworkId;
  /** restrict to these project types (default: the top recommended types) */
  types?: string[];
  /** how many types to draw templates from when `types` is not given */
  typeCount?: number;
  /** include the management/common templates of the framework (决策, 过程, 投入与目标管理, 影响力 …) */
  includeGeneral?: boolean;
  limit?: number;
}

/** Does the table already carry an indicator like this one? */
export function isPresent(name: string, existing: readonly string[]): boolean {
  const n = normalise(name);
  return existing.some((e) => normalise(e) === n || dice(e, name) >= 0.8);
}

/** Templates ranked for the input, best first. */
export function recommendTemplates(input: RecommendInput, library: Library, options: TemplateOptions = {}): TemplateSuggestion[] {
  const types = options.types
    ? options.types.map((id, i) => ({ id, score: 1 - i * 0.1 }))
    : recommendTypes(input, library, options.typeCount ?? 3).map((s) => ({ id: s.type.id, score: s.score }));
  const typeScore = new Map(types.map((t) => [t.id, t.score]));
  if (options.includeGeneral ?? true) typeScore.set("general", Math.max(typeScore.get("general") ?? 0, 0.5));
  const text = fieldsOf(input).map(([, s]) => s).join("。");
  const existing = input.indicators ?? [];
  const out: TemplateSuggestion[] = [];
  for (const t of library.templates) {
    const ts = Math.max(0, ...t.projectTypes.map((id) => typeScore.get(id) ?? 0));
    if (ts <= 0) continue;
    const fw = options.framework;
    const placement = fw ? (t.frameworks.includes(fw) ? placementIn(t.level1, t.level2, fw) : undefined) : { level1: t.level1, level2: t.level2 };
    if (!placement) continue;
    const rel = dice(`${t.name}${t.keywords.join("")}`, text);
    out.push({ template: t, score: Number((ts + 0.5 * rel).toFixed(4)), placement, present: isPresent(t.name, existing) });
  }
  out.sort((a, b) => b.score - a.score || library.templates.indexOf(a.template) - library.templates.indexOf(b.template));
  return options.limit ? out.slice(0, options.limit) : out;
}

/** Free-text search over templates (name, description, keywords, type names). */
export function searchTemplates(query: string, library: Library, options: { framework?: FrameworkId; limit?: number } = {}): Template[] {
  const q = normalise(query);
  if (!q) return [];
  const typeName = new Map(library.types.map((t) => [t.id, `${t.zh}${t.en}${t.keywords.join("")}`]));
  const scored: { t: Template; s: number }[] = [];
  for (const t of library.templates) {
    if (options.framework && !t.frameworks.includes(options.framework)) continue;
    const hay = normalise(`${t.name}|${t.description}|${t.keywords.join("|")}|${t.projectTypes.map((id) => typeName.get(id) ?? id).join("|")}`);
    const exact = hay.includes(q) ? 1 : 0;
    const nameHit = normalise(t.name).includes(q) ? 1 : 0;
    const s = exact + nameHit + dice(query, `${t.name}${t.description}`);
    if (s > 0.2) scored.push({ t, s });
  }
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, options.limit ?? 50).map((x) => x.t);
}

export interface Recommendation {
  types: TypeSuggestion[];
  templates: TemplateSuggestion[];
}

/** Types and templates for one table. */
export function recommendForTable(table: TargetTable, library: Library, options: Omit<TemplateOptions, "framework"> = {}): Recommendation {
  const input = inputFromTable(table);
  const types = recommendTypes(input, library, Math.max(3, options.typeCount ?? 3));
  const templates = recommendTemplates(input, library, {
    ...options,
    framework: table.framework.id,
    types: options.types ?? types.slice(0, options.typeCount ?? 3).map((t) => t.type.id),
  });
  return { types, templates };
}
