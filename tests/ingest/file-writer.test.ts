/** The bounded parallel file writer: every file written, folders made on request, errors not lost. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileWriter } from '../../src/ingest/emit/file-writer.ts';
import { contentDigest } from '../../src/ingest/emit/output-manifest.ts';

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

describe('FileWriter through the write thread', () => {
  it('writes every file, in folders when asked, with the bytes and digests the main thread would', async () => {
    const writer = new FileWriter(null, 4, 0);
    const texts = Array.from({ length: 400 }, (_, i) => `“Page ${i}” — café ${'x'.repeat(i * 37)}`);
    // Larger than a slab: sent on its own.
    texts.push(`big ${'é'.repeat(600_000)}`);
    const digests: string[] = [];
    for (const [i, text] of texts.entries())
      digests.push(await writer.write(join(dir, `f${i}`, 'index.html'), text, { makeFolder: true }));
    await writer.write(join(dir, 'bytes.bin'), new Uint8Array([0, 1, 2, 255]));
    await writer.flush();
    expect((await readdir(dir)).length).toBe(texts.length + 1);
    for (const i of [0, 1, 255, 399, 400]) {
      expect(await readFile(join(dir, `f${i}`, 'index.html'), 'utf8')).toBe(texts[i]);
      expect(digests[i]).toBe(contentDigest(texts[i] ?? ''));
    }
    expect([...(await readFile(join(dir, 'bytes.bin')))]).toEqual([0, 1, 2, 255]);
  });

  it('reports a failed write on flush, naming the file', async () => {
    const writer = new FileWriter(null, 4, 0);
    await writer.write(join(dir, 'a.json'), '{}');
    await writer.write(join(dir, 'missing-folder', 'b.json'), '{}');
    await expect(writer.flush()).rejects.toThrow(/ENOENT.*missing-folder/);
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('{}');
  });

  it('moves from the main thread to the write thread past its first files', async () => {
    const writer = new FileWriter(null, 4, 10);
    for (let i = 0; i < 30; i++) await writer.write(join(dir, `f${i}.txt`), `file ${i}`);
    await writer.flush();
    const names = await readdir(dir);
    expect(names.length).toBe(30);
    for (let i = 0; i < 30; i++) expect(await readFile(join(dir, `f${i}.txt`), 'utf8')).toBe(`file ${i}`);
  });
});
