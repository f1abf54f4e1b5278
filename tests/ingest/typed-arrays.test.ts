import { describe, expect, it } from 'vitest';
import { allocate, grownTo } from '../../src/ingest/relate/typed-arrays.ts';

describe('typed arrays of the relate stages', () => {
  it('allocates exactly the length asked, empty included, in shared memory when asked', () => {
    expect(allocate(Int32Array, 0, true)).toHaveLength(0);
    expect(allocate(Float64Array, 0, false)).toHaveLength(0);
    const shared = allocate(Float64Array, 3, true);
    expect(Array.from(shared)).toEqual([0, 0, 0]);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(allocate(Int32Array, 2, false).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('grows an array to at least twice its length, keeping what it held', () => {
    const grown = grownTo(Int32Array.of(4, 5), 3);
    expect(Array.from(grown)).toEqual([4, 5, 0, 0]);
    expect(grownTo(Int32Array.of(1), 6)).toHaveLength(6);
  });
});
