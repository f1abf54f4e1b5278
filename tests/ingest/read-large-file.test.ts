import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/ingest/read-ahead.ts';
import { readLargeFileSync } from '../../src/ingest/read-large-file.ts';

const folder = mkdtempSync(join(tmpdir(), 'read-large-file-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function fileOf(bytes: number): { path: string; data: Buffer } {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + (i >> 9)) & 0xff;
  const path = join(folder, `f-${bytes}`);
  writeFileSync(path, data);
  return { path, data };
}

describe('reading a large file whole', () => {
  it('gives the bytes of files below, at and above its buffer, and of an empty one', () => {
    for (const bytes of [0, 1, 512 * 1024, 512 * 1024 + 1, 3 * 512 * 1024 + 17]) {
      const { path, data } = fileOf(bytes);
      const read = readLargeFileSync(path);
      expect(read.length).toBe(bytes);
      expect(read.equals(data)).toBe(true);
    }
  });

  it('gives a buffer of its own, aligned for typed-array views', () => {
    const { path } = fileOf(4096);
    const read = readLargeFileSync(path);
    expect(read.byteOffset).toBe(0);
    expect(read.buffer.byteLength).toBe(4096);
  });

  it('says which file it could not read', () => {
    expect(() => readLargeFileSync(join(folder, 'missing'))).toThrow(/missing/);
  });
});

describe('reading a large file ahead, on another thread', () => {
  it('gives the bytes, moved into a buffer of their own from offset 0', async () => {
    const { path, data } = fileOf(2 * 512 * 1024 + 5);
    const read = await new ReadAhead(path).read();
    expect(read.equals(data)).toBe(true);
    expect(read.byteOffset).toBe(0);
    expect(read.buffer.byteLength).toBe(data.length);
  });

  it('throws the read error of a file it could not read, naming it, when asked for the bytes', async () => {
    const ahead = new ReadAhead(join(folder, 'not-there'));
    await expect(ahead.read()).rejects.toThrow(/not-there/);
  });
});
