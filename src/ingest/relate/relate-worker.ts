/**
 * Worker thread of grouping and related stories (relate-worker-pool.ts): tokenises chunks of articles,
 * ranks their terms, and runs the pair and related searches over indexes in shared memory.
 */
import { serveBatches } from '../worker-pool.ts';
import { candidateRange, rerankRange } from './related-index.ts';
import type { RelateTask } from './relate-worker-pool.ts';
import { pairsInRange } from './story-pairs.ts';
import { rankRange } from './term-vectors.ts';
import { tokeniseChunk } from './tokenise-corpus.ts';

serveBatches('relate-worker.ts', (task: RelateTask) => {
  switch (task.kind) {
    case 'tokenise':
      return tokeniseChunk(task.docs);
    case 'rank':
      return rankRange(task.flat, task.idf, task.from, task.to);
    case 'pairs':
      return pairsInRange(task.index, task.from, task.to, task.threshold);
    case 'candidates':
      return candidateRange(task.index, task.from, task.to);
    case 'rerank':
      return rerankRange(task.index, task.table, task.from, task.to, task.count);
  }
});
