/**
 * The engine's complete findings for all 30 seed tables, compared exactly with the reviewed list in
 * test/fixtures/seed-findings.json. A change of any rule or of recognition shows up here and as a
 * diff of that file in review.
 */
import { fixtureFor, renderFixture, SEED_FILES, type Fixture } from "../../tools/gen-seed-findings";
import { loadExampleGrids } from "../helpers/examples";
import expected from "../fixtures/seed-findings.json";

function lines(fx: Fixture): string[] {
  return fx.files.flatMap((f) => f.tables.flatMap((t) => t.findings.map((x) => `${f.file} | ${t.project ?? "-"} | ${x.sheet}!${x.cell} | ${x.rule} | ${x.severity}`)));
}

describe("the findings of the 30 seed tables", () => {
  let actual: Fixture;
  beforeAll(async () => {
    const files = [];
    for (const file of SEED_FILES) files.push({ file, grids: await loadExampleGrids(file) });
    actual = fixtureFor(files);
  });

  it("are exactly the reviewed list in test/fixtures/seed-findings.json", () => {
    const want = lines(expected as Fixture);
    const got = lines(actual);
    const removed = want.filter((l) => !got.includes(l));
    const added = got.filter((l) => !want.includes(l));
    const moved = removed.length === 0 && added.length === 0 && want.join("\n") !== got.join("\n");
    if (removed.length || added.length || moved) {
      throw new Error(
        [
          "The engine's findings on the seed tables changed.",
          "Review the change as a finance-bureau reviewer would: would a careful reviewer raise each new finding, and agree that each missing one was wrong?",
          "If the new behaviour is right, run `npm run fixtures:findings` and commit test/fixtures/seed-findings.json with the change; otherwise fix the rule.",
          ...(removed.length ? ["", "No longer found:", ...removed.map((l) => `  - ${l}`)] : []),
          ...(added.length ? ["", "Newly found:", ...added.map((l) => `  + ${l}`)] : []),
          ...(moved ? ["", "Same findings in a different order or grouping."] : []),
        ].join("\n"),
      );
    }
  });

  it("covers all 30 tables with the same ranges and project names", () => {
    expect(actual.files.map((f) => f.tables.filter((t) => t.table).length)).toEqual([17, 1, 12]);
    if (renderFixture(expected as Fixture) !== renderFixture(actual))
      throw new Error("The seed tables' ranges, project names or grouping changed. Review the diff of `npm run fixtures:findings` and commit test/fixtures/seed-findings.json if it is right.");
  });
});
