/**
 * The search index is written as shards, each a MiniSearch index of some of the stories, so a rebuild
 * rewrites only the shards whose stories changed (at 100k articles the whole index is 150 MB, and
 * loading, updating and writing it took a rebuild 15–30 s). The app joins the shards back into one index
 * before its first query: postings, document lengths and counts merged, the answers are those of one
 * index of every story (the build gives each shard its own range of MiniSearch's internal document ids,
 * so none needs renumbering).
 */
import type { AsPlainObject } from 'minisearch';

/** Internal document ids per shard: shard `s` numbers its documents from `s * SHARD_ID_SPAN`. */
export const SHARD_ID_SPAN = 2 ** 22;

type Postings = AsPlainObject['index'][number][1];

/**
 * One serialised index of the shards' documents. The shards are consumed: their posting objects are
 * reused and added to, not copied.
 */
export function mergeSearchShards(shards: readonly AsPlainObject[]): AsPlainObject {
  const [first, ...rest] = shards;
  if (first === undefined) throw new Error('a search index needs at least one shard');
  if (rest.length === 0) return first;
  const documentIds: AsPlainObject['documentIds'] = {};
  const fieldLength: AsPlainObject['fieldLength'] = {};
  const storedFields: AsPlainObject['storedFields'] = {};
  const terms = new Map<string, Postings>();
  let documentCount = 0;
  let nextId = 0;
  for (const shard of shards) {
    Object.assign(documentIds, shard.documentIds);
    Object.assign(fieldLength, shard.fieldLength);
    Object.assign(storedFields, shard.storedFields);
    documentCount += shard.documentCount;
    nextId = Math.max(nextId, shard.nextId);
    for (const [term, fields] of shard.index) {
      const known = terms.get(term);
      if (known === undefined) {
        terms.set(term, fields);
        continue;
      }
      for (const fieldId of Object.keys(fields)) {
        const postings = fields[fieldId];
        if (postings === undefined) continue;
        const into = known[fieldId];
        if (into === undefined) known[fieldId] = postings;
        else Object.assign(into, postings);
      }
    }
  }
  // Each field's average length over every document, from the lengths themselves.
  const totals = first.averageFieldLength.map(() => 0);
  for (const lengths of Object.values(fieldLength))
    lengths.forEach((length, field) => (totals[field] = (totals[field] ?? 0) + length));
  return {
    documentCount,
    nextId,
    documentIds,
    fieldIds: first.fieldIds,
    fieldLength,
    averageFieldLength: totals.map((total) => (documentCount === 0 ? 0 : total / documentCount)),
    storedFields,
    dirtCount: shards.reduce((dirt, shard) => dirt + (shard.dirtCount ?? 0), 0),
    index: [...terms],
    serializationVersion: first.serializationVersion,
  };
}
