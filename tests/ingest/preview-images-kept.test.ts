/**
 * A build whose preview cards are all kept or cached does not load the renderer (satori, resvg and the
 * fonts: 0.4 s of a rebuild). The renderer module is watched here; the cards are first drawn on workers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { writePreviewImages, type PreviewJob } from '../../src/ingest/emit/preview-image/write-preview-images.ts';

const renderer = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../src/ingest/emit/preview-image/render-preview.ts', async (importOriginal) => {
  renderer.loads++;
  return importOriginal();
});

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'broadsheet-og-kept-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const jobs: PreviewJob[] = Array.from({ length: 48 }, (_, i) => ({
  id: `story-${i}`,
  card: { headline: `Ferry number ${i} returns to the island timetable`, outlet: 'The Courier', date: null },
}));

it('does not load the renderer on this thread when every card is cached', async () => {
  const cacheDir = join(work, 'cache');
  // Drawn on two workers: this thread does not load the renderer for them.
  expect(await writePreviewImages(join(work, 'first'), jobs, { cacheDir, threads: 2 })).toEqual({
    rendered: 48,
    cached: 0,
  });
  expect(renderer.loads).toBe(0);
  // One thread, everything cached: nothing to draw, so nothing loaded.
  expect(await writePreviewImages(join(work, 'second'), jobs, { cacheDir, threads: 1 })).toEqual({
    rendered: 0,
    cached: 48,
  });
  expect(renderer.loads).toBe(0);
  // A card to draw on this thread loads it.
  const changed = [{ ...jobs[0], id: 'story-new', card: { headline: 'A new card', outlet: null, date: null } }];
  expect(await writePreviewImages(join(work, 'third'), changed, { cacheDir, threads: 1 })).toEqual({
    rendered: 1,
    cached: 0,
  });
  expect(renderer.loads).toBe(1);
}, 60_000);
