/**
 * Ribbon commands and the pane intent: 清除标记 runs the Excel host in the function file (here
 * against the fake Excel object model, with Office mocked by office-addin-mock), and the pane
 * reads which view to open from its URL.
 *
 * Office is a plain stand-in: the Common API parts a command touches are plain values, not
 * load/sync proxies (office-addin-mock's OfficeMockObject would demand load() for each of them).
 */
import { clearMarks, langOf, noticeUrl, register } from "../../src/commands/commands";
import { paneIntent } from "../../src/commands/intent";
import { ExcelHost } from "../../src/host/excel/host";
import { FakeExcel } from "../fakes/excel";
import { addTargetTable, sampleWorkbook } from "../fakes/workbooks";

const g = globalThis as Record<string, unknown>;

function installOffice(fake: FakeExcel, displayLanguage: string) {
  const dialogs: string[] = [];
  const associated: string[] = [];
  const office = {
    context: {
      displayLanguage,
      requirements: { isSetSupported: (name: string, v: string) => fake.isSetSupported(name, v) },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          dialogs.push(url);
          cb({ status: "succeeded", value: { addEventHandler: (_t: unknown, h: () => void) => h() } });
        },
      },
    },
    actions: { associate: (id: string) => associated.push(id) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogEventReceived: "dialogEventReceived" },
  };
  g.Office = office;
  g.location = { href: "https://localhost:3000/commands.html" };
  g.Excel = { run: fake.run };
  return { dialogs, associated };
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  delete g.clearMarks;
  delete g.location;
});

describe("ribbon command 清除标记", () => {
  it("clears every mark and completes the command", async () => {
    const wb = sampleWorkbook();
    const fake = new FakeExcel(wb);
    const before = wb.snapshot();
    await new ExcelHost(fake.api()).applyMarks([{ sheet: "绩效目标表", cell: "D6", severity: "error" }]);
    const { dialogs } = installOffice(fake, "zh-CN");
    const completed = jest.fn();
    await clearMarks({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toEqual([]);
    expect(wb.snapshot()).toEqual(before);
  });

  it("says in a dialog which protected sheet kept its marks, then completes", async () => {
    const wb = sampleWorkbook();
    const locked = addTargetTable(wb, "受保护");
    const fake = new FakeExcel(wb);
    await new ExcelHost(fake.api()).applyMarks([{ sheet: "受保护", cell: "D6", severity: "error" }]);
    locked.protected = true;
    const { dialogs } = installOffice(fake, "en-US");
    const completed = jest.fn();
    await clearMarks({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toHaveLength(1);
    const url = new URL(dialogs[0]);
    expect(url.pathname).toBe("/notice.html");
    expect(url.searchParams.get("title")).toBe("Clear marks");
    expect(url.searchParams.get("text")).toMatch(/受保护.*protected/);
  });

  it("registers the function named in the manifest", () => {
    const fake = new FakeExcel(sampleWorkbook());
    const { associated } = installOffice(fake, "zh-CN");
    register();
    expect(associated).toEqual(["clearMarks"]);
    expect(typeof g.clearMarks).toBe("function");
  });

  it("follows Office's display language, Chinese first", () => {
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf("zh-TW")).toBe("zh");
    expect(langOf("en-US")).toBe("en");
    // the pane's rule: English for an English Office, Chinese first otherwise (was English for any non-Chinese one)
    expect(langOf("fr-FR")).toBe("zh");
    expect(langOf(undefined)).toBe("zh");
    expect(noticeUrl("https://h/x/commands.html", "zh", "标题", "<b>x</b>")).toBe(
      "https://h/x/notice.html?lang=zh&title=%E6%A0%87%E9%A2%98&text=%3Cb%3Ex%3C%2Fb%3E",
    );
  });
});

describe("pane intent from the ribbon URL", () => {
  it("opens the validate view and validates for 校验本表, the library for 指标库", () => {
    expect(paneIntent("?view=validate&run=1")).toEqual({ view: "validate", validate: true });
    expect(paneIntent("?view=templates")).toEqual({ view: "templates", validate: false });
    expect(paneIntent("?view=library")).toEqual({ view: "templates", validate: false });
    expect(paneIntent("")).toEqual({ view: "validate", validate: false });
    expect(paneIntent("?view=<script>")).toEqual({ view: "validate", validate: false });
  });
});
