import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (bytes: Buffer) => {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A valid RGB PNG of the given size: a flat blue, or random noise (which does not compress, so
 * its size in bytes is about 3 × width × height).
 */
export function pngOf(width: number, height: number, fill: 'flat' | 'noise' = 'flat'): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = (index: number) =>
    Buffer.concat([Buffer.from([0]), fill === 'noise' ? randomBytes(width * 3) : Buffer.alloc(width * 3, index % 2 ? 0x40 : 0x80)]);
  const pixels = Buffer.concat(Array.from({ length: height }, (_, index) => row(index)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a GIF: enough for anything that reads a file's type from its bytes. */
export const gifBytes = () => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([32, 0, 32, 0, 0x80, 0, 0]), Buffer.alloc(64)]);
