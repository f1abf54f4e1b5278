/** `/` and `/?page=N`: the story list, one page of the emitted list at a time, newest first. */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useRouteData } from '../routing/app-routes.tsx';
import type { LoaderArgs } from '../routing/route-loading.ts';
import { notFound } from '../routing/route-status.ts';
import { loadSiteIndex, loadStoryPage } from '../data/site-data.ts';
import { StoryRow } from '../components/story-row.tsx';
import { leadArticleId, listSummary } from '../../shared/story-row-parts.ts';
import { SaveOffline } from '../offline/save-offline.tsx';
import { useSavedOffline } from '../offline/use-saved-offline.ts';
import { useReadIds } from '../reading/reading-history.ts';

export async function storyListLoader({ url, signal }: LoaderArgs) {
  const raw = url.searchParams.get('page') ?? '1';
  const page = Number(raw);
  if (!Number.isInteger(page) || page < 1) throw notFound();
  const index = await loadSiteIndex(signal);
  if (page > Math.max(1, index.pageCount)) throw notFound();
  const storyPage = await loadStoryPage(page, signal);
  return { index, storyPage };
}

export function StoryListRoute() {
  const { index, storyPage } = useRouteData<typeof storyListLoader>();
  const saved = useSavedOffline(storyPage.stories.map((s) => leadArticleId(s)));
  const read = useReadIds();
  useEffect(() => {
    document.title = storyPage.page === 1 ? 'Broadsheet' : `Broadsheet — page ${storyPage.page}`;
  }, [storyPage.page]);
  return (
    <section className="story-list" aria-labelledby="list-title">
      <h1 id="list-title" className="visually-hidden">
        Latest stories
      </h1>
      <p className="list-summary">{listSummary(index.storyCount, index.articleCount)}</p>
      {storyPage.stories.length === 0 ? <p>No stories yet: add article text files and rebuild.</p> : null}
      {storyPage.stories.map((story) => (
        <StoryRow
          key={story.id}
          story={story}
          savedOffline={saved.has(leadArticleId(story))}
          read={story.members.some((m) => read.has(m.id))}
        />
      ))}
      {storyPage.pageCount > 1 ? (
        <nav className="pager" aria-label="Pages">
          {storyPage.page > 1 ? <Link to={`/?page=${storyPage.page - 1}`}>Newer stories</Link> : null}
          <span>
            Page {storyPage.page} of {storyPage.pageCount}
          </span>
          {storyPage.page < storyPage.pageCount ? <Link to={`/?page=${storyPage.page + 1}`}>Older stories</Link> : null}
        </nav>
      ) : null}
      <SaveOffline />
    </section>
  );
}
