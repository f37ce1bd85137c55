/**
 * A small zip writer and reader on node:zlib, enough for the store package: deflated entries
 * (stored when deflating does not help), UTF-8 names, a fixed timestamp so the same input gives
 * the same bytes. The reader checks every entry's CRC; the packager reads its own zip back and the
 * end-to-end test unpacks it with it.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8 = 0x0800;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const MADE_BY_UNIX = (3 << 8) | 20;
const FILE_MODE = (0o100644 << 16) >>> 0;

function header(size: number, fill: (b: Buffer) => void): Buffer {
  const b = Buffer.alloc(size);
  fill(b);
  return b;
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.name.startsWith('/') || entry.name.includes('\\') || entry.name.includes('..')) {
      throw new Error(`Unsafe zip entry name: ${entry.name}`);
    }
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const crc = crc32(entry.data);
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      b.writeUInt16LE(UTF8, at + 2);
      b.writeUInt16LE(stored ? 0 : 8, at + 4);
      b.writeUInt16LE(0, at + 6); // time 00:00
      b.writeUInt16LE(DOS_DATE_1980_01_01, at + 8);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(body.length, at + 14);
      b.writeUInt32LE(entry.data.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
      b.writeUInt16LE(0, at + 24); // extra length
    };
    const local = header(30, (b) => {
      b.writeUInt32LE(LOCAL, 0);
      common(b, 4);
    });
    central.push(
      header(46, (b) => {
        b.writeUInt32LE(CENTRAL, 0);
        b.writeUInt16LE(MADE_BY_UNIX, 4);
        common(b, 6);
        // comment length, disk, internal attributes: 0
        b.writeUInt32LE(FILE_MODE, 38);
        b.writeUInt32LE(offset, 42);
      }),
      name,
    );
    parts.push(local, name, body);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = header(22, (b) => {
    b.writeUInt32LE(END, 0);
    b.writeUInt16LE(entries.length, 8);
    b.writeUInt16LE(entries.length, 10);
    b.writeUInt32LE(directory.length, 12);
    b.writeUInt32LE(offset, 16);
  });
  return Buffer.concat([...parts, directory, end]);
}

/** Reads every entry, checking sizes and CRCs; throws on anything it does not understand. */
export function readZip(zip: Buffer): ZipEntry[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > zip.length) {
    throw new Error('Not a zip file (no end of central directory)');
  }
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) {
      throw new Error(`Bad central directory entry ${i}`);
    }
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const usize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== LOCAL) {
      throw new Error(`Bad local header for ${name}`);
    }
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8) {
      throw new Error(`Unsupported compression ${method} for ${name}`);
    }
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    if (data.length !== usize || crc32(data) !== crc) {
      throw new Error(`Corrupt entry ${name}`);
    }
    entries.push({ name, data });
    at += 46 + nameLength + skip;
  }
  return entries;
}
