/** The configuration file (jixiao.config.json): one zod schema is the type and the error messages. */
import { z } from "zod";

const severity = z.enum(["error", "warning", "info"]);

export const ConfigSchema = z
  .object({
    /** rule id or family -> "off" or a severity */
    rules: z.record(z.string().regex(/^[a-z-]+(\.[a-z0-9-]+)?$/, "a rule id such as cost.direction or a family such as vague"), z.union([z.literal("off"), severity])).optional(),
    framework: z.enum(["common", "core-2021", "evaluation", "four-goal"]).optional(),
    moneyUnit: z.enum(["元", "万元", "亿元"]).optional(),
    placeholderWords: z.array(z.string().min(1).max(50)).max(200).optional(),
    lang: z.enum(["zh", "en"]).optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

/** Parse configuration JSON text; returns the config or a message naming the key and what is allowed. */
export function parseConfig(text: string): { ok: true; config: Config } | { ok: false; message: string } {
  if (text.length > 1_000_000) return { ok: false, message: "file larger than 1 MB" };
  let data: unknown;
  try {
    data = JSON.parse(text, (k, v: unknown) => (k === "__proto__" || k === "constructor" || k === "prototype" ? undefined : v));
  } catch (e) {
    return { ok: false, message: `not valid JSON (${(e as Error).message})` };
  }
  const r = ConfigSchema.safeParse(data);
  if (r.success) return { ok: true, config: r.data };
  const first = r.error.issues[0];
  const path = first.path.join(".") || "(root)";
  return { ok: false, message: `${path}: ${first.message}` };
}

/** Configuration -> engine options. */
export function configToOptions(c: Config): {
  disabledRules: string[];
  severityOverrides: Record<string, "error" | "warning" | "info">;
  frameworkOverride?: "common" | "core-2021" | "evaluation" | "four-goal";
  defaultMoneyUnit?: "元" | "万元" | "亿元";
  placeholderWords: string[];
} {
  const disabledRules: string[] = [];
  const severityOverrides: Record<string, "error" | "warning" | "info"> = {};
  for (const [id, v] of Object.entries(c.rules ?? {})) {
    if (v === "off") disabledRules.push(id);
    else severityOverrides[id] = v;
  }
  return { disabledRules, severityOverrides, frameworkOverride: c.framework, defaultMoneyUnit: c.moneyUnit, placeholderWords: c.placeholderWords ?? [] };
}
