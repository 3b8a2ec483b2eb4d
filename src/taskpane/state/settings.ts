/**
 * Rules on/off as the Settings view edits them. `disabledRules` holds rule ids or whole families
 * ("vague"), exactly as the engine and the CLI configuration read them.
 */
import { RULES } from "../../core/rules";

function familyOf(id: string): string {
  return id.split(".")[0];
}

export function isRuleEnabled(disabled: readonly string[], id: string): boolean {
  return !disabled.some((d) => d === id || id.startsWith(d + "."));
}

/**
 * Switch one rule on or off. Switching on a rule whose whole family is off keeps the family's
 * other rules off, one by one; a family whose rules are all off collapses back to its name.
 */
export function setRuleEnabled(disabled: readonly string[], id: string, enabled: boolean, ruleIds: readonly string[] = RULES.map((r) => r.id)): string[] {
  const family = familyOf(id);
  const members = ruleIds.filter((r) => familyOf(r) === family);
  // expand the family entry, if any, into its members
  let set = new Set<string>();
  for (const d of disabled) {
    if (d === family) members.forEach((m) => set.add(m));
    else set.add(d);
  }
  if (enabled) set.delete(id);
  else set.add(id);
  if (members.length > 1 && members.every((m) => set.has(m))) {
    set = new Set([...set].filter((d) => !members.includes(d)));
    set.add(family);
  }
  return [...set].sort();
}
