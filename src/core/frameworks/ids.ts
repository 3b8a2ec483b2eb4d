/**
 * The indicator frameworks Jixiao knows, by id: the one list that gives the FrameworkId type, the
 * zod enums of the configuration and the library, and the check of a stored workbook setting.
 * Their labels and rules are data in ./data.ts (FRAMEWORKS, in this order).
 */
export const FRAMEWORK_IDS = ["common", "core-2021", "evaluation", "four-goal", "ndrc-investment"] as const;

export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export function isFrameworkId(x: unknown): x is FrameworkId {
  return typeof x === "string" && (FRAMEWORK_IDS as readonly string[]).includes(x);
}
