import { inflateRawSync } from "node:zlib";

/**
 * What an XLSX (a zip) holds, read from its central directory and checked entry by entry before
 * exceljs expands it: a 1.5 MB file that unpacks to 1.5 GB (a "zip bomb") is refused after reading
 * its directory, and an entry is never inflated past the size the directory declares.
 */
export interface XlsxLimits {
  /** Sum of the parts' unpacked sizes. */
  maxUnpackedBytes: number;
  /** Rows over all worksheets. */
  maxRows: number;
}

export type XlsxProblem =
  | { code: "unreadable" }
  | { code: "unpacked_too_large"; unpackedBytes: number }
  | { code: "too_many_rows"; rows: number };

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  unpackedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW_TAG = Buffer.from("<row");

function u64(bytes: Buffer, at: number): number {
  return Number(bytes.readBigUInt64LE(at));
}

/** The zip's entries from its central directory (zip64 included); null when it is not a readable zip. */
function centralDirectory(bytes: Buffer): ZipEntry[] | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const at = u64(bytes, eocd - 20 + 8);
    if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) return null;
    count = u64(bytes, at + 32);
    offset = u64(bytes, at + 48);
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: bytes.toString("utf8", p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      unpackedSize: bytes.readUInt32LE(p + 24),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
    };
    // Zip64: sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    const extra = p + 46 + nameLength;
    for (let e = extra; e + 4 <= extra + extraLength; ) {
      const id = bytes.readUInt16LE(e);
      const size = bytes.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (entry.unpackedSize === 0xffffffff) (entry.unpackedSize = u64(bytes, q)), (q += 8);
        if (entry.compressedSize === 0xffffffff) (entry.compressedSize = u64(bytes, q)), (q += 8);
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = u64(bytes, q);
      }
      e += 4 + size;
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes unpacked, never past its declared size (a lying directory is refused). */
function unpack(bytes: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return data.length === entry.unpackedSize ? data : null;
  if (entry.method !== DEFLATED) return null;
  try {
    // maxOutputLength stops inflating (RangeError) one byte past the declared size.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.unpackedSize) });
    return out.length === entry.unpackedSize ? out : null;
  } catch {
    return null;
  }
}

function countRows(xml: Buffer): number {
  let rows = 0;
  for (let i = xml.indexOf(ROW_TAG); i >= 0; i = xml.indexOf(ROW_TAG, i + ROW_TAG.length)) {
    const next = xml[i + ROW_TAG.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f) rows++; // "<row " "<row>" "<row/>", not "<rowBreaks"
  }
  return rows;
}

/**
 * Check an XLSX before it is expanded: the sum of declared unpacked sizes first (no inflating),
 * then each part inflated alone within its declared size, the worksheets' rows counted.
 * Memory stays within the largest part. Null when the file is within the limits.
 *
 * @example checkXlsx(bytes, { maxUnpackedBytes: 100 * 2 ** 20, maxRows: 100_000 }) // null, or { code: "too_many_rows", rows: 250000 }
 */
export function checkXlsx(bytes: Buffer, limits: XlsxLimits): XlsxProblem | null {
  const entries = centralDirectory(bytes);
  if (!entries) return { code: "unreadable" };
  const unpackedBytes = entries.reduce((sum, e) => sum + e.unpackedSize, 0);
  if (unpackedBytes > limits.maxUnpackedBytes) return { code: "unpacked_too_large", unpackedBytes };
  let rows = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const out = unpack(bytes, entry);
    if (!out) return { code: "unreadable" };
    if (WORKSHEET.test(entry.name)) {
      rows += countRows(out);
      if (rows > limits.maxRows) return { code: "too_many_rows", rows };
    }
  }
  return null;
}
