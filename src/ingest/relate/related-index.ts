/**
 * The related-articles search over a term index (term-index.ts) in typed arrays, so it can run on worker
 * threads over shared memory; each article's story number is added to the index. Results are numbers only
 * (the caller turns term ids into words).
 *
 * First search (candidateRange): an article meets the articles sharing any of its terms, through posting
 * lists that hold only the MAX_POSTING articles where the term weighs most, so one article's search costs
 * at most CANDIDATE_TERMS × MAX_POSTING steps whatever the corpus size; the best RERANK by that partial
 * score get the exact cosine. Every term proposes candidates, common ones too: a subject's everyday words
 * (film, shares, election) find the articles on the same subject that no rare name links. Second search
 * (rerankRange): the candidates are reranked by the neighbours they share.
 */
import { accumulateCandidates, buildTermIndex, selectBest, type TermIndex } from './term-index.ts';
import { allocate } from './typed-arrays.ts';
import { topByScore, type TermVector } from './term-vectors.ts';

/** Every term of a related-articles vector (VECTOR_TERMS in related-articles.ts). */
export const CANDIDATE_TERMS = 200;
/**
 * BBC related precision@5 (npm run eval:stories) with 40 candidate terms: 0.930 (the shared-neighbour
 * rerank needs true neighbourhoods to help); with every term and lists of 80 / 100 / 150: 0.950 / 0.951 /
 * 0.951.
 */
export const MAX_POSTING = 100;
/** Candidates per article given the exact cosine, and kept for the second search. */
export const RERANK = 100;
/** How many of each article's best candidates count as its neighbourhood. */
export const NEIGHBOURHOOD = 100;
/** Weight of the shared neighbourhood against the cosine. */
export const AGREEMENT = 0.8;
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

/**
 * Each article's RERANK best candidates by exact cosine, best first (ties by index), in rows of RERANK
 * slots (index -1 where there are fewer), for a range of articles; the ranges together make the rows that
 * rerankRange reads.
 */
export interface CandidateTable {
  readonly neighbours: Int32Array;
  readonly cosines: Float64Array;
}

/**
 * The candidates of the articles in [from, to): the first search, by cosine alone. `shared`: in
 * SharedArrayBuffers, as a worker makes them (the main thread hands them to the second search uncopied).
 */
export function candidateRange(index: RelatedIndex, from: number, to: number, shared = false): CandidateTable {
  const { offsets, ids, weights, storyOf } = index;
  const size = Math.max(0, to - from);
  const neighbours = allocate(Int32Array, size * RERANK, shared).fill(-1);
  const cosines = allocate(Float64Array, size * RERANK, shared);
  // The current article's weights spread over the whole vocabulary: a candidate's cosine is one pass over
  // the candidate's terms. Partial scores accumulate in one reused array; `reached` lists what to reset.
  const dense = new Float64Array(index.vocabularySize);
  const partial = new Float64Array(index.articles);
  const reached = new Int32Array(index.articles);
  const best = new Int32Array(RERANK);
  const exact = new Float64Array(RERANK);
  for (let i = from; i < to; i++) {
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? 0;
    const length = accumulateCandidates(index, i, -1, partial, reached);
    const found = selectBest(reached, length, partial, RERANK, best, storyOf, storyOf[i] ?? -1);
    for (let r = 0; r < length; r++) partial[reached[r] ?? 0] = 0;
    for (let k = start; k < end; k++) dense[ids[k] ?? 0] = weights[k] ?? 0;
    for (let slot = 0; slot < found; slot++) {
      const j = best[slot] ?? 0;
      let sum = 0;
      const last = offsets[j + 1] ?? 0;
      for (let k = offsets[j] ?? 0; k < last; k++) sum += (dense[ids[k] ?? 0] ?? 0) * (weights[k] ?? 0);
      exact[slot] = sum;
    }
    for (let k = start; k < end; k++) dense[ids[k] ?? 0] = 0;
    sortByScore(best, exact, found);
    const row = (i - from) * RERANK;
    neighbours.set(best.subarray(0, found), row);
    cosines.set(exact.subarray(0, found), row);
  }
  return { neighbours, cosines };
}

/**
 * Sorts the first `length` items and their scores, highest score first (ties by lower index). An
 * insertion sort: the items arrive ranked by partial score, which the exact cosine mostly keeps.
 */
function sortByScore(items: Int32Array, scores: Float64Array, length: number): void {
  for (let k = 1; k < length; k++) {
    const item = items[k] ?? 0;
    const score = scores[k] ?? 0;
    let at = k;
    for (; at > 0; at--) {
      const prev = scores[at - 1] ?? 0;
      if (prev > score || (prev === score && (items[at - 1] ?? 0) < item)) break;
      items[at] = items[at - 1] ?? 0;
      scores[at] = prev;
    }
    items[at] = item;
    scores[at] = score;
  }
}

/**
 * Every article's candidates, as the ranges of the first search made them: article i's row is row
 * i - p × rowsPer of tables[p], p = ⌊i / rowsPer⌋ (every range but the last holds rowsPer articles).
 */
export interface CandidateRows {
  readonly tables: readonly CandidateTable[];
  readonly rowsPer: number;
}

/** Related articles of a range: `count` slots per article, index -1 where there are fewer. */
export interface RangeResult {
  readonly neighbours: Int32Array;
  readonly scores: Float64Array;
  /** EXPLAIN_TERMS term ids per slot, -1 where fewer terms are shared. */
  readonly terms: Int32Array;
}

/**
 * The `count` most related articles outside its story for each article in [from, to), from the whole
 * corpus's candidate table. Cosine alone ranks an article that shares one rare name above one on the same
 * subject; two articles on one subject also share their nearest neighbours. The score adds AGREEMENT times
 * the share of the first NEIGHBOURHOOD candidates the two have in common (shared nearest neighbours), over
 * 1 + AGREEMENT so it stays between 0 and 1: BBC related precision@5 0.920 -> 0.95 (npm run eval:stories).
 */
export function rerankRange(
  index: RelatedIndex,
  candidates: CandidateRows,
  from: number,
  to: number,
  count: number,
): RangeResult {
  return rerankEach(
    index.articles,
    candidates,
    Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k),
    count,
    (i, j) => sharedTerms(index, i, j),
  );
}

/**
 * rerankRange for the articles `which` lists, their results in that order, of `articles` in all; `explain`
 * gives two articles' shared terms (sharedTerms, over wherever the caller keeps their vectors).
 */
export function rerankEach(
  articles: number,
  candidates: CandidateRows,
  which: readonly number[],
  count: number,
  explain: (i: number, j: number) => readonly number[],
): RangeResult {
  const { tables, rowsPer } = candidates;
  const size = which.length;
  const neighbours = new Int32Array(size * count).fill(-1);
  const scores = new Float64Array(size * count);
  const terms = new Int32Array(size * count * EXPLAIN_TERMS).fill(-1);
  // mark[x] === i + 1: x is among article i's first NEIGHBOURHOOD candidates.
  const mark = new Int32Array(articles);
  const score = new Float64Array(articles);
  const row: number[] = [];
  for (let w = 0; w < size; w++) {
    const i = which[w] ?? 0;
    const part = (i / rowsPer) | 0;
    const table = tables[part];
    if (table === undefined) throw new Error(`no candidates for article ${i}`);
    const own = (i - part * rowsPer) * RERANK;
    for (let s = 0; s < NEIGHBOURHOOD; s++) {
      const x = table.neighbours[own + s] ?? -1;
      if (x < 0) break;
      mark[x] = i + 1;
    }
    row.length = 0;
    for (let s = 0; s < RERANK; s++) {
      const j: number = table.neighbours[own + s] ?? -1;
      if (j < 0) break;
      const theirPart = (j / rowsPer) | 0;
      const theirs = tables[theirPart]?.neighbours;
      if (theirs === undefined) throw new Error(`no candidates for article ${j}`);
      const their = (j - theirPart * rowsPer) * RERANK;
      let common = 0;
      for (let t = 0; t < NEIGHBOURHOOD; t++) {
        const x = theirs[their + t] ?? -1;
        if (x < 0) break;
        if (mark[x] === i + 1) common++;
      }
      score[j] = ((table.cosines[own + s] ?? 0) + (AGREEMENT * common) / NEIGHBOURHOOD) / (1 + AGREEMENT);
      row.push(j);
    }
    const best = topByScore(row, score, count);
    best.forEach((j, slot) => {
      const at = w * count + slot;
      neighbours[at] = j;
      scores[at] = score[j] ?? 0;
      explain(i, j).forEach((t, e) => (terms[at * EXPLAIN_TERMS + e] = t));
    });
  }
  return { neighbours, scores, terms };
}

/** Both searches on one thread, for a corpus small enough not to need workers: the candidates and the result. */
export function relateAll(index: RelatedIndex, count: number): { rows: CandidateRows; result: RangeResult } {
  const rows = { tables: [candidateRange(index, 0, index.articles)], rowsPer: Math.max(1, index.articles) };
  return { rows, result: rerankRange(index, rows, 0, index.articles, count) };
}

/**
 * The EXPLAIN_TERMS shared terms that add most to the cosine of a and b, most first (ties by lower id):
 * kept in a small sorted list while the two sorted vectors are merged.
 */
function sharedTerms(index: Pick<RelatedIndex, 'offsets' | 'ids' | 'weights'>, a: number, b: number): number[] {
  const { offsets, ids, weights } = index;
  return sharedTermsOf(
    { ids, weights, from: offsets[a] ?? 0, to: offsets[a + 1] ?? 0 },
    { ids, weights, from: offsets[b] ?? 0, to: offsets[b + 1] ?? 0 },
  );
}

/** A vector as a range of compressed rows' arrays (or of its own arrays). */
export interface VectorRange {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly from: number;
  readonly to: number;
}

/** sharedTerms of two vectors given as ranges (update-relations.ts reads rows from two places). */
export function sharedTermsOf(a: VectorRange, b: VectorRange): number[] {
  const best: number[] = [];
  const gains: number[] = [];
  let i = a.from;
  let j = b.from;
  while (i < a.to && j < b.to) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const gain = (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
      // Ids rise through the merge, so an equal gain never displaces one already kept.
      let at = best.length;
      while (at > 0 && (gains[at - 1] ?? 0) < gain) at--;
      if (at >= EXPLAIN_TERMS) continue;
      best.splice(at, 0, x);
      gains.splice(at, 0, gain);
      if (best.length > EXPLAIN_TERMS) {
        best.pop();
        gains.pop();
      }
    }
  }
  return best;
}
