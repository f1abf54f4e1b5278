/**
 * A search index whose file hides a story's document in a shard (a rebuild's overlay holds its current one,
 * or the story is gone): the app's search leaves it out. Its own file: the app keeps one search engine.
 */
import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { StoryPage } from '../../src/shared/article-schema.ts';
import type { SearchIndexFile } from '../../src/shared/search-options.ts';
import { searchIndexPath } from '../../src/shared/site-paths.ts';
import { serveSite, siteFiles } from './fixture-site.ts';
import { renderApp } from './render-app.tsx';

it('leaves out a story the index file hides in its shard', async () => {
  const files = siteFiles();
  const index = files.get(searchIndexPath()) as SearchIndexFile;
  const [story] = (files.get('/data/stories/page-1.json') as StoryPage).stories;
  const [shard] = index.shards;
  if (story === undefined || shard === undefined) throw new Error('the fixture site has no story or shard');
  files.set(searchIndexPath(), { ...index, hidden: { [shard]: [story.id] } });
  serveSite(files);
  renderApp('/search/?q=zelensky');
  expect(await screen.findByText('No stories match “zelensky”.')).toBeTruthy();
});
