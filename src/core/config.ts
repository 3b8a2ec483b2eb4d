/**
 * The configuration file (jixiao.config.json): one zod schema is the type and the shape's checks;
 * every rule id or family in `rules` is checked against the rule catalogue (a typo is an error
 * that names the nearest id, never a setting silently ignored).
 *
 * `rules` entries mean the same for "off" and for a severity, for a family ("vague") and for an
 * id ("vague.qualitative"); the more specific entry wins: `{ "vague": "off", "vague.qualitative":
 * "warning" }` keeps that one rule of the family, as a warning.
 */
import { z } from "zod";
import { SEVERITIES } from "./finding";
import { FRAMEWORK_IDS, type FrameworkId } from "./frameworks/ids";
import type { MoneyUnit } from "./model";
import { MONEY_UNITS } from "./value/units";
import { RULES } from "./rules";
import type { GradeBands } from "./rules/types";

const severity = z.enum(SEVERITIES);
type SeverityName = z.infer<typeof severity>;

export const ConfigSchema = z
  .object({
    /** rule id or family -> "off" or a severity */
    rules: z.record(z.string(), z.union([z.literal("off"), severity])).optional(),
    framework: z.enum(FRAMEWORK_IDS).optional(),
    moneyUnit: z.enum(MONEY_UNITS).optional(),
    placeholderWords: z.array(z.string().min(1).max(50)).max(200).optional(),
    /** a self-evaluation's grades: the lowest 总分 of 优, 良 and 中 (差 below), default 90 / 80 / 60 */
    gradeBands: z
      .object({ 优: z.number().min(0).max(100), 良: z.number().min(0).max(100), 中: z.number().min(0).max(100) })
      .strict()
      .refine((b) => b.优 > b.良 && b.良 > b.中, { message: "优 > 良 > 中" })
      .optional(),
    lang: z.enum(["zh", "en"]).optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

/** The file's keys, for naming the nearest one to a key that is not one of them. */
export const CONFIG_KEYS = Object.keys(ConfigSchema.shape);

/**
 * What is wrong with a configuration, as data: the CLI says it in the user's language
 * (src/cli/messages.ts); parseConfig's `message` says it in English, on one line.
 *
 *   json            not JSON (detail: the parser's words)
 *   too-large       over 1 MB
 *   unknown-key     a key the file does not have (suggestion: the nearest key)
 *   unknown-rule    a rule id or family the catalogue does not have (suggestion: the nearest)
 *   bad-value       a value not among `allowed`
 *   bad-type        a value of the wrong kind (expected: string, array, object …)
 *   invalid         anything else zod reports (detail: its message)
 */
export interface ConfigProblem {
  code: "json" | "too-large" | "unknown-key" | "unknown-rule" | "bad-value" | "bad-type" | "invalid";
  /** where in the file: "rules.vage", "moneyUnit", "" for the whole file */
  path: string;
  /** the key or id at fault */
  key?: string;
  suggestion?: string;
  allowed?: string[];
  expected?: string;
  detail?: string;
}

export type CheckedConfig = { ok: true; config: Config } | { ok: false; problem: ConfigProblem };

/** Edit distance (insert, delete, replace, swap of neighbours), for suggesting the id meant. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The known name nearest to `name` (by edit distance, then by a shared part), or undefined when none is close. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  if (best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3))) return best;
  // "qualitative" for "vague.qualitative", "direction" for "cost.direction": the part after the family
  const tail = name.split(".").pop() ?? name;
  return known.find((k) => k.split(".").pop() === tail) ?? known.find((k) => tail.length >= 4 && k.includes(tail));
}

/** Every rule id and family the catalogue has. */
export function ruleCatalogue(ruleIds: readonly string[] = RULES.map((r) => r.id)): { ids: string[]; families: string[] } {
  return { ids: [...ruleIds], families: [...new Set(ruleIds.map((id) => id.split(".")[0]))] };
}

function describe(p: ConfigProblem): string {
  const at = p.path || "(root)";
  switch (p.code) {
    case "json":
      return `not valid JSON (${p.detail ?? ""})`;
    case "too-large":
      return "file larger than 1 MB";
    case "unknown-key":
      return `${at}: unknown key${p.suggestion ? `; did you mean ${p.suggestion}?` : ""}`;
    case "unknown-rule":
      return `${at}: no rule or rule family "${p.key}"${p.suggestion ? `; did you mean ${p.suggestion}?` : ""}`;
    case "bad-value":
      return `${at}: must be one of ${(p.allowed ?? []).join(", ")}`;
    case "bad-type":
      return `${at}: must be ${p.expected ?? "another kind of value"}`;
    default:
      return `${at}: ${p.detail ?? "invalid"}`;
  }
}

const fail = (problem: ConfigProblem): CheckedConfig => ({ ok: false, problem });

/** Parse configuration JSON text; returns the config or a message (English, one line) naming the key and what is allowed. */
export function parseConfig(text: string, ruleIds?: readonly string[]): { ok: true; config: Config } | { ok: false; message: string } {
  const r = checkConfig(text, ruleIds);
  return r.ok ? r : { ok: false, message: describe(r.problem).replace(/\s*\n\s*/g, " ") };
}

/** Parse configuration JSON text; returns the config or what is wrong with it (the first problem), as data. */
export function checkConfig(text: string, ruleIds?: readonly string[]): CheckedConfig {
  if (text.length > 1_000_000) return fail({ code: "too-large", path: "" });
  let data: unknown;
  try {
    data = JSON.parse(text, (k, v: unknown) => (k === "__proto__" || k === "constructor" || k === "prototype" ? undefined : v));
  } catch (e) {
    return fail({ code: "json", path: "", detail: (e as Error).message.split("\n")[0] });
  }
  const r = ConfigSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0];
      return fail({ code: "unknown-key", path: path ? `${path}.${key}` : key, key, suggestion: nearest(key, CONFIG_KEYS) });
    }
    if (issue.code === "invalid_value") return fail({ code: "bad-value", path, allowed: issue.values.map(String) });
    if (issue.code === "invalid_union" && issue.path[0] === "rules") return fail({ code: "bad-value", path, allowed: ["off", ...severity.options] });
    if (issue.code === "invalid_type") return fail({ code: "bad-type", path, expected: issue.expected });
    return fail({ code: "invalid", path, detail: issue.message });
  }
  const { ids, families } = ruleCatalogue(ruleIds);
  const known = new Set([...ids, ...families]);
  for (const key of Object.keys(r.data.rules ?? {}))
    if (!known.has(key)) return fail({ code: "unknown-rule", path: `rules.${key}`, key, suggestion: nearest(key.toLowerCase(), [...families, ...ids]) });
  return { ok: true, config: r.data };
}

/** Engine options from a configuration. */
export interface ConfigOptions {
  /** rule ids switched off, a whole family by its name */
  disabledRules: string[];
  /** rule id -> severity, one entry per rule id */
  severityOverrides: Record<string, SeverityName>;
  frameworkOverride?: FrameworkId;
  defaultMoneyUnit?: MoneyUnit;
  placeholderWords: string[];
  gradeBands?: GradeBands;
}

/**
 * Configuration -> engine options. Each rule of the catalogue takes its own entry, else its
 * family's; a family whose rules are all off is disabled by its name.
 */
export function configToOptions(c: Config, ruleIds: readonly string[] = RULES.map((r) => r.id)): ConfigOptions {
  const entries = c.rules ?? {};
  const disabled = new Set<string>();
  const severityOverrides: Record<string, SeverityName> = {};
  for (const id of ruleIds) {
    const v = Object.prototype.hasOwnProperty.call(entries, id) ? entries[id] : entries[id.split(".")[0]];
    if (v === undefined) continue;
    if (v === "off") disabled.add(id);
    else severityOverrides[id] = v;
  }
  const disabledRules: string[] = [];
  const { families } = ruleCatalogue(ruleIds);
  for (const fam of families) {
    const members = ruleIds.filter((id) => id.split(".")[0] === fam);
    if (members.every((m) => disabled.has(m))) disabledRules.push(fam);
    else disabledRules.push(...members.filter((m) => disabled.has(m)));
  }
  return {
    disabledRules,
    severityOverrides,
    frameworkOverride: c.framework,
    defaultMoneyUnit: c.moneyUnit,
    placeholderWords: c.placeholderWords ?? [],
    ...(c.gradeBands ? { gradeBands: c.gradeBands } : {}),
  };
}
