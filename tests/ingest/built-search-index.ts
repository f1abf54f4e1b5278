/** Loads a built site's search index as the app does: its file, the shards it names, joined into one. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import {
  INDEX_OPTIONS,
  type SearchDocument,
  type SearchIndexFile,
  type SearchShardFile,
} from '../../src/shared/search-options.ts';
import { joinShards } from '../../src/app/search/join-shards.ts';

export async function readSearchIndexFile(outDir: string): Promise<SearchIndexFile> {
  return JSON.parse(await readFile(join(outDir, 'data', 'search-index.json'), 'utf8')) as SearchIndexFile;
}

export async function readShard(outDir: string, name: string): Promise<SearchShardFile> {
  return JSON.parse(await readFile(join(outDir, 'data', 'search', name), 'utf8')) as SearchShardFile;
}

export async function loadBuiltIndex(outDir: string): Promise<MiniSearch<SearchDocument>> {
  const file = await readSearchIndexFile(outDir);
  const shards = await Promise.all(file.shards.map((name) => readShard(outDir, name)));
  return joinShards<SearchDocument>(
    shards.map((s) => s.index as unknown as AsPlainObject),
    INDEX_OPTIONS,
    file.shards.map((name) => new Set(file.hidden?.[name] ?? [])),
  );
}
