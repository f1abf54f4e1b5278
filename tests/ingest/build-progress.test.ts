/** The build's terminal progress: quiet for short builds, a redrawn bar on a terminal, plain lines elsewhere. */
import { describe, expect, it } from 'vitest';
import { progressBar, terminalProgress } from '../../src/ingest/build-progress.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 60, write: (t: string) => written.push(t) }, written };
}

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progressBar', () => {
  it('fills in proportion and never overflows', () => {
    expect(progressBar(0, 10, 10)).toBe('[----------] 0%');
    expect(progressBar(5, 10, 10)).toBe('[#####-----] 50%');
    expect(progressBar(12, 10, 10)).toBe('[##########] 100%');
    expect(progressBar(0, 0, 4)).toBe('[####] 100%');
  });
});

describe('terminalProgress', () => {
  it('prints nothing for a build shorter than a few seconds', () => {
    for (const isTTY of [true, false]) {
      const { stream, written } = fakeStream(isTTY);
      const clock = fakeClock();
      const progress = terminalProgress(stream, { ci: false, now: clock.now });
      progress.start('read');
      clock.advance(500);
      progress.end('read', 500);
      progress.start('extract');
      progress.step(1, 2);
      clock.advance(500);
      progress.end('extract', 500);
      progress.finish();
      expect(written).toEqual([]);
    }
  });

  it('prints one plain line per stage when not on a terminal, once the build proves long', () => {
    const { stream, written } = fakeStream(false);
    const clock = fakeClock();
    const progress = terminalProgress(stream, { ci: false, now: clock.now });
    progress.start('read');
    clock.advance(1000);
    progress.end('read', 1000);
    progress.start('extract');
    progress.step(100, 1000);
    clock.advance(4000);
    progress.end('extract', 4000);
    progress.finish();
    expect(written).toEqual(['read: 1.0 s\n', 'extract: 4.0 s\n']);
  });

  it('redraws one line with a bar on a terminal, and clears it at the end', () => {
    const { stream, written } = fakeStream(true);
    const clock = fakeClock();
    const progress = terminalProgress(stream, { ci: false, now: clock.now });
    progress.start('extract');
    clock.advance(3500);
    progress.step(250, 1000);
    expect(written.at(-1)).toMatch(/^\rextract \[######-+\] 25% 250\/1000 · 3\.5 s\s*$/);
    expect(written.every((w) => !w.includes('\n'))).toBe(true);
    progress.finish();
    expect(written.at(-1)).toMatch(/^\r\s+\r$/);
  });

  it('uses plain lines under CI even on a terminal', () => {
    const { stream, written } = fakeStream(true);
    const clock = fakeClock();
    const progress = terminalProgress(stream, { ci: true, now: clock.now });
    progress.start('relate');
    clock.advance(5000);
    progress.step(1, 2);
    progress.end('relate', 5000);
    expect(written).toEqual(['relate: 5.0 s\n']);
  });
});
