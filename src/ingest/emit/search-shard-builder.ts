/**
 * A search shard's index made afresh without MiniSearch: the JSON text `MiniSearch.addAll` and
 * `JSON.stringify(index.toJSON())` give for the same documents and options (src/shared/search-options.ts),
 * which the app loads with MiniSearch as before — only the order of the terms differs (the app's loader
 * puts them in its own tree, whose answers do not depend on it).
 *
 * MiniSearch keeps its terms in a radix tree and each term's postings in a map per field of maps per
 * document: one tree walk and a few map operations for every word of every story, and two maps made for
 * every term of every document. At 100k articles that was the build's largest stage (~1 ms a story; a 2000
 * story shard took 1.5 s to add and 0.3 s to write). Here a text's words are numbered as they are scanned
 * (search-word-table.ts: no string made for a word already seen), each distinct word's folded term is found
 * once per shard, and a document's counts are kept in arrays indexed by term number; a term's postings are
 * one flat list of (field, document, count), in the order the text needs them.
 *
 * Made from the options MiniSearch is given, with its default `tokenize` (which the word table splits as),
 * `extractField` and `stringifyField` (INDEX_OPTIONS sets none of them); `processTerm` must not depend on the
 * field (it is called once per distinct word). tests/ingest/search-shard-builder.test.ts holds the text to
 * MiniSearch's.
 */
import { INDEX_OPTIONS, SEARCH_FIELDS, SEARCH_STORE_FIELDS, type SearchDocument } from '../../shared/search-options.ts';
import { SearchWordTable } from './search-word-table.ts';

/** The folded term of a word as the index keeps it, or null for none (as INDEX_OPTIONS.processTerm). */
function termOf(word: string): string | null {
  const processed = INDEX_OPTIONS.processTerm?.(word);
  if (typeof processed === 'string' && processed.length > 0) return processed;
  if (processed === null || processed === undefined || processed === false || processed === '') return null;
  throw new Error('the search index builder takes one term per word: INDEX_OPTIONS.processTerm returned several');
}

/** A term's postings: flat (field, document, count) triples, documents ascending, fields ascending within one. */
type Postings = number[];

export class ShardIndexBuilder {
  /** Each distinct word seen, numbered; `scanned` is the numbers of a field's words. */
  private readonly table = new SearchWordTable();
  private readonly scanned: number[] = [];
  /** The terms of a field counted so far (reused from field to field). */
  private readonly touched: number[] = [];
  /** By word number: its term's number, or -1 for a word with no term. */
  private readonly wordTerm: number[] = [];
  /** By word number: the field (document × fields + field) it was last seen in, to count distinct words. */
  private readonly wordSeenIn: number[] = [];
  private readonly terms = new Map<string, number>();
  private readonly termText: string[] = [];
  private readonly postings: Postings[] = [];
  /** By term number: the field it was last counted in (as wordSeenIn), and its count there. */
  private readonly termSeenIn: number[] = [];
  private readonly termCount: number[] = [];
  private readonly documentIds: string[] = [];
  private readonly ids = new Set<string>();
  /** Per document, each field's number of distinct words (what MiniSearch counts as its length). */
  private readonly fieldLengths: number[][] = [];
  private readonly storedFields: string[] = [];
  private readonly averageFieldLength: number[] = [];

  get documentCount(): number {
    return this.documentIds.length;
  }

  addAll(documents: readonly SearchDocument[]): this {
    for (const document of documents) this.add(document);
    return this;
  }

  add(document: SearchDocument): void {
    const { id } = document;
    if (this.ids.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    this.ids.add(id);
    const shortId = this.documentIds.length;
    this.documentIds.push(id);
    this.storedFields.push(storedText(document));
    const lengths: number[] = [];
    const { scanned, wordTerm, wordSeenIn, termSeenIn, termCount, postings, touched } = this;
    for (let fieldId = 0; fieldId < SEARCH_FIELDS.length; fieldId++) {
      const field = SEARCH_FIELDS[fieldId] as (typeof SEARCH_FIELDS)[number];
      const stamp = shortId * SEARCH_FIELDS.length + fieldId;
      let distinctWords = 0;
      let touchedCount = 0;
      const count = this.table.scan(document[field].toString(), scanned);
      for (let k = 0; k < count; k++) {
        const w = scanned[k] as number;
        if (w === wordTerm.length) {
          // A word the table has just met.
          wordTerm.push(this.termNumber(this.table.words[w] as string));
          wordSeenIn.push(-1);
        }
        if (wordSeenIn[w] !== stamp) {
          wordSeenIn[w] = stamp;
          distinctWords += 1;
        }
        const t = wordTerm[w] as number;
        if (t < 0) continue;
        if (termSeenIn[t] !== stamp) {
          termSeenIn[t] = stamp;
          termCount[t] = 1;
          touched[touchedCount++] = t;
        } else {
          termCount[t] = (termCount[t] as number) + 1;
        }
      }
      for (let k = 0; k < touchedCount; k++) {
        const t = touched[k] as number;
        (postings[t] as Postings).push(fieldId, shortId, termCount[t] as number);
      }
      lengths[fieldId] = distinctWords;
      // MiniSearch's running average, step for step, so the numbers are the same to the last bit.
      const average = this.averageFieldLength[fieldId] ?? 0;
      this.averageFieldLength[fieldId] = (average * shortId + distinctWords) / (shortId + 1);
    }
    this.fieldLengths.push(lengths);
  }

  private termNumber(word: string): number {
    const term = termOf(word);
    if (term === null) return -1;
    let t = this.terms.get(term);
    if (t === undefined) {
      t = this.termText.length;
      this.terms.set(term, t);
      this.termText.push(term);
      this.postings.push([]);
      this.termSeenIn.push(-1);
      this.termCount.push(0);
    }
    return t;
  }

  /** The index's serialisation as MiniSearch writes it (`serializationVersion: 2`), and its next number. */
  text(): { readonly text: string; readonly nextId: number } {
    const count = this.documentIds.length;
    const byNumber = (value: (i: number) => string) =>
      `{${Array.from({ length: count }, (_, i) => `"${i}":${value(i)}`).join(',')}}`;
    const index: string[] = [];
    this.termText.forEach((term, t) => index.push(`[${JSON.stringify(term)},${postingsText(this.postings[t] ?? [])}]`));
    const fieldIds = Object.fromEntries(SEARCH_FIELDS.map((field, i) => [field, i]));
    const text =
      `{"documentCount":${count}` +
      `,"nextId":${count}` +
      `,"documentIds":${byNumber((i) => JSON.stringify(this.documentIds[i]))}` +
      `,"fieldIds":${JSON.stringify(fieldIds)}` +
      `,"fieldLength":${byNumber((i) => JSON.stringify(this.fieldLengths[i]))}` +
      `,"averageFieldLength":${JSON.stringify(this.averageFieldLength)}` +
      `,"storedFields":${byNumber((i) => this.storedFields[i] as string)}` +
      `,"dirtCount":0` +
      `,"index":[${index.join(',')}]` +
      `,"serializationVersion":2}`;
    return { text, nextId: count };
  }
}

/** A document's stored fields as JSON, in MiniSearch's order (its `storeFields`; undefined ones left out). */
function storedText(document: SearchDocument): string {
  const stored: Record<string, unknown> = {};
  for (const field of SEARCH_STORE_FIELDS) if (document[field] !== undefined) stored[field] = document[field];
  return JSON.stringify(stored);
}

/** `{"field":{"document":count,…},…}`, fields ascending, documents ascending within each. */
function postingsText(postings: Postings): string {
  const fields: string[] = [];
  for (let field = 0; field < SEARCH_FIELDS.length; field++) {
    const documents: string[] = [];
    for (let i = 0; i < postings.length; i += 3) {
      if (postings[i] === field) documents.push(`"${postings[i + 1]}":${postings[i + 2]}`);
    }
    if (documents.length > 0) fields.push(`"${field}":{${documents.join(',')}}`);
  }
  return `{${fields.join(',')}}`;
}
