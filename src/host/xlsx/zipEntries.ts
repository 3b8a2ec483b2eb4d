/**
 * The entries of a zip archive, read the way JSZip (exceljs's unzipper) reads them, but inflated
 * with Node's zlib. Node only: the fast CLI reader (fastReadWorkbook.ts) uses it.
 *
 * It reads only the plain case and refuses (throws NotPlainZip) whatever JSZip might read
 * differently: zip64, prepended bytes, names that differ between the central directory and the
 * local header, Unicode-path extra fields, duplicate names, encryption, methods other than
 * stored/deflate, sizes that do not match. The caller then uses the full exceljs reader, which
 * gives today's result (or today's error) for such files.
 */
import { inflateRawSync } from "node:zlib";

export class NotPlainZip extends Error {
  constructor(why: string) {
    super(`not a plain zip: ${why}`);
    this.name = "NotPlainZip";
  }
}

export interface ZipEntry {
  /** the name as JSZip gives it (decoded as UTF-8) */
  name: string;
  /** a folder: JSZip's dir flag (DOS attribute 0x10, or a name ending in "/"); never inflated */
  dir: boolean;
  /** the uncompressed bytes (null for folders) */
  data: Buffer | null;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Entries in central-directory order (JSZip's `zip.files` order for these names). */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = buf.length;
  // JSZip: the last end-of-central-directory signature
  let eocd = -1;
  for (let i = len - 22; i >= 0; i--) {
    if (buf[i] === 0x50 && buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotPlainZip("no end of central directory");
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesHere = buf.readUInt16LE(eocd + 8);
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== entries) throw new NotPlainZip("multi-disk");
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new NotPlainZip("zip64");
  if (cdOffset + cdSize !== eocd) throw new NotPlainZip("extra bytes");

  const out: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new NotPlainZip("central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const diskStart = buf.readUInt16LE(p + 34);
    const external = buf.readUInt32LE(p + 38);
    const localOffset = buf.readUInt32LE(p + 42);
    const nameStart = p + 46;
    const next = nameStart + nameLen + extraLen + commentLen;
    if (next > eocd) throw new NotPlainZip("central directory");
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff || diskStart === 0xffff) throw new NotPlainZip("zip64");
    if (flags & 1) throw new NotPlainZip("encrypted");
    // an Info-ZIP Unicode path field would replace the name in JSZip
    for (let e = nameStart + nameLen; e + 4 <= nameStart + nameLen + extraLen; ) {
      const id = buf.readUInt16LE(e);
      if (id === 0x7075) throw new NotPlainZip("unicode path field");
      e += 4 + buf.readUInt16LE(e + 2);
    }
    const centralName = buf.subarray(nameStart, nameStart + nameLen);

    // JSZip takes the name (and the data position) from the local header
    const lp = localOffset;
    if (lp + 30 > len || buf.readUInt32LE(lp) !== LOCAL) throw new NotPlainZip("local header");
    const localNameLen = buf.readUInt16LE(lp + 26);
    const localExtraLen = buf.readUInt16LE(lp + 28);
    const localName = buf.subarray(lp + 30, lp + 30 + localNameLen);
    if (!localName.equals(centralName)) throw new NotPlainZip("names differ");
    const dataStart = lp + 30 + localNameLen + localExtraLen;
    if (dataStart + compressedSize > len) throw new NotPlainZip("truncated");

    const name = centralName.toString("utf8");
    if (names.has(name) || /^(0|[1-9]\d*)$/.test(name)) throw new NotPlainZip("duplicate or numeric name");
    names.add(name);
    const dir = (external & 0x10) !== 0 || name.endsWith("/");
    let data: Buffer | null = null;
    if (!dir) {
      const raw = buf.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) data = raw;
      else if (method === 8) {
        try {
          data = inflateRawSync(raw);
        } catch {
          throw new NotPlainZip("inflate");
        }
      } else throw new NotPlainZip("compression method");
      if (data.length !== size) throw new NotPlainZip("size mismatch");
    } else if (method !== 0 && method !== 8) {
      throw new NotPlainZip("compression method");
    }
    out.push({ name, dir, data });
    p = next;
  }
  if (out.length === 0) throw new NotPlainZip("no entries");
  return out;
}
