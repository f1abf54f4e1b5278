/**
 * What a link preview needs to know about an article: title, description, canonical URL, preview image
 * and the schema.org NewsArticle. Pure: the page writer turns this into tags.
 */
import type { Article, Block } from '../../../shared/article-schema.ts';
import { articlePath, previewImagePath, PREVIEW_IMAGE_SIZE, SITE_NAME } from '../../../shared/site-paths.ts';
import { clipText } from './html-text.ts';

export const MAX_DESCRIPTION = 200;

export interface ShareMeta {
  readonly title: string;
  readonly description: string;
  readonly canonical: string;
  readonly image: { readonly url: string; readonly width: number; readonly height: number; readonly alt: string };
  readonly siteName: string;
  readonly jsonLd: Readonly<Record<string, unknown>>;
}

/** A site URL without a trailing slash, checked to be absolute http(s). */
export function normaliseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`the site URL "${raw}" is not an absolute URL (expected e.g. https://news.example.org)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`the site URL "${raw}" must start with http:// or https://`);
  }
  return url.href.replace(/\/+$/, '');
}

function firstText(blocks: readonly Block[]): string | null {
  for (const block of blocks) if (block.type === 'paragraph') return block.text;
  for (const block of blocks) if (block.type === 'highlights') return block.items.join(' ');
  return null;
}

/** The standfirst, else the first paragraph: the article's own words, never site boilerplate. */
export function describeArticle(article: Article): string {
  return clipText(article.standfirst ?? firstText(article.blocks) ?? article.headline, MAX_DESCRIPTION);
}

export function shareMeta(article: Article, siteUrl: string): ShareMeta {
  const canonical = `${siteUrl}${articlePath(article.id)}`;
  const imageUrl = `${siteUrl}${previewImagePath(article.id)}`;
  const description = describeArticle(article);
  const publisher = { '@type': 'Organization', name: article.outlet ?? SITE_NAME };
  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description,
    image: [imageUrl],
    ...(article.published === null ? {} : { datePublished: article.published }),
    author:
      article.byline === null
        ? publisher
        : article.byline
            .split(/\s*(?:,|\band\b|&)\s*/)
            .filter(Boolean)
            .map((name) => ({ '@type': 'Person', name })),
    publisher,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    ...(article.language === 'und' ? {} : { inLanguage: article.language }),
    wordCount: article.wordCount,
  };
  return {
    title: `${article.headline} — ${SITE_NAME}`,
    description,
    canonical,
    image: {
      url: imageUrl,
      ...PREVIEW_IMAGE_SIZE,
      alt: article.outlet === null ? article.headline : `${article.headline} (${article.outlet})`,
    },
    siteName: SITE_NAME,
    jsonLd,
  };
}
