/**
 * Candidate pairs for grouping, over a term index (term-index.ts) in typed arrays, so ranges of articles
 * can be searched on worker threads. For each article, the partial cosine over strong terms is summed
 * from the postings into one reused array (`reached` lists what to reset); the best PAIR_CANDIDATES get
 * the exact cosine, and pairs reaching the threshold are kept. Posting lists longer than the index's
 * limit were left out when it was built: a term that common says nothing of the event.
 */
import { accumulateCandidates, selectBest, type TermIndex } from './term-index.ts';
import { allocate } from './typed-arrays.ts';

/**
 * Each article's exact cosine is computed only with the articles that score best on the strong terms
 * they share, so the work per article is bounded however many articles share its words; a story's
 * copies still join, since each needs a link to only one other copy and links count from either side.
 */
export const PAIR_CANDIDATES = 30;

/**
 * Pairs as parallel arrays: a[k] < b[k] with cosine sim[k], strongest first (ties by a, then b), so the
 * lists of many ranges merge in one pass (a pair found from both its articles is in two lists).
 */
export interface PairList {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly sim: Float64Array;
}

/** The pairs found from the articles in [from, to). `shared`: in SharedArrayBuffers, as a worker makes them. */
export function pairsInRange(index: TermIndex, from: number, to: number, threshold: number, shared = false): PairList {
  const partial = new Float64Array(index.articles);
  const reached = new Int32Array(index.articles);
  const chosen = new Int32Array(PAIR_CANDIDATES);
  const as: number[] = [];
  const bs: number[] = [];
  const sims: number[] = [];
  for (let a = from; a < to; a++) {
    const length = accumulateCandidates(index, a, a, partial, reached);
    const best =
      length <= PAIR_CANDIDATES
        ? reached.subarray(0, length)
        : chosen.subarray(0, selectBest(reached, length, partial, PAIR_CANDIDATES, chosen, null, -1));
    for (const b of best) {
      const sim = cosine(index, a, b);
      if (sim < threshold) continue;
      as.push(Math.min(a, b));
      bs.push(Math.max(a, b));
      sims.push(sim);
    }
    for (let r = 0; r < length; r++) partial[reached[r] ?? 0] = 0;
  }
  // Sorted here, on the worker: the build's main thread then merges sorted lists instead of sorting all.
  const order = Array.from(sims.keys()).sort(
    (p, q) => (sims[q] ?? 0) - (sims[p] ?? 0) || (as[p] ?? 0) - (as[q] ?? 0) || (bs[p] ?? 0) - (bs[q] ?? 0),
  );
  const pairs: PairList = {
    a: allocate(Int32Array, order.length, shared),
    b: allocate(Int32Array, order.length, shared),
    sim: allocate(Float64Array, order.length, shared),
  };
  order.forEach((k, at) => {
    pairs.a[at] = as[k] ?? 0;
    pairs.b[at] = bs[k] ?? 0;
    pairs.sim[at] = sims[k] ?? 0;
  });
  return pairs;
}

/** Dot product of two articles' sorted, normalised vectors: a linear merge. */
function cosine(index: TermIndex, a: number, b: number): number {
  const { offsets, ids, weights } = index;
  let i = offsets[a] ?? 0;
  let j = offsets[b] ?? 0;
  const endA = offsets[a + 1] ?? 0;
  const endB = offsets[b + 1] ?? 0;
  let sum = 0;
  while (i < endA && j < endB) {
    const x = ids[i] ?? 0;
    const y = ids[j] ?? 0;
    if (x === y) sum += (weights[i++] ?? 0) * (weights[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
