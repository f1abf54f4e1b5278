/**
 * Bytes to text, refusing what is not text with a reason a person can act on.
 */
import { ExtractionError } from './extraction-error.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Mostly-ASCII UTF-16 has a zero in every other byte: far more zeros than any binary format. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 8) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = sample / 2;
  return Math.max(evenZeros, oddZeros) > half * 0.6 && Math.min(evenZeros, oddZeros) < half * 0.1;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ExtractionError(1, 'the file is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return new TextDecoder(encoding).decode(bytes.subarray(2));
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0 && looksLikeUtf16(bytes)) {
    throw new ExtractionError(
      1,
      'UTF-16 text without a byte-order mark (every other byte is zero): the byte order cannot be told for ' +
        'sure; save the file as UTF-8, or as UTF-16 with a byte-order mark',
    );
  }
  if (nul >= 0) {
    throw new ExtractionError(lineAtOffset(bytes, nul), `binary data (a NUL byte at byte offset ${nul}), not text`);
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new ExtractionError(lineAtOffset(bytes, offset), `invalid UTF-8 at byte offset ${offset}`);
  }
}
