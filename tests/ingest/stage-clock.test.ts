import { describe, expect, it } from 'vitest';
import { StageClock } from '../../src/ingest/stage-clock.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('StageClock', () => {
  it('times stages in the order they end', async () => {
    const clock = new StageClock();
    expect(await clock.time('read', async () => (await sleep(20), 'files'))).toBe('files');
    expect(clock.timeSync('count', () => 3)).toBe(3);
    expect(clock.timings.map((t) => t.stage)).toEqual(['read', 'count']);
    expect(clock.timings[0]?.ms).toBeGreaterThanOrEqual(15);
    expect(clock.timings[0]?.peakRssMiB).toBeGreaterThan(0);
  });

  it('records a background stage by its own time and, apart, the time the build still waits for it', async () => {
    const clock = new StageClock();
    const index = clock.background('search index', () => {
      // This thread's part before it hands the work off: keying the stories, say.
      const until = performance.now() + 30;
      while (performance.now() < until);
      return sleep(120).then(() => 'digest');
    });
    await clock.time('write data', () => sleep(40));
    expect(await index.wait()).toBe('digest');
    const stages = clock.timings.map((t) => t.stage);
    expect(stages).toEqual(['search index (start)', 'write data', 'search index (own time)', 'search index']);
    const [start, data, own, wait] = clock.timings;
    expect(start?.ms).toBeGreaterThanOrEqual(29);
    expect(start?.ms).toBeLessThan(100);
    expect(own?.ms).toBeGreaterThanOrEqual(140);
    // The build waited only for what the background stage took beyond the stage it overlapped.
    expect(wait?.ms).toBeLessThan((own?.ms ?? 0) - (data?.ms ?? 0) + 30);
  });

  it('reports a background failure where the build waits for it', async () => {
    const clock = new StageClock();
    const failing = clock.background('search index', () => Promise.reject(new Error('disk full')));
    await sleep(10);
    await expect(failing.wait()).rejects.toThrow('disk full');
  });
});
