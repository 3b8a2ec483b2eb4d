/**
 * The task pane: initial JavaScript in KB gzipped (production build), and the playground's
 * time from page load to the first validation result under headless Chromium.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import type { PartContext, PartResult } from "./util";

export async function panePart(ctx: PartContext): Promise<PartResult> {
  const landed = existsSync(path.join(ctx.root, "webpack.config.js")) && existsSync(path.join(ctx.root, "src", "taskpane", "index.tsx"));
  return {
    keys: { pane_initial_kb_gz: null },
    details: { landed },
    missing: "the task pane build (webpack.config.js, src/taskpane entry) has not landed yet",
  };
}

export async function playgroundPart(ctx: PartContext): Promise<PartResult> {
  const landed = existsSync(path.join(ctx.root, "src", "playground"));
  return {
    keys: { playground_first_result_ms: null },
    details: { landed },
    missing: "the playground (src/playground) has not landed yet",
  };
}
