/**
 * Copied page text → Article. The passes run in this order, each blocks-in, blocks-out:
 *
 * 1. furniture   — rule-table lines (subscribe prompts, "Comments", "More from …") are removed first,
 *                  because the body search scores them down and cannot cross section walls;
 * 2. captions    — a line followed by a photo credit; before the body search, since captions are
 *                  sentences that would otherwise count as prose;
 * 3. body        — the best-scoring run of prose lines;
 * 4. headline    — a title-like line above the body (needs the body to know where "above" ends);
 * 5. outside     — lines above the headline or below the body are removed;
 * 6. headline repeats, byline and date, standfirst, highlights, leftovers of the front matter;
 * 7. quotes, subheadings, paragraphs inside the body; anything unclaimed is recorded as removed.
 */
import type { Article } from '../../shared/article-schema.ts';
import { assembleArticle } from './assemble-article.ts';
import { decodeText } from './decode-text.ts';
import { newDraft, type Draft, type Pass } from './draft.ts';
import { ExtractionError } from './extraction-error.ts';
import { findBody } from './find-body.ts';
import { findHeadline } from './find-headline.ts';
import { markParagraphs, markQuotes, markSubheadings, markUnclaimed } from './mark-body.ts';
import { markCaptions } from './mark-captions.ts';
import {
  markBylineAndDate,
  markHeadline,
  markHighlights,
  markOutsideArticle,
  markStandfirst,
  settleFrontMatter,
} from './mark-front-matter.ts';
import { markFurniture } from './mark-furniture.ts';
import { toSourceLines } from './source-lines.ts';

export const PASSES: readonly Pass[] = [
  markFurniture,
  markCaptions,
  findBody,
  findHeadline,
  markOutsideArticle,
  markHeadline,
  markBylineAndDate,
  markStandfirst,
  markHighlights,
  settleFrontMatter,
  markQuotes,
  markSubheadings,
  markParagraphs,
  markUnclaimed,
];

export function runPasses(text: string): Draft {
  return PASSES.reduce((draft, pass) => pass(draft), newDraft(toSourceLines(text)));
}

/** Extracts one article from decoded text; throws ExtractionError when the text holds no article. */
export function extractArticle(text: string, sourceFile: string): Article {
  const draft = runPasses(text);
  if (draft.units.length === 0) throw new ExtractionError(1, 'the file has no text (only blank lines)');
  return assembleArticle(draft, sourceFile);
}

/** Extracts one article from a file's bytes. */
export function extractArticleFromBytes(bytes: Uint8Array, sourceFile: string): Article {
  return extractArticle(decodeText(bytes), sourceFile);
}
