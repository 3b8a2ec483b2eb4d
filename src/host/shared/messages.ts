/** Host messages in the user's language (zh-CN first). Pure data; shared by the Excel and memory hosts. */
import { say, type Catalogue, type Lang } from "../../core/i18n";

const MESSAGES = {
  protected: {
    zh: "工作表“{sheet}”受保护，Jixiao 无法修改它。请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。",
    en: "Sheet “{sheet}” is protected, so Jixiao cannot change it. Unprotect it (Review → Unprotect Sheet) and try again.",
  },
  marksProtected: {
    zh: "工作表“{sheet}”受保护，无法显示标记；问题仍列在任务窗格中。",
    en: "Sheet “{sheet}” is protected, so its marks cannot be shown; its problems are still listed in the pane.",
  },
  clearProtected: {
    zh: "工作表“{sheet}”受保护，其中的标记无法清除；撤销保护后再点“清除标记”。",
    en: "Sheet “{sheet}” is protected, so its marks cannot be cleared; unprotect it and clear marks again.",
  },
  sheetNotFound: {
    zh: "找不到工作表“{sheet}”，它可能已被删除或重命名。",
    en: "Sheet “{sheet}” was not found; it may have been deleted or renamed.",
  },
  sheetHidden: {
    zh: "工作表“{sheet}”已隐藏，无法选中其中的单元格；请先取消隐藏。",
    en: "Sheet “{sheet}” is hidden, so its cells cannot be selected; unhide it first.",
  },
  badAddress: {
    zh: "“{cell}”不是有效的单元格地址。",
    en: "“{cell}” is not a valid cell address.",
  },
  conflict: {
    zh: "单元格 {sheet}!{cell} 的内容已变为“{actual}”（原为“{expected}”），为避免覆盖您的修改，未作更改。请重新校验。",
    en: "Cell {sheet}!{cell} now holds “{actual}” (was “{expected}”); nothing was changed so your edit is not overwritten. Validate again.",
  },
  formula: {
    zh: "单元格 {sheet}!{cell} 含公式，Jixiao 不会用数值覆盖公式；请手动修改。",
    en: "Cell {sheet}!{cell} holds a formula; Jixiao does not overwrite formulas with values. Please edit it by hand.",
  },
  nothingToInsert: {
    zh: "没有要插入的行。",
    en: "There are no rows to insert.",
  },
  badRow: {
    zh: "行号 {row} 超出工作表范围。",
    en: "Row {row} is outside the sheet.",
  },
  undoUnknown: {
    zh: "找不到这次插入的记录（可能已撤销或任务窗格已重新加载），无法撤销。",
    en: "This insertion is no longer known (already undone, or the pane was reloaded), so it cannot be undone.",
  },
  undoEdited: {
    zh: "插入的行已被修改或移动（{sheet}!{rows}），为避免删除您的内容，未撤销。请手动删除这些行。",
    en: "The inserted rows ({sheet}!{rows}) were edited or moved; to avoid deleting your work they were not removed. Delete them by hand if needed.",
  },
  newSheetInvalid: {
    zh: "无法新建工作表：表格内容为空、过大或合并区域有误。",
    en: "Cannot create the sheet: the table is empty, too large or has invalid merged areas.",
  },
  sheetUnknown: {
    zh: "找不到这次新建工作表的记录（可能已删除或任务窗格已重新加载），无法撤销。",
    en: "This new sheet is no longer known (already removed, or the pane was reloaded), so it cannot be undone.",
  },
  sheetGone: {
    zh: "工作表“{sheet}”已不存在（可能已被删除）。",
    en: "Sheet “{sheet}” no longer exists (it may have been deleted).",
  },
  sheetEdited: {
    zh: "新建的工作表“{sheet}”在创建后被修改过，为避免删除您的内容，未删除。",
    en: "The new sheet “{sheet}” was edited after it was created; to avoid deleting your work it was not removed.",
  },
  lastSheet: {
    zh: "工作表“{sheet}”是工作簿中唯一可见的工作表，无法删除。",
    en: "Sheet “{sheet}” is the only visible sheet of the workbook and cannot be deleted.",
  },
  mergesUnknown: {
    zh: "此版本的 Excel 无法读取合并单元格，一级/二级指标的合并单元格未扩展到新行。",
    en: "This Excel version cannot read merged cells, so the level-1/level-2 label merges were not extended over the new rows.",
  },
  mergeConflict: {
    zh: "部分指标名称的合并单元格与新行的合并区域冲突，未扩展。",
    en: "Some label merges would cut through merged cells of the new rows and were not extended.",
  },
  requirement: {
    zh: "此版本的 Excel 不支持 Jixiao 所需的功能（{set} {version}）。请使用 Microsoft 365、Excel 2021 或更新版本，或 Excel 网页版。",
    en: "This version of Excel lacks a feature Jixiao needs ({set} {version}). Use Microsoft 365, Excel 2021 or later, or Excel on the web.",
  },
  cellEditMode: {
    zh: "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。",
    en: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  },
  readLimited: {
    zh: "工作表“{sheet}”的已用区域为 {used}，远超表格本身；Jixiao 只读取了 {read}。请删除远处多余的内容。",
    en: "Sheet “{sheet}” uses {used}, far beyond its tables; Jixiao read only {read}. Delete the stray content far away.",
  },
  mergesUnread: {
    zh: "工作表“{sheet}”的合并单元格过多，Excel 未能给出，Jixiao 读取时未考虑合并单元格（一级/二级指标可能显示为空）。",
    en: "Sheet “{sheet}” has too many merged cells for Excel to list, so Jixiao read it without them (level-1/level-2 labels may look empty).",
  },
  payload: {
    zh: "要读取或写入的数据超过了 Excel 单次请求的上限。",
    en: "The data exceeds what Excel accepts in one request.",
  },
  office: {
    zh: "Excel 报告了一个错误：{detail}",
    en: "Excel reported an error: {detail}",
  },
  notInOffice: {
    zh: "未在 Excel 中运行：找不到 Office.js。",
    en: "Not running inside Excel: Office.js is not available.",
  },
  adviceSaved: {
    zh: "标记以条件格式显示，会随工作簿一起保存。保存前请先点“清除标记”。",
    en: "Marks are conditional formats and are saved with the workbook. Clear them before saving.",
  },
  adviceAutoSave: {
    zh: "此工作簿已开启“自动保存”，标记显示期间会被一并保存。检查完成后请点“清除标记”。",
    en: "AutoSave is on for this workbook, so marks are saved while they are shown. Clear them when you are done.",
  },
  adviceKeep: {
    zh: "已选择保存时保留标记：保存的文件会带有这些标记。",
    en: "You chose to keep marks when saving: the saved file will carry them.",
  },
} as const satisfies Catalogue;

export type MessageId = keyof typeof MESSAGES;

export { MESSAGES as HOST_MESSAGES };

export function hostMessage(lang: Lang, id: MessageId, params: Record<string, string | number> = {}): string {
  return say(MESSAGES, lang, id, params);
}

/** Short display of a cell value inside a message. */
export function quoteValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  const s = String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The pane's sentence about marks and saving (see MarkStatus). */
export function markAdvice(lang: Lang, status: { present: boolean; autoSave: boolean; keepMarksOnSave: boolean }): string {
  if (!status.present) return "";
  if (status.keepMarksOnSave) return hostMessage(lang, "adviceKeep");
  return hostMessage(lang, status.autoSave ? "adviceAutoSave" : "adviceSaved");
}
