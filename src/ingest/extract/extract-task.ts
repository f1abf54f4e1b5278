/** One file's extraction as plain data, the same on the main thread and in a worker. */
import type { Article } from '../../shared/article-schema.ts';
import { extractArticleFromBytes } from './extract-article.ts';
import { ExtractionError } from './extraction-error.ts';

export interface ExtractTask {
  readonly file: string;
  readonly bytes: Uint8Array;
}

export type ExtractOutcome =
  { readonly article: Article } | { readonly failure: { readonly line: number; readonly reason: string } };

/** An ExtractionError is the file's fault and becomes a failure; anything else is a bug and is thrown. */
export function extractOne(task: ExtractTask): ExtractOutcome {
  try {
    return { article: extractArticleFromBytes(task.bytes, task.file) };
  } catch (error) {
    if (!(error instanceof ExtractionError)) throw error;
    return { failure: { line: error.line, reason: error.message } };
  }
}
