/**
 * Workbook settings as both hosts store them (Office.js workbook.settings; the memory host's settings
 * map): the key, the size limit of a user library, and the parser that turns an untrusted stored
 * value into WorkbookSettings.
 */
import { isFrameworkId } from "../../core/frameworks/ids";
import { isMoneyUnit } from "../../core/value/units";
import type { FrameworkId } from "../../core/model";
import type { IgnoredFinding, WorkbookSettings } from "../types";
import { safeJson } from "./json";

/** Workbook setting key of Jixiao's decisions (ignored findings, framework overrides, options). */
export const SETTINGS_KEY = "jixiao.settings";

/** Longest user library kept in the workbook's settings (Office keeps settings small: about 2 MB in all). */
export const USER_LIBRARY_MAX_CHARS = 1_000_000;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Stored settings -> WorkbookSettings. The stored value is untrusted (anyone can edit a file):
 * unknown keys are dropped, wrong entries are dropped one by one, sizes are capped, and keys that
 * could pollute prototypes are refused. Never throws; the worst case is DEFAULT_SETTINGS.
 */
export function parseWorkbookSettings(raw: unknown): WorkbookSettings {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  const out: WorkbookSettings = { ignored: [], frameworkOverride: {}, disabledRules: [], keepMarksOnSave: false };
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.ignored)) {
    for (const item of v.ignored.slice(0, 50_000)) {
      if (!item || typeof item !== "object") continue;
      const { key, reason, at } = item as Record<string, unknown>;
      if (typeof key !== "string" || key.length === 0 || key.length > 2_000) continue;
      const entry: IgnoredFinding = { key, at: typeof at === "string" && at.length <= 40 ? at : "" };
      if (typeof reason === "string" && reason.length > 0) entry.reason = reason.slice(0, 2_000);
      out.ignored.push(entry);
    }
  }
  if (v.frameworkOverride && typeof v.frameworkOverride === "object" && !Array.isArray(v.frameworkOverride)) {
    const entries = Object.entries(v.frameworkOverride as Record<string, unknown>).slice(0, 10_000);
    const clean: [string, FrameworkId][] = [];
    for (const [k, f] of entries) {
      if (FORBIDDEN_KEYS.has(k) || k.length > 300) continue;
      if (isFrameworkId(f)) clean.push([k, f]);
    }
    out.frameworkOverride = Object.fromEntries(clean);
  }
  if (Array.isArray(v.disabledRules)) {
    out.disabledRules = v.disabledRules.filter((r): r is string => typeof r === "string" && r.length > 0 && r.length <= 200).slice(0, 1_000);
  }
  if (typeof v.keepMarksOnSave === "boolean") out.keepMarksOnSave = v.keepMarksOnSave;
  if (v.lang === "zh" || v.lang === "en") out.lang = v.lang;
  if (typeof v.moneyUnit === "string" && isMoneyUnit(v.moneyUnit)) out.moneyUnit = v.moneyUnit;
  if (typeof v.userLibrary === "string" && v.userLibrary.length > 0 && v.userLibrary.length <= USER_LIBRARY_MAX_CHARS) out.userLibrary = v.userLibrary;
  return out;
}
