/**
 * `sitemap.xml` with every article's canonical URL (and the home page), split into files of at most
 * 50,000 URLs under a sitemap index when the site is larger, as the protocol requires; and `robots.txt`
 * pointing to it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../shared/article-schema.ts';
import { articlePath } from '../../shared/site-paths.ts';
import { escapeHtml as x } from './share/html-text.ts';

export const URLS_PER_SITEMAP = 50_000;
const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Each article's `<lastmod>`, made once per distinct date (a site has far fewer dates than articles). */
function lastModifiedOf(): (article: Article) => string {
  const made = new Map<string, string>();
  return ({ published }) => {
    if (published === null) return '';
    let tag = made.get(published);
    if (tag === undefined) {
      tag = `<lastmod>${x(new Date(published).toISOString())}</lastmod>`;
      made.set(published, tag);
    }
    return tag;
  };
}

function urlSet(urls: readonly string[]): string {
  return `${XML}<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

export async function writeSitemap(outDir: string, articles: readonly Article[], siteUrl: string): Promise<number> {
  const lastModified = lastModifiedOf();
  const urls = [
    `<url><loc>${x(`${siteUrl}/`)}</loc></url>`,
    ...articles.map((a) => `<url><loc>${x(`${siteUrl}${articlePath(a.id)}`)}</loc>${lastModified(a)}</url>`),
  ];
  let files = 1;
  if (urls.length <= URLS_PER_SITEMAP) {
    await writeFile(join(outDir, 'sitemap.xml'), urlSet(urls));
  } else {
    files = Math.ceil(urls.length / URLS_PER_SITEMAP);
    const parts: string[] = [];
    for (let i = 0; i < files; i++) {
      const name = `sitemap-${i + 1}.xml`;
      await writeFile(join(outDir, name), urlSet(urls.slice(i * URLS_PER_SITEMAP, (i + 1) * URLS_PER_SITEMAP)));
      parts.push(`<sitemap><loc>${x(`${siteUrl}/${name}`)}</loc></sitemap>`);
    }
    await writeFile(
      join(outDir, 'sitemap.xml'),
      `${XML}<sitemapindex xmlns="${NS}">\n${parts.join('\n')}\n</sitemapindex>\n`,
    );
  }
  await writeFile(join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`);
  return files;
}
