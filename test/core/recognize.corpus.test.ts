/**
 * Reading the corpus (examples/corpus/targets: real tables from 12 provinces, built into .xlsx with
 * their merged cells): for every table, every field of the hand-written expectation in
 * test/fixtures/corpus-reading.json — project, title, goal, money unit, budget figures, framework,
 * header row, and each indicator row's 一级, 二级, name and value (operator and unit where they
 * have columns of their own). `npx ts-node --transpile-only scripts/corpusScore.ts` prints the score.
 */
import { checkFile, EXPECTATIONS, tablesOf, type Check } from "../../scripts/corpusScore";

const misses = (checks: Check[]) => checks.filter((c) => !c.ok).map((c) => `${c.what}: expected ${JSON.stringify(c.expected)}, read ${JSON.stringify(c.actual)}`);

describe("reading the corpus tables", () => {
  it("has an expectation for every target table of the corpus", () => {
    expect(EXPECTATIONS.length).toBeGreaterThanOrEqual(19);
  });

  it.each(EXPECTATIONS.map((e) => [e.file, e] as const))("%s reads as expected", async (_f, e) => {
    const checks = checkFile(e, await tablesOf(e.file));
    expect(checks.length).toBeGreaterThan(10);
    expect(misses(checks)).toEqual([]);
  });
});
