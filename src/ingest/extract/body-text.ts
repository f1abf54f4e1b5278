/**
 * An article's body as the text search, grouping and the command line's `extract` read. A module of its
 * own so the build's later stages need not load the extractor (and its language detector) to get it.
 */
import type { Article } from '../../shared/article-schema.ts';

/**
 * The article body as plain text: paragraphs, subheadings and quotes (with their attribution) in order,
 * one empty line between; captions, credits and highlights are left out.
 */
export function bodyText(article: Article): string {
  return article.blocks
    .flatMap((b) => {
      switch (b.type) {
        case 'paragraph':
        case 'subheading':
          return [b.text];
        case 'quote':
          return b.attribution === null ? [b.text] : [b.text, `— ${b.attribution}`];
        case 'caption':
        case 'highlights':
          return [];
      }
    })
    .join('\n\n');
}
