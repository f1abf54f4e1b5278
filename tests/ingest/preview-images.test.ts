/** Preview images: the card's content rules, rendering in worker threads, and the content-keyed cache. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawable, headlineSize, previewCard } from '../../src/ingest/emit/preview-image/preview-card.ts';
import type { CardText } from '../../src/ingest/emit/preview-image/preview-card.ts';
import { writePreviewImages, type PreviewJob } from '../../src/ingest/emit/preview-image/write-preview-images.ts';
import { OutputManifest } from '../../src/ingest/emit/output-manifest.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-og-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const cardOf = (i: number): CardText => ({
  headline: `Harbour wall number ${i} is repaired before the winter storms arrive`,
  outlet: 'The Gazette',
  date: null,
});
const jobs: PreviewJob[] = Array.from({ length: 60 }, (_, i) => ({ id: `story-${i}`, card: cardOf(i) }));

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('preview card', () => {
  it('draws Latin, Cyrillic and Greek headlines, and leaves scripts it cannot shape to the alt text', () => {
    expect(drawable('Kyiv says “yes” — Зеленский, Αθήνα, Việt Nam')).toBe(true);
    expect(drawable('زيلينسكي يقول')).toBe(false);
    expect(drawable('東京で地震')).toBe(false);
    const text = JSON.stringify(previewCard({ headline: 'زيلينسكي يقول', outlet: 'Al Jazeera', date: null }));
    expect(text).not.toContain('زيلينسكي');
    expect(text).toContain('Al Jazeera');
  });

  it('drops emoji, which the card fonts cannot draw, and shrinks long headlines', () => {
    expect(JSON.stringify(previewCard({ headline: 'Storm 🌀 hits coast', outlet: null, date: null }))).toContain(
      'Storm hits coast',
    );
    expect(headlineSize('a'.repeat(40))).toBeGreaterThan(headlineSize('a'.repeat(160)));
  });
});

describe('writePreviewImages', () => {
  it('renders every card in worker threads, then reuses the cache for unchanged cards', async () => {
    const cacheDir = join(work, 'cache');
    const first = await writePreviewImages(join(work, 'a'), jobs, { cacheDir, threads: 2 });
    expect(first).toEqual({ rendered: 60, cached: 0 });
    const files = await readdir(join(work, 'a', 'og'));
    expect(files.sort()).toEqual(jobs.map((j) => `${j.id}.png`).sort());
    for (const file of files) expect(pngSize(await readFile(join(work, 'a', 'og', file)))).toEqual([1200, 630]);

    const changed = jobs.map((j, i) =>
      i === 0 ? { id: j.id, card: { ...cardOf(0), headline: 'A new headline' } } : j,
    );
    const second = await writePreviewImages(join(work, 'b'), changed, { cacheDir, threads: 2 });
    expect(second).toEqual({ rendered: 1, cached: 59 });
    expect(await readFile(join(work, 'b', 'og', 'story-1.png'))).toEqual(
      await readFile(join(work, 'a', 'og', 'story-1.png')),
    );
    expect(await readFile(join(work, 'b', 'og', 'story-0.png'))).not.toEqual(
      await readFile(join(work, 'a', 'og', 'story-0.png')),
    );
  }, 60_000);

  it('keeps, without making its text, a card the last build made from the same input key', async () => {
    const cacheDir = join(work, 'keyed-cache');
    const out = join(work, 'keyed');
    const made: number[] = [];
    const keyed = (key: (i: number) => string) =>
      jobs.slice(0, 4).map((j, i): PreviewJob => ({
        id: j.id,
        card: () => {
          made.push(i);
          return i === 1 && key(i).endsWith('new') ? { ...cardOf(i), headline: 'Rewritten' } : cardOf(i);
        },
        inputKey: key(i),
      }));
    const build = async (key: (i: number) => string) => {
      const manifest = new OutputManifest(join(work, 'keyed-record'), out, 'v1');
      const result = await writePreviewImages(out, keyed(key), { cacheDir, threads: 1, manifest });
      manifest.finish();
      return result;
    };
    expect(await build((i) => `k${i}`)).toEqual({ rendered: 4, cached: 0 });
    expect(made.splice(0)).toEqual([0, 1, 2, 3]);
    expect(await build((i) => `k${i}`)).toEqual({ rendered: 0, cached: 4 });
    expect(made.splice(0)).toEqual([]);
    const before = await readFile(join(out, 'og', 'story-1.png'));
    expect(await build((i) => (i === 1 ? 'k1-new' : `k${i}`))).toEqual({ rendered: 1, cached: 3 });
    expect(made.splice(0)).toEqual([1]);
    expect(await readFile(join(out, 'og', 'story-1.png'))).not.toEqual(before);
  }, 60_000);

  it('renders everything again without a cache', async () => {
    const result = await writePreviewImages(join(work, 'c'), jobs.slice(0, 3), { cacheDir: null });
    expect(result).toEqual({ rendered: 3, cached: 0 });
  });
});
