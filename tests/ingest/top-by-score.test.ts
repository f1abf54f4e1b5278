/** topByScore: the same answer as a full sort, whatever order the items arrive in. */
import { describe, expect, it } from 'vitest';
import { topByScore } from '../../src/ingest/relate/term-vectors.ts';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function bySort(items: readonly number[], score: Float64Array, count: number, keep: (i: number) => boolean) {
  return items
    .filter(keep)
    .sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b)
    .slice(0, count);
}

describe('topByScore', () => {
  it('matches a full sort on random, rising, falling and tied scores, with and without a filter', () => {
    const next = random(7);
    const n = 500;
    const orders: [string, (i: number) => number][] = [
      ['random', () => next()],
      ['rising', (i) => i],
      ['falling', (i) => n - i],
      ['few values', () => Math.floor(next() * 4)],
    ];
    for (const [, make] of orders) {
      const score = Float64Array.from({ length: n }, (_, i) => make(i));
      const items = Array.from({ length: n }, (_, i) => i);
      for (const count of [1, 5, 100, 600]) {
        for (const keep of [() => true, (i: number) => i % 3 !== 0]) {
          expect(topByScore(items, score, count, keep)).toEqual(bySort(items, score, count, keep));
        }
      }
    }
  });

  it('returns nothing for a count of zero or no items', () => {
    expect(topByScore([1, 2], new Float64Array(3), 0)).toEqual([]);
    expect(topByScore([], new Float64Array(3), 5)).toEqual([]);
  });
});
