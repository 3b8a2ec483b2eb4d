/**
 * End-to-end, issue 14: the pane as good to work in as Excel's own checkers, in headless Chromium
 * at the real pane widths (320 and 360 px). Errors first; the first finding visible at 360×760
 * without scrolling; repeats collapsed; focus kept after Fix and Ignore; Esc closes forms; a
 * cell clicked in the sheet selects its finding; 指标库 inserts into the table of the active sheet;
 * an insertion's undo survives 重新校验; axe-core finds no serious or critical violation in any
 * view, light or dark; a keyboard-only walk (validate → fix → undo → ignore → insert → undo →
 * clear). Screenshots of every view at 320 px (zh and en, light and dark) go to test-artifacts/;
 * UPDATE_SCREENSHOT=1 refreshes docs/pane.png.
 */
import { copyFileSync } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ARTIFACTS, HAVE_CHROMIUM, REPO, axeViolations, busyDone, focused, lowContrast, pressUntil, startHarness, visibleInPane, type Harness } from "./harness";

const suite = HAVE_CHROMIUM ? describe : describe.skip;

suite("the pane in Chromium (issue 14)", () => {
  let h: Harness;
  let page: Page;

  const open = async (query: string, viewport = { width: 1280, height: 760 }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${h.server.url}index.html?${query}`);
    await page.waitForSelector('[data-testid="grid"]');
  };
  const check = async () => {
    await page.click('[data-action="validate"]');
    await page.waitForSelector('[data-testid="summary"]');
    await busyDone(page);
  };
  const entries = () =>
    page.$$eval('[data-testid="findings"] li[data-entry]', (l) =>
      l.map((x) => ({ severity: x.getAttribute("data-severity"), cell: x.getAttribute("data-cell"), members: Number(x.getAttribute("data-members")), kind: x.getAttribute("data-kind"), key: x.getAttribute("data-finding") })),
    );
  const state = () =>
    page.evaluate(() => {
      const s = window.__jixiao!.session.getState();
      return { selectedId: s.selectedId, history: s.history.map((x) => ({ id: x.id, kind: x.kind })), notice: s.notice?.key ?? null };
    });

  beforeAll(async () => {
    h = await startHarness({ width: 1280, height: 760 });
    page = h.page;
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  }, 30_000);

  it("seed 001 opens with its cost errors first, each 半年/全年 pair as one entry; the first is visible at 360×760", async () => {
    await open("example=seed001.xlsx");
    await check();
    const list = await entries();
    const firstOther = list.findIndex((e) => e.severity !== "error");
    expect(firstOther).toBeGreaterThan(0);
    expect(list.slice(firstOther).every((e) => e.severity !== "error")).toBe(true);
    expect(list[0]).toMatchObject({ severity: "error", cell: "D41", members: 2, kind: "periods" });
    // with the advice about marks shown, the first card is in view without scrolling
    await page.waitForSelector('[data-testid="mark-advice"]');
    const first = await visibleInPane(page, '[data-testid="findings"] li[data-entry]');
    expect(first).toMatchObject({ visible: true });
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, "pane-seed001-360-zh.png") });
    // the list is one Tab stop (not one per 修正 button); a selected entry adds its own buttons only
    const tabStops = () =>
      page.$eval('[data-testid="findings"]', (list) => Array.from(list.querySelectorAll<HTMLElement>("button, input, [tabindex]")).filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled).length);
    expect(await tabStops()).toBe(1);
    await page.locator('[data-testid="findings"] li[data-entry]').first().locator("[data-entry-card]").click();
    expect(await tabStops()).toBe(1 + 2 + 2); // the card, its two cells, 修正 and 忽略
  });

  it("修正 that needs a confirmation selects the cell first; Esc closes the confirmation; confirmed, both value columns change", async () => {
    const item = page.locator('li[data-entry][data-cell="D41"]');
    await item.locator("[data-entry-card]").click();
    // a cell elsewhere is selected meanwhile: 修正 brings the grid back to the cell it changes
    await page.click('[data-testid="grid"] td[data-cell="A1"]');
    await item.locator('[data-action="fix"]').click();
    await page.waitForSelector('[data-testid="grid"][data-selection="D41"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-action") === "confirm-fix");
    expect(await item.textContent()).toContain("D41、E41");
    await page.keyboard.press("Escape");
    expect(await item.locator('[data-action="confirm-fix"]').count()).toBe(0);
    expect((await focused(page)).current).toBe("true");
    await item.locator('[data-action="fix"]').click();
    await page.click('[data-action="confirm-fix"]');
    await page.waitForSelector('[data-testid="list-notice"][data-notice="finding.fixApplied"]');
    await busyDone(page);
    expect(await page.textContent('[data-testid="list-notice"]')).toContain("D41、E41");
    expect(await page.textContent('td[data-cell="D41"]')).toMatch(/^≤/);
    expect(await page.textContent('td[data-cell="E41"]')).toMatch(/^≤/);
    await page.click('[data-testid="list-notice"] [data-action="undo-fix"]');
    await page.waitForSelector('[data-notice="finding.undone"]');
    await busyDone(page);
    expect(await page.textContent('td[data-cell="D41"]')).toMatch(/^≥/);
  });

  it("the tab bar stays in view while the list scrolls; the advice about marks is dismissed for good", async () => {
    await page.$eval('[data-testid="pane-frame"]', (el) => el.scrollTo(0, 600));
    const tabs = await page.$eval('[role="tablist"][aria-label]', (el) => {
      const a = el.getBoundingClientRect();
      const b = document.querySelector('[data-testid="pane-frame"]')!.getBoundingClientRect();
      return { top: Math.round(a.top - b.top) };
    });
    expect(tabs.top).toBe(0);
    await page.$eval('[data-testid="pane-frame"]', (el) => el.scrollTo(0, 0));
    await page.click('[data-action="dismiss-advice"]');
    expect(await page.$$('[data-testid="mark-advice"]')).toHaveLength(0);
    await open("example=seed001.xlsx");
    await check();
    expect(await page.$$('[data-testid="mark-advice"]')).toHaveLength(0);
  });

  it("seed 000 (stacked): the missing money unit of 17 tables is one entry, one shifted block is one entry", async () => {
    await open("example=seed000-stacked.xlsx");
    await check();
    const list = await entries();
    expect(list[0].severity).toBe("error");
    const unit = page.locator('li[data-entry][data-finding^="budget-sum.unit-undeclared|"]');
    expect(await unit.count()).toBe(1);
    expect(await unit.getAttribute("data-members")).toBe("17");
    expect(await unit.textContent()).toContain("×17（17 张表）");
    const block = page.locator('li[data-entry][data-finding^="structure.label-misplaced|"]');
    expect(await block.count()).toBe(1);
    expect(await block.getAttribute("data-members")).toBe("5");
    // selected, the card lists the cells behind it, and each selects its cell
    await block.locator("[data-entry-card]").click();
    expect(await block.locator("[data-member]").evaluateAll((b) => b.map((x) => x.getAttribute("data-member")))).toEqual(["B72", "C72", "A73", "A74", "A75"]);
    await block.locator('[data-member="A74"]').click();
    await page.waitForSelector('[data-testid="grid"][data-selection="A74"]');
    // the card says the cell once
    const text = (await block.locator("[data-entry-card]").textContent()) ?? "";
    expect(text.split("B72").length - 1).toBe(1);
    // its accessible name is short: severity, cell, count (the message is its description)
    expect(await block.locator("[data-entry-card] svg[role='img']").getAttribute("aria-label")).toBe("警告");
    expect(((await block.locator("[data-entry-card]").textContent()) ?? "").replace(/\s+/g, "")).toBe("B72×5处宣传费");
  });

  it("the count buttons are the severity filter; groups collapse and say their counts", async () => {
    const total = (await entries()).length;
    await page.click('[data-count="error"]');
    const errors = await entries();
    expect(errors.every((e) => e.severity === "error")).toBe(true);
    expect(await page.getAttribute('[data-count="error"]', "aria-pressed")).toBe("true");
    await page.click('[data-count="error"]');
    expect((await entries()).length).toBe(total);
    const header = page.locator('[data-row="g:warning"]');
    expect(await header.textContent()).toMatch(/警告\s*36/);
    await header.click();
    expect(await header.getAttribute("aria-expanded")).toBe("false");
    expect((await entries()).some((e) => e.severity === "warning")).toBe(false);
    await header.click();
  });

  it("clicking a marked cell in the sheet selects its finding and shows its card", async () => {
    const td = page.locator('[data-testid="grid"] td[data-cell="C186"]');
    await td.scrollIntoViewIfNeeded();
    await td.click();
    await page.waitForSelector('li[data-entry][data-finding^="budget-sum.unit-undeclared|"] [data-entry-card][aria-current="true"]');
    expect(await page.getAttribute('li[data-finding^="budget-sum.unit-undeclared|"] [data-member][aria-pressed="true"]', "data-member")).toBe("C186");
    expect((await visibleInPane(page, '[data-entry-card][aria-current="true"]')).visible).toBe(true);
    // with only the errors shown, a warning's cell clicked shows every severity again and its finding
    await page.click('[data-count="error"]');
    const other = page.locator('[data-testid="grid"] td[data-cell="C165"]');
    await other.scrollIntoViewIfNeeded();
    await other.click();
    await page.waitForSelector('li[data-finding^="budget-sum.unit-undeclared|"] [data-member="C165"][aria-pressed="true"]');
    expect(await page.getAttribute('[data-count="error"]', "aria-pressed")).toBe("false");
  });

  it("Fix keeps the focus in the list on the entry after it; Esc closes the ignore form; Ignore keeps the focus too", async () => {
    const item = page.locator('li[data-entry][data-finding^="range.at-least-100|"]');
    await item.locator("[data-entry-card]").click();
    const before = (await entries()).map((e) => e.key);
    const at = before.indexOf(await item.getAttribute("data-finding"));
    await item.locator('[data-action="fix"]').click();
    await page.waitForSelector('[data-testid="list-notice"][data-notice="finding.fixApplied"]');
    await busyDone(page);
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-entry-card"));
    let f = await focused(page);
    expect(f.current).toBe("true");
    const after = (await entries()).map((e) => e.key);
    expect(after.indexOf(await page.evaluate(() => document.activeElement!.closest("li")!.getAttribute("data-finding")))).toBe(at);
    // the result and its undo are beside the entry, the sheet shows the changed cell
    expect(await page.locator('[data-entry-card][aria-current="true"]').evaluate((el) => !!el.closest("li")!.querySelector('[data-testid="list-notice"] [data-action="undo-fix"]'))).toBe(true);
    expect(await page.getAttribute('[data-testid="grid"]', "data-selection")).toBe("E281");

    await page.keyboard.press("i");
    await page.waitForSelector('[data-testid="ignore-reason"]');
    await page.keyboard.type("看过了");
    await page.keyboard.press("Escape");
    expect(await page.$$('[data-testid="ignore-reason"]')).toHaveLength(0);
    f = await focused(page);
    expect(f.current).toBe("true");
    const ignoredKey = await page.evaluate(() => document.activeElement!.closest("li")!.getAttribute("data-finding"));
    await page.keyboard.press("i");
    await page.keyboard.type("与财政局确认过");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-notice="finding.ignored"], [data-notice="finding.ignoredMany"]');
    await busyDone(page);
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-entry-card"));
    f = await focused(page);
    expect(f.current).toBe("true");
    expect(await page.evaluate(() => document.activeElement!.closest("li")!.getAttribute("data-finding"))).not.toBe(ignoredKey);
  });

  it("指标库 targets the table of the sheet the user switched to, and its insertion can be undone after 重新校验", async () => {
    await open("example=seed000.xlsx");
    await page.click('[data-action="validate"] + button, [data-testid="pane"] button[aria-label="校验范围"]');
    await page.click('[data-scope="all"]');
    await check();
    await page.click('[data-sheet-tab="07 业务工作培训费"]');
    await page.click('[data-tab="templates"]');
    await page.waitForSelector('[data-testid="insert-target"]');
    const target = await page.getAttribute('[data-testid="insert-target"]', "data-table");
    expect(target).toBe("07 业务工作培训费!A1:F22");
    expect(await page.textContent('[data-testid="insert-target"]')).toContain("插入到：业务工作培训费（07 业务工作培训费!A1:F22）");
    // another sheet: the target follows
    await page.click('[data-sheet-tab="09 大宗印刷费"]');
    await page.waitForSelector('[data-testid="insert-target"][data-table^="09 大宗印刷费!"]');
    await page.click('[data-sheet-tab="07 业务工作培训费"]');
    await page.waitForSelector('[data-testid="insert-target"][data-table^="07 业务工作培训费!"]');

    const rowsBefore = await page.$$eval('[data-testid="grid"] tbody tr', (r) => r.length);
    await page.locator('[data-testid="templates"] li[data-template]').filter({ hasNotText: "__" }).first().locator('input[type="checkbox"]').check();
    await page.click('[data-action="insert"]');
    await page.waitForSelector('[data-testid="insert-notice"][data-notice="templates.inserted"]');
    await busyDone(page);
    expect(await page.getAttribute('[data-testid="grid"]', "data-sheet")).toBe("07 业务工作培训费");
    const rowsAfter = await page.$$eval('[data-testid="grid"] tbody tr', (r) => r.length);
    expect(rowsAfter).toBeGreaterThan(rowsBefore);
    // the grid shows the inserted row
    const sel = await page.getAttribute('[data-testid="grid"]', "data-selection");
    expect(sel).toMatch(/^[A-Z]+\d+$/);

    await page.click('[data-tab="validate"]');
    await page.click('[data-action="validate"]');
    await busyDone(page);
    await page.click('[data-testid="history"] summary');
    expect(await page.$$eval('[data-testid="history"] li', (l) => l.map((x) => x.getAttribute("data-history")))).toEqual(["insert"]);
    await page.click('[data-testid="history"] [data-action="history-undo"]');
    await busyDone(page);
    expect(await page.$$eval('[data-testid="grid"] tbody tr', (r) => r.length)).toBe(rowsBefore);
    expect((await state()).history).toEqual([]);
  });

  it("新建自评表 makes the target table's self-evaluation on a new sheet, shown and checked", async () => {
    await open("example=seed001.xlsx");
    await check();
    await page.click('[data-tab="templates"]');
    await page.waitForSelector('[data-action="new-self-evaluation"]');
    await page.click('[data-action="new-self-evaluation"]');
    await page.waitForSelector('[data-testid="insert-notice"][data-notice="selfEval.created"]');
    await busyDone(page);
    const sheet = await page.getAttribute('[data-testid="grid"]', "data-sheet");
    expect(sheet).toMatch(/自评$/);
    expect(await page.textContent('[data-testid="grid"]')).toContain("项目支出绩效自评表");
    const kinds = await page.evaluate((name) => window.__jixiao!.session.getState().report!.tables.filter((t) => t.sheet === name).map((t) => t.kind), sheet);
    expect(kinds).toEqual(["self-evaluation"]);
    expect((await state()).history.map((x) => x.kind)).toEqual(["sheet"]);
    await page.screenshot({ path: path.join(ARTIFACTS, "self-evaluation-new.png") });
  });

  it("says when other sheets hold tables, with a one-click switch to the whole workbook", async () => {
    await open("example=seed002.xlsx");
    await check();
    await page.waitForSelector('[data-testid="scope-hint"]');
    expect(await page.textContent('[data-testid="scope-hint"]')).toContain("另有 11 个工作表上有 11 张表未校验");
    await page.click('[data-action="validate-all"]');
    await busyDone(page);
    expect(Number(await page.getAttribute('[data-count="tables"]', "data-n"))).toBe(12);
    expect(await page.$$('[data-testid="scope-hint"]')).toHaveLength(0);
  });

  it("a bad file keeps the open workbook, and the open button speaks the page's language", async () => {
    expect(await page.textContent('[data-action="open-file"]')).toBe("打开 .xlsx 文件…");
    await page.setInputFiles('[data-testid="file-input"]', { name: "坏文件.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("not a zip") });
    await page.waitForSelector('[data-testid="load-error"]');
    expect(await page.textContent('[data-testid="load-error"]')).toContain("当前工作簿保持不变");
    expect(Number(await page.getAttribute('[data-count="tables"]', "data-n"))).toBe(12);
    expect(await page.getAttribute('[data-testid="grid"]', "data-sheet")).toBe("01 政府购买服务（劳务）经费");
  });

  for (const theme of ["light", "dark"] as const) {
    it(`every view has no serious or critical axe violation and AA contrast (${theme})`, async () => {
      await open(`example=seed000-stacked.xlsx&theme=${theme}&pane=320`);
      expect(await axeViolations(page)).toEqual([]);
      await check();
      await page.locator('[data-testid="findings"] [data-entry-card]').nth(1).click();
      await busyDone(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(await lowContrast(page)).toEqual([]);
      await page.click('[data-tab="templates"]');
      await page.waitForSelector('[data-testid="templates"] li[data-template]');
      await page.click('[data-section="new-table"]');
      await page.waitForSelector('[data-testid="new-table-form"]');
      expect(await axeViolations(page)).toEqual([]);
      expect(await lowContrast(page)).toEqual([]);
      await page.click('[data-tab="settings"]');
      await page.waitForSelector('[data-setting="money-unit"]');
      expect(await axeViolations(page)).toEqual([]);
      expect(await lowContrast(page)).toEqual([]);
    });
  }

  for (const [lang, theme] of [
    ["zh", "light"],
    ["en", "light"],
    ["zh", "dark"],
    ["en", "dark"],
  ] as const) {
    it(`screenshots of every view at 320 px, nothing wider than the pane (${lang}, ${theme})`, async () => {
      await open(`example=seed000-stacked.xlsx&lang=${lang}&theme=${theme}&pane=320`);
      await check();
      await page.locator('[data-testid="findings"] li[data-entry]').nth(1).locator("[data-entry-card]").click();
      await busyDone(page);
      const shots: [string, () => Promise<void>][] = [
        ["validate", async () => undefined],
        [
          "templates",
          async () => {
            await page.click('[data-tab="templates"]');
            await page.waitForSelector('[data-testid="templates"] li[data-template]');
          },
        ],
        [
          "new-table",
          async () => {
            await page.click('[data-section="new-table"]');
            await page.waitForSelector('[data-testid="new-table-form"]');
            await page.$eval('[data-testid="new-table-form"]', (el) => el.scrollIntoView({ block: "start" }));
          },
        ],
        [
          "settings",
          async () => {
            await page.click('[data-tab="settings"]');
            await page.waitForSelector('[data-setting="money-unit"]');
          },
        ],
      ];
      for (const [view, go] of shots) {
        await go();
        await page.waitForTimeout(150);
        const overflow = await page.$eval('[data-testid="pane-frame"]', (frame) => {
          const right = frame.getBoundingClientRect().right;
          const out: string[] = [];
          // clipped by a box of its own (a search box's hidden clear button) is not drawn outside the pane
          const clipped = (el: HTMLElement, r: DOMRect) => {
            for (let p = el.parentElement; p && p !== frame; p = p.parentElement) {
              if (getComputedStyle(p).overflowX !== "visible" && p.getBoundingClientRect().right <= right + 1 && r.right > p.getBoundingClientRect().right) return true;
            }
            return false;
          };
          for (const el of Array.from(frame.querySelectorAll<HTMLElement>("*"))) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > right + 1 && getComputedStyle(el).position !== "fixed" && !clipped(el, r)) out.push(`${el.tagName.toLowerCase()}.${(el.textContent ?? "").trim().slice(0, 20)} ${Math.round(r.right - right)}px`);
          }
          return { scroll: frame.scrollWidth - frame.clientWidth, out: out.slice(0, 5) };
        });
        expect({ view, ...overflow }).toEqual({ view, scroll: 0, out: [] });
        if (view !== "new-table") await page.$eval('[data-testid="pane-frame"]', (el) => el.scrollTo(0, 0));
        await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, `pane-320-${view}-${lang}-${theme}.png`) });
      }
    });
  }

  it("a keyboard-only walk: validate → fix → undo → ignore → insert → undo → clear", async () => {
    await open("example=seed000-stacked.xlsx&pane=360");
    const original = await page.evaluate(() => JSON.stringify(window.__jixiao!.host.snapshot().sheets));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Tab from the top of the page to 校验本表
    expect(await pressUntil(page, "Tab", async () => (await focused(page)).action === "validate", 60)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="summary"]');
    await busyDone(page);
    // Tab into the list (one stop), then walk to the entry with an unambiguous fix
    expect(await pressUntil(page, "Tab", async () => !!(await focused(page)).row, 20)).toBe(true);
    const target = "range.at-least-100|";
    expect(await pressUntil(page, "j", async () => ((await page.evaluate(() => document.activeElement?.closest("li")?.getAttribute("data-finding"))) ?? "").startsWith(target), 80)).toBe(true);
    await page.keyboard.press("f");
    await page.waitForSelector('[data-notice="finding.fixApplied"]');
    await busyDone(page);
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-entry-card"));
    // the undo beside the entry: Shift+Tab from the card
    expect(await pressUntil(page, "Shift+Tab", async () => (await focused(page)).action === "undo-fix", 4)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-notice="finding.undone"]');
    await busyDone(page);
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-entry-card"));
    expect(await page.evaluate(() => document.activeElement!.closest("li")!.getAttribute("data-finding"))).toMatch(/^range\.at-least-100\|/);
    // ignore it, then go on
    await page.keyboard.press("i");
    await page.keyboard.type("审计费完成率按 100% 考核");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-notice="finding.ignored"]');
    await busyDone(page);
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-entry-card"));
    // up to the tab bar, over to 指标库
    expect(await pressUntil(page, "Shift+Tab", async () => !!(await focused(page)).tab, 60)).toBe(true);
    expect(await pressUntil(page, "ArrowRight", async () => (await focused(page)).tab === "templates", 3)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="templates"] li[data-template]');
    // Tab to the first complete template, tick it, Tab to 插入
    const onTemplate = async () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const li = el?.closest("li[data-template]");
        // a complete target (no __ to fill in), not already in the table
        return !!li && el?.getAttribute("type") === "checkbox" && !(li.textContent ?? "").includes("__") && !(li.textContent ?? "").includes("已有");
      });
    // the template list is one Tab stop: Tab to it, then ↓ to the template
    const onCheckbox = async () => page.evaluate(() => !!document.activeElement?.closest("li[data-template]") && document.activeElement?.getAttribute("type") === "checkbox");
    expect(await pressUntil(page, "Tab", onCheckbox, 30)).toBe(true);
    expect(await pressUntil(page, "ArrowDown", onTemplate, 60)).toBe(true);
    await page.keyboard.press("Space");
    await page.waitForSelector('[data-testid="insert-plan"] [data-action="insert"]:not([disabled])');
    expect(await pressUntil(page, "Tab", async () => (await focused(page)).action === "insert", 10)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-notice="templates.inserted"]');
    await busyDone(page);
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-action") === "undo-insert");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-notice="templates.insertUndone"]');
    await busyDone(page);
    // back to 校验 and 清除标记
    expect(await pressUntil(page, "Shift+Tab", async () => !!(await focused(page)).tab, 80)).toBe(true);
    expect(await pressUntil(page, "ArrowLeft", async () => (await focused(page)).tab === "validate", 3)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await pressUntil(page, "Tab", async () => (await focused(page)).action === "clear", 10)).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-notice="validate.cleared"]');
    await busyDone(page);
    // the workbook's sheets are as they were (the ignore decision is in its settings)
    expect(await page.evaluate(() => JSON.stringify(window.__jixiao!.host.snapshot().sheets))).toBe(original);
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-keyboard-walk-zh.png") });
  });

  it("README screenshot: the findings view beside seed 000", async () => {
    await open("example=seed000-stacked.xlsx", { width: 1280, height: 800 });
    await check();
    await page.click('[data-action="dismiss-advice"]').catch(() => undefined);
    await page.locator('li[data-entry][data-finding^="structure.label-misplaced|"] [data-entry-card]').click();
    await busyDone(page);
    await page.waitForTimeout(200);
    await page.$eval('[data-testid="pane-frame"]', (el) => el.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, "playground-findings-zh.png") });
    if (process.env.UPDATE_SCREENSHOT === "1") copyFileSync(path.join(ARTIFACTS, "playground-findings-zh.png"), path.join(REPO, "docs", "pane.png"));
  });
});
