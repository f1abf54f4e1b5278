/**
 * The search index's settings, shared by the build (which indexes) and the app (which loads and queries):
 * MiniSearch needs the same fields and term processing on both sides. One document per story: its
 * headlines, standfirst and the fullest copy's text, so copies of one story do not crowd the results.
 */
import type { Options, SearchOptions } from 'minisearch';
import * as v from 'valibot';

export const SEARCH_FIELDS = ['headline', 'headlines', 'standfirst', 'body'] as const;
export const SEARCH_STORE_FIELDS = ['headline', 'lead', 'outlets', 'articleId', 'latest'] as const;

/** A search document as the build writes it; the stored fields come back with each result. */
export interface SearchDocument {
  readonly id: string;
  readonly headline: string;
  /** Every copy's headline, so a search for one outlet's wording finds the story. */
  readonly headlines: string;
  readonly standfirst: string;
  readonly body: string;
  /** Standfirst or opening words, for the result snippet. */
  readonly lead: string;
  readonly outlets: readonly string[];
  /** The copy a result opens. */
  readonly articleId: string;
  readonly latest: string | null;
}

/** Any code unit above U+007F; a word without one is plain ASCII, which folding only lowercases. */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Lowercase with accents folded: "Zelenskyy" and "zelenskyy", "Kyiv" and "kyiv", "café" and "cafe" meet.
 * Most words are plain ASCII, which Unicode decomposition leaves as it is: they skip it (the index build
 * folds every word of every story, and normalising each was an eighth of its time).
 */
export function foldSearchTerm(term: string): string {
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...SEARCH_STORE_FIELDS],
  processTerm: (term) => {
    const folded = foldSearchTerm(term);
    return folded.length === 0 ? null : folded;
  },
};

/**
 * As-you-type matching: every word must match; words of 3+ letters also match as prefixes, and words of
 * 5+ letters within one edit in five ("Zelensky" finds "Zelenskyy"). Short words match exactly, which
 * keeps the first keystrokes fast.
 */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  boost: { headline: 3, headlines: 2, standfirst: 1.5 },
};

/**
 * `data/search-index.json`: the shards that hold the index (`data/search/<name>`; the app joins them, see
 * src/app/search/join-shards.ts),
 * with a version the app checks.
 */
export const SearchIndexFileSchema = v.object({
  schemaVersion: v.number(),
  documentCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  shards: v.array(v.pipe(v.string(), v.regex(/^[\w-]+\.json$/))),
  /**
   * By shard name, stories whose documents in that shard are not used: a later shard (a rebuild's small
   * shard of changed stories) holds their current documents, or they are gone.
   */
  hidden: v.optional(v.record(v.string(), v.array(v.string()))),
});
export type SearchIndexFile = v.InferOutput<typeof SearchIndexFileSchema>;

/** `data/search/<shard>-<digest>.json`: MiniSearch's serialised index of some of the stories. */
export const SearchShardFileSchema = v.object({
  schemaVersion: v.number(),
  documentCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  index: v.record(v.string(), v.unknown()),
});
export type SearchShardFile = v.InferOutput<typeof SearchShardFileSchema>;
