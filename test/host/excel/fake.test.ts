/** The fake Excel object model enforces the Office.js rules the host tests rely on. */
import { DOCUMENTED_BEHAVIOURS, FakeExcel, FakeOfficeError, type FakeExcelOptions } from "../../fakes/excel";
import { sampleWorkbook } from "../../fakes/workbooks";

type Ctx = Excel.RequestContext;

describe("fake Excel object model", () => {
  it("refuses to read a property before load + sync, like Office.js", async () => {
    const fake = new FakeExcel(sampleWorkbook());
    await fake.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("绩效目标表");
      expect(() => ws.name).toThrow(/not available/);
      ws.load("name");
      expect(() => ws.name).toThrow(/not available/);
      await ctx.sync();
      expect(ws.name).toBe("绩效目标表");
      expect(() => ws.position).toThrow(FakeOfficeError);
    });
  });

  it("applies queued writes only on sync, in order, and counts syncs and bytes", async () => {
    const wb = sampleWorkbook();
    const fake = new FakeExcel(wb);
    await fake.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem("绩效目标表").getRange("F6");
      r.values = [["备注内容"]];
      expect(wb.getValue(wb.requireSheet("绩效目标表"), 6, 6)).toBeNull();
      await ctx.sync();
      expect(wb.getValue(wb.requireSheet("绩效目标表"), 6, 6)).toBe("备注内容");
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncs[0].requestBytes).toBeGreaterThan(0);
  });

  it("fails getItem of a missing sheet with ItemNotFound and gives null objects for *OrNullObject", async () => {
    const fake = new FakeExcel(sampleWorkbook());
    await expect(
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("nope").load("name");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await fake.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("nope");
      expect(() => ws.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  it("refuses writes on a protected sheet and partial merges", async () => {
    const wb = sampleWorkbook();
    wb.requireSheet("绩效目标表").protected = true;
    const fake = new FakeExcel(wb);
    await expect(
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("绩效目标表").getRange("F6").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    wb.requireSheet("绩效目标表").protected = false;
    await expect(
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("绩效目标表").getRange("A8:A12").merge(false);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("fails a response larger than the payload limit", async () => {
    const fake = new FakeExcel(sampleWorkbook(), { maxResponseBytes: 200 });
    await expect(
      fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("绩效目标表").getUsedRangeOrNullObject(true).load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

/** Each documented behaviour (test/fakes/excelBehaviours.ts) is on by default, and can be switched off. */
describe("fake Excel: documented behaviours", () => {
  const SHEET = "绩效目标表";
  const run = <T>(fake: FakeExcel, batch: (ctx: Ctx) => Promise<T>) => fake.run<T>(batch);

  it("are all on by default", () => {
    expect(new FakeExcel().behaviours).toEqual(DOCUMENTED_BEHAVIOURS);
    expect(DOCUMENTED_BEHAVIOURS).toMatchObject({ mergedAreasTopLeftOnly: true, mergedAreasLimit: 512, parseTypedStrings: true, nullLeavesCellUnchanged: true, contextBound: true });
  });

  it("[merged-top-left] a row's merged areas: only those starting on it (off: every crossing one)", async () => {
    const address = async (fake: FakeExcel) =>
      run(fake, async (ctx) => {
        const areas = ctx.workbook.worksheets.getItem(SHEET).getRange("8:8").getMergedAreasOrNullObject();
        areas.load("address");
        await ctx.sync();
        return areas.isNullObject ? null : areas.address;
      });
    expect(await address(new FakeExcel(sampleWorkbook()))).toBeNull();
    expect(await address(new FakeExcel(sampleWorkbook(), { behaviours: { mergedAreasTopLeftOnly: false } }))).toBe("绩效目标表!A6:A9");
  });

  it("[merged-512] more than 512 areas in the range fail the batch (off: no limit)", async () => {
    const wb = sampleWorkbook();
    const s = wb.requireSheet("填报说明");
    for (let i = 0; i < 513; i++) wb.merge(s, { top: 10 + i, bottom: 10 + i, left: 1, right: 2 });
    const count = (fake: FakeExcel) =>
      run(fake, async (ctx) => {
        const areas = ctx.workbook.worksheets.getItem("填报说明").getRange().getMergedAreasOrNullObject();
        areas.load("areaCount");
        await ctx.sync();
        return areas.areaCount;
      });
    await expect(count(new FakeExcel(wb))).rejects.toBeInstanceOf(FakeOfficeError);
    expect(await count(new FakeExcel(wb, { behaviours: { mergedAreasLimit: null } }))).toBe(513);
  });

  it("[cells-5m] a get past the cell limit: RangeExceedsLimit, or null values; payloads limited on the web only", async () => {
    const load = (fake: FakeExcel, address: string) =>
      run(fake, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem(SHEET).getRange(address);
        r.load("values");
        await ctx.sync();
        return r.values;
      });
    await expect(load(new FakeExcel(sampleWorkbook(), { maxCellsPerGet: 100 }), "A1:K10")).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    await expect(load(new FakeExcel(sampleWorkbook(), { platform: "desktop", maxCellsPerGet: 100 }), "A1:K10")).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    expect(await load(new FakeExcel(sampleWorkbook(), { behaviours: { cellLimit: { cells: 100, answer: "null" } } }), "A1:K10")).toBeNull();
    expect(await load(new FakeExcel(sampleWorkbook(), { behaviours: { cellLimit: null } }), "A1:K10")).toHaveLength(10);
    // [payload-web]
    await expect(load(new FakeExcel(sampleWorkbook(), { maxResponseBytes: 200 }), "A1:F13")).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(await load(new FakeExcel(sampleWorkbook(), { platform: "desktop", maxResponseBytes: 200 }), "A1:F13")).toHaveLength(13);
    // [unbounded-null]
    expect(await load(new FakeExcel(sampleWorkbook()), "A:A")).toBeNull();
  });

  it("[typed-strings] strings are stored as if typed, apostrophes and Text cells keep text (off: text stays text)", async () => {
    const write = async (options: FakeExcelOptions, values: unknown[][]) => {
      const wb = sampleWorkbook();
      wb.patchCell(wb.requireSheet(SHEET), 20, 4, { numberFormat: "@" });
      await run(new FakeExcel(wb, options), async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange("A20:D20").values = values;
        await ctx.sync();
      });
      const s = wb.requireSheet(SHEET);
      return [1, 2, 3, 4].map((c) => wb.getCell(s, 20, c));
    };
    const on = await write({}, [["95%", "'95%", "2022-12-31", "95%"]]);
    expect(on.map((c) => c?.value)).toEqual([0.95, "95%", 44926, "95%"]);
    expect(on.map((c) => c?.numberFormat)).toEqual(["0%", undefined, "m/d/yyyy", "@"]);
    const off = await write({ behaviours: { parseTypedStrings: false } }, [["95%", "'95%", "2022-12-31", "95%"]]);
    expect(off.map((c) => c?.value)).toEqual(["95%", "95%", "2022-12-31", "95%"]);
  });

  it("[null-unchanged] null in a written array leaves the cell alone, \"\" clears it (off: null clears)", async () => {
    const write = async (options: FakeExcelOptions) => {
      const wb = sampleWorkbook();
      await run(new FakeExcel(wb, options), async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange("C6:D6").values = [[null, ""]];
        await ctx.sync();
      });
      const s = wb.requireSheet(SHEET);
      return [wb.getValue(s, 6, 3), wb.getValue(s, 6, 4)];
    };
    expect(await write({})).toEqual(["公积金制度等宣传次数", null]);
    expect(await write({ behaviours: { nullLeavesCellUnchanged: false } })).toEqual([null, null]);
  });

  it("[cell-edit] batches fail while the user edits a cell, unless run with delayForCellEdit", async () => {
    const fake = new FakeExcel(sampleWorkbook());
    const name = (options?: { delayForCellEdit: boolean }) => {
      const batch = async (ctx: Ctx) => {
        const ws = ctx.workbook.worksheets.getItem(SHEET);
        ws.load("name");
        await ctx.sync();
        return ws.name;
      };
      return options ? fake.run(options, batch) : fake.run(batch);
    };
    fake.startCellEdit();
    await expect(name()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode", message: expect.stringMatching(/cell-editing mode/) });
    let done = false;
    const delayed = name({ delayForCellEdit: true }).then((n) => {
      done = true;
      return n;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    fake.endCellEdit();
    expect(await delayed).toBe(SHEET);
  });

  it("[context-bound] an object used after its batch, or in another context, fails (off: allowed)", async () => {
    for (const contextBound of [true, false]) {
      const fake = new FakeExcel(sampleWorkbook(), { behaviours: { contextBound } });
      const kept = await fake.run<Excel.Range>(async (ctx: Ctx) => ctx.workbook.worksheets.getItem(SHEET).getRange("C7"));
      const late = () => fake.run(async (ctx: Ctx) => {
        kept.load("values");
        await ctx.sync();
      });
      const mixed = () => fake.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange("C20").copyFrom(kept, "Formats");
        await ctx.sync();
      });
      if (contextBound) {
        await expect(late()).rejects.toMatchObject({ code: "InvalidObjectPath" });
        await expect(mixed()).rejects.toMatchObject({ code: "InvalidRequestContext" });
        // resumed with Excel.run(object, …), the object works again
        await fake.run(kept, async (ctx: Ctx) => {
          kept.load("values");
          await ctx.sync();
        });
        expect(kept.values).toEqual([["宣传资料发放份数"]]);
      } else {
        await expect(late()).resolves.toBeUndefined();
        await expect(mixed()).resolves.toBeUndefined();
      }
    }
  });
});
