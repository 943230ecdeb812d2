/** The largest logo accepted: small enough for every page, email and PDF, and to read in one piece. */
export const MAX_LOGO_BYTES = 200 * 1024;
/** A logo's sides, in pixels: large enough to see, small enough to decode in bounded time. */
export const LOGO_SIDE = { min: 16, max: 4096 } as const;

export interface LogoImage {
  contentType: 'image/png' | 'image/jpeg';
  extension: 'png' | 'jpg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size from its first chunk, which must be IHDR. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A JPEG's size from its first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return undefined;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

/**
 * What an upload is, from its bytes alone (never its name or declared type): a PNG or JPEG with sane
 * sides, or the reason it is refused. A GIF renamed `.png`, a text file or a truncated image is refused.
 */
export function inspectLogo(bytes: Buffer): LogoImage | { problem: string } {
  if (bytes.length > MAX_LOGO_BYTES) return { problem: `The logo is larger than ${MAX_LOGO_BYTES / 1024} KB.` };
  const png = pngSize(bytes);
  const jpeg = png ? undefined : jpegSize(bytes);
  const size = png ?? jpeg;
  if (!size) {
    const gif = bytes.toString('latin1', 0, 4) === 'GIF8';
    return { problem: gif ? 'The file is a GIF; upload a PNG or JPEG.' : 'The file is not a PNG or JPEG image.' };
  }
  const { width, height } = size;
  if ([width, height].some((side) => side < LOGO_SIDE.min || side > LOGO_SIDE.max)) {
    return { problem: `The logo is ${width} × ${height} pixels; each side must be ${LOGO_SIDE.min}–${LOGO_SIDE.max}.` };
  }
  return png ? { contentType: 'image/png', extension: 'png', width, height } : { contentType: 'image/jpeg', extension: 'jpg', width, height };
}
