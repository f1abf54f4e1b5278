/**
 * The last build's vector rows (relate-state.ts) in this build's numbering, a few of them replaced: what an
 * update reads and what the next state keeps. At 100k articles, a view object per row (two typed-array
 * views each) and copying the rows one by one into the next state cost a rebuild over a second and kept
 * 300k objects for the garbage collector; this reads the old rows in place and copies runs of them whole.
 */
import type { VectorRange } from './related-index.ts';
import type { RowsInPieces, VectorRows } from './relate-state.ts';

/** A sparse vector: term ids ascending, weights normalised. */
export interface Vector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** Row r of compressed rows, as views into them (no copy). */
export function rowOf(rows: VectorRows, r: number): Vector {
  const from = rows.offsets[r] ?? 0;
  const to = rows.offsets[r + 1] ?? 0;
  return { ids: rows.ids.subarray(from, to), weights: rows.weights.subarray(from, to) };
}

export class PatchedRows {
  private readonly replaced = new Map<number, Vector>();

  /** `baseRowOf[r]`: the row of `base` that row r is, or -1 for a row that must be set. */
  constructor(
    private readonly base: VectorRows,
    private readonly baseRowOf: ArrayLike<number>,
  ) {}

  get length(): number {
    return this.baseRowOf.length;
  }

  set(r: number, vector: Vector): void {
    this.replaced.set(r, vector);
  }

  has(r: number): boolean {
    return this.replaced.has(r) || (this.baseRowOf[r] ?? -1) >= 0;
  }

  /** Row r (views into the old rows: no copy), or undefined when it was neither kept nor set. */
  get(r: number): Vector | undefined {
    const set = this.replaced.get(r);
    if (set !== undefined) return set;
    const o = this.baseRowOf[r] ?? -1;
    return o < 0 ? undefined : rowOf(this.base, o);
  }

  /** Row r as a range of the arrays that hold it, or undefined when it was neither kept nor set. */
  range(r: number): VectorRange | undefined {
    const set = this.replaced.get(r);
    if (set !== undefined) return { ids: set.ids, weights: set.weights, from: 0, to: set.ids.length };
    const o = this.baseRowOf[r] ?? -1;
    if (o < 0) return undefined;
    const { ids, weights, offsets } = this.base;
    return { ids, weights, from: offsets[o] ?? 0, to: offsets[o + 1] ?? 0 };
  }

  /**
   * Every row's dot product with a dense vector (NaN for a row with no vector): one pass over the old rows'
   * arrays, then the rows set. At 100k articles, a method call per row cost an update twice as long.
   */
  dotAll(dense: Float64Array): Float64Array {
    const n = this.baseRowOf.length;
    const out = new Float64Array(n);
    const { offsets, ids, weights } = this.base;
    const baseRowOf = this.baseRowOf;
    for (let r = 0; r < n; r++) {
      const o = baseRowOf[r] ?? -1;
      if (o < 0) {
        out[r] = NaN;
        continue;
      }
      let sum = 0;
      const to = offsets[o + 1] ?? 0;
      for (let k = offsets[o] ?? 0; k < to; k++) sum += (dense[ids[k] ?? 0] ?? 0) * (weights[k] ?? 0);
      out[r] = sum;
    }
    for (const [r, set] of this.replaced) {
      let sum = 0;
      for (let k = 0; k < set.ids.length; k++) sum += (dense[set.ids[k] ?? 0] ?? 0) * (set.weights[k] ?? 0);
      out[r] = sum;
    }
    return out;
  }

  /**
   * The rows as compressed rows in pieces: the offsets, and the ids and weights as runs that, one after
   * another, are the rows' — views of the old rows (a run of consecutive old rows is one piece) and the
   * rows set. The next relate state is saved from them without copying the rows into one array first.
   */
  toPieces(): RowsInPieces {
    const n = this.baseRowOf.length;
    const base = this.base;
    const offsets = new Int32Array(n + 1);
    const ids: Int32Array[] = [];
    const weights: Float64Array[] = [];
    let r = 0;
    while (r < n) {
      const set = this.replaced.get(r);
      if (set !== undefined) {
        ids.push(set.ids);
        weights.push(set.weights);
        offsets[r + 1] = (offsets[r] ?? 0) + set.ids.length;
        r++;
        continue;
      }
      const first = this.baseRowOf[r] ?? -1;
      if (first < 0) throw new Error(`vector row ${r} was neither kept nor set`);
      // The longest run of old rows kept in order from r.
      let end = r + 1;
      while (end < n && !this.replaced.has(end) && this.baseRowOf[end] === first + (end - r)) end++;
      const from = base.offsets[first] ?? 0;
      for (let k = r; k < end; k++) {
        offsets[k + 1] = (offsets[r] ?? 0) + (base.offsets[first + (k - r) + 1] ?? 0) - from;
      }
      const to = base.offsets[first + (end - r)] ?? 0;
      ids.push(base.ids.subarray(from, to));
      weights.push(base.weights.subarray(from, to));
      r = end;
    }
    return { offsets, ids, weights };
  }
}
