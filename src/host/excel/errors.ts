/** Office.js errors -> HostError with a clear code and a message in the user's language. */
import { HostError } from "../types";
import { hostMessage } from "../shared/messages";
import type { Lang } from "../../core/i18n";

/** The shape of OfficeExtension.Error that matters here. */
interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

export function officeErrorCode(e: unknown): string | undefined {
  if (!e || typeof e !== "object") return undefined;
  const err = e as OfficeLikeError;
  if (typeof err.code === "string") return err.code;
  if (typeof err.debugInfo?.code === "string") return err.debugInfo.code;
  return undefined;
}

function messageOf(e: unknown): string {
  if (!e || typeof e !== "object") return "";
  const err = e as OfficeLikeError;
  return [err.message, err.debugInfo?.message].filter((m): m is string => typeof m === "string").join(" ");
}

/**
 * Errors that mean "too much at once": the web's 5 MB payload limits and the 5M-cell limit of a get
 * (RangeExceedsLimit, every platform). Known by their codes; the messages are localized, so the
 * English fallback is only a hint, and the reader also measures before giving up (see read.ts).
 */
const TOO_LARGE_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge", "RangeExceedsLimit"]);

export function isTooLarge(e: unknown): boolean {
  const code = officeErrorCode(e);
  if (code && TOO_LARGE_CODES.has(code)) return true;
  return /payload size|exceeded the maximum|too large/i.test(messageOf(e));
}

export function isItemNotFound(e: unknown): boolean {
  return officeErrorCode(e) === "ItemNotFound";
}

/**
 * A batch refused because the user is editing a cell: InvalidOperationInCellEditMode (the documented
 * code), or — defensively, no Microsoft source says Excel answers so — the generic InvalidOperation
 * with the cell-editing message.
 */
export function isCellEditError(e: unknown): boolean {
  const code = officeErrorCode(e);
  if (code === "InvalidOperationInCellEditMode") return true;
  return code === "InvalidOperation" && /cell[- ]?edit|edit mode|编辑模式|编辑状态/i.test(messageOf(e));
}

/** Errors that say nothing about the size or shape of what was asked: retrying another way cannot help. */
export function isFinalError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return isCellEditError(e) || code === "AccessDenied" || code === "ItemNotFound" || code === "ApiNotFound" || code === "InvalidRequestContext";
}

export interface ErrorContext {
  /** the sheet the operation was about, for messages */
  sheet?: string;
}

export function toHostError(e: unknown, lang: Lang, context: ErrorContext = {}): HostError {
  if (e instanceof HostError) return e;
  const code = officeErrorCode(e);
  const raw = e && typeof e === "object" && typeof (e as OfficeLikeError).message === "string" ? ((e as OfficeLikeError).message as string) : String(e);
  const sheet = context.sheet ?? "";
  const opts = { platformCode: code, cause: e, ...(sheet ? { sheets: [sheet] } : {}) };
  if (isCellEditError(e)) return new HostError("office", hostMessage(lang, "cellEditMode"), opts);
  switch (code) {
    case "AccessDenied":
      return new HostError("protected", hostMessage(lang, "protected", { sheet }), opts);
    case "ItemNotFound":
      return new HostError("not-found", hostMessage(lang, "sheetNotFound", { sheet }), opts);
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return new HostError("requirement", hostMessage(lang, "requirement", { set: "ExcelApi", version: "" }), opts);
    default:
      if (isTooLarge(e)) return new HostError("office", hostMessage(lang, "payload"), opts);
      return new HostError("office", hostMessage(lang, "office", { detail: code ? `${code}: ${raw}` : raw }), opts);
  }
}

/** The Office error behind a HostError (what toHostError wrapped). */
export function causeOf(e: unknown): unknown {
  return e && typeof e === "object" ? (e as { cause?: unknown }).cause : undefined;
}
