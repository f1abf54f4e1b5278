/**
 * Worker thread of grouping and related stories (relate-worker-pool.ts): tokenises chunks of articles and
 * renumbers them into one corpus, ranks their terms, and runs the pair and related searches over indexes
 * in shared memory. Results are made in SharedArrayBuffers: the main thread gets them without a copy.
 */
import { serveBatches } from '../worker-pool.ts';
import { candidateRange, rerankRange } from './related-index.ts';
import type { RelateTask } from './relate-worker-pool.ts';
import { pairsInRange } from './story-pairs.ts';
import { rankRange } from './term-vectors.ts';
import { renumberBags, tokeniseChunk } from './tokenise-corpus.ts';

serveBatches('relate-worker.ts', (task: RelateTask) => {
  switch (task.kind) {
    case 'tokenise':
      return tokeniseChunk(task.docs, true);
    case 'renumber':
      return renumberBags(task.parts, task.globals);
    case 'rank':
      return rankRange(task.flat, task.idf, task.from, task.to, true);
    case 'pairs':
      return pairsInRange(task.index, task.from, task.to, task.threshold, true);
    case 'candidates':
      return candidateRange(task.index, task.from, task.to, true);
    case 'rerank':
      return rerankRange(task.index, task.rows, task.from, task.to, task.count);
  }
});
