/**
 * The engine's error and warning findings for the corpus target tables, compared exactly with the
 * reviewed list in test/fixtures/corpus-findings.json (each finding judged in
 * test/fixtures/corpus-findings-review.md). A change of any rule or of recognition shows up here and
 * as a diff of that file in review.
 */
import { CORPUS_TARGET_FILES, corpusFixtureFor } from "../../tools/gen-corpus-findings";
import { renderFixture, type Fixture } from "../../tools/gen-seed-findings";
import { CORPUS_FILES, loadCorpusGrids } from "../helpers/examples";
import expected from "../fixtures/corpus-findings.json";
import reading from "../fixtures/corpus-reading.json";

const TARGETS = CORPUS_FILES.filter((f) => f.startsWith("targets/"));

function lines(fx: Fixture): string[] {
  return fx.files.flatMap((f) => f.tables.flatMap((t) => t.findings.map((x) => `${f.file} | ${t.project ?? "-"} | ${x.sheet}!${x.cell} | ${x.rule} | ${x.severity}`)));
}

/** The lines of `a` not matched one for one in `b` (the same finding may stand twice on one cell: two empty 一级). */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const l of b) left.set(l, (left.get(l) ?? 0) + 1);
  return a.filter((l) => {
    const n = left.get(l) ?? 0;
    if (n > 0) left.set(l, n - 1);
    return n === 0;
  });
}

describe("the findings of the corpus target tables", () => {
  let actual: Fixture;
  beforeAll(async () => {
    const files = [];
    for (const file of TARGETS) files.push({ file, grids: await loadCorpusGrids(file) });
    actual = corpusFixtureFor(files);
  });

  it("are read from every corpus target workbook", () => {
    expect(TARGETS.length).toBeGreaterThanOrEqual(37);
    expect([...CORPUS_TARGET_FILES]).toEqual(TARGETS);
    expect((expected as Fixture).files.map((f) => f.file)).toEqual(TARGETS);
  });

  it("are exactly the reviewed list in test/fixtures/corpus-findings.json", () => {
    const want = lines(expected as Fixture);
    const got = lines(actual);
    const removed = minus(want, got);
    const added = minus(got, want);
    const moved = removed.length === 0 && added.length === 0 && want.join("\n") !== got.join("\n");
    if (removed.length || added.length || moved) {
      throw new Error(
        [
          "The engine's error and warning findings on the corpus target tables changed.",
          "Review the change as a finance-bureau reviewer would: would a careful reviewer raise each new finding, on that cell, with that wording, and agree that each missing one was wrong? Check test/fixtures/corpus-findings-review.md, which judges every finding.",
          "If the new behaviour is right, run `npm run fixtures:corpus-findings`, update the review and commit both with the change; otherwise fix the rule.",
          ...(removed.length ? ["", "No longer found:", ...removed.map((l) => `  - ${l}`)] : []),
          ...(added.length ? ["", "Newly found:", ...added.map((l) => `  + ${l}`)] : []),
          ...(moved ? ["", "Same findings in a different order or grouping."] : []),
        ].join("\n"),
      );
    }
  });

  it("cover every table (one per term where a file gives two: 17, 29) with the same ranges and project names", () => {
    // as many tables as the hand-written reading expectations give each file
    const tablesOf = (f: string) => (reading as { file: string; tables: unknown[] }[]).find((e) => e.file === f.replace(/\.xlsx$/, ".tsv"))?.tables.length;
    expect(actual.files.map((f) => f.tables.filter((t) => t.table).length)).toEqual(TARGETS.map(tablesOf));
    if (renderFixture(expected as Fixture) !== renderFixture(actual))
      throw new Error(
        "The corpus tables' ranges, project names or grouping changed. Review the diff of `npm run fixtures:corpus-findings` and commit test/fixtures/corpus-findings.json (and the review) if it is right.",
      );
  });
});
