/**
 * Related articles: for each article, the most similar articles outside its own story, by cosine of
 * the shared TF-IDF vectors (term-vectors.ts), each explained by the shared terms that contribute most.
 * Candidates come from an inverted index over every article's strongest terms (related-index.ts), so an
 * article meets only the articles sharing a distinctive word with it; the cosine uses the whole vector.
 */
import { availableParallelism } from 'node:os';
import type { WorkerPool } from '../worker-pool.ts';
import {
  buildRelatedIndex,
  EXPLAIN_TERMS,
  relateAll,
  type CandidateRows,
  type CandidateTable,
  type RangeResult,
} from './related-index.ts';
import { MIN_FOR_RELATE_WORKERS, onRelateWorkers, type RelateTask } from './relate-worker-pool.ts';
import { buildVectorSpace, type TermVector, type Weighting } from './term-vectors.ts';
import { tokeniseCorpus, type TextInput, type TokenisedCorpus } from './tokenise-corpus.ts';

export interface RelatedInput extends TextInput {
  /** Articles of the same story are never each other's related articles. */
  readonly storyKey: string;
}

export interface RelatedMatch {
  readonly index: number;
  readonly score: number;
  readonly terms: readonly string[];
}

/** Long vectors: topic similarity needs the whole vocabulary of an article, not only its top words. */
export const RELATED_VECTOR_TERMS = 200;
const VECTOR_TERMS = RELATED_VECTOR_TERMS;
/**
 * A damped IDF: a subject is told by its common words (film, election, shares) as much as by its rare
 * names, which are what tell one event from another. Words in one article only are left out, since they
 * can be shared with no other and only dilute the rest. BBC related precision@5 0.920 -> 0.93 alone.
 */
export const RELATED_WEIGHTING: Weighting = { idfPower: 0.5, minDocuments: 2 };
/** Articles per task sent to a worker. */
const RANGE = 2000;

export interface ParallelOptions {
  readonly threads?: number;
  readonly minForWorkers?: number;
  readonly onStep?: (done: number, total: number) => void;
  /** Articles per task sent to a worker (default RANGE). */
  readonly range?: number;
  /** Only these articles, searched among themselves (see relatedFromTokens). */
  readonly among?: readonly number[];
  /** Relate workers already started (relate-worker-pool.ts); by default a pool is started for the search. */
  readonly pool?: WorkerPool;
  /** Given what the search made, in selection order (kept for the next build's update, relate-state.ts). */
  readonly onParts?: (parts: RelatedParts) => void;
}

/** The searched articles' vectors, their candidates and the result, positions in the selection. */
export interface RelatedParts {
  readonly vectors: readonly TermVector[];
  readonly rows: CandidateRows;
  readonly results: readonly RangeResult[];
}

/** Story keys as small integers, compared once per candidate (strings cost more). */
function storyNumbers(storyKeys: readonly string[]): Int32Array {
  const numbers = new Map<string, number>();
  const result = new Int32Array(storyKeys.length);
  storyKeys.forEach((key, i) => {
    let known = numbers.get(key);
    if (known === undefined) {
      known = numbers.size;
      numbers.set(key, known);
    }
    result[i] = known;
  });
  return result;
}

export function toMatches(
  results: readonly RangeResult[],
  count: number,
  displayForm: (id: number) => string,
  /** The index a match names, from the neighbour's number in the results (default: the same). */
  indexOf: (neighbour: number) => number = (neighbour) => neighbour,
): RelatedMatch[][] {
  const matches: RelatedMatch[][] = [];
  for (const { neighbours, scores, terms } of results) {
    for (let a = 0; a < neighbours.length / count; a++) {
      const list: RelatedMatch[] = [];
      for (let slot = 0; slot < count; slot++) {
        const at = a * count + slot;
        const neighbour = neighbours[at] ?? -1;
        if (neighbour < 0) break;
        const words: string[] = [];
        for (let t = at * EXPLAIN_TERMS; t < (at + 1) * EXPLAIN_TERMS; t++) {
          const id = terms[t] ?? -1;
          if (id >= 0) words.push(displayForm(id));
        }
        list.push({
          index: indexOf(neighbour),
          score: Math.min(1, Math.round((scores[at] ?? 0) * 1000) / 1000),
          terms: words,
        });
      }
      matches.push(list);
    }
  }
  return matches;
}

/** On this thread, for texts with their story keys (tests, small corpora). */
export function relatedArticles(
  docs: readonly RelatedInput[],
  k: number,
  corpus: TokenisedCorpus = tokeniseCorpus(docs),
): RelatedMatch[][] {
  return relatedFromTokens(
    docs.map((d) => d.storyKey),
    k,
    corpus,
  );
}

/**
 * The articles searched, for themselves and among themselves: every article, or only those `among` lists
 * (their vectors still weighed against the whole corpus). Matches name positions in this selection.
 */
interface Selection {
  readonly vectors: readonly TermVector[];
  readonly storyOf: Int32Array;
  /** Whether only some articles were selected, so positions differ from corpus indices. */
  readonly picked: boolean;
  /** Corpus index of each selected article. */
  readonly corpusIndex: (position: number) => number;
}

function select(storyKeys: readonly string[], corpus: TokenisedCorpus, among?: readonly number[]): Selection {
  const { vectors } = buildVectorSpace(corpus, VECTOR_TERMS, RELATED_WEIGHTING, among);
  if (among === undefined) {
    return { vectors, storyOf: storyNumbers(storyKeys), picked: false, corpusIndex: (position) => position };
  }
  const pick = <T>(items: readonly T[]) =>
    among.map((i) => {
      const item = items[i];
      if (item === undefined) throw new Error(`no article ${i} in the corpus`);
      return item;
    });
  return {
    vectors,
    storyOf: storyNumbers(pick(storyKeys)),
    picked: true,
    corpusIndex: (position) => among[position] ?? -1,
  };
}

function inCorpus(matches: RelatedMatch[][], selection: Selection): RelatedMatch[][] {
  if (!selection.picked) return matches;
  return matches.map((list) => list.map((m) => ({ ...m, index: selection.corpusIndex(m.index) })));
}

/**
 * On this thread, from a tokenised corpus and each article's story key: one list per article, or per
 * article of `among` in its order when given (searched only among themselves).
 */
export function relatedFromTokens(
  storyKeys: readonly string[],
  k: number,
  corpus: TokenisedCorpus,
  among?: readonly number[],
  onParts?: (parts: RelatedParts) => void,
): RelatedMatch[][] {
  if (k === 0) return (among ?? storyKeys).map(() => []);
  const selection = select(storyKeys, corpus, among);
  const index = buildRelatedIndex(selection.vectors, corpus.vocabulary.length, selection.storyOf);
  const { rows, result } = relateAll(index, k);
  onParts?.({ vectors: selection.vectors, rows, results: [result] });
  return inCorpus(
    toMatches([result], k, (t) => corpus.displayForm(t)),
    selection,
  );
}

/**
 * The same answer as relatedArticles; large corpora are split into ranges shared among worker threads,
 * which read one index in shared memory.
 */
export async function relatedArticlesInParallel(
  storyKeys: readonly string[],
  k: number,
  corpus: TokenisedCorpus,
  {
    threads = availableParallelism(),
    minForWorkers = MIN_FOR_RELATE_WORKERS,
    onStep = () => {},
    range = RANGE,
    among,
    pool,
    onParts,
  }: ParallelOptions = {},
): Promise<RelatedMatch[][]> {
  if (k === 0 || threads <= 1 || (among ?? storyKeys).length < minForWorkers) {
    return relatedFromTokens(storyKeys, k, corpus, among, onParts);
  }
  const selection = select(storyKeys, corpus, among);
  const index = buildRelatedIndex(selection.vectors, corpus.vocabulary.length, selection.storyOf, true);
  const n = selection.vectors.length;
  const ranges: { from: number; to: number }[] = [];
  for (let from = 0; from < n; from += range) ranges.push({ from, to: Math.min(n, from + range) });
  // Two passes over the ranges, each counted as half of the work.
  const step = (pass: number) => (done: number) => onStep(Math.min(n, (pass * n) / 2 + (done * range) / 2), n);
  return onRelateWorkers(pool, threads, async (workers) => {
    const found = await workers.run<RelateTask, CandidateTable>(
      ranges.map(({ from, to }) => ({ kind: 'candidates', index, from, to })),
      { batchSize: 1, onDone: step(0) },
    );
    // The second search reads every article's candidates: the ranges' tables, in shared memory.
    const rows: CandidateRows = { tables: found, rowsPer: range };
    const results = await workers.run<RelateTask, RangeResult>(
      ranges.map(({ from, to }) => ({ kind: 'rerank', index, rows, from, to, count: k })),
      { batchSize: 1, onDone: step(1) },
    );
    onParts?.({ vectors: selection.vectors, rows, results });
    return inCorpus(
      toMatches(results, k, (t) => corpus.displayForm(t)),
      selection,
    );
  });
}
