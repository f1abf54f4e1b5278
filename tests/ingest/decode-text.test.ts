import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/extract/decode-text.ts';
import { ExtractionError } from '../../src/ingest/extract/extraction-error.ts';

function failure(bytes: Uint8Array): { line: number; message: string } {
  try {
    decodeText(bytes);
  } catch (error) {
    if (error instanceof ExtractionError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected decodeText to fail');
}

describe('decoding input bytes', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x4b, 0x79, 0x69, 0x76]))).toBe('Kyiv');
  });
  it('decodes UTF-16 with a byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x4b, 0x00, 0x79, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x4b, 0x00, 0x79]);
    expect(decodeText(le)).toBe('Ky');
    expect(decodeText(be)).toBe('Ky');
  });
  it('refuses an empty file', () => {
    expect(failure(new Uint8Array())).toEqual({ line: 1, message: 'the file is empty' });
  });
  it('refuses binary data, naming the line and byte offset of the NUL byte', () => {
    expect(failure(new TextEncoder().encode('one\ntwo\u0000'))).toEqual({
      line: 2,
      message: 'binary data (a NUL byte at byte offset 7), not text',
    });
  });
  it('refuses invalid UTF-8, naming the byte offset', () => {
    expect(failure(new Uint8Array([0x61, 0x0a, 0x62, 0xc3, 0x28]))).toEqual({
      line: 2,
      message: 'invalid UTF-8 at byte offset 3',
    });
  });
});
