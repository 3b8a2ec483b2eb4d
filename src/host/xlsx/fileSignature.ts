/**
 * What kind of file a byte buffer holds, judged from its first bytes and a few
 * names stored inside it — before any parser is asked to open it.
 *
 * - xlsx files are zip archives ("PK\x03\x04") that contain `xl/workbook.xml`;
 * - a password-protected xlsx is an OLE compound file (D0 CF 11 E0 …) holding the
 *   streams "EncryptionInfo" and "EncryptedPackage";
 * - a legacy .xls is also an OLE compound file, but without those streams.
 */

export type FileKind = "empty" | "xlsx" | "zip-not-xlsx" | "encrypted" | "ole-not-xlsx" | "unknown";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Index of `needle` in `bytes`, or -1. Plain scan: files are a few MB at most. */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array): number {
  if (needle.length === 0) return 0;
  const first = needle[0];
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

/** OLE directory entries store stream names in UTF-16LE. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

export function detectFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return indexOfBytes(bytes, utf16le("EncryptedPackage")) >= 0 ? "encrypted" : "ole-not-xlsx";
  }
  if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) {
    // Entry names are stored uncompressed in the local headers and the central directory.
    return indexOfBytes(bytes, ascii("xl/workbook.xml")) >= 0 ? "xlsx" : "zip-not-xlsx";
  }
  return "unknown";
}
