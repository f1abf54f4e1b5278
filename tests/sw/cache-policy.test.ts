/** The service worker's cache policy, as the pure functions it is made of. */
import { describe, expect, it } from 'vitest';
import { describeSave } from '../../src/app/offline/save-offline.tsx';
import {
  classifyRequest,
  dataCacheKey,
  dataCacheName,
  INSTALL_PAGES,
  installUrls,
  storyPageUrls,
  saveAllUrls,
  staleDataCaches,
} from '../../src/sw/cache-policy.ts';

const ORIGIN = 'https://news.example.org';
const url = (path: string) => new URL(path, ORIGIN);

describe('cache policy', () => {
  it('sends navigations to the shell fallback and JSON under /data to the data cache', () => {
    expect(classifyRequest(url('/article/a-1/'), 'navigate', ORIGIN)).toBe('navigation');
    expect(classifyRequest(url('/data/articles/a-1.json'), 'cors', ORIGIN)).toBe('data');
    expect(classifyRequest(url('/data/search-index.json'), 'cors', ORIGIN)).toBe('data');
    expect(classifyRequest(url('/assets/index.js'), 'no-cors', ORIGIN)).toBe('other');
    expect(classifyRequest(url('/og/a-1.png'), 'no-cors', ORIGIN)).toBe('other');
    expect(classifyRequest(new URL('https://elsewhere.example/data/x.json'), 'cors', ORIGIN)).toBe('other');
  });

  it('keeps one data cache per build and names the others for deletion', () => {
    expect(dataCacheName('abc')).toBe('broadsheet-data-abc');
    expect(
      staleDataCaches(['broadsheet-data-old', 'broadsheet-data-abc', 'workbox-precache-v2-x', 'other'], 'abc'),
    ).toEqual(['broadsheet-data-old']);
  });

  it('caches the index and the first list pages at install, and every page, the search index and articles on "save all"', () => {
    expect(installUrls(3)).toEqual([
      '/data/index.json',
      '/data/stories/page-1.json',
      '/data/stories/page-2.json',
      '/data/stories/page-3.json',
    ]);
    expect(installUrls(200)).toEqual(installUrls(INSTALL_PAGES));
    expect(installUrls(200)).toHaveLength(1 + INSTALL_PAGES);
    expect(installUrls(0)).toEqual(['/data/index.json', '/data/stories/page-1.json']);
    expect(storyPageUrls(200)).toHaveLength(200);
    expect(storyPageUrls(200).at(-1)).toBe('/data/stories/page-200.json');
    expect(storyPageUrls(0)).toEqual(['/data/stories/page-1.json']);
    expect(saveAllUrls(['0-ab.json', '1-cd.json'], ['/data/articles/a.json'])).toEqual([
      '/data/search-index.json',
      '/data/search/0-ab.json',
      '/data/search/1-cd.json',
      '/data/articles/a.json',
    ]);
  });

  it('keys data by path alone', () => {
    expect(dataCacheKey(url('/data/index.json?v=2'))).toBe('/data/index.json');
  });
});

describe('save-all messages', () => {
  it('tell the reader the progress, the end, and a full device plainly', () => {
    expect(describeSave({ state: 'saving', done: 25, total: 100 })).toBe('Saved 25 of 100…');
    expect(describeSave({ state: 'done', saved: 100 })).toBe('All 100 files saved: every story opens offline.');
    expect(describeSave({ state: 'failed', reason: 'quota', done: 40, total: 100 })).toMatch(
      /out of space for this site after 40 of 100 files/,
    );
  });
});
