/** JSON from an untrusted stored string (workbook settings): null instead of throwing, and no huge texts. */
export function safeJson(text: string): unknown {
  if (text.length > 2_000_000) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
