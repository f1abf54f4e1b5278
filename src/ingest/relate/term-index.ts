/**
 * Articles' term vectors and an inverted index over their strongest terms as flat typed arrays, so
 * similarity searches can run on worker threads over shared memory: every vector in one compressed-row
 * array (offsets, term ids sorted, weights), each article's strongest terms, and per term the articles
 * having it among their strongest, in index order or, past a length limit, cut to the heaviest (related
 * stories) or left out as too common (grouping).
 */
import { strongestPositions, type TermVector } from './term-vectors.ts';
import { heaviestFirst, itemBitsFor } from './weight-order.ts';
import { allocate } from './typed-arrays.ts';

export interface TermIndex {
  readonly articles: number;
  readonly vocabularySize: number;
  /** Article i's terms are ids[offsets[i]] … ids[offsets[i + 1] - 1], sorted by id, weights normalised. */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Article i's strongest terms, heaviest first: positions into ids/weights, strongOffsets as above. */
  readonly strongOffsets: Int32Array;
  readonly strongPositions: Int32Array;
  /** Term t's articles: postingDocs[postingOffsets[t]] … */
  readonly postingOffsets: Int32Array;
  readonly postingDocs: Int32Array;
  readonly postingWeights: Float64Array;
}

export interface IndexOptions {
  readonly strongTerms: number;
  readonly maxPosting: number;
  /** A longer list keeps its maxPosting heaviest articles, heaviest first, or is left out entirely. */
  readonly overflow: 'keep-heaviest' | 'drop';
  /** In SharedArrayBuffers, for worker threads. */
  readonly shared: boolean;
}

export function buildTermIndex(
  vectors: readonly TermVector[],
  vocabularySize: number,
  { strongTerms, maxPosting, overflow, shared }: IndexOptions,
): TermIndex {
  const n = vectors.length;
  const offsets = allocate(Int32Array, n + 1, shared);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (vectors[i]?.ids.length ?? 0);
  const total = offsets[n] ?? 0;
  const ids = allocate(Int32Array, total, shared);
  const weights = allocate(Float64Array, total, shared);
  const strongOffsets = allocate(Int32Array, n + 1, shared);
  for (let i = 0; i < n; i++) {
    strongOffsets[i + 1] = (strongOffsets[i] ?? 0) + Math.min(strongTerms, vectors[i]?.ids.length ?? 0);
  }
  const strongPositions = allocate(Int32Array, strongOffsets[n] ?? 0, shared);
  // Postings by counting sort on the term: articles land in each list in index order.
  const postingCount = new Int32Array(vocabularySize + 1);
  vectors.forEach((v, i) => {
    ids.set(v.ids, offsets[i] ?? 0);
    weights.set(v.weights, offsets[i] ?? 0);
    const from = strongOffsets[i] ?? 0;
    const to = strongOffsets[i + 1] ?? 0;
    // A vector no longer than strongTerms is all strong, in order: no list of its positions is made.
    if (to - from === v.ids.length && v.byWeight === undefined) {
      for (let k = 0; k < v.ids.length; k++) strongPositions[from + k] = k;
    } else {
      strongPositions.set(strongestPositions(v, strongTerms), from);
    }
    for (let s = from; s < to; s++) {
      const slot = (v.ids[strongPositions[s] ?? 0] ?? 0) + 1;
      postingCount[slot] = (postingCount[slot] ?? 0) + 1;
    }
  });
  const fullOffsets = new Int32Array(vocabularySize + 1);
  for (let t = 0; t < vocabularySize; t++) fullOffsets[t + 1] = (fullOffsets[t] ?? 0) + (postingCount[t + 1] ?? 0);
  const fill = fullOffsets.slice(0, vocabularySize);
  const allDocs = new Int32Array(fullOffsets[vocabularySize] ?? 0);
  const allWeights = new Float64Array(allDocs.length);
  vectors.forEach((v, i) => {
    for (let s = strongOffsets[i] ?? 0; s < (strongOffsets[i + 1] ?? 0); s++) {
      const k = strongPositions[s] ?? 0;
      const t = v.ids[k] ?? 0;
      const at = fill[t] ?? 0;
      allDocs[at] = i;
      allWeights[at] = v.weights[k] ?? 0;
      fill[t] = at + 1;
    }
  });
  const kept = (length: number) => (length <= maxPosting ? length : overflow === 'drop' ? 0 : maxPosting);
  const postingOffsets = allocate(Int32Array, vocabularySize + 1, shared);
  for (let t = 0; t < vocabularySize; t++) {
    postingOffsets[t + 1] = (postingOffsets[t] ?? 0) + kept(postingCount[t + 1] ?? 0);
  }
  const postingDocs = allocate(Int32Array, postingOffsets[vocabularySize] ?? 0, shared);
  const postingWeights = allocate(Float64Array, postingDocs.length, shared);
  for (let t = 0; t < vocabularySize; t++) {
    const from = fullOffsets[t] ?? 0;
    const to = fullOffsets[t + 1] ?? 0;
    const length = kept(to - from);
    if (length === 0) continue;
    const order = length < to - from ? heaviestEntries(allWeights, from, to, length) : rangeOf(from, to);
    const at = postingOffsets[t] ?? 0;
    for (let k = 0; k < length; k++) {
      postingDocs[at + k] = allDocs[order[k] ?? 0] ?? 0;
      postingWeights[at + k] = allWeights[order[k] ?? 0] ?? 0;
    }
  }
  return {
    articles: n,
    vocabularySize,
    offsets,
    ids,
    weights,
    strongOffsets,
    strongPositions,
    postingOffsets,
    postingDocs,
    postingWeights,
  };
}

function rangeOf(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

/** Positions in [from, to) of the `count` heaviest weights, heaviest first (ties by position). */
function heaviestEntries(weights: Float64Array, from: number, to: number, count: number): Int32Array {
  const positions = new Int32Array(to - from);
  for (let k = 0; k < positions.length; k++) positions[k] = k;
  const best = new Int32Array(count);
  heaviestFirst(positions, weights.subarray(from, to), positions.length, count, itemBitsFor(positions.length), best);
  for (let k = 0; k < count; k++) best[k] = (best[k] ?? 0) + from;
  return best;
}

/**
 * Adds article `a`'s partial cosine over its strong terms with every article in those terms' postings to
 * `partial`, writing each article newly reached into `reached` (so the caller can reset just those) and
 * returning how many it reached; `skip` (an article index, or -1) is passed over. Weights are positive, so
 * an article is reached once and `reached` needs at most one slot per article (a write past its end, for
 * an article reached again, is dropped).
 */
export function accumulateCandidates(
  index: TermIndex,
  a: number,
  skip: number,
  partial: Float64Array,
  reached: Int32Array,
): number {
  const { ids, weights, postingOffsets, postingDocs, postingWeights, strongOffsets, strongPositions } = index;
  const start = index.offsets[a] ?? 0;
  const last = strongOffsets[a + 1] ?? 0;
  let count = 0;
  for (let s = strongOffsets[a] ?? 0; s < last; s++) {
    const k = start + (strongPositions[s] ?? 0);
    const t = ids[k] ?? 0;
    const w = weights[k] ?? 0;
    const end = postingOffsets[t + 1] ?? 0;
    for (let p = postingOffsets[t] ?? 0; p < end; p++) {
      const b = postingDocs[p] ?? 0;
      if (b === skip) continue;
      const before = partial[b] ?? 0;
      // Without a branch: whether an article is new is a coin toss the processor cannot predict, so its
      // slot is written every time and kept only when it is (10 % faster over a 100k corpus's search).
      reached[count] = b;
      count += before === 0 ? 1 : 0;
      partial[b] = before + w * (postingWeights[p] ?? 0);
    }
  }
  return count;
}

/**
 * The `count` best of the first `length` reached articles by `score` into `best`, best first (ties by
 * lower index), passing over those whose `groupOf` entry is `excluded` (an article's own story; pass null
 * to keep all); returns how many it wrote. A bounded min-heap in `best` itself, in typed arrays and with
 * no callbacks: it runs for every article of the corpus over thousands of candidates each.
 */
export function selectBest(
  reached: Int32Array,
  length: number,
  score: Float64Array,
  count: number,
  best: Int32Array,
  groupOf: Int32Array | null,
  excluded: number,
): number {
  if (count <= 0) return 0;
  let size = 0;
  for (let r = 0; r < length; r++) {
    const item = reached[r] ?? 0;
    const s = score[item] ?? 0;
    if (size === count) {
      const root = best[0] ?? 0;
      const rs = score[root] ?? 0;
      if (s < rs || (s === rs && item > root)) continue;
    }
    if (groupOf !== null && groupOf[item] === excluded) continue;
    if (size < count) {
      // Sift up: the worst item rises to the root.
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        const up = best[parent] ?? 0;
        const ps = score[up] ?? 0;
        if (!(s < ps || (s === ps && item > up))) break;
        best[at] = up;
        at = parent;
      }
      best[at] = item;
    } else {
      siftDown(best, size, score, item);
    }
  }
  // Heap sort: the worst goes to the end, leaving the best first.
  for (let end = size - 1; end > 0; end--) {
    const worst = best[0] ?? 0;
    siftDown(best, end, score, best[end] ?? 0);
    best[end] = worst;
  }
  return size;
}

/** Puts `item` at the root of the min-heap best[0, size) and sinks it to its place. */
function siftDown(best: Int32Array, size: number, score: Float64Array, item: number): void {
  const s = score[item] ?? 0;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    let c = best[child] ?? 0;
    let cs = score[c] ?? 0;
    if (child + 1 < size) {
      const r = best[child + 1] ?? 0;
      const rs = score[r] ?? 0;
      if (rs < cs || (rs === cs && r > c)) {
        child++;
        c = r;
        cs = rs;
      }
    }
    if (!(cs < s || (cs === s && c > item))) break;
    best[at] = c;
    at = child;
  }
  best[at] = item;
}
