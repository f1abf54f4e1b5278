/** Runs the extractor over every input, collecting articles and the files that failed with why. */
import type { Article } from '../shared/article-schema.ts';
import { extractArticleFromBytes } from './extract/extract-article.ts';
import { ExtractionError } from './extract/extraction-error.ts';
import type { InputFile, SkippedFile } from './read-inputs.ts';

export interface ExtractedCorpus {
  readonly articles: Article[];
  readonly failed: SkippedFile[];
}

export function extractInputs(inputs: readonly InputFile[]): ExtractedCorpus {
  const articles: Article[] = [];
  const failed: SkippedFile[] = [];
  for (const input of inputs) {
    try {
      articles.push(extractArticleFromBytes(input.bytes, input.file));
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      failed.push({ file: input.file, line: error.line, reason: error.message });
    }
  }
  return { articles, failed };
}
