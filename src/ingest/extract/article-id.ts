/**
 * Article ids: readable and stable. The slug comes from the headline so a shared link says what it is;
 * the suffix is a hash of the source file name, so two articles with the same headline differ, and an
 * id never changes when other files are added or removed. (If two ids ever collide, the build leaves
 * the later file out and says so: see extract-inputs.ts.)
 */
import { hash } from 'node:crypto';
import { basename } from 'node:path';

const MAX_SLUG_CHARS = 60;

export function slugify(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{Ll}\p{Lo}\p{N}]+/u)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_CHARS) break;
    slug = next;
  }
  return slug === '' ? (words[0]?.slice(0, MAX_SLUG_CHARS) ?? '') : slug;
}

export function shortHash(text: string, hexChars = 6): string {
  return hash('sha1', text, 'hex').slice(0, hexChars);
}

/** 8 hex characters: two of 10^5 articles share a hash with odds of about one in a million. */
const ID_HASH_CHARS = 8;

export function articleId(headline: string, sourceFile: string): string {
  const slug = slugify(headline);
  const suffix = shortHash(basename(sourceFile), ID_HASH_CHARS);
  return slug === '' ? `article-${suffix}` : `${slug}-${suffix}`;
}
