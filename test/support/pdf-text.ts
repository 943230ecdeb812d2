import { inflateSync } from 'node:zlib';

/**
 * The text runs of an uncompressed pdfkit PDF, one per TJ/Tj operator, in
 * drawing order. pdfkit writes standard-font text as hex strings in WinAnsi,
 * split wherever it kerns (`[<48656c> 40 <6c6f>] TJ`); the pieces of one run are
 * joined. Decoded as WinAnsi: Latin-1, and the typographic characters of 0x80–0x9F
 * (`€`, `’`, `…`) that money, dates and labels in four languages use.
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const content = pdf.toString('latin1');
  return [...content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)].map((match) => {
    const pieces = match[1] === undefined ? [match[2] ?? ''] : [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((piece) => piece[1] ?? '');
    return pieces.map((hex) => winAnsi(Buffer.from(hex, 'hex'))).join('');
  });
}

// WinAnsi's 0x80–0x9F (undefined codes stay as they are); the rest is Latin-1.
const WIN_ANSI_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const winAnsi = (bytes: Buffer) => [...bytes].map((byte) => (byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_HIGH[byte - 0x80] : String.fromCharCode(byte))).join('');

/** All text of a PDF, compressed or not: each Flate stream is inflated first. */
export function pdfText(pdf: Buffer): string {
  const content = pdf.toString('latin1');
  const streams = [...content.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => {
    const raw = Buffer.from(match[1]!, 'latin1');
    try {
      return inflateSync(raw);
    } catch {
      return raw;
    }
  });
  return streams.flatMap((stream) => pdfTextRuns(stream)).join('\n');
}
