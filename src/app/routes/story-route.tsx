/**
 * `/story/?id=<story id>`: every copy of one story, newest first. The story list and an article's
 * sidebar show at most a dozen copies; a story covered by hundreds of outlets links here for the rest.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useRouteData } from '../routing/app-routes.tsx';
import type { LoaderArgs } from '../routing/route-loading.ts';
import { notFound } from '../routing/route-status.ts';
import { outletLabel } from '../../shared/outlet-label.ts';
import { articlePath, storyFeedPath } from '../../shared/site-paths.ts';
import { RelativeTime } from '../components/relative-time.tsx';
import { loadStoryCopies } from '../data/site-data.ts';

export async function loader({ url, signal }: LoaderArgs) {
  const id = url.searchParams.get('id');
  if (id === null || id === '') throw notFound();
  return loadStoryCopies(id, signal);
}

export function Component() {
  const story = useRouteData<typeof loader>();
  useEffect(() => {
    document.title = `All copies: ${story.headline} — Broadsheet`;
    document.getElementById('story-title')?.focus();
  }, [story.headline]);
  return (
    <section className="story-list" aria-labelledby="story-title">
      <h1 id="story-title" className="page-title" tabIndex={-1}>
        {story.headline}
      </h1>
      <p className="list-summary">
        {story.members.length} {story.members.length === 1 ? 'copy' : 'copies'} of this story, newest first ·{' '}
        <a href={storyFeedPath(story.id)}>Follow this story (Atom feed)</a>
      </p>
      <ol className="story-copies">
        {story.members.map((m) => (
          <li key={m.id}>
            <Link to={articlePath(m.id)}>
              <span className="outlet">{outletLabel(m)}</span> <span className="headline">{m.headline}</span>
            </Link>
            {m.published === null ? null : (
              <>
                {' '}
                <RelativeTime iso={m.published} />
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
