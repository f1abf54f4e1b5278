/** Runs the extractor over every input, collecting articles and the files that failed with why. */
import type { Article } from '../shared/article-schema.ts';
import { extractArticleFromBytes } from './extract/extract-article.ts';
import { ExtractionError } from './extract/extraction-error.ts';
import type { InputFile, SkippedFile } from './read-inputs.ts';

export interface ExtractedCorpus {
  readonly articles: Article[];
  readonly failed: SkippedFile[];
}

/** How often, in files, extraction reports its progress. */
const STEP_EVERY = 250;

export function extractInputs(
  inputs: readonly InputFile[],
  onStep: (done: number, total: number) => void = () => {},
): ExtractedCorpus {
  const articles: Article[] = [];
  const failed: SkippedFile[] = [];
  const fileOfId = new Map<string, string>();
  for (const [i, input] of inputs.entries()) {
    if (i % STEP_EVERY === 0) onStep(i, inputs.length);
    try {
      const article = extractArticleFromBytes(input.bytes, input.file);
      const taken = fileOfId.get(article.id);
      if (taken !== undefined) {
        failed.push({
          file: input.file,
          line: 1,
          reason: `its id ${article.id} is already used by ${taken}; rename the file`,
        });
        continue;
      }
      fileOfId.set(article.id, input.file);
      articles.push(article);
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      failed.push({ file: input.file, line: error.line, reason: error.message });
    }
  }
  return { articles, failed };
}
