/**
 * The related-articles search as flat typed arrays, so it can run on worker threads over shared memory:
 * every vector in one compressed-row array (offsets, term ids sorted, weights), each article's strongest
 * terms, the impact-ordered posting lists, and each article's story number. `relateRange` answers for a
 * range of articles; results are numbers only (the caller turns term ids into words).
 *
 * Candidate search: an article meets the articles that have one of its strongest terms among their own
 * strongest terms, each posting list holding only the articles where the term weighs most, so one
 * article's search costs at most CANDIDATE_TERMS × MAX_POSTING steps whatever the corpus size; the best
 * RERANK by that partial score get the exact cosine over the whole (longer) vectors.
 */
import { strongestPositions, topByScore, type TermVector } from './term-vectors.ts';

export const CANDIDATE_TERMS = 40;
/** 150: BBC related precision@5 is the same as with 300 (0.920, npm run eval:stories), at half the steps. */
export const MAX_POSTING = 150;
export const RERANK = 100;
export const EXPLAIN_TERMS = 4;

export interface RelatedIndex {
  readonly articles: number;
  readonly vocabularySize: number;
  /** Article i's terms are ids[offsets[i]] … ids[offsets[i + 1] - 1], sorted by id, weights normalised. */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Article i's strongest terms, heaviest first: positions into ids/weights, strongOffsets as above. */
  readonly strongOffsets: Int32Array;
  readonly strongPositions: Int32Array;
  /** Term t's articles, heaviest first: postingDocs[postingOffsets[t]] … */
  readonly postingOffsets: Int32Array;
  readonly postingDocs: Int32Array;
  readonly postingWeights: Float64Array;
  /** Articles of one story share a number and are never each other's related articles. */
  readonly storyOf: Int32Array;
}

/** Related articles of a range: `count` slots per article, index -1 where there are fewer. */
export interface RangeResult {
  readonly neighbours: Int32Array;
  readonly scores: Float64Array;
  /** EXPLAIN_TERMS term ids per slot, -1 where fewer terms are shared. */
  readonly terms: Int32Array;
}

/** Typed arrays over shared memory when asked, so worker threads read them without a copy. */
function allocate<T extends Int32Array | Float64Array>(
  Kind: { new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = Math.max(1, length) * Kind.BYTES_PER_ELEMENT;
  return new Kind(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

export function buildRelatedIndex(
  vectors: readonly TermVector[],
  vocabularySize: number,
  storyOf: Int32Array,
  shared = false,
): RelatedIndex {
  const n = vectors.length;
  const offsets = allocate(Int32Array, n + 1, shared);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (vectors[i]?.ids.length ?? 0);
  const total = offsets[n] ?? 0;
  const ids = allocate(Int32Array, total, shared);
  const weights = allocate(Float64Array, total, shared);
  const strongOffsets = allocate(Int32Array, n + 1, shared);
  const strong = vectors.map((v) => strongestPositions(v, CANDIDATE_TERMS));
  for (let i = 0; i < n; i++) strongOffsets[i + 1] = (strongOffsets[i] ?? 0) + (strong[i]?.length ?? 0);
  const strongPositions = allocate(Int32Array, strongOffsets[n] ?? 0, shared);
  // Postings by counting sort on the term: articles land in each list in index order.
  const postingCount = new Int32Array(vocabularySize + 1);
  vectors.forEach((v, i) => {
    ids.set(v.ids, offsets[i] ?? 0);
    weights.set(v.weights, offsets[i] ?? 0);
    strongPositions.set(strong[i] ?? [], strongOffsets[i] ?? 0);
    for (const k of strong[i] ?? []) {
      const slot = (v.ids[k] ?? 0) + 1;
      postingCount[slot] = (postingCount[slot] ?? 0) + 1;
    }
  });
  const fullOffsets = new Int32Array(vocabularySize + 1);
  for (let t = 0; t < vocabularySize; t++) fullOffsets[t + 1] = (fullOffsets[t] ?? 0) + (postingCount[t + 1] ?? 0);
  const fill = fullOffsets.slice(0, vocabularySize);
  const allDocs = new Int32Array(fullOffsets[vocabularySize] ?? 0);
  const allWeights = new Float64Array(allDocs.length);
  vectors.forEach((v, i) => {
    for (const k of strong[i] ?? []) {
      const t = v.ids[k] ?? 0;
      const at = fill[t] ?? 0;
      allDocs[at] = i;
      allWeights[at] = v.weights[k] ?? 0;
      fill[t] = at + 1;
    }
  });
  // Each list cut to its MAX_POSTING heaviest entries (ties by index), heaviest first.
  const postingOffsets = allocate(Int32Array, vocabularySize + 1, shared);
  for (let t = 0; t < vocabularySize; t++) {
    postingOffsets[t + 1] = (postingOffsets[t] ?? 0) + Math.min(MAX_POSTING, postingCount[t + 1] ?? 0);
  }
  const postingDocs = allocate(Int32Array, postingOffsets[vocabularySize] ?? 0, shared);
  const postingWeights = allocate(Float64Array, postingDocs.length, shared);
  for (let t = 0; t < vocabularySize; t++) {
    const from = fullOffsets[t] ?? 0;
    const to = fullOffsets[t + 1] ?? 0;
    const order = Array.from({ length: to - from }, (_, k) => from + k);
    if (order.length > MAX_POSTING) order.sort((a, b) => (allWeights[b] ?? 0) - (allWeights[a] ?? 0) || a - b);
    const at = postingOffsets[t] ?? 0;
    for (let k = 0; k < Math.min(MAX_POSTING, order.length); k++) {
      postingDocs[at + k] = allDocs[order[k] ?? 0] ?? 0;
      postingWeights[at + k] = allWeights[order[k] ?? 0] ?? 0;
    }
  }
  const stories = allocate(Int32Array, n, shared);
  stories.set(storyOf);
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
    storyOf: stories,
  };
}

/** The `count` most similar articles outside its story for each article in [from, to). */
export function relateRange(index: RelatedIndex, from: number, to: number, count: number): RangeResult {
  const { offsets, ids, weights, postingOffsets, postingDocs, postingWeights, storyOf } = index;
  const size = Math.max(0, to - from);
  const neighbours = new Int32Array(size * count).fill(-1);
  const scores = new Float64Array(size * count);
  const terms = new Int32Array(size * count * EXPLAIN_TERMS).fill(-1);
  // The current article's weights spread over the whole vocabulary: a candidate's cosine is one pass over
  // the candidate's terms. Partial scores accumulate in one reused array; `touched` lists what to reset.
  const dense = new Float64Array(index.vocabularySize);
  const partial = new Float64Array(index.articles);
  const touched: number[] = [];
  for (let i = from; i < to; i++) {
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? 0;
    for (let s = index.strongOffsets[i] ?? 0; s < (index.strongOffsets[i + 1] ?? 0); s++) {
      const k = start + (index.strongPositions[s] ?? 0);
      const t = ids[k] ?? 0;
      const w = weights[k] ?? 0;
      for (let p = postingOffsets[t] ?? 0; p < (postingOffsets[t + 1] ?? 0); p++) {
        const j = postingDocs[p] ?? 0;
        if (partial[j] === 0) touched.push(j);
        partial[j] = (partial[j] ?? 0) + w * (postingWeights[p] ?? 0);
      }
    }
    const story = storyOf[i];
    const candidates = topByScore(touched, partial, RERANK, (j) => storyOf[j] !== story);
    for (const j of touched) partial[j] = 0;
    touched.length = 0;
    for (let k = start; k < end; k++) dense[ids[k] ?? 0] = weights[k] ?? 0;
    const best = candidates
      .map((j) => {
        let sum = 0;
        for (let k = offsets[j] ?? 0; k < (offsets[j + 1] ?? 0); k++)
          sum += (dense[ids[k] ?? 0] ?? 0) * (weights[k] ?? 0);
        return [j, sum] as const;
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, count);
    for (let k = start; k < end; k++) dense[ids[k] ?? 0] = 0;
    best.forEach(([j, score], slot) => {
      const at = (i - from) * count + slot;
      neighbours[at] = j;
      scores[at] = score;
      sharedTerms(index, i, j).forEach((t, e) => (terms[at * EXPLAIN_TERMS + e] = t));
    });
  }
  return { neighbours, scores, terms };
}

/** The EXPLAIN_TERMS shared terms that add most to the cosine of a and b. */
function sharedTerms(index: RelatedIndex, a: number, b: number): number[] {
  const { offsets, ids, weights } = index;
  const shared: [number, number][] = [];
  let i = offsets[a] ?? 0;
  let j = offsets[b] ?? 0;
  const endA = offsets[a + 1] ?? 0;
  const endB = offsets[b + 1] ?? 0;
  while (i < endA && j < endB) {
    const x = ids[i] ?? 0;
    const y = ids[j] ?? 0;
    if (x === y) shared.push([x, (weights[i++] ?? 0) * (weights[j++] ?? 0)]);
    else if (x < y) i++;
    else j++;
  }
  return shared
    .sort((p, q) => q[1] - p[1])
    .slice(0, EXPLAIN_TERMS)
    .map(([id]) => id);
}
