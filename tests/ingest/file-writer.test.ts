/** The bounded parallel file writer: every file written, folders made on request, errors not lost. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileWriter } from '../../src/ingest/emit/file-writer.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileWriter', () => {
  it('writes every file with a few in flight, making folders when asked', async () => {
    const writer = new FileWriter(null, 4);
    for (let i = 0; i < 50; i++)
      await writer.write(join(dir, `f${i}`, 'index.html'), `page ${i}`, { makeFolder: true });
    await writer.flush();
    expect((await readdir(dir)).length).toBe(50);
    expect(await readFile(join(dir, 'f37', 'index.html'), 'utf8')).toBe('page 37');
  });

  it('reports a failed write on flush rather than losing it', async () => {
    const writer = new FileWriter(null, 4);
    await writer.write(join(dir, 'missing-folder', 'a.json'), '{}');
    await expect(writer.flush()).rejects.toThrow(/ENOENT/);
  });
});
