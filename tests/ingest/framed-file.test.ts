/**
 * The binary cache files' frame: a part written as pieces reads back as their bytes joined, however many
 * pieces there are, with the parts after it in place.
 */
import { describe, expect, it } from 'vitest';
import { frameHeader, frameParts, framed } from '../../src/ingest/framed-file.ts';

describe('framed', () => {
  it('writes a part given as pieces as one part, even from more pieces than a call takes arguments', () => {
    const pieces = Array.from({ length: 300_000 }, (_, i) => Buffer.from(i % 2 === 0 ? 'ab' : '\0'));
    const after = Buffer.from('after');
    const file = Buffer.concat(framed({ count: 2 }, [pieces, after]));
    expect(frameHeader(file)).toEqual({ count: 2 });
    const [joined, last] = frameParts(file, [300_000 * 1.5, after.length]);
    expect(joined?.equals(Buffer.concat(pieces))).toBe(true);
    expect(last?.toString()).toBe('after');
  });
});
