/** Worker thread: extracts the files it is sent, answering each with its article or why it failed. */
import { serveBatches } from '../worker-pool.ts';
import { extractOne } from './extract-task.ts';

serveBatches('extract-worker.ts', extractOne);
