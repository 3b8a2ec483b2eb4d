/** Writes docs/rules.md from the rule registry and the framework catalogue (npm run docs:rules). */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { renderFrameworksReference } from "../src/core/frameworks/reference";
import { renderRulesReference } from "../src/core/rules/reference";

export const RULES_DOC = path.join(__dirname, "..", "docs", "rules.md");

/** docs/rules.md as it must be: every rule, then every framework. */
export function rulesDoc(): string {
  return renderRulesReference() + "\n\n" + renderFrameworksReference() + "\n";
}

if (require.main === module) {
  writeFileSync(RULES_DOC, rulesDoc());
  process.stdout.write(`wrote ${RULES_DOC}\n`);
}
