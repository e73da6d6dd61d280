// Hostile .xlsx files for tests and the hostile-upload benchmark: a real workbook whose first sheet is
// replaced by a part that inflates to many megabytes — honestly declared, or declared small (a lie) —
// written as a zip by hand so that the sizes in its headers are exactly what the attacker chooses.
import { constants, createDeflateRaw, crc32 } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipPart {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Buffer;
  /** What the headers declare the part inflates to. */
  declaredSize: number;
  crc: number;
}

/** A zip of the given parts, every size and CRC as given (so it may lie). */
export function zipOf(parts: ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.deflated.length, 20);
    dir.writeUInt32LE(p.declaredSize, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    out.push(local, name, p.deflated);
    central.push(dir, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

/** The parts of a real .xlsx, inflated. */
export async function partsOf(xlsx: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(xlsx, { lazyEntries: true });
  const parts = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    parts.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return parts;
}

const deflate = (data: Buffer) =>
  new Promise<Buffer>((resolve, reject) => {
    const z = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
    const chunks: Buffer[] = [];
    z.on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
    z.end(data);
  });

/** A sheet part of `size` bytes: a worksheet whose sheetData is mostly whitespace, deflated in chunks (never held whole). */
async function hugeSheet(size: number): Promise<{ deflated: Buffer; crc: number }> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const z = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const chunks: Buffer[] = [];
  z.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => z.on('end', resolve).on('error', reject));
  const block = Buffer.alloc(1 << 20, 0x20);
  let crc = crc32(head);
  const write = (b: Buffer) =>
    new Promise<void>((resolve) => {
      if (z.write(b)) resolve();
      else z.once('drain', resolve);
    });
  await write(head);
  let left = size - head.length - tail.length;
  while (left > 0) {
    const b = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(b, crc);
    await write(b);
    left -= b.length;
  }
  crc = crc32(tail, crc);
  z.end(tail);
  await ended;
  return { deflated: Buffer.concat(chunks), crc };
}

/**
 * A workbook (from a real template) whose first sheet inflates to `inflatedSize` bytes; its headers
 * declare `declaredSize` (by default the truth).
 */
export async function sheetBomb(template: Buffer, inflatedSize: number, declaredSize = inflatedSize): Promise<Buffer> {
  const parts = await partsOf(template);
  const out: ZipPart[] = [];
  for (const [name, data] of parts) {
    if (name === 'xl/worksheets/sheet1.xml') {
      const bomb = await hugeSheet(inflatedSize);
      out.push({ name, deflated: bomb.deflated, declaredSize, crc: bomb.crc });
    } else {
      out.push({ name, deflated: await deflate(data), declaredSize: data.length, crc: crc32(data) });
    }
  }
  return zipOf(out);
}
