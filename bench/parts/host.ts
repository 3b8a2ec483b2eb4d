/**
 * The Excel host on the fake Excel object model (test/fakes): syncs and request payload bytes to
 * read 1 and 50 sheets and to mark 10 and 1,000 findings.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import type { PartContext, PartResult } from "./util";

export async function hostPart(ctx: PartContext): Promise<PartResult> {
  const host = path.join(ctx.root, "src", "host", "excel");
  const fakes = path.join(ctx.root, "test", "fakes");
  const landed = existsSync(path.join(host, "index.ts")) && existsSync(fakes);
  return {
    keys: { syncs_read_50_sheets: null, syncs_mark_1000_findings: null },
    details: { landed },
    missing: "the Excel host (src/host/excel) and the fake object model (test/fakes) have not landed yet",
  };
}
