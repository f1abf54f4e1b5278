/**
 * The related-articles search over a term index (term-index.ts) in typed arrays, so it can run on worker
 * threads over shared memory; each article's story number is added to the index. `relateRange` answers
 * for a range of articles; results are numbers only (the caller turns term ids into words).
 *
 * Candidate search: an article meets the articles that have one of its strongest terms among their own
 * strongest terms, each posting list holding only the articles where the term weighs most, so one
 * article's search costs at most CANDIDATE_TERMS × MAX_POSTING steps whatever the corpus size; the best
 * RERANK by that partial score get the exact cosine over the whole (longer) vectors.
 */
import { accumulateCandidates, allocate, buildTermIndex, type TermIndex } from './term-index.ts';
import { topByScore, type TermVector } from './term-vectors.ts';

export const CANDIDATE_TERMS = 40;
/** 150: BBC related precision@5 is the same as with 300 (0.920, npm run eval:stories), at half the steps. */
export const MAX_POSTING = 150;
export const RERANK = 100;
export const EXPLAIN_TERMS = 4;

export interface RelatedIndex extends TermIndex {
  /** Articles of one story share a number and are never each other's related articles. */
  readonly storyOf: Int32Array;
}

export function buildRelatedIndex(
  vectors: readonly TermVector[],
  vocabularySize: number,
  storyOf: Int32Array,
  shared = false,
): RelatedIndex {
  const index = buildTermIndex(vectors, vocabularySize, {
    strongTerms: CANDIDATE_TERMS,
    maxPosting: MAX_POSTING,
    overflow: 'keep-heaviest',
    shared,
  });
  const stories = allocate(Int32Array, storyOf.length, shared);
  stories.set(storyOf);
  return { ...index, storyOf: stories };
}

/** Related articles of a range: `count` slots per article, index -1 where there are fewer. */
export interface RangeResult {
  readonly neighbours: Int32Array;
  readonly scores: Float64Array;
  /** EXPLAIN_TERMS term ids per slot, -1 where fewer terms are shared. */
  readonly terms: Int32Array;
}

/** The `count` most similar articles outside its story for each article in [from, to). */
export function relateRange(index: RelatedIndex, from: number, to: number, count: number): RangeResult {
  const { offsets, ids, weights, storyOf } = index;
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
    accumulateCandidates(index, i, -1, partial, touched);
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
