/**
 * Same-story grouping, v2. Articles about one event share its distinctive words (names, places, the
 * thing that happened) even when each outlet writes its own copy. Each article is a TF-IDF vector
 * (term-vectors.ts); candidate pairs come from an inverted index over each article's strongest terms,
 * so only articles sharing a distinctive word are ever compared (near-linear); pairs are merged in order
 * of similarity, but two groups join only when their centroids are similar too.
 *
 * The centroid check is what stops chaining: with short texts (headline-only inputs) single links run
 * A~B~C~D into one giant group although A and D share nothing; a group's centroid moves only as far as
 * its members agree. The cohesion check stops topics: two tight groups of full articles (two events of
 * one campaign, each told by three outlets) that agree with each other much less than each agrees within
 * itself stay two stories. Where both groups' articles carry publication dates, groups days apart stay
 * apart too (STORY_DAYS): a campaign's or a shutdown's successive events share every word.
 */
import { availableParallelism } from 'node:os';
import type { WorkerPool } from '../worker-pool.ts';
import { MIN_FOR_RELATE_WORKERS, onRelateWorkers, type RelateTask } from './relate-worker-pool.ts';
import { pairsInRange, type PairList } from './story-pairs.ts';
import { buildTermIndex } from './term-index.ts';
import { buildVectorSpace, rankTermsInParallel, type TermVector, type VectorSpace } from './term-vectors.ts';
import { tokeniseCorpus, type TokenisedCorpus } from './tokenise-corpus.ts';
import { UnionFind } from './union-find.ts';

export interface GroupingInput {
  readonly headline: string;
  readonly text: string;
  /** Publication date (ISO 8601), when known. */
  readonly published?: string | null;
}

/**
 * Copies of one event are published within days of each other; two groups whose dates are more than this
 * many days apart are two events, however alike their words.
 */
export const STORY_DAYS = 4;
const STORY_MS = STORY_DAYS * 24 * 60 * 60 * 1000;

/** Each article's publication time in milliseconds, NaN where it is not known. */
export function publicationTimes(published: readonly (string | null | undefined)[]): Float64Array {
  return Float64Array.from(published, (date) => (date === null || date === undefined ? NaN : Date.parse(date)));
}

export interface GroupingOptions {
  /** Cosine two articles need to be one story. */
  readonly pairThreshold: number;
  /** Cosine two groups' centroids need to merge. */
  readonly centroidThreshold: number;
  /** Groups of at least this many articles take in stragglers (see attachStragglers). */
  readonly largeGroup: number;
  /** Cosine a straggler needs with a large group's centroid to join it. */
  readonly attachThreshold: number;
  /**
   * Two groups of full articles merge only when their mean cross-group cosine reaches this share of the
   * lower of their mean within-group cosines (see isSeparateEvent).
   */
  readonly cohesion: number;
}

export const DEFAULT_GROUPING: GroupingOptions = {
  // Chosen on BASIL, UCI and BBC together (npm run eval:stories); one setting for every corpus.
  pairThreshold: 0.18,
  centroidThreshold: 0.18,
  largeGroup: 4,
  attachThreshold: 0.3,
  cohesion: 0.8,
};
export const CENTROID_TERMS = 60;
/** A large group's strongest terms, through which stragglers find it. */
const CENTROID_KEYS = 10;
export const GROUP_VECTOR_TERMS = 40;
const VECTOR_TERMS = GROUP_VECTOR_TERMS;
const CANDIDATE_TERMS = 12;
/** A term in more articles than this is too common to propose pairs (it still counts in the cosine). */
const MAX_POSTING = 2000;

const INDEX = { strongTerms: CANDIDATE_TERMS, maxPosting: MAX_POSTING, overflow: 'drop' } as const;
/** Articles per task sent to a worker. */
const RANGE = 2500;

/**
 * Pairs from every range as one list, strongest first (ties by a, then b), each pair once: the ranges'
 * lists, each in that order already, merged through a heap of their heads.
 */
export function strongestFirst(lists: readonly PairList[]): PairList {
  const at = new Int32Array(lists.length);
  // Whether list x's head comes before list y's.
  const before = (x: number, y: number): boolean => {
    const [lx, ly] = [lists[x], lists[y]];
    if (lx === undefined || ly === undefined) return false;
    const [px, py] = [at[x] ?? 0, at[y] ?? 0];
    const sx = lx.sim[px] ?? 0;
    const sy = ly.sim[py] ?? 0;
    if (sx !== sy) return sx > sy;
    const ax = lx.a[px] ?? 0;
    const ay = ly.a[py] ?? 0;
    return ax !== ay ? ax < ay : (lx.b[px] ?? 0) < (ly.b[py] ?? 0);
  };
  const heap: number[] = [];
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] ?? 0, heap[left] ?? 0) ? right : left;
      if (!before(heap[child] ?? 0, heap[i] ?? 0)) return;
      [heap[i], heap[child]] = [heap[child] ?? 0, heap[i] ?? 0];
      i = child;
    }
  };
  lists.forEach((list, x) => {
    if (list.a.length > 0) heap.push(x);
  });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  let total = 0;
  for (const list of lists) total += list.a.length;
  const merged = { a: new Int32Array(total), b: new Int32Array(total), sim: new Float64Array(total) };
  let length = 0;
  while (heap.length > 0) {
    const x = heap[0] ?? 0;
    const list = lists[x];
    const p = at[x] ?? 0;
    if (list === undefined) break;
    const a = list.a[p] ?? 0;
    const b = list.b[p] ?? 0;
    // A pair found from both sides comes out twice in a row.
    if (length === 0 || merged.a[length - 1] !== a || merged.b[length - 1] !== b) {
      merged.a[length] = a;
      merged.b[length] = b;
      merged.sim[length++] = list.sim[p] ?? 0;
    }
    at[x] = p + 1;
    if (p + 1 >= list.a.length) {
      const end = heap.pop() ?? 0;
      if (heap.length === 0) break;
      heap[0] = end;
    }
    siftDown(0);
  }
  return { a: merged.a.subarray(0, length), b: merged.b.subarray(0, length), sim: merged.sim.subarray(0, length) };
}

/**
 * A group's summed member vectors, the sum's norm, its size, its members' summed vector lengths, and its
 * earliest and latest known publication times (NaN when no member has one).
 */
interface Centroid {
  sum: Map<number, number>;
  norm: number;
  size: number;
  terms: number;
  first: number;
  last: number;
}

function centroidOf(v: TermVector, time: number): Centroid {
  const sum = new Map<number, number>();
  v.ids.forEach((id, k) => sum.set(id, v.weights[k] ?? 0));
  return { sum, norm: 1, size: 1, terms: v.ids.length, first: time, last: time };
}

/** `pick` of two times where both are known, else whichever is (Math.min and Math.max give NaN for NaN). */
export function knownOr(a: number, b: number, pick: (x: number, y: number) => number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : pick(a, b);
}

/** Whether two spans of publication times (NaN: unknown) are more than STORY_DAYS apart. */
export function daysApart(firstA: number, lastA: number, firstB: number, lastB: number): boolean {
  return firstB - lastA > STORY_MS || firstA - lastB > STORY_MS;
}

/**
 * Whether two groups are separate events of one topic. Member vectors have unit length, so a group's
 * squared norm is its size plus the sum of its members' pairwise cosines: the mean within-group cosine
 * and the mean cross-group cosine come from the sums at no extra cost. Copies of one event agree with
 * each other about as well across the two groups as within them; two events share the topic's words
 * only. Headline-only texts have a few words each, and two headlines agree closely or not at all: the
 * rule counts in proportion to how full the members' vectors are, so short texts are left to the
 * centroid check.
 */
function isSeparateEvent(a: Centroid, b: Centroid, cosine: number, cohesion: number): boolean {
  if (a.size < 2 || b.size < 2) return false;
  const within = (c: Centroid) => (c.norm * c.norm - c.size) / (c.size * (c.size - 1));
  const across = (cosine * a.norm * b.norm) / (a.size * b.size);
  const fullness = Math.min(1, (a.terms + b.terms) / (a.size + b.size) / VECTOR_TERMS);
  return across < cohesion * fullness * Math.min(within(a), within(b));
}

function centroidCosine(a: Centroid, b: Centroid): number {
  const [small, large] = a.sum.size <= b.sum.size ? [a, b] : [b, a];
  let s = 0;
  for (const [id, w] of small.sum) s += w * (large.sum.get(id) ?? 0);
  return s / (a.norm * b.norm || 1);
}

/**
 * The smaller centroid is added into the larger, and the norm is updated from the changed terms only:
 * recomputing it over the larger centroid made every merge into a big story cost the story's vocabulary.
 */
function mergeCentroids(a: Centroid, b: Centroid): Centroid {
  const [into, from] = a.sum.size >= b.sum.size ? [a, b] : [b, a];
  let sq = into.norm * into.norm;
  for (const [id, w] of from.sum) {
    const before = into.sum.get(id) ?? 0;
    const after = before + w;
    into.sum.set(id, after);
    sq += after * after - before * before;
  }
  into.norm = Math.sqrt(Math.max(0, sq));
  into.size += from.size;
  into.terms += from.terms;
  into.first = knownOr(into.first, from.first, Math.min);
  into.last = knownOr(into.last, from.last, Math.max);
  return into;
}

/** Groups of input indices, one per story; every index is in exactly one group. */
export function groupStories(
  docs: readonly GroupingInput[],
  options: GroupingOptions = DEFAULT_GROUPING,
  corpus: TokenisedCorpus = tokeniseCorpus(docs),
): number[][] {
  return groupFromTokens(corpus, options, publicationTimes(docs.map((d) => d.published)));
}

/**
 * groupStories for a corpus already tokenised (the build tokenises once for grouping and related), with
 * each article's publication time (publicationTimes; NaN where unknown).
 */
export function groupFromTokens(
  corpus: TokenisedCorpus,
  options: GroupingOptions = DEFAULT_GROUPING,
  times: Float64Array = new Float64Array(corpus.articles).fill(NaN),
  onSpace?: (space: VectorSpace) => void,
): number[][] {
  const space = buildVectorSpace(corpus, VECTOR_TERMS);
  onSpace?.(space);
  const { vectors } = space;
  const index = buildTermIndex(vectors, corpus.vocabulary.length, { ...INDEX, shared: false });
  const pairs = strongestFirst([pairsInRange(index, 0, vectors.length, options.pairThreshold)]);
  return mergeGroups(vectors, times, pairs, options);
}

/** The same groups as groupFromTokens; for a large corpus the candidate pairs are found on worker threads. */
export async function groupInParallel(
  corpus: TokenisedCorpus,
  options: GroupingOptions = DEFAULT_GROUPING,
  {
    threads = availableParallelism(),
    minForWorkers = MIN_FOR_RELATE_WORKERS,
    range = RANGE,
    pool,
    onSpace,
  }: {
    threads?: number;
    minForWorkers?: number;
    range?: number;
    pool?: WorkerPool;
    /** Given the grouping vectors (kept for the next build's update, relate-state.ts). */
    onSpace?: (space: VectorSpace) => void;
  } = {},
  times: Float64Array = new Float64Array(corpus.articles).fill(NaN),
): Promise<number[][]> {
  const n = corpus.articles;
  if (threads <= 1 || n < minForWorkers) return groupFromTokens(corpus, options, times, onSpace);
  const searched = await onRelateWorkers(pool, threads, async (workers) => {
    // The terms are ranked on the workers too; related stories reuse the ranking.
    await rankTermsInParallel(corpus, workers);
    const space = buildVectorSpace(corpus, VECTOR_TERMS);
    onSpace?.(space);
    const { vectors } = space;
    const index = buildTermIndex(vectors, corpus.vocabulary.length, { ...INDEX, shared: true });
    const tasks: RelateTask[] = [];
    for (let from = 0; from < n; from += range) {
      tasks.push({ kind: 'pairs', index, from, to: Math.min(n, from + range), threshold: options.pairThreshold });
    }
    return { vectors, pairs: await workers.run<RelateTask, PairList>(tasks, { batchSize: 1 }) };
  });
  return mergeGroups(searched.vectors, times, strongestFirst(searched.pairs), options);
}

/**
 * Pairs merged strongest first, two groups joining only when their centroids agree and they are not two
 * events of one topic (isSeparateEvent) or published days apart; then stragglers join large groups
 * (attachStragglers).
 */
function mergeGroups(
  vectors: readonly TermVector[],
  times: Float64Array,
  pairs: PairList,
  options: GroupingOptions,
): number[][] {
  const n = vectors.length;
  const sets = new UnionFind(n);
  const centroids = new Map<number, Centroid>();
  const centroid = (root: number): Centroid => {
    let c = centroids.get(root);
    if (c === undefined) {
      c = centroidOf(vectors[root] as TermVector, times[root] ?? NaN);
      centroids.set(root, c);
    }
    return c;
  };
  const rejected = new Map<number, number>();
  for (let p = 0; p < pairs.a.length; p++) {
    const a = pairs.a[p] ?? 0;
    const b = pairs.b[p] ?? 0;
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) continue;
    const ca = centroid(ra);
    const cb = centroid(rb);
    // Two groups that were kept apart stay apart until one of them grows: a story's many copies each
    // bring a pair between the same two groups, and each comparison walks a centroid.
    const key = Math.min(ra, rb) * n + Math.max(ra, rb);
    if (rejected.get(key) === ca.size + cb.size) continue;
    // Groups published days apart are rejected without walking their centroids.
    const cosine = daysApart(ca.first, ca.last, cb.first, cb.last) ? 0 : centroidCosine(ca, cb);
    if (cosine < options.centroidThreshold || isSeparateEvent(ca, cb, cosine, options.cohesion)) {
      rejected.set(key, ca.size + cb.size);
      continue;
    }
    sets.union(ra, rb);
    const root = sets.find(ra);
    centroids.delete(ra);
    centroids.delete(rb);
    centroids.set(root, mergeCentroids(ca, cb));
  }
  return attachStragglers(sets.groups(), vectors, times, options);
}

/**
 * Second pass: a large group's centroid carries the story's whole vocabulary (every outlet's words for
 * it), so an article left alone or in a pair because its wording differed may match that centroid well
 * although it matched no single member. Each straggler joins the large group whose centroid it matches
 * best, if that match reaches `attachThreshold` and the group's dates are within STORY_DAYS of its own.
 * Centroids are fixed during the pass (order does not matter) and candidates come from the centroids'
 * strongest terms (near-linear).
 */
function attachStragglers(
  groups: number[][],
  vectors: readonly TermVector[],
  times: Float64Array,
  options: GroupingOptions,
): number[][] {
  const large = groups.filter((g) => g.length >= options.largeGroup);
  if (large.length === 0) return groups;
  // Each large group's span of known publication times (NaN to NaN when none is known).
  const firstTime = new Float64Array(large.length).fill(NaN);
  const lastTime = new Float64Array(large.length).fill(NaN);
  large.forEach((g, c) => {
    for (const i of g) {
      const t = times[i] ?? NaN;
      firstTime[c] = knownOr(firstTime[c] ?? NaN, t, Math.min);
      lastTime[c] = knownOr(lastTime[c] ?? NaN, t, Math.max);
    }
  });
  // Each centroid as its CENTROID_TERMS strongest terms, heaviest first, normalised; in flat arrays, since
  // every straggler walks the centroids it meets.
  const centroidOffsets = new Int32Array(large.length + 1);
  const centroidIds: number[] = [];
  const centroidWeights: number[] = [];
  large.forEach((g, c) => {
    const sum = new Map<number, number>();
    for (const i of g) {
      const v = vectors[i] as TermVector;
      for (let k = 0; k < v.ids.length; k++) {
        const id = v.ids[k] ?? 0;
        sum.set(id, (sum.get(id) ?? 0) + (v.weights[k] ?? 0));
      }
    }
    const top = [...sum].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, CENTROID_TERMS);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    for (const [id, w] of top) {
      centroidIds.push(id);
      centroidWeights.push(w / norm);
    }
    centroidOffsets[c + 1] = centroidIds.length;
  });
  let vocabulary = 0;
  for (const v of vectors)
    for (let k = 0; k < v.ids.length; k++) vocabulary = Math.max(vocabulary, (v.ids[k] ?? 0) + 1);
  // Each centroid is found through its strongest terms only: a common word among every large group's
  // CENTROID_TERMS would make each straggler's search walk most of the groups. Postings by counting sort.
  const keyCount = (c: number) => Math.min(CENTROID_KEYS, (centroidOffsets[c + 1] ?? 0) - (centroidOffsets[c] ?? 0));
  const postingOffsets = new Int32Array(vocabulary + 1);
  for (let c = 0; c < large.length; c++) {
    const from = centroidOffsets[c] ?? 0;
    for (let k = from; k < from + keyCount(c); k++) {
      const id = centroidIds[k] ?? 0;
      if (id < vocabulary) postingOffsets[id + 1] = (postingOffsets[id + 1] ?? 0) + 1;
    }
  }
  for (let t = 0; t < vocabulary; t++) postingOffsets[t + 1] = (postingOffsets[t + 1] ?? 0) + (postingOffsets[t] ?? 0);
  const postings = new Int32Array(postingOffsets[vocabulary] ?? 0);
  const fill = postingOffsets.slice(0, vocabulary);
  for (let c = 0; c < large.length; c++) {
    const from = centroidOffsets[c] ?? 0;
    for (let k = from; k < from + keyCount(c); k++) {
      const id = centroidIds[k] ?? 0;
      if (id < vocabulary) postings[(fill[id] = (fill[id] ?? 0) + 1) - 1] = c;
    }
  }
  const joined = large.map((g) => [...g]);
  const rest: number[][] = [];
  // The straggler's weights by term id (reset after each), and which centroids it has met (seen[c] === i + 1).
  const dense = new Float64Array(vocabulary);
  const seen = new Int32Array(large.length);
  for (const group of groups) {
    if (group.length >= options.largeGroup) continue;
    for (const i of group) {
      const v = vectors[i] as TermVector;
      const t = times[i] ?? NaN;
      for (let k = 0; k < v.ids.length; k++) dense[v.ids[k] ?? 0] = v.weights[k] ?? 0;
      let best = -1;
      let bestScore = options.attachThreshold;
      for (let k = 0; k < v.ids.length; k++) {
        const id = v.ids[k] ?? 0;
        const end = postingOffsets[id + 1] ?? 0;
        for (let p = postingOffsets[id] ?? 0; p < end; p++) {
          const c = postings[p] ?? 0;
          if (seen[c] === i + 1) continue;
          seen[c] = i + 1;
          if (daysApart(firstTime[c] ?? NaN, lastTime[c] ?? NaN, t, t)) continue;
          let score = 0;
          const last = centroidOffsets[c + 1] ?? 0;
          for (let e = centroidOffsets[c] ?? 0; e < last; e++) {
            score += (centroidWeights[e] ?? 0) * (dense[centroidIds[e] ?? 0] ?? 0);
          }
          if (score > bestScore || (score === bestScore && (best < 0 || c < best))) {
            best = c;
            bestScore = score;
          }
        }
      }
      for (let k = 0; k < v.ids.length; k++) dense[v.ids[k] ?? 0] = 0;
      if (best >= 0) joined[best]?.push(i);
      else rest.push([i]);
    }
  }
  // Members of a small group that did not attach stay together as they were.
  const restSet = new Set(rest.map((g) => g[0]));
  const kept = groups
    .filter((g) => g.length < options.largeGroup)
    .map((g) => g.filter((i) => restSet.has(i)))
    .filter((g) => g.length > 0);
  return [...joined.map((g) => g.sort((a, b) => a - b)), ...kept].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}
