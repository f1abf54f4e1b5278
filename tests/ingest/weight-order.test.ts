import { describe, expect, it } from 'vitest';
import { heaviestFirst, itemBitsFor } from '../../src/ingest/relate/weight-order.ts';

/** The order a comparator sort gives: heaviest first, ties by lower item number. */
function byComparator(items: number[], weights: number[]): number[] {
  return items
    .map((item, k) => [item, weights[k] ?? 0] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([item]) => item);
}

describe('heaviestFirst', () => {
  it('orders items by weight, heaviest first, with ties by lower item number', () => {
    const items = [7, 3, 9, 1, 4];
    const weights = [0.5, 2, 0.5, 2, 1e-9];
    const out = new Int32Array(5);
    expect(heaviestFirst(items, weights, 5, 5, itemBitsFor(10), out)).toBe(5);
    expect(Array.from(out)).toEqual([1, 3, 7, 9, 4]);
  });

  it('keeps only the count heaviest', () => {
    const out = new Int32Array(2);
    expect(heaviestFirst([0, 1, 2, 3], [1, 4, 3, 2], 4, 2, itemBitsFor(4), out)).toBe(2);
    expect(Array.from(out)).toEqual([1, 2]);
  });

  it('agrees with a comparator sort on many weights of very different sizes', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const limit = 600_000;
    const items = Array.from({ length: 3000 }, () => Math.floor(random() * limit));
    const unique = [...new Set(items)];
    // Repeated weights (ties) and weights from 1e-6 to 1e3.
    const weights = unique.map((_, k) => (k % 5 === 0 ? 1.5 : 10 ** (random() * 9 - 6)));
    const out = new Int32Array(unique.length);
    heaviestFirst(unique, weights, unique.length, unique.length, itemBitsFor(limit), out);
    expect(Array.from(out)).toEqual(byComparator(unique, weights));
  });

  it('refuses item numbers that do not fit beside the weight', () => {
    expect(() => itemBitsFor(2 ** 40)).toThrow(/31 bits/);
  });
});
