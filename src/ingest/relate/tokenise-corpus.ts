/**
 * Every article's terms as a bag of integer ids with weighted counts, made once and shared by grouping
 * and related stories: a headline word counts HEADLINE_WEIGHT times, a word of the lead (the first
 * LEAD_WORDS words of the body, which say what the story is about) twice, any other once. Ids are given
 * in order of first appearance, headline before body.
 *
 * Work is done in chunks: a chunk is tokenised with its own small vocabulary (on a worker thread for a
 * large corpus, where the regular expression, the folding and the map lookups of tens of millions of
 * words cost the main thread's large heap dearly in garbage collection), and chunks are merged in order
 * by renumbering their ids (vocabularies merged on the calling thread, the bags renumbered on a worker).
 * Merging in order keeps "first appearance" global, so the ids, and everything that breaks ties by id,
 * are the same however the corpus was cut.
 */
import { availableParallelism } from 'node:os';
import type { WorkerPool } from '../worker-pool.ts';
import { MIN_FOR_RELATE_WORKERS, onRelateWorkers, type RelateTask } from './relate-worker-pool.ts';
import { contentTerm } from './terms.ts';
import { contentRanges, type TokenCache } from './token-cache.ts';
import { allocate, grownTo } from './typed-arrays.ts';
import { WordTable } from './word-table.ts';

export interface TextInput {
  readonly headline: string;
  readonly text: string;
}

export const HEADLINE_WEIGHT = 3;
export const LEAD_WORDS = 60;

/**
 * Every article's bag in one compressed-row array in shared memory, so worker threads read the corpus
 * without a copy: article i's ids and counts are at offsets[i] … offsets[i + 1] - 1.
 */
export interface FlatBags {
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly counts: Int32Array;
}

export interface TokenisedCorpus {
  /** How many articles: article i's bag is at flat.offsets[i] … flat.offsets[i + 1] - 1. */
  readonly articles: number;
  readonly flat: FlatBags;
  /** Term text by id. */
  readonly vocabulary: readonly string[];
  /** The spelling of a term most often seen in the text ("Rubio", not "rubio"), for explanations. */
  displayForm(id: number): string;
}

/**
 * One chunk's tokens with chunk-local ids, in a few flat arrays: a worker's reply is cloned as a handful
 * of buffers and strings, not an object per article.
 */
export interface TokenisedChunk {
  readonly bags: FlatBags;
  readonly vocabulary: string[];
  /** Every distinct spelling of a content term seen, its term's local id and how often it came. */
  readonly words: string[];
  readonly wordTerms: Int32Array;
  readonly wordCounts: Int32Array;
}

/**
 * One chunk's bags and vocabulary. `shared`: the bags in SharedArrayBuffers, as a worker makes them (the
 * main thread gets them without a copy, and memory it did not allocate does not start its collector).
 */
export function tokeniseChunk(docs: readonly TextInput[], shared = false): TokenisedChunk {
  const idOf = new Map<string, number>();
  const vocabulary: string[] = [];
  // Each distinct spelling is folded and looked up once: its term's local id (-1: none) and count by
  // spelling number, grown as the table meets new spellings.
  const table = new WordTable();
  let wordTerms = new Int32Array(1024);
  let wordCounts = new Int32Array(1024);
  let known = 0;
  // Weighted counts of the current article by local id, reused: `touched` lists the ids to reset.
  let counts = new Int32Array(1024);
  const touched: number[] = [];
  const count = (text: string, headline: boolean) => {
    const found = table.scan(text);
    if (table.words.length > known) {
      if (table.words.length > wordTerms.length) {
        wordTerms = grownTo(wordTerms, table.words.length);
        wordCounts = grownTo(wordCounts, table.words.length);
      }
      for (; known < table.words.length; known++) {
        const term = contentTerm(table.words[known] ?? '');
        let id = -1;
        if (term !== null) {
          id = idOf.get(term) ?? -1;
          if (id === -1) {
            id = vocabulary.length;
            idOf.set(term, id);
            vocabulary.push(term);
            if (id >= counts.length) counts = grownTo(counts, id + 1);
          }
        }
        wordTerms[known] = id;
      }
    }
    const words = table.found;
    let position = 0;
    for (let k = 0; k < found; k++) {
      const word = words[k] ?? 0;
      wordCounts[word] = (wordCounts[word] ?? 0) + 1;
      const id = wordTerms[word] ?? -1;
      if (id < 0) continue;
      if (counts[id] === 0) touched.push(id);
      counts[id] = (counts[id] ?? 0) + (headline ? HEADLINE_WEIGHT : position++ < LEAD_WORDS ? 2 : 1);
    }
  };
  const offsets = new Int32Array(docs.length + 1);
  let ids = new Int32Array(1024);
  let weighted = new Int32Array(1024);
  let at = 0;
  docs.forEach((doc, d) => {
    count(doc.headline, true);
    count(doc.text, false);
    if (at + touched.length > ids.length) {
      ids = grownTo(ids, at + touched.length);
      weighted = grownTo(weighted, at + touched.length);
    }
    for (const id of touched) {
      ids[at] = id;
      weighted[at++] = counts[id] ?? 0;
      counts[id] = 0;
    }
    touched.length = 0;
    offsets[d + 1] = at;
  });
  // Only content terms' spellings matter (display forms); the others stay on the worker.
  const words: string[] = [];
  const terms: number[] = [];
  const tallies: number[] = [];
  for (let w = 0; w < known; w++) {
    const term = wordTerms[w] ?? -1;
    if (term < 0) continue;
    words.push(table.words[w] ?? '');
    terms.push(term);
    tallies.push(wordCounts[w] ?? 0);
  }
  return {
    bags: {
      offsets: copied(offsets, docs.length + 1, shared),
      ids: copied(ids, at, shared),
      counts: copied(weighted, at, shared),
    },
    vocabulary,
    words,
    wordTerms: Int32Array.from(terms),
    wordCounts: Int32Array.from(tallies),
  };
}

function copied(array: Int32Array, length: number, shared: boolean): Int32Array {
  const copy = allocate(Int32Array, length, shared);
  copy.set(array.subarray(0, length));
  return copy;
}

/**
 * The chunks' bags in corpus order as one corpus's, each chunk's ids turned global by its `globals`
 * (local id → global id): in shared memory, for the workers that read the corpus. For a large corpus a
 * worker does it, so the main thread allocates none of it.
 */
export function renumberBags(parts: readonly FlatBags[], globals: readonly Int32Array[]): FlatBags {
  let articles = 0;
  let total = 0;
  for (const part of parts) {
    articles += part.offsets.length - 1;
    total += part.ids.length;
  }
  const flat: FlatBags = {
    offsets: allocate(Int32Array, articles + 1, true),
    ids: allocate(Int32Array, total, true),
    counts: allocate(Int32Array, total, true),
  };
  let article = 0;
  let at = 0;
  parts.forEach(({ offsets, ids, counts }, c) => {
    const global = globals[c] ?? new Int32Array(0);
    for (let k = 0; k < ids.length; k++) flat.ids[at + k] = global[ids[k] ?? 0] ?? 0;
    flat.counts.set(counts, at);
    for (let d = 1; d < offsets.length; d++) flat.offsets[article + d] = at + (offsets[d] ?? 0);
    article += offsets.length - 1;
    at += ids.length;
  });
  return flat;
}

/** The chunks' vocabularies as one, ids given in order of first appearance, and each chunk's ids in it. */
interface MergedVocabulary {
  readonly vocabulary: readonly string[];
  /** Per chunk: local id → global id. */
  readonly globals: Int32Array[];
  readonly displayForm: (id: number) => string;
}

function mergeVocabularies(chunks: readonly TokenisedChunk[]): MergedVocabulary {
  const idOf = new Map<string, number>();
  const vocabulary: string[] = [];
  // Spellings in order of first appearance, with their global term id and total count.
  const wordIndex = new Map<string, number>();
  const wordTerm: number[] = [];
  const wordCount: number[] = [];
  const globals = chunks.map((chunk) => {
    const global = Int32Array.from(chunk.vocabulary, (term) => {
      let id = idOf.get(term);
      if (id === undefined) {
        id = vocabulary.length;
        idOf.set(term, id);
        vocabulary.push(term);
      }
      return id;
    });
    chunk.words.forEach((word, k) => {
      const count = chunk.wordCounts[k] ?? 0;
      const known = wordIndex.get(word);
      if (known === undefined) {
        wordIndex.set(word, wordTerm.length);
        wordTerm.push(global[chunk.wordTerms[k] ?? 0] ?? -1);
        wordCount.push(count);
      } else {
        wordCount[known] = (wordCount[known] ?? 0) + count;
      }
    });
    return global;
  });
  let forms: string[] | undefined;
  return {
    vocabulary,
    globals,
    displayForm(id) {
      if (forms === undefined) {
        // The most frequent spelling wins; on a tie, the first seen. "Jet's" counts as "Jet".
        const tallies = new Map<string, { id: number; count: number }>();
        for (const [word, at] of wordIndex) {
          const termId = wordTerm[at] ?? -1;
          if (termId < 0) continue;
          const form = word.replace(/['’]s$/u, '');
          const tally = tallies.get(form);
          if (tally === undefined) tallies.set(form, { id: termId, count: wordCount[at] ?? 0 });
          else tally.count += wordCount[at] ?? 0;
        }
        const best = new Int32Array(vocabulary.length);
        forms = [...vocabulary];
        for (const [form, { id: termId, count }] of tallies) {
          if (count <= (best[termId] ?? 0)) continue;
          best[termId] = count;
          forms[termId] = form;
        }
      }
      return forms[id] ?? vocabulary[id] ?? '';
    },
  };
}

function corpusOf(merged: MergedVocabulary, flat: FlatBags): TokenisedCorpus {
  return {
    articles: flat.offsets.length - 1,
    flat,
    vocabulary: merged.vocabulary,
    displayForm: merged.displayForm,
  };
}

/** Chunks in corpus order into one corpus with global ids. */
export function mergeChunks(chunks: readonly TokenisedChunk[]): TokenisedCorpus {
  const merged = mergeVocabularies(chunks);
  return corpusOf(
    merged,
    renumberBags(
      chunks.map((c) => c.bags),
      merged.globals,
    ),
  );
}

export function tokeniseCorpus(docs: readonly TextInput[]): TokenisedCorpus {
  return mergeChunks([tokeniseChunk(docs)]);
}

/** Articles per chunk: small enough to spread evenly, large enough that chunk vocabularies repeat little. */
const CHUNK = 2500;

/** Chunks kept between builds, and each article's extraction key (in corpus order) to find them by. */
export interface ChunkCache {
  readonly store: TokenCache;
  readonly keys: readonly string[];
}

/**
 * The same corpus as tokeniseCorpus, tokenised on worker threads when it is large. With a cache, chunks
 * are cut by the articles' keys (token-cache.ts) and only those it does not hold are tokenised.
 */
export async function tokeniseInParallel(
  docs: readonly TextInput[],
  {
    threads = availableParallelism(),
    minForWorkers = MIN_FOR_RELATE_WORKERS,
    chunk = CHUNK,
    pool,
    cache,
  }: { threads?: number; minForWorkers?: number; chunk?: number; pool?: WorkerPool; cache?: ChunkCache } = {},
): Promise<TokenisedCorpus> {
  if (threads <= 1 || docs.length < minForWorkers) return tokeniseCorpus(docs);
  if (cache !== undefined && cache.keys.length !== docs.length) throw new Error('one cache key per article is needed');
  const ranges: { from: number; to: number }[] = [];
  if (cache !== undefined) ranges.push(...contentRanges(cache.keys, chunk));
  else
    for (let from = 0; from < docs.length; from += chunk)
      ranges.push({ from, to: Math.min(docs.length, from + chunk) });
  const chunkKeys = ranges.map(({ from, to }) => cache?.store.keyOf(cache.keys.slice(from, to)) ?? '');
  const kept = ranges.map((_, i) => (cache === undefined ? undefined : cache.store.load(chunkKeys[i] ?? '')));
  const missing = ranges.filter((_, i) => kept[i] === undefined);
  // A chunk's texts are read as it is sent (a caller's text may be made on reading it), and only the two
  // strings cross to the worker, not whatever else the caller's objects hold.
  const prepare = ({ from, to }: { from: number; to: number }): RelateTask => ({
    kind: 'tokenise',
    docs: docs.slice(from, to).map(({ headline, text }) => ({ headline, text })),
  });
  return onRelateWorkers(pool, threads, async (workers) => {
    const made = await workers.run<{ from: number; to: number }, TokenisedChunk>(missing, { batchSize: 1, prepare });
    let next = 0;
    const chunks = kept.map((chunk, i) => {
      if (chunk !== undefined) return chunk;
      const fresh = made[next++];
      if (fresh === undefined) throw new Error('a chunk was neither kept nor tokenised');
      cache?.store.save(chunkKeys[i] ?? '', fresh);
      return fresh;
    });
    cache?.store.prune();
    const merged = mergeVocabularies(chunks);
    const task: RelateTask = { kind: 'renumber', parts: chunks.map((c) => c.bags), globals: merged.globals };
    const [flat] = await workers.run<RelateTask, FlatBags>([task], { batchSize: 1 });
    if (flat === undefined) throw new Error('no bags came back from renumbering');
    return corpusOf(merged, flat);
  });
}
