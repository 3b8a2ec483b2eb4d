/**
 * Give every entry of a zip archive the same modification time, so that building the
 * example workbooks twice gives byte-identical files (exceljs's zip library stamps
 * each entry with the current time).
 *
 * Patches the DOS time/date of each central-directory entry and of the local header it
 * points to. Nothing else changes; CRCs do not cover these fields.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // the EOCD record is 22 bytes plus a comment of at most 65535 bytes
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  throw new Error("not a zip archive: end of central directory not found");
}

export function normalizeZipTimestamps(input: Buffer, when: Date): Buffer {
  const buf = Buffer.from(input);
  const stamp = dosDateTime(when);
  const eocd = findEndOfCentralDirectory(buf);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new Error(`bad central directory entry at ${p}`);
    buf.writeUInt16LE(stamp.time, p + 12);
    buf.writeUInt16LE(stamp.date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new Error(`bad local header at ${local}`);
    buf.writeUInt16LE(stamp.time, local + 10);
    buf.writeUInt16LE(stamp.date, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
