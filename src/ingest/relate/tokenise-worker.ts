/** Worker thread: tokenises the chunks of articles it is sent (tokenise-corpus.ts). */
import { serveBatches } from '../worker-pool.ts';
import { tokeniseChunk, type TextInput } from './tokenise-corpus.ts';

serveBatches('tokenise-worker.ts', (chunk: readonly TextInput[]) => tokeniseChunk(chunk));
