/**
 * TF-IDF term vectors shared by grouping and related stories: terms interned to integers, each
 * article's vector cut to its strongest terms, sorted by term id and L2-normalised, so a dot product is
 * a linear merge of two short arrays.
 *
 * Weights: sublinear term frequency (1 + ln tf) of the weighted counts tokenise-corpus.ts makes (headline
 * and lead words count more), and a smoothed IDF (ln((N + 1) / (df + 1)) + 1) that stays positive for words
 * every article shares, so a corpus of two copies of one story still compares them. A Weighting damps the
 * IDF and leaves out words too rare to be shared (for related stories, see related-articles.ts).
 */
import type { WorkerPool } from '../worker-pool.ts';
import type { RelateTask } from './relate-worker-pool.ts';
import { allocate } from './typed-arrays.ts';
import type { FlatBags, TokenisedCorpus } from './tokenise-corpus.ts';
import { heaviestFirst, itemBitsFor } from './weight-order.ts';

export interface TermVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Positions into ids/weights, heaviest term first (ties by id), when the maker knows them. */
  readonly byWeight?: Int32Array;
}

export interface VectorSpace {
  readonly vectors: readonly TermVector[];
  /** Term text by id, for explanations. */
  readonly vocabulary: readonly string[];
  /** Documents containing each term id. */
  readonly documentFrequency: Int32Array;
}

/**
 * Each article's terms ranked by weight (heaviest first, ties by id), at most RANKED_TERMS of them,
 * with raw (unnormalised) weights; computed once per corpus and cut to length by each user.
 */
interface RankedTerms {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** The ranked terms of a range of articles: article from + k's at offsets[k] … offsets[k + 1] - 1. */
export interface RankedRange {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** The longest vector any user asks for (related stories); shorter ones are cut from the same ranking. */
const RANKED_TERMS = 200;
if (RANKED_TERMS > 256) throw new Error('buildVectorSpace packs ranks into 8 bits');
/** Articles per ranking task sent to a worker. */
const RANK_RANGE = 5000;
const rankings = new WeakMap<TokenisedCorpus, { ranked: RankedTerms[]; df: Int32Array }>();

/** Each term's document frequency and smoothed IDF (the IDF in shared memory, for workers). */
function frequencies(corpus: TokenisedCorpus): { df: Int32Array; idf: Float64Array } {
  const size = corpus.vocabulary.length;
  const df = new Int32Array(size);
  const { ids } = corpus.flat;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] ?? 0;
    df[id] = (df[id] ?? 0) + 1;
  }
  const idf = allocate(Float64Array, size, true);
  for (let t = 0; t < size; t++) idf[t] = smoothedIdf(corpus.articles, df[t] ?? 0);
  return { df, idf };
}

/**
 * Ranks the terms of articles [from, to) of `flat` by sublinear tf times `idf`. `shared`: the ranking in
 * SharedArrayBuffers, as a worker makes it: the main thread then gets it without a copy, and memory it did
 * not allocate does not count towards starting its garbage collector (a full collection marks every
 * article the build holds, about 0.4 s each at 100k articles).
 */
export function rankRange(flat: FlatBags, idf: Float64Array, from: number, to: number, shared = false): RankedRange {
  const itemBits = itemBitsFor(idf.length);
  const offsets = new Int32Array(to - from + 1);
  let longest = 0;
  for (let i = from; i < to; i++) {
    const length = (flat.offsets[i + 1] ?? 0) - (flat.offsets[i] ?? 0);
    longest = Math.max(longest, length);
    offsets[i - from + 1] = (offsets[i - from] ?? 0) + Math.min(length, RANKED_TERMS);
  }
  const ids = allocate(Int32Array, offsets[to - from] ?? 0, shared);
  const weights = allocate(Float64Array, ids.length, shared);
  // Each article's terms and their weights, in reused buffers as long as the longest bag.
  const scratch = new Float64Array(longest);
  const top = new Int32Array(Math.min(longest, RANKED_TERMS));
  const weightById = new Float64Array(idf.length);
  for (let i = from; i < to; i++) {
    const start = flat.offsets[i] ?? 0;
    const end = flat.offsets[i + 1] ?? 0;
    for (let k = start; k < end; k++) {
      const id = flat.ids[k] ?? 0;
      const w = (1 + Math.log(flat.counts[k] ?? 1)) * (idf[id] ?? 0);
      scratch[k - start] = w;
      weightById[id] = w;
    }
    const kept = heaviestFirst(flat.ids.subarray(start, end), scratch, end - start, RANKED_TERMS, itemBits, top);
    const at = offsets[i - from] ?? 0;
    for (let k = 0; k < kept; k++) {
      const id = top[k] ?? 0;
      ids[at + k] = id;
      weights[at + k] = weightById[id] ?? 0;
    }
  }
  return { offsets, ids, weights };
}

/** Each article's ranking as views into the ranges' arrays, in corpus order. */
function rankedTermsOf(ranges: readonly RankedRange[]): RankedTerms[] {
  const ranked: RankedTerms[] = [];
  for (const { offsets, ids, weights } of ranges) {
    for (let k = 0; k + 1 < offsets.length; k++) {
      const from = offsets[k] ?? 0;
      const to = offsets[k + 1] ?? 0;
      ranked.push({ ids: ids.subarray(from, to), weights: weights.subarray(from, to) });
    }
  }
  return ranked;
}

function rankTerms(corpus: TokenisedCorpus): { ranked: RankedTerms[]; df: Int32Array } {
  const cached = rankings.get(corpus);
  if (cached !== undefined) return cached;
  const { df, idf } = frequencies(corpus);
  const result = { ranked: rankedTermsOf([rankRange(corpus.flat, idf, 0, corpus.articles)]), df };
  rankings.set(corpus, result);
  return result;
}

/**
 * Ranks a corpus's terms on worker threads, ranges of articles at a time, and keeps the ranking for
 * buildVectorSpace: the same ranking as on this thread.
 */
export async function rankTermsInParallel(
  corpus: TokenisedCorpus,
  pool: WorkerPool,
  range: number = RANK_RANGE,
): Promise<void> {
  if (rankings.has(corpus)) return;
  const { df, idf } = frequencies(corpus);
  const n = corpus.articles;
  const tasks: RelateTask[] = [];
  for (let from = 0; from < n; from += range) {
    tasks.push({ kind: 'rank', flat: corpus.flat, idf, from, to: Math.min(n, from + range) });
  }
  const ranges = await pool.run<RelateTask, RankedRange>(tasks, { batchSize: 1 });
  rankings.set(corpus, { ranked: rankedTermsOf(ranges), df });
}

/**
 * Each article's vector of its `maxTerms` heaviest terms. With a Weighting, the same terms weighed again
 * (each weight times idf^(idfPower - 1), terms in fewer than minDocuments articles dropped): it keeps the
 * terms the plain ranking chose (all of them for the many articles with fewer than RANKED_TERMS distinct
 * terms) and saves ranking the corpus twice; such vectors have no byWeight.
 */
export function buildVectorSpace(
  corpus: TokenisedCorpus,
  maxTerms: number,
  weighting?: Weighting,
  only?: readonly number[],
): VectorSpace {
  if (maxTerms > RANKED_TERMS) throw new Error(`vectors are at most ${RANKED_TERMS} terms long`);
  const { ranked, df } = rankTerms(corpus);
  const factor = weighting === undefined ? null : weightFactors(df, corpus.articles, weighting);
  // Reused for every article: the scaled ranking and the sort keys.
  const scaledIds = new Int32Array(maxTerms);
  const scaledWeights = new Float64Array(maxTerms);
  const keys = new Float64Array(maxTerms);
  const chosen =
    only === undefined
      ? ranked
      : only.map((i) => {
          const plain = ranked[i];
          if (plain === undefined) throw new Error(`no article ${i} in the corpus`);
          return plain;
        });
  // Every vector is a view into one buffer per array, made at once: a typed array of its own per vector
  // (hundreds of thousands at 100k articles) costs an allocation and a backing store each, and the main
  // thread's collector sweeps them all.
  let room = 0;
  for (const plain of chosen) room += Math.min(maxTerms, plain.ids.length);
  const allIds = new Int32Array(room);
  const allWeights = new Float64Array(room);
  const allRanks = factor === null ? new Int32Array(room) : null;
  let at = 0;
  const vectors = chosen.map((plain): TermVector => {
    const length =
      factor === null ? Math.min(maxTerms, plain.ids.length) : scale(plain, factor, scaledIds, scaledWeights);
    const ids = factor === null ? plain.ids : scaledIds;
    const weights = factor === null ? plain.weights : scaledWeights;
    let sq = 0;
    for (let k = 0; k < length; k++) sq += (weights[k] ?? 0) ** 2;
    const norm = Math.sqrt(sq) || 1;
    // Sorted by term id, so a dot product is a linear merge: a native sort of id × 256 + rank (ids are
    // distinct, ranks below RANKED_TERMS ≤ 256), where a comparator sort cost a call per comparison.
    // Plain loops: TypedArray.from with a mapping function takes V8's slow generic path.
    for (let k = 0; k < length; k++) keys[k] = (ids[k] ?? 0) * 256 + k;
    const sorted = keys.subarray(0, length).sort();
    const sortedIds = allIds.subarray(at, at + length);
    const sortedWeights = allWeights.subarray(at, at + length);
    // Where each rank landed: the strongest terms are the first ranks (strongestPositions).
    const byWeight = allRanks === null ? null : allRanks.subarray(at, at + length);
    at += length;
    for (let position = 0; position < length; position++) {
      const rank = (sorted[position] ?? 0) % 256;
      sortedIds[position] = ids[rank] ?? 0;
      sortedWeights[position] = (weights[rank] ?? 0) / norm;
      if (byWeight !== null) byWeight[rank] = position;
    }
    return byWeight === null
      ? { ids: sortedIds, weights: sortedWeights }
      : { ids: sortedIds, weights: sortedWeights, byWeight };
  });
  return { vectors, vocabulary: corpus.vocabulary, documentFrequency: df };
}

/** A damped IDF (raised to idfPower) and terms in fewer than minDocuments articles left out. */
export interface Weighting {
  readonly idfPower: number;
  readonly minDocuments: number;
}

/** ln((N + 1) / (df + 1)) + 1: positive even for a word every article has. */
export function smoothedIdf(articles: number, documents: number): number {
  return Math.log((articles + 1) / (documents + 1)) + 1;
}

/** What each term's plain weight is multiplied by under `weighting` (0: left out). */
function weightFactors(df: Int32Array, articles: number, weighting: Weighting): Float64Array {
  const factor = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) {
    const documents = df[t] ?? 0;
    factor[t] = documents < weighting.minDocuments ? 0 : smoothedIdf(articles, documents) ** (weighting.idfPower - 1);
  }
  return factor;
}

/**
 * The first ranked terms (as many as `ids` holds) with their weights scaled into `ids` and `weights`, those
 * scaled to nothing left out; returns how many.
 */
function scale(plain: RankedTerms, factor: Float64Array, ids: Int32Array, weights: Float64Array): number {
  const length = Math.min(ids.length, plain.ids.length);
  let kept = 0;
  for (let k = 0; k < length; k++) {
    const id = plain.ids[k] ?? 0;
    const w = (plain.weights[k] ?? 0) * (factor[id] ?? 0);
    if (w <= 0) continue;
    ids[kept] = id;
    weights[kept++] = w;
  }
  return kept;
}

/**
 * The `count` items with the highest scores, best first (ties by lower index), skipping those `keep`
 * rejects: a bounded min-heap, so n items cost O(n log count) in any order (an insertion into a sorted
 * list costs O(count) per item when items arrive in rising order, as impact-ordered postings often do).
 */
export function topByScore(
  items: readonly number[],
  score: Float64Array,
  count: number,
  keep: (item: number) => boolean = () => true,
): number[] {
  if (count <= 0) return [];
  // heap[0] is the worst kept item; `worse(a, b)` orders the heap.
  const heap: number[] = [];
  const worse = (a: number, b: number) => {
    const sa = score[a] ?? 0;
    const sb = score[b] ?? 0;
    return sa < sb || (sa === sb && a > b);
  };
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && worse(heap[right] ?? 0, heap[left] ?? 0) ? right : left;
      if (!worse(heap[child] ?? 0, heap[at] ?? 0)) return;
      [heap[at], heap[child]] = [heap[child] ?? 0, heap[at] ?? 0];
      at = child;
    }
  };
  for (const item of items) {
    if (heap.length === count && !worse(heap[0] ?? 0, item)) continue;
    if (!keep(item)) continue;
    if (heap.length < count) {
      heap.push(item);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at] ?? 0, heap[parent] ?? 0)) break;
        [heap[at], heap[parent]] = [heap[parent] ?? 0, heap[at] ?? 0];
        at = parent;
      }
    } else {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/** Positions (into ids/weights) of a vector's `count` heaviest terms; all of them, in order, when it has no more. */
export function strongestPositions(v: TermVector, count: number): number[] {
  if (v.byWeight !== undefined) return Array.from(v.byWeight.subarray(0, count));
  if (count >= v.ids.length) return [...v.ids.keys()];
  return [...v.ids.keys()].sort((a, b) => (v.weights[b] ?? 0) - (v.weights[a] ?? 0) || a - b).slice(0, count);
}
