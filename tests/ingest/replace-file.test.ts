/**
 * Replacing a kept file: a reader sees the old file or the new one, never half of one, and a failed write
 * leaves the old file and nothing beside it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFileSync, replaceFileWith } from '../../src/ingest/replace-file.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'replace-file-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('replaceFileWith', () => {
  it('writes the parts in order over the old file', async () => {
    const path = join(folder, 'state.bin');
    writeFileSync(path, 'old');
    await replaceFileWith(path, async (file) => {
      await file.write(Buffer.from('one '));
      await file.write(Buffer.from('two'));
    });
    expect(readFileSync(path, 'utf8')).toBe('one two');
    expect(readdirSync(folder)).toEqual(['state.bin']);
  });

  it('leaves the old file, and no part-written one beside it, when a write fails', async () => {
    const path = join(folder, 'state.bin');
    writeFileSync(path, 'old');
    await expect(
      replaceFileWith(path, async (file) => {
        await file.write(Buffer.from('half'));
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['state.bin']);
  });
});

describe('replaceFileSync', () => {
  it('writes data given in parts one after another over the old file, typed-array views included', () => {
    const path = join(folder, 'record.bin');
    writeFileSync(path, 'old');
    const numbers = new Uint32Array([0x64636261, 0x68676665]);
    replaceFileSync(path, [
      Buffer.from('head '),
      new Uint8Array(numbers.buffer, 4, 4),
      new Uint8Array(0),
      Buffer.from('!'),
    ]);
    expect(readFileSync(path, 'latin1')).toBe('head efgh!');
    expect(readdirSync(folder)).toEqual(['record.bin']);
  });

  it('leaves the old file, and nothing beside it, when a part cannot be written', () => {
    const path = join(folder, 'record.bin');
    writeFileSync(path, 'old');
    // Not bytes: the write throws after the first part went to the file aside.
    const notBytes = { length: 4 } as unknown as Uint8Array;
    expect(() => replaceFileSync(path, [Buffer.from('half'), notBytes])).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['record.bin']);
  });
});
