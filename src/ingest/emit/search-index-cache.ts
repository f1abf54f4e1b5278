/**
 * The last build's search index, kept so that a rebuild updates it rather than indexing every story
 * again: the stories whose search document changed (or are gone) are discarded from it and the changed
 * and new ones added. At 100k articles, on its own, loading the last index, updating it and writing it
 * took 15 s (read and parse 2 s, MiniSearch's load 4 s, vacuum 1 s, serialising 8 s); in a rebuild,
 * beside the writing stages on two cores, 39 s against 51 s afresh, which the build no longer waits for.
 *
 * The folder holds `index.json` (the index file as written) and `state.json` (the code version it was
 * made by, a digest of `index.json`, and a hash of each story's document). Anything that does not match
 * (another version of this code, of the search options or of MiniSearch; an index file not the one the
 * state describes, as after a build stopped between the two writes) is ignored, and the index is built
 * afresh.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { SCHEMA_VERSION } from '../../shared/article-schema.ts';
import { INDEX_OPTIONS, type SearchDocument, type SearchIndexFile } from '../../shared/search-options.ts';
import { packageVersion } from '../package-version.ts';

/**
 * Past this share of the documents changed, indexing afresh is about as fast as loading the last index
 * and changing it (adding a document costs about 1 ms at 100k either way; the load and vacuum cost 5 s).
 */
const MAX_CHANGED_SHARE = 0.5;

interface CacheState {
  readonly version: string;
  readonly indexDigest: string;
  /** Each story's document hash, by story id. */
  readonly documents: Record<string, string>;
}

/** This code's, the search options' and MiniSearch's versions: an index made by others is not reused. */
export function searchIndexVersion(): string {
  return createHash('sha256')
    .update(String(SCHEMA_VERSION))
    .update(packageVersion('minisearch'))
    .update(readFileSync(new URL('../../shared/search-options.ts', import.meta.url), 'utf8'))
    .update(readFileSync(new URL('./search-index-cache.ts', import.meta.url), 'utf8'))
    .digest('hex')
    .slice(0, 16);
}

/** sha256 in hex: the index file's digest, which the build also returns for the service worker's stamp. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function documentHash(document: SearchDocument): string {
  return createHash('sha1').update(JSON.stringify(document)).digest('base64');
}

/** The index file of a fresh index of `documents`. */
export function freshIndexFile(documents: readonly SearchDocument[]): SearchIndexFile {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(documents);
  return indexFile(index);
}

function indexFile(index: MiniSearch<SearchDocument>): SearchIndexFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    documentCount: index.documentCount,
    // MiniSearch's serialisation is a plain JSON object; the file schema only checks it is one.
    index: index.toJSON() as unknown as Record<string, unknown>,
  };
}

async function readState(folder: string, version: string): Promise<{ state: CacheState; indexText: string } | null> {
  try {
    const state = JSON.parse(await readFile(join(folder, 'state.json'), 'utf8')) as CacheState;
    if (state.version !== version) return null;
    const indexText = await readFile(join(folder, 'index.json'), 'utf8');
    return digestOf(indexText) === state.indexDigest ? { state, indexText } : null;
  } catch {
    return null;
  }
}

/**
 * The index of `documents`, serialised, and its digest: the cached index updated when there is one of this
 * version and not too much changed, else a fresh one; either way the cache is left holding it.
 */
export async function indexWithCache(
  folder: string,
  documents: readonly SearchDocument[],
): Promise<{ text: string; digest: string }> {
  const version = searchIndexVersion();
  const hashes: Record<string, string> = {};
  for (const document of documents) hashes[document.id] = documentHash(document);
  const cached = await readState(folder, version);
  const text =
    (cached === null ? null : await updated(cached, documents, hashes)) ?? JSON.stringify(freshIndexFile(documents));
  await mkdir(folder, { recursive: true });
  // The index first, then the state naming its digest: a build stopped between the two leaves a state
  // that does not match the index, which the next build ignores.
  await writeAtomically(join(folder, 'index.json'), text);
  const digest = digestOf(text);
  const state: CacheState = { version, indexDigest: digest, documents: hashes };
  await writeAtomically(join(folder, 'state.json'), JSON.stringify(state));
  return { text, digest };
}

/** Written beside and renamed over: a reader sees the old file or the new one, never half of one. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** The cached index with the changed documents replaced, or null when indexing afresh is the better way. */
async function updated(
  cached: { state: CacheState; indexText: string },
  documents: readonly SearchDocument[],
  hashes: Readonly<Record<string, string>>,
): Promise<string | null> {
  const before = cached.state.documents;
  const gone = Object.keys(before).filter((id) => hashes[id] !== before[id]);
  const fresh = documents.filter((d) => before[d.id] !== hashes[d.id]);
  if (gone.length + fresh.length > documents.length * MAX_CHANGED_SHARE) return null;
  const file = JSON.parse(cached.indexText) as SearchIndexFile;
  const index = MiniSearch.loadJS<SearchDocument>(file.index as unknown as AsPlainObject, INDEX_OPTIONS);
  for (const id of gone) index.discard(id);
  index.addAll(fresh);
  // Discarded documents leave references in the index until vacuumed: the file holds none.
  await index.vacuum();
  return JSON.stringify(indexFile(index));
}
