import { constants, crc32, deflateRawSync } from "node:zlib";

export interface ZipPart {
  name: string;
  /** Deflated bytes (raw deflate). */
  deflated: Buffer;
  /** The size the central directory declares (a test may lie). */
  unpackedSize: number;
  crc?: number;
}

/** A part deflated from its text. */
export function deflatedPart(name: string, text: string): ZipPart {
  const data = Buffer.from(text, "utf8");
  return { name, deflated: deflateRawSync(data), unpackedSize: data.length, crc: crc32(data) };
}

/**
 * A part of `blocks` MB of spaces, deflated without ever holding it: one full-flushed megabyte
 * repeated (each full flush starts afresh, so identical blocks chain), then an empty final block.
 */
export function spacesPart(name: string, blocks: number): ZipPart {
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  const block = deflateRawSync(mb, { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return { name, deflated: Buffer.concat([...Array.from({ length: blocks }, () => block), end]), unpackedSize: blocks * mb.length };
}

/** A zip file of the parts (deflate, no zip64), as an XLSX is. */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc ?? 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.unpackedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc ?? 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(part.unpackedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
