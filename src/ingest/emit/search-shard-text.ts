/**
 * A shard's index as JSON text, written straight from MiniSearch's maps: the same text as
 * `JSON.stringify(index.toJSON())`, without the objects toJSON makes on the way. toJSON turns every term's
 * postings (a Map from document number to frequency) into an object with numeric keys; at 100k articles
 * that was 1.3 s and 300 MB of short-lived heap for one 5 MB shard, most of a rebuild's search update and
 * about a third of a cold build's search stage. Here each map is written in the order JSON.stringify gives
 * an object's integer keys (ascending), so the app's `MiniSearch.loadJSON` reads the text as before.
 *
 * It reads MiniSearch's private fields (version 7's serialisation, `serializationVersion: 2`); an index
 * without them is written through toJSON. tests/ingest/search-shard-text.test.ts holds the two texts equal.
 */
import type MiniSearch from 'minisearch';

/** The fields of a MiniSearch 7 index that toJSON reads. */
interface IndexInternals {
  readonly _documentCount: number;
  readonly _nextId: number;
  readonly _documentIds: ReadonlyMap<number, unknown>;
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _fieldLength: ReadonlyMap<number, unknown>;
  readonly _avgFieldLength: readonly number[];
  readonly _storedFields: ReadonlyMap<number, unknown>;
  readonly _dirtCount: number;
  readonly _index: Iterable<readonly [string, ReadonlyMap<number, ReadonlyMap<number, number>>]>;
}

function internalsOf(index: MiniSearch<never>): IndexInternals | undefined {
  // MiniSearch declares these fields private; they are read here, checked, rather than re-derived.
  const fields = index as unknown as Partial<IndexInternals>;
  const ok =
    typeof fields._documentCount === 'number' &&
    typeof fields._nextId === 'number' &&
    fields._documentIds instanceof Map &&
    typeof fields._fieldIds === 'object' &&
    fields._fieldLength instanceof Map &&
    Array.isArray(fields._avgFieldLength) &&
    fields._storedFields instanceof Map &&
    typeof fields._dirtCount === 'number' &&
    typeof fields._index?.[Symbol.iterator] === 'function';
  return ok ? (fields as IndexInternals) : undefined;
}

/**
 * `{"k1":v1,…}` for a map with non-negative integer keys, keys ascending: what JSON.stringify writes for
 * Object.fromEntries(map). `value` writes one value.
 */
function mapText<V>(map: ReadonlyMap<number, V>, value: (v: V) => string | undefined): string {
  let ascending = true;
  let last = -1;
  for (const key of map.keys()) {
    if (!(Number.isInteger(key) && key >= 0 && key < 2 ** 32 - 1)) return JSON.stringify(Object.fromEntries(map));
    if (key <= last) ascending = false;
    last = key;
  }
  const keys = ascending ? map.keys() : [...map.keys()].sort((a, b) => a - b);
  const parts: string[] = [];
  for (const key of keys) {
    // As JSON.stringify, a key whose value has no JSON form (undefined) is left out.
    const text = value(map.get(key) as V);
    if (text !== undefined) parts.push(`"${key}":${text}`);
  }
  return `{${parts.join(',')}}`;
}

const json = (value: unknown): string | undefined => JSON.stringify(value);
const count = (n: number): string => JSON.stringify(n);

type FieldIndex = ReadonlyMap<number, ReadonlyMap<number, number>>;

/**
 * A term's postings by field without those of documents no longer in the index (`live`), as MiniSearch's
 * vacuum leaves them: a field left with none goes, and the term with no field left (undefined).
 */
function liveFields(fieldIndex: FieldIndex, live: ReadonlyMap<number, unknown>): FieldIndex | undefined {
  const allLive = (freqs: ReadonlyMap<number, number>) => {
    for (const id of freqs.keys()) if (!live.has(id)) return false;
    return true;
  };
  let clean = true;
  for (const freqs of fieldIndex.values()) clean &&= allLive(freqs);
  if (clean) return fieldIndex;
  const kept = new Map<number, ReadonlyMap<number, number>>();
  for (const [field, freqs] of fieldIndex) {
    const postings = new Map([...freqs].filter(([id]) => live.has(id)));
    if (postings.size > 0) kept.set(field, postings);
  }
  return kept.size === 0 ? undefined : kept;
}

/**
 * The index's serialisation as JSON text — `JSON.stringify(index.toJSON())`, made without toJSON's
 * objects — and its next internal document number.
 *
 * `asVacuumed`: the text of the index as `vacuum()` would leave it — without the postings that documents
 * discarded since still leave in it, and with no dirt counted — without vacuuming, which walks and
 * rewrites every term's maps in timed batches (a third of a 5 MB shard's update at 100k articles). Only
 * the order of the terms may differ from a vacuumed index's (vacuuming merges radix tree nodes), which
 * loading the text does not see.
 */
export function indexText<T>(
  index: MiniSearch<T>,
  { asVacuumed = false }: { asVacuumed?: boolean } = {},
): { readonly text: string; readonly nextId: number } {
  const internals = internalsOf(index as unknown as MiniSearch<never>);
  if (internals === undefined) {
    if (asVacuumed) throw new Error('this MiniSearch index cannot be written as vacuumed without vacuuming');
    const plain = index.toJSON();
    return { text: JSON.stringify(plain), nextId: plain.nextId };
  }
  const leaveOutDiscarded = asVacuumed && internals._dirtCount > 0;
  const terms: string[] = [];
  for (const [term, all] of internals._index) {
    const fieldIndex = leaveOutDiscarded ? liveFields(all, internals._documentIds) : all;
    if (fieldIndex === undefined) continue;
    terms.push(`[${JSON.stringify(term)},${mapText(fieldIndex, (freqs) => mapText(freqs, count))}]`);
  }
  const text =
    `{"documentCount":${count(internals._documentCount)}` +
    `,"nextId":${count(internals._nextId)}` +
    `,"documentIds":${mapText(internals._documentIds, json)}` +
    `,"fieldIds":${JSON.stringify(internals._fieldIds)}` +
    `,"fieldLength":${mapText(internals._fieldLength, json)}` +
    `,"averageFieldLength":${JSON.stringify(internals._avgFieldLength)}` +
    `,"storedFields":${mapText(internals._storedFields, json)}` +
    `,"dirtCount":${count(asVacuumed ? 0 : internals._dirtCount)}` +
    `,"index":[${terms.join(',')}]` +
    `,"serializationVersion":2}`;
  return { text, nextId: internals._nextId };
}
