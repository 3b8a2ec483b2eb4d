/** The fake Excel object model enforces the Office.js rules the host tests rely on. */
import { FakeExcel, FakeOfficeError } from "../../fakes/excel";
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
