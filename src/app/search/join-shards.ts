/**
 * The search index comes in shards (the build writes one per group of stories, so a rebuild rewrites only
 * the shards whose stories changed); the app joins them into one MiniSearch index before its first query.
 * Postings, document lengths and counts are merged, so the answers and scores are those of one index of
 * every story (a test compares the two).
 *
 * Each shard numbers its documents from 0; a shard's numbers are shifted past the shards before it. The
 * documents go through MiniSearch's own loader; the postings are added to its term index directly: going
 * through the loader would need one object per term and field holding every shard's postings, and merging
 * those objects alone took longer than the load (measured in Node on a 10k site's 17 MB index in four
 * shards: merging 650 ms, then loading 340 ms; joining directly 480 ms).
 * That index (`_index`, a map of term → field → document → count) is MiniSearch's own, not its published
 * API: the version is pinned by the lockfile, and joinShards checks its shape before using it.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

type Postings = AsPlainObject['index'][number][1];

/** The part of MiniSearch's term index used here. */
interface TermIndex {
  set(term: string, fields: Map<number, Map<number, number>>): unknown;
}

function termIndexOf(engine: MiniSearch<unknown>): TermIndex {
  // Not in MiniSearch's types: see above.
  const index = (engine as unknown as { _index?: Partial<TermIndex> })._index;
  if (typeof index?.set !== 'function') {
    throw new Error('MiniSearch no longer keeps its term index as `_index`: update src/app/search/join-shards.ts');
  }
  return index as TermIndex;
}

/** Copies `from`'s entries, but for the keys in `skip`, with their numeric keys shifted by `offset`. */
function shifted<T>(from: Record<string, T>, offset: number, into: Record<number, T>, skip: ReadonlySet<number>): void {
  for (const key of Object.keys(from)) {
    const value = from[key];
    if (value !== undefined && !skip.has(Number(key))) into[Number(key) + offset] = value;
  }
}

/** The short ids (a shard's own numbers) of the documents whose ids `hidden` lists. */
function shortIdsOf(shard: AsPlainObject, hidden: ReadonlySet<string> | undefined): Set<number> {
  const skip = new Set<number>();
  if (hidden === undefined || hidden.size === 0) return skip;
  for (const key of Object.keys(shard.documentIds)) {
    if (hidden.has(String(shard.documentIds[key]))) skip.add(Number(key));
  }
  return skip;
}

/**
 * Joins the shards into one index. `hidden[s]` names stories whose documents in shard `s` are left out: a
 * later shard holds their current documents, or they are gone (the build's small shard of a rebuild's
 * changed stories, write-search-index.ts); the join is then the index of the documents it keeps.
 */
export function joinShards<T>(
  shards: readonly AsPlainObject[],
  options: Options<T>,
  hidden: readonly (ReadonlySet<string> | undefined)[] = [],
): MiniSearch<T> {
  const [first] = shards;
  if (first === undefined) throw new Error('a search index needs at least one shard');
  const skips = shards.map((shard, s) => shortIdsOf(shard, hidden[s]));
  if (shards.length === 1 && skips[0]?.size === 0) return MiniSearch.loadJS<T>(first, options);
  const documentIds: Record<number, unknown> = {};
  const fieldLength: Record<number, number[]> = {};
  const storedFields: Record<number, unknown> = {};
  const offsets: number[] = [];
  let documentCount = 0;
  let nextId = 0;
  shards.forEach((shard, s) => {
    const skip = skips[s] ?? new Set<number>();
    offsets.push(nextId);
    shifted(shard.documentIds, nextId, documentIds, skip);
    shifted(shard.fieldLength, nextId, fieldLength, skip);
    shifted(shard.storedFields, nextId, storedFields, skip);
    documentCount += shard.documentCount - skip.size;
    nextId += shard.nextId;
  });
  // Each field's average length over every document, from the lengths themselves.
  const totals = first.averageFieldLength.map(() => 0);
  for (const lengths of Object.values(fieldLength)) {
    lengths.forEach((length, field) => (totals[field] = (totals[field] ?? 0) + length));
  }
  const engine = MiniSearch.loadJS<T>(
    {
      documentCount,
      nextId,
      documentIds,
      fieldIds: first.fieldIds,
      fieldLength,
      averageFieldLength: totals.map((total) => (documentCount === 0 ? 0 : total / documentCount)),
      storedFields,
      dirtCount: 0,
      index: [],
      serializationVersion: first.serializationVersion,
    },
    options,
  );
  const index = termIndexOf(engine as MiniSearch<unknown>);
  // Terms met so far, found here rather than by a walk down MiniSearch's radix tree for each.
  const seen = new Map<string, Map<number, Map<number, number>>>();
  shards.forEach((shard, s) => {
    const offset = offsets[s] ?? 0;
    const skip = skips[s] ?? new Set<number>();
    for (const [term, fields] of shard.index) {
      let byField = seen.get(term);
      if (byField === undefined) {
        byField = new Map();
        seen.set(term, byField);
        index.set(term, byField);
      }
      addPostings(byField, fields, offset, skip);
    }
  });
  return engine;
}

function addPostings(
  byField: Map<number, Map<number, number>>,
  fields: Postings,
  offset: number,
  skip: ReadonlySet<number>,
): void {
  for (const fieldKey of Object.keys(fields)) {
    const postings = fields[fieldKey];
    if (postings === undefined) continue;
    const field = Number(fieldKey);
    let counts: Map<number, number> | undefined;
    for (const id of Object.keys(postings)) {
      const short = Number(id);
      if (skip.has(short)) continue;
      counts ??= byField.get(field);
      if (counts === undefined) {
        counts = new Map();
        byField.set(field, counts);
      }
      counts.set(short + offset, postings[id] ?? 0);
    }
  }
}
