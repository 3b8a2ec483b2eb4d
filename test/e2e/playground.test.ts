/**
 * End-to-end: the playground (the real task pane beside an in-memory workbook) in headless
 * Chromium — Debian's /usr/bin/chromium or CHROMIUM_PATH, never a downloaded browser.
 *
 * The suite builds the playground itself (esbuild, a few seconds), serves it from a local
 * server, and stops both at the end. Expected numbers come from running the engine on the same
 * workbook here, not from constants. Every request the page makes is recorded: none may leave
 * the local server. Screenshots (zh and en, 360 px pane) go to test-artifacts/ (docs/pane.png is
 * made by pane.test.ts). The harness (build, server, browser, checks in the page) is harness.ts.
 *
 * Without Chromium the suite is skipped with a message; under CI=true that is a failure.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { validate } from "../../src/core/engine";
import { marksFromFindings } from "../../src/host/types";
import { readWorkbookGrids } from "../../src/host/xlsx/readWorkbook";
import { collapseFindings } from "../../src/taskpane/state/entries";
import { ARTIFACTS, CHROMIUM, HAVE_CHROMIUM, IN_CI, REPO, badge as badgeOf, busyDone as busyDoneOf, lowContrast, startHarness, type Harness } from "./harness";

const EXAMPLE = "seed000-stacked.xlsx";

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`e2e: skipped — no Chromium at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

describe("e2e prerequisites", () => {
  (IN_CI ? it : it.skip)("Chromium is installed (required under CI)", () => {
    expect({ chromium: CHROMIUM, exists: HAVE_CHROMIUM }).toEqual({ chromium: CHROMIUM, exists: true });
  });
});

const suite = HAVE_CHROMIUM ? describe : describe.skip;

interface CellDraw {
  address: string;
  text: string;
  style: string | null;
  mark: string | null;
}

suite("playground in Chromium", () => {
  let h: Harness;
  let page: Page;
  let expected: ReturnType<typeof validate>;

  /** Every drawn cell of the grid, without the selection (which is not an edit). */
  const drawnCells = (): Promise<CellDraw[]> =>
    page.$$eval('[data-testid="grid"] td', (tds) =>
      tds.map((td) => ({
        address: td.getAttribute("data-cell") ?? "",
        text: td.textContent ?? "",
        // declaration order depends on how React patched the element; compare the set
        style:
          (td.getAttribute("style") ?? "")
            .split(";")
            .map((d) => d.trim())
            .filter(Boolean)
            .sort()
            .join("; ") || null,
        mark: td.getAttribute("data-mark"),
      })),
    );
  const sheetsSnapshot = () => page.evaluate(() => JSON.stringify(window.__jixiao?.host.snapshot().sheets));
  const badge = (sev: string) => badgeOf(page, sev);
  const busyDone = () => busyDoneOf(page);

  beforeAll(async () => {
    const grids = (await readWorkbookGrids(readFileSync(path.join(REPO, "examples", EXAMPLE)))).grids;
    expected = validate(grids, { lang: "zh" });
    h = await startHarness();
    page = h.page;
    await page.goto(`${h.server.url}index.html?example=${EXAMPLE}`);
    await page.waitForSelector('[data-testid="grid"]');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  }, 30_000);

  let originalCells: CellDraw[];
  let originalSheets: string;

  it("validates seed 000 (stacked) and shows the engine's counts and marks", async () => {
    originalCells = await drawnCells();
    originalSheets = await sheetsSnapshot();
    expect(originalCells.some((c) => c.mark)).toBe(false);

    await page.click('[data-action="validate"]');
    await page.waitForSelector('[data-testid="summary"]');
    await busyDone();
    const count = (sev: string) => expected.findings.filter((f) => f.severity === sev).length;
    expect(await badge("error")).toBe(count("error"));
    expect(await badge("warning")).toBe(count("warning"));
    expect(await badge("info")).toBe(count("info"));
    expect(Number(await page.getAttribute('[data-count="tables"]', "data-n"))).toBe(expected.tables.length);
    // one card per entry (repeats collapsed); the cards stand for every finding
    expect(await page.$$eval('[data-testid="findings"] li[data-finding]', (l) => l.length)).toBe(collapseFindings(expected.findings).length);
    expect(await page.$$eval('[data-testid="findings"] li[data-finding]', (l) => l.reduce((n, x) => n + Number(x.getAttribute("data-members")), 0))).toBe(expected.findings.length);
    // every marked cell of the active sheet is drawn with its severity
    const marks = marksFromFindings(expected.findings).filter((m) => m.sheet === expected.tables[0].sheet);
    expect(Number(await page.getAttribute('[data-testid="grid"]', "data-marked"))).toBe(marks.length);
    const drawn = await drawnCells();
    for (const m of marks.slice(0, 20)) expect(drawn.find((c) => c.address === m.cell)?.mark).toBe(m.severity);
  });

  it("clicking a finding selects its cell; next/previous and the keyboard move the selection", async () => {
    const items = page.locator('[data-testid="findings"] li[data-finding]');
    const third = items.nth(2);
    const cell = await third.getAttribute("data-cell");
    await third.locator("[data-entry-card]").click();
    await page.waitForSelector(`[data-testid="grid"][data-selection="${cell}"]`);
    expect(await page.getAttribute(`td[data-cell="${cell}"]`, "aria-selected")).toBe("true");

    // next: the entry after it in the list (across a category heading if need be)
    const order = await page.$$eval('[data-testid="findings"] li[data-finding]', (l) => l.map((x) => x.getAttribute("data-cell")));
    await page.click('[data-action="next"]');
    await page.waitForSelector(`[data-testid="grid"][data-selection="${order[3]}"]`);
    await page.click('[data-action="prev"]');
    await page.waitForSelector(`[data-testid="grid"][data-selection="${cell}"]`);
    // the keyboard, from the card: ↓ moves to the next row (a card selects its cell), ↑ back, J/K alike
    await third.locator("[data-entry-card]").focus();
    const walk = async (key: string) => {
      await page.keyboard.press(key);
      const row = await page.evaluate(() => document.activeElement?.getAttribute("data-row") ?? "");
      if (row.startsWith("e:")) {
        const at = await page.evaluate(() => document.activeElement?.closest("li")?.getAttribute("data-cell"));
        await page.waitForSelector(`[data-testid="grid"][data-selection="${at}"]`);
      }
      return row;
    };
    const down = await walk("ArrowDown");
    expect(down).not.toBe("");
    await walk("ArrowUp");
    await page.waitForSelector(`[data-testid="grid"][data-selection="${cell}"]`);
    expect(await walk("j")).toBe(down);
    await walk("k");
    await page.waitForSelector(`[data-testid="grid"][data-selection="${cell}"]`);
  });

  it("zh screenshot of the pane (360 px) and the playground", async () => {
    await page.locator('[data-testid="findings"] li[data-finding]').first().locator("[data-entry-card]").click();
    await page.waitForTimeout(200);
    expect((await page.locator('[data-testid="pane-frame"]').boundingBox())?.width).toBe(360);
    await page.$eval('[data-testid="pane-frame"]', (el) => el.scrollTo(0, 0));
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, "pane-zh.png") });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-zh.png") });
  });

  it("applying a fix makes the finding disappear; undo brings it back", async () => {
    const withFix = expected.findings.find((f) => f.fix && !f.fix.confirm && f.sheet === expected.tables[0].sheet);
    expect(withFix).toBeDefined();
    const f = withFix!;
    const item = page.locator(`li[data-finding="${f.key}"]`);
    // the fix button is on the selected card
    await item.locator("[data-entry-card]").click();
    await item.locator('[data-action="fix"]').click();
    await page.waitForSelector('[data-testid="list-notice"][data-notice="finding.fixApplied"]');
    await busyDone();
    expect(await item.count()).toBe(0);
    expect(await page.textContent(`td[data-cell="${f.cell}"]`)).toBe(String(f.fix!.value));
    expect(await badge(f.severity)).toBe(expected.findings.filter((x) => x.severity === f.severity).length - 1);

    // the sheet shows the changed cell
    expect(await page.getAttribute('[data-testid="grid"]', "data-selection")).toBe(f.fix!.cell);
    await page.click('[data-action="undo-fix"]');
    await page.waitForSelector('[data-notice="finding.undone"]');
    await busyDone();
    expect(await item.count()).toBe(1);
    expect(await page.textContent(`td[data-cell="${f.cell}"]`)).toBe(f.fix!.previous === null ? "" : String(f.value ?? f.fix!.previous));
  });

  it("ignores a finding with a reason, keeps it ignored on re-check, and un-ignores it", async () => {
    // a finding that is an entry of its own
    const f = collapseFindings(expected.findings).find((e) => e.members.length === 1)!.lead;
    const item = page.locator(`li[data-finding="${f.key}"]`);
    await item.locator("[data-entry-card]").click();
    await item.locator('[data-action="ignore"]').click();
    // text is rendered as text: markup in a reason stays characters (and would fetch off-site otherwise)
    const reason = '已与财政局确认 <img src="http://evil.example/x.png">';
    await page.fill('[data-testid="ignore-reason"]', reason);
    await page.click('[data-action="confirm-ignore"]');
    await page.waitForSelector('[data-testid="list-notice"][data-notice="finding.ignored"]');
    await busyDone();
    expect(await item.count()).toBe(0);
    expect(Number(await page.getAttribute('[data-count="ignored"]', "data-n"))).toBe(1);

    await page.click('[data-action="validate"]');
    await busyDone();
    expect(await item.count()).toBe(0);
    await page.click('[data-count="ignored"]');
    expect(await page.textContent(`[data-ignored="${f.key}"]`)).toContain(reason);
    expect(await page.$$('[data-testid="pane"] img')).toHaveLength(0);
    await page.locator(`[data-ignored="${f.key}"] button`).click();
    await busyDone();
    expect(await item.count()).toBe(1);
    expect(await page.$$('[data-count="ignored"]')).toHaveLength(0);
  });

  it("inserts a recommended template into a seed table and undoes it", async () => {
    await page.click('[data-tab="templates"]');
    await page.waitForSelector('[data-testid="templates"] li[data-template]');
    const rowsBefore = await page.$$eval('[data-testid="grid"] tbody tr', (r) => r.length);
    // a template whose target is complete (not one that leaves "__" for the officer to fill in)
    const first = page.locator('[data-testid="templates"] li[data-template]').filter({ hasNotText: "__" }).first();
    await first.locator('input[type="checkbox"]').check();
    await page.waitForSelector('[data-testid="insert-plan"]');
    const planned = await page.$$eval('[data-testid="insert-plan"] li', (l) => l.length);
    expect(planned).toBeGreaterThan(0);
    await page.click('[data-action="insert"]');
    await page.waitForSelector('[data-testid="insert-notice"][data-notice="templates.inserted"]');
    await busyDone();
    expect(await page.$$eval('[data-testid="grid"] tbody tr', (r) => r.length)).toBe(rowsBefore + planned);
    // checked again after the insertion: nothing is reported on the inserted rows
    const onInserted = await page.evaluate(() => {
      const st = window.__jixiao!.session.getState();
      const last = st.history[st.history.length - 1];
      const ranges = (last.kind === "insert" ? last.results : []).map((r) => ({ sheet: r.sheet, top: r.range.top, bottom: r.range.bottom }));
      return {
        ranges: ranges.length,
        findings: st.report!.findings.filter((f) => ranges.some((r) => r.sheet === f.sheet && f.row >= r.top && f.row <= r.bottom)).map((f) => `${f.cell} ${f.rule}`),
      };
    });
    expect(onInserted.ranges).toBeGreaterThan(0);
    expect(onInserted.findings).toEqual([]);
    // the sheet shows the inserted row (its first cell may sit under a merged 一级 label)
    const shown = await page.$eval('[data-testid="sheet-scroller"]', (sc) => {
      const st = window.__jixiao!.session.getState();
      const last = st.history[st.history.length - 1];
      const top = last.kind === "insert" ? Math.min(...last.results.map((r) => r.range.top)) : 0;
      const tr = sc.querySelector(`tbody > tr:nth-child(${top})`);
      const a = tr!.getBoundingClientRect();
      const b = sc.getBoundingClientRect();
      return { top, inView: a.top >= b.top && a.bottom <= b.bottom, selected: !!sc.querySelector('td[aria-selected="true"]') };
    });
    expect(shown).toMatchObject({ inView: true, selected: true });

    await page.click('[data-action="undo-insert"]');
    await page.waitForSelector('[data-testid="insert-notice"][data-notice="templates.insertUndone"]');
    await busyDone();
    expect(await page.$$eval('[data-testid="grid"] tbody tr', (r) => r.length)).toBe(rowsBefore);
    await page.click('[data-tab="validate"]');
  });

  it("clearing the marks gives back the original grid", async () => {
    await page.click('[data-action="clear"]');
    await page.waitForSelector('[data-notice="validate.cleared"]');
    await busyDone();
    expect(await drawnCells()).toEqual(originalCells);
    expect(await sheetsSnapshot()).toBe(originalSheets);
  });

  it("switches to English", async () => {
    await page.click('[data-tab="settings"]');
    await page.locator('[data-setting="language"] input[value="en"]').check();
    await page.waitForSelector('[data-testid="pane"][data-lang="en"]');
    await page.click('[data-tab="validate"]');
    expect(await page.textContent('[data-tab="validate"]')).toBe("Validate");
    await page.click('[data-action="validate"]');
    await busyDone();
    expect(await page.textContent('[data-count="error"]')).toMatch(/errors/);
    // the card's accessible name is short (severity and cell); the message is its description
    const card = page.locator('[data-testid="findings"] li[data-finding] [data-entry-card]').first();
    expect(await card.locator("svg[role='img']").first().getAttribute("aria-label")).toBe("Error");
    expect(((await card.textContent()) ?? "").trim()).toMatch(/^[A-Z]+\d+/);
    const described = await card.getAttribute("aria-describedby");
    expect((await page.textContent(`[id="${described}"]`))?.length).toBeGreaterThan(10);
    await card.click();
    await page.waitForTimeout(200);
    await page.$eval('[data-testid="pane-frame"]', (el) => el.scrollTo(0, 0));
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, "pane-en.png") });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-en.png") });
    // back to Chinese for the rest
    await page.click('[data-tab="settings"]');
    await page.locator('[data-setting="language"] input[value="zh"]').check();
    await page.waitForSelector('[data-testid="pane"][data-lang="zh"]');
    await page.click('[data-tab="validate"]');
  });

  it("pane text meets WCAG AA contrast in Office's light and dark themes", async () => {
    expect(await lowContrast(page)).toEqual([]);
    await page.goto(`${h.server.url}index.html?example=${EXAMPLE}&theme=dark`);
    await page.waitForSelector('[data-testid="grid"]');
    await page.click('[data-action="validate"]');
    await busyDone();
    await page.click('[data-action="next"]');
    await page.waitForTimeout(200);
    expect(await lowContrast(page)).toEqual([]);
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, "pane-zh-dark.png") });
  });

  it("a workbook with no table shows what Jixiao looks for", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("说明");
    ws.getCell("A1").value = "本工作簿只有说明文字";
    ws.getCell("A2").value = "没有指标表";
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    await page.setInputFiles('[data-testid="file-input"]', { name: "no-table.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: data });
    await page.waitForSelector('[data-testid="grid"][data-sheet="说明"]');
    await page.click('[data-action="validate"]');
    await page.waitForSelector('[data-testid="empty-no-table"]');
    const text = await page.textContent('[data-testid="empty-no-table"]');
    expect(text).toContain("一级指标");
    expect(text).toContain("三级指标");
    expect(Number(await page.getAttribute('[data-count="tables"]', "data-n"))).toBe(0);
  });

  it("a table in the standard central layout from another province (corpus 02, 天津): no false error, and its cost over the budget", async () => {
    await page.goto(`${h.server.url}index.html?blank=1`);
    await page.waitForSelector('[data-testid="grid"][data-sheet="Sheet1"]');
    const file = path.join(REPO, "examples", "corpus", "targets", "02_tianjin_district_bingmeifangzhi.xlsx");
    await page.setInputFiles('[data-testid="file-input"]', { name: "病媒防治绩效目标表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: readFileSync(file) });
    // the blank workbook (also Sheet1) stays until the file has been read
    await page.waitForFunction(() => (document.querySelector('[data-testid="example-select"]') as HTMLSelectElement | null)?.value === "");
    await page.waitForSelector('[data-testid="grid"][data-sheet="Sheet1"] td[data-cell="B3"]');
    await page.click('[data-action="validate"]');
    await busyDone();
    const report = await page.evaluate(() => {
      const r = window.__jixiao!.session.getState().report!;
      return { tables: r.tables.map((t) => ({ project: t.projectName?.text, budget: t.budget.total?.value, unit: t.moneyUnit.unit, n: t.indicators.length })), findings: r.findings.map((f) => `${f.severity} ${f.cell} ${f.rule}`) };
    });
    expect(report.tables).toEqual([{ project: "疫情期间区域病媒防治环境卫生清洁等费用", budget: 5652, unit: "万元", n: 11 }]);
    // the header block (labels in column A, beside the side labels 绩效目标 / 绩效指标) is read: no 没有填写项目名称
    expect(report.findings.filter((f) => !f.startsWith("info"))).toEqual(["error E14 cost.per-period-above-budget"]);
    expect(await badge("error")).toBe(1);
    expect(await page.getAttribute('[data-testid="grid"] td[data-cell="E14"]', "data-mark")).toBe("error");
    await page.screenshot({ path: path.join(ARTIFACTS, "corpus-02-central-layout.png") });
  });

  it("an edit in the workbook is checked again by itself: the new problem is listed and marked on the grid", async () => {
    await page.goto(`${h.server.url}index.html?example=seed001.xlsx`);
    await page.waitForSelector('[data-testid="grid"]');
    await page.click('[data-action="validate"]');
    await busyDone();
    const errorsBefore = await badge("error");
    // what a person typing into the cell does to the workbook (the playground's grid is read-only)
    const cell = await page.evaluate(() => {
      const j = window.__jixiao!;
      const table = j.session.getState().report!.tables[0];
      const value = table.indicators.find((i) => i.value && /%/.test(i.value.text))!.value!;
      j.host.userEdit(table.sheet, value.address, "n%");
      return value.address;
    });
    await page.waitForFunction((address) => {
      const r = window.__jixiao?.session.getState();
      return !!r && !r.stale && !r.busy && r.report!.findings.some((f) => f.cell === address && f.rule === "placeholder.value");
    }, cell);
    expect(await badge("error")).toBe(errorsBefore + 1);
    expect(await page.getAttribute(`[data-testid="grid"] td[data-cell="${cell}"]`, "data-mark")).toBe("error");
  });

  it("an old-format .xls file gets a message in the user's language, and the page stays usable", async () => {
    await page.goto(`${h.server.url}index.html?blank=1`);
    await page.waitForSelector('[data-testid="grid"][data-sheet="Sheet1"]');
    // an Excel 97-2003 compound file (what older templates and WPS often save)
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(512)]);
    await page.setInputFiles('[data-testid="file-input"]', { name: "2020年绩效目标表.xls", mimeType: "application/vnd.ms-excel", buffer: xls });
    await page.waitForSelector('[data-testid="load-error"]');
    expect(await page.textContent('[data-testid="load-error"]')).toContain("旧版 Excel 文件（.xls 格式）");
    // the open workbook stays (a bad file throws nothing away)
    expect(await page.getAttribute('[data-testid="grid"]', "data-sheet")).toBe("Sheet1");
    await page.goto(`${h.server.url}index.html?example=seed001.xlsx`);
    await page.waitForSelector('[data-testid="grid"]');
  });

  it("creates a new target table from a template on a new sheet, checks it, and undoes it", async () => {
    await page.goto(`${h.server.url}index.html?blank=1`);
    await page.waitForSelector('[data-testid="grid"][data-sheet="Sheet1"]');
    await page.click('[data-tab="templates"]');
    // with no table found yet, the form is open
    await page.waitForSelector('[data-testid="new-table-form"]');
    await page.click('[data-action="create-table"]');
    expect(await page.textContent('[data-testid="new-table-form"]')).toContain("请填写项目名称");
    await page.fill('input[data-field="project-name"]', "业务培训费");
    await page.selectOption('select[data-field="framework"]', "core-2021");
    // the project type follows the name
    expect(await page.inputValue('select[data-field="project-type"]')).toBe("training");
    await page.fill('input[data-field="budget"]', "12.9");
    // a look at the findings tab and back keeps what was typed
    await page.click('[data-tab="validate"]');
    await page.click('[data-tab="templates"]');
    expect(await page.inputValue('input[data-field="project-name"]')).toBe("业务培训费");
    expect(await page.inputValue('input[data-field="budget"]')).toBe("12.9");
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, "pane-new-table-form-zh.png") });
    await page.click('[data-action="create-table"]');
    await page.waitForSelector('[data-testid="new-table-notice"][data-notice="newTable.created"]');
    await busyDone();
    // the new sheet is shown, with its tab beside the old one
    await page.waitForSelector('[data-testid="grid"][data-sheet="业务培训费"]');
    expect(await page.$$eval("[data-sheet-tab]", (tabs) => tabs.map((t) => t.getAttribute("data-sheet-tab")))).toEqual(["Sheet1", "业务培训费"]);
    expect(await page.textContent('td[data-cell="A1"]')).toBe("业务培训费项目绩效目标表");
    // the form is ready for the next table of the same kind (the type is kept, not reset to the first)
    expect(await page.inputValue('select[data-field="project-type"]')).toBe("training");
    expect(await page.inputValue('input[data-field="project-name"]')).toBe("");
    // the check found exactly this table
    await page.click('[data-tab="validate"]');
    await page.waitForSelector('[data-count="tables"]');
    expect(Number(await page.getAttribute('[data-count="tables"]', "data-n"))).toBe(1);
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, "pane-new-table-zh.png") });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-new-table-zh.png") });

    await page.click('[data-action="undo-sheet"]');
    await page.waitForSelector('[data-notice="newTable.removed"]');
    await busyDone();
    await page.waitForSelector('[data-testid="grid"][data-sheet="Sheet1"]');
    expect(await page.$$("[data-sheet-tab]")).toHaveLength(0);
  });

  it("imports a user library (JSON) and lists its template, kept in the workbook settings", async () => {
    const library = {
      format: "jixiao-library",
      version: 1,
      types: [{ id: "own-kiosk", zh: "自助终端", en: "Self-service kiosks", keywords: ["自助终端"], description: "政务服务自助终端的购置与布设" }],
      templates: [
        {
          id: "own.kiosk1",
          projectTypes: ["own-kiosk"],
          frameworks: ["common", "core-2021"],
          level1: "产出",
          level2: "数量",
          name: "自助终端布设数量",
          description: "年内布设的政务服务自助终端台数",
          kind: "quantitative",
          operator: "≥",
          value: 20,
          unit: "台",
          fill: "default",
          basis: "计划标准",
          keywords: ["自助终端"],
          note: "",
        },
        { id: "own.bad", projectTypes: ["own-kiosk"], frameworks: ["common"], level1: "产出", level2: "数量", name: "缺字段" },
      ],
    };
    await page.click('[data-tab="templates"]');
    await page.click('[data-section="user-library"]');
    await page.setInputFiles('[data-testid="library-file"]', { name: "own.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(library)) });
    await page.waitForSelector('[data-testid="library-outcome"][data-outcome="ok"]');
    // the bad entry is named by position and field, the good one is imported
    expect(await page.textContent('[data-testid="library-issues"]')).toMatch(/模板第 2 项\s*（own\.bad）\s*字段 kind/);
    expect(await page.textContent('[data-testid="user-library-status"]')).toContain("1 个模板");
    await page.fill('input[type="search"]', "自助终端");
    await page.waitForSelector('li[data-template="own.kiosk1"]');
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, "pane-user-library-zh.png") });
    expect(await page.textContent('li[data-template="own.kiosk1"]')).toContain("自助终端布设数量");
    const stored = await page.evaluate(() => (window.__jixiao?.host.snapshot().settings["jixiao.settings"] as { userLibrary?: string } | undefined)?.userLibrary ?? "");
    expect(stored).toContain("own.kiosk1");

    // a spreadsheet library (exceljs loads on demand) adds to it
    const xlsx = new ExcelJS.Workbook();
    const header = ["id", "projectTypes", "frameworks", "level1", "level2", "name", "description", "kind", "operator", "value", "unit", "fill", "basis", "keywords", "note"];
    xlsx.addWorksheet("templates").addRows([header, ["own.kiosk2", "own-kiosk", "common", "产出", "质量", "自助终端完好率", "正常运行的终端台数/终端总台数", "quantitative", "≥", 95, "%", "default", "计划标准", "自助终端", ""]]);
    await page.setInputFiles('[data-testid="library-file"]', {
      name: "own.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await xlsx.xlsx.writeBuffer()),
    });
    await page.waitForSelector('[data-testid="user-library-status"]:has-text("2 个模板")');
    await page.waitForSelector('li[data-template="own.kiosk2"]');
  });

  it("made no request off the local server, and no error or CSP violation", () => {
    const origin = new URL(h.server.url).origin;
    const offsite = h.requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
    expect(offsite).toEqual([]);
    expect(h.requests.length).toBeGreaterThan(3);
    expect(h.problems.filter((p) => !/favicon\.ico/.test(p) && !/status of 404/.test(p))).toEqual([]);
  });
});
