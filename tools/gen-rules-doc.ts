/** Writes docs/rules.md from the rule registry (npm run docs:rules). */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { renderRulesReference } from "../src/core/rules/reference";

const out = path.join(__dirname, "..", "docs", "rules.md");
writeFileSync(out, renderRulesReference() + "\n");
process.stdout.write(`wrote ${out}\n`);
