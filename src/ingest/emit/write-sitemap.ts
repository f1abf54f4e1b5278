/**
 * `sitemap.xml` with every article's canonical URL (and the home page), split into files of at most
 * 50,000 URLs under a sitemap index when the site is larger, as the protocol requires; and `robots.txt`
 * pointing to it.
 */
import { join } from 'node:path';
import type { Article } from '../../shared/article-schema.ts';
import { articlePath } from '../../shared/site-paths.ts';
import { BatchedHash } from './batched-hash.ts';
import { FileWriter } from './file-writer.ts';
import type { OutputManifest } from './output-manifest.ts';
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

/**
 * What the sitemap files are made from besides the site's URL (in the output record's input version): each
 * article's id and date, in order.
 */
function sitemapKey(articles: readonly Article[]): string {
  const hash = new BatchedHash('sha1');
  for (const { id, published } of articles) hash.add(`${id}\0${published ?? ''}\n`);
  return hash.digest('base64');
}

/**
 * Writes the sitemap (and robots.txt) and returns how many files of URLs it has. With the output record, a
 * rebuild keeps each file whose articles kept their ids and dates (at 100k articles, making and writing the
 * three files took a quarter of a second): a file of URLs is keyed by its own articles, so an article added
 * at the end of the input order makes only the last file again.
 */
export async function writeSitemap(
  outDir: string,
  articles: readonly Article[],
  siteUrl: string,
  manifest: OutputManifest | null = null,
): Promise<number> {
  const urlCount = articles.length + 1;
  const files = urlCount <= URLS_PER_SITEMAP ? 1 : Math.ceil(urlCount / URLS_PER_SITEMAP);
  const writer = new FileWriter(manifest);
  const write = (name: string, text: string) => writer.write(join(outDir, name), text);
  // The site's own URL comes first: file i holds URLs i·N to (i+1)·N − 1, the articles one before that.
  const articlesOf = (i: number) =>
    articles.slice(Math.max(0, i * URLS_PER_SITEMAP - 1), (i + 1) * URLS_PER_SITEMAP - 1);
  const lastModified = lastModifiedOf();
  // Escaping works character by character: the site's URL is escaped once, not once per article.
  const site = x(siteUrl);
  const urlSetOf = (i: number, listed: readonly Article[]) =>
    urlSet([
      ...(i === 0 ? [`<url><loc>${site}/</loc></url>`] : []),
      ...listed.map((a) => `<url><loc>${site}${x(articlePath(a.id))}</loc>${lastModified(a)}</url>`),
    ]);
  // Every name is asked, so that each file written is recorded with its key.
  const keep = (name: string, key: () => string) => manifest !== null && writer.reuse(name, key()) !== undefined;
  // One file of URLs is the sitemap itself; more go under a sitemap index.
  const parts = files === 1 ? ['sitemap.xml'] : Array.from({ length: files }, (_, i) => `sitemap-${i + 1}.xml`);
  for (const [i, name] of parts.entries()) {
    const listed = articlesOf(i);
    if (!keep(name, () => sitemapKey(listed))) await write(name, urlSetOf(i, listed));
  }
  if (files > 1 && !keep('sitemap.xml', () => parts.join('\n'))) {
    const index = parts.map((name) => `<sitemap><loc>${site}/${name}</loc></sitemap>`);
    await write('sitemap.xml', `${XML}<sitemapindex xmlns="${NS}">\n${index.join('\n')}\n</sitemapindex>\n`);
  }
  if (!keep('robots.txt', () => 'robots')) {
    await write('robots.txt', `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`);
  }
  await writer.flush();
  return files;
}
