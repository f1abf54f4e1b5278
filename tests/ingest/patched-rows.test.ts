import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PatchedRows, type Vector } from '../../src/ingest/relate/patched-rows.ts';
import {
  RelateStateStore,
  vectorRows,
  type RowsInPieces,
  type VectorRows,
} from '../../src/ingest/relate/relate-state.ts';

const vector = (ids: number[], weights: number[]): Vector => ({
  ids: Int32Array.from(ids),
  weights: Float64Array.from(weights),
});

/** Row r of compressed rows as plain arrays. */
function row(rows: VectorRows, r: number): [number[], number[]] {
  const from = rows.offsets[r] ?? 0;
  const to = rows.offsets[r + 1] ?? 0;
  return [Array.from(rows.ids.subarray(from, to)), Array.from(rows.weights.subarray(from, to))];
}

/** Rows in pieces joined into compressed rows of their own. */
function joinPieces({ offsets, ids, weights }: RowsInPieces): VectorRows {
  return {
    offsets,
    ids: Int32Array.from(ids.flatMap((piece) => Array.from(piece))),
    weights: Float64Array.from(weights.flatMap((piece) => Array.from(piece))),
  };
}

// Old rows: 0 = {1: .6, 2: .8}, 1 = {3: 1}, 2 = {}, 3 = {0: .5, 4: .5}.
const base = vectorRows([vector([1, 2], [0.6, 0.8]), vector([3], [1]), vector([], []), vector([0, 4], [0.5, 0.5])]);

describe('patched vector rows', () => {
  it('reads kept rows from the old ones and set rows from their vectors, in the new numbering', () => {
    // New rows: old 1, a new row, old 2, old 3, old 0.
    const rows = new PatchedRows(base, [1, -1, 2, 3, 0]);
    expect(rows.length).toBe(5);
    expect(rows.has(1)).toBe(false);
    expect(rows.get(1)).toBeUndefined();
    rows.set(1, vector([2, 5], [0.28, 0.96]));
    expect(rows.has(1)).toBe(true);
    expect(Array.from(rows.get(0)?.ids ?? [])).toEqual([3]);
    expect(Array.from(rows.get(4)?.weights ?? [])).toEqual([0.6, 0.8]);
    const dense = new Float64Array(6);
    dense[2] = 1;
    dense[3] = 0.5;
    const dots = rows.dotAll(dense);
    expect(dots[0]).toBe(0.5);
    expect(dots[1]).toBe(0.28);
    expect(dots[2]).toBe(0);
    expect(dots[4]).toBe(0.8);
    // NaN for a row neither kept nor set.
    const unset = new PatchedRows(base, [1, -1, 2, 3, 0]);
    expect(Array.from(unset.dotAll(dense))).toEqual([0.5, NaN, 0, 0, 0.8]);
    expect(Array.from(dots)).toEqual([0.5, 0.28, 0, 0, 0.8]);
    // As ranges: a kept row is its place in the old arrays, a set row all of its own.
    const kept = rows.range(4);
    expect(kept?.ids).toBe(base.ids);
    expect([kept?.from, kept?.to]).toEqual([0, 2]);
    const set = rows.range(1);
    expect(Array.from(set?.ids.subarray(set.from, set.to) ?? [])).toEqual([2, 5]);
    expect(rows.range(2)).toEqual({ ids: base.ids, weights: base.weights, from: 3, to: 3 });
    expect(rows.range(3)).toEqual({ ids: base.ids, weights: base.weights, from: 3, to: 5 });
  });

  it('makes compressed rows equal to copying every row, runs of old rows included', () => {
    const rows = new PatchedRows(base, [0, 1, -1, 2, 3]);
    rows.set(2, vector([7], [1]));
    // An old row replaced in the middle of a run breaks the run.
    rows.set(3, vector([1, 6], [0.8, 0.6]));
    const made = joinPieces(rows.toPieces());
    const expected = vectorRows([
      vector([1, 2], [0.6, 0.8]),
      vector([3], [1]),
      vector([7], [1]),
      vector([1, 6], [0.8, 0.6]),
      vector([0, 4], [0.5, 0.5]),
    ]);
    expect(Array.from(made.offsets)).toEqual(Array.from(expected.offsets));
    for (let r = 0; r < 5; r++) expect(row(made, r)).toEqual(row(expected, r));
  });

  it('gives the same rows in pieces: views of runs of old rows and the rows set, one after another', () => {
    const rows = new PatchedRows(base, [0, 1, -1, 2, 3]);
    rows.set(2, vector([7], [1]));
    const pieces = rows.toPieces();
    const expected = vectorRows([
      vector([1, 2], [0.6, 0.8]),
      vector([3], [1]),
      vector([7], [1]),
      vector([], []),
      vector([0, 4], [0.5, 0.5]),
    ]);
    expect(Array.from(pieces.offsets)).toEqual(Array.from(expected.offsets));
    expect(pieces.ids.flatMap((piece) => Array.from(piece))).toEqual(Array.from(expected.ids));
    expect(pieces.weights.flatMap((piece) => Array.from(piece))).toEqual(Array.from(expected.weights));
    // Old rows 0 and 1 are one run, the set row one piece, old rows 2 and 3 (2 is empty) another run.
    expect(pieces.ids.map((piece) => piece.length)).toEqual([3, 1, 2]);
    expect(pieces.ids[0]?.buffer).toBe(base.ids.buffer);
  });

  it('saves a state from rows in pieces as from the rows joined', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'patched-rows-'));
    try {
      const rows = new PatchedRows(base, [3, -1, 0]);
      rows.set(1, vector([2, 5], [0.28, 0.96]));
      const state = (groupVectors: VectorRows | RowsInPieces) => ({
        baseArticles: 3,
        drift: 1,
        relatedCount: 1,
        articleIds: ['a', 'b', 'c'],
        articleKeys: ['ka', 'kb', 'kc'],
        groupOf: Int32Array.from([0, 1, 2]),
        groupVectors,
        leadIds: ['a', 'b', 'c'],
        relatedVectors: vectorRows([vector([], []), vector([], []), vector([], [])]),
        candidates: { neighbours: Int32Array.from([1, 0, -1]), cosines: Float64Array.from([0.5, 0.5, 0]) },
        related: {
          neighbours: Int32Array.from([1, 0, -1]),
          scores: Float64Array.from([0.4, 0.4, 0]),
          terms: Int32Array.from([2, 2, -1]),
        },
        vocabulary: ['x', 'y', 'z'],
        displayForms: ['x', 'Y', 'z'],
        documentFrequency: Int32Array.from([1, 2, 3]),
      });
      const inPieces = new RelateStateStore(join(folder, 'pieces'), 'v');
      inPieces.save(state(rows.toPieces()));
      const joined = new RelateStateStore(join(folder, 'joined'), 'v');
      joined.save(state(joinPieces(rows.toPieces())));
      await Promise.all([inPieces.settled(), joined.settled()]);
      // The same bytes but for the token each save makes anew.
      const saved = (name: string) =>
        readFileSync(join(folder, name, 'state.bin'))
          .toString('latin1')
          .replace(/"token":"[^"]*"/, '');
      expect(saved('pieces')).toBe(saved('joined'));
      expect((await inPieces.load())?.groupVectors).toEqual(joinPieces(rows.toPieces()));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses to give its rows in pieces while a row is neither kept nor set', () => {
    expect(() => new PatchedRows(base, [0, -1]).toPieces()).toThrow(/row 1/);
  });
});
