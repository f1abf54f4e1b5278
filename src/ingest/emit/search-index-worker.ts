/** Worker thread: builds and writes the search index of the documents it is sent (write-search-index.ts). */
import type { SearchDocument } from '../../shared/search-options.ts';
import { serveBatches } from '../worker-pool.ts';
import { writeIndexFile } from './write-search-index.ts';

export interface SearchIndexTask {
  readonly outDir: string;
  readonly documents: readonly SearchDocument[];
  readonly cacheDir: string | null;
}

serveBatches('search-index-worker.ts', (task: SearchIndexTask) =>
  writeIndexFile(task.outDir, task.documents, task.cacheDir),
);
