/**
 * `jixiao check` on a batch shares the files with a worker thread (src/cli/checkWorker.ts, issue 17):
 * the bundle's output must be byte for byte what one thread writes — JSON and text, an unreadable
 * file and a missing one among them, stderr and the exit code too.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EX, ROOT } from "../helpers/cli";

describe("jixiao check with a worker thread", () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT });
    dir = mkdtempSync(path.join(tmpdir(), "jixiao-workers-"));
    files = [];
    const examples = ["seed000-stacked.xlsx", "seed000.xlsx", "seed001.xlsx", "seed002.xlsx"];
    for (let i = 0; i < 24; i++) {
      const f = path.join(dir, `${String(i).padStart(2, "0")}.xlsx`);
      copyFileSync(EX(examples[i % examples.length]), f);
      files.push(f);
    }
    const bad = path.join(dir, "12b.xlsx");
    writeFileSync(bad, "not a workbook");
    files.splice(12, 0, bad, path.join(dir, "missing.xlsx"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (args: string[], workers: string) =>
    spawnSync("node", [path.join(ROOT, "bin", "jixiao.js"), "check", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, JIXIAO_WORKERS: workers } });

  it.each([[["--format", "json"]], [["--lang", "en"]], [["--summary"]]])("gives what one thread gives (%j)", (args) => {
    const one = check([...files, ...args], "0");
    const two = check([...files, ...args], "1");
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.status).toBe(one.status);
  });
});
