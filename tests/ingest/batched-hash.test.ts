import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BatchedHash } from '../../src/ingest/emit/batched-hash.ts';

describe('BatchedHash', () => {
  it('gives the digest of the texts fed one by one, across its pieces', () => {
    // 30,000 lines of about 30 characters, some outside Latin-1: several 64 KB pieces.
    const lines = Array.from({ length: 30_000 }, (_, i) => `data/articles/kraków-${i}.json\0${i % 7}\n`);
    const batched = new BatchedHash('sha256');
    const oneByOne = createHash('sha256');
    for (const line of lines) {
      batched.add(line);
      oneByOne.update(line);
    }
    expect(batched.digest('hex')).toBe(oneByOne.digest('hex'));
  });

  it('hashes nothing as the empty text', () => {
    expect(new BatchedHash('sha1').digest('base64')).toBe(createHash('sha1').update('').digest('base64'));
  });
});
