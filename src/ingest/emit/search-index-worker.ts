/** Worker thread: makes and writes the search index shards it is sent (write-search-index.ts). */
import { serveBatches } from '../worker-pool.ts';
import { makeShard, type ShardTask } from './search-shard.ts';

serveBatches('search-index-worker.ts', (task: ShardTask) => makeShard(task));
