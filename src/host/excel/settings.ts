/** Jixiao's decisions stored in the workbook (Office.js workbook.settings), one sync each way. */
import type { WorkbookSettings } from "../types";
import { SETTINGS_KEY, parseWorkbookSettings } from "../shared/settings";
import type { ExcelSession } from "./session";

export class ExcelSettings {
  constructor(private readonly session: ExcelSession) {}

  async load(): Promise<WorkbookSettings> {
    this.session.requireBase();
    return this.session.run(
      async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        item.load("value");
        await context.sync();
        return parseWorkbookSettings(item.isNullObject ? null : item.value);
      },
      { wait: true },
    );
  }

  async save(settings: WorkbookSettings): Promise<void> {
    this.session.requireBase();
    const clean = parseWorkbookSettings(JSON.parse(JSON.stringify(settings)) as unknown);
    await this.session.run(
      async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, clean);
        await context.sync();
      },
      { wait: true },
    );
  }
}
