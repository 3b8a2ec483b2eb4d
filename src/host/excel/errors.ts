/** Office.js errors -> HostError with a clear code and a message in the user's language. */
import { HostError } from "../types";
import { hostMessage, type HostLang } from "./messages";

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

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);

export function isPayloadError(e: unknown): boolean {
  const code = officeErrorCode(e);
  if (code && PAYLOAD_CODES.has(code)) return true;
  const msg = e && typeof e === "object" ? (e as OfficeLikeError).message : undefined;
  return typeof msg === "string" && /payload size/i.test(msg);
}

export function isItemNotFound(e: unknown): boolean {
  return officeErrorCode(e) === "ItemNotFound";
}

export interface ErrorContext {
  /** the sheet the operation was about, for messages */
  sheet?: string;
}

export function toHostError(e: unknown, lang: HostLang, context: ErrorContext = {}): HostError {
  if (e instanceof HostError) return e;
  const code = officeErrorCode(e);
  const raw = e && typeof e === "object" && typeof (e as OfficeLikeError).message === "string" ? ((e as OfficeLikeError).message as string) : String(e);
  const sheet = context.sheet ?? "";
  const opts = { platformCode: code, cause: e, ...(sheet ? { sheets: [sheet] } : {}) };
  switch (code) {
    case "AccessDenied":
      return new HostError("protected", hostMessage(lang, "protected", { sheet }), opts);
    case "ItemNotFound":
      return new HostError("not-found", hostMessage(lang, "sheetNotFound", { sheet }), opts);
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return new HostError("requirement", hostMessage(lang, "requirement", { set: "ExcelApi", version: "" }), opts);
    case "InvalidOperationInCellEditMode":
      return new HostError("office", hostMessage(lang, "cellEditMode"), opts);
    default:
      if (isPayloadError(e)) return new HostError("office", hostMessage(lang, "payload"), opts);
      return new HostError("office", hostMessage(lang, "office", { detail: code ? `${code}: ${raw}` : raw }), opts);
  }
}
